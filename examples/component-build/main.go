// Command component-build provisions a server piece by piece, waiting for
// each step: a data center, a public LAN, a server, a NIC on the LAN with a
// firewall rule, and a system and a data volume attached to the server. It
// is the seed's "Component Build" example, as the README shows it.
//
//	go run ./examples/component-build -emulate
package main

import (
	"fmt"
	"log"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

func main() {
	ctx, c, done, err := connect.Setup() // the IONOS_* environment, or -emulate
	check(err)
	defer done()
	wait := func(resp *ionos.Response, err error) { // stops at a failed call or request
		check(err)
		_, err = c.WaitForCompletion(ctx, resp)
		check(err)
	}

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "Go SDK Data Center", Location: "us/las"})
	wait(resp, err)
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "Public LAN", Public: true})
	wait(resp, err)
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{
		Name: "Go SDK Server", Cores: 4, RAM: 4096, CPUFamily: ionos.CPUFamilyIntelXeon})
	wait(resp, err)
	nic, resp, err := c.NICs.Create(ctx, dc.ID, srv.ID, ionos.NICSpec{Name: "Public NIC", LAN: lan.ID, FirewallActive: true})
	wait(resp, err)
	_, resp, err = c.FirewallRules.Create(ctx, dc.ID, srv.ID, nic.ID, ionos.FirewallRuleSpec{
		Name: "Allow SSH", Protocol: ionos.ProtocolTCP, SourceIP: "0.0.0.0", PortRangeStart: 22, PortRangeEnd: 22})
	wait(resp, err)

	for _, spec := range []ionos.VolumeSpec{
		{Name: "System Volume", Size: 20, Image: "0d4f97f0-1689-11e7-97ce-525400f64d8d", ImagePassword: "s3cr3tpass0rd",
			SSHKeys: []string{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."}, AvailabilityZone: ionos.Zone3},
		{Name: "Data Volume", Size: 100, Type: ionos.VolumeTypeSSD, LicenceType: ionos.LicenceOther},
	} {
		vol, resp, err := c.Volumes.Create(ctx, dc.ID, spec)
		wait(resp, err)
		_, resp, err = c.Servers.AttachVolume(ctx, dc.ID, srv.ID, vol.ID)
		wait(resp, err)
	}
	fmt.Println("server", srv.ID, "is ready in data center", dc.ID)
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
