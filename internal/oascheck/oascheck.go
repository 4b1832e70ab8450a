// Package oascheck is a small, strict validator of answers against the
// response schemas of an OpenAPI 3.0 document, enough for the Cloud API
// documents: $ref, allOf, type, properties, required, additionalProperties,
// items, enum, format (int32, int64, date-time, uri), pattern, minimum,
// maximum and nullable. It is stricter than a document's letter in one way
// on purpose: an object schema without additionalProperties is closed, so
// an answer carrying a property the document does not declare is a
// violation. The emulator's conformance tests use it.
package oascheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// Load parses an OpenAPI document and the documents that amend it, in
// order: a later document's operations replace or add to the earlier ones,
// and its schemas replace those of the same name, except placeholders (empty,
// or marked x-defined-in), which stand for the schema as it was.
func Load(first string, amendments ...string) (*Doc, error) {
	d, err := parse(first)
	if err != nil {
		return nil, err
	}
	for _, p := range amendments {
		a, err := parse(p)
		if err != nil {
			return nil, err
		}
		for name, s := range a.schemas {
			if m, ok := s.(map[string]any); ok && (len(m) == 0 || m["x-defined-in"] != nil) {
				if _, had := d.schemas[name]; had {
					continue
				}
			}
			d.schemas[name] = s
		}
		for name, r := range a.responses {
			if d.responses == nil {
				d.responses = map[string]any{}
			}
			d.responses[name] = r
		}
		for _, o := range a.ops {
			d.ops = slices.DeleteFunc(d.ops, func(x *op) bool { return x.method == o.method && x.template == o.template })
			d.ops = append(d.ops, o)
		}
		for _, ch := range a.changed {
			d.applyChange(ch)
		}
	}
	return d, nil
}

// change is an entry of an amending document's x-changed-operations: an
// operation of the earlier document whose bodies changed, not restated.
type change struct {
	Method string `yaml:"method"`
	Path   string `yaml:"path"`
	Change string `yaml:"change"`
}

// bodyChange reads "request body A -> B", "request and 202 body A -> B" and
// "request body application/x-www-form-urlencoded -> application/json B".
var bodyChange = regexp.MustCompile(`^request (and (\d{3}) )?body \S+ -> (?:application/json )?(\w+)`)

// applyChange gives the operation its new request (and answer) schema.
func (d *Doc) applyChange(ch change) {
	m := bodyChange.FindStringSubmatch(ch.Change)
	if m == nil {
		return // a query parameter, say: nothing the validator reads
	}
	ref := map[string]any{"$ref": "#/components/schemas/" + m[3]}
	for _, o := range d.ops {
		if o.method != strings.ToUpper(ch.Method) || o.template != ch.Path {
			continue
		}
		o.request = ref
		if m[2] != "" {
			o.responses[m[2]] = map[string]any{"content": map[string]any{"application/json": map[string]any{"schema": ref}}}
		}
	}
}

// Erratum is a place where a document is wrong about what the API answers,
// with the reason: violations of Kind at one of the At patterns
// ("Schema.property", path.Match syntax) are excused.
type Erratum struct {
	Kind   string
	At     []string
	Reason string
}

// Excuse returns the erratum of errata (and the index of its pattern) that
// excuses v, or -1, -1.
func Excuse(errata []Erratum, v Violation) (int, int) {
	for i, e := range errata {
		if e.Kind != v.Kind {
			continue
		}
		for j, at := range e.At {
			if ok, _ := path.Match(at, v.At); ok {
				return i, j
			}
		}
	}
	return -1, -1
}

// Doc is a parsed OpenAPI document.
type Doc struct {
	schemas   map[string]any
	responses map[string]any // components.responses, for $ref
	changed   []change       // x-changed-operations of an amending document
	ops       []*op
}

// op is one operation: a method on a path template.
type op struct {
	method    string
	template  string
	segs      []string // "{}" for a parameter
	responses map[string]any
	request   map[string]any // the JSON request body's schema, if any
}

