package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recipe:start

// createOnce creates a data center exactly once, whatever the network and
// the gateways in front of the API do, and waits until it is built.
func createOnce(ctx context.Context, c *ionos.Client, spec ionos.DatacenterSpec) (*ionos.RequestStatus, error) {
	for {
		_, resp, err := c.Datacenters.Create(ctx, spec)
		switch {
		case err == nil, errors.Is(err, ionos.ErrTruncatedBody):
			return c.WaitForCompletion(ctx, resp) // accepted
		case errors.Is(err, ionos.ErrUnknownOutcome):
			found, lookErr := c.Requests.FindUnknown(ctx, err)
			if lookErr != nil {
				// Nothing established, or ErrAmbiguousOutcome: do not send it again.
				return nil, lookErr
			}
			if len(found) == 1 {
				return c.WaitForRequest(ctx, found[0].ID) // the API had it
			}
			// The API did not receive it: sending it again is safe.
		default:
			return nil, err // a definite failure: nothing was created
		}
	}
}

// recipe:end

// The README's recovery recipe, run end to end against the emulator while
// every kind of fault hits the creates, the status polls and the lookups:
// every data center that was meant to be created exists exactly once.
func TestDrillRecoveryRecipeUnderFaults(t *testing.T) {
	srv, c := newServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	post := func(f ionostest.Fault) {
		f.Method, f.Path, f.Probability = http.MethodPost, "/datacenters", 0.08
		srv.InjectFault(f)
	}
	post(ionostest.Fault{Kind: ionostest.FaultResetBefore})
	post(ionostest.Fault{Kind: ionostest.FaultResetAfter})
	post(ionostest.Fault{Kind: ionostest.FaultStatusAfter, Status: 502})
	post(ionostest.Fault{Kind: ionostest.FaultStatusAfter, Status: 504})
	post(ionostest.Fault{Kind: ionostest.FaultStatusAfter, Status: 500})
	post(ionostest.Fault{Kind: ionostest.FaultHTMLAfter, Status: 502})
	post(ionostest.Fault{Kind: ionostest.FaultStatus, Status: 503})
	post(ionostest.Fault{Kind: ionostest.FaultTruncate})
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultStatus, Status: 503, Method: http.MethodGet, Path: "/requests/*/status", Probability: 0.3})
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetBefore, Method: http.MethodGet, Path: "/requests", Probability: 0.1})

	const n = 40
	var definite atomic.Int32
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += 4 {
				spec := ionos.DatacenterSpec{Name: fmt.Sprintf("dc-%02d", i), Location: "de/fra"}
				for {
					_, err := createOnce(ctx, c, spec)
					var apiErr *ionos.APIError
					if err != nil && !errors.Is(err, ionos.ErrUnknownOutcome) && errors.As(err, &apiErr) && apiErr.StatusCode == 503 {
						definite.Add(1) // nothing was created: the caller may try again
						continue
					}
					assert.NoError(t, err, spec.Name)
					break
				}
			}
		}()
	}
	wg.Wait()
	srv.ClearFaults()

	names := map[string]int{}
	dcs, _, err := c.Datacenters.List(context.Background())
	require.NoError(t, err)
	for _, dc := range dcs {
		names[dc.Properties.Name]++
	}
	for i := 0; i < n; i++ {
		assert.Equal(t, 1, names[fmt.Sprintf("dc-%02d", i)], "dc-%02d", i)
	}
	assert.Len(t, dcs, n, "nothing created twice")
	posts := srv.Hits(http.MethodPost, "/datacenters")
	assert.Greater(t, posts, n, "faults hit some creates")
	t.Logf("%d creates took %d POSTs (%d definite 503s)", n, posts, definite.Load())
}

// The README shows the recipe that the drill above runs, to the letter.
func TestREADMEShowsTheRecipe(t *testing.T) {
	src, err := os.ReadFile("recipe_test.go")
	require.NoError(t, err)
	s := string(src)
	start := strings.Index(s, "// recipe:start\n\n")
	end := strings.Index(s, "\n// recipe:end")
	require.True(t, start >= 0 && end > start)
	recipe := s[start+len("// recipe:start\n\n") : end]
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), recipe, "the README's recipe differs from the one the drill runs")
}
