// Command nat-gateway builds a private network behind a NAT gateway (Cloud
// API v6): a data center, an IP block, a private LAN, a server with a NIC on
// it, and a NAT gateway on the LAN whose SNAT rule sends the LAN's subnet
// out through a public IP of the block. It waits on every write, prints
// what it built and, unless -keep is given, deletes it all again.
//
//	go run ./examples/nat-gateway -emulate
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

var (
	location = flag.String("location", "de/fra", "location ID")
	subnet   = flag.String("subnet", "10.7.0.0/24", "the private LAN's subnet, translated by the SNAT rule")
	gateway  = flag.String("gateway-ip", "10.7.0.1/24", "the NAT gateway's IP on the LAN, with its subnet")
	keep     = flag.Bool("keep", false, "keep what was built (delete the data center and the IP block yourself)")
)

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	cfg := config{Location: *location, Subnet: *subnet, GatewayIP: *gateway, Keep: *keep}
	if _, err := run(ctx, c, os.Stdout, cfg); err != nil {
		log.Fatal(err)
	}
}

type config struct {
	Location, Subnet, GatewayIP string
	Keep                        bool
}

// built names what run made.
type built struct {
	DatacenterID, IPBlockID, NATGatewayID, ServerID string
	LAN                                             ionos.LANID
}

func run(ctx context.Context, c *ionos.Client, out io.Writer, cfg config) (b built, err error) {
	if c.APIVersion() != ionos.APIv6 {
		return b, errors.New("NAT gateways need Cloud API v6")
	}
	// wait waits for the request of a write (or passes its error on).
	wait := func(resp *ionos.Response, err error) error {
		if err != nil {
			return err
		}
		_, err = c.WaitForCompletion(ctx, resp)
		return err
	}

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "Go SDK NAT gateway", Location: cfg.Location})
	if err = wait(resp, err); err != nil {
		return b, err
	}
	b.DatacenterID = dc.ID
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "Go SDK NAT gateway", Location: cfg.Location, Size: 1})
	if err = wait(resp, err); err != nil {
		return b, cleanup(ctx, c, out, b, err)
	}
	b.IPBlockID = block.ID
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "private", Public: false})
	if err = wait(resp, err); err != nil {
		return b, cleanup(ctx, c, out, b, err)
	}
	b.LAN = lan.ID
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{
		Name: "backend", Cores: 1, RAM: 1024,
		NICs: []ionos.NICSpec{{Name: "private", LAN: lan.ID}},
	})
	if err = wait(resp, err); err != nil {
		return b, cleanup(ctx, c, out, b, err)
	}
	b.ServerID = srv.ID
	publicIP := block.Properties.IPs[0]
	gw, resp, err := c.NATGateways.Create(ctx, dc.ID, ionos.NATGatewaySpec{
		Name:      "egress",
		PublicIPs: []string{publicIP},
		LANs:      []ionos.NATGatewayLAN{{ID: lan.ID, GatewayIPs: []string{cfg.GatewayIP}}},
		Rules: []ionos.NATGatewayRuleSpec{{
			Name: "private LAN out", Type: ionos.NATGatewayRuleSNAT, Protocol: ionos.NATGatewayRuleALL,
			SourceSubnet: cfg.Subnet, PublicIP: publicIP,
		}},
	})
	if err = wait(resp, err); err != nil {
		return b, cleanup(ctx, c, out, b, err)
	}
	b.NATGatewayID = gw.ID

	gw, _, err = c.NATGateways.Get(ctx, dc.ID, gw.ID, ionos.WithDepth(2))
	if err != nil {
		return b, cleanup(ctx, c, out, b, err)
	}
	fmt.Fprintf(out, "data center %s in %s: server %s on private LAN %s\n", dc.ID, cfg.Location, srv.ID, lan.ID)
	fmt.Fprintf(out, "NAT gateway %s (%s): public IPs %s, gateway IPs %s\n", gw.ID, gw.Metadata.State,
		strings.Join(gw.Properties.PublicIPs, " "), strings.Join(gw.Properties.LANs[0].GatewayIPs, " "))
	for _, r := range gw.Entities.Rules.Items {
		fmt.Fprintf(out, "rule %q: %s %s from %s via %s\n", r.Properties.Name, r.Properties.Type, r.Properties.Protocol, r.Properties.SourceSubnet, r.Properties.PublicIP)
	}
	if cfg.Keep {
		return b, nil
	}
	return b, cleanup(ctx, c, out, b, nil)
}

// cleanup deletes what b names, the NAT gateway first (it holds the IP
// block's IP), then the data center and the IP block, waiting for each; it
// returns cause, or the first failure of the cleanup when cause is nil.
func cleanup(ctx context.Context, c *ionos.Client, out io.Writer, b built, cause error) error {
	var errs []error
	del := func(what string, resp *ionos.Response, err error) {
		if err == nil {
			_, err = c.WaitForCompletion(ctx, resp)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("deleting %s: %w", what, err))
			return
		}
		fmt.Fprintf(out, "deleted %s\n", what)
	}
	if b.NATGatewayID != "" {
		resp, err := c.NATGateways.Delete(ctx, b.DatacenterID, b.NATGatewayID)
		del("NAT gateway "+b.NATGatewayID, resp, err)
	}
	if b.DatacenterID != "" {
		resp, err := c.Datacenters.Delete(ctx, b.DatacenterID)
		del("data center "+b.DatacenterID, resp, err)
	}
	if b.IPBlockID != "" {
		resp, err := c.IPBlocks.Delete(ctx, b.IPBlockID)
		del("IP block "+b.IPBlockID, resp, err)
	}
	if cause != nil {
		return errors.Join(append([]error{cause}, errs...)...)
	}
	return errors.Join(errs...)
}
