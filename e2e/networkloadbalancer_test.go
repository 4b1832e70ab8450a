package e2e

import (
	"context"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nlbOperations are the NetworkLoadBalancers service's operations.
var nlbOperations = []string{
	"List", "All", "Get", "Create", "Update", "Replace", "Delete",
	"ListForwardingRules", "AllForwardingRules", "GetForwardingRule", "CreateForwardingRule",
	"UpdateForwardingRule", "ReplaceForwardingRule", "DeleteForwardingRule", "WaitForAvailable", "WaitForForwardingRuleAvailable",
}

// networkLoadBalancers calls every operation of c.NetworkLoadBalancers on
// v6; on v5, which lacks them, one call must fail before sending.
func networkLoadBalancers(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	if c.APIVersion() != ionos.APIv6 {
		_, resp, err := c.NetworkLoadBalancers.List(ctx, "8feda53f-15f0-447f-badf-ebe32dad2fc0")
		require.ErrorIs(t, err, ionos.ErrUnsupportedVersion)
		assert.Nil(t, resp)
		for _, op := range nlbOperations {
			r.called["NetworkLoadBalancers."+op] = true
		}
		return
	}
	fast := ionos.WithWaitPolicy(ionos.WaitPolicy{MinInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond, Factor: 1.5})

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-nlb", Location: "de/fra",
		LANs: []ionos.LANSpec{{Name: "listener", Public: true}, {Name: "targets"}}})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "backend", Cores: 1, RAM: 1024,
		NICs: []ionos.NICSpec{{Name: "a", LAN: "2", IPs: []string{"10.7.2.11"}}, {Name: "b", LAN: "2", IPs: []string{"10.7.2.12"}}}})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	rule := ionos.NLBForwardingRuleSpec{Name: "https", Algorithm: ionos.NLBAlgorithmRoundRobin, Protocol: ionos.NLBProtocolTCP,
		ListenerIP: "203.0.113.10", ListenerPort: 443,
		HealthCheck: &ionos.NLBHealthCheckSpec{ClientTimeout: 50000, ConnectTimeout: 5000, Retries: ionos.Ptr(2)},
		Targets: []ionos.NLBTargetSpec{
			{IP: "10.7.2.11", Port: 8443, Weight: 10, HealthCheck: &ionos.NLBTargetHealthCheckSpec{Check: true, CheckInterval: 2000}},
			{IP: "10.7.2.12", Port: 8443, Weight: 10},
		}}
	nlb, resp, err := c.NetworkLoadBalancers.Create(ctx, dc.ID, ionos.NetworkLoadBalancerSpec{Name: "front", ListenerLAN: "1", TargetLAN: "2",
		IPs: []string{"203.0.113.10"}, LBPrivateIPs: []string{"10.7.2.5/24"}, ForwardingRules: []ionos.NLBForwardingRuleSpec{rule}})
	r.call("NetworkLoadBalancers.Create", resp, err)
	require.Len(t, nlb.Entities.ForwardingRules.Items, 1)
	firstRule := nlb.Entities.ForwardingRules.Items[0].ID

	nlbs, resp, err := c.NetworkLoadBalancers.List(ctx, dc.ID)
	r.call("NetworkLoadBalancers.List", resp, err)
	require.Len(t, nlbs, 1)
	withNLB, resp, err := c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(1))
	r.call("Datacenters.Get", resp, err)
	require.Len(t, withNLB.Entities.NetworkLoadBalancers.Items, 1, "a v6 data center's entities hold its network load balancers")
	assert.Equal(t, nlb.ID, withNLB.Entities.NetworkLoadBalancers.Items[0].ID)
	assert.Equal(t, 1, drain(r, "NetworkLoadBalancers.All", c.NetworkLoadBalancers.All(ctx, dc.ID)))
	got, resp, err := c.NetworkLoadBalancers.Get(ctx, dc.ID, nlb.ID, ionos.WithDepth(2))
	r.call("NetworkLoadBalancers.Get", resp, err)
	assert.Equal(t, ionos.LANID("1"), got.Properties.ListenerLAN)
	assert.Equal(t, ionos.LANID("2"), got.Properties.TargetLAN)
	require.Len(t, got.Entities.ForwardingRules.Items, 1)
	assert.Len(t, got.Entities.ForwardingRules.Items[0].Properties.Targets, 2)

	_, resp, err = c.NetworkLoadBalancers.Update(ctx, dc.ID, nlb.ID, ionos.NetworkLoadBalancerUpdate{Name: ionos.Ptr("front door")})
	r.call("NetworkLoadBalancers.Update", resp, err)
	avail, err := c.NetworkLoadBalancers.WaitForAvailable(ctx, dc.ID, nlb.ID, fast)
	r.call("NetworkLoadBalancers.WaitForAvailable", nil, err)
	assert.Equal(t, "front door", avail.Properties.Name)
	_, resp, err = c.NetworkLoadBalancers.Replace(ctx, dc.ID, nlb.ID, ionos.NetworkLoadBalancerSpec{Name: "front", ListenerLAN: "1", TargetLAN: "2",
		IPs: []string{"203.0.113.10"}})
	r.call("NetworkLoadBalancers.Replace", resp, err)

	rule.Name, rule.ListenerPort = "http", 80
	rule.Targets = rule.Targets[:1]
	fr, resp, err := c.NetworkLoadBalancers.CreateForwardingRule(ctx, dc.ID, nlb.ID, rule)
	r.call("NetworkLoadBalancers.CreateForwardingRule", resp, err)
	rules, resp, err := c.NetworkLoadBalancers.ListForwardingRules(ctx, dc.ID, nlb.ID)
	r.call("NetworkLoadBalancers.ListForwardingRules", resp, err)
	assert.Len(t, rules, 2)
	assert.Equal(t, 2, drain(r, "NetworkLoadBalancers.AllForwardingRules", c.NetworkLoadBalancers.AllForwardingRules(ctx, dc.ID, nlb.ID)))
	_, resp, err = c.NetworkLoadBalancers.UpdateForwardingRule(ctx, dc.ID, nlb.ID, fr.ID, ionos.NLBForwardingRuleUpdate{
		Algorithm: ionos.Ptr(ionos.NLBAlgorithmLeastConnection), ListenerPort: ionos.Ptr(8080)})
	r.call("NetworkLoadBalancers.UpdateForwardingRule", resp, err)
	_, err = c.NetworkLoadBalancers.WaitForForwardingRuleAvailable(ctx, dc.ID, nlb.ID, fr.ID, fast)
	r.call("NetworkLoadBalancers.WaitForForwardingRuleAvailable", nil, err)
	rule.Protocol = ionos.NLBProtocolHTTP
	_, resp, err = c.NetworkLoadBalancers.ReplaceForwardingRule(ctx, dc.ID, nlb.ID, firstRule, rule)
	r.call("NetworkLoadBalancers.ReplaceForwardingRule", resp, err)
	one, resp, err := c.NetworkLoadBalancers.GetForwardingRule(ctx, dc.ID, nlb.ID, fr.ID)
	r.call("NetworkLoadBalancers.GetForwardingRule", resp, err)
	assert.Equal(t, ionos.NLBAlgorithmLeastConnection, one.Properties.Algorithm)
	assert.Equal(t, 8080, one.Properties.ListenerPort)
	resp, err = c.NetworkLoadBalancers.DeleteForwardingRule(ctx, dc.ID, nlb.ID, fr.ID)
	r.call("NetworkLoadBalancers.DeleteForwardingRule", resp, err)

	resp, err = c.NetworkLoadBalancers.Delete(ctx, dc.ID, nlb.ID)
	r.call("NetworkLoadBalancers.Delete", resp, err)
	_, _, err = c.NetworkLoadBalancers.Get(ctx, dc.ID, nlb.ID)
	require.ErrorIs(t, err, ionos.ErrNotFound)
	resp, err = c.Servers.Delete(ctx, dc.ID, srv.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
}
