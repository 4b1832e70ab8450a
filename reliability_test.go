package ionos_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
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

// These tests drive the client against the emulator with injected faults,
// the way the README tells a caller to recover, and count what exists
// afterwards.

// createdDC creates a data center in de/fra and waits until it is done.
func createdDC(t *testing.T, c *ionos.Client, name string) *ionos.Datacenter {
	t.Helper()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: name, Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	return dc
}

func emulated(t *testing.T, opts ...ionos.Option) (*ionostest.Server, *ionos.Client) {
	t.Helper()
	srv := ionostest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.NewClient(opts...)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return srv, c
}

func dcNames(t *testing.T, c *ionos.Client) map[string]int {
	t.Helper()
	dcs, _, err := c.Datacenters.List(context.Background())
	require.NoError(t, err)
	n := map[string]int{}
	for _, dc := range dcs {
		n[dc.Properties.Name]++
	}
	return n
}

// A write dropped before it reached the API, with an earlier write of the
// same method and URL: the lookup must not take the earlier one for it.
func TestFindUnknownDroppedWriteIsNotTheNeighbour(t *testing.T) {
	srv, c := emulated(t)
	ctx := context.Background()
	createdDC(t, c, "earlier")

	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetBefore, Method: http.MethodPost, Path: "/datacenters", Times: 1})
	spec := ionos.DatacenterSpec{Name: "mine", Location: "de/fra"}
	_, _, err := c.Datacenters.Create(ctx, spec)
	require.ErrorIs(t, err, ionos.ErrUnknownOutcome)
	found, lerr := c.Requests.FindUnknown(ctx, err)
	require.NoError(t, lerr)
	assert.Empty(t, found, "the earlier create is not the lost one")

	// The README's recipe: not received, so send it again.
	_, resp, err := c.Datacenters.Create(ctx, spec)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"earlier": 1, "mine": 1}, dcNames(t, c))
}

// A write carried out but answered by a reset, then another write of the
// same URL: the lookup returns the first, not the later one.
func TestFindUnknownResetAfterCommitIsNotTheLaterWrite(t *testing.T) {
	srv, c := emulated(t)
	ctx := context.Background()
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetAfter, Method: http.MethodPost, Path: "/datacenters", Times: 1})
	_, _, errA := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "a", Location: "de/fra"})
	require.ErrorIs(t, errA, ionos.ErrUnknownOutcome)
	_, _, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "b", Location: "de/fra"})
	require.NoError(t, err)

	found, err := c.Requests.FindUnknown(ctx, errA)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Contains(t, found[0].Properties.Body, `"name":"a"`)
	_, err = c.WaitForRequest(ctx, found[0].ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"a": 1, "b": 1}, dcNames(t, c))
}

// Two identical writes since the lost one was sent: the lookup says so.
func TestFindUnknownTwoIdenticalWrites(t *testing.T) {
	srv, c := emulated(t)
	ctx := context.Background()
	spec := ionos.DatacenterSpec{Name: "twin", Location: "de/fra"}
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetAfter, Method: http.MethodPost, Path: "/datacenters", Times: 1})
	_, _, errA := c.Datacenters.Create(ctx, spec)
	require.ErrorIs(t, errA, ionos.ErrUnknownOutcome)
	_, _, err := c.Datacenters.Create(ctx, spec) // a caller that did not look first
	require.NoError(t, err)
	found, err := c.Requests.FindUnknown(ctx, errA)
	require.ErrorIs(t, err, ionos.ErrAmbiguousOutcome)
	assert.Len(t, found, 2)
}

