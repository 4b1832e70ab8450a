// Package opgen reads the OpenAPI documents in api/ and generates the SDK's
// operation table (operations_gen.go) and the emulator's schema tables
// (ionostest/schema_gen.go) from them. The command internal/cmd/opgen runs
// it through go generate; the package's tests check that the committed
// files are up to date with the documents.
package opgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The documents read from the api directory, by file name.
const (
	FileV5      = "cloudapi-v5.yaml"
	FileV6      = "cloudapi-v6.yaml"
	FileV6Later = "cloudapi-v6-later.yaml"
	FileAuth    = "auth-v1.yaml"
)

// document is the part of an OpenAPI 3.0 document the generator reads.
type document struct {
	name       string              // file name, for errors
	OpenAPI    string              `yaml:"openapi"`
	Paths      map[string]pathItem `yaml:"paths"`
	Components components          `yaml:"components"`
	// Changed lists, in cloudapi-v6-later.yaml, the existing v6 operations
	// whose request or response changed after the published v6 document.
	Changed []changedOperation `yaml:"x-changed-operations"`
}

// pathItem holds the operations of one path template.
type pathItem struct {
	Get     *operationObject `yaml:"get"`
	Put     *operationObject `yaml:"put"`
	Post    *operationObject `yaml:"post"`
	Delete  *operationObject `yaml:"delete"`
	Options *operationObject `yaml:"options"`
	Head    *operationObject `yaml:"head"`
	Patch   *operationObject `yaml:"patch"`
	Trace   *operationObject `yaml:"trace"`
}

// methods returns the operations of the path item by upper-case method.
func (p pathItem) methods() map[string]*operationObject {
	m := map[string]*operationObject{}
	for method, op := range map[string]*operationObject{
		"GET": p.Get, "PUT": p.Put, "POST": p.Post, "DELETE": p.Delete,
		"OPTIONS": p.Options, "HEAD": p.Head, "PATCH": p.Patch, "TRACE": p.Trace,
	} {
		if op != nil {
			m[method] = op
		}
	}
	return m
}

// operationObject is an OpenAPI operation.
type operationObject struct {
	OperationID string               `yaml:"operationId"`
	RequestBody *requestBody         `yaml:"requestBody"`
	Responses   map[string]*response `yaml:"responses"`
}

// requestBody is an OpenAPI request body or a reference to one.
type requestBody struct {
	Ref      string                `yaml:"$ref"`
	Required bool                  `yaml:"required"`
	Content  map[string]*mediaType `yaml:"content"`
}

// response is an OpenAPI response or a reference to one.
type response struct {
	Ref     string                `yaml:"$ref"`
	Headers map[string]any        `yaml:"headers"`
	Content map[string]*mediaType `yaml:"content"`
}

// mediaType is the body of one content type.
type mediaType struct {
	Schema *schema `yaml:"schema"`
}

// components holds the reusable objects of a document.
type components struct {
	Schemas       map[string]*schema      `yaml:"schemas"`
	Responses     map[string]*response    `yaml:"responses"`
	RequestBodies map[string]*requestBody `yaml:"requestBodies"`
}

// schema is the part of an OpenAPI schema object the generator reads.
type schema struct {
	Ref        string             `yaml:"$ref"`
	Type       string             `yaml:"type"`
	Enum       []any              `yaml:"enum"`
	Properties map[string]*schema `yaml:"properties"`
	Required   []string           `yaml:"required"`
	ReadOnly   bool               `yaml:"readOnly"`
	Items      *schema            `yaml:"items"`
	AllOf      []*schema          `yaml:"allOf"`
	// DefinedIn marks a placeholder of cloudapi-v6-later.yaml: an
	// unchanged schema defined in the named document.
	DefinedIn string `yaml:"x-defined-in"`
}

// changedOperation is one entry of x-changed-operations.
type changedOperation struct {
	OperationID string `yaml:"operationId"`
	Method      string `yaml:"method"`
	Path        string `yaml:"path"`
	Change      string `yaml:"change"`
}

// Specs are the four documents of api/, parsed, with the live v6 schemas
// (cloudapi-v6.yaml's, replaced and extended by cloudapi-v6-later.yaml's).
type Specs struct {
	v5, v6, later, auth *document
	v6Schemas           map[string]*schema
}

// Load reads and parses the four documents from dir.
func Load(dir string) (*Specs, error) {
	files := map[string][]byte{}
	for _, name := range []string{FileV5, FileV6, FileV6Later, FileAuth} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	return Parse(files)
}

// Parse parses the four documents, given by file name (FileV5, FileV6,
// FileV6Later, FileAuth), and merges the v6 schemas.
func Parse(files map[string][]byte) (*Specs, error) {
	docs := map[string]*document{}
	for _, name := range []string{FileV5, FileV6, FileV6Later, FileAuth} {
		b, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("opgen: %s missing", name)
		}
		d := &document{name: name}
		if err := yaml.Unmarshal(b, d); err != nil {
			return nil, fmt.Errorf("opgen: %s: %w", name, err)
		}
		if !strings.HasPrefix(d.OpenAPI, "3.") {
			return nil, fmt.Errorf("opgen: %s: openapi %q, want 3.x", name, d.OpenAPI)
		}
		if len(d.Paths) == 0 {
			return nil, fmt.Errorf("opgen: %s: no paths", name)
		}
		docs[name] = d
	}
	s := &Specs{v5: docs[FileV5], v6: docs[FileV6], later: docs[FileV6Later], auth: docs[FileAuth]}
	var err error
	if s.v6Schemas, err = mergeSchemas(s.v6, s.later); err != nil {
		return nil, err
	}
	return s, nil
}

// mergeSchemas returns base's schemas with those of later put in their
// place or added; later's placeholders (x-defined-in) keep base's schema,
// which must exist.
func mergeSchemas(base, later *document) (map[string]*schema, error) {
	m := make(map[string]*schema, len(base.Components.Schemas)+len(later.Components.Schemas))
	for k, v := range base.Components.Schemas {
		m[k] = v
	}
	for k, v := range later.Components.Schemas {
		if v.DefinedIn != "" {
			if v.DefinedIn != base.name {
				return nil, fmt.Errorf("opgen: %s: schema %s is a placeholder for %s, want %s", later.name, k, v.DefinedIn, base.name)
			}
			if _, ok := base.Components.Schemas[k]; !ok {
				return nil, fmt.Errorf("opgen: %s: placeholder %s is not defined in %s", later.name, k, base.name)
			}
			continue
		}
		m[k] = v
	}
	return m, nil
}

// refName returns the component name of a local reference of the given
// kind ("schemas", "responses", "requestBodies").
func refName(ref, kind string) (string, error) {
	prefix := "#/components/" + kind + "/"
	if !strings.HasPrefix(ref, prefix) || len(ref) == len(prefix) {
		return "", fmt.Errorf("unsupported reference %q (want %s…)", ref, prefix)
	}
	return ref[len(prefix):], nil
}
