package ionostest

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPatchMergesPutReplaces(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "p")
	p := "/datacenters/" + dc
	_, s := call(t, srv, "POST", p+"/servers", map[string]any{"properties": map[string]any{"name": "s", "cores": 2, "ram": 2048}})
	sp := p + "/servers/" + s["id"].(string)
	resp, body := call(t, srv, "PATCH", sp, map[string]any{"cores": 4})
	require.Equal(t, 202, resp.StatusCode, "%v", body)
	assert.EqualValues(t, 4, m(body["properties"])["cores"])
	assert.Equal(t, "s", m(body["properties"])["name"], "PATCH keeps what it does not name")
	resp, body = call(t, srv, "PATCH", sp, map[string]any{"ram": 1000})
	assert.Equal(t, 422, resp.StatusCode, "%v", body)

	resp, body = call(t, srv, "PUT", sp, map[string]any{"properties": map[string]any{"cores": 1, "ram": 512}})
	require.Equal(t, 202, resp.StatusCode, "%v", body)
	assert.NotContains(t, m(body["properties"]), "name", "PUT replaces the properties")
	assert.Equal(t, "RUNNING", m(body["properties"])["vmState"], "read-only properties stay")
	resp, body = call(t, srv, "PUT", sp, map[string]any{"properties": map[string]any{"cores": 1}})
	assert.Equal(t, 422, resp.StatusCode, "%v", body)
	resp, body = call(t, srv, "PUT", sp, map[string]any{"cores": 1, "ram": 512})
	assert.Equal(t, 422, resp.StatusCode, "%v", body)

	_, v := call(t, srv, "POST", p+"/volumes", map[string]any{"properties": map[string]any{"size": 10, "licenceType": "LINUX"}})
	resp, _ = call(t, srv, "PATCH", p+"/volumes/"+v["id"].(string), map[string]any{"size": 5})
	assert.Equal(t, 422, resp.StatusCode, "a volume cannot shrink")
	resp, body = call(t, srv, "PATCH", sp, map[string]any{"bootVolume": map[string]any{"id": v["id"]}})
	require.Equal(t, 202, resp.StatusCode, "%v", body)
	assert.Equal(t, srv.URL+p+"/volumes/"+v["id"].(string), m(m(body["properties"])["bootVolume"])["href"])
	resp, _ = call(t, srv, "PATCH", p, map[string]any{"location": "us/las"})
	assert.Equal(t, 422, resp.StatusCode, "a data center cannot move")
	_, d := call(t, srv, "GET", p, nil)
	assert.EqualValues(t, 1, m(d["properties"])["version"])
}

func TestBusyAndDeleteWhenDone(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "b")
	srv.SetCompletionDelay(200 * time.Millisecond)
	resp, s := call(t, srv, "POST", "/datacenters/"+dc+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 256}})
	require.Equal(t, 202, resp.StatusCode)
	_, d := call(t, srv, "GET", "/datacenters/"+dc, nil)
	assert.Equal(t, "BUSY", m(d["metadata"])["state"], "the data center is busy while its server is created")
	assert.Equal(t, "BUSY", m(s["metadata"])["state"])
	assert.Contains(t, m(s["properties"]), "vmState")
	assert.Nil(t, m(s["properties"])["vmState"], "a server being created has vmState null")

	sp := "/datacenters/" + dc + "/servers/" + s["id"].(string)
	resp, _ = call(t, srv, "DELETE", sp, nil)
	require.Equal(t, 202, resp.StatusCode)
	require.NotEmpty(t, resp.Header.Get("Location"))
	resp, _ = call(t, srv, "GET", sp, nil)
	assert.Equal(t, 200, resp.StatusCode, "a deletion takes effect when its request is DONE")
	time.Sleep(220 * time.Millisecond)
	resp, _ = call(t, srv, "GET", sp, nil)
	assert.Equal(t, 404, resp.StatusCode)

	// A failed PATCH is undone when its request turns FAILED.
	srv.SetCompletionDelay(0)
	srv.FailRequests(func(method, _ string) bool { return method == "PATCH" })
	resp, body := call(t, srv, "PATCH", "/datacenters/"+dc, map[string]any{"name": "changed"})
	require.Equal(t, 202, resp.StatusCode)
	assert.Equal(t, "changed", m(body["properties"])["name"])
	_, d = call(t, srv, "GET", "/datacenters/"+dc, nil)
	assert.Equal(t, "b", m(d["properties"])["name"])
	// A failed DELETE leaves the resource.
	srv.FailRequests(func(method, _ string) bool { return method == "DELETE" })
	resp, _ = call(t, srv, "DELETE", "/datacenters/"+dc, nil)
	require.Equal(t, 202, resp.StatusCode)
	resp, _ = call(t, srv, "GET", "/datacenters/"+dc, nil)
	assert.Equal(t, 200, resp.StatusCode)
}

