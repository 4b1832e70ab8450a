// Command composite-build provisions a data center with a public LAN and a
// server with its volumes, NICs and a firewall rule in one request, waits
// for it, and prints what was built. It is the seed's "Composite Build"
// example.
//
//	go run ./examples/composite-build -emulate
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
	ssh := ionos.FirewallRuleSpec{Name: "Allow SSH", Protocol: ionos.ProtocolTCP, SourceIP: "0.0.0.0", PortRangeStart: 22, PortRangeEnd: 22}
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{
		Name: "Go SDK Data Center", Description: "Go SDK data center", Location: "us/las",
		LANs: []ionos.LANSpec{{Name: "Public LAN", Public: true}},
		Servers: []ionos.ServerSpec{{
			Name: "Go SDK Server", Cores: 4, RAM: 4096, CPUFamily: ionos.CPUFamilyIntelXeon,
			NICs: []ionos.NICSpec{
				{Name: "Public NIC", LAN: "1", FirewallActive: true, FirewallRules: []ionos.FirewallRuleSpec{ssh}},
				{Name: "Private NIC", LAN: "2"},
			},
			Volumes: []ionos.VolumeSpec{
				{Name: "System Volume", Size: 20, Image: "0d4f97f0-1689-11e7-97ce-525400f64d8d", ImagePassword: "s3cr3tpass0rd",
					SSHKeys: []string{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."}, AvailabilityZone: ionos.Zone3},
				{Name: "Data Volume", Size: 100, Type: ionos.VolumeTypeSSD, LicenceType: ionos.LicenceOther},
			},
		}},
	})
	if err != nil {
		return err
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		return err
	}
	if dc, _, err = c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(5)); err != nil {
		return err
	}
	fmt.Fprintf(out, "data center %q in %s: %s\n", dc.Properties.Name, dc.Properties.Location, dc.Metadata.State)
	for _, lan := range dc.Entities.LANs.Items {
		fmt.Fprintf(out, "  LAN %s %q public=%t\n", lan.ID, lan.Properties.Name, lan.Properties.Public)
	}
	for _, s := range dc.Entities.Servers.Items {
		fmt.Fprintf(out, "  server %q: %d cores, %d MB RAM, %s\n", s.Properties.Name, s.Properties.Cores, s.Properties.RAM, s.Properties.CPUFamily)
		for _, v := range s.Entities.Volumes.Items {
			fmt.Fprintf(out, "    volume %q: %g GB %s, %s\n", v.Properties.Name, v.Properties.Size, v.Properties.Type, v.Properties.AvailabilityZone)
		}
		for _, n := range s.Entities.NICs.Items {
			fmt.Fprintf(out, "    NIC %q on LAN %s, %d firewall rule(s)\n", n.Properties.Name, n.Properties.LAN, len(n.Entities.FirewallRules.Items))
		}
	}
	return nil
}