// A write answered 500, 502 or 504, or with a gateway's page, after the API
// carried it out: the outcome is unknown, the *APIError is still there, and
// the lookup finds the write.
func TestWriteAnsweredGatewayErrorIsUnknownOutcome(t *testing.T) {
	for _, f := range []ionostest.Fault{
		{Kind: ionostest.FaultStatusAfter, Status: 500},
		{Kind: ionostest.FaultStatusAfter, Status: 502},
		{Kind: ionostest.FaultStatusAfter, Status: 504},
		{Kind: ionostest.FaultHTMLAfter, Status: 502},
		{Kind: ionostest.FaultHTMLAfter, Status: 503},
		{Kind: ionostest.FaultHTMLAfter, Status: 504},
	} {
		t.Run(fmt.Sprintf("%d/%d", f.Kind, f.Status), func(t *testing.T) {
			srv, c := emulated(t)
			ctx := context.Background()
			f.Method, f.Path, f.Times = http.MethodPost, "/datacenters", 1
			srv.InjectFault(f)
			_, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "gw", Location: "de/fra"})
			require.ErrorIs(t, err, ionos.ErrUnknownOutcome)
			var apiErr *ionos.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, f.Status, apiErr.StatusCode)
			require.NotNil(t, resp)
			assert.Equal(t, f.Status, resp.StatusCode)
			assert.Equal(t, 1, srv.Hits(http.MethodPost, "/datacenters"), "never sent again")

			found, lerr := c.Requests.FindUnknown(ctx, err)
			require.NoError(t, lerr)
			require.Len(t, found, 1)
			_, err = c.WaitForRequest(ctx, found[0].ID)
			require.NoError(t, err)
			assert.Equal(t, map[string]int{"gw": 1}, dcNames(t, c))
		})
	}
}

// An answer that proves nothing was done stays a definite failure.
func TestWriteDefiniteFailuresAreNotUnknown(t *testing.T) {
	for _, f := range []ionostest.Fault{
		{Kind: ionostest.FaultStatus, Status: 503}, // the API's own JSON error
		{Kind: ionostest.FaultStatus, Status: 400},
		{Kind: ionostest.FaultStatus, Status: 422},
		{Kind: ionostest.FaultStatus, Status: 501},
	} {
		t.Run(fmt.Sprint(f.Status), func(t *testing.T) {
			srv, c := emulated(t)
			f.Method, f.Path, f.Times = http.MethodPost, "/datacenters", 1
			srv.InjectFault(f)
			_, _, err := c.Datacenters.Create(context.Background(), ionos.DatacenterSpec{Name: "x", Location: "de/fra"})
			require.Error(t, err)
			assert.NotErrorIs(t, err, ionos.ErrUnknownOutcome)
			var apiErr *ionos.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, f.Status, apiErr.StatusCode)
			assert.Empty(t, dcNames(t, c))
		})
	}
}

// A wait rides through a run of transient poll failures while its context
// lives; the progress callback sees each of them.
func TestWaitSurvivesTransientPollFailures(t *testing.T) {
	srv, c := emulated(t, ionos.WithRetryPolicy(ionos.RetryPolicy{MaxRetries: 0}))
	ctx := context.Background()
	_, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "w", Location: "de/fra"})
	require.NoError(t, err)
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultStatus, Status: 503, Method: http.MethodGet, Path: "/requests/*/status", Times: 10})
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultHTML, Status: 502, Method: http.MethodGet, Path: "/requests/*/status", Times: 2})
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultResetBefore, Method: http.MethodGet, Path: "/requests/*/status", Times: 2})
	var transient int
	st, err := c.WaitForCompletion(ctx, resp, ionos.WithProgress(func(p ionos.WaitProgress) {
		if p.Err != nil {
			transient++
			assert.False(t, p.Done, "a transient failure does not end the wait")
		}
	}))
	require.NoError(t, err)
	assert.Equal(t, ionos.RequestDone, st.Metadata.Status)
	// Twelve error answers; net/http itself may resend a GET whose reused
	// connection was reset before anything came back, hiding a reset.
	assert.GreaterOrEqual(t, transient, 12)
	assert.LessOrEqual(t, transient, 14)

	// A definite answer about the request ends the wait.
	_, err = c.WaitForRequest(ctx, "00000000-0000-0000-0000-000000000000")
	assert.ErrorIs(t, err, ionos.ErrNotFound)
}

// The state waiters ride through transient failures too.
func TestStateWaitSurvivesTransientPollFailures(t *testing.T) {
	srv, c := emulated(t, ionos.WithRetryPolicy(ionos.RetryPolicy{MaxRetries: 0}))
	ctx := context.Background()
	k, _, err := c.Kubernetes.CreateCluster(ctx, ionos.KubernetesClusterSpec{Name: "k"})
	require.NoError(t, err)
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultStatus, Status: 503, Method: http.MethodGet, Path: "/k8s/*", Times: 10})
	var transient int
	got, err := c.Kubernetes.WaitForClusterActive(ctx, k.ID, ionos.WithProgress(func(p ionos.WaitProgress) {
		if p.Err != nil {
			transient++
		}
	}))
	require.NoError(t, err)
	assert.Equal(t, ionos.StateActive, got.Metadata.State)
	assert.Equal(t, 10, transient)
}

