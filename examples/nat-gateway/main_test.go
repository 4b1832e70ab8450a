package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testConfig = config{Location: "de/fra", Subnet: "10.7.0.0/24", GatewayIP: "10.7.0.1/24"}

func TestNATGatewayExampleBuilds(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithStrictBodies())
	defer srv.Close()
	ctx := context.Background()
	c := srv.Client()
	cfg := testConfig
	cfg.Keep = true
	var out bytes.Buffer
	b, err := run(ctx, c, &out, cfg)
	require.NoError(t, err)

	gw, _, err := c.NATGateways.Get(ctx, b.DatacenterID, b.NATGatewayID, ionos.WithDepth(2))
	require.NoError(t, err)
	assert.Equal(t, ionos.StateAvailable, gw.Metadata.State)
	block, _, err := c.IPBlocks.Get(ctx, b.IPBlockID)
	require.NoError(t, err)
	assert.Equal(t, block.Properties.IPs, gw.Properties.PublicIPs, "the gateway's IP is the block's")
	assert.Equal(t, []ionos.NATGatewayLAN{{ID: b.LAN, GatewayIPs: []string{"10.7.0.1/24"}}}, gw.Properties.LANs)
	require.Len(t, gw.Entities.Rules.Items, 1)
	rule := gw.Entities.Rules.Items[0].Properties
	assert.Equal(t, ionos.NATGatewayRuleSNAT, rule.Type)
	assert.Equal(t, "10.7.0.0/24", rule.SourceSubnet)
	assert.Equal(t, block.Properties.IPs[0], rule.PublicIP)

	lan, _, err := c.LANs.Get(ctx, b.DatacenterID, b.LAN)
	require.NoError(t, err)
	assert.False(t, lan.Properties.Public, "a private LAN")
	nics, _, err := c.NICs.List(ctx, b.DatacenterID, b.ServerID)
	require.NoError(t, err)
	require.Len(t, nics, 1)
	assert.Equal(t, b.LAN, nics[0].Properties.LAN, "the server is on the LAN behind the gateway")
	assert.Contains(t, out.String(), "NAT gateway "+gw.ID+" (AVAILABLE)")
	assert.Contains(t, out.String(), `rule "private LAN out": SNAT ALL from 10.7.0.0/24 via `+block.Properties.IPs[0])
}

func TestNATGatewayExampleCleansUp(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithCompletionDelay(20 * time.Millisecond)) // the waits wait
	defer srv.Close()
	ctx := context.Background()
	c := srv.Client()
	var out bytes.Buffer
	b, err := run(ctx, c, &out, testConfig)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 6, out.String())
	assert.Equal(t, "deleted NAT gateway "+b.NATGatewayID, lines[3])
	dcs, _, err := c.Datacenters.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, dcs)
	blocks, _, err := c.IPBlocks.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, blocks)
}

func TestNATGatewayExampleNeedsV6(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithAPIVersion("v5"))
	defer srv.Close()
	_, err := run(context.Background(), srv.Client(), &bytes.Buffer{}, testConfig)
	require.ErrorContains(t, err, "v6")
	dcs, _, err := srv.Client().Datacenters.List(context.Background())
	require.NoError(t, err)
	assert.Empty(t, dcs, "nothing was built")
}
