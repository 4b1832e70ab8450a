package ionostest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// albSetup makes a data center with two LANs on a strict v6 emulator.
func albSetup(t *testing.T) (*Server, *ionos.Client, string) {
	t.Helper()
	srv := newV6(t, WithStrictBodies())
	c := srv.Client()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "alb", Location: "de/fra"})
	require.NoError(t, err)
	albWait(t, c, resp)
	for _, spec := range []ionos.LANSpec{{Name: "public", Public: true}, {Name: "private"}} {
		_, resp, err := c.LANs.Create(ctx, dc.ID, spec)
		require.NoError(t, err)
		albWait(t, c, resp)
	}
	return srv, c, dc.ID
}

func albWait(t *testing.T, c *ionos.Client, resp *ionos.Response) {
	t.Helper()
	_, err := c.WaitForCompletion(context.Background(), resp)
	require.NoError(t, err)
}

func albTargetGroup(t *testing.T, c *ionos.Client) string {
	t.Helper()
	ctx := context.Background()
	tg, resp, err := c.TargetGroups.Create(ctx, ionos.TargetGroupSpec{
		Name: "app", Algorithm: ionos.TargetGroupRoundRobin,
		Targets:         []ionos.TargetGroupTargetSpec{{IP: "10.0.2.11", Port: 8080, Weight: 1}, {IP: "10.0.2.12", Port: 8080, Weight: 0, MaintenanceEnabled: ionos.Ptr(true)}},
		HealthCheck:     &ionos.TargetGroupHealthCheckSpec{CheckInterval: ionos.Ptr(5000)},
		HTTPHealthCheck: &ionos.TargetGroupHTTPHealthCheckSpec{Path: "/health", Method: ionos.HealthCheckGET, MatchType: ionos.HealthCheckMatchStatusCode, Response: "200"},
	})
	require.NoError(t, err)
	albWait(t, c, resp)
	return tg.ID
}

func albRule(tgID string) ionos.ALBForwardingRuleSpec {
	return ionos.ALBForwardingRuleSpec{
		Name: "web", ListenerIP: "203.0.113.10", ListenerPort: 80,
		HTTPRules: []ionos.HTTPRuleSpec{
			{Name: "to-app", Type: ionos.HTTPRuleForward, TargetGroup: tgID,
				Conditions: []ionos.HTTPRuleCondition{{Type: ionos.HTTPConditionPath, Condition: ionos.HTTPMatchStartsWith, Value: "/app"}}},
			{Name: "legacy", Type: ionos.HTTPRuleRedirect, Location: "https://www.example.com/", StatusCode: 301},
		},
	}
}