func parse(path string) (*Doc, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var root map[string]any
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	comps, _ := root["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	if len(schemas) == 0 {
		return nil, fmt.Errorf("%s: no components.schemas", path)
	}
	d := &Doc{schemas: schemas}
	if raw, ok := root["x-changed-operations"]; ok {
		b, err := yaml.Marshal(raw)
		if err == nil {
			err = yaml.Unmarshal(b, &d.changed)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: x-changed-operations: %w", path, err)
		}
	}
	d.responses, _ = comps["responses"].(map[string]any)
	paths, _ := root["paths"].(map[string]any)
	for tmpl, v := range paths {
		item, _ := v.(map[string]any)
		for method, o := range item {
			m, ok := o.(map[string]any)
			if !ok || method == "parameters" {
				continue
			}
			resps, _ := m["responses"].(map[string]any)
			segs := strings.Split(strings.Trim(tmpl, "/"), "/")
			if tmpl == "/" {
				segs = nil
			}
			for i, s := range segs {
				if strings.HasPrefix(s, "{") {
					segs[i] = "{}"
				}
			}
			var req map[string]any
			if rb, _ := m["requestBody"].(map[string]any); rb != nil {
				content, _ := rb["content"].(map[string]any)
				media, _ := content["application/json"].(map[string]any)
				if media == nil {
					media, _ = content["*/*"].(map[string]any) // JSON, as these documents use it
				}
				req, _ = media["schema"].(map[string]any)
			}
			d.ops = append(d.ops, &op{method: strings.ToUpper(method), template: tmpl, segs: segs, responses: resps, request: req})
		}
	}
	if len(d.ops) == 0 {
		return nil, fmt.Errorf("%s: no operations", path)
	}
	return d, nil
}

// find finds the operation serving method on path (relative to the base URL,
// without query); literal segments win over parameters.
func (d *Doc) find(method, path string) *op {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if strings.Trim(path, "/") == "" {
		segs = nil
	}
	var best *op
	bestLit := -1
	for _, o := range d.ops {
		if o.method != method || len(o.segs) != len(segs) {
			continue
		}
		lit, ok := 0, true
		for i, s := range o.segs {
			if s == "{}" {
				continue
			}
			if s != segs[i] {
				ok = false
				break
			}
			lit++
		}
		if ok && lit > bestLit {
			best, bestLit = o, lit
		}
	}
	return best
}

// Violation is one way an answer breaks the document.
type Violation struct {
	Kind string // status, null, unknown, required, type, enum, format, pattern, range, reference, body
	At   string // Schema.property (or Schema, or "METHOD /template" for status)
	Ptr  string // JSON pointer into the answer
	Msg  string
}

// String describes the violation in one line: kind, place, pointer, message.
func (v Violation) String() string {
	return fmt.Sprintf("%s at %s (%s): %s", v.Kind, v.At, v.Ptr, v.Msg)
}

// CheckAnswer validates one answer: its status must be declared by the
// operation (or be an error answered with the default Error schema), and
// its body must match the response schema.
func (d *Doc) CheckAnswer(method, path string, status int, body []byte) []Violation {
	op := d.find(method, path)
	if op == nil {
		if status >= 400 { // 404 or 405 for what the document does not serve
			var out []Violation
			var v any
			if err := json.Unmarshal(body, &v); err != nil {
				return []Violation{{Kind: "body", At: method + " " + path, Msg: "invalid JSON: " + err.Error()}}
			}
			d.validate(numbers(v), map[string]any{"$ref": "#/components/schemas/Error"}, "", "Error", &out)
			return out
		}
		return []Violation{{Kind: "status", At: method + " " + path, Msg: "no such operation in the document"}}
	}
	at := method + " " + op.template
	resp, ok := op.responses[strconv.Itoa(status)].(map[string]any)
	if !ok {
		if status < 400 {
			declared := make([]string, 0, len(op.responses))
			for k := range op.responses {
				declared = append(declared, k)
			}
			sort.Strings(declared)
			return []Violation{{Kind: "status", At: at, Msg: fmt.Sprintf("status %d; the document declares %v", status, declared)}}
		}
		resp, _ = op.responses["default"].(map[string]any)
	}
	if ref, ok := resp["$ref"].(string); ok {
		resp, _ = d.responses[strings.TrimPrefix(ref, "#/components/responses/")].(map[string]any)
	}
	content, _ := resp["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	schema, _ := media["schema"].(map[string]any)
	if schema == nil {
		if len(bytes.TrimSpace(body)) > 0 {
			return []Violation{{Kind: "body", At: at, Msg: "a body where the document declares none"}}
		}
		return nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		// DELETEs and actions declare a bare object; the API sends no body.
		if schema["type"] == "object" && schema["properties"] == nil && schema["$ref"] == nil {
			return nil
		}
		return []Violation{{Kind: "body", At: at, Msg: "no body where the document declares one"}}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return []Violation{{Kind: "body", At: at, Msg: "invalid JSON: " + err.Error()}}
	}
	var out []Violation
	d.validate(v, schema, "", at, &out)
	return out
}

func (d *Doc) resolve(s map[string]any) (map[string]any, string) {
	name := ""
	for i := 0; i < 16; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s, name
		}
		name = strings.TrimPrefix(ref, "#/components/schemas/")
		s, _ = d.schemas[name].(map[string]any)
		if s == nil {
			return map[string]any{}, name
		}
	}
	return s, name
}

