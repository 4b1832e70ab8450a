package opgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The repository root, from this package's directory.
const root = "../.."

var (
	specsOnce sync.Once
	specs     *Specs
	specsErr  error
)

// loadSpecs parses the documents of api/ once for all tests.
func loadSpecs(t *testing.T) *Specs {
	t.Helper()
	specsOnce.Do(func() { specs, specsErr = Load(filepath.Join(root, "api")) })
	require.NoError(t, specsErr)
	return specs
}

// TestGeneratedFilesUpToDate fails when operations_gen.go or
// ionostest/schema_gen.go differs from what the documents in api/ give.
func TestGeneratedFilesUpToDate(t *testing.T) {
	s := loadSpecs(t)
	for _, f := range []struct {
		path string
		gen  func() ([]byte, error)
	}{
		{"operations_gen.go", s.GenerateOperations},
		{"ionostest/schema_gen.go", s.GenerateSchemas},
	} {
		want, err := f.gen()
		require.NoError(t, err, f.path)
		got, err := os.ReadFile(filepath.Join(root, f.path))
		require.NoError(t, err, f.path)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date with api/ (first difference: %s); run go generate ./...", f.path, firstDiff(got, want))
		}
	}
}

// firstDiff describes the first line where two files differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d: have `%s`, want `%s`", i+1, gl, wl)
		}
	}
	return "none"
}

func TestFirstDiff(t *testing.T) {
	assert.Equal(t, "none", firstDiff([]byte("a\nb"), []byte("a\nb")))
	assert.Equal(t, "line 2: have `b`, want `c`", firstDiff([]byte("a\nb"), []byte("a\nc")))
	assert.Equal(t, "line 2: have ``, want `b`", firstDiff([]byte("a"), []byte("a\nb")))
}

// TestOperationCounts checks the table against the counts of the reference
// notes (v6-delta.md): 174 v5 operations, 245 in the published v6, 173 of
// them shared, 21 later v6 ones, 5 of the Auth API.
func TestOperationCounts(t *testing.T) {
	ops, err := loadSpecs(t).Operations()
	require.NoError(t, err)
	var v5, v6, later, both, v5Only, v6Only, auth, accepted202NoLocation int
	var onlyV5 []string
	for _, o := range ops {
		switch {
		case o.Auth != nil:
			auth++
			assert.Nil(t, o.V5, o.Key())
			assert.Nil(t, o.V6, o.Key())
			continue
		case o.V5 != nil && o.V6 != nil:
			both++
		case o.V5 != nil:
			v5Only++
			onlyV5 = append(onlyV5, o.Key())
		default:
			v6Only++
		}
		if o.V5 != nil {
			v5++
		}
		if o.V6 != nil {
			v6++
		}
		if o.Later {
			later++
			assert.Nil(t, o.V5, o.Key())
		}
		if o.V6 != nil && !o.Later {
			for _, r := range o.V6.Responses {
				if r.Status == 202 && !r.Location {
					accepted202NoLocation++
				}
			}
		}
	}
	assert.Equal(t, 174, v5)
	assert.Equal(t, 266, v6)
	assert.Equal(t, 21, later)
	assert.Equal(t, 245, v6-later)
	assert.Equal(t, 173, both)
	assert.Equal(t, 1, v5Only)
	assert.Equal(t, []string{"GET /k8s/versions/{clusterVersion}/compatibilities"}, onlyV5)
	assert.Equal(t, 72+21, v6Only)
	assert.Equal(t, 5, auth)
	assert.Equal(t, 28, accepted202NoLocation, "the published v6 document's 202 answers without Location")
	assert.Len(t, ops, 174+72+21+5)
}

