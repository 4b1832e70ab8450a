package ionostest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnvelopeAndHrefs(t *testing.T) {
	srv := newSrv(t)
	resp, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "a", "location": "us/las"}})
	require.Equal(t, 202, resp.StatusCode)
	loc := resp.Header.Get("Location")
	assert.Regexp(t, `^`+srv.URL+`/requests/[0-9a-f-]{36}/status$`, loc)
	assert.NotEmpty(t, resp.Header.Get("X-RateLimit-Remaining"))
	id := dc["id"].(string)
	assert.Equal(t, "datacenter", dc["type"])
	assert.Equal(t, srv.URL+"/datacenters/"+id, dc["href"])
	md := m(dc["metadata"])
	for _, k := range []string{"etag", "createdDate", "createdBy", "createdByUserId", "lastModifiedDate", "lastModifiedBy", "lastModifiedByUserId", "state"} {
		assert.Contains(t, md, k)
	}
	assert.Equal(t, "us/las", m(dc["properties"])["location"])

	_, list := call(t, srv, "GET", "/datacenters", nil)
	assert.Equal(t, "collection", list["type"])
	assert.Equal(t, "datacenters", list["id"])
	assert.Equal(t, srv.URL+"/datacenters", list["href"])
	assert.Len(t, l(list["items"]), 1)
	assert.EqualValues(t, 0, list["offset"])
	assert.EqualValues(t, 1000, list["limit"])

	_, locs := call(t, srv, "GET", "/locations", nil)
	assert.Len(t, locs, 4, "a location list has id, type, href, items")
	assert.Len(t, l(locs["items"]), len(seedLocations))
	_, las := call(t, srv, "GET", "/locations/us/las?depth=1", nil)
	assert.Equal(t, "us/las", las["id"])
	assert.Contains(t, m(las["properties"])["imageAliases"], "ubuntu:latest")
	_, region := call(t, srv, "GET", "/locations/de", nil)
	assert.Len(t, l(region["items"]), 3)
}

func TestDepthRendering(t *testing.T) {
	srv := newSrv(t)
	resp, dc := call(t, srv, "POST", "/datacenters", compositeBody())
	require.Equal(t, 202, resp.StatusCode, "%v", dc)
	id := dc["id"].(string)

	_, d0 := call(t, srv, "GET", "/datacenters/"+id+"?depth=0", nil)
	assert.NotContains(t, d0, "entities")
	assert.Contains(t, d0, "properties")

	_, d1 := call(t, srv, "GET", "/datacenters/"+id+"?depth=1", nil)
	servers := m(m(d1["entities"])["servers"])
	assert.Equal(t, "collection", servers["type"])
	assert.Equal(t, srv.URL+"/datacenters/"+id+"/servers", servers["href"])
	item := m(l(servers["items"])[0])
	assert.ElementsMatch(t, []string{"id", "type", "href"}, keys(item))

	_, d2 := call(t, srv, "GET", "/datacenters/"+id+"?depth=2", nil)
	item = m(l(m(m(d2["entities"])["servers"])["items"])[0])
	assert.Equal(t, "Python SDK Server", m(item["properties"])["name"])
	nics := l(m(m(item["entities"])["nics"])["items"])
	require.Len(t, nics, 2)
	assert.ElementsMatch(t, []string{"id", "type", "href"}, keys(m(nics[0])), "depth 2: grandchildren are references")

	_, d3 := call(t, srv, "GET", "/datacenters/"+id+"?depth=3", nil)
	item = m(l(m(m(d3["entities"])["servers"])["items"])[0])
	nics = l(m(m(item["entities"])["nics"])["items"])
	require.Len(t, nics, 2)
	assert.Contains(t, m(nics[0]), "properties", "depth 3: grandchildren have properties")

	// Lists: depth 0 is references, depth 1 properties.
	_, l0 := call(t, srv, "GET", "/datacenters?depth=0", nil)
	assert.ElementsMatch(t, []string{"id", "type", "href"}, keys(m(l(l0["items"])[0])))
	_, l1 := call(t, srv, "GET", "/datacenters?depth=1", nil)
	assert.Contains(t, m(l(l1["items"])[0]), "properties")
	assert.Contains(t, m(l(l1["items"])[0]), "entities")

	resp, bad := call(t, srv, "GET", "/datacenters?depth=11", nil)
	assert.Equal(t, 422, resp.StatusCode, "%v", bad)
}

func keys(mp map[string]any) []string {
	var out []string
	for k := range mp {
		out = append(out, k)
	}
	return out
}

