package ionos_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// Create a data center and wait until the API has built it. The examples
// run against the emulator; with a real account, make the client with
// ionos.NewClientFromEnv().
func ExampleClient_WaitForCompletion() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "staging", Location: "de/fra"})
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := c.WaitForCompletion(ctx, resp)
	if err != nil {
		fmt.Println(err)
		return
	}
	dc, _, err = c.Datacenters.Get(ctx, dc.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Metadata.Status, dc.Properties.Name, dc.Metadata.State)
	// Output: DONE staging AVAILABLE
}

// Iterate over a large collection page by page; breaking out of the loop
// fetches no further page.
func ExampleDatacentersService_All() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	for _, name := range []string{"alpha", "beta", "gamma"} {
		if _, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: name, Location: "us/las"}); err == nil {
			_, _ = c.WaitForCompletion(ctx, resp)
		}
	}

	for dc, err := range c.Datacenters.All(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(dc.Properties.Name)
		if dc.Properties.Name == "beta" {
			break
		}
	}
	// Output:
	// alpha
	// beta
}

// A create whose connection broke after the API received it is not sent
// again; ask the API whether it was carried out.
func ExampleRequestsService_FindUnknown() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetAfter, Method: http.MethodPost, Path: "/datacenters", Times: 1})

	_, _, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "once", Location: "de/fra"})
	if errors.Is(err, ionos.ErrUnknownOutcome) {
		found, lookErr := c.Requests.FindUnknown(ctx, err)
		if lookErr != nil {
			fmt.Println(lookErr)
			return
		}
		if len(found) > 0 {
			_, err = c.WaitForRequest(ctx, found[0].ID)
			fmt.Println("the API had it; waited:", err == nil)
		}
	}
	dcs, _, _ := c.Datacenters.List(ctx)
	fmt.Println(len(dcs), "data center")
	// Output:
	// the API had it; waited: true
	// 1 data center
}
