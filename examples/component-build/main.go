// Command component-build provisions a server piece by piece: a data
// center, a public LAN, a server, a NIC with a firewall rule, a system and a
// data volume, each attached and each waited for, with the progress shown:
// the Python SDK's "Component Build" example.
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

const ubuntuLasVegas = "0d4f97f0-1689-11e7-97ce-525400f64d8d"

// step waits for the request a write started, printing each poll.
func step(ctx context.Context, c *ionos.Client, out io.Writer, what string, resp *ionos.Response) error {
	fmt.Fprintf(out, "%s: ", what)
	_, err := c.WaitForCompletion(ctx, resp, ionos.WithProgress(func(p ionos.WaitProgress) {
		fmt.Fprintf(out, "%s ", p.Status)
	}))
	if err != nil {
		fmt.Fprintln(out, "failed")
		return fmt.Errorf("%s: %w", what, err)
	}
	fmt.Fprintln(out)
	return nil
}

func run(ctx context.Context, c *ionos.Client, out io.Writer) error {
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "Go SDK Data Center", Description: "Go SDK data center", Location: "us/las"})
	if err != nil {
		return err
	}
	if err := step(ctx, c, out, "data center "+dc.ID, resp); err != nil {
		return err
	}

	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "Public LAN", Public: true})
	if err != nil {
		return err
	}
	if err := step(ctx, c, out, "LAN "+string(lan.ID), resp); err != nil {
		return err
	}

	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "Go SDK Server", RAM: 4096, Cores: 4, CPUFamily: "INTEL_XEON"})
	if err != nil {
		return err
	}
	if err := step(ctx, c, out, "server "+srv.ID, resp); err != nil {
		return err
	}

	nic, resp, err := c.NICs.Create(ctx, dc.ID, srv.ID, ionos.NICSpec{
		Name: "Public NIC", DHCP: ionos.Ptr(true), LAN: lan.ID, FirewallActive: true, NAT: false,
	})
	if err != nil {
		return err
	}
	if err := step(ctx, c, out, "NIC "+nic.ID, resp); err != nil {
		return err
	}

	rule, resp, err := c.FirewallRules.Create(ctx, dc.ID, srv.ID, nic.ID, ionos.FirewallRuleSpec{
		Name: "Allow SSH", Protocol: ionos.ProtocolTCP, SourceIP: "0.0.0.0", PortRangeStart: 22, PortRangeEnd: 22,
	})
	if err != nil {
		return err
	}
	if err := step(ctx, c, out, "firewall rule "+rule.ID, resp); err != nil {
		return err
	}

	volumes := []ionos.VolumeSpec{
		{
			Name: "System Volume", Size: 20, Image: ubuntuLasVegas, Bus: "VIRTIO", Type: "HDD",
			SSHKeys: []string{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."}, ImagePassword: "s3cr3tpass0rd", AvailabilityZone: "ZONE_3",
		},
		{Name: "Data Volume", Size: 100, Type: "SSD", Bus: "VIRTIO", LicenceType: "OTHER"},
	}
	for _, spec := range volumes {
		vol, resp, err := c.Volumes.Create(ctx, dc.ID, spec)
		if err != nil {
			return err
		}
		if err := step(ctx, c, out, "volume "+spec.Name, resp); err != nil {
			return err
		}
		_, resp, err = c.Servers.AttachVolume(ctx, dc.ID, srv.ID, vol.ID)
		if err != nil {
			return err
		}
		if err := step(ctx, c, out, "attach "+spec.Name, resp); err != nil {
			return err
		}
	}

	live, _, err := c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(5))
	if err != nil {
		return err
	}
	s := live.Entities.Servers.Items[0]
	fmt.Fprintf(out, "server %q has %d volume(s) and %d NIC(s); NIC %q has %d firewall rule(s)\n",
		s.Properties.Name, len(s.Entities.Volumes.Items), len(s.Entities.NICs.Items),
		s.Entities.NICs.Items[0].Properties.Name, len(s.Entities.NICs.Items[0].Entities.FirewallRules.Items))
	return nil
}