func TestCompositeCreate(t *testing.T) {
	srv := newSrv(t)
	resp, dc := call(t, srv, "POST", "/datacenters", compositeBody())
	require.Equal(t, 202, resp.StatusCode, "%v", dc)
	id := dc["id"].(string)
	_, full := call(t, srv, "GET", "/datacenters/"+id+"?depth=5", nil)
	ents := m(full["entities"])
	srvs := l(m(ents["servers"])["items"])
	require.Len(t, srvs, 1)
	server := m(srvs[0])
	sp := m(server["properties"])
	assert.EqualValues(t, 4096, sp["ram"])
	assert.Equal(t, "RUNNING", sp["vmState"])
	vols := l(m(m(server["entities"])["volumes"])["items"])
	require.Len(t, vols, 2)
	assert.Len(t, l(m(ents["volumes"])["items"]), 2, "nested volumes live in the data center")
	boot := m(sp["bootVolume"])
	assert.Equal(t, "volume", boot["type"])
	assert.Contains(t, boot["href"], "/volumes/")
	sys := m(m(vols[0])["properties"])
	assert.Equal(t, "LINUX", sys["licenceType"])
	assert.Nil(t, sys["imagePassword"])
	assert.Contains(t, sys, "sshKeys")
	assert.Nil(t, sys["sshKeys"], "sshKeys is taken on create and always reads back null")
	nics := l(m(m(server["entities"])["nics"])["items"])
	require.Len(t, nics, 2)
	rules := l(m(m(m(nics[0])["entities"])["firewallrules"])["items"])
	require.Len(t, rules, 1)
	assert.Equal(t, "TCP", m(m(rules[0])["properties"])["protocol"])
	lans := l(m(ents["lans"])["items"])
	assert.Len(t, lans, 2, "the LANs the NICs name are created")

	// The README then makes LAN 1 public; LAN 1 lists the public NIC.
	resp, _ = call(t, srv, "PATCH", "/datacenters/"+id+"/lans/1", map[string]any{"name": "Public LAN", "public": true})
	assert.Equal(t, 202, resp.StatusCode)
	_, members := call(t, srv, "GET", "/datacenters/"+id+"/lans/1/nics?depth=1", nil)
	require.Len(t, l(members["items"]), 1)
	assert.Equal(t, "Public NIC", m(m(l(members["items"])[0])["properties"])["name"])

	// Attaching an existing volume by id.
	vid := m(l(m(ents["volumes"])["items"])[1])["id"].(string)
	resp, s2 := call(t, srv, "POST", "/datacenters/"+id+"/servers", map[string]any{
		"properties": map[string]any{"name": "s2", "cores": 1, "ram": 1024},
		"entities":   map[string]any{"volumes": map[string]any{"items": []any{map[string]any{"id": vid}}}},
	})
	require.Equal(t, 202, resp.StatusCode, "%v", s2)
	_, att := call(t, srv, "GET", "/datacenters/"+id+"/servers/"+s2["id"].(string)+"/volumes/"+vid, nil)
	assert.Equal(t, vid, att["id"])

	// An invalid nested item leaves nothing behind.
	before := len(srv.st.Nodes)
	bad := compositeBody()
	m(l(m(m(bad["entities"])["servers"])["items"])[0])["properties"].(map[string]any)["ram"] = 1000
	resp, body := call(t, srv, "POST", "/datacenters", bad)
	assert.Equal(t, 422, resp.StatusCode, "%v", body)
	srv.mu.Lock()
	assert.Equal(t, before, len(srv.st.Nodes))
	srv.mu.Unlock()
}

func TestPagination(t *testing.T) {
	srv := newSrv(t)
	for i := range 5 {
		createDC(t, srv, fmt.Sprint("dc", i))
	}
	_, p := call(t, srv, "GET", "/datacenters?offset=0&limit=2&depth=1", nil)
	assert.Len(t, l(p["items"]), 2)
	links := m(p["_links"])
	assert.NotContains(t, links, "prev")
	require.Contains(t, links, "next")
	assert.True(t, strings.HasPrefix(links["next"].(string), srv.URL+"/datacenters?"))
	_, p2 := call(t, srv, "GET", links["next"].(string), nil)
	assert.EqualValues(t, 2, p2["offset"])
	assert.Contains(t, m(p2["_links"]), "prev")
	_, p3 := call(t, srv, "GET", "/datacenters?offset=4&limit=2", nil)
	assert.Len(t, l(p3["items"]), 1)
	assert.NotContains(t, m(p3["_links"]), "next")
	_, ipb := call(t, srv, "GET", "/ipblocks", nil)
	assert.EqualValues(t, 100, ipb["limit"])
	_, imgs := call(t, srv, "GET", "/images", nil)
	assert.NotContains(t, imgs, "_links", "/images is not paginated")
	resp, _ := call(t, srv, "GET", "/um/users?limit=101", nil)
	assert.Equal(t, 422, resp.StatusCode)
}