func TestRequestRecord(t *testing.T) {
	srv := newSrv(t)
	resp, _ := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "r", "location": "de/fra"}})
	rid := strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), srv.URL+"/requests/"), "/status")
	_, r0 := call(t, srv, "GET", "/requests/"+rid, nil)
	pr := m(r0["properties"])
	assert.Equal(t, srv.URL+"/datacenters", pr["url"])
	assert.Equal(t, "application/json", m(pr["headers"])["Content-Type"])
	assert.NotContains(t, m(pr["headers"]), "Authorization")
	assert.NotContains(t, m(m(r0["metadata"])["requestStatus"]), "metadata", "depth 0: the status is a reference")
	_, r1 := call(t, srv, "GET", "/requests/"+rid+"?depth=1", nil)
	assert.Equal(t, "DONE", m(m(m(r1["metadata"])["requestStatus"])["metadata"])["status"])
	resp, _ = call(t, srv, "GET", "/requests/"+strings.Repeat("0", 8), nil)
	assert.Equal(t, 404, resp.StatusCode)
}

func TestConnectionReuseCount(t *testing.T) {
	srv := newSrv(t)
	c := srv.Client()
	for range 10 {
		_, _, err := c.Locations.List(context.Background())
		require.NoError(t, err)
	}
	assert.Equal(t, 1, srv.Connections(), "the SDK client reuses its connection")
	assert.Equal(t, 10, srv.Hits("GET", "/locations"))
	srv.ResetCounters()
	assert.Zero(t, srv.Connections())
	assert.Empty(t, srv.HitCounts())
}

// fakeClock is a settable clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (f *fakeClock) Now() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.t }
func (f *fakeClock) Add(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

func TestClock(t *testing.T) {
	clk := &fakeClock{t: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	srv := newSrv(t, WithClock(clk.Now), WithCompletionDelay(time.Hour), WithK8sDelay(time.Hour))
	resp, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "c", "location": "de/fra"}})
	loc := resp.Header.Get("Location")
	assert.Equal(t, "2030-01-02T03:04:05Z", m(dc["metadata"])["createdDate"])
	_, st := call(t, srv, "GET", loc, nil)
	assert.Equal(t, "QUEUED", m(st["metadata"])["status"])
	clk.Add(31 * time.Minute)
	_, st = call(t, srv, "GET", loc, nil)
	assert.Equal(t, "RUNNING", m(st["metadata"])["status"])
	clk.Add(30 * time.Minute)
	_, st = call(t, srv, "GET", loc, nil)
	assert.Equal(t, "DONE", m(st["metadata"])["status"])
	_, k := call(t, srv, "POST", "/k8s", map[string]any{"properties": map[string]any{"name": "k"}})
	assert.Equal(t, "DEPLOYING", m(k["metadata"])["state"])
	clk.Add(time.Hour)
	_, k = call(t, srv, "GET", "/k8s/"+k["id"].(string), nil)
	assert.Equal(t, "ACTIVE", m(k["metadata"])["state"])
}

func TestBootCdromIsAttached(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "cd")
	var cd string
	_, imgs := call(t, srv, "GET", "/images?depth=1", nil)
	for _, it := range l(imgs["items"]) {
		if pr := m(m(it)["properties"]); pr["location"] == "de/fra" && pr["imageType"] == "CDROM" {
			cd = m(it)["id"].(string)
		}
	}
	resp, s := call(t, srv, "POST", "/datacenters/"+dc+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 256, "bootCdrom": cd}})
	require.Equal(t, 202, resp.StatusCode, "%v", s)
	assert.Equal(t, "image", m(m(s["properties"])["bootCdrom"])["type"])
	_, cds := call(t, srv, "GET", "/datacenters/"+dc+"/servers/"+s["id"].(string)+"/cdroms", nil)
	require.Len(t, l(cds["items"]), 1)
	assert.Equal(t, cd, m(l(cds["items"])[0])["id"])
	resp, _ = call(t, srv, "POST", "/datacenters/"+dc+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 256, "bootCdrom": map[string]any{"id": "nope"}}})
	assert.Equal(t, 422, resp.StatusCode)
}

// Attaching a NIC that the data center does not have is 404 and changes
// nothing, for a load balancer and for a LAN (it used to resolve to the
// root of the state and fail with a 500).
func TestAttachUnknownNIC(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "attach")
	resp, lb := call(t, srv, "POST", "/datacenters/"+dc+"/loadbalancers", map[string]any{"properties": map[string]any{"name": "lb"}})
	require.Equal(t, 202, resp.StatusCode, "%v", lb)
	resp, lan := call(t, srv, "POST", "/datacenters/"+dc+"/lans", map[string]any{"properties": map[string]any{"name": "lan"}})
	require.Equal(t, 202, resp.StatusCode, "%v", lan)
	for _, p := range []string{
		"/datacenters/" + dc + "/loadbalancers/" + lb["id"].(string) + "/balancednics",
		"/datacenters/" + dc + "/lans/" + lan["id"].(string) + "/nics",
	} {
		resp, body := call(t, srv, "POST", p, map[string]any{"id": "00000000-0000-4000-8000-000000000000"})
		assert.Equal(t, 404, resp.StatusCode, "%s: %v", p, body)
		resp, list := call(t, srv, "GET", p, nil)
		require.Equal(t, 200, resp.StatusCode)
		assert.Empty(t, l(list["items"]), p)
	}
}
