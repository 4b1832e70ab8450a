package ionos_test

import (
	"context"
	"fmt"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// Put a network load balancer in front of two servers' NICs: it listens on
// a public IP of LAN 1 and balances TCP connections on port 443 over the
// NICs' IPs in the private LAN 2, checking their health. The example runs
// against the emulator; with a real account, make the client with
// ionos.NewClientFromEnv() and use IPs reserved by your contract.
func ExampleNetworkLoadBalancersService_Create() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	// A data center with a public and a private LAN, and two back ends.
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "web", Location: "de/fra",
		LANs: []ionos.LANSpec{{Name: "public", Public: true}, {Name: "backends"}},
		Servers: []ionos.ServerSpec{
			{Name: "web-1", Cores: 1, RAM: 1024, NICs: []ionos.NICSpec{{LAN: "2", IPs: []string{"10.7.2.11"}}}},
			{Name: "web-2", Cores: 1, RAM: 1024, NICs: []ionos.NICSpec{{LAN: "2", IPs: []string{"10.7.2.12"}}}},
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		fmt.Println(err)
		return
	}

	check := &ionos.NLBTargetHealthCheckSpec{Check: true, CheckInterval: 2000}
	nlb, resp, err := c.NetworkLoadBalancers.Create(ctx, dc.ID, ionos.NetworkLoadBalancerSpec{
		Name: "web", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"},
		ForwardingRules: []ionos.NLBForwardingRuleSpec{{
			Name: "https", Protocol: ionos.NLBProtocolTCP, Algorithm: ionos.NLBAlgorithmLeastConnection,
			ListenerIP: "203.0.113.10", ListenerPort: 443,
			HealthCheck: &ionos.NLBHealthCheckSpec{ConnectTimeout: 5000, Retries: ionos.Ptr(3)},
			Targets: []ionos.NLBTargetSpec{
				{IP: "10.7.2.11", Port: 8443, Weight: 100, HealthCheck: check},
				{IP: "10.7.2.12", Port: 8443, Weight: 100, HealthCheck: check},
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

	rules, _, err := c.NetworkLoadBalancers.ListForwardingRules(ctx, dc.ID, nlb.ID, ionos.WithDepth(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rules {
		p := r.Properties
		fmt.Printf("%s %s:%d %s, %d targets\n", p.Protocol, p.ListenerIP, p.ListenerPort, p.Algorithm, len(p.Targets))
	}

	// Clean up: the load balancer, then the data center.
	if resp, err = c.NetworkLoadBalancers.Delete(ctx, dc.ID, nlb.ID); err == nil {
		_, err = c.WaitForCompletion(ctx, resp)
	}
	if err == nil {
		if resp, err = c.Datacenters.Delete(ctx, dc.ID); err == nil {
			_, err = c.WaitForCompletion(ctx, resp)
		}
	}
	fmt.Println("cleaned up:", err == nil)
	// Output:
	// TCP 203.0.113.10:443 LEAST_CONNECTION, 2 targets
	// cleaned up: true
}
