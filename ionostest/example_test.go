package ionostest_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// Create a data center against the fake and wait for its request.
func Example() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "demo", Location: "us/las"})
	if err != nil {
		panic(err)
	}
	st, err := c.WaitForCompletion(ctx, resp)
	if err != nil {
		panic(err)
	}
	got, _, err := c.Datacenters.Get(ctx, dc.ID)
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Metadata.Status, got.Properties.Name, got.Properties.Location)
	// Output: DONE demo us/las
}

// Make every data center creation fail, as the API's FAILED requests do.
func ExampleServer_FailRequests() {
	srv := ionostest.NewServer()
	defer srv.Close()
	srv.FailRequests(func(method, path string) bool { return method == "POST" && path == "/datacenters" })
	c := srv.Client()
	ctx := context.Background()
	_, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "doomed", Location: "de/fra"})
	if err != nil {
		panic(err)
	}
	_, err = c.WaitForCompletion(ctx, resp)
	fmt.Println(err != nil)
	// Output: true
}

// Reset the connection after the server processed a POST: the SDK reports
// that the outcome is unknown instead of sending it again.
func ExampleServer_InjectFault() {
	srv := ionostest.NewServer()
	defer srv.Close()
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetAfter, Method: "POST", Path: "/datacenters", Times: 1})
	_, _, err := srv.Client().Datacenters.Create(context.Background(), ionos.DatacenterSpec{Name: "x", Location: "de/fra"})
	fmt.Println(errors.Is(err, ionos.ErrUnknownOutcome), srv.Hits("POST", "/datacenters"))
	// Output: true 1
}