// Every operation of the family, statefully, with depth and defaults.
func TestALBLifecycle(t *testing.T) {
	_, c, dcID := albSetup(t)
	ctx := context.Background()
	tgID := albTargetGroup(t, c)

	tg, _, err := c.TargetGroups.Get(ctx, tgID)
	require.NoError(t, err)
	assert.Equal(t, "target-group", tg.Type)
	assert.Equal(t, ionos.StateAvailable, tg.Metadata.State)
	require.Len(t, tg.Properties.Targets, 2)
	assert.True(t, tg.Properties.Targets[0].HealthCheckEnabled, "the API's default")
	assert.True(t, tg.Properties.Targets[1].MaintenanceEnabled)
	assert.Equal(t, 5000, tg.Properties.HealthCheck.CheckInterval)

	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dcID, ionos.ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"}})
	require.NoError(t, err)
	require.NotEmpty(t, resp.RequestURL)
	albWait(t, c, resp)
	rule, resp, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, dcID, alb.ID, albRule(tgID))
	require.NoError(t, err)
	albWait(t, c, resp)
	assert.Equal(t, "forwarding-rule", rule.Type)
	assert.Equal(t, 50000, rule.Properties.ClientTimeout, "the API's default")

	// Depth: at 2 the ALB holds its rules with their properties.
	got, _, err := c.ApplicationLoadBalancers.Get(ctx, dcID, alb.ID, ionos.WithDepth(2))
	require.NoError(t, err)
	assert.Equal(t, ionos.LANID("1"), got.Properties.ListenerLAN)
	require.Len(t, got.Entities.ForwardingRules.Items, 1)
	fr := got.Entities.ForwardingRules.Items[0]
	assert.Equal(t, rule.ID, fr.ID)
	require.Len(t, fr.Properties.HTTPRules, 2)
	assert.Equal(t, tgID, fr.Properties.HTTPRules[0].TargetGroup)
	got, _, err = c.ApplicationLoadBalancers.Get(ctx, dcID, alb.ID, ionos.WithDepth(0))
	require.NoError(t, err)
	assert.Empty(t, got.Entities.ForwardingRules.Items)

	albs, _, err := c.ApplicationLoadBalancers.List(ctx, dcID)
	require.NoError(t, err)
	require.Len(t, albs, 1)
	rules, _, err := c.ApplicationLoadBalancers.ListForwardingRules(ctx, dcID, alb.ID)
	require.NoError(t, err)
	require.Len(t, rules, 1)

	// Writes.
	_, resp, err = c.ApplicationLoadBalancers.Update(ctx, dcID, alb.ID, ionos.ApplicationLoadBalancerUpdate{Name: ionos.Ptr("front-2")})
	require.NoError(t, err)
	albWait(t, c, resp)
	_, resp, err = c.ApplicationLoadBalancers.Replace(ctx, dcID, alb.ID, ionos.ApplicationLoadBalancerSpec{Name: "front-3", ListenerLAN: "2", TargetLAN: "1"})
	require.NoError(t, err)
	albWait(t, c, resp)
	got, _, err = c.ApplicationLoadBalancers.Get(ctx, dcID, alb.ID)
	require.NoError(t, err)
	assert.Equal(t, "front-3", got.Properties.Name)
	assert.Equal(t, ionos.LANID("2"), got.Properties.ListenerLAN)
	assert.Empty(t, got.Properties.IPs, "a PUT resets what it leaves out")

	_, resp, err = c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, dcID, alb.ID, rule.ID, ionos.ALBForwardingRuleUpdate{ListenerPort: ionos.Ptr(8080)})
	require.NoError(t, err)
	albWait(t, c, resp)
	r2, _, err := c.ApplicationLoadBalancers.GetForwardingRule(ctx, dcID, alb.ID, rule.ID)
	require.NoError(t, err)
	assert.Equal(t, 8080, r2.Properties.ListenerPort)
	assert.Len(t, r2.Properties.HTTPRules, 2, "a PATCH keeps what it leaves out")

	// The group is in use: it cannot go.
	_, err = c.TargetGroups.Delete(ctx, tgID)
	require.ErrorIs(t, err, ionos.ErrValidation)
	var ae *ionos.APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 422, ae.StatusCode)
	assert.Contains(t, err.Error(), "in use")

	// A PUT without the FORWARD rule frees it.
	spec := albRule(tgID)
	spec.HTTPRules = spec.HTTPRules[1:]
	_, resp, err = c.ApplicationLoadBalancers.ReplaceForwardingRule(ctx, dcID, alb.ID, rule.ID, spec)
	require.NoError(t, err)
	albWait(t, c, resp)

	_, _, err = c.TargetGroups.Update(ctx, tgID, ionos.TargetGroupUpdate{Algorithm: ionos.Ptr(ionos.TargetGroupLeastConnection)})
	require.NoError(t, err)
	tg, err = c.TargetGroups.WaitForAvailable(ctx, tgID)
	require.NoError(t, err)
	assert.Equal(t, ionos.TargetGroupLeastConnection, tg.Properties.Algorithm)
	_, _, err = c.TargetGroups.Replace(ctx, tgID, ionos.TargetGroupSpec{Name: "app-2", Algorithm: ionos.TargetGroupRandom})
	require.NoError(t, err)
	tg, err = c.TargetGroups.WaitForAvailable(ctx, tgID)
	require.NoError(t, err)
	assert.Equal(t, "app-2", tg.Properties.Name)
	assert.Empty(t, tg.Properties.Targets)

	resp, err = c.ApplicationLoadBalancers.DeleteForwardingRule(ctx, dcID, alb.ID, rule.ID)
	require.NoError(t, err)
	albWait(t, c, resp)
	resp, err = c.ApplicationLoadBalancers.Delete(ctx, dcID, alb.ID)
	require.NoError(t, err)
	albWait(t, c, resp)
	resp, err = c.TargetGroups.Delete(ctx, tgID)
	require.NoError(t, err)
	albWait(t, c, resp)
	_, _, err = c.TargetGroups.Get(ctx, tgID)
	require.ErrorIs(t, err, ionos.ErrNotFound)
	albs, _, err = c.ApplicationLoadBalancers.List(ctx, dcID)
	require.NoError(t, err)
	assert.Empty(t, albs)
}

