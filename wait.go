package ionos

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// WaitPolicy says how often a waiter polls. The first poll comes after
// MinInterval; each further interval is Factor times the one before, up to
// MaxInterval; Jitter shortens each interval by a random fraction of up to
// Jitter, so that many waiters do not poll in step. The context is the only
// timeout.
type WaitPolicy struct {
	MinInterval time.Duration
	MaxInterval time.Duration
	Factor      float64
	Jitter      float64
}

// DefaultWaitPolicy returns the policy used when none is set: a first poll
// after 50 ms, each interval 1.15 times the one before up to 30 s, with 10%
// jitter. Measured by BenchmarkWaitPolicy (see the README), it notices
// completion within 20% of the request's duration (150 ms below 1 s) with
// less than half the polls of a fixed 1 s poller.
func DefaultWaitPolicy() WaitPolicy {
	return WaitPolicy{MinInterval: 50 * time.Millisecond, MaxInterval: 30 * time.Second, Factor: 1.15, Jitter: 0.1}
}

func (p WaitPolicy) validate() error {
	switch {
	case p.MinInterval <= 0:
		return errors.New("ionos: WaitPolicy.MinInterval must be positive")
	case p.MaxInterval < p.MinInterval:
		return errors.New("ionos: WaitPolicy.MaxInterval must not be below MinInterval")
	case p.Factor < 1:
		return errors.New("ionos: WaitPolicy.Factor must be at least 1")
	case p.Jitter < 0 || p.Jitter >= 1:
		return errors.New("ionos: WaitPolicy.Jitter must be within [0, 1)")
	}
	return nil
}

// WaitProgress is what a progress callback learns at each poll.
type WaitProgress struct {
	// Poll counts the polls, from 1.
	Poll int
	// Elapsed is the time since the wait began.
	Elapsed time.Duration
	// Status is the request's status (QUEUED, RUNNING, DONE, FAILED) for
	// WaitForCompletion, the resource's state for the state waiters, and ""
	// for WaitFor.
	Status string
	// Done reports that this poll ends the wait.
	Done bool
	// Err is the error this poll ended with, if any.
	Err error
}

// WaitOption adjusts one wait: WithWaitPolicy and WithProgress.
type WaitOption interface {
	applyWait(*waitConfig) error
}

type waitOption func(*waitConfig) error

func (f waitOption) applyWait(w *waitConfig) error { return f(w) }

type waitConfig struct {
	policy   WaitPolicy
	progress func(WaitProgress)
	clock    clock
}

// WithProgress calls fn after every poll, from the waiting goroutine.
func WithProgress(fn func(WaitProgress)) WaitOption {
	return waitOption(func(w *waitConfig) error { w.progress = fn; return nil })
}

// WaitPolicyOption is what WithWaitPolicy returns: an Option for NewClient
// and a WaitOption for one wait.
type WaitPolicyOption struct{ p WaitPolicy }

// WithWaitPolicy sets how waits poll; see WaitPolicy. Given to NewClient it
// is the client's policy for every wait; given to one wait it applies to
// that wait alone. An invalid policy is refused: NewClient returns the
// error, and so does the wait, before it polls.
func WithWaitPolicy(p WaitPolicy) WaitPolicyOption { return WaitPolicyOption{p} }

func (o WaitPolicyOption) applyClient(c *config) error {
	if err := o.p.validate(); err != nil {
		return err
	}
	c.wait = o.p
	return nil
}

func (o WaitPolicyOption) applyWait(w *waitConfig) error {
	if err := o.p.validate(); err != nil {
		return &InvalidInputError{Field: "WaitPolicy", Reason: strings.TrimPrefix(err.Error(), "ionos: WaitPolicy.")}
	}
	w.policy = o.p
	return nil
}

// clock lets tests and benchmarks run waits on simulated time.
type clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// withClock runs the wait on c (tests and benchmarks).
func withClock(c clock) WaitOption {
	return waitOption(func(w *waitConfig) error { w.clock = c; return nil })
}

func newWaitConfig(p WaitPolicy, opts []WaitOption) (waitConfig, error) {
	w := waitConfig{policy: p, clock: realClock{}}
	for _, o := range opts {
		if o != nil {
			if err := o.applyWait(&w); err != nil {
				return w, err
			}
		}
	}
	return w, nil
}

// pollCheck is one poll: done ends the wait, status is shown to progress.
type pollCheck func(ctx context.Context) (done bool, status string, err error)