func TestRequestLifecycleAndFailure(t *testing.T) {
	srv := newSrv(t, WithRequestTiming(300*time.Millisecond, 300*time.Millisecond))
	resp, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "a", "location": "us/las"}})
	loc := resp.Header.Get("Location")
	assert.Equal(t, "BUSY", m(dc["metadata"])["state"])
	_, st := call(t, srv, "GET", loc, nil)
	assert.Equal(t, "request-status", st["type"])
	assert.True(t, strings.HasSuffix(st["id"].(string), "/status"))
	assert.Equal(t, "QUEUED", m(st["metadata"])["status"])
	targets := l(m(st["metadata"])["targets"])
	require.NotEmpty(t, targets)
	assert.Equal(t, dc["id"], m(m(targets[0])["target"])["id"])
	time.Sleep(320 * time.Millisecond)
	_, st = call(t, srv, "GET", loc, nil)
	assert.Equal(t, "RUNNING", m(st["metadata"])["status"])
	time.Sleep(300 * time.Millisecond)
	_, st = call(t, srv, "GET", loc, nil)
	assert.Equal(t, "DONE", m(st["metadata"])["status"])
	_, got := call(t, srv, "GET", "/datacenters/"+dc["id"].(string), nil)
	assert.Equal(t, "AVAILABLE", m(got["metadata"])["state"])

	rid := strings.TrimSuffix(strings.TrimPrefix(loc, srv.URL+"/requests/"), "/status")
	_, rq := call(t, srv, "GET", "/requests/"+rid, nil)
	assert.Equal(t, "request", rq["type"])
	assert.Equal(t, "POST", m(rq["properties"])["method"])
	assert.Contains(t, m(rq["properties"])["body"], `"location":"us/las"`)

	// FAILED: the change is undone.
	srv.SetCompletionDelay(0)
	srv.FailRequests(func(method, path string) bool { return method == "POST" && path == "/datacenters" })
	resp, dc2 := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "b", "location": "us/las"}})
	require.Equal(t, 202, resp.StatusCode)
	_, st = call(t, srv, "GET", resp.Header.Get("Location"), nil)
	assert.Equal(t, "FAILED", m(st["metadata"])["status"])
	r404, _ := call(t, srv, "GET", "/datacenters/"+dc2["id"].(string), nil)
	assert.Equal(t, 404, r404.StatusCode)
	srv.FailRequests(nil)

	// Filters.
	_, fl := call(t, srv, "GET", "/requests?filter.status=FAILED&depth=1", nil)
	require.Len(t, l(fl["items"]), 1)
	_, fm := call(t, srv, "GET", "/requests?filter.method=post&filter.url=datacenters", nil)
	assert.Len(t, l(fm["items"]), 2)
	future := time.Now().Add(time.Hour).UTC().Format("2006-01-02 15:04:05")
	_, fa := call(t, srv, "GET", "/requests?filter.createdAfter="+strings.ReplaceAll(future, " ", "%20"), nil)
	assert.Empty(t, l(fa["items"]))
}

