package ionos

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// NewRequest builds a request for an endpoint the SDK does not cover yet,
// to send with [Client.Do]. path is relative to the client's base URL
// ("/datacenters/{id}/natgateways") and may carry a query ("?depth=2");
// it is sent as given, so escape the IDs in it (url.PathEscape). body, when
// non-nil, is encoded as JSON; a []byte or json.RawMessage is sent as it
// is. The context is the request's: it cancels the call and its retries.
func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("ionos: nil context")
	}
	if method == "" || strings.ContainsAny(method, " \t\r\n") {
		return nil, invalid("method", "%q is not an HTTP method", method)
	}
	if !strings.HasPrefix(path, "/") {
		return nil, invalid("path", "%q does not start with /", path)
	}
	rel, err := url.Parse(path)
	if err != nil || rel.Host != "" || rel.Scheme != "" {
		return nil, invalid("path", "%q is not a path below the base URL", path)
	}
	var raw []byte
	switch b := body.(type) {
	case nil:
	case []byte:
		raw = b
	case json.RawMessage:
		raw = b
	default:
		if raw, err = json.Marshal(body); err != nil {
			return nil, fmt.Errorf("ionos: encoding the request body: %w", err)
		}
	}
	var r io.Reader
	if raw != nil {
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return nil, fmt.Errorf("ionos: %w", err)
	}
	if raw != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// Do sends req, made by [Client.NewRequest], with everything the client
// adds to its own calls: authentication, the User-Agent and contract
// number, retries by the client's [RetryPolicy] (a POST is never sent twice),
// the rate-limit and Retry-After handling and the bound on the answer's
// size. An answer of 400 or more is an *[APIError]; a write that may have
// reached the API without an answer is an *[UnknownOutcomeError]. A
// successful answer's JSON body is decoded into v when v is non-nil, by
// encoding/json itself: the SDK's own calls use a faster decoder that agrees
// with encoding/json on the SDK's types, but v is yours. The
// method, URL and body of req are sent; its headers are set by the client.
// A URL outside the client's base URL is refused, so that credentials go
// nowhere else.
func (c *Client) Do(req *http.Request, v any) (*Response, error) {
	if req == nil || req.URL == nil {
		return nil, invalid("req", "is nil")
	}
	u := req.URL
	basePath := c.baseURL.Path
	if u.Scheme != c.baseURL.Scheme || u.Host != c.baseURL.Host || u.User != nil ||
		(u.EscapedPath() != basePath && !strings.HasPrefix(u.EscapedPath(), basePath+"/")) {
		return nil, invalid("req.URL", "%s://%s%s is outside the client's base URL %s", u.Scheme, u.Host, u.EscapedPath(), c.base)
	}
	r := &request{method: req.Method, path: u.EscapedPath()[len(basePath):], callerType: true}
	if r.path == "" {
		r.path = "/"
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			return nil, invalid("req.URL", "query: %v", err)
		}
		r.query = q
	}
	if req.Body != nil && req.Body != http.NoBody {
		raw, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("ionos: reading the request body: %w", err)
		}
		if len(raw) > 0 {
			r.body = json.RawMessage(raw)
		}
	}
	var co callOptions
	return c.doWith(req.Context(), r, v, &co)
}