// TestLaterChangesApplied checks that every x-changed-operations entry
// amended its v6 operation, and only v6.
func TestLaterChangesApplied(t *testing.T) {
	ops, err := loadSpecs(t).Operations()
	require.NoError(t, err)
	byKey := map[string]*Operation{}
	changed := 0
	for _, o := range ops {
		byKey[o.Key()] = o
		if o.V6 != nil && o.V6.Changed != "" {
			changed++
		}
		if o.V5 != nil {
			assert.Empty(t, o.V5.Changed, o.Key())
		}
	}
	assert.Equal(t, 8, changed)
	for key, want := range map[string]struct{ v5Body, v5Media, v6Body, v6Media string }{
		"POST /datacenters":                     {"Datacenter", "application/json", "DatacenterPost", "application/json"},
		"PUT /datacenters/{datacenterId}":       {"Datacenter", "application/json", "DatacenterPut", "application/json"},
		"PATCH /datacenters/{datacenterId}":     {"DatacenterProperties", "application/json", "DatacenterPropertiesPut", "application/json"},
		"POST /um/groups/{groupId}/users":       {"User", "application/json", "UserGroupPost", "application/json"},
		"POST /datacenters/{datacenterId}/lans": {"LanPost", "application/json", "Lan", "application/json"},
		"POST /datacenters/{datacenterId}/volumes/{volumeId}/create-snapshot": {
			"object{description,licenceType,name,secAuthProtection}", "application/x-www-form-urlencoded", "CreateSnapshot", "application/json"},
		"POST /datacenters/{datacenterId}/volumes/{volumeId}/restore-snapshot": {
			"object{snapshotId}", "application/x-www-form-urlencoded", "RestoreSnapshot", "application/json"},
	} {
		o := byKey[key]
		require.NotNil(t, o, key)
		assert.Equal(t, want.v5Body, o.V5.Body, key)
		assert.Equal(t, want.v5Media, o.V5.BodyMedia, key)
		assert.Equal(t, want.v6Body, o.V6.Body, key)
		assert.Equal(t, want.v6Media, o.V6.BodyMedia, key)
		assert.NotEmpty(t, o.V6.Changed, key)
	}
	lanPost := byKey["POST /datacenters/{datacenterId}/lans"].V6
	require.Len(t, lanPost.Responses, 1)
	assert.Equal(t, "Lan", lanPost.Responses[0].Schema, "the LAN POST answers a Lan in the live v6")
	assert.Contains(t, byKey["GET /datacenters/{datacenterId}/servers"].V6.Changed, "upgradeNeeded")
}

// specYAML is a minimal set of the four documents for error-path tests.
func specYAML() map[string]string {
	return map[string]string{
		FileV5: `openapi: 3.0.1
paths:
  /things/{thingId}:
    get:
      operationId: thingsFindById
      responses:
        '200':
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
components:
  schemas:
    Thing: {type: object, properties: {name: {type: string}}}
`,
		FileV6: `openapi: 3.0.1
paths:
  /things/{thingId}:
    get:
      operationId: thingsFindById
      responses:
        '200':
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
    put:
      operationId: thingsPut
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
      responses:
        '202':
          headers: {Location: {schema: {type: string}}}
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
components:
  schemas:
    Thing: {type: object, properties: {name: {type: string}}}
    Other: {type: object, properties: {kind: {type: string}}}
`,
		FileV6Later: `openapi: 3.0.3
paths:
  /gadgets:
    get:
      operationId: gadgetsGet
      responses:
        '200': {$ref: '#/components/responses/Gadgets'}
components:
  responses:
    Gadgets:
      content: {application/json: {schema: {type: array, items: {type: string}}}}
  schemas:
    Other: {type: object, x-defined-in: cloudapi-v6.yaml}
    ThingPut: {type: object, properties: {name: {type: string}}}
x-changed-operations:
- {operationId: thingsPut, method: PUT, path: '/things/{thingId}', change: request body Thing -> ThingPut}
`,
		FileAuth: `openapi: 3.0.1
paths:
  /tokens:
    get:
      operationId: tokensGet
      responses:
        '200': {content: {application/json: {schema: {type: object}}}}
`,
	}
}

