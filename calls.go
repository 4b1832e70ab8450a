package ionos

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// route is the path of one call, or the reason it cannot be built (an
// empty or malformed ID). It is what a family's path functions return, so
// that every method is one line: at(pathOf(...)) feeds the helpers below,
// which refuse the call before sending when err is set.
type route struct {
	path string
	err  error
	// maxLimit is the largest page ([WithPage]'s limit) the list takes; 0
	// means the spec's usual 10000.
	maxLimit int
}

// at makes a route of a path and the error of building it.
func at(path string, err error) route { return route{path: path, err: err} }

// paged sets the largest page a list takes.
func (r route) paged(maxLimit int) route { r.maxLimit = maxLimit; return r }

// payload is a request body, or the reason it cannot be built (input the
// API would refuse).
type payload struct {
	v   any
	err error
	// secrets are values of the body that an API error may echo; they are
	// scrubbed from the call's error.
	secrets []Secret
}

// with makes a payload of a body and the error of building or checking it:
// with(spec.body("ServerSpec")), with(&upd, upd.check()).
func with[B any](v B, err error) payload { return payload{v: v, err: err} }

// hiding keeps secrets of the body out of the call's error.
func (p payload) hiding(secrets []Secret) payload { p.secrets = secrets; return p }

// setBody sets the body of req: url.Values are sent form-encoded, anything
// else as JSON.
func (req *request) setBody(v any) {
	if form, ok := v.(url.Values); ok {
		req.form = form
		return
	}
	req.body = v
}

// noBody is the payload of a call without a body.
var noBody payload

// get reads the resource at r (GET, at the default depth).
func get[T any, O option](ctx context.Context, c *Client, r route, opts []O) (*T, *Response, error) {
	return call[T](ctx, c, &request{method: http.MethodGet, getDepth: true}, r, noBody, opts)
}

// getRaw reads the resource at r without sending a depth.
func getRaw[T any, O option](ctx context.Context, c *Client, r route, opts []O) (*T, *Response, error) {
	return call[T](ctx, c, &request{method: http.MethodGet}, r, noBody, opts)
}

// write sends body with method to r and decodes the resource the API
// answers with.
func write[T any, O option](ctx context.Context, c *Client, method string, r route, body payload, opts []O) (*T, *Response, error) {
	return call[T](ctx, c, &request{method: method}, r, body, opts)
}

// call sends req to r with body and decodes the answer into a new T.
func call[T any, O option](ctx context.Context, c *Client, req *request, r route, body payload, opts []O) (*T, *Response, error) {
	if r.err != nil {
		return nil, nil, r.err
	}
	if body.err != nil {
		return nil, nil, body.err
	}
	req.path = r.path
	req.setBody(body.v)
	co, err := applyOptions(opts)
	if err != nil {
		return nil, nil, err
	}
	var v T
	resp, err := c.doWith(ctx, req, &v, &co)
	if err != nil {
		return nil, resp, scrubSecrets(err, body.secrets...)
	}
	if resp.noBody {
		// Accepted without a body (v6 answers many writes so): nothing to
		// return but the response.
		return nil, resp, nil
	}
	return &v, resp, nil
}

// act sends a call whose answer has no body the caller needs: deletes, and
// actions such as a server's start.
func act[O option](ctx context.Context, c *Client, method string, r route, body payload, opts []O) (*Response, error) {
	if r.err != nil {
		return nil, r.err
	}
	if body.err != nil {
		return nil, body.err
	}
	co, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	req := &request{method: method, path: r.path}
	req.setBody(body.v)
	return c.doWith(ctx, req, nil, &co)
}

// del deletes the resource at r.
func del[O option](ctx context.Context, c *Client, r route, opts []O) (*Response, error) {
	return act(ctx, c, http.MethodDelete, r, noBody, opts)
}