func TestErrors(t *testing.T) {
	srv := newSrv(t, WithToken("tok"))
	check := func(resp *http.Response, body map[string]any, status int, msg string) {
		t.Helper()
		require.Equal(t, status, resp.StatusCode, "%v", body)
		assert.EqualValues(t, status, body["httpStatus"])
		msgs := l(body["messages"])
		require.Len(t, msgs, 1)
		assert.NotEmpty(t, m(msgs[0])["errorCode"])
		assert.Contains(t, m(msgs[0])["message"], msg)
	}
	resp, body := callAuth(t, srv, "GET", "/datacenters", nil, "")
	check(resp, body, 401, "Unauthorized")
	resp, body = callAuth(t, srv, "GET", "/datacenters", nil, "Basic Zm9vOmJhcg==")
	check(resp, body, 401, "Unauthorized")
	resp, _ = callAuth(t, srv, "GET", "/datacenters", nil, "Bearer tok")
	assert.Equal(t, 200, resp.StatusCode)

	resp, body = call(t, srv, "GET", "/datacenters/00000000-0000-0000-0000-000000000000", nil)
	check(resp, body, 404, "Resource does not exist")
	resp, body = call(t, srv, "GET", "/datacenters/nope/servers", nil)
	check(resp, body, 404, "Resource does not exist")
	resp, body = call(t, srv, "POST", "/datacenters/nope/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 256}})
	check(resp, body, 404, "Resource does not exist")
	resp, body = call(t, srv, "DELETE", "/datacenters", nil)
	check(resp, body, 405, "not allowed")
	resp, body = call(t, srv, "PATCH", "/um/groups/x", map[string]any{})
	check(resp, body, 405, "not allowed")
	resp, body = call(t, srv, "POST", "/datacenters", `{"properties": {`)
	check(resp, body, 400, "invalid JSON")

	dc := createDC(t, srv, "x")
	cases := []struct {
		path string
		body any
		msg  string
	}{
		{"/datacenters", map[string]any{"properties": map[string]any{"name": "x"}}, "Attribute 'location' is required"},
		{"/datacenters/" + dc + "/servers", map[string]any{"properties": map[string]any{"ram": 1024}}, "Attribute 'cores' is required"},
		{"/datacenters/" + dc + "/servers", map[string]any{"properties": map[string]any{"cores": 1}}, "Attribute 'ram' is required"},
		{"/datacenters/" + dc + "/volumes", map[string]any{"properties": map[string]any{"name": "v"}}, "Attribute 'size' is required"},
		{"/datacenters/" + dc + "/lans", map[string]any{"properties": map[string]any{"public": "yes"}}, "Attribute 'public' has an invalid value 'yes'"},
		{"/datacenters/" + dc + "/lans", map[string]any{"properties": map[string]any{"public": 1}}, "Attribute 'public' has an invalid type"},
		{"/datacenters/" + dc + "/servers", map[string]any{"properties": map[string]any{"cores": "two", "ram": 1024}}, "Attribute 'cores' has an invalid value 'two'"},
		{"/datacenters/" + dc + "/servers", map[string]any{"properties": map[string]any{"cores": true, "ram": 1024}}, "Attribute 'cores' has an invalid type"},
		{"/ipblocks", map[string]any{"properties": map[string]any{"location": "us/las", "size": "2.5"}}, "Attribute 'size' has an invalid value '2.5'"},
		{"/um/users", map[string]any{"properties": map[string]any{"firstname": "a", "lastname": "b", "password": "x"}}, "Attribute 'email' is required"},
		{"/um/groups", map[string]any{"properties": map[string]any{}}, "Attribute 'name' is required"},
		{"/datacenters", []any{1}, "JSON object"},
	}
	for _, tc := range cases {
		resp, body := call(t, srv, "POST", tc.path, tc.body)
		check(resp, body, 422, tc.msg)
	}
	resp, srvBody := call(t, srv, "POST", "/datacenters/"+dc+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 1024}})
	require.Equal(t, 202, resp.StatusCode)
	sid := srvBody["id"].(string)
	resp, nic := call(t, srv, "POST", "/datacenters/"+dc+"/servers/"+sid+"/nics", map[string]any{"properties": map[string]any{"name": "n"}})
	check(resp, nic, 422, "Attribute 'lan' is required")
	resp, nic = call(t, srv, "POST", "/datacenters/"+dc+"/servers/"+sid+"/nics", map[string]any{"properties": map[string]any{"lan": 1}})
	require.Equal(t, 202, resp.StatusCode)
	resp, body = call(t, srv, "POST", "/datacenters/"+dc+"/servers/"+sid+"/nics/"+nic["id"].(string)+"/firewallrules", map[string]any{"properties": map[string]any{"name": "r"}})
	check(resp, body, 422, "Attribute 'protocol' is required")
	resp, body = call(t, srv, "PUT", "/k8s/x", map[string]any{"name": "flat"})
	check(resp, body, 404, "Resource does not exist")
}

