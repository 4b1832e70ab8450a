package ionostest

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// Coercion of string-typed scalars. The live v5 API (a Java service that
// binds JSON with scalar coercion) accepted a JSON string where the spec
// wants a number or a boolean, as long as the string held a valid one:
// "public": "true" on a LAN, "size": "2" on an IP block, "lan": "1" on a NIC,
// "icmpType": "0" on a firewall rule (the Python SDK 5.2.0 sends all of
// these). The fake does the same: lenient on the JSON type, strict on the
// value ("yes", "2.5" for an integer, "" are still a 422), and it stores
// and answers the value with its proper type.

// coerceScalar converts s to a value of kind (integer, number or boolean).
// It reports false when s holds no valid value of that kind, or when kind
// is not a scalar that the API coerced.
func coerceScalar(kind, s string) (any, bool) {
	s = strings.TrimSpace(s)
	switch kind {
	case "integer":
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, false
		}
		return json.Number(strconv.FormatInt(i, 10)), true
	case "number":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, false
		}
		return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), true
	case "boolean":
		switch {
		case strings.EqualFold(s, "true"):
			return true, true
		case strings.EqualFold(s, "false"):
			return false, true
		}
	}
	return nil, false
}

// nestedScalars are the scalar fields inside the object and array
// properties the fake reads, by type and property: for an array property,
// the fields of its items.
var nestedScalars = map[string]map[string]map[string]string{
	"nodepool": {
		"lans":        {"id": "integer"},
		"autoScaling": {"minNodeCount": "integer", "maxNodeCount": "integer"},
	},
}

// coerceNested coerces the nested scalars of props (see nestedScalars).
func coerceNested(typ string, props map[string]any) *apiErr {
	for prop, fields := range nestedScalars[typ] {
		var objs []map[string]any
		switch v := props[prop].(type) {
		case map[string]any:
			objs = append(objs, v)
		case []any:
			for _, it := range v {
				if o, ok := it.(map[string]any); ok {
					objs = append(objs, o)
				}
			}
		}
		for _, o := range objs {
			for f, kind := range fields {
				s, isStr := o[f].(string)
				if !isStr {
					continue
				}
				v, ok := coerceScalar(kind, s)
				if !ok {
					return errInvalid("Attribute '%s.%s' has an invalid value '%s': expected %s", prop, f, s, kind)
				}
				o[f] = v
			}
		}
	}
	return nil
}
