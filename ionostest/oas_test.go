package ionostest

import (
	"sync"
	"testing"

	"github.com/ionos-go/ionos/internal/oascheck"
)

var (
	oasOnce  sync.Once
	oasCache *oascheck.Doc
	oasErr   error
)

// loadV5 parses api/cloudapi-v5.yaml once per test binary.
func loadV5(t *testing.T) *oascheck.Doc {
	t.Helper()
	oasOnce.Do(func() { oasCache, oasErr = oascheck.Load("../api/cloudapi-v5.yaml") })
	if oasErr != nil {
		t.Fatal(oasErr)
	}
	return oasCache
}

// TestValidatorCatches makes sure the validator rejects what it should, so
// that a clean conformance run means something.
func TestValidatorCatches(t *testing.T) {
	d := loadV5(t)
	base := `{"id":"x","href":"http://h/cloudapi/v5/datacenters/x","properties":{"location":"de/fra"}}`
	if v := d.CheckAnswer("GET", "/datacenters/x", 200, []byte(base)); len(v) != 0 {
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
		vs := d.CheckAnswer(c.method, c.path, c.status, []byte(c.body))
		found := false
		for _, v := range vs {
			found = found || v.Kind == c.kind
		}
		if !found {
			t.Errorf("%s: want a %s violation, got %v", name, c.kind, vs)
		}
	}
}
