// Command component-build provisions a server piece by piece, waiting for
// each step: a data center, a public LAN, a server with a NIC and its
// firewall rule on that LAN, and a system and a data volume attached to the
// server. It is the seed's "Component Build" example.
//
//	go run ./examples/component-build -emulate
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, c *ionos.Client, out io.Writer) error {
	wait := func(resp *ionos.Response, err error) error { // for the request a call started
		if err == nil {
			_, err = c.WaitForCompletion(ctx, resp)
		}
		return err
	}
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "Go SDK Data Center", Location: "us/las"})
	if err := wait(resp, err); err != nil {
		return err
	}
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "Public LAN", Public: true})
	if err := wait(resp, err); err != nil {
		return err
	}
	ssh := ionos.FirewallRuleSpec{Name: "Allow SSH", Protocol: ionos.ProtocolTCP, SourceIP: "0.0.0.0", PortRangeStart: 22, PortRangeEnd: 22}
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "Go SDK Server", Cores: 4, RAM: 4096, CPUFamily: ionos.CPUFamilyIntelXeon,
		NICs: []ionos.NICSpec{{Name: "Public NIC", LAN: lan.ID, FirewallActive: true, FirewallRules: []ionos.FirewallRuleSpec{ssh}}}})
	if err := wait(resp, err); err != nil {
		return err
	}
	for _, spec := range []ionos.VolumeSpec{
		{Name: "System Volume", Size: 20, Image: "0d4f97f0-1689-11e7-97ce-525400f64d8d", ImagePassword: "s3cr3tpass0rd",
			SSHKeys: []string{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."}, AvailabilityZone: ionos.Zone3},
		{Name: "Data Volume", Size: 100, Type: ionos.VolumeTypeSSD, LicenceType: ionos.LicenceOther},
	} {
		vol, resp, err := c.Volumes.Create(ctx, dc.ID, spec)
		if err := wait(resp, err); err != nil {
			return err
		}
		_, resp, err = c.Servers.AttachVolume(ctx, dc.ID, srv.ID, vol.ID)
		if err := wait(resp, err); err != nil {
			return err
		}
	}
	s, _, err := c.Servers.Get(ctx, dc.ID, srv.ID, ionos.WithDepth(2))
	if err == nil {
		fmt.Fprintf(out, "server %q has %d volume(s) and %d NIC(s)\n", s.Properties.Name, len(s.Entities.Volumes.Items), len(s.Entities.NICs.Items))
	}
	return err
}
