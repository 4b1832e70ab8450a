package ionos_test

import (
	"context"
	"fmt"

	"github.com/ionos-go/ionos"
)

// Put an application load balancer in front of a target group (Cloud API
// v6): the group first, then the load balancer with a forwarding rule whose
// HTTP rules redirect an old path and forward the rest to the group.
func ExampleApplicationLoadBalancersService_Create() {
	ctx := context.Background()
	c, err := ionos.NewClientFromEnv()
	if err != nil {
		fmt.Println(err)
		return
	}
	tg, resp, err := c.TargetGroups.Create(ctx, ionos.TargetGroupSpec{
		Name: "web", Algorithm: ionos.TargetGroupRoundRobin,
		Targets: []ionos.TargetGroupTargetSpec{
			{IP: "10.12.0.11", Port: 8080, Weight: 1},
			{IP: "10.12.0.12", Port: 8080, Weight: 1},
		},
		HTTPHealthCheck: &ionos.TargetGroupHTTPHealthCheckSpec{Path: "/health", MatchType: ionos.HealthCheckMatchStatusCode, Response: "200"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		fmt.Println(err)
		return
	}
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, "your-data-center-id", ionos.ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"},
		ForwardingRules: []ionos.ALBForwardingRuleSpec{{
			Name: "http", ListenerIP: "203.0.113.10", ListenerPort: 80,
			HTTPRules: []ionos.HTTPRuleSpec{
				{Name: "old-shop", Type: ionos.HTTPRuleRedirect, Location: "/shop",
					Conditions: []ionos.HTTPRuleCondition{{Type: ionos.HTTPConditionPath, Condition: ionos.HTTPMatchStartsWith, Value: "/store"}}},
				{Name: "web", Type: ionos.HTTPRuleForward, TargetGroup: tg.ID},
			},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("load balancer", alb.ID, "forwards to target group", tg.ID)
}

// Change a target group's targets. The API answers the PATCH without a
// request to wait on: wait for the group's state instead.
func ExampleTargetGroupsService_WaitForAvailable() {
	ctx := context.Background()
	c, err := ionos.NewClientFromEnv()
	if err != nil {
		fmt.Println(err)
		return
	}
	id := "your-target-group-id"
	if _, _, err := c.TargetGroups.Update(ctx, id, ionos.TargetGroupUpdate{
		Targets: []ionos.TargetGroupTargetSpec{{IP: "10.12.0.13", Port: 8080, Weight: 1}},
	}); err != nil {
		fmt.Println(err)
		return
	}
	tg, err := c.TargetGroups.WaitForAvailable(ctx, id)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(tg.Properties.Targets), "target")
}