// parseYAML parses documents given as text.
func parseYAML(t *testing.T, docs map[string]string) (*Specs, error) {
	t.Helper()
	files := map[string][]byte{}
	for k, v := range docs {
		files[k] = []byte(v)
	}
	return Parse(files)
}

func TestOperationsMinimal(t *testing.T) {
	s, err := parseYAML(t, specYAML())
	require.NoError(t, err)
	ops, err := s.Operations()
	require.NoError(t, err)
	var keys []string
	for _, o := range ops {
		keys = append(keys, o.Key())
	}
	assert.Equal(t, []string{"GET /gadgets", "GET /things/{thingId}", "PUT /things/{thingId}", "GET /tokens"}, keys)
	gadgets, thing, put, tokens := ops[0], ops[1], ops[2], ops[3]
	assert.True(t, gadgets.Later)
	assert.Nil(t, gadgets.V5)
	assert.Equal(t, []Response{{Status: 200, Schema: "[]string", Media: []string{"application/json"}}}, gadgets.V6.Responses)
	assert.NotNil(t, thing.V5)
	assert.NotNil(t, thing.V6)
	assert.False(t, thing.Later)
	assert.Nil(t, put.V5)
	assert.Equal(t, &Shape{ID: "thingsPut", Body: "ThingPut", BodyMedia: "application/json", BodyRequired: true,
		Responses: []Response{{Status: 202, Schema: "Thing", Media: []string{"application/json"}, Location: true}},
		Changed:   "request body Thing -> ThingPut"}, put.V6)
	assert.NotNil(t, tokens.Auth)
	assert.Nil(t, tokens.V6)
}

