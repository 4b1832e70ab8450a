package ionos

import (
	"fmt"
	"net/url"
	"strconv"
)

// Call options come in kinds, so that an option that does not apply to a
// call does not compile there: [WithPage] on a Create, or a request filter on
// Datacenters.Get, is a compile error rather than an option silently
// dropped or sent.
//
//	option                   Read  List  Write  RequestList
//	WithDepth                 yes   yes   yes    yes
//	WithCallContractNumber    yes   yes   yes    yes
//	WithPage                        yes          yes
//	WithRequestFilter                            yes
//
// Servers.Delete takes the write options and [WithDeleteVolumes], which no
// other call takes: its kind is [ServerDeleteOption].

// ReadOption adjusts a call that reads one resource (Get and the like):
// [WithDepth] and [WithCallContractNumber].
type ReadOption interface {
	option
	readOption()
}

// ListOption adjusts a call that lists a collection (List, All and the
// like): [WithDepth], [WithPage] and [WithCallContractNumber].
type ListOption interface {
	option
	listOption()
}

// WriteOption adjusts a call that changes something (Create, Update,
// Replace, Delete and actions such as Servers.Start): [WithDepth] and
// [WithCallContractNumber].
type WriteOption interface {
	option
	writeOption()
}

// RequestListOption adjusts Requests.List and Requests.All: the list
// options and [WithRequestFilter].
type RequestListOption interface {
	option
	requestListOption()
}

// ServerDeleteOption adjusts Servers.Delete: the write options
// ([WithDepth], [WithCallContractNumber]) and [WithDeleteVolumes].
type ServerDeleteOption interface {
	option
	serverDeleteOption()
}

// option is what every kind of call option does to a call.
type option interface {
	apply(*callOptions) error
}

type optionFunc func(*callOptions) error

func (f optionFunc) apply(co *callOptions) error { return f(co) }

// CallOption is an option that applies to every call ([WithDepth],
// [WithCallContractNumber]): it is a [ReadOption], a [ListOption], a [WriteOption],
// a [RequestListOption] and a [ServerDeleteOption].
type CallOption struct{ optionFunc }

func (CallOption) readOption()         {}
func (CallOption) listOption()         {}
func (CallOption) writeOption()        {}
func (CallOption) requestListOption()  {}
func (CallOption) serverDeleteOption() {}

// PageOption is [WithPage]'s option: a [ListOption] and a [RequestListOption].
type PageOption struct{ optionFunc }

func (PageOption) listOption()        {}
func (PageOption) requestListOption() {}

// RequestFilterOption is [WithRequestFilter]'s option: a [RequestListOption].
type RequestFilterOption struct{ optionFunc }

func (RequestFilterOption) requestListOption() {}

// DeleteVolumesOption is [WithDeleteVolumes]'s option: a
// [ServerDeleteOption].
type DeleteVolumesOption struct{ optionFunc }

func (DeleteVolumesOption) serverDeleteOption() {}

// WithDeleteVolumes makes Servers.Delete delete the volumes attached to
// the server too (the query parameter deleteVolumes=true). Only Cloud API
// v6 has it: a client that speaks v5 refuses the call before sending.
func WithDeleteVolumes() DeleteVolumesOption {
	return DeleteVolumesOption{func(co *callOptions) error {
		co.setQuery("deleteVolumes", "true")
		return nil
	}}
}

type callOptions struct {
	depth    int
	depthSet bool
	offset   int
	limit    int
	pageSet  bool
	contract string
	query    url.Values
}

// applyOptions applies the options of one call, in order; the first error
// refuses the call.
func applyOptions[O option](opts []O) (callOptions, error) {
	var co callOptions
	for _, o := range opts {
		if any(o) == nil {
			continue
		}
		if err := o.apply(&co); err != nil {
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
// [WithDefaultDepth] says otherwise) when this option is absent; writes send
// a depth only when it is given here.
func WithDepth(depth int) CallOption {
	return CallOption{func(co *callOptions) error {
		if err := checkDepth(depth); err != nil {
			return err
		}
		co.depth, co.depthSet = depth, true
		return nil
	}}
}

// WithPage makes a list call return one page of the collection: limit items
// (1..10000; at most 1000 for IP blocks and 100 for users, as the spec says)
// from offset (>= 0) on, as the API's offset and limit parameters. Without
// it, List follows the pages until the collection is complete. Lists the
// API does not paginate ignore it.
func WithPage(offset, limit int) PageOption {
	return PageOption{func(co *callOptions) error {
		if offset < 0 {
			return &InvalidInputError{Field: "offset", Reason: fmt.Sprintf("%d is negative", offset)}
		}
		if limit < 1 || limit > 10000 {
			return &InvalidInputError{Field: "limit", Reason: fmt.Sprintf("%d is outside 1..10000", limit)}
		}
		co.offset, co.limit, co.pageSet = offset, limit, true
		return nil
	}}
}

// WithCallContractNumber sends X-Contract-Number with this call, in place of
// the client's ([WithContractNumber]).
func WithCallContractNumber(n string) CallOption {
	return CallOption{func(co *callOptions) error {
		if _, err := strconv.ParseUint(n, 10, 31); err != nil {
			return &InvalidInputError{Field: "contract number", Reason: fmt.Sprintf("%q is not a positive integer", n)}
		}
		co.contract = n
		return nil
	}}
}

// setQuery sets a query parameter of the call.
func (co *callOptions) setQuery(key, value string) {
	if co.query == nil {
		co.query = url.Values{}
	}
	co.query.Set(key, value)
}