// listenerLan and targetLan must be LANs of the data center.
func TestALBLANsMustExist(t *testing.T) {
	_, c, dcID := albSetup(t)
	ctx := context.Background()
	_, _, err := c.ApplicationLoadBalancers.Create(ctx, dcID, ionos.ApplicationLoadBalancerSpec{Name: "x", ListenerLAN: "1", TargetLAN: "7"})
	require.ErrorIs(t, err, ionos.ErrValidation)
	assert.Contains(t, err.Error(), "targetLan")

	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dcID, ionos.ApplicationLoadBalancerSpec{Name: "x", ListenerLAN: "1", TargetLAN: "2"})
	require.NoError(t, err)
	albWait(t, c, resp)
	l := ionos.LANID("9")
	_, _, err = c.ApplicationLoadBalancers.Update(ctx, dcID, alb.ID, ionos.ApplicationLoadBalancerUpdate{ListenerLAN: &l})
	require.ErrorIs(t, err, ionos.ErrValidation)
	assert.Contains(t, err.Error(), "listenerLan")
	_, _, err = c.ApplicationLoadBalancers.Replace(ctx, dcID, alb.ID, ionos.ApplicationLoadBalancerSpec{Name: "x", ListenerLAN: "3", TargetLAN: "2"})
	require.ErrorIs(t, err, ionos.ErrValidation)
}

// An HTTP rule's target group must exist.
func TestALBHTTPRuleTargetGroupMustExist(t *testing.T) {
	_, c, dcID := albSetup(t)
	ctx := context.Background()
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dcID, ionos.ApplicationLoadBalancerSpec{Name: "x", ListenerLAN: "1", TargetLAN: "2"})
	require.NoError(t, err)
	albWait(t, c, resp)
	missing := "00000000-0000-4000-8000-000000000000"
	_, _, err = c.ApplicationLoadBalancers.CreateForwardingRule(ctx, dcID, alb.ID, albRule(missing))
	require.ErrorIs(t, err, ionos.ErrValidation)
	assert.Contains(t, err.Error(), "target group does not exist")

	spec := albRule(missing)
	spec.HTTPRules = spec.HTTPRules[1:]
	rule, resp, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, dcID, alb.ID, spec)
	require.NoError(t, err)
	albWait(t, c, resp)
	_, _, err = c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, dcID, alb.ID, rule.ID, ionos.ALBForwardingRuleUpdate{
		HTTPRules: albRule(missing).HTTPRules})
	require.ErrorIs(t, err, ionos.ErrValidation)

	// The ALB of another data center's path is not found.
	_, _, err = c.ApplicationLoadBalancers.GetForwardingRule(ctx, dcID, "nope", rule.ID)
	require.True(t, errors.Is(err, ionos.ErrNotFound), err)
}

// /targetgroups pages by 100 and takes pages of at most 200.
func TestTargetGroupsPagesAndLimit(t *testing.T) {
	srv := newV6(t)
	resp, got := call(t, srv, "GET", "/targetgroups?limit=200", nil)
	require.Equal(t, 200, resp.StatusCode)
	assert.EqualValues(t, 200, got["limit"])
	resp, _ = call(t, srv, "GET", "/targetgroups?limit=201", nil)
	assert.Equal(t, 422, resp.StatusCode)
	_, got = call(t, srv, "GET", "/targetgroups", nil)
	assert.EqualValues(t, 100, got["limit"])
}

