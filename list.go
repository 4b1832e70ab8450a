package ionos

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Collection is the API's envelope of a list: the items and, for paginated
// lists, the offset, limit and links of the page. Children of a resource
// (Entities) come in the same envelope.
type Collection[T any] struct {
	ID     string          `json:"id,omitempty"`
	Type   string          `json:"type,omitempty"`
	Href   string          `json:"href,omitempty"`
	Items  []T             `json:"items,omitempty"`
	Offset int             `json:"offset,omitempty"`
	Limit  int             `json:"limit,omitempty"`
	Links  PaginationLinks `json:"_links,omitzero"`
}

// PaginationLinks are the URLs of the pages around one page of a list.
type PaginationLinks struct {
	Prev string `json:"prev,omitempty"`
	Self string `json:"self,omitempty"`
	Next string `json:"next,omitempty"`
}

// listAll returns the whole collection at req: it follows the pages until
// there is no next one, unless [WithPage] asks for one page.
func listAll[T any, O option](ctx context.Context, c *Client, req *request, opts []O) ([]T, *Response, error) {
	var all []T
	resp, err := eachPage(ctx, c, req, opts, func(p *Collection[T]) bool {
		if all == nil {
			all = p.Items
		} else {
			all = append(all, p.Items...)
		}
		return true
	})
	if err != nil {
		return nil, resp, err
	}
	if all == nil {
		all = []T{}
	}
	return all, resp, nil
}

// iterate yields the items of the collection at req as they are decoded
// from each page's answer, so that it holds one item at a time, not a page;
// it stops reading when the loop breaks. An error is yielded once, last.
//
// A page whose answer is cut off is fetched again (within the retry
// policy) and the items already yielded are skipped, counting from the
// start of the page: the page is assumed to hold the same items in the same
// order, as it does unless the collection changed meanwhile.
func iterate[T any, O option](ctx context.Context, c *Client, req *request, opts []O) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		// A panic in the loop's body stops the page like a break, so that
		// its answer is closed, and goes on once the page is.
		var panicked any
		sp := &streamPage[T]{yield: func(v T) (more bool) {
			defer func() {
				if r := recover(); r != nil {
					panicked, more = r, false
				}
			}()
			return yield(v, nil)
		}}
		_, err := walkPages(ctx, c, req, opts, func() any {
			*sp = streamPage[T]{yield: sp.yield}
			return sp
		}, func() (string, int, bool) { return sp.links.Next, sp.n, true })
		if panicked != nil {
			panic(panicked)
		}
		if err != nil && !errors.Is(err, errStopped) {
			var zero T
			yield(zero, err)
		}
	}
}

// errStopped ends the decoding of a page when the loop over an iterator
// breaks.
var errStopped = errors.New("ionos: iteration stopped")

// streamPage is what a page of a collection is decoded into for an
// iterator: the items go to yield one by one as they are decoded, and only
// the links and the count are kept.
type streamPage[T any] struct {
	yield func(T) bool
	// n counts the items of this attempt at the page; yielded those handed
	// to the loop by every attempt, so that a page fetched again after a
	// cut does not hand the first ones over twice.
	n, yielded int
	links      PaginationLinks
}

// retrying prepares the page for another attempt (instead of zeroing it).
func (p *streamPage[T]) retrying() { p.n, p.links = 0, PaginationLinks{} }

// UnmarshalJSONFrom reads {"items": [...], "_links": {...}, ...} from dec,
// decoding and yielding one item at a time and skipping what else the
// envelope holds.
func (p *streamPage[T]) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		return nil
	case '{':
	default:
		return fmt.Errorf("a collection is a JSON object, not %v", tok.Kind())
	}
	for dec.PeekKind() != '}' {
		name, err := dec.ReadToken()
		if err != nil {
			return err
		}
		switch {
		case strings.EqualFold(name.String(), "items") && dec.PeekKind() == '[':
			if _, err := dec.ReadToken(); err != nil {
				return err
			}
			for dec.PeekKind() != ']' {
				var item T
				if err := jsonv2.UnmarshalDecode(dec, &item); err != nil {
					return err
				}
				p.n++
				if p.n <= p.yielded {
					continue // handed over by an earlier attempt at this page
				}
				p.yielded++
				if !p.yield(item) {
					return errStopped
				}
			}
			if _, err := dec.ReadToken(); err != nil {
				return err
			}
		case strings.EqualFold(name.String(), "_links"):
			if err := jsonv2.UnmarshalDecode(dec, &p.links); err != nil {
				return err
			}
		default:
			if err := dec.SkipValue(); err != nil {
				return err
			}
		}
	}
	_, err = dec.ReadToken()
	return err
}

