package opgen

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Operation is one method and path template, with what each API documents
// for it.
type Operation struct {
	Method string // upper case
	Path   string // template, as in the spec
	V5     *Shape // cloudapi-v5.yaml; nil when v5 lacks the operation
	// V6 is the live v6: cloudapi-v6.yaml amended by cloudapi-v6-later.yaml;
	// nil when v6 lacks the operation.
	V6    *Shape
	Later bool   // V6 comes from cloudapi-v6-later.yaml, not the published v6 document
	Auth  *Shape // auth-v1.yaml; nil for Cloud API operations
}

// Key is the operation's table key: method, a space, path template.
func (o *Operation) Key() string { return o.Method + " " + o.Path }

// Shape is what one document says of an operation.
type Shape struct {
	ID           string // operationId
	Body         string // request body schema (see schemaLabel); "" when none
	BodyMedia    string // request body media type; "" when none
	BodyRequired bool
	Responses    []Response // success (2xx) answers, by status
	// Changed is the x-changed-operations note that amended a v6 shape.
	Changed string
}

// Response is one success answer of an operation.
type Response struct {
	Status   int
	Schema   string   // body schema (see schemaLabel); "" when no body
	Media    []string // media types of the body, sorted
	Location bool     // a Location header is documented
}

// Operations builds the table of every operation of the four documents,
// sorted by path, then method.
func (s *Specs) Operations() ([]*Operation, error) {
	byKey := map[string]*Operation{}
	get := func(method, path string) *Operation {
		k := method + " " + path
		o := byKey[k]
		if o == nil {
			o = &Operation{Method: method, Path: path}
			byKey[k] = o
		}
		return o
	}
	add := func(d *document, set func(o *Operation, sh *Shape) error) error {
		for path, item := range d.Paths {
			for method, op := range item.methods() {
				sh, err := d.shape(op)
				if err != nil {
					return fmt.Errorf("opgen: %s: %s %s: %w", d.name, method, path, err)
				}
				if err := set(get(method, path), sh); err != nil {
					return fmt.Errorf("opgen: %s: %s %s: %w", d.name, method, path, err)
				}
			}
		}
		return nil
	}
	if err := add(s.v5, func(o *Operation, sh *Shape) error { o.V5 = sh; return nil }); err != nil {
		return nil, err
	}
	if err := add(s.v6, func(o *Operation, sh *Shape) error { o.V6 = sh; return nil }); err != nil {
		return nil, err
	}
	if err := add(s.later, func(o *Operation, sh *Shape) error {
		if o.V6 != nil {
			return fmt.Errorf("already in %s; amendments belong in x-changed-operations", FileV6)
		}
		o.V6, o.Later = sh, true
		return nil
	}); err != nil {
		return nil, err
	}
	if err := add(s.auth, func(o *Operation, sh *Shape) error {
		if o.V5 != nil || o.V6 != nil {
			return fmt.Errorf("also a Cloud API operation")
		}
		o.Auth = sh
		return nil
	}); err != nil {
		return nil, err
	}
	if len(s.later.Changed) == 0 {
		return nil, fmt.Errorf("opgen: %s: no x-changed-operations", FileV6Later)
	}
	for _, c := range s.later.Changed {
		o := byKey[strings.ToUpper(c.Method)+" "+c.Path]
		if o == nil || o.V6 == nil || o.Later {
			return nil, fmt.Errorf("opgen: %s: x-changed-operations: %s %s is not an operation of %s", FileV6Later, c.Method, c.Path, FileV6)
		}
		if o.V6.ID != c.OperationID {
			return nil, fmt.Errorf("opgen: %s: x-changed-operations: %s %s is %s in %s, not %s", FileV6Later, c.Method, c.Path, o.V6.ID, FileV6, c.OperationID)
		}
		if o.V6.Changed != "" {
			return nil, fmt.Errorf("opgen: %s: x-changed-operations: %s %s listed twice", FileV6Later, c.Method, c.Path)
		}
		if err := applyChange(o.V6, c.Change, s.v6Schemas); err != nil {
			return nil, fmt.Errorf("opgen: %s: x-changed-operations: %s %s: %w", FileV6Later, c.Method, c.Path, err)
		}
	}
	ops := make([]*Operation, 0, len(byKey))
	seen := map[string]string{}
	for _, o := range byKey {
		// The same operation must have the same template in every document.
		norm := o.Method + " " + normalizePath(o.Path)
		if other, dup := seen[norm]; dup {
			return nil, fmt.Errorf("opgen: %s and %s differ only in parameter names", other, o.Key())
		}
		seen[norm] = o.Key()
		ops = append(ops, o)
	}
	slices.SortFunc(ops, func(a, b *Operation) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Method, b.Method))
	})
	return ops, nil
}