// Forwarding rules reach the API as its forwarding-rule type, and the
// emulator's documented ranges hold for targets and ports.
func TestALBRawChecks(t *testing.T) {
	srv := newV6(t)
	resp, body := call(t, srv, "POST", "/targetgroups", map[string]any{"properties": map[string]any{
		"name": "g", "algorithm": "RANDOM", "protocol": "HTTP", "targets": []any{map[string]any{"ip": "10.0.0.1", "port": 80, "weight": 257}}}})
	assert.Equal(t, 422, resp.StatusCode, body)
	resp, body = call(t, srv, "POST", "/targetgroups", map[string]any{"properties": map[string]any{
		"name": "g", "algorithm": "RANDOM"}})
	assert.Equal(t, 422, resp.StatusCode, body)

	// HTTP rule names are unique within a forwarding rule.
	dcID := createDC(t, srv, "alb")
	for range 2 {
		resp, body = call(t, srv, "POST", "/datacenters/"+dcID+"/lans", map[string]any{"properties": map[string]any{}})
		require.Equal(t, 202, resp.StatusCode, body)
	}
	resp, alb := call(t, srv, "POST", "/datacenters/"+dcID+"/applicationloadbalancers", map[string]any{"properties": map[string]any{
		"name": "a", "listenerLan": 1, "targetLan": 2}})
	require.Equal(t, 202, resp.StatusCode, alb)
	static := map[string]any{"name": "s", "type": "STATIC", "responseMessage": "down"}
	resp, body = call(t, srv, "POST", "/datacenters/"+dcID+"/applicationloadbalancers/"+str(alb["id"])+"/forwardingrules", map[string]any{
		"properties": map[string]any{"name": "r", "protocol": "HTTP", "listenerIp": "203.0.113.1", "listenerPort": 80,
			"httpRules": []any{static, static}}})
	assert.Equal(t, 422, resp.StatusCode, body)
	assert.Contains(t, fmt.Sprint(body), "unique")
}

// A forwarding rule's request names its target as the API's
// forwarding-rule, and deleting the data center frees the target groups its
// load balancers used.
func TestALBRequestTargetsAndDatacenterDelete(t *testing.T) {
	_, c, dcID := albSetup(t)
	ctx := context.Background()
	tgID := albTargetGroup(t, c)
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dcID, ionos.ApplicationLoadBalancerSpec{Name: "x", ListenerLAN: "1", TargetLAN: "2"})
	require.NoError(t, err)
	albWait(t, c, resp)
	_, resp, err = c.ApplicationLoadBalancers.CreateForwardingRule(ctx, dcID, alb.ID, albRule(tgID))
	require.NoError(t, err)
	st, err := c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	require.NotEmpty(t, st.Metadata.Targets)
	assert.Equal(t, "forwarding-rule", st.Metadata.Targets[0].Target.Type)

	_, err = c.TargetGroups.Delete(ctx, tgID)
	require.ErrorIs(t, err, ionos.ErrValidation)
	resp, err = c.Datacenters.Delete(ctx, dcID)
	require.NoError(t, err)
	albWait(t, c, resp)
	resp, err = c.TargetGroups.Delete(ctx, tgID)
	require.NoError(t, err)
	albWait(t, c, resp)
}

// An ALB created with its forwarding rules in one request has them at once;
// their HTTP rules are checked as in a POST of each.
func TestALBCreateWithForwardingRules(t *testing.T) {
	_, c, dcID := albSetup(t)
	ctx := context.Background()
	tgID := albTargetGroup(t, c)
	spec := ionos.ApplicationLoadBalancerSpec{Name: "front", ListenerLAN: "1", TargetLAN: "2",
		ForwardingRules: []ionos.ALBForwardingRuleSpec{albRule(tgID)}}
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dcID, spec)
	require.NoError(t, err)
	albWait(t, c, resp)
	require.Len(t, alb.Entities.ForwardingRules.Items, 1)
	rules, _, err := c.ApplicationLoadBalancers.ListForwardingRules(ctx, dcID, alb.ID)
	require.NoError(t, err)
	require.Len(t, rules, 1)
	assert.Equal(t, "forwarding-rule", rules[0].Type)
	assert.Equal(t, 50000, rules[0].Properties.ClientTimeout)
	assert.Equal(t, tgID, rules[0].Properties.HTTPRules[0].TargetGroup)
	_, err = c.TargetGroups.Delete(ctx, tgID)
	require.ErrorIs(t, err, ionos.ErrValidation, "in use by the nested rule")

	spec.ForwardingRules = []ionos.ALBForwardingRuleSpec{albRule("00000000-0000-4000-8000-000000000000")}
	_, _, err = c.ApplicationLoadBalancers.Create(ctx, dcID, spec)
	require.ErrorIs(t, err, ionos.ErrValidation)
	albs, _, err := c.ApplicationLoadBalancers.List(ctx, dcID)
	require.NoError(t, err)
	assert.Len(t, albs, 1, "the refused create left nothing behind")
}