// poll runs check on the policy's schedule until it is done, fails for
// good, or the context ends. A transient failure of a poll (see
// isTransient) is shown to the progress callback and the wait goes on; a
// 429 with Retry-After pushes the next poll back by at least that long.
func poll(ctx context.Context, w waitConfig, check pollCheck) error {
	p := w.policy
	start := w.clock.Now()
	interval := float64(p.MinInterval)
	var extra time.Duration // a Retry-After longer than the interval
	for n := 1; ; n++ {
		d := time.Duration(interval * (1 - p.Jitter*rand.Float64()))
		if extra > d {
			d = extra
		}
		extra = 0
		if err := w.clock.Sleep(ctx, d); err != nil {
			return err
		}
		done, status, err := check(ctx)
		transient := err != nil && ctx.Err() == nil && isTransient(err)
		if w.progress != nil {
			w.progress(WaitProgress{Poll: n, Elapsed: w.clock.Now().Sub(start), Status: status,
				Done: done || (err != nil && !transient), Err: err})
		}
		switch {
		case transient:
			var apiErr *APIError
			if errors.As(err, &apiErr) {
				extra = apiErr.RetryAfter
			}
		case err != nil:
			if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
				return fmt.Errorf("%w (last poll: %v)", ctxErr, err)
			}
			return err
		case done:
			return nil
		}
		interval = min(interval*p.Factor, float64(p.MaxInterval))
	}
}

// isTransient reports whether a failed poll is worth polling again: no
// answer at all (a network error, a cut body), 429, and 5xx but 501. A
// definite answer about the thing polled (401, 403, 404, any other 4xx),
// input refused before sending, a FAILED request or state, and a body over
// the size bound end a wait.
func isTransient(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode == http.StatusTooManyRequests ||
			(apiErr.StatusCode >= 500 && apiErr.StatusCode != http.StatusNotImplemented)
	}
	var invalid *InvalidInputError
	var failed *RequestFailedError
	var state *FailedStateError
	switch {
	case errors.As(err, &invalid), errors.As(err, &failed), errors.As(err, &state),
		errors.Is(err, ErrResponseTooLarge), errors.Is(err, ErrNoRequest),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	var netErr net.Error
	var urlErr *url.Error
	var syntaxErr *json.SyntaxError
	return errors.As(err, &netErr) || errors.As(err, &urlErr) || errors.As(err, &syntaxErr) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, ErrTruncatedBody)
}

// WaitFor polls check until it reports done or an error, or ctx ends, on
// the schedule of the client's WaitPolicy (or WithWaitPolicy for this
// wait). It serves conditions that have no request to poll, such as a
// Kubernetes cluster reaching ACTIVE. An error that check returns ends the
// wait, unless it is a transient failure of the API (no answer, a cut body,
// 429 or 5xx): then WithProgress sees it and the wait goes on. The context
// is the only timeout.
func (c *Client) WaitFor(ctx context.Context, check func(ctx context.Context) (done bool, err error), opts ...WaitOption) error {
	if check == nil {
		return &InvalidInputError{Field: "check", Reason: "is nil"}
	}
	w, err := newWaitConfig(c.wait, opts)
	if err != nil {
		return err
	}
	return poll(ctx, w, func(ctx context.Context) (bool, string, error) {
		done, err := check(ctx)
		return done, "", err
	})
}

// WaitForCompletion waits for the asynchronous request that resp started
// (its Location header) and returns its final status: nil error when DONE,
// a *RequestFailedError when FAILED. It polls /requests/{id}/status with the
// client's WaitPolicy (or WithWaitPolicy for this wait). Transient failures
// of a poll (no answer, 429, 5xx) do not end the wait: WithProgress sees
// them and polling goes on. The context is the only timeout, and cancelling
// it returns at once with the context's error. A response that names no
// request fails with ErrNoRequest. To wait for several requests, use
// WaitForAll.
func (c *Client) WaitForCompletion(ctx context.Context, resp *Response, opts ...WaitOption) (*RequestStatus, error) {
	if resp == nil || resp.RequestID == "" {
		return nil, ErrNoRequest
	}
	return c.WaitForRequest(ctx, resp.RequestID, opts...)
}

// WaitForRequest is WaitForCompletion for a request known by its ID.
func (c *Client) WaitForRequest(ctx context.Context, requestID string, opts ...WaitOption) (*RequestStatus, error) {
	sts, err := c.waitRequests(ctx, []string{requestID}, opts)
	return sts[0], err
}