// errSeq is an iterator that yields err once: what an All method returns
// when its arguments are refused, so that nothing is sent.
func errSeq[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// eachPage fetches the pages of the collection at req and hands each to fn
// until fn returns false or there is no next page.
func eachPage[T any, O option](ctx context.Context, c *Client, req *request, opts []O, fn func(*Collection[T]) bool) (*Response, error) {
	var page Collection[T]
	return walkPages(ctx, c, req, opts, func() any {
		page = Collection[T]{}
		return &page
	}, func() (string, int, bool) { return page.Links.Next, len(page.Items), fn(&page) })
}

// walkPages fetches the pages of the collection at req, decoding each into
// what target returns, and asks done for the page's next link, its number
// of items and whether to go on; it stops when done says no or there is no
// next page. Next links are followed only on the client's own scheme, host
// and base path, and a link seen before is an error rather than a loop.
func walkPages[O option](ctx context.Context, c *Client, req *request, opts []O, target func() any, done func() (next string, items int, more bool)) (*Response, error) {
	co, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	first := *req
	first.list = true
	first.getDepth = true
	if co.pageSet {
		if req.maxLimit > 0 && co.limit > req.maxLimit {
			return nil, &InvalidInputError{Field: "limit", Reason: fmt.Sprintf("%d is above %d, the most %s takes", co.limit, req.maxLimit, req.path)}
		}
		first.query = cloneValues(req.query)
		first.query.Set("offset", strconv.Itoa(co.offset))
		first.query.Set("limit", strconv.Itoa(co.limit))
	}
	var seen map[string]bool
	next := &first
	var resp *Response
	for pageNo := 1; ; pageNo++ {
		resp, err = c.doWith(ctx, next, target(), &co)
		if err != nil {
			if pageNo > 1 && !errors.Is(err, errStopped) {
				err = fmt.Errorf("ionos: page %d of %s: %w", pageNo, req.path, err)
			}
			return resp, err
		}
		link, items, more := done()
		if !more || co.pageSet || link == "" {
			return resp, nil
		}
		if items == 0 {
			return resp, fmt.Errorf("ionos: %s: page %d is empty but links to a next page", req.path, pageNo)
		}
		nreq, key, err := c.nextPage(req, link)
		if err != nil {
			return resp, err
		}
		if seen == nil {
			seen = map[string]bool{}
		}
		if seen[key] {
			return resp, fmt.Errorf("ionos: %s: the next-page links loop back to %s", req.path, link)
		}
		seen[key] = true
		next = nreq
	}
}

// nextPage turns a next link into a request, refusing a link that leaves the
// API the client was configured for (credentials go only there).
func (c *Client) nextPage(orig *request, link string) (*request, string, error) {
	u, err := url.Parse(link)
	if err != nil {
		return nil, "", fmt.Errorf("ionos: next-page link %q: %w", link, err)
	}
	u = c.baseURL.ResolveReference(u)
	if u.Scheme != c.baseURL.Scheme || u.Host != c.baseURL.Host || u.User != nil {
		return nil, "", fmt.Errorf("ionos: refusing to follow a next-page link to another host or scheme: %s://%s", u.Scheme, u.Host)
	}
	basePath := c.baseURL.Path
	if !strings.HasPrefix(u.Path, basePath+"/") {
		return nil, "", fmt.Errorf("ionos: refusing to follow a next-page link outside %s: %s", basePath, u.Path)
	}
	q := u.Query()
	// Keep what the first call asked for (filters) where the link omits it.
	for k, vs := range orig.query {
		if _, ok := q[k]; !ok {
			q[k] = vs
		}
	}
	n := &request{method: http.MethodGet, path: u.EscapedPath()[len(basePath):], query: q, getDepth: true, list: true}
	if d := q.Get("depth"); d != "" {
		n.getDepth = false // the link carries it
	}
	return n, u.EscapedPath() + "?" + q.Encode(), nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// pathOf builds a path from a pattern whose "{}" placeholders take the IDs
// in order, each escaped. An empty ID, or "." or "..", is refused with an
// *[InvalidInputError] that names it.
func pathOf(pattern string, ids ...idArg) (string, error) {
	var b strings.Builder
	b.Grow(len(pattern) + 40*len(ids))
	i := 0
	for {
		j := strings.Index(pattern, "{}")
		if j < 0 {
			b.WriteString(pattern)
			break
		}
		if i >= len(ids) {
			return "", errors.New("ionos: internal: too few IDs for " + pattern)
		}
		id := ids[i]
		if err := id.check(); err != nil {
			return "", err
		}
		b.WriteString(pattern[:j])
		b.WriteString(url.PathEscape(id.val))
		pattern = pattern[j+2:]
		i++
	}
	return b.String(), nil
}

// idArg is an ID for pathOf, with the name its error uses. positive
// requires a positive integer (LAN IDs).
type idArg struct {
	name, val string
	positive  bool
}

func id(name, val string) idArg { return idArg{name: name, val: val} }

func (a idArg) check() error {
	switch strings.TrimSpace(a.val) {
	case "":
		return &InvalidInputError{Field: a.name, Reason: "must not be empty"}
	case ".", "..":
		return &InvalidInputError{Field: a.name, Reason: fmt.Sprintf("%q is not an ID", a.val)}
	}
	if a.positive {
		if n, err := strconv.ParseUint(a.val, 10, 31); err != nil || n < 1 {
			return invalid(a.name, "%q is not a LAN ID (a positive integer such as \"1\")", a.val)
		}
	}
	return nil
}
