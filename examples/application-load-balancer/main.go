// Command application-load-balancer puts an application load balancer with
// a target group in front of two servers, waiting for each step: a data
// center with a public and a private LAN, a reserved public IP, two servers
// with a NIC in the private LAN, a target group of the two servers' IPs and
// a load balancer whose forwarding rule sends HTTP requests to the group
// (and redirects one old path). Then it deletes everything again, in the
// order the API allows: the load balancer before the target group it uses.
// Application load balancers are Cloud API v6 only.
//
//	go run ./examples/application-load-balancer -emulate
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

func main() {
	ctx, c, done, err := connect.Setup() // the IONOS_* environment, or -emulate
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	b, err := build(ctx, c, os.Stdout)
	if b != nil {
		// Clean up what was built, also after a failure half-way.
		if cerr := b.cleanup(ctx, c, os.Stdout); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err != nil {
		log.Fatal(err)
	}
}

// built is what the example made, for cleaning up.
type built struct {
	DatacenterID  string
	IPBlockID     string
	TargetGroupID string
	ALBID         string
	ListenerIP    string
	TargetIPs     []string
}

// wait waits for the request of a write.
func wait(ctx context.Context, c *ionos.Client, resp *ionos.Response, err error) error {
	if err != nil {
		return err
	}
	_, err = c.WaitForCompletion(ctx, resp)
	return err
}

func build(ctx context.Context, c *ionos.Client, out io.Writer) (*built, error) {
	b := &built{}
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "Go SDK ALB", Location: "de/fra"})
	if err := wait(ctx, c, resp, err); err != nil {
		return nil, err
	}
	b.DatacenterID = dc.ID

	// The listener: a reserved public IP in a public LAN.
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "Go SDK ALB listener", Location: "de/fra", Size: 1})
	if err := wait(ctx, c, resp, err); err != nil {
		return b, err
	}
	b.IPBlockID = block.ID
	if block, _, err = c.IPBlocks.Get(ctx, block.ID); err != nil {
		return b, err
	}
	b.ListenerIP = block.Properties.IPs[0]
	public, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "public", Public: true})
	if err := wait(ctx, c, resp, err); err != nil {
		return b, err
	}
	private, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "private"})
	if err := wait(ctx, c, resp, err); err != nil {
		return b, err
	}

	// Two servers with a NIC in the private LAN.
	for _, name := range []string{"web-1", "web-2"} {
		srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: name, Cores: 1, RAM: 1024})
		if err := wait(ctx, c, resp, err); err != nil {
			return b, err
		}
		nic, resp, err := c.NICs.Create(ctx, dc.ID, srv.ID, ionos.NICSpec{Name: name + "-private", LAN: private.ID})
		if err := wait(ctx, c, resp, err); err != nil {
			return b, err
		}
		if nic, _, err = c.NICs.Get(ctx, dc.ID, srv.ID, nic.ID); err != nil {
			return b, err
		}
		b.TargetIPs = append(b.TargetIPs, nic.Properties.IPs[0])
	}

	// The target group of the two servers, checked over HTTP.
	var targets []ionos.TargetGroupTargetSpec
	for _, ip := range b.TargetIPs {
		targets = append(targets, ionos.TargetGroupTargetSpec{IP: ip, Port: 8080, Weight: 1})
	}
	tg, resp, err := c.TargetGroups.Create(ctx, ionos.TargetGroupSpec{
		Name: "web", Algorithm: ionos.TargetGroupRoundRobin, Targets: targets,
		HealthCheck:     &ionos.TargetGroupHealthCheckSpec{CheckInterval: ionos.Ptr(5000), Retries: ionos.Ptr(3)},
		HTTPHealthCheck: &ionos.TargetGroupHTTPHealthCheckSpec{Path: "/health", Method: ionos.HealthCheckGET, MatchType: ionos.HealthCheckMatchStatusCode, Response: "200"},
	})
	if err := wait(ctx, c, resp, err); err != nil {
		return b, err
	}
	b.TargetGroupID = tg.ID

	// The load balancer and its forwarding rule.
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dc.ID, ionos.ApplicationLoadBalancerSpec{
		Name: "Go SDK ALB", ListenerLAN: public.ID, TargetLAN: private.ID, IPs: []string{b.ListenerIP}})
	if err := wait(ctx, c, resp, err); err != nil {
		return b, err
	}
	b.ALBID = alb.ID
	rule, resp, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, dc.ID, alb.ID, ionos.ALBForwardingRuleSpec{
		Name: "http", ListenerIP: b.ListenerIP, ListenerPort: 80,
		HTTPRules: []ionos.HTTPRuleSpec{
			{Name: "old-shop", Type: ionos.HTTPRuleRedirect, Location: "/shop", StatusCode: 301,
				Conditions: []ionos.HTTPRuleCondition{{Type: ionos.HTTPConditionPath, Condition: ionos.HTTPMatchStartsWith, Value: "/store"}}},
			{Name: "web", Type: ionos.HTTPRuleForward, TargetGroup: tg.ID},
		},
	})
	if err := wait(ctx, c, resp, err); err != nil {
		return b, err
	}
	fmt.Fprintf(out, "http://%s/ -> %s (rule %s) -> target group %s: %v\n", b.ListenerIP, alb.ID, rule.ID, tg.ID, b.TargetIPs)
	return b, nil
}

// cleanup deletes what build made: the load balancer first (the target
// group cannot go while a rule forwards to it), then the group, the IP
// block and the data center with its servers and LANs.
func (b *built) cleanup(ctx context.Context, c *ionos.Client, out io.Writer) error {
	if b.ALBID != "" {
		resp, err := c.ApplicationLoadBalancers.Delete(ctx, b.DatacenterID, b.ALBID)
		if err := wait(ctx, c, resp, err); err != nil {
			return err
		}
	}
	if b.TargetGroupID != "" {
		resp, err := c.TargetGroups.Delete(ctx, b.TargetGroupID)
		if err := wait(ctx, c, resp, err); err != nil {
			return err
		}
	}
	if b.IPBlockID != "" {
		resp, err := c.IPBlocks.Delete(ctx, b.IPBlockID)
		if err := wait(ctx, c, resp, err); err != nil {
			return err
		}
	}
	resp, err := c.Datacenters.Delete(ctx, b.DatacenterID)
	if err := wait(ctx, c, resp, err); err != nil {
		return err
	}
	fmt.Fprintln(out, "cleaned up data center", b.DatacenterID)
	return nil
}