func TestK8sLifecycle(t *testing.T) {
	srv := newSrv(t, WithK8sDelay(300*time.Millisecond))
	dc := createDC(t, srv, "k")
	resp, k := call(t, srv, "POST", "/k8s", map[string]any{"properties": map[string]any{"name": "c1"}})
	require.Equal(t, 202, resp.StatusCode, "%v", k)
	assert.Empty(t, resp.Header.Get("Location"), "k8s writes have no request")
	assert.Equal(t, "DEPLOYING", m(k["metadata"])["state"])
	kid := k["id"].(string)
	resp, np := call(t, srv, "POST", "/k8s/"+kid+"/nodepools", map[string]any{"properties": map[string]any{
		"name": "np", "datacenterId": dc, "nodeCount": 2, "cpuFamily": "AMD_OPTERON", "coresCount": 2, "ramSize": 2048,
		"availabilityZone": "AUTO", "storageType": "HDD", "storageSize": 20}})
	require.Equal(t, 202, resp.StatusCode, "%v", np)
	assert.Equal(t, "DEPLOYING", m(np["metadata"])["state"])
	time.Sleep(320 * time.Millisecond)
	_, k2 := call(t, srv, "GET", "/k8s/"+kid, nil)
	assert.Equal(t, "ACTIVE", m(k2["metadata"])["state"])
	_, kc := call(t, srv, "GET", "/k8s/"+kid+"/kubeconfig", nil)
	assert.Equal(t, "kubeconfig", kc["type"])
	assert.Contains(t, m(kc["properties"])["kubeconfig"], "apiVersion: v1")

	npp := "/k8s/" + kid + "/nodepools/" + np["id"].(string)
	resp, up := call(t, srv, "PUT", npp, map[string]any{"properties": map[string]any{"nodeCount": 3}})
	require.Equal(t, 202, resp.StatusCode, "%v", up)
	assert.Equal(t, "UPDATING", m(up["metadata"])["state"])
	assert.EqualValues(t, 3, m(up["properties"])["nodeCount"])
	assert.Equal(t, dc, m(up["properties"])["datacenterId"], "a node pool PUT keeps what cannot change")
	resp, _ = call(t, srv, "PUT", npp, map[string]any{"properties": map[string]any{"name": "x"}})
	assert.Equal(t, 422, resp.StatusCode, "nodeCount is required")
	resp, _ = call(t, srv, "PUT", "/k8s/"+kid, map[string]any{"properties": map[string]any{"name": "c2", "k8sVersion": "1.18.9"}})
	assert.Equal(t, 200, resp.StatusCode, "the v5 spec declares 200 for a cluster PUT")
	resp, _ = call(t, srv, "PUT", "/k8s/"+kid, map[string]any{"name": "flat"})
	assert.Equal(t, 422, resp.StatusCode, "a flat PUT (Python's update_k8s_cluster) is refused")
	resp, _ = call(t, srv, "DELETE", "/k8s/"+kid, nil)
	assert.Equal(t, 202, resp.StatusCode)
	assert.Empty(t, resp.Header.Get("Location"))
	_, k3 := call(t, srv, "GET", "/k8s/"+kid, nil)
	assert.Equal(t, "DESTROYING", m(k3["metadata"])["state"])
	time.Sleep(320 * time.Millisecond)
	resp, _ = call(t, srv, "GET", "/k8s/"+kid, nil)
	assert.Equal(t, 404, resp.StatusCode)
	resp, _ = call(t, srv, "GET", "/k8s/"+kid+"/nodepools/"+np["id"].(string), nil)
	assert.Equal(t, 404, resp.StatusCode)
}

func TestRateLimit(t *testing.T) {
	srv := newSrv(t, WithRateLimit(60, 2))
	for range 2 {
		resp, _ := call(t, srv, "GET", "/locations", nil)
		require.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, "60", resp.Header.Get("X-RateLimit-Limit"))
		assert.Equal(t, "2", resp.Header.Get("X-RateLimit-Burst"))
	}
	resp, body := call(t, srv, "GET", "/locations", nil)
	assert.Equal(t, 429, resp.StatusCode)
	assert.EqualValues(t, 429, body["httpStatus"])
	assert.Equal(t, "1", resp.Header.Get("Retry-After"))
	assert.Equal(t, "0", resp.Header.Get("X-RateLimit-Remaining"))
	srv.SetRateLimit(0, 0)
	resp, _ = call(t, srv, "GET", "/locations", nil)
	assert.Equal(t, 200, resp.StatusCode)
}

