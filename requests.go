package ionos

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"
)

// RequestState is the status of an asynchronous request: QUEUED, RUNNING,
// DONE or FAILED. Any string converts, so a status the API adds later
// still reads.
type RequestState string

// The statuses of an asynchronous request.
const (
	RequestQueued  RequestState = "QUEUED"
	RequestRunning RequestState = "RUNNING"
	RequestDone    RequestState = "DONE"
	RequestFailed  RequestState = "FAILED"
)

// ResourceReference points at a resource: its ID, type and URL.
type ResourceReference struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
	Href string `json:"href,omitempty"`
}

// Request is the API's record of an asynchronous request: what was asked
// (method, URL, body) and its status.
type Request struct {
	ID         string            `json:"id"`
	Type       string            `json:"type,omitempty"`
	Href       string            `json:"href,omitempty"`
	Metadata   RequestMetadata   `json:"metadata"`
	Properties RequestProperties `json:"properties"`
}

// RequestMetadata tells who made a request, when, and its status (at depth
// 1 and more).
type RequestMetadata struct {
	CreatedDate   time.Time     `json:"createdDate,omitzero"`
	CreatedBy     string        `json:"createdBy,omitempty"`
	Etag          string        `json:"etag,omitempty"`
	RequestStatus RequestStatus `json:"requestStatus,omitzero"`
}

