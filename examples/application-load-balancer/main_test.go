package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApplicationLoadBalancerOnEmulator(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithStrictBodies())
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	var out bytes.Buffer
	b, err := build(ctx, c, &out)
	require.NoError(t, err)
	require.Len(t, b.TargetIPs, 2)
	assert.Contains(t, out.String(), "http://"+b.ListenerIP+"/")

	// What it built: an ALB between the two LANs, forwarding to a group of
	// the two servers' IPs.
	alb, _, err := c.ApplicationLoadBalancers.Get(ctx, b.DatacenterID, b.ALBID, ionos.WithDepth(2))
	require.NoError(t, err)
	assert.Equal(t, ionos.StateAvailable, alb.Metadata.State, "build waited")
	assert.Equal(t, []string{b.ListenerIP}, alb.Properties.IPs)
	listener, _, err := c.LANs.Get(ctx, b.DatacenterID, alb.Properties.ListenerLAN)
	require.NoError(t, err)
	assert.True(t, listener.Properties.Public)
	target, _, err := c.LANs.Get(ctx, b.DatacenterID, alb.Properties.TargetLAN)
	require.NoError(t, err)
	assert.False(t, target.Properties.Public)
	require.Len(t, alb.Entities.ForwardingRules.Items, 1)
	rules := alb.Entities.ForwardingRules.Items[0].Properties.HTTPRules
	require.Len(t, rules, 2)
	assert.Equal(t, ionos.HTTPRuleForward, rules[1].Type)
	assert.Equal(t, b.TargetGroupID, rules[1].TargetGroup)
	tg, _, err := c.TargetGroups.Get(ctx, b.TargetGroupID)
	require.NoError(t, err)
	var ips []string
	for _, tt := range tg.Properties.Targets {
		ips = append(ips, tt.IP)
	}
	assert.Equal(t, b.TargetIPs, ips)
	servers, _, err := c.Servers.List(ctx, b.DatacenterID)
	require.NoError(t, err)
	assert.Len(t, servers, 2)

	require.NoError(t, b.cleanup(ctx, c, &out))
	assert.True(t, strings.HasSuffix(strings.TrimSpace(out.String()), "cleaned up data center "+b.DatacenterID))
	groups, _, err := c.TargetGroups.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, groups)
	blocks, _, err := c.IPBlocks.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, blocks)
	_, _, err = c.Datacenters.Get(ctx, b.DatacenterID)
	require.ErrorIs(t, err, ionos.ErrNotFound)
}
