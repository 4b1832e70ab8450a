package ionos

import (
	"fmt"
	"net/url"
	"strconv"
)

// CallOption adjusts one call: WithDepth, WithPage, WithCallContractNumber,
// and the request filters of Requests.List.
type CallOption func(*callOptions) error

type callOptions struct {
	depth    int
	depthSet bool
	offset   int
	limit    int
	pageSet  bool
	contract string
	query    url.Values
}

func applyCallOptions(opts []CallOption) (callOptions, error) {
	var co callOptions
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&co); err != nil {
			return co, err
		}
	}
	return co, nil
}

func checkDepth(depth int) error {
	if depth < 0 || depth > 10 {
		return &InvalidInputError{Field: "depth", Reason: fmt.Sprintf("%d is outside 0..10", depth)}
	}
	return nil
}

// WithDepth sets the depth of this call's answer (0..10): 0 is the resource
// alone, 1 adds references to its children, 2 their properties, and so on.
// GET and list calls send the client's default depth (1 unless
// WithDefaultDepth says otherwise) when this option is absent; writes send a
// depth only when it is given here.
func WithDepth(depth int) CallOption {
	return func(co *callOptions) error {
		if err := checkDepth(depth); err != nil {
			return err
		}
		co.depth, co.depthSet = depth, true
		return nil
	}
}

// WithPage makes a list call return one page of the collection: limit items
// (1..10000; at most 1000 for IP blocks and 100 for users, as the spec says)
// from offset (>= 0) on, as the API's offset and limit parameters. Without it, List follows the pages until the collection is
// complete. Lists the API does not paginate ignore it.
func WithPage(offset, limit int) CallOption {
	return func(co *callOptions) error {
		if offset < 0 {
			return &InvalidInputError{Field: "offset", Reason: fmt.Sprintf("%d is negative", offset)}
		}
		if limit < 1 || limit > 10000 {
			return &InvalidInputError{Field: "limit", Reason: fmt.Sprintf("%d is outside 1..10000", limit)}
		}
		co.offset, co.limit, co.pageSet = offset, limit, true
		return nil
	}
}

// WithCallContractNumber sends X-Contract-Number with this call, in place of
// the client's (WithContractNumber).
func WithCallContractNumber(n string) CallOption {
	return func(co *callOptions) error {
		if _, err := strconv.ParseUint(n, 10, 31); err != nil {
			return &InvalidInputError{Field: "contract number", Reason: fmt.Sprintf("%q is not a positive integer", n)}
		}
		co.contract = n
		return nil
	}
}

// withQuery adds a query parameter (for options of one family).
func withQuery(key, value string) CallOption {
	return func(co *callOptions) error {
		if co.query == nil {
			co.query = url.Values{}
		}
		co.query.Set(key, value)
		return nil
	}
}
