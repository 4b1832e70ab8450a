package ionos

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
	"time"
)

// Statuses of an asynchronous request.
const (
	RequestQueued  = "QUEUED"
	RequestRunning = "RUNNING"
	RequestDone    = "DONE"
	RequestFailed  = "FAILED"
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
	Status  string          `json:"status"`
	Message string          `json:"message,omitempty"`
	Etag    string          `json:"etag,omitempty"`
	Targets []RequestTarget `json:"targets,omitempty"`
}

// RequestTarget is a resource a request works on, and its status.
type RequestTarget struct {
	Target ResourceReference `json:"target"`
	Status string            `json:"status"`
}

// RequestsService reads the API's records of asynchronous requests.
type RequestsService struct{ c *Client }

// RequestFilter narrows Requests.List to matching requests. Zero fields are
// not sent. The API applies Method, URL, Body and CreatedBy only at depth 1
// or more, which is the default.
type RequestFilter struct {
	// Status is QUEUED, RUNNING, DONE or FAILED (filter.status).
	Status string
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
		set("filter.status", f.Status)
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

// FindUnknown looks up the API's record of a write whose outcome was unknown
// (err matches ErrUnknownOutcome): the requests with the same method and URL
// made since shortly before it was sent, newest first. An empty result means
// the API has no record of it, so it was not carried out (or has not been
// recorded yet: look again a little later before sending it again).
func (s *RequestsService) FindUnknown(ctx context.Context, err error) ([]Request, error) {
	var u *UnknownOutcomeError
	if !errors.As(err, &u) {
		return nil, &InvalidInputError{Field: "err", Reason: "is not an *UnknownOutcomeError"}
	}
	path := u.URL
	if strings.HasPrefix(path, s.c.base) {
		path = path[len(s.c.base):]
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	since := u.SentAt.Add(-2 * time.Minute) // allow for clock skew
	depth := max(s.c.depth, 1)
	reqs, _, lerr := s.List(ctx, WithDepth(depth), WithRequestFilter(RequestFilter{Method: u.Method, URL: path, CreatedAfter: since}))
	if lerr != nil {
		return nil, lerr
	}
	// The API's filters match loosely; keep only exact method and path.
	out := reqs[:0]
	for _, r := range reqs {
		if strings.EqualFold(r.Properties.Method, u.Method) && urlPathIs(r.Properties.URL, path) {
			out = append(out, r)
		}
	}
	// Newest first.
	slices.SortStableFunc(out, func(a, b Request) int { return b.Metadata.CreatedDate.Compare(a.Metadata.CreatedDate) })
	return out, nil
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
