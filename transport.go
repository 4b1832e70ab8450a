package ionos

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// RetryPolicy says how a call is retried. Retries depend on the method, so
// that a write is never carried out twice:
//
//   - GET and HEAD: network errors, 429, and 5xx but 501.
//   - PUT, PATCH, DELETE: 429, 502, 503, 504, and failures before the request
//     was sent.
//   - POST: 429 and failures before the request was sent. A POST that may
//     have reached the API is never sent again; it fails with
//     ErrUnknownOutcome.
//
// Waits grow exponentially with full jitter: before retry n the client
// sleeps a random time in [0, min(MaxBackoff, MinBackoff·2ⁿ)]. A Retry-After
// header (seconds or HTTP date) replaces that wait and is never shortened;
// if it would run past the context's deadline the call fails at once with
// the *APIError (ErrRateLimited for a 429) carrying the wait.
type RetryPolicy struct {
	// MaxRetries is how many times a call may be sent again after the first
	// attempt; 0 disables retries.
	MaxRetries int
	// MinBackoff is the base of the exponential wait.
	MinBackoff time.Duration
	// MaxBackoff caps the exponential wait (not a Retry-After).
	MaxBackoff time.Duration
}

// DefaultRetryPolicy returns the policy used when none is set: 4 retries,
// waits based on 500 ms and capped at 30 s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 4, MinBackoff: 500 * time.Millisecond, MaxBackoff: 30 * time.Second}
}

func (p RetryPolicy) validate() error {
	switch {
	case p.MaxRetries < 0:
		return errors.New("ionos: RetryPolicy.MaxRetries must not be negative")
	case p.MinBackoff < 0 || p.MaxBackoff < 0:
		return errors.New("ionos: RetryPolicy backoffs must not be negative")
	case p.MaxBackoff < p.MinBackoff:
		return errors.New("ionos: RetryPolicy.MaxBackoff must not be below MinBackoff")
	}
	return nil
}

// backoff is the full-jitter wait before retry number n (0-based).
func (p RetryPolicy) backoff(n int) time.Duration {
	ceil := p.MinBackoff
	for i := 0; i < n && ceil < p.MaxBackoff; i++ {
		ceil *= 2
	}
	if ceil > p.MaxBackoff {
		ceil = p.MaxBackoff
	}
	if ceil <= 0 {
		return 0
	}
	return rand.N(ceil + 1)
}

// callState follows one call across its attempts.
type callState struct {
	method   string
	write    bool // not GET or HEAD
	attempts int
	// sent is true while the current attempt may have been carried out:
	// set once it has a connection, cleared again when its answer proves
	// that nothing was done (see maybeDone).
	sent   atomic.Bool
	sentAt time.Time
	accept string // the Accept header, when not application/json
	// trace notes, for a write, when an attempt got a connection. It lives
	// in the call's state and its context, made once per call rather than
	// per attempt.
	trace httptrace.ClientTrace
}

// gotConn marks the current attempt as possibly carried out.
func (st *callState) gotConn(httptrace.GotConnInfo) { st.sent.Store(true) }

type stateKey struct{}

// maybeDone reports whether an answer leaves open that a write was carried
// out: 500, 502 and 504 may come from a gateway that gave up after the API
// acted, and so may a 503 that is not the API's own JSON error. Every other
// answer is definite: 2xx was done, 429, 4xx, 501 and the API's 503 were not.
func maybeDone(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		return true
	case http.StatusServiceUnavailable:
		return !isJSON(resp.Header)
	}
	return false
}

func isJSON(h http.Header) bool {
	vs := h["Content-Type"]
	return len(vs) > 0 && strings.Contains(vs[0], "json")
}

// send performs one call with retries and returns the final answer, whatever
// its status. An error means no answer came. st carries the attempts across
// calls of send for the same call (a read whose body was cut is sent again).
func (c *Client) send(ctx context.Context, st *callState, u string, body []byte, contentType string, co *callOptions) (*http.Response, error) {
	method := st.method
	cctx := context.WithValue(ctx, stateKey{}, st)
	if st.write {
		// A fresh trace each time: WithClientTrace chains the caller's own
		// hooks into it.
		st.trace = httptrace.ClientTrace{GotConn: st.gotConn}
		cctx = httptrace.WithClientTrace(cctx, &st.trace)
	}
	rreq, err := newRetryableRequest(cctx, method, u, body)
	if err != nil {
		return nil, fmt.Errorf("ionos: building the request: %w", err)
	}
	// Header values made once per client; canonical keys set directly.
	h := rreq.Header
	h["Authorization"] = c.hdrAuth
	h["User-Agent"] = c.hdrUserAgent
	h["Accept"] = hdrJSON
	if st.accept != "" {
		h["Accept"] = []string{st.accept}
	}
	switch contentType {
	case "":
	case "application/json":
		h["Content-Type"] = hdrJSON
	default:
		h["Content-Type"] = []string{contentType}
	}
	switch {
	case co.contract != "":
		h["X-Contract-Number"] = []string{co.contract}
	case c.hdrContract != nil:
		h["X-Contract-Number"] = c.hdrContract
	}
	rc := c.rc
	hr, err := rc.Do(rreq)
	if err == nil && hr == nil {
		err = errors.New("no answer")
	}
	if err != nil {
		if hr != nil {
			closeBody(hr.Body)
		}
		cause := err
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			cause = fmt.Errorf("%w (%v)", ctxErr, err)
		}
		if st.write && st.sent.Load() {
			return nil, &UnknownOutcomeError{Method: method, URL: u, SentAt: st.sentAt, Attempts: st.attempts, Err: cause, body: body}
		}
		return nil, fmt.Errorf("ionos: %s %s: %w", method, u, attemptsNote(cause, st.attempts))
	}
	return hr, nil
}

