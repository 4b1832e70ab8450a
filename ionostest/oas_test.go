package ionostest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// A small, strict validator of answers against the response schemas of an
// OpenAPI 3.0 document, enough for cloudapi-v5.yaml: $ref, allOf, type,
// properties, required, additionalProperties, items, enum, format
// (int32, int64, date-time, uri), pattern, minimum and maximum. It is
// stricter than the document's letter in one way on purpose: an object
// schema without additionalProperties is closed, so an answer carrying a
// property the document does not declare is a violation. null is a
// violation everywhere, since the document marks nothing nullable.

// oasDoc is a parsed OpenAPI document.
type oasDoc struct {
	schemas map[string]any
	ops     []*oasOp
}

// oasOp is one operation: a method on a path template.
type oasOp struct {
	method    string
	template  string
	segs      []string // "{}" for a parameter
	responses map[string]any
}

var (
	oasOnce  sync.Once
	oasCache *oasDoc
	oasErr   error
)

// loadV5 parses api/cloudapi-v5.yaml once per test binary.
func loadV5(t *testing.T) *oasDoc {
	t.Helper()
	oasOnce.Do(func() { oasCache, oasErr = parseOAS("../api/cloudapi-v5.yaml") })
	if oasErr != nil {
		t.Fatal(oasErr)
	}
	return oasCache
}

func parseOAS(path string) (*oasDoc, error) {
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
	d := &oasDoc{schemas: schemas}
	paths, _ := root["paths"].(map[string]any)
	for tmpl, v := range paths {
		item, _ := v.(map[string]any)
		for method, o := range item {
			op, ok := o.(map[string]any)
			if !ok || method == "parameters" {
				continue
			}
			resps, _ := op["responses"].(map[string]any)
			segs := strings.Split(strings.Trim(tmpl, "/"), "/")
			if tmpl == "/" {
				segs = nil
			}
			for i, s := range segs {
				if strings.HasPrefix(s, "{") {
					segs[i] = "{}"
				}
			}
			d.ops = append(d.ops, &oasOp{method: strings.ToUpper(method), template: tmpl, segs: segs, responses: resps})
		}
	}
	if len(d.ops) == 0 {
		return nil, fmt.Errorf("%s: no operations", path)
	}
	return d, nil
}

