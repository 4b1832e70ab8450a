package opgen

// operationsPrelude is the fixed part of operations_gen.go: the table's
// types and lookup helpers. The data follows it.
const operationsPrelude = `import "strings"

// opVersions is a set of API versions: those that have an operation.
type opVersions uint8

const (
	// opV5 marks an operation of the Cloud API v5 (api/cloudapi-v5.yaml).
	opV5 opVersions = 1 << iota
	// opV6 marks an operation of the live Cloud API v6: api/cloudapi-v6.yaml
	// amended by api/cloudapi-v6-later.yaml.
	opV6
	// opV6Later marks a v6 operation that the published v6 document lacks and
	// api/cloudapi-v6-later.yaml adds; such an operation has opV6 too.
	opV6Later
	// opAuthV1 marks an operation of the Auth API v1 (api/auth-v1.yaml),
	// which has its own base URL.
	opAuthV1
)

// operation is one method and path template of the IONOS APIs, with what
// each version documents for it.
type operation struct {
	method   string     // HTTP method, upper case
	path     string     // path template as in the spec, e.g. /datacenters/{datacenterId}
	versions opVersions // the versions that have it
	v5       *opShape   // as v5 documents it; nil when v5 lacks it
	v6       *opShape   // as the live v6 has it; nil when v6 lacks it
	auth     *opShape   // as the Auth API v1 documents it; nil for Cloud API operations
}

// opShape is what one API version documents for an operation.
type opShape struct {
	id           string       // operationId
	body         string       // request body schema: a component name, or an inline schema's shape ("object{name,description}"); "" with no body
	bodyMedia    string       // request body media type: "application/json", "application/x-www-form-urlencoded" or "*/*"; "" with no body
	bodyRequired bool         // the request body is required
	responses    []opResponse // the success (2xx) answers, by status
	changed      string       // v6 only: the x-changed-operations note of cloudapi-v6-later.yaml that amended the published document
}

// opResponse is one success answer of an operation.
type opResponse struct {
	status   int      // HTTP status
	schema   string   // body schema: a component name or an inline schema's shape ("string", "[]string", "object"); "" with no body
	media    []string // media types of the body, sorted
	location bool     // a Location header is documented: the status URL of the asynchronous request
}

// operationFor returns the operation of a method and a path template
// spelled as in the specs, e.g. ("GET", "/datacenters/{datacenterId}").
func operationFor(method, pathTemplate string) (operation, bool) {
	op, ok := operations[method+" "+pathTemplate]
	return op, ok
}

// operationMatching returns the operation whose path template matches a
// request path (without query), e.g. ("GET", "/datacenters/1234"); a
// literal segment matches itself, a parameter any non-empty segment. Of
// several matching templates the most specific wins: /k8s/versions before
// /k8s/{k8sClusterId}.
func operationMatching(method, path string) (operation, bool) {
	for _, tmpl := range operationRoutes[method] {
		if matchPathTemplate(tmpl, path) {
			op, ok := operations[method+" "+tmpl]
			return op, ok
		}
	}
	return operation{}, false
}

// matchPathTemplate reports whether path matches the template segment by
// segment.
func matchPathTemplate(tmpl, path string) bool {
	for {
		ts, trest, tmore := strings.Cut(tmpl, "/")
		ps, prest, pmore := strings.Cut(path, "/")
		if len(ts) >= 2 && ts[0] == '{' && ts[len(ts)-1] == '}' {
			if ps == "" {
				return false
			}
		} else if ts != ps {
			return false
		}
		if !tmore || !pmore {
			return tmore == pmore
		}
		tmpl, path = trest, prest
	}
}

// in reports whether the operation exists in version v (one of opV5, opV6,
// opAuthV1).
func (o operation) in(v opVersions) bool { return o.versions&v != 0 }

// shape returns what version v (opV5, opV6 or opAuthV1) documents for the
// operation, nil when the version lacks it.
func (o operation) shape(v opVersions) *opShape {
	switch v {
	case opV5:
		return o.v5
	case opV6:
		return o.v6
	case opAuthV1:
		return o.auth
	}
	return nil
}

// response returns the success answer with the given status.
func (s *opShape) response(status int) (opResponse, bool) {
	for _, r := range s.responses {
		if r.status == status {
			return r, true
		}
	}
	return opResponse{}, false
}

// async reports whether the operation answers 202 Accepted: the API
// finishes the work later.
func (s *opShape) async() bool {
	_, ok := s.response(202)
	return ok
}

// location reports whether a success answer documents a Location header,
// the status URL of the request to wait on. A 202 without one (Kubernetes
// writes; in v6 also NAT gateways, network and application load balancers,
// target groups and their rules and flow logs on PUT and PATCH) can only
// be waited on through the resource's state.
func (s *opShape) location() bool {
	for _, r := range s.responses {
		if r.location {
			return true
		}
	}
	return false
}
`
