package e2e

import (
	"context"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Flow logs on every kind of owner, against the v6 emulator: a NAT
// gateway, a network load balancer and an application load balancer (the
// all-operations test covers NICs).
func TestFlowLogsOnEveryOwner(t *testing.T) {
	_, c := newServer(t, ionostest.WithStrictBodies())
	ctx := context.Background()
	wait := func(resp *ionos.Response, err error) {
		t.Helper()
		require.NoError(t, err)
		if resp != nil && resp.RequestID != "" {
			_, err = c.WaitForCompletion(ctx, resp)
			require.NoError(t, err)
		}
	}
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "owners", Location: "de/fra"})
	wait(resp, err)
	pub, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "public", Public: true})
	wait(resp, err)
	priv, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "private"})
	wait(resp, err)
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "nat", Location: "de/fra", Size: 1})
	wait(resp, err)
	block, _, err = c.IPBlocks.Get(ctx, block.ID)
	require.NoError(t, err)
	require.NotEmpty(t, block.Properties.IPs)

	gw, resp, err := c.NATGateways.Create(ctx, dc.ID, ionos.NATGatewaySpec{Name: "egress", PublicIPs: block.Properties.IPs[:1],
		LANs: []ionos.NATGatewayLAN{{ID: priv.ID}}})
	wait(resp, err)
	nlb, resp, err := c.NetworkLoadBalancers.Create(ctx, dc.ID, ionos.NetworkLoadBalancerSpec{Name: "nlb", ListenerLAN: pub.ID, TargetLAN: priv.ID, IPs: []string{"203.0.113.10"}})
	wait(resp, err)
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dc.ID, ionos.ApplicationLoadBalancerSpec{Name: "alb", ListenerLAN: pub.ID, TargetLAN: priv.ID, IPs: []string{"203.0.113.20"}})
	wait(resp, err)

	for name, owner := range map[string]ionos.FlowLogOwner{
		"NAT gateway":               ionos.NATGatewayFlowLogs(dc.ID, gw.ID),
		"network load balancer":     ionos.NetworkLoadBalancerFlowLogs(dc.ID, nlb.ID),
		"application load balancer": ionos.ApplicationLoadBalancerFlowLogs(dc.ID, alb.ID),
	} {
		t.Run(name, func(t *testing.T) {
			fl, resp, err := c.FlowLogs.Create(ctx, owner, ionos.FlowLogSpec{Name: "in", Action: ionos.FlowLogAll, Direction: ionos.FlowLogIngress, Bucket: "logs/" + name})
			wait(resp, err)
			_, _, err = c.FlowLogs.Update(ctx, owner, fl.ID, ionos.FlowLogUpdate{Action: ionos.Ptr(ionos.FlowLogRejected)})
			require.NoError(t, err)
			got, err := c.FlowLogs.WaitForAvailable(ctx, owner, fl.ID)
			require.NoError(t, err)
			assert.Equal(t, ionos.FlowLogRejected, got.Properties.Action)
			_, _, err = c.FlowLogs.Replace(ctx, owner, fl.ID, ionos.FlowLogSpec{Name: "out", Action: ionos.FlowLogAccepted, Direction: ionos.FlowLogEgress, Bucket: "logs/x"})
			require.NoError(t, err)
			_, err = c.FlowLogs.WaitForAvailable(ctx, owner, fl.ID)
			require.NoError(t, err)
			list, _, err := c.FlowLogs.List(ctx, owner)
			require.NoError(t, err)
			require.Len(t, list, 1)
			assert.Equal(t, "out", list[0].Properties.Name)
			resp, err = c.FlowLogs.Delete(ctx, owner, fl.ID)
			wait(resp, err)
			_, _, err = c.FlowLogs.Get(ctx, owner, fl.ID)
			assert.ErrorIs(t, err, ionos.ErrNotFound)
		})
	}
}