// op finds the operation serving method on path (relative to the base URL,
// without query); literal segments win over parameters.
func (d *oasDoc) op(method, path string) *oasOp {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if strings.Trim(path, "/") == "" {
		segs = nil
	}
	var best *oasOp
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

// violation is one way an answer breaks the document.
type violation struct {
	Kind string // status, null, unknown, required, type, enum, format, pattern, range, reference, body
	At   string // Schema.property (or Schema, or "METHOD /template" for status)
	Ptr  string // JSON pointer into the answer
	Msg  string
}

func (v violation) String() string {
	return fmt.Sprintf("%s at %s (%s): %s", v.Kind, v.At, v.Ptr, v.Msg)
}

// checkAnswer validates one answer: its status must be declared by the
// operation (or be an error answered with the default Error schema), and
// its body must match the response schema.
func (d *oasDoc) checkAnswer(method, path string, status int, body []byte) []violation {
	op := d.op(method, path)
	if op == nil {
		if status >= 400 { // 404 or 405 for what the document does not serve
			var out []violation
			var v any
			if err := json.Unmarshal(body, &v); err != nil {
				return []violation{{Kind: "body", At: method + " " + path, Msg: "invalid JSON: " + err.Error()}}
			}
			d.validate(numbers(v), map[string]any{"$ref": "#/components/schemas/Error"}, "", "Error", &out)
			return out
		}
		return []violation{{Kind: "status", At: method + " " + path, Msg: "no such operation in the document"}}
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
			return []violation{{Kind: "status", At: at, Msg: fmt.Sprintf("status %d; the document declares %v", status, declared)}}
		}
		resp, _ = op.responses["default"].(map[string]any)
	}
	content, _ := resp["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	schema, _ := media["schema"].(map[string]any)
	if schema == nil {
		if len(bytes.TrimSpace(body)) > 0 {
			return []violation{{Kind: "body", At: at, Msg: "a body where the document declares none"}}
		}
		return nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		// DELETEs and actions declare a bare object; the API sends no body.
		if schema["type"] == "object" && schema["properties"] == nil && schema["$ref"] == nil {
			return nil
		}
		return []violation{{Kind: "body", At: at, Msg: "no body where the document declares one"}}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return []violation{{Kind: "body", At: at, Msg: "invalid JSON: " + err.Error()}}
	}
	var out []violation
	d.validate(v, schema, "", at, &out)
	return out
}

func (d *oasDoc) resolve(s map[string]any) (map[string]any, string) {
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
func (d *oasDoc) validate(v any, s map[string]any, ptr, where string, out *[]violation) {
	if v == nil {
		// Named by the property that holds it, not by the referenced schema.
		*out = append(*out, violation{Kind: "null", At: where, Ptr: ptr, Msg: "null, and the document does not mark it nullable"})
		return
	}
	s, name := d.resolve(s)
	if name != "" {
		where = name
	}
	add := func(kind, msg string) { *out = append(*out, violation{Kind: kind, At: where, Ptr: ptr, Msg: msg}) }
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
				*out = append(*out, violation{Kind: "required", At: where + "." + r, Ptr: ptr, Msg: "required property missing"})
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
						*out = append(*out, violation{Kind: "unknown", At: where + "." + k, Ptr: ptr, Msg: "property the document does not declare"})
					}
				default:
					if !hasExtra {
						*out = append(*out, violation{Kind: "unknown", At: where + "." + k, Ptr: ptr, Msg: "property the document does not declare"})
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
		if lo, ok := toFloat(yamlNumber(s["minimum"])); ok && f < lo {
			add("range", fmt.Sprintf("%s is below the minimum %v", n, lo))
		}
		if hi, ok := toFloat(yamlNumber(s["maximum"])); ok && f > hi {
			add("range", fmt.Sprintf("%s is above the maximum %v", n, hi))
		}
		if enum := s["enum"]; enum != nil {
			found := false
			for _, e := range asAny(enum) {
				if ef, ok := toFloat(yamlNumber(e)); ok && ef == f {
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

func yamlNumber(v any) any {
	switch t := v.(type) {
	case int:
		return float64(t)
	case float64:
		return t
	}
	return nil
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

// TestValidatorCatches makes sure the validator rejects what it should, so
// that a clean conformance run means something.
func TestValidatorCatches(t *testing.T) {
	d := loadV5(t)
	base := `{"id":"x","href":"http://h/cloudapi/v5/datacenters/x","properties":{"location":"de/fra"}}`
	if v := d.checkAnswer("GET", "/datacenters/x", 200, []byte(base)); len(v) != 0 {
		t.Fatalf("a valid data center was refused: %v", v)
	}
	for name, c := range map[string]struct {
		method, path string
		status       int
		body, kind   string
	}{
		"unknown property":   {"GET", "/datacenters/x", 200, `{"id":"x","properties":{"location":"de/fra","colour":"red"}}`, "unknown"},
		"null":               {"GET", "/datacenters/x", 200, `{"id":"x","properties":{"location":"de/fra","name":null}}`, "null"},
		"wrong type":         {"GET", "/datacenters/x", 200, `{"id":"x","properties":{"location":"de/fra","version":"1"}}`, "type"},
		"enum":               {"GET", "/datacenters/x/servers/y", 200, `{"properties":{"cores":1,"ram":256,"availabilityZone":"ZONE_9"}}`, "enum"},
		"missing required":   {"GET", "/datacenters/x", 200, `{"id":"x","metadata":{}}`, "required"},
		"reference":          {"GET", "/datacenters", 200, `{"items":[{"id":"x","type":"datacenter"}]}`, "reference"},
		"type beside allOf":  {"GET", "/datacenters/x", 200, `{"type":"datacenter","properties":{"location":"de/fra"}}`, "type-object"},
		"date-time":          {"GET", "/datacenters/x", 200, `{"properties":{"location":"de/fra"},"metadata":{"createdDate":"yesterday"}}`, "format"},
		"relative href":      {"GET", "/datacenters/x", 200, `{"href":"/datacenters/x","properties":{"location":"de/fra"}}`, "format"},
		"undeclared status":  {"POST", "/datacenters", 201, base, "status"},
		"integer":            {"GET", "/datacenters/x", 200, `{"properties":{"location":"de/fra","version":1.5}}`, "type"},
		"type enum":          {"GET", "/datacenters/x", 200, `{"type":"spaceship","properties":{"location":"de/fra"}}`, "enum"},
		"array of objects":   {"GET", "/ipblocks/x", 200, `{"properties":{"location":"de/fra","size":1,"ipConsumers":[{"ip":1}]}}`, "type"},
		"body for no schema": {"GET", "/datacenters", 200, ``, "body"},
		"unknown operation":  {"GET", "/spaceships", 200, `{}`, "status"},
		"error elsewhere":    {"PATCH", "/spaceships", 405, `{"httpStatus":405,"messages":"no"}`, "type"},
		"error body checked": {"GET", "/datacenters/x", 404, `{"httpStatus":"404"}`, "type"},
	} {
		vs := d.checkAnswer(c.method, c.path, c.status, []byte(c.body))
		found := false
		for _, v := range vs {
			found = found || v.Kind == c.kind
		}
		if !found {
			t.Errorf("%s: want a %s violation, got %v", name, c.kind, vs)
		}
	}
}