func TestFaults(t *testing.T) {
	srv := newSrv(t)
	get := func() (*http.Response, error) {
		req, _ := http.NewRequest("GET", srv.URL+"/datacenters", nil)
		req.Header.Set("Authorization", srv.AuthHeader())
		return testHTTP.Do(req)
	}
	for _, st := range []int{500, 502, 503, 504} {
		srv.InjectFault(Fault{Kind: FaultStatus, Status: st, Path: "/datacenters", Times: 1})
		resp, body := call(t, srv, "GET", "/datacenters", nil)
		assert.Equal(t, st, resp.StatusCode)
		assert.EqualValues(t, st, body["httpStatus"])
	}
	srv.InjectFault(Fault{Kind: FaultHTML, Times: 1})
	resp, err := get()
	require.NoError(t, err)
	raw := make([]byte, 512)
	n, _ := resp.Body.Read(raw)
	resp.Body.Close()
	assert.Equal(t, 502, resp.StatusCode)
	assert.Contains(t, string(raw[:n]), "502 Bad Gateway")
	assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")

	srv.InjectFault(Fault{Kind: FaultResetBefore, Times: 1})
	_, err = get()
	assert.Error(t, err)

	srv.InjectFault(Fault{Kind: FaultTruncate, Times: 1})
	resp, err = get()
	if err == nil {
		_, err = readAll(resp)
	}
	assert.Error(t, err, "a truncated body fails to read")

	remove := srv.InjectFault(Fault{Kind: FaultLatency, Latency: 80 * time.Millisecond})
	start := time.Now()
	resp, err = get()
	require.NoError(t, err)
	resp.Body.Close()
	assert.GreaterOrEqual(t, time.Since(start), 80*time.Millisecond)
	remove()

	srv.InjectFault(Fault{Kind: FaultResetAfter, Method: "POST", Path: "/datacenters", Times: 1})
	req, _ := http.NewRequest("POST", srv.URL+"/datacenters", strings.NewReader(`{"properties":{"name":"r","location":"us/las"}}`))
	req.Header.Set("Authorization", srv.AuthHeader())
	_, err = testHTTP.Do(req)
	assert.Error(t, err)
	_, list := call(t, srv, "GET", "/datacenters", nil)
	assert.Len(t, l(list["items"]), 1, "the request was processed before the reset")

	// Random faults with a probability.
	srv.InjectFault(Fault{Kind: FaultStatus, Status: 503, Probability: 0.5, Path: "/locations"})
	codes := map[int]int{}
	for range 40 {
		resp, _ := call(t, srv, "GET", "/locations", nil)
		codes[resp.StatusCode]++
	}
	assert.Positive(t, codes[503])
	assert.Positive(t, codes[200])
	srv.ClearFaults()
	assert.Equal(t, 40, srv.Hits("GET", "/locations"))
}

func readAll(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return out, err
		}
	}
}

func TestConcurrency(t *testing.T) {
	srv := newSrv(t)
	c := srv.Client()
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 5 {
				dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: fmt.Sprint("c", i, "-", j), Location: "de/fra"})
				if err != nil {
					errs <- err
					return
				}
				if _, err := c.WaitForCompletion(ctx, resp); err != nil {
					errs <- err
				}
				if _, _, err := c.Datacenters.List(ctx); err != nil {
					errs <- err
				}
				if j%2 == 0 {
					if _, err := c.Datacenters.Delete(ctx, dc.ID); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list, _, err := c.Datacenters.List(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 20)
	assert.Positive(t, srv.Connections())
	assert.Less(t, srv.Connections(), 40, "the client reuses connections")
}

func TestSnapshotRestore(t *testing.T) {
	srv := newSrv(t)
	resp, dc := call(t, srv, "POST", "/datacenters", compositeBody())
	require.Equal(t, 202, resp.StatusCode)
	snap, err := srv.Snapshot()
	require.NoError(t, err)

	other := newSrv(t, WithoutSeed())
	require.NoError(t, other.Restore(snap))
	_, a := call(t, srv, "GET", "/datacenters/"+dc["id"].(string)+"?depth=5", nil)
	_, b := call(t, other, "GET", "/datacenters/"+dc["id"].(string)+"?depth=5", nil)
	require.NotNil(t, b["properties"])
	assert.Equal(t, m(a["properties"]), m(b["properties"]))
	_, img := call(t, other, "GET", "/images/"+SeedUbuntuImageLasVegas, nil)
	assert.Equal(t, "HDD", m(img["properties"])["imageType"])
	_, reqs := call(t, other, "GET", "/requests", nil)
	assert.Len(t, l(reqs["items"]), 1)

	assert.Error(t, other.Restore([]byte(`{"format":1,"nodes":`)))
	assert.Error(t, other.Restore([]byte(`{"format":99}`)))
	assert.Error(t, other.Restore([]byte(`{"format":1,"nodes":{}}`)))
	_, still := call(t, other, "GET", "/datacenters", nil)
	assert.Len(t, l(still["items"]), 1, "a refused restore keeps the state")
}