// RequestProperties is what was asked.
type RequestProperties struct {
	Method  string            `json:"method,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    string            `json:"body,omitempty"`
	URL     string            `json:"url,omitempty"`
}

// RequestStatus is the state of an asynchronous request
// (GET /requests/{id}/status).
type RequestStatus struct {
	ID       string                `json:"id"`
	Type     string                `json:"type,omitempty"`
	Href     string                `json:"href,omitempty"`
	Metadata RequestStatusMetadata `json:"metadata"`
}

// RequestStatusMetadata holds the status (QUEUED, RUNNING, DONE, FAILED), the
// API's message and the resources the request works on.
type RequestStatusMetadata struct {
	Status  RequestState    `json:"status"`
	Message string          `json:"message,omitempty"`
	Etag    string          `json:"etag,omitempty"`
	Targets []RequestTarget `json:"targets,omitempty"`
}

// RequestTarget is a resource a request works on, and its status.
type RequestTarget struct {
	Target ResourceReference `json:"target"`
	Status RequestState      `json:"status"`
}

// RequestsService reads the API's records of asynchronous requests.
type RequestsService struct{ c *Client }

// RequestFilter narrows Requests.List to matching requests. Zero fields are
// not sent. The API applies Method, URL, Body and CreatedBy only at depth 1
// or more, which is the default.
type RequestFilter struct {
	// Status is QUEUED, RUNNING, DONE or FAILED (filter.status).
	Status RequestState
	// CreatedAfter and CreatedBefore bound the creation time
	// (filter.createdAfter, filter.createdBefore).
	CreatedAfter, CreatedBefore time.Time
	// Method is the HTTP method (filter.method).
	Method string
	// URL matches the request's URL (filter.url).
	URL string
	// Body matches the request's body (filter.body).
	Body string
	// CreatedBy matches the user who made the request (filter.createdBy).
	CreatedBy string
}

// requestFilterTime is the API's date format for request filters.
const requestFilterTime = "2006-01-02 15:04:05"

// WithRequestFilter narrows Requests.List and Requests.All with the API's
// request filters.
func WithRequestFilter(f RequestFilter) RequestFilterOption {
	return RequestFilterOption{func(co *callOptions) error {
		set := func(k, v string) {
			if v != "" {
				co.setQuery(k, v)
			}
		}
		if !f.CreatedAfter.IsZero() && !f.CreatedBefore.IsZero() && f.CreatedBefore.Before(f.CreatedAfter) {
			return &InvalidInputError{Field: "RequestFilter.CreatedBefore", Reason: "is before CreatedAfter"}
		}
		set("filter.status", string(f.Status))
		if !f.CreatedAfter.IsZero() {
			set("filter.createdAfter", f.CreatedAfter.UTC().Format(requestFilterTime))
		}
		if !f.CreatedBefore.IsZero() {
			set("filter.createdBefore", f.CreatedBefore.UTC().Format(requestFilterTime))
		}
		set("filter.method", strings.ToUpper(f.Method))
		set("filter.url", f.URL)
		set("filter.body", f.Body)
		set("filter.createdBy", f.CreatedBy)
		return nil
	}}
}

// List returns every request of the account, following the pages of the
// collection until it is complete ([WithPage] asks for one page). Narrow it
// with [WithRequestFilter].
func (s *RequestsService) List(ctx context.Context, opts ...RequestListOption) ([]Request, *Response, error) {
	return list[Request](ctx, s.c, fixed("/requests"), opts)
}

// All iterates over the requests page by page; breaking out of the loop
// stops fetching.
func (s *RequestsService) All(ctx context.Context, opts ...RequestListOption) iter.Seq2[Request, error] {
	return all[Request](ctx, s.c, fixed("/requests"), opts)
}

// Get returns one request: its method, URL, body and (at depth 1 and more)
// status.
func (s *RequestsService) Get(ctx context.Context, requestID string, opts ...ReadOption) (*Request, *Response, error) {
	return get[Request](ctx, s.c, at(pathOf("/requests/{}", id("requestID", requestID))), opts)
}

// GetStatus returns the status of a request.
func (s *RequestsService) GetStatus(ctx context.Context, requestID string, opts ...ReadOption) (*RequestStatus, *Response, error) {
	return getRaw[RequestStatus](ctx, s.c, at(pathOf("/requests/{}/status", id("requestID", requestID))), opts)
}

// OutcomeLookup says how Requests.FindUnknown decides which of the API's
// records of requests is the write whose outcome was unknown.
type OutcomeLookup struct {
	// ClockSkew is how far the API's clock may run behind the local one: a
	// record created before the write was sent, less ClockSkew, is not a
	// match. Larger is safer against skew; smaller makes it less likely that
	// an identical write made shortly before matches too (which
	// FindUnknown reports as ErrAmbiguousOutcome, never as a match).
	ClockSkew time.Duration
	// RecordDelay is how long after a write was sent the API may still
	// record it (a request that was still on its way through a gateway
	// when the connection broke). FindUnknown trusts an empty answer only
	// once this has passed since the write was sent, and waits until then.
	RecordDelay time.Duration
}

// DefaultOutcomeLookup returns the lookup used when none is set: a clock
// allowance of one minute, and one minute for the API to record a request.
func DefaultOutcomeLookup() OutcomeLookup {
	return OutcomeLookup{ClockSkew: time.Minute, RecordDelay: time.Minute}
}

// WithOutcomeLookup sets how Requests.FindUnknown matches records; see
// OutcomeLookup. Both durations must not be negative.
func WithOutcomeLookup(l OutcomeLookup) Option {
	return clientOption(func(c *config) error {
		if l.ClockSkew < 0 || l.RecordDelay < 0 {
			return errors.New("ionos: OutcomeLookup durations must not be negative")
		}
		c.lookup = l
		return nil
	})
}

// FindUnknown asks the API whether it received a write whose outcome was
// unknown (err matches ErrUnknownOutcome). It returns the API's records of
// exactly that write: same method, same URL, the same body as a JSON value,
// created no earlier than the time it was sent less the clock allowance
// (see OutcomeLookup). The answer means:
//
//   - one request: the API received the write; wait for that request
//     (Client.WaitForRequest) instead of sending the write again;
//   - no request, nil error: the API did not receive it, and sending it
//     again is safe. FindUnknown returns this only once the record delay
//     has passed since the write was sent, polling until then, so the
//     empty answer can be trusted;
//   - an error matching ErrAmbiguousOutcome (an *AmbiguousOutcomeError,
//     with the same requests returned, oldest first): more than one
//     identical write was made since then, and FindUnknown will not guess
//     which one was the lost one;
//   - any other error (the context ended, the lookup failed): nothing is
//     established; look again.
func (s *RequestsService) FindUnknown(ctx context.Context, err error) ([]Request, error) {
	var u *UnknownOutcomeError
	if !errors.As(err, &u) {
		return nil, &InvalidInputError{Field: "err", Reason: "is not an *UnknownOutcomeError"}
	}
	path := s.c.relativePath(u.URL)
	if path == "" {
		return nil, &InvalidInputError{Field: "err", Reason: "names a URL outside the client's API: " + u.URL}
	}
	lk := s.c.lookup
	// The API's dates have whole seconds: allow one more.
	since := u.SentAt.Add(-lk.ClockSkew - time.Second)
	trustAt := u.SentAt.Add(lk.RecordDelay)
	depth := max(s.c.depth, 1)
	interval := s.c.wait.MinInterval
	for {
		reqs, _, lerr := s.List(ctx, WithDepth(depth), WithRequestFilter(RequestFilter{Method: u.Method, URL: path, CreatedAfter: since}))
		if lerr != nil {
			return nil, lerr
		}
		// The API's filters match loosely; keep only true matches.
		var out []Request
		for _, r := range reqs {
			if strings.EqualFold(r.Properties.Method, u.Method) && urlPathIs(r.Properties.URL, path) &&
				!r.Metadata.CreatedDate.Before(since) && sameBody(r.Properties.Body, u.body) {
				out = append(out, r)
			}
		}
		slices.SortStableFunc(out, func(a, b Request) int { return a.Metadata.CreatedDate.Compare(b.Metadata.CreatedDate) })
		switch {
		case len(out) > 1:
			return out, &AmbiguousOutcomeError{Matches: out}
		case len(out) == 1:
			return out, nil
		}
		left := time.Until(trustAt)
		if left <= 0 {
			return nil, nil
		}
		if werr := sleepCtx(ctx, min(interval, left)); werr != nil {
			if !errors.Is(werr, ctx.Err()) {
				// The record delay does not fit in the deadline.
				werr = fmt.Errorf("ionos: FindUnknown: no record yet, and the context ends before the API's record delay (%s after sending) has passed: %w", lk.RecordDelay, context.DeadlineExceeded)
			}
			return nil, werr
		}
		interval = min(time.Duration(float64(interval)*s.c.wait.Factor), s.c.wait.MaxInterval)
	}
}

// sameBody reports whether the body the API recorded is the one sent:
// equal as JSON values, equal as form values, or else equal as text.
func sameBody(recorded string, sent []byte) bool {
	rec := strings.TrimSpace(recorded)
	snt := strings.TrimSpace(string(sent))
	if rec == "" || snt == "" {
		return rec == snt
	}
	var a, b any
	da := json.NewDecoder(strings.NewReader(rec))
	da.UseNumber()
	db := json.NewDecoder(strings.NewReader(snt))
	db.UseNumber()
	if da.Decode(&a) == nil && db.Decode(&b) == nil {
		return reflect.DeepEqual(a, b)
	}
	if !strings.HasPrefix(rec, "{") && !strings.HasPrefix(snt, "{") {
		fa, ea := url.ParseQuery(rec)
		fb, eb := url.ParseQuery(snt)
		if ea == nil && eb == nil {
			return reflect.DeepEqual(fa, fb)
		}
	}
	return rec == snt
}

// urlPathIs reports whether the recorded URL u ends in path (ignoring a
// query and a trailing slash).
func urlPathIs(u, path string) bool {
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimRight(u, "/")
	path = strings.TrimRight(path, "/")
	return path != "" && strings.HasSuffix(u, path)
}
