package ionos_test

import (
	"context"
	"fmt"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// Log the traffic a NIC's firewall rejects to an S3 bucket (Cloud API v6).
// The same calls serve NAT gateways and load balancers: only the owner
// changes (ionos.NATGatewayFlowLogs, ionos.NetworkLoadBalancerFlowLogs,
// ionos.ApplicationLoadBalancerFlowLogs). The example runs against the
// emulator; with a real account, make the client with
// ionos.NewClientFromEnv().
func ExampleFlowLogsService_Create() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	// A server with a NIC to log, each waited for.
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "logged", Location: "de/fra"})
	if err == nil {
		_, err = c.WaitForCompletion(ctx, resp)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	server, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "web", Cores: 1, RAM: 1024, NICs: []ionos.NICSpec{{Name: "eth0", LAN: "1"}}})
	if err == nil {
		_, err = c.WaitForCompletion(ctx, resp)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	nics, _, err := c.NICs.List(ctx, dc.ID, server.ID)
	if err != nil || len(nics) != 1 {
		fmt.Println(len(nics), err)
		return
	}

	owner := ionos.NICFlowLogs(dc.ID, server.ID, nics[0].ID)
	fl, resp, err := c.FlowLogs.Create(ctx, owner, ionos.FlowLogSpec{
		Name:      "rejected-in",
		Action:    ionos.FlowLogRejected,
		Direction: ionos.FlowLogIngress,
		Bucket:    "my-flowlogs/web", // an existing bucket, with a key prefix
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		fmt.Println(err)
		return
	}
	fl, _, err = c.FlowLogs.Get(ctx, owner, fl.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fl.Properties.Name, fl.Properties.Action, fl.Properties.Direction, fl.Properties.Bucket, fl.Metadata.State)
	// Output: rejected-in REJECTED INGRESS my-flowlogs/web AVAILABLE
}