func TestOtherFamilies(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "f")
	p := "/datacenters/" + dc
	_, vol := call(t, srv, "POST", p+"/volumes", map[string]any{"properties": map[string]any{"size": 10, "imageAlias": "debian:latest", "imagePassword": "pw12345678"}})
	require.NotNil(t, vol["id"], "%v", vol)
	vid := vol["id"].(string)
	resp, sn := call(t, srv, "POST", p+"/volumes/"+vid+"/create-snapshot", "name=s1&description=None")
	require.Equal(t, 202, resp.StatusCode, "%v", sn)
	assert.Equal(t, "snapshot", sn["type"])
	resp, _ = call(t, srv, "POST", p+"/volumes/"+vid+"/restore-snapshot", "snapshotId="+sn["id"].(string))
	assert.Equal(t, 202, resp.StatusCode)
	_, s := call(t, srv, "POST", p+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 512}})
	sid := s["id"].(string)
	resp, _ = call(t, srv, "POST", p+"/servers/"+sid+"/volumes", map[string]any{"id": vid})
	assert.Equal(t, 202, resp.StatusCode)
	_, img := call(t, srv, "GET", "/images?depth=1", nil)
	var cd string
	for _, it := range l(img["items"]) {
		pr := m(m(it)["properties"])
		if pr["imageType"] == "CDROM" && pr["location"] == "de/fra" {
			cd = m(it)["id"].(string)
		}
	}
	resp, _ = call(t, srv, "POST", p+"/servers/"+sid+"/cdroms", map[string]any{"id": cd})
	assert.Equal(t, 202, resp.StatusCode)
	_, cds := call(t, srv, "GET", p+"/servers/"+sid+"/cdroms", nil)
	assert.Len(t, l(cds["items"]), 1)
	resp, _ = call(t, srv, "POST", p+"/servers/"+sid+"/stop", "")
	assert.Equal(t, 202, resp.StatusCode)
	_, sv := call(t, srv, "GET", p+"/servers/"+sid, nil)
	assert.Equal(t, "SHUTOFF", m(sv["properties"])["vmState"])
	resp, _ = call(t, srv, "DELETE", p+"/servers/"+sid+"/volumes/"+vid, nil)
	assert.Equal(t, 202, resp.StatusCode)
	_, vs := call(t, srv, "GET", p+"/servers/"+sid+"/volumes", nil)
	assert.Empty(t, l(vs["items"]))

	_, nic := call(t, srv, "POST", p+"/servers/"+sid+"/nics", map[string]any{"properties": map[string]any{"lan": 3}})
	_, lb := call(t, srv, "POST", p+"/loadbalancers", map[string]any{"properties": map[string]any{"name": "lb"}})
	resp, _ = call(t, srv, "POST", p+"/loadbalancers/"+lb["id"].(string)+"/balancednics", map[string]any{"id": nic["id"]})
	assert.Equal(t, 202, resp.StatusCode)
	_, bn := call(t, srv, "GET", p+"/loadbalancers/"+lb["id"].(string)+"/balancednics/"+nic["id"].(string), nil)
	assert.Equal(t, nic["id"], bn["id"])

	_, g := call(t, srv, "POST", "/um/groups", map[string]any{"properties": map[string]any{"name": "g", "createDataCenter": true}})
	gid := g["id"].(string)
	_, u := call(t, srv, "POST", "/um/users", map[string]any{"properties": map[string]any{"firstname": "a", "lastname": "b", "email": "a@b.c", "password": "secretsecret"}})
	uid := u["id"].(string)
	assert.NotContains(t, m(u["properties"]), "password")
	resp, _ = call(t, srv, "POST", "/um/groups/"+gid+"/users", map[string]any{"id": uid})
	assert.Equal(t, 202, resp.StatusCode)
	_, ug := call(t, srv, "GET", "/um/users/"+uid+"/groups", nil)
	assert.Len(t, l(ug["items"]), 1)
	resp, sh := call(t, srv, "POST", "/um/groups/"+gid+"/shares/"+dc, map[string]any{"properties": map[string]any{"editPrivilege": true}})
	require.Equal(t, 202, resp.StatusCode, "%v", sh)
	assert.Equal(t, "resource", sh["type"])
	resp, _ = call(t, srv, "PUT", "/um/groups/"+gid, map[string]any{"properties": map[string]any{"name": "g2"}})
	assert.Equal(t, 202, resp.StatusCode)
	resp, uu := call(t, srv, "PUT", "/um/users/"+uid, map[string]any{"properties": map[string]any{"firstname": "A", "lastname": "B", "email": "a@b.c", "administrator": true, "forceSecAuth": false}})
	require.Equal(t, 202, resp.StatusCode, "%v", uu)
	assert.Equal(t, true, m(uu["properties"])["administrator"])
	assert.Equal(t, true, m(uu["properties"])["active"], "read-only user properties stay")
	resp, _ = call(t, srv, "POST", "/um/users", map[string]any{"properties": map[string]any{"firstname": "a", "lastname": "b", "email": "A@b.c", "password": "secretsecret"}})
	assert.Equal(t, 422, resp.StatusCode, "e-mail addresses are unique")
	_, k := call(t, srv, "POST", "/um/users/"+uid+"/s3keys", nil)
	assert.Equal(t, "s3key", k["type"])
	assert.NotEmpty(t, m(k["properties"])["secretKey"])
	_, sso := call(t, srv, "GET", "/um/users/"+uid+"/s3ssourl", nil)
	assert.NotEmpty(t, sso["ssoUrl"])
	_, res := call(t, srv, "GET", "/um/resources/datacenter", nil)
	assert.Len(t, l(res["items"]), 1)
	_, one := call(t, srv, "GET", "/um/resources/datacenter/"+dc, nil)
	assert.Equal(t, dc, one["id"])
	_, ct := call(t, srv, "GET", "/contracts", nil)
	assert.Equal(t, "contract", ct["type"])
	assert.EqualValues(t, 1, m(m(ct["properties"])["resourceLimits"])["coresProvisioned"])
	_, pcc := call(t, srv, "POST", "/pccs", map[string]any{"properties": map[string]any{"name": "p"}})
	resp, _ = call(t, srv, "PATCH", "/pccs/"+pcc["id"].(string), map[string]any{"description": "d"})
	assert.Equal(t, 202, resp.StatusCode)
	_, bu := call(t, srv, "POST", "/backupunits", map[string]any{"properties": map[string]any{"name": "b", "password": "pw", "email": "a@b.c"}})
	_, bsso := call(t, srv, "GET", "/backupunits/"+bu["id"].(string)+"/ssourl", nil)
	assert.NotEmpty(t, bsso["ssoUrl"])
	_, ipb := call(t, srv, "POST", "/ipblocks", map[string]any{"properties": map[string]any{"location": "de/fra", "size": 2}})
	assert.Len(t, l(m(ipb["properties"])["ips"]), 2)

	// Delete a data center: everything below goes.
	resp, _ = call(t, srv, "DELETE", p, nil)
	assert.Equal(t, 202, resp.StatusCode)
	resp, _ = call(t, srv, "GET", p+"/servers/"+sid, nil)
	assert.Equal(t, 404, resp.StatusCode)
}

