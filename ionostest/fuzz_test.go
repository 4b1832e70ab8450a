package ionostest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzWrite sends arbitrary bodies to the writes that decode JSON or forms:
// the fake must answer with the API's error shape, never crash or 500.
func FuzzWrite(f *testing.F) {
	for _, seed := range []string{
		`{"properties":{"name":"a","location":"us/las"}}`,
		`{"properties":{"location":"us/las"},"entities":{"servers":{"items":[{"properties":{"cores":1,"ram":256},"entities":{"nics":{"items":[{"properties":{"lan":1}}]}}}]}}}`,
		`{"properties":{"location":"us/las"},"entities":{"servers":{"items":[1]}}}`,
		`{"properties":{"location":"us/las"},"entities":{"lans":{"items":[{"entities":{"nics":{"items":[{"id":7}]}}}]}}}`,
		`[]`, `null`, `{"properties":null}`, `{`, `name=x&description=None`, ``,
	} {
		f.Add("POST", "/datacenters", seed)
	}
	f.Add("PATCH", "/datacenters/DC", `{"name":1}`)
	f.Add("PUT", "/datacenters/DC", `{"properties":{"location":"de/fra"}}`)
	f.Add("POST", "/datacenters/DC/volumes", `{"properties":{"size":1e400}}`)
	f.Add("POST", "/datacenters/DC/servers", `{"properties":{"cores":1,"ram":256,"bootVolume":{"id":"x"}}}`)
	f.Add("POST", "/datacenters/DC/volumes/x/create-snapshot", `%zz`)
	f.Add("POST", "/datacenters/DC/lans", `{"properties":{"public":"true"}}`)
	f.Add("POST", "/ipblocks", `{"properties":{"location":"de/fra","size":" 2 "}}`)
	f.Add("POST", "/k8s/x/nodepools", `{"properties":{"lans":[{"id":"1"},"x",{"id":"1e9"}],"autoScaling":{"minNodeCount":"-1"}}}`)
	srv := newServer()
	req := httptest.NewRequest("POST", BasePath+"/datacenters", strings.NewReader(`{"properties":{"name":"fuzz","location":"de/fra"}}`))
	req.Header.Set("Authorization", srv.AuthHeader())
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	var dc string
	srv.mu.Lock()
	for _, p := range srv.st.Nodes[""].Kids["datacenters"] {
		dc = lastSeg(p)
	}
	srv.mu.Unlock()
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " ?#%\x00") {
			return
		}
		path = strings.ReplaceAll(path, "DC", dc)
		req, err := http.NewRequest(method, "http://127.0.0.1"+BasePath+path, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Authorization", srv.AuthHeader())
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d %s", method, path, body, rec.Code, rec.Body.String())
		}
	})
}
