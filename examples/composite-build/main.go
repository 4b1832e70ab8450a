// Command composite-build provisions a data center with a public LAN and a
// server with its volumes, NICs and a firewall rule in one request, waits
// for it, and prints what was built. It is the seed's "Composite Build"
// example, as the README shows it.
//
//	go run ./examples/composite-build -emulate
package main

import (
	"fmt"
	"log"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

func main() {
	ctx, c, done, err := connect.Setup() // the IONOS_* environment, or -emulate
	if err != nil {
		log.Fatal(err)
	}
	defer done()
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
		log.Fatal(err)
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		log.Fatal(err)
	}
	dc, _, err = c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(3))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range dc.Entities.Servers.Items {
		fmt.Printf("server %q: %d volume(s), %d NIC(s)\n", s.Properties.Name, len(s.Entities.Volumes.Items), len(s.Entities.NICs.Items))
	}
}