func TestSDK(t *testing.T) {
	srv := newSrv(t)
	c := srv.Client()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "sdk", Location: "us/las", Description: "d"})
	require.NoError(t, err)
	require.NotEmpty(t, resp.RequestID)
	st, err := c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	assert.Equal(t, ionos.RequestDone, st.Metadata.Status)
	got, _, err := c.Datacenters.Get(ctx, dc.ID)
	require.NoError(t, err)
	assert.Equal(t, "sdk", got.Properties.Name)
	list, _, err := c.Datacenters.List(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 1)
	loc, _, err := c.Locations.Get(ctx, "us/las")
	require.NoError(t, err)
	assert.Equal(t, "us/las", loc.ID)
	reqs, _, err := c.Requests.List(ctx, ionos.WithRequestFilter(ionos.RequestFilter{Method: "POST", Status: ionos.RequestDone}))
	require.NoError(t, err)
	assert.Len(t, reqs, 1)
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, _, err = c.Datacenters.Get(ctx, dc.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)

	srv.FailRequests(func(string, string) bool { return true })
	_, resp, err = c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "f", Location: "us/las"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	assert.Error(t, err)
	srv.FailRequests(nil)

	// A POST whose connection is reset after processing: unknown outcome,
	// and the server saw it exactly once.
	before := srv.Hits("POST", "/datacenters")
	srv.InjectFault(Fault{Kind: FaultResetAfter, Method: "POST", Path: "/datacenters", Times: 1})
	_, _, err = c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "reset", Location: "us/las"})
	require.Error(t, err)
	assert.ErrorIs(t, err, ionos.ErrUnknownOutcome)
	assert.Equal(t, before+1, srv.Hits("POST", "/datacenters"))
	found := 0
	list, _, err = c.Datacenters.List(ctx)
	require.NoError(t, err)
	for _, d := range list {
		if d.Properties.Name == "reset" {
			found++
		}
	}
	assert.Equal(t, 1, found)

	// A wrong password is ErrNotAuthorized.
	bad, err := ionos.NewClient(ionos.WithBaseURL(srv.URL), ionos.WithBasicAuth("x", "y"))
	require.NoError(t, err)
	defer bad.CloseIdleConnections()
	_, _, err = bad.Datacenters.List(ctx)
	assert.ErrorIs(t, err, ionos.ErrNotAuthorized)
}
