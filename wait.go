package ionos

import (
	"context"
	"errors"
	"math/rand/v2"
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

// WaitOption adjusts one wait.
type WaitOption func(*waitConfig)

type waitConfig struct {
	policy   WaitPolicy
	progress func(WaitProgress)
	clock    clock
}

// WithProgress calls fn after every poll, from the waiting goroutine.
func WithProgress(fn func(WaitProgress)) WaitOption {
	return func(w *waitConfig) { w.progress = fn }
}

// WithPollPolicy uses p for this wait instead of the client's policy. An
// invalid policy is replaced by DefaultWaitPolicy.
func WithPollPolicy(p WaitPolicy) WaitOption {
	return func(w *waitConfig) {
		if p.validate() == nil {
			w.policy = p
		}
	}
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
func withClock(c clock) WaitOption { return func(w *waitConfig) { w.clock = c } }

func newWaitConfig(p WaitPolicy, opts []WaitOption) waitConfig {
	w := waitConfig{policy: p, clock: realClock{}}
	for _, o := range opts {
		if o != nil {
			o(&w)
		}
	}
	return w
}

// pollCheck is one poll: done ends the wait, status is shown to progress.
type pollCheck func(ctx context.Context) (done bool, status string, err error)

// poll runs check on the policy's schedule until it is done, fails, or the
// context ends.
func poll(ctx context.Context, w waitConfig, check pollCheck) error {
	p := w.policy
	start := w.clock.Now()
	interval := float64(p.MinInterval)
	for n := 1; ; n++ {
		d := time.Duration(interval * (1 - p.Jitter*rand.Float64()))
		if err := w.clock.Sleep(ctx, d); err != nil {
			return err
		}
		done, status, err := check(ctx)
		if w.progress != nil {
			w.progress(WaitProgress{Poll: n, Elapsed: w.clock.Now().Sub(start), Status: status, Done: done || err != nil, Err: err})
		}
		if err != nil || done {
			return err
		}
		interval = min(interval*p.Factor, float64(p.MaxInterval))
	}
}

// WaitFor polls check until it reports done or an error, or ctx ends, on
// the schedule of DefaultWaitPolicy (or WithPollPolicy). It serves
// conditions that have no request to poll, such as a Kubernetes cluster
// reaching ACTIVE. It replaces the Python SDK's wait_for; the context is the
// only timeout.
func WaitFor(ctx context.Context, check func(ctx context.Context) (done bool, err error), opts ...WaitOption) error {
	w := newWaitConfig(DefaultWaitPolicy(), opts)
	return poll(ctx, w, func(ctx context.Context) (bool, string, error) {
		done, err := check(ctx)
		return done, "", err
	})
}

// WaitForCompletion waits for the asynchronous request that resp started
// (its Location header) and returns its final status: nil error when DONE,
// a *RequestFailedError when FAILED. It polls /requests/{id}/status with the
// client's WaitPolicy; the context is the only timeout, and cancelling it
// returns at once with the context's error. A response that names no
// request fails with ErrNoRequest. It replaces the Python SDK's
// wait_for_completion.
func (c *Client) WaitForCompletion(ctx context.Context, resp *Response, opts ...WaitOption) (*RequestStatus, error) {
	if resp == nil || resp.RequestID == "" {
		return nil, ErrNoRequest
	}
	return c.WaitForRequest(ctx, resp.RequestID, opts...)
}

// WaitForRequest is WaitForCompletion for a request known by its ID.
func (c *Client) WaitForRequest(ctx context.Context, requestID string, opts ...WaitOption) (*RequestStatus, error) {
	if err := id("requestID", requestID).check(); err != nil {
		return nil, err
	}
	w := newWaitConfig(c.wait, opts)
	var last *RequestStatus
	err := poll(ctx, w, func(ctx context.Context) (bool, string, error) {
		st, _, err := c.Requests.GetStatus(ctx, requestID)
		if err != nil {
			return false, "", err
		}
		last = st
		switch st.Metadata.Status {
		case RequestDone:
			return true, st.Metadata.Status, nil
		case RequestFailed:
			return true, st.Metadata.Status, &RequestFailedError{RequestID: requestID, Message: st.Metadata.Message, Targets: st.Metadata.Targets}
		}
		return false, st.Metadata.Status, nil
	})
	if err != nil {
		return last, err
	}
	return last, nil
}
