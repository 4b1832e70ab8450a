package ionos

import (
	"context"
	"net/http"
	"strconv"
	"strings"
)

// doGet reads one resource at path.
func doGet[T any](ctx context.Context, c *Client, path string, opts []CallOption) (*T, *Response, error) {
	var v T
	resp, err := c.do(ctx, &request{method: http.MethodGet, path: path, getDepth: true}, &v, opts)
	if err != nil {
		return nil, resp, err
	}
	return &v, resp, nil
}

// doWrite sends body with method to path and decodes the answer.
func doWrite[T any](ctx context.Context, c *Client, method, path string, body any, opts []CallOption) (*T, *Response, error) {
	var v T
	resp, err := c.do(ctx, &request{method: method, path: path, body: body}, &v, opts)
	if err != nil {
		return nil, resp, err
	}
	return &v, resp, nil
}

// matchByName picks the one item whose name matches, by the Python SDK's
// rules (see DatacentersService.GetByName).
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

// doReplace sends props as a full-replace PUT, {"properties": props}, and
// decodes the answer.
func doReplace[T, P any](ctx context.Context, c *Client, path string, props P, opts []CallOption) (*T, *Response, error) {
	return doWrite[T](ctx, c, http.MethodPut, path, &putBody[P]{Properties: props}, opts)
}
