package ionos_test

import (
	"context"
	"fmt"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// Put a private LAN behind a NAT gateway (Cloud API v6): the gateway takes
// a public IP of an IP block in the data center's location, and its SNAT
// rule sends the LAN's subnet out through it. The create answers with a
// request to wait for; an update is waited for on the gateway's state.
func ExampleNATGatewaysService_Create() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	wait := func(resp *ionos.Response, err error) {
		if err == nil {
			_, err = c.WaitForCompletion(ctx, resp)
		}
		if err != nil {
			panic(err)
		}
	}

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "private", Location: "de/fra"})
	wait(resp, err)
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "backend"})
	wait(resp, err)
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Location: "de/fra", Size: 1})
	wait(resp, err)

	gw, resp, err := c.NATGateways.Create(ctx, dc.ID, ionos.NATGatewaySpec{
		Name:      "egress",
		PublicIPs: block.Properties.IPs,
		LANs:      []ionos.NATGatewayLAN{{ID: lan.ID, GatewayIPs: []string{"10.7.0.1/24"}}},
		Rules: []ionos.NATGatewayRuleSpec{{
			Name: "out", Type: ionos.NATGatewayRuleSNAT, SourceSubnet: "10.7.0.0/24", PublicIP: block.Properties.IPs[0],
		}},
	})
	wait(resp, err)

	if _, _, err := c.NATGateways.Update(ctx, dc.ID, gw.ID, ionos.NATGatewayUpdate{Name: ionos.Ptr("egress-1")}); err != nil {
		panic(err)
	}
	gw, err = c.NATGateways.WaitForAvailable(ctx, dc.ID, gw.ID)
	if err != nil {
		panic(err)
	}
	rules, _, err := c.NATGateways.ListRules(ctx, dc.ID, gw.ID)
	if err != nil {
		panic(err)
	}
	fmt.Println(gw.Properties.Name, gw.Metadata.State, len(rules), rules[0].Properties.Protocol)
	// Output: egress-1 AVAILABLE 1 ALL
}