// list returns the whole collection at r, following its pages.
func list[T any, O option](ctx context.Context, c *Client, r route, opts []O) ([]T, *Response, error) {
	if r.err != nil {
		return nil, nil, r.err
	}
	return listAll[T](ctx, c, &request{method: http.MethodGet, path: r.path, maxLimit: r.maxLimit}, opts)
}

// all iterates over the collection at r, item by item as each page is read. A route that cannot
// be built is yielded as the only error.
func all[T any, O option](ctx context.Context, c *Client, r route, opts []O) iter.Seq2[T, error] {
	if r.err != nil {
		return errSeq[T](r.err)
	}
	return iterate[T](ctx, c, &request{method: http.MethodGet, path: r.path, maxLimit: r.maxLimit}, opts)
}

// firstError returns the first non-nil error, so that a payload can carry
// several checks: with(&upd, firstError(check1, check2)).
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// matchByName picks the one item whose name matches, by the rules of
// [DatacentersService.GetByName].
func matchByName[T any](items []T, name, kind string, key func(*T) (name, id string)) (*T, error) {
	lower := strings.ToLower(name)
	rules := []func(string) bool{
		func(n string) bool { return n == name },
		func(n string) bool { return strings.ToLower(n) == lower },
		func(n string) bool { return strings.HasPrefix(n, name) },
		func(n string) bool { return strings.HasPrefix(strings.ToLower(n), lower) },
		func(n string) bool { return strings.Contains(n, name) },
		func(n string) bool { return strings.Contains(strings.ToLower(n), lower) },
	}
	for _, rule := range rules {
		var found []int
		for i := range items {
			if n, _ := key(&items[i]); rule(n) {
				found = append(found, i)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return &items[found[0]], nil
		}
		e := &AmbiguousNameError{Kind: kind, Name: name}
		for _, i := range found {
			n, id := key(&items[i])
			e.Candidates = append(e.Candidates, n+" ("+id+")")
		}
		return nil, e
	}
	return nil, &notFoundError{kind: kind, name: name}
}

// notFoundError is a lookup by name that matched nothing.
type notFoundError struct{ kind, name string }

func (e *notFoundError) Error() string {
	return "ionos: no " + e.kind + " found with a name containing " + strconv.Quote(e.name)
}

func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

// putBody wraps the properties of a PUT: {"properties": {...}}.
type putBody[T any] struct {
	Properties T `json:"properties"`
}

// fixed is the route of a path without IDs.
func fixed(path string) route { return route{path: path} }

// post is the body of a POST: {"properties": ..., "entities": ...}, the
// children created with the resource.
type post[P, E any] struct {
	Properties P  `json:"properties"`
	Entities   *E `json:"entities,omitempty"`
}

// noEntities is the entities of a resource created without children.
type noEntities struct{}

func (p *post[P, E]) split() (any, bool) { return p.Properties, p.Entities != nil }

// splitter is a POST body that can give up its properties for a PUT.
type splitter interface {
	// split returns the properties and whether the body has children.
	split() (props any, children bool)
}

// propsOnly turns the POST body of p into the body of a full-replace PUT,
// {"properties": ...}. A body with children is refused: a PUT sets
// properties only; hint says how to make the children instead.
func (p payload) propsOnly(field, hint string) payload {
	if p.err != nil {
		return p
	}
	props, children := p.v.(splitter).split()
	if children {
		return payload{err: invalid(field, "Replace sets properties only; %s", hint)}
	}
	return payload{v: &putBody[any]{Properties: props}}
}

// replacedList is what a PATCH sends for a list that an Update replaces
// when non-empty and empties when clear is set: nil (left out, unchanged),
// the list, or an empty non-nil list (sent as []). Setting both is refused,
// naming the clear field.
func replacedList[T any](clearField string, list []T, clear bool) ([]T, error) {
	switch {
	case clear && len(list) > 0:
		return nil, invalid(clearField, "is set together with a non-empty list")
	case clear:
		return []T{}, nil
	case len(list) > 0:
		return list, nil
	}
	return nil, nil
}
