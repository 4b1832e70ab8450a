// Command composite-build provisions a data center with a server, its
// volumes, NICs and a firewall rule in one request, waits for it, makes the
// first LAN public, and prints what was built: the Python SDK's "Composite
// Build" example.
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

// ubuntuLasVegas is the public Ubuntu image of the Python SDK's example.
const ubuntuLasVegas = "0d4f97f0-1689-11e7-97ce-525400f64d8d"

func run(ctx context.Context, c *ionos.Client, out io.Writer) error {
	spec := ionos.DatacenterSpec{
		Name:        "Go SDK Data Center",
		Description: "Go SDK data center",
		Location:    "us/las",
		Servers: []ionos.ServerSpec{{
			Name:      "Go SDK Server",
			RAM:       4096,
			Cores:     4,
			CPUFamily: "INTEL_XEON",
			NICs: []ionos.NICSpec{
				{
					Name:           "Public NIC",
					DHCP:           ionos.Ptr(true),
					LAN:            "1",
					FirewallActive: true,
					NAT:            false,
					FirewallRules: []ionos.FirewallRuleSpec{{
						Name:           "Allow SSH",
						Protocol:       ionos.ProtocolTCP,
						SourceIP:       "0.0.0.0",
						PortRangeStart: 22,
						PortRangeEnd:   22,
					}},
				},
				{Name: "Private NIC", DHCP: ionos.Ptr(true), LAN: "2"},
			},
			Volumes: []ionos.VolumeSpec{
				{
					Name:             "System Volume",
					Size:             20,
					Image:            ubuntuLasVegas,
					Bus:              "VIRTIO",
					Type:             "HDD",
					SSHKeys:          []string{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."},
					ImagePassword:    "s3cr3tpass0rd",
					AvailabilityZone: "ZONE_3",
				},
				{Name: "Data Volume", Size: 100, Type: "SSD", Bus: "VIRTIO", LicenceType: "OTHER"},
			},
		}},
	}

	dc, resp, err := c.Datacenters.Create(ctx, spec)
	if err != nil {
		return fmt.Errorf("creating the data center: %w", err)
	}
	fmt.Fprintf(out, "creating data center %s (request %s)\n", dc.ID, resp.RequestID)
	if _, err := c.WaitForCompletion(ctx, resp, progress(out)); err != nil {
		return fmt.Errorf("waiting for the data center: %w", err)
	}

	// Set the first LAN to public.
	_, resp, err = c.LANs.Update(ctx, dc.ID, "1", ionos.LANUpdate{Name: ionos.Ptr("Public LAN"), Public: ionos.Ptr(true)})
	if err != nil {
		return fmt.Errorf("making LAN 1 public: %w", err)
	}
	if _, err := c.WaitForCompletion(ctx, resp, progress(out)); err != nil {
		return fmt.Errorf("waiting for LAN 1: %w", err)
	}

	live, _, err := c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(5))
	if err != nil {
		return err
	}
	printDatacenter(out, live)
	return nil
}

func progress(out io.Writer) ionos.WaitOption {
	return ionos.WithProgress(func(p ionos.WaitProgress) {
		fmt.Fprintf(out, "  poll %d after %s: %s\n", p.Poll, p.Elapsed.Round(1e6), p.Status)
	})
}

func printDatacenter(out io.Writer, dc *ionos.Datacenter) {
	fmt.Fprintf(out, "data center %q in %s (%s), state %s\n", dc.Properties.Name, dc.Properties.Location, dc.ID, dc.Metadata.State)
	for _, lan := range dc.Entities.LANs.Items {
		fmt.Fprintf(out, "  LAN %s %q public=%t\n", lan.ID, lan.Properties.Name, lan.Properties.Public)
	}
	for _, s := range dc.Entities.Servers.Items {
		p := s.Properties
		fmt.Fprintf(out, "  server %q: %d cores, %d MB RAM, %s (%s)\n", p.Name, p.Cores, p.RAM, p.CPUFamily, s.ID)
		for _, v := range s.Entities.Volumes.Items {
			fmt.Fprintf(out, "    volume %q: %g GB %s, %s\n", v.Properties.Name, v.Properties.Size, v.Properties.Type, v.Properties.AvailabilityZone)
		}
		for _, n := range s.Entities.NICs.Items {
			fmt.Fprintf(out, "    NIC %q on LAN %s, firewall %t, %d rule(s)\n", n.Properties.Name, n.Properties.LAN, n.Properties.FirewallActive, len(n.Entities.FirewallRules.Items))
			for _, r := range n.Entities.FirewallRules.Items {
				rp := r.Properties
				ports := "any port"
				if rp.PortRangeStart != 0 {
					ports = fmt.Sprintf("ports %d-%d", rp.PortRangeStart, rp.PortRangeEnd)
				}
				fmt.Fprintf(out, "      rule %q: %s %s from %s\n", rp.Name, rp.Protocol, ports, rp.SourceIP)
			}
		}
	}
}