var dateTime = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$`)

// validate checks v against schema s. where names the enclosing component
// (and property) for violations.
func (d *Doc) validate(v any, s map[string]any, ptr, where string, out *[]Violation) {
	if v == nil {
		if nullable(d, s) {
			return
		}
		// Named by the property that holds it, not by the referenced schema.
		*out = append(*out, Violation{Kind: "null", At: where, Ptr: ptr, Msg: "null, and the document does not mark it nullable"})
		return
	}
	s, name := d.resolve(s)
	if name != "" {
		where = name
	}
	add := func(kind, msg string) { *out = append(*out, Violation{Kind: kind, At: where, Ptr: ptr, Msg: msg}) }
	if all, ok := s["allOf"].([]any); ok {
		// {"allOf": [{"$ref": "Type"}], "type": "object"}: the sibling type
		// contradicts the referenced string enum; see the errata.
		for _, sub := range all {
			sm, _ := sub.(map[string]any)
			d.validate(v, sm, ptr, where, out)
		}
		if t, _ := s["type"].(string); t == "object" {
			if _, isObj := v.(map[string]any); !isObj {
				add("type-object", "a string where the document says object beside allOf [Type]")
			}
		}
		return
	}
	typ, _ := s["type"].(string)
	if typ == "" && s["properties"] != nil {
		typ = "object"
	}
	switch typ {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			add("type", fmt.Sprintf("%s where the document says object", kindOf(v)))
			return
		}
		props, _ := s["properties"].(map[string]any)
		if isReference(obj) && slices.Contains(asList(s["required"]), "properties") {
			// A bare {id, type, href} where the resource is declared.
			add("reference", "a reference where the document declares the resource with its properties")
			for _, k := range []string{"id", "type", "href"} {
				if ps, ok := props[k].(map[string]any); ok && obj[k] != nil {
					d.validate(obj[k], ps, ptr+"/"+k, where+"."+k, out)
				}
			}
			return
		}
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r]; !ok {
				*out = append(*out, Violation{Kind: "required", At: where + "." + r, Ptr: ptr, Msg: "required property missing"})
			}
		}
		extra, hasExtra := s["additionalProperties"]
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ps, declared := props[k].(map[string]any)
			if !declared {
				switch e := extra.(type) {
				case map[string]any:
					d.validate(obj[k], e, ptr+"/"+k, where+"."+k, out)
				case bool:
					if !e {
						*out = append(*out, Violation{Kind: "unknown", At: where + "." + k, Ptr: ptr, Msg: "property the document does not declare"})
					}
				default:
					if !hasExtra {
						*out = append(*out, Violation{Kind: "unknown", At: where + "." + k, Ptr: ptr, Msg: "property the document does not declare"})
					}
				}
				continue
			}
			d.validate(obj[k], ps, ptr+"/"+k, where+"."+k, out)
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			add("type", fmt.Sprintf("%s where the document says array", kindOf(v)))
			return
		}
		items, _ := s["items"].(map[string]any)
		for i, x := range arr {
			d.validate(x, items, ptr+"/"+strconv.Itoa(i), strings.TrimSuffix(where, "[]")+"[]", out)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			add("type", fmt.Sprintf("%s where the document says string", kindOf(v)))
			return
		}
		if enum := s["enum"]; enum != nil && !slices.Contains(asList(enum), str) {
			add("enum", fmt.Sprintf("%q is not one of %v", str, enum))
		}
		switch s["format"] {
		case "date-time":
			if _, err := time.Parse(time.RFC3339, str); err != nil || !dateTime.MatchString(str) {
				add("format", fmt.Sprintf("%q is not a date-time", str))
			}
		case "uri":
			if u, err := url.Parse(str); err != nil || u.Scheme == "" || u.Host == "" {
				add("format", fmt.Sprintf("%q is not an absolute URI", str))
			}
		}
		if p, ok := s["pattern"].(string); ok {
			if re, err := regexp.Compile(p); err == nil && !re.MatchString(str) {
				add("pattern", fmt.Sprintf("%q does not match %s", str, p))
			}
		}
	case "integer", "number":
		n, ok := v.(json.Number)
		if !ok {
			add("type", fmt.Sprintf("%s where the document says %s", kindOf(v), typ))
			return
		}
		f, err := n.Float64()
		if err != nil {
			add("type", fmt.Sprintf("%s is not a number", n))
			return
		}
		if typ == "integer" {
			if _, err := n.Int64(); err != nil {
				add("type", fmt.Sprintf("%s is not an integer", n))
				return
			}
			if s["format"] == "int32" && (f > math.MaxInt32 || f < math.MinInt32) {
				add("format", fmt.Sprintf("%s is out of int32", n))
			}
		}
		if lo, ok := yamlFloat(s["minimum"]); ok && f < lo {
			add("range", fmt.Sprintf("%s is below the minimum %v", n, lo))
		}
		if hi, ok := yamlFloat(s["maximum"]); ok && f > hi {
			add("range", fmt.Sprintf("%s is above the maximum %v", n, hi))
		}
		if enum := s["enum"]; enum != nil {
			found := false
			for _, e := range asAny(enum) {
				if ef, ok := yamlFloat(e); ok && ef == f {
					found = true
				}
			}
			if !found {
				add("enum", fmt.Sprintf("%s is not one of %v", n, enum))
			}
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			add("type", fmt.Sprintf("%s where the document says boolean", kindOf(v)))
		}
	case "":
		// No type: anything goes.
	default:
		add("type", "unknown schema type "+typ)
	}
}

// numbers turns the float64s of encoding/json into json.Number.
func numbers(v any) any {
	switch t := v.(type) {
	case float64:
		return json.Number(strconv.FormatFloat(t, 'f', -1, 64))
	case map[string]any:
		for k, x := range t {
			t[k] = numbers(x)
		}
	case []any:
		for i, x := range t {
			t[i] = numbers(x)
		}
	}
	return v
}

// isReference reports whether obj has nothing but id, type and href.
func isReference(obj map[string]any) bool {
	if _, ok := obj["id"]; !ok {
		return false
	}
	for k := range obj {
		if k != "id" && k != "type" && k != "href" {
			return false
		}
	}
	return true
}

// yamlFloat reads a number of the document (YAML gives int or float64).
func yamlFloat(v any) (float64, bool) {
	switch t := v.(type) {
	case int:
		return float64(t), true
	case float64:
		return t, true
	}
	return 0, false
}

func asAny(v any) []any { l, _ := v.([]any); return l }

func asList(v any) []string {
	var out []string
	for _, x := range asAny(v) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

// nullable reports whether s, or the schema it refers to, allows null.
func nullable(d *Doc, s map[string]any) bool {
	if b, _ := s["nullable"].(bool); b {
		return true
	}
	r, _ := d.resolve(s)
	b, _ := r["nullable"].(bool)
	return b
}

// Validate checks a decoded value (numbers as json.Number) against the
// named schema of the document's components, as a request body.
func (d *Doc) Validate(v any, schema string) []Violation {
	var out []Violation
	d.validate(v, map[string]any{"$ref": "#/components/schemas/" + schema}, "", schema, &out)
	return out
}

// Findings gathers the violations of many answers, each kind and place
// once, with the request that first showed it. It is safe for concurrent
// use.
type Findings struct {
	mu      sync.Mutex
	seen    map[string]Violation
	from    map[string]string
	answers int
}

// Add records the violations of one answer to request ("METHOD /path").
func (f *Findings) Add(request string, vs []Violation) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil {
		f.seen, f.from = map[string]Violation{}, map[string]string{}
	}
	f.answers++
	for _, v := range vs {
		k := v.Kind + " " + v.At
		if _, dup := f.seen[k]; !dup {
			f.seen[k], f.from[k] = v, request
		}
	}
}

// Verdict returns the findings no erratum excuses, sorted, each with the
// request that first showed it; the erratum patterns that no finding
// needed; and the number of answers and of patterns applied.
func (f *Findings) Verdict(errata []Erratum) (unexcused, unneeded []string, answers, applied int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	used := map[[2]int]bool{}
	for k, v := range f.seen {
		if i, j := Excuse(errata, v); i >= 0 {
			used[[2]int{i, j}] = true
			continue
		}
		unexcused = append(unexcused, v.String()+"  [first seen on "+f.from[k]+"]")
	}
	sort.Strings(unexcused)
	for i, e := range errata {
		for j, at := range e.At {
			if !used[[2]int{i, j}] {
				unneeded = append(unneeded, e.Kind+" "+at)
			}
		}
	}
	return unexcused, unneeded, f.answers, len(used)
}

// CheckRequest validates a JSON request body sent to method and path against
// the operation's request schema. A PATCH sends only what changes, so the
// required properties of its schema (the create's, in these documents) are
// not asked for. A body for an operation that takes none is a violation.
func (d *Doc) CheckRequest(method, path string, body []byte) []Violation {
	op := d.find(method, path)
	if op == nil {
		return []Violation{{Kind: "status", At: method + " " + path, Msg: "no such operation in the document"}}
	}
	at := method + " " + op.template
	if op.request == nil {
		return []Violation{{Kind: "body", At: at, Msg: "a JSON body where the operation takes none"}}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return []Violation{{Kind: "body", At: at, Msg: "invalid JSON: " + err.Error()}}
	}
	var out []Violation
	d.validate(v, op.request, "", at, &out)
	if method == "PATCH" {
		out = slices.DeleteFunc(out, func(v Violation) bool { return v.Kind == "required" })
	}
	return out
}