var paramSegment = regexp.MustCompile(`\{[^}/]*\}`)

// normalizePath replaces every path parameter of a template with {}.
func normalizePath(p string) string { return paramSegment.ReplaceAllString(p, "{}") }

// shape reads an operation of the document.
func (d *document) shape(op *operationObject) (*Shape, error) {
	sh := &Shape{ID: op.OperationID}
	if op.OperationID == "" {
		return nil, fmt.Errorf("no operationId")
	}
	if rb := op.RequestBody; rb != nil {
		if rb.Ref != "" {
			name, err := refName(rb.Ref, "requestBodies")
			if err != nil {
				return nil, err
			}
			if rb = d.Components.RequestBodies[name]; rb == nil {
				return nil, fmt.Errorf("request body %s not defined", name)
			}
		}
		if len(rb.Content) != 1 {
			return nil, fmt.Errorf("request body has %d media types, want 1", len(rb.Content))
		}
		for media, mt := range rb.Content {
			sh.BodyMedia = media
			if mt == nil || mt.Schema == nil {
				return nil, fmt.Errorf("request body %s has no schema", media)
			}
			label, err := schemaLabel(mt.Schema)
			if err != nil {
				return nil, fmt.Errorf("request body: %w", err)
			}
			sh.Body = label
		}
		sh.BodyRequired = rb.Required
	}
	for code, r := range op.Responses {
		if !strings.HasPrefix(code, "2") {
			continue
		}
		status, err := strconv.Atoi(code)
		if err != nil || status < 200 || status > 299 {
			return nil, fmt.Errorf("unsupported response code %q", code)
		}
		if r.Ref != "" {
			name, err := refName(r.Ref, "responses")
			if err != nil {
				return nil, err
			}
			if r = d.Components.Responses[name]; r == nil {
				return nil, fmt.Errorf("response %s not defined", name)
			}
		}
		resp := Response{Status: status}
		for h := range r.Headers {
			if strings.EqualFold(h, "Location") {
				resp.Location = true
			}
		}
		for media, mt := range r.Content {
			resp.Media = append(resp.Media, media)
			label := ""
			if mt != nil && mt.Schema != nil {
				if label, err = schemaLabel(mt.Schema); err != nil {
					return nil, fmt.Errorf("response %d: %w", status, err)
				}
			}
			if len(resp.Media) > 1 && label != resp.Schema {
				return nil, fmt.Errorf("response %d: media types with different schemas (%s, %s)", status, resp.Schema, label)
			}
			resp.Schema = label
		}
		slices.Sort(resp.Media)
		sh.Responses = append(sh.Responses, resp)
	}
	if len(sh.Responses) == 0 {
		return nil, fmt.Errorf("no success response")
	}
	slices.SortFunc(sh.Responses, func(a, b Response) int { return a.Status - b.Status })
	return sh, nil
}

