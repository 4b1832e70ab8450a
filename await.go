package ionos

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// Pending is a write the API has accepted but may not have carried out
// yet, as [Await] makes it of a call's results.
type Pending[T any] struct {
	v    *T
	resp *Response
	err  error
}

// Await takes the results of a write that returns the resource, such as
// c.Datacenters.Create(ctx, spec), so that one more call waits for it and
// returns the resource in its final state instead of the BUSY copy of the
// write's answer:
//
//	dc, err := ionos.Await(c.Datacenters.Create(ctx, spec)).Wait(ctx)
func Await[T any](v *T, resp *Response, err error) Pending[T] {
	return Pending[T]{v: v, resp: resp, err: err}
}

// Wait waits for the write, then reads the resource again (at its href,
// at the client's default depth) and returns it. It waits for the request
// the write started ([Client.WaitForCompletion]); a write the API answered
// without a request (v6 documents some so) is waited for on the
// resource's state, until it is AVAILABLE or ACTIVE. The write's own error
// is returned as it is, with the write's resource (nil when the API sent
// none). A write answered without a body has no href to read again: Wait
// then only waits, and returns nil and no error.
func (p Pending[T]) Wait(ctx context.Context, opts ...WaitOption) (*T, error) {
	if p.err != nil {
		return p.v, p.err
	}
	if p.resp == nil || p.resp.client == nil {
		return p.v, errors.New("ionos: Await: the write's *Response is missing")
	}
	c := p.resp.client
	path := ""
	if p.v != nil {
		path = c.relativePath(hrefOf(p.v))
	}
	switch {
	case p.resp.RequestID != "":
		if _, err := c.WaitForCompletion(ctx, p.resp, opts...); err != nil {
			return p.v, err
		}
	case path == "":
		return p.v, ErrNoRequest
	default:
		return waitForState(ctx, c, "resource", path, StateAvailable, false, func(ctx context.Context) (*T, State, error) {
			v, st, err := getState[T](ctx, c, path)
			if st == StateActive {
				st = StateAvailable
			}
			return v, st, err
		}, opts)
	}
	if path == "" {
		return nil, nil
	}
	v, _, err := getState[T](ctx, c, path)
	return v, err
}

// getState reads the resource at path and its metadata's state.
func getState[T any](ctx context.Context, c *Client, path string) (*T, State, error) {
	var v T
	if _, err := c.doWith(ctx, &request{method: http.MethodGet, path: path, getDepth: true}, &v, &callOptions{}); err != nil {
		return nil, "", err
	}
	st := State("")
	if m := reflect.ValueOf(&v).Elem(); m.Kind() == reflect.Struct {
		if md := m.FieldByName("Metadata"); md.IsValid() && md.Kind() == reflect.Struct {
			if s := md.FieldByName("State"); s.IsValid() && s.Kind() == reflect.String {
				st = State(s.String())
			}
		}
	}
	return &v, st, nil
}

// hrefOf returns the Href field of a resource, or "".
func hrefOf(v any) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return ""
	}
	if f := rv.FieldByName("Href"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

// relativePath turns a resource's href into a path below the client's base
// URL, or "" when it is not one of the client's.
func (c *Client) relativePath(href string) string {
	u, err := url.Parse(href)
	if err != nil || href == "" {
		return ""
	}
	rel, ok := strings.CutPrefix(u.EscapedPath(), c.baseURL.EscapedPath())
	if !ok || !strings.HasPrefix(rel, "/") {
		return ""
	}
	return rel
}