func TestOperationsErrors(t *testing.T) {
	for name, c := range map[string]struct {
		file, old, new, want string
	}{
		"later redefines v6": {FileV6Later, "/gadgets:", "/things/{thingId}:", "already in cloudapi-v6.yaml"},
		"auth collides":      {FileAuth, "/tokens:", "/things/{thingId}:", "also a Cloud API operation"},
		"changed unknown op": {FileV6Later, "path: '/things/{thingId}'", "path: '/nothing'", "is not an operation of"},
		"changed wrong id":   {FileV6Later, "operationId: thingsPut,", "operationId: thingsReplace,", "is thingsPut in"},
		"change mismatch":    {FileV6Later, "request body Thing -> ThingPut", "request body Other -> ThingPut", `request body is "Thing"`},
		"change unknown":     {FileV6Later, "request body Thing -> ThingPut", "response body grew", "not understood"},
		"renamed parameter":  {FileV5, "/things/{thingId}:", "/things/{id}:", "differ only in parameter names"},
		"no operationId":     {FileV5, "operationId: thingsFindById", "summary: x", "no operationId"},
		"no success":         {FileAuth, "'200':", "'404':", "no success response"},
		"foreign ref":        {FileV5, "'#/components/schemas/Thing'", "'other.yaml#/Thing'", "unsupported reference"},
	} {
		t.Run(name, func(t *testing.T) {
			docs := specYAML()
			require.Contains(t, docs[c.file], c.old)
			docs[c.file] = strings.Replace(docs[c.file], c.old, c.new, 1)
			s, err := parseYAML(t, docs)
			require.NoError(t, err)
			_, err = s.Operations()
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestParseErrors(t *testing.T) {
	docs := specYAML()
	delete(docs, FileAuth)
	_, err := parseYAML(t, docs)
	assert.ErrorContains(t, err, "auth-v1.yaml missing")

	docs = specYAML()
	docs[FileV6Later] = strings.Replace(docs[FileV6Later], "Other: {type: object, x-defined-in", "Missing: {type: object, x-defined-in", 1)
	_, err = parseYAML(t, docs)
	assert.ErrorContains(t, err, "placeholder Missing is not defined")

	docs = specYAML()
	docs[FileV5] = strings.Replace(docs[FileV5], "openapi: 3.0.1", "swagger: '2.0'", 1)
	_, err = parseYAML(t, docs)
	assert.ErrorContains(t, err, "want 3.x")

	docs = specYAML()
	docs[FileV6] = "openapi: [\n"
	_, err = parseYAML(t, docs)
	assert.ErrorContains(t, err, "cloudapi-v6.yaml")
}

// TestMergeSchemas: later's schemas replace and extend v6's, its
// placeholders do not.
func TestMergeSchemas(t *testing.T) {
	s := loadSpecs(t)
	// A placeholder keeps the full v6 definition.
	assert.NotEmpty(t, s.v6Schemas["Lans"].Properties)
	assert.Empty(t, s.v6Schemas["Lans"].DefinedIn)
	// A changed schema is later's.
	assert.Contains(t, s.v6Schemas["ServerProperties"].Properties, "hostname")
	assert.NotContains(t, s.v6.Components.Schemas["ServerProperties"].Properties, "hostname")
	// A new schema is added.
	assert.Contains(t, s.v6Schemas, "SecurityGroupProperties")
	// v5's are untouched.
	assert.NotContains(t, s.v5.Components.Schemas, "SecurityGroupProperties")
}

func TestApplyChange(t *testing.T) {
	schemas := map[string]*schema{"A": {}, "B": {}, "C": {}}
	form := func() *Shape {
		return &Shape{Body: "object{x}", BodyMedia: "application/x-www-form-urlencoded", Responses: []Response{{Status: 202, Schema: "A"}}}
	}
	json := func() *Shape {
		return &Shape{Body: "A", BodyMedia: "application/json", Responses: []Response{{Status: 202, Schema: "A"}}}
	}
	for _, c := range []struct {
		name, change string
		shape        func() *Shape
		want         *Shape
		err          string
	}{
		{"schema", "request body A -> B", json, &Shape{Body: "B", BodyMedia: "application/json", Responses: []Response{{Status: 202, Schema: "A"}}}, ""},
		{"schema with remark", "request body A -> B (b only)", json, &Shape{Body: "B", BodyMedia: "application/json", Responses: []Response{{Status: 202, Schema: "A"}}}, ""},
		{"schema mismatch", "request body C -> B", json, nil, `request body is "A"`},
		{"unknown schema", "request body A -> Z", json, nil, "schema Z is not defined"},
		{"media", "request body application/x-www-form-urlencoded -> application/json B", form, &Shape{Body: "B", BodyMedia: "application/json", Responses: []Response{{Status: 202, Schema: "A"}}}, ""},
		{"media mismatch", "request body application/x-www-form-urlencoded -> application/json B", json, nil, "request media type"},
		{"three schemas", "request body A -> B C", json, nil, "not understood"},
		{"request and response", "request and 202 body A -> C", json, &Shape{Body: "C", BodyMedia: "application/json", Responses: []Response{{Status: 202, Schema: "C"}}}, ""},
		{"request and missing response", "request and 200 body A -> C", json, nil, "no 200 response"},
		{"query", "query parameter depth no longer sent by sdk-go", json, json(), ""},
		{"unknown", "response headers changed", json, nil, "not understood"},
	} {
		t.Run(c.name, func(t *testing.T) {
			sh := c.shape()
			err := applyChange(sh, c.change, schemas)
			if c.err != "" {
				assert.ErrorContains(t, err, c.err)
				return
			}
			require.NoError(t, err)
			c.want.Changed = c.change
			assert.Equal(t, c.want, sh)
		})
	}
}

func TestSchemaLabel(t *testing.T) {
	for _, c := range []struct {
		s    *schema
		want string
	}{
		{&schema{Ref: "#/components/schemas/Server"}, "Server"},
		{&schema{Type: "string"}, "string"},
		{&schema{Type: "object"}, "object"},
		{&schema{Type: "array", Items: &schema{Type: "string"}}, "[]string"},
		{&schema{Type: "array", Items: &schema{Ref: "#/components/schemas/Nic"}}, "[]Nic"},
		{&schema{Properties: map[string]*schema{"b": {}, "a": {}}}, "object{a,b}"},
		{&schema{AllOf: []*schema{{Ref: "#/components/schemas/Type"}}, Type: "object"}, "Type"},
	} {
		got, err := schemaLabel(c.s)
		require.NoError(t, err)
		assert.Equal(t, c.want, got)
	}
	_, err := schemaLabel(&schema{})
	assert.Error(t, err)
	_, err = schemaLabel(&schema{Ref: "#/components/responses/X"})
	assert.Error(t, err)
}

func TestCompareRoutes(t *testing.T) {
	assert.Negative(t, compareRoutes("/k8s/versions", "/k8s/{k8sClusterId}"))
	assert.Positive(t, compareRoutes("/k8s/{k8sClusterId}", "/k8s/versions"))
	assert.Negative(t, compareRoutes("/a/b/{y}", "/a/{x}/c"), "the leftmost literal wins")
	assert.Negative(t, compareRoutes("/a", "/a/{x}"))
	assert.Zero(t, compareRoutes("/a/{x}", "/a/{y}"))
	assert.Negative(t, compareRoutes("/a/b", "/a/c"))
}

func TestPropOf(t *testing.T) {
	schemas := map[string]*schema{
		"Kind":  {Type: "string", Enum: []any{"A", "B"}},
		"Ref":   {Type: "object", Properties: map[string]*schema{"id": {Type: "string"}}},
		"Bare":  {Properties: map[string]*schema{"id": {Type: "string"}}},
		"Loop":  {Ref: "#/components/schemas/Loop"},
		"Codes": {Type: "integer", Enum: []any{1, 2}},
	}
	for _, c := range []struct {
		s    *schema
		want Prop
		err  string
	}{
		{&schema{Type: "integer"}, Prop{Name: "p", Kind: "integer"}, ""},
		{&schema{Type: "string", Enum: []any{"X"}}, Prop{Name: "p", Kind: "string", Enum: []string{"X"}}, ""},
		{&schema{Ref: "#/components/schemas/Kind"}, Prop{Name: "p", Kind: "string", Enum: []string{"A", "B"}}, ""},
		// The reference document's {allOf: [Enum], type: object} is the enum.
		{&schema{Type: "object", AllOf: []*schema{{Ref: "#/components/schemas/Kind"}}}, Prop{Name: "p", Kind: "string", Enum: []string{"A", "B"}}, ""},
		{&schema{Ref: "#/components/schemas/Ref"}, Prop{Name: "p", Kind: "object"}, ""},
		{&schema{Ref: "#/components/schemas/Bare"}, Prop{Name: "p", Kind: "object"}, ""},
		{&schema{Ref: "#/components/schemas/Loop"}, Prop{}, "reference loop"},
		{&schema{Ref: "#/components/schemas/Gone"}, Prop{}, "not defined"},
		{&schema{Ref: "#/components/schemas/Codes"}, Prop{}, "not a string"},
		{&schema{Type: "file"}, Prop{}, "unsupported type"},
		{&schema{}, Prop{}, "no type"},
	} {
		got, err := propOf("p", c.s, schemas)
		if c.err != "" {
			assert.ErrorContains(t, err, c.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, c.want, got)
	}
}

// TestResourcesV5 pins what the v5 tables take from the spec: read-only
// properties left out, the one-off script's choice of schemas kept.
func TestResourcesV5(t *testing.T) {
	rs, err := loadSpecs(t).ResourcesV5Props()
	require.NoError(t, err)
	byType := map[string]ResourceProps{}
	for _, r := range rs {
		byType[r.Type] = r
	}
	require.Len(t, byType, len(ResourcesV5))
	names := func(typ string) []string {
		var n []string
		for _, p := range byType[typ].Props {
			n = append(n, p.Name)
		}
		return n
	}
	assert.Equal(t, []string{"description", "location", "name", "secAuthProtection"}, names("datacenter"), "version and features are read-only")
	assert.NotContains(t, names("volume"), "licenceType", "read-only in the v5 document")
	assert.Contains(t, names("user"), "password", "UserPropertiesPost")
	assert.Contains(t, names("nodepool"), "availableUpgradeVersions", "KubernetesNodePoolProperties, as the one-off script had it")
	assert.NotContains(t, names("k8s"), "availableUpgradeVersions", "KubernetesClusterPropertiesForPost")
}

func TestResourcesV6(t *testing.T) {
	rs, err := loadSpecs(t).ResourcesV6Props()
	require.NoError(t, err)
	byType := map[string]ResourceProps{}
	for _, r := range rs {
		byType[r.Type] = r
	}
	prop := func(typ, name string) (Prop, bool) {
		for _, p := range byType[typ].Props {
			if p.Name == name {
				return p, true
			}
		}
		return Prop{}, false
	}
	for _, c := range []struct{ typ, name, kind string }{
		{"server", "hostname", "string"}, // later
		{"server", "templateUuid", "string"},
		{"nic", "firewallType", "string"},
		{"volume", "licenceType", "string"}, // writable in the live v6
		{"volume", "bootOrder", "string"},
		{"datacenter", "createDefaultSecurityGroup", "boolean"}, // DatacenterPropertiesPost
		{"datacenter", "defaultSecurityGroupId", "string"},      // DatacenterPropertiesPut
		{"nodepool", "serverType", "string"},                    // allOf of an enum
		{"natgateway-rule", "protocol", "string"},               // {allOf: [enum], type: object}
		{"group", "createNetworkSecurityGroups", "boolean"},     // later
	} {
		p, ok := prop(c.typ, c.name)
		if assert.True(t, ok, "%s.%s", c.typ, c.name) {
			assert.Equal(t, c.kind, p.Kind, "%s.%s", c.typ, c.name)
		}
	}
	for _, c := range []struct{ typ, name string }{
		{"nic", "nat"},                  // gone in v6
		{"nodepool", "gatewayIp"},       // gone in v6
		{"nic", "deviceNumber"},         // read-only
		{"server", "vmState"},           // read-only
		{"datacenter", "ipv6CidrBlock"}, // read-only
	} {
		_, ok := prop(c.typ, c.name)
		assert.False(t, ok, "%s.%s", c.typ, c.name)
	}
	assert.Empty(t, byType["server"].Required, "cores and ram are no longer required (templates)")
	assert.Equal(t, []string{"location"}, byType["datacenter"].Required)
}

func TestResourcePropsErrors(t *testing.T) {
	schemas := map[string]*schema{
		"A":    {Properties: map[string]*schema{"x": {Type: "string"}}},
		"B":    {Properties: map[string]*schema{"x": {Type: "integer"}}},
		"RO":   {Properties: map[string]*schema{"x": {Type: "string", ReadOnly: true}}},
		"Hold": {DefinedIn: FileV6},
	}
	for _, c := range []struct {
		schemas []string
		err     string
	}{
		{[]string{"Gone"}, "not defined"},
		{[]string{"A", "B"}, "differs between"},
		{[]string{"RO"}, "no writable properties"},
		{[]string{"Hold"}, "placeholder"},
	} {
		_, err := resourceProps([]Resource{{"t", c.schemas}}, schemas)
		assert.ErrorContains(t, err, c.err, c.schemas)
	}
	rs, err := resourceProps([]Resource{{"t", []string{"A", "A"}}}, schemas)
	require.NoError(t, err)
	assert.Equal(t, []Prop{{Name: "x", Kind: "string"}}, rs[0].Props)
}