// A POST whose only attempt was answered 429 is known not done, also when
// the context ends while the client waits out the Retry-After.
func TestPOSTCancelledDuring429WaitIsNotUnknown(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "30")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"httpStatus":429,"messages":[{"errorCode":"429","message":"slow down"}]}`))
	}))
	defer srv.Close()
	c, err := ionos.NewClient(ionos.WithToken("t"), ionos.WithBaseURL(srv.URL+"/cloudapi/v6"))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for hits.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	_, _, err = c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "x", Location: "de/fra"})
	require.Error(t, err)
	assert.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, ionos.ErrUnknownOutcome)
	assert.Equal(t, int32(1), hits.Load())
}

// A read whose body is cut off is sent again; a POST whose 202 body is cut
// was accepted, and its response still names the request to wait on.
func TestCutBodies(t *testing.T) {
	srv, c := emulated(t)
	ctx := context.Background()
	dc := createdDC(t, c, "cut")

	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultTruncate, Method: http.MethodGet, Path: "/datacenters/*", Times: 1})
	got, resp, err := c.Datacenters.Get(ctx, dc.ID)
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, "cut", got.Properties.Name)

	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultTruncate, Method: http.MethodPost, Path: "/datacenters", Times: 1})
	created, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "accepted", Location: "de/fra"})
	require.ErrorIs(t, err, ionos.ErrTruncatedBody)
	assert.NotErrorIs(t, err, ionos.ErrUnknownOutcome)
	assert.Nil(t, created)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	require.NotEmpty(t, resp.RequestID)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	assert.Equal(t, 1, srv.Hits(http.MethodPost, "/datacenters")-1, "the cut POST was not sent again")
	assert.Equal(t, map[string]int{"cut": 1, "accepted": 1}, dcNames(t, c))

	// Cut on every attempt: the read fails with ErrTruncatedBody.
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultTruncate, Method: http.MethodGet, Path: "/datacenters/*"})
	_, resp, err = c.Datacenters.Get(ctx, dc.ID)
	require.ErrorIs(t, err, ionos.ErrTruncatedBody)
	assert.Equal(t, 3, resp.Attempts, "the emulator's client allows 2 retries")
}

// After one call of a client got 429 with Retry-After, no attempt of any
// call of that client is sent until the window has passed.
func TestRetryAfterHoldsTheWholeClient(t *testing.T) {
	var (
		mu       sync.Mutex
		first    time.Time
		arrivals []time.Time
		limited  = make(chan struct{})
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now := time.Now()
		if first.IsZero() {
			first = now
			mu.Unlock()
			w.Header().Set("Retry-After", "1")
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"httpStatus":429,"messages":[{"errorCode":"429","message":"slow down"}]}`))
			close(limited)
			return
		}
		arrivals = append(arrivals, now)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"de/fra","type":"location","properties":{"name":"frankfurt"}}`))
	}))
	defer srv.Close()
	c, err := ionos.NewClient(ionos.WithToken("t"), ionos.WithBaseURL(srv.URL+"/cloudapi/v6"))
	require.NoError(t, err)
	defer c.CloseIdleConnections()
	ctx := context.Background()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, resp, err := c.Locations.Get(ctx, "de/fra")
		assert.NoError(t, err)
		assert.Equal(t, 2, resp.Attempts)
	}()
	<-limited
	time.Sleep(50 * time.Millisecond) // the client has read the 429
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := c.Locations.Get(ctx, "de/fra")
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, arrivals, 65)
	for _, at := range arrivals {
		assert.GreaterOrEqual(t, at.Sub(first), 990*time.Millisecond, "sent inside the Retry-After window")
	}
}

// A hold that cannot end before the context's deadline fails the call at
// once with ErrRateLimited, and sends nothing.
func TestRetryAfterHoldPastDeadline(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "60")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"httpStatus":429,"messages":[{"errorCode":"429","message":"slow down"}]}`))
	}))
	defer srv.Close()
	c, err := ionos.NewClient(ionos.WithToken("t"), ionos.WithBaseURL(srv.URL+"/cloudapi/v6"))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _, err = c.Locations.Get(ctx, "de/fra")
	require.ErrorIs(t, err, ionos.ErrRateLimited)
	start := time.Now()
	_, _, err = c.Locations.Get(ctx, "de/fra")
	require.ErrorIs(t, err, ionos.ErrRateLimited)
	assert.Contains(t, err.Error(), "holds its calls")
	assert.Less(t, time.Since(start), time.Second, "failed at once")
	assert.Equal(t, int32(1), hits.Load(), "nothing sent inside the window")
}

