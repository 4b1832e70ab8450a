package ionos_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// Configure the client from the environment: IONOS_USERNAME and
// IONOS_PASSWORD (or IONOS_TOKEN), IONOS_API_URL and IONOS_CONTRACT_NUMBER.
// Here the environment points at the emulator.
func ExampleNewClientFromEnv() {
	srv := ionostest.NewServer()
	defer srv.Close()
	os.Setenv("IONOS_API_URL", srv.URL)
	os.Setenv("IONOS_USERNAME", srv.Username())
	os.Setenv("IONOS_PASSWORD", srv.Password())
	defer os.Unsetenv("IONOS_API_URL")
	defer os.Unsetenv("IONOS_USERNAME")
	defer os.Unsetenv("IONOS_PASSWORD")

	c, err := ionos.NewClientFromEnv(ionos.WithAppName("example/1.0"))
	if err != nil {
		fmt.Println(err)
		return
	}
	locs, _, err := c.Locations.List(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(locs) > 0)
	// Output: true
}

// Create a data center with a server, its volume and NICs, and a LAN in
// one call (a composite create), wait for it, and read it back whole.
func ExampleDatacentersService_Create() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{
		Name: "shop", Location: "de/fra",
		LANs: []ionos.LANSpec{{Name: "public", Public: true}},
		Servers: []ionos.ServerSpec{{
			Name: "web", Cores: 2, RAM: 4096,
			Volumes: []ionos.VolumeSpec{{Name: "system", Size: 20, LicenceType: ionos.LicenceLinux, Type: ionos.VolumeTypeSSD}},
			NICs: []ionos.NICSpec{{Name: "eth0", LAN: "1", FirewallActive: true, FirewallRules: []ionos.FirewallRuleSpec{
				{Name: "https", Protocol: ionos.ProtocolTCP, PortRangeStart: 443, PortRangeEnd: 443},
			}}},
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
	dc, _, err = c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(4))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := dc.Entities.Servers.Items[0]
	fmt.Println(s.Properties.Name, len(s.Entities.Volumes.Items), "volume,", len(s.Entities.NICs.Items), "NIC")
	// Output: web 1 volume, 1 NIC
}

// Tell apart what the API does not have, input it or the SDK refuses, and
// any other answer of the API.
func Example_errors() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	_, _, err := c.Datacenters.Get(ctx, "00000000-0000-0000-0000-000000000000")
	fmt.Println(errors.Is(err, ionos.ErrNotFound))

	// Refused before sending: RAM must be a multiple of 256 MB.
	_, _, err = c.Servers.Create(ctx, "00000000-0000-0000-0000-000000000000", ionos.ServerSpec{Name: "x", Cores: 1, RAM: 1000})
	var bad *ionos.InvalidInputError
	fmt.Println(errors.Is(err, ionos.ErrValidation), errors.As(err, &bad) && bad.Field == "ServerSpec.RAM")

	var apiErr *ionos.APIError
	if _, _, err := c.Volumes.Get(ctx, "00000000-0000-0000-0000-000000000000", "v"); errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Method)
	}
	// Output:
	// true
	// true true
	// 404 GET
}

// Put a server's NIC on a LAN: the LAN's ID is what the NIC takes.
func ExampleNICsService_Create() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	dc, resp, _ := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "net", Location: "us/las"})
	_, _ = c.WaitForCompletion(ctx, resp)
	server, resp, _ := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "app", Cores: 1, RAM: 1024})
	_, _ = c.WaitForCompletion(ctx, resp)

	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "backend"})
	if err != nil {
		fmt.Println(err)
		return
	}
	nic, resp2, err := c.NICs.Create(ctx, dc.ID, server.ID, ionos.NICSpec{Name: "eth1", LAN: lan.ID, DHCP: ionos.Ptr(false), IPs: []string{"10.0.0.5"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.WaitForAll(ctx, []*ionos.Response{resp, resp2}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(nic.Properties.LAN == lan.ID, nic.Properties.IPs)
	// Output: true [10.0.0.5]
}

// Wait for several requests on one poll schedule: here two data centers
// created at once.
func ExampleClient_WaitForAll() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	_, r1, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "blue", Location: "de/fra"})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, r2, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "green", Location: "de/txl"})
	if err != nil {
		fmt.Println(err)
		return
	}
	sts, err := c.WaitForAll(ctx, []*ionos.Response{r1, r2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sts[0].Metadata.Status, sts[1].Metadata.Status)
	// Output: DONE DONE
}

// Kubernetes clusters have no request to wait for: wait on their state,
// with the context as the only timeout.
func ExampleKubernetesService_WaitForClusterActive() {
	srv := ionostest.NewServer(ionostest.WithK8sDelay(100 * time.Millisecond))
	defer srv.Close()
	c := srv.Client()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	k, _, err := c.Kubernetes.CreateCluster(ctx, ionos.KubernetesClusterSpec{Name: "prod"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(k.Metadata.State)
	k, err = c.Kubernetes.WaitForClusterActive(ctx, k.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(k.Metadata.State)
	// Output:
	// DEPLOYING
	// ACTIVE
}

// Call an endpoint the SDK does not cover yet with the client's
// authentication, retries and errors.
func ExampleClient_Do() {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	req, err := c.NewRequest(ctx, http.MethodGet, "/locations/de/fra?depth=1", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var loc struct {
		ID         string `json:"id"`
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	}
	if _, err := c.Do(req, &loc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(loc.ID)
	// Output: de/fra
}
