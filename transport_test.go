package ionos

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingTransport counts the attempts that leave the client.
type countingTransport struct {
	base http.RoundTripper
	n    atomic.Int32
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.base.RoundTrip(r)
}

// outcome makes a loopback server answer every request in one way.
type outcome struct {
	name    string
	refused bool // nothing listens
	reset   bool // the server reads the request, then resets the connection
	status  int
	header  map[string]string
}

func (o outcome) server(t *testing.T, hits *atomic.Int32) string {
	if o.refused {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := ln.Addr().String()
		require.NoError(t, ln.Close())
		return "http://" + addr
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if o.reset {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					_ = tc.SetLinger(0)
				}
				_ = conn.Close()
			}
			return
		}
		for k, v := range o.header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(o.status)
		_, _ = w.Write([]byte(`{"httpStatus":` + strconv.Itoa(o.status) + `,"messages":[{"errorCode":"0","message":"x"}]}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestRetryPolicyTable checks, for each method and each outcome, how many
// attempts are made. The client allows 2 retries, so "retried" means 3.
func TestRetryPolicyTable(t *testing.T) {
	const retried, once = 3, 1
	outcomes := []outcome{
		{name: "connection refused", refused: true},
		{name: "reset after the request was written", reset: true},
		{name: "429 without Retry-After", status: 429},
		{name: "429 with Retry-After 0", status: 429, header: map[string]string{"Retry-After": "0"}},
		{name: "500", status: 500},
		{name: "502", status: 502},
		{name: "503", status: 503},
		{name: "504", status: 504},
		{name: "501", status: 501},
		{name: "404", status: 404},
	}
	// attempts[outcome][method]
	want := map[string]map[string]int{
		"connection refused":                  {"GET": retried, "PUT": retried, "PATCH": retried, "DELETE": retried, "POST": retried},
		"reset after the request was written": {"GET": retried, "PUT": once, "PATCH": once, "DELETE": once, "POST": once},
		"429 without Retry-After":             {"GET": retried, "PUT": retried, "PATCH": retried, "DELETE": retried, "POST": retried},
		"429 with Retry-After 0":              {"GET": retried, "PUT": retried, "PATCH": retried, "DELETE": retried, "POST": retried},
		"500":                                 {"GET": retried, "PUT": once, "PATCH": once, "DELETE": once, "POST": once},
		"502":                                 {"GET": retried, "PUT": retried, "PATCH": retried, "DELETE": retried, "POST": once},
		"503":                                 {"GET": retried, "PUT": retried, "PATCH": retried, "DELETE": retried, "POST": once},
		"504":                                 {"GET": retried, "PUT": retried, "PATCH": retried, "DELETE": retried, "POST": once},
		"501":                                 {"GET": once, "PUT": once, "PATCH": once, "DELETE": once, "POST": once},
		"404":                                 {"GET": once, "PUT": once, "PATCH": once, "DELETE": once, "POST": once},
	}
	for _, o := range outcomes {
		for _, method := range []string{"GET", "PUT", "PATCH", "DELETE", "POST"} {
			t.Run(o.name+"/"+method, func(t *testing.T) {
				var hits atomic.Int32
				base := o.server(t, &hits)
				ct := &countingTransport{base: &http.Transport{}}
				c, err := NewClient(WithToken("t"), WithBaseURL(base+"/cloudapi/v5"),
					WithHTTPClient(&http.Client{Transport: ct}),
					WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}))
				require.NoError(t, err)
				var body any
				if method != "GET" && method != "DELETE" {
					body = map[string]string{"name": "x"}
				}
				resp, err := c.do(context.Background(), &request{method: method, path: "/probe", body: body}, nil, nil)
				require.Error(t, err)
				assert.Equal(t, want[o.name][method], int(ct.n.Load()), "attempts")
				switch {
				case o.refused:
					assert.Zero(t, hits.Load())
					assert.NotErrorIs(t, err, ErrUnknownOutcome, "nothing was sent")
				case o.reset:
					assert.Equal(t, want[o.name][method], int(hits.Load()), "requests that reached the server")
					if method == "GET" {
						assert.NotErrorIs(t, err, ErrUnknownOutcome)
					} else {
						var u *UnknownOutcomeError
						require.ErrorAs(t, err, &u)
						assert.ErrorIs(t, err, ErrUnknownOutcome)
						assert.Equal(t, method, u.Method)
						assert.Equal(t, base+"/cloudapi/v5/probe", u.URL)
						assert.Equal(t, 1, u.Attempts)
						assert.WithinDuration(t, time.Now(), u.SentAt, 10*time.Second)
					}
				default:
					assert.Equal(t, want[o.name][method], int(hits.Load()))
					var apiErr *APIError
					require.ErrorAs(t, err, &apiErr)
					assert.Equal(t, o.status, apiErr.StatusCode)
					assert.Equal(t, want[o.name][method], apiErr.Attempts)
					assert.Equal(t, want[o.name][method], resp.Attempts)
				}
			})
		}
	}
}

func TestRetryAfterSecondsHonoured(t *testing.T) {
	var hits atomic.Int32
	var first time.Time
	var gap time.Duration
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
			return
		}
		gap = time.Since(first)
		_, _ = w.Write(fixture(t, "locations.json"))
	}))
	defer srv.Close()
	// A MaxBackoff far below the server's wish: Retry-After is never capped.
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL+"/cloudapi/v5"),
		WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond}))
	require.NoError(t, err)
	locs, resp, err := c.Locations.List(context.Background())
	require.NoError(t, err)
	assert.Len(t, locs, 6)
	assert.Equal(t, 2, resp.Attempts)
	assert.GreaterOrEqual(t, gap, time.Second)
}

func TestRetryAfterHTTPDate(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	d, ok := parseRetryAfter(now.Add(90*time.Second).Format(http.TimeFormat), now)
	assert.True(t, ok)
	assert.Equal(t, 90*time.Second, d)
	d, ok = parseRetryAfter(now.Add(-time.Minute).Format(http.TimeFormat), now)
	assert.True(t, ok)
	assert.Zero(t, d, "a date in the past means now")
	d, ok = parseRetryAfter("120", now)
	assert.True(t, ok)
	assert.Equal(t, 2*time.Minute, d)
	for _, bad := range []string{"", "soon", "-5", "1.5"} {
		_, ok = parseRetryAfter(bad, now)
		assert.False(t, ok, bad)
	}
}

// A Retry-After that cannot fit before the context's deadline fails at once
// with ErrRateLimited and the wait, rather than sleeping into the deadline.
func TestRetryAfterBeyondDeadlineFailsAtOnce(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(429)
		_, _ = w.Write(fixture(t, "error_429.json"))
	}))
	defer srv.Close()
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL+"/cloudapi/v5"))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, _, err = c.Datacenters.Create(ctx, DatacenterSpec{Name: "x", Location: "de/fra"})
	assert.Less(t, time.Since(start), time.Second)
	assert.ErrorIs(t, err, ErrRateLimited)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 30*time.Second, apiErr.RetryAfter)
	assert.Equal(t, "Rate limit exceeded for request: wait and try again", apiErr.Message())
	assert.Equal(t, int32(1), hits.Load())
}

// Cancelling the context during a backoff returns promptly.
func TestCancelDuringBackoff(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(503)
	}))
	defer srv.Close()
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL+"/cloudapi/v5"))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	start := time.Now()
	_, _, err = c.Datacenters.List(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 2*time.Second)
}

// A POST cancelled after it was sent may have been carried out: the error
// says the outcome is unknown and is also context.Canceled.
func TestCancelledPOSTIsUnknownOutcome(t *testing.T) {
	var hits atomic.Int32
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-release
	}))
	defer srv.Close()
	defer close(release)
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL+"/cloudapi/v5"))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for hits.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, _, err = c.Datacenters.Create(ctx, DatacenterSpec{Name: "x", Location: "de/fra"})
	assert.ErrorIs(t, err, ErrUnknownOutcome)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, int32(1), hits.Load())
}

func TestBackoffIsFullJitterAndCapped(t *testing.T) {
	p := RetryPolicy{MaxRetries: 10, MinBackoff: 100 * time.Millisecond, MaxBackoff: time.Second}
	for n := 0; n < 10; n++ {
		ceil := min(p.MinBackoff<<n, p.MaxBackoff)
		var maxSeen time.Duration
		for i := 0; i < 200; i++ {
			d := p.backoff(n)
			require.GreaterOrEqual(t, d, time.Duration(0))
			require.LessOrEqual(t, d, ceil)
			maxSeen = max(maxSeen, d)
		}
		assert.Greater(t, maxSeen, ceil/2, "waits spread over [0, %s]", ceil)
	}
	assert.Zero(t, RetryPolicy{}.backoff(3))
}

func TestCertificateErrorsAreNotRetried(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	ct := &countingTransport{base: &http.Transport{}} // does not trust the test certificate
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL+"/cloudapi/v5"), WithHTTPClient(&http.Client{Transport: ct}),
		WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond}))
	require.NoError(t, err)
	_, _, err = c.Datacenters.List(context.Background())
	require.Error(t, err)
	assert.Equal(t, int32(1), ct.n.Load())
	assert.False(t, errors.Is(err, ErrUnknownOutcome))
}