// rateLimitedAPI is a server with a token bucket like the API's: burst
// requests at once, refilled at perSecond, 429 with Retry-After beyond it,
// and the X-RateLimit-* headers on every answer.
func rateLimitedAPI(t *testing.T, perSecond float64, burst int) (*httptest.Server, *atomic.Int32) {
	var (
		mu     sync.Mutex
		tokens = float64(burst)
		at     = time.Now()
		n429   atomic.Int32
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now := time.Now()
		tokens = min(float64(burst), tokens+now.Sub(at).Seconds()*perSecond)
		at = now
		ok := tokens >= 1
		if ok {
			tokens--
		}
		remaining := int(tokens)
		mu.Unlock()
		h := w.Header()
		h.Set("X-RateLimit-Limit", fmt.Sprint(int(perSecond*60)))
		h.Set("X-RateLimit-Burst", fmt.Sprint(burst))
		h.Set("X-RateLimit-Remaining", fmt.Sprint(remaining))
		h.Set("Content-Type", "application/json")
		if !ok {
			n429.Add(1)
			h.Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"httpStatus":429,"messages":[{"errorCode":"429","message":"slow down"}]}`))
			return
		}
		_, _ = w.Write([]byte(`{"id":"de/fra","type":"location"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &n429
}

// With pacing, a burst of parallel calls after the client has seen the
// rate-limit headers meets (almost) no 429; without it, many.
func TestPacingFromRateLimitHeaders(t *testing.T) {
	run := func(pacing bool) int32 {
		srv, n429 := rateLimitedAPI(t, 100, 3)
		c, err := ionos.NewClient(ionos.WithToken("t"), ionos.WithBaseURL(srv.URL+"/cloudapi/v6"), ionos.WithRateLimitPacing(pacing),
			ionos.WithRetryPolicy(ionos.RetryPolicy{MaxRetries: 0}))
		require.NoError(t, err)
		defer c.CloseIdleConnections()
		ctx := context.Background()
		_, _, err = c.Locations.Get(ctx, "de/fra") // learn the headers
		require.NoError(t, err)
		var wg sync.WaitGroup
		for g := 0; g < 30; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, err := c.Locations.Get(ctx, "de/fra")
				if pacing {
					assert.NoError(t, err)
				}
			}()
		}
		wg.Wait()
		return n429.Load()
	}
	paced := run(true)
	unpaced := run(false)
	assert.LessOrEqual(t, paced, int32(1), "paced calls met 429s")
	assert.Greater(t, unpaced, int32(5), "without pacing the burst meets the limit")
	t.Logf("429s: %d paced, %d unpaced", paced, unpaced)
}

func TestOutcomeLookupRefusesNegativeDurations(t *testing.T) {
	// A negative clock allowance is refused, as a plain configuration error.
	_, err := ionos.NewClient(ionos.WithToken("t"), ionos.WithOutcomeLookup(ionos.OutcomeLookup{ClockSkew: -time.Second}))
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "negative"), err.Error())
	assert.False(t, errors.Is(err, ionos.ErrUnknownOutcome))
}

// The client's own connection hook (which tells whether a write may have
// reached the API) leaves the caller's httptrace hooks working, called once
// per attempt, also when a write is sent again after a cut answer.
func TestCallerTraceHooksOncePerAttempt(t *testing.T) {
	srv, c := emulated(t)
	ctx := context.Background()
	dc := createdDC(t, c, "traced")

	var conns atomic.Int32
	tctx := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { conns.Add(1) }})
	srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultTruncate, Method: http.MethodPatch, Path: "/datacenters/*", Times: 1})
	name := "renamed"
	_, resp, err := c.Datacenters.Update(tctx, dc.ID, ionos.DatacenterUpdate{Name: &name})
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, int32(2), conns.Load(), "the caller's hook, once per attempt")
}
