package oascheck

import (
	"slices"
	"testing"
)

func TestFindingsVerdict(t *testing.T) {
	var f Findings
	f.Add("GET /a", []Violation{{Kind: "null", At: "X.name"}, {Kind: "unknown", At: "X.colour"}})
	f.Add("GET /b", []Violation{{Kind: "null", At: "X.name"}}) // seen before: kept once, from GET /a
	f.Add("GET /c", nil)
	errata := []Erratum{{Kind: "null", At: []string{"X.*", "Y.name"}, Reason: "test"}}
	bad, unneeded, answers, applied := f.Verdict(errata)
	want := Violation{Kind: "unknown", At: "X.colour"}.String() + "  [first seen on GET /a]"
	if !slices.Equal(bad, []string{want}) {
		t.Errorf("unexcused = %q, want %q", bad, want)
	}
	if !slices.Equal(unneeded, []string{"null Y.name"}) {
		t.Errorf("unneeded = %q, want the pattern no finding used", unneeded)
	}
	if answers != 3 || applied != 1 {
		t.Errorf("answers %d, applied %d; want 3 and 1", answers, applied)
	}
}

func TestLoadKeepsPlaceholders(t *testing.T) {
	d, err := Load("../../api/cloudapi-v6.yaml", "../../api/cloudapi-v6-later.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Lans is a placeholder in the later document: the full schema stays.
	lans, _ := d.schemas["Lans"].(map[string]any)
	if _, ok := lans["properties"]; !ok {
		t.Errorf("the placeholder replaced the schema: %v", lans)
	}
	// DataCenterEntities changed there: the later version wins.
	ents, _ := d.schemas["DataCenterEntities"].(map[string]any)
	props, _ := ents["properties"].(map[string]any)
	if _, ok := props["securitygroups"]; !ok {
		t.Errorf("the amended schema was not taken: %v", props)
	}
	// An operation only the later document has is found.
	if d.find("GET", "/datacenters/x/securitygroups") == nil {
		t.Error("a later operation is missing")
	}
}

func TestCheckRequest(t *testing.T) {
	d, err := Load("../../api/cloudapi-v6.yaml", "../../api/cloudapi-v6-later.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(vs []Violation) []string {
		var out []string
		for _, v := range vs {
			out = append(out, v.Kind)
		}
		return out
	}
	for name, c := range map[string]struct {
		method, path, body string
		want               []string
	}{
		"valid create":            {"POST", "/datacenters/x/lans", `{"properties":{"name":"l","public":false}}`, nil},
		"unknown property":        {"POST", "/datacenters/x/lans", `{"properties":{"name":"l","colour":"red"}}`, []string{"unknown"}},
		"wrong type":              {"POST", "/datacenters/x/lans", `{"properties":{"public":"yes"}}`, []string{"type"}},
		"a PATCH sends a part":    {"PATCH", "/datacenters/x/servers/y", `{"name":"s"}`, nil},
		"a POST needs required":   {"POST", "/ipblocks", `{"properties":{"name":"b"}}`, []string{"required", "required"}},
		"*/* is JSON":             {"PATCH", "/targetgroups/x", `{"name":"t","colour":1}`, []string{"unknown"}},
		"changed to JSON (later)": {"POST", "/datacenters/x/volumes/y/create-snapshot", `{"properties":{"name":"s"}}`, nil},
		"no body taken":           {"POST", "/datacenters/x/servers/y/start", `{}`, []string{"body"}},
	} {
		got := kinds(d.CheckRequest(c.method, c.path, []byte(c.body)))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: violations %q, want %q", name, got, c.want)
		}
	}
}