func attemptsNote(err error, attempts int) error {
	if attempts > 1 {
		return fmt.Errorf("%w (after %d attempts)", err, attempts)
	}
	return err
}

// hdrJSON is the header value application/json, shared by every request
// (header values are only read once set).
var hdrJSON = []string{"application/json"}

// newRetryClient is the client's one go-retryablehttp client: the call's
// state travels in the request's context, and the wait before a retry is
// slept in CheckRetry, which sees the context.
func (c *Client) newRetryClient() *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient: c.hc,
		RetryMax:   c.retry.MaxRetries,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			st, _ := ctx.Value(stateKey{}).(*callState)
			if st == nil {
				return false, err
			}
			return c.checkRetry(ctx, st, c.retry, resp, err)
		},
		Backoff:      func(_, _ time.Duration, _ int, _ *http.Response) time.Duration { return 0 },
		ErrorHandler: func(resp *http.Response, err error, _ int) (*http.Response, error) { return resp, err },
	}
}

// checkRetry decides whether to send the call again and, if so, waits
// before returning: the exponential backoff, or the Retry-After.
func (c *Client) checkRetry(ctx context.Context, st *callState, p RetryPolicy, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	retry := false
	if err != nil {
		retry = retryableNetError(err) && (!st.write || !st.sent.Load())
	} else {
		retry = retryableStatus(st.method, resp.StatusCode)
	}
	if !retry || st.attempts > p.MaxRetries {
		return false, nil
	}
	wait := p.backoff(st.attempts - 1)
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			wait = d
		}
	}
	if dl, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(dl) {
		// The wait cannot fit: give the caller the last answer now.
		if resp == nil {
			return false, err
		}
		return false, nil
	}
	if c.logger.Enabled(ctx, slog.LevelDebug) {
		attrs := []any{"method", st.method, "attempt", st.attempts, "wait", wait}
		if resp != nil {
			attrs = append(attrs, "status", resp.StatusCode)
		}
		c.logger.DebugContext(ctx, "ionos: retrying", attrs...)
	}
	if resp != nil {
		// Free the connection while waiting.
		closeBody(resp.Body)
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-t.C:
		}
	}
	return true, nil
}

// retryableStatus reports whether an answer with status code to method is
// worth another attempt.
func retryableStatus(method string, code int) bool {
	switch {
	case code == http.StatusTooManyRequests:
		return true
	case code == http.StatusNotImplemented || code < 500:
		return false
	}
	switch method {
	case http.MethodGet, http.MethodHead:
		return true
	case http.MethodPut, http.MethodPatch, http.MethodDelete:
		return code == http.StatusBadGateway || code == http.StatusServiceUnavailable || code == http.StatusGatewayTimeout
	}
	return false
}

// retryableNetError is false for errors that another attempt cannot mend.
func retryableNetError(err error) bool {
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &invalid):
		return false
	case errors.Is(err, ErrResponseTooLarge):
		return false
	case errors.Is(err, ErrRateLimited):
		// The client's own hold after a Retry-After, past the deadline.
		return false
	}
	return true
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(365*24*time.Hour/time.Second) {
			secs = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// attemptTransport wraps the transport that sends one attempt: it counts
// attempts, notes when a write got a connection (from then on it may have
// reached the API), and logs each attempt at debug level.
type attemptTransport struct {
	base http.RoundTripper
	c    *Client
}

func (t *attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	st, _ := ctx.Value(stateKey{}).(*callState)
	// The client-wide gate: a Retry-After that any call received, and the
	// pacing from the rate-limit headers.
	release, err := t.c.limiter.acquire(ctx)
	if err != nil {
		if st != nil {
			st.sent.Store(false)
		}
		return nil, err
	}
	defer release()
	if st != nil {
		st.attempts++
		st.sent.Store(false)
		st.sentAt = time.Now()
	}
	logging := t.c.logger.Enabled(ctx, slog.LevelDebug)
	var start time.Time
	if logging {
		start = time.Now()
	}
	resp, err := t.base.RoundTrip(req)
	if resp != nil {
		t.c.limiter.observe(resp, time.Now())
		if st != nil && st.write && resp.StatusCode >= 300 && !maybeDone(resp) {
			// A definite answer: this attempt was not carried out.
			st.sent.Store(false)
		}
	}
	if logging {
		attrs := []any{"method", req.Method, "url", req.URL.String(), "duration", time.Since(start)}
		if st != nil {
			attrs = append(attrs, "attempt", st.attempts)
		}
		if err != nil {
			attrs = append(attrs, "error", t.c.scrub(err.Error()))
		} else {
			attrs = append(attrs, "status", resp.StatusCode)
		}
		t.c.logger.DebugContext(ctx, "ionos: http attempt", attrs...)
	}
	return resp, err
}