// WaitForAll waits for every request that resps started, on one poll
// schedule, and returns their final statuses in the order of resps. It
// polls the oldest unfinished request at each tick and, when that one is
// finished, the next at once, so that waiting for n requests costs about
// the polls of waiting for one rather than n times as many. It waits until
// every request is finished; the error is that of the first request (in
// the order of resps) that FAILED, or the context's. A response that names
// no request fails with ErrNoRequest before anything is polled.
func (c *Client) WaitForAll(ctx context.Context, resps []*Response, opts ...WaitOption) ([]*RequestStatus, error) {
	ids := make([]string, len(resps))
	for i, r := range resps {
		if r == nil || r.RequestID == "" {
			return make([]*RequestStatus, len(resps)), fmt.Errorf("resps[%d]: %w", i, ErrNoRequest)
		}
		ids[i] = r.RequestID
	}
	return c.waitRequests(ctx, ids, opts)
}

func (c *Client) waitRequests(ctx context.Context, ids []string, opts []WaitOption) ([]*RequestStatus, error) {
	last := make([]*RequestStatus, len(ids))
	for _, rid := range ids {
		if err := id("requestID", rid).check(); err != nil {
			return last, err
		}
	}
	w, err := newWaitConfig(c.wait, opts)
	if err != nil {
		return last, err
	}
	errs := make([]error, len(ids))
	next := 0 // the oldest unfinished request
	status := func() string {
		if len(ids) == 1 {
			if last[0] != nil {
				return string(last[0].Metadata.Status)
			}
			return ""
		}
		if firstErr(errs) != nil {
			return string(RequestFailed)
		}
		return string(RequestDone)
	}
	err = poll(ctx, w, func(ctx context.Context) (bool, string, error) {
		for ; next < len(ids); next++ {
			st, _, err := c.Requests.GetStatus(ctx, ids[next])
			if err != nil {
				var apiErr *APIError
				if errors.As(err, &apiErr) && !isTransient(err) {
					// A definite answer about this request (404, say) is
					// its outcome.
					errs[next] = err
					continue
				}
				return false, "", err
			}
			last[next] = st
			switch st.Metadata.Status {
			case RequestDone:
			case RequestFailed:
				errs[next] = &RequestFailedError{RequestID: ids[next], Message: st.Metadata.Message, Targets: st.Metadata.Targets}
			default:
				return false, string(st.Metadata.Status), nil
			}
		}
		return true, status(), firstErr(errs)
	})
	return last, err
}

func firstErr(errs []error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// waitForState polls get until the resource's state is want (or, with
// gone, until get fails with [ErrNotFound]), failing at once with a
// *[FailedStateError] on a FAILED* state. It serves every state waiter:
// Kubernetes clusters and node pools (ACTIVE), and the v6 resources whose
// writes the API answers without a request to poll (AVAILABLE).
func waitForState[T any](ctx context.Context, c *Client, kind, resID string, want State, gone bool, get func(ctx context.Context) (*T, State, error), opts []WaitOption) (*T, error) {
	w, err := newWaitConfig(c.wait, opts)
	if err != nil {
		return nil, err
	}
	var last *T
	err = poll(ctx, w, func(ctx context.Context) (bool, string, error) {
		v, state, err := get(ctx)
		if err != nil {
			if gone && errors.Is(err, ErrNotFound) {
				return true, "", nil
			}
			return false, "", err
		}
		last = v
		if isFailedState(state) {
			return false, string(state), &FailedStateError{Kind: kind, ID: resID, State: state}
		}
		return !gone && state == want, string(state), nil
	})
	return last, err
}

// waitAvailable polls get until the resource is AVAILABLE.
func waitAvailable[T any](ctx context.Context, c *Client, kind, resID string, get func(ctx context.Context) (*T, State, error), opts []WaitOption) (*T, error) {
	return waitForState(ctx, c, kind, resID, StateAvailable, false, get, opts)
}

// waitReadAvailable polls the resource at r (read at depth 0) until its
// state is AVAILABLE: the waits of the families whose writes the API may
// answer without a request. state reads the resource's state.
func waitReadAvailable[T any](ctx context.Context, c *Client, kind, resID string, r route, state func(*T) State, opts []WaitOption) (*T, error) {
	if r.err != nil {
		return nil, r.err
	}
	depth0 := []CallOption{WithDepth(0)}
	return waitAvailable(ctx, c, kind, resID, func(ctx context.Context) (*T, State, error) {
		v, _, err := get[T](ctx, c, r, depth0)
		if err != nil {
			return nil, "", err
		}
		return v, state(v), nil
	}, opts)
}