// schemaLabel names a body schema for the table: a component's name, or
// for an inline schema its shape: "[]T" for an array of T,
// "object{a,b}" for an object with properties a and b, else its type
// ("string", "object").
func schemaLabel(s *schema) (string, error) {
	switch {
	case s.Ref != "":
		return refName(s.Ref, "schemas")
	case s.Type == "array":
		if s.Items == nil {
			return "[]", nil
		}
		item, err := schemaLabel(s.Items)
		return "[]" + item, err
	case len(s.Properties) > 0:
		names := make([]string, 0, len(s.Properties))
		for k := range s.Properties {
			names = append(names, k)
		}
		slices.Sort(names)
		return "object{" + strings.Join(names, ",") + "}", nil
	case len(s.AllOf) == 1:
		return schemaLabel(s.AllOf[0])
	case s.Type != "":
		return s.Type, nil
	}
	return "", fmt.Errorf("schema without $ref or type")
}

// The changes x-changed-operations may describe. Anything else is an error,
// so that a new kind of change is never silently left out of the table.
var (
	// "request body A -> B" (schemas), or "request body M1 -> M2 B" (media
	// types, then the new schema), with an optional "(remark)".
	changeBody = regexp.MustCompile(`^request body (\S+) -> (\S+)(?: ([A-Za-z]\w*))?(?: \(.*\))?$`)
	// "request and NNN body A -> B": the same schema in both.
	changeBodyAndResponse = regexp.MustCompile(`^request and (\d{3}) body (\S+) -> (\S+)(?: \(.*\))?$`)
	// "query parameter p no longer sent by sdk-go": the table does not
	// record query parameters, so nothing to apply.
	changeQuery = regexp.MustCompile(`^query parameter \S+ no longer sent by sdk-go$`)
)

// applyChange applies one x-changed-operations change to a v6 shape,
// checking that the shape had what the change says it replaces.
func applyChange(sh *Shape, change string, schemas map[string]*schema) error {
	known := func(name string) error {
		if _, ok := schemas[name]; !ok {
			return fmt.Errorf("schema %s is not defined", name)
		}
		return nil
	}
	switch m := changeBody.FindStringSubmatch(change); {
	case m != nil && m[3] != "" && !strings.Contains(m[1], "/"):
		return fmt.Errorf("change %q not understood", change)
	case m != nil && m[3] != "":
		if sh.BodyMedia != m[1] {
			return fmt.Errorf("request media type is %q, the change says %q", sh.BodyMedia, m[1])
		}
		if err := known(m[3]); err != nil {
			return err
		}
		sh.BodyMedia, sh.Body = m[2], m[3]
	case m != nil:
		if sh.Body != m[1] {
			return fmt.Errorf("request body is %q, the change says %q", sh.Body, m[1])
		}
		if err := known(m[2]); err != nil {
			return err
		}
		sh.Body = m[2]
	default:
		if m := changeBodyAndResponse.FindStringSubmatch(change); m != nil {
			status, _ := strconv.Atoi(m[1])
			i := slices.IndexFunc(sh.Responses, func(r Response) bool { return r.Status == status })
			if i < 0 {
				return fmt.Errorf("no %d response", status)
			}
			if sh.Body != m[2] || sh.Responses[i].Schema != m[2] {
				return fmt.Errorf("request body %q and %d body %q, the change says %q", sh.Body, status, sh.Responses[i].Schema, m[2])
			}
			if err := known(m[3]); err != nil {
				return err
			}
			sh.Body, sh.Responses[i].Schema = m[3], m[3]
		} else if !changeQuery.MatchString(change) {
			return fmt.Errorf("change %q not understood", change)
		}
	}
	sh.Changed = change
	return nil
}

// compareRoutes orders two path templates of one method so that, of two
// templates matching the same path, the more specific comes first: at the
// first segment where one has a literal and the other a parameter, the
// literal wins.
func compareRoutes(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		ap, bp := isParam(as[i]), isParam(bs[i])
		switch {
		case ap && bp:
			continue
		case ap:
			return 1
		case bp:
			return -1
		}
		if c := strings.Compare(as[i], bs[i]); c != 0 {
			return c
		}
	}
	return len(as) - len(bs)
}

// isParam reports whether a template segment is a parameter.
func isParam(seg string) bool {
	return len(seg) >= 2 && seg[0] == '{' && seg[len(seg)-1] == '}'
}
