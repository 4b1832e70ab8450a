package ionostest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos/internal/oascheck"
	"github.com/stretchr/testify/require"
)

// checker validates every answer a walkthrough receives against the v5
// document and keeps the violations.
type checker struct {
	d     *oascheck.Doc
	found oascheck.Findings
	step  func() // called after each request
}

func newChecker(t *testing.T) *checker {
	return &checker{d: loadV5(t), step: func() {}}
}

func (c *checker) call(t *testing.T, srv *Server, method, path string, body any) (*http.Response, map[string]any) {
	t.Helper()
	resp, raw := callRaw(t, srv, method, path, body)
	defer c.step()
	rel := path
	if u, err := url.Parse(strings.TrimPrefix(path, srv.URL)); err == nil {
		rel = u.Path
	}
	c.found.Add(method+" "+rel, c.d.CheckAnswer(method, rel, resp.StatusCode, raw))
	var out map[string]any
	if len(raw) > 0 && raw[0] == '{' {
		require.NoError(t, json.Unmarshal(raw, &out), "%s %s: %s", method, path, raw)
	}
	return resp, out
}

// TestConformanceV5 runs the walkthrough (every operation of the Python SDK
// surface, and the calls of conformanceExtras) twice, once with requests
// DONE at once and once with them taking a second on a fake clock, so that
// BUSY resources are seen too, and validates every answer against the
// response schemas of api/cloudapi-v5.yaml, strictly (see oas_test.go). It
// fails on any violation that is not an erratum of the document (see
// specErrata) and on any erratum that no answer needed.
func TestConformanceV5(t *testing.T) {
	c := newChecker(t)

	srv := newSrv(t)
	pythonWalkthrough(t, srv, c.call, func() {})
	conformanceExtras(t, srv, c.call)

	clk := &fakeClock{t: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	busy := newSrv(t, WithClock(clk.Now), WithCompletionDelay(time.Second), WithK8sDelay(time.Second))
	c.step = func() { clk.Add(400 * time.Millisecond) }
	pythonWalkthrough(t, busy, c.call, func() { clk.Add(2 * time.Second) })
	conformanceExtras(t, busy, c.call)

	bad, unneeded, n, applied := c.found.Verdict(specErrata)
	for _, b := range bad {
		t.Error(b)
	}
	for _, e := range unneeded {
		t.Errorf("erratum %s is not needed by any answer: remove it", e)
	}
	t.Logf("%d answers checked; %d errata of the document applied", n, applied)
}

// conformanceExtras calls the operations beyond the Python SDK surface,
// the composite create of the Python SDK's README, and what the answers of
// issue 13 are about (IP consumers, hot-plug flags, node-pool PUT, ...).
func conformanceExtras(t *testing.T, srv *Server, do caller) {
	t.Helper()
	ok := func(method, path string, body any) map[string]any {
		t.Helper()
		resp, out := do(t, srv, method, path, body)
		require.Contains(t, []int{200, 201, 202}, resp.StatusCode, "%s %s: %v", method, path, out)
		return out
	}
	id := func(v map[string]any) string { return v["id"].(string) }
	P := func(p map[string]any) map[string]any { return map[string]any{"properties": p} }

	ok("GET", "/", nil)
	bare := id(ok("POST", "/datacenters", P(map[string]any{"location": "de/fra"})))
	ok("POST", "/datacenters/"+bare+"/lans", P(map[string]any{}))
	ok("GET", "/datacenters/"+bare+"?depth=2", nil)
	bu := id(ok("POST", "/backupunits", P(map[string]any{"name": "b", "password": "secretsecret"})))
	ok("GET", "/backupunits/"+bu, nil)
	dc := id(ok("POST", "/datacenters?depth=5", compositeBody()))
	D := "/datacenters/" + dc
	ok("GET", D+"?depth=10", nil)
	ok("GET", "/datacenters?depth=3", nil)
	ok("PUT", D, P(map[string]any{"name": "replaced", "location": "us/las"}))
	srvs := ok("GET", D+"/servers?depth=2", nil)
	S := D + "/servers/" + id(m(l(srvs["items"])[0]))
	ok("PUT", S, P(map[string]any{"name": "s", "cores": 2, "ram": 2048}))
	ok("POST", S+"/upgrade", "")
	ok("GET", S+"/volumes?depth=3", nil)
	nics := ok("GET", S+"/nics?depth=3", nil)
	N := S + "/nics/" + id(m(l(nics["items"])[0]))
	ok("PUT", N, P(map[string]any{"lan": 1, "name": "n"}))
	fws := ok("GET", N+"/firewallrules?depth=1", nil)
	ok("PUT", N+"/firewallrules/"+id(m(l(fws["items"])[0])), P(map[string]any{"protocol": "UDP", "portRangeStart": 53, "portRangeEnd": 53}))
	ok("GET", D+"/lans/1/nics?depth=2", nil)
	ok("PUT", D+"/lans/1", P(map[string]any{"name": "public", "public": true}))
	v := id(ok("POST", D+"/volumes", P(map[string]any{"size": 5, "licenceType": "OTHER"})))
	ok("PUT", D+"/volumes/"+v, P(map[string]any{"size": 6, "name": "data"}))

	// An IP block whose IPs a NIC and a load balancer use.
	ipb := ok("POST", "/ipblocks", P(map[string]any{"location": "us/las", "size": 2, "name": "consumed"}))
	ips := l(m(ipb["properties"])["ips"])
	ok("POST", S+"/nics", P(map[string]any{"lan": 1, "ips": []any{ips[0]}}))
	ok("POST", D+"/loadbalancers", P(map[string]any{"name": "lb", "ip": ips[1]}))
	ok("GET", "/ipblocks/"+id(ipb)+"?depth=1", nil)
	ok("PATCH", "/ipblocks/"+id(ipb), map[string]any{"name": "renamed"})
	ok("PUT", "/ipblocks/"+id(ipb), P(map[string]any{"location": "us/las", "size": 2, "name": "again"}))

	for _, p := range []string{D, S, D + "/volumes/" + v, "/ipblocks/" + id(ipb)} {
		ok("POST", p+"/labels", P(map[string]any{"key": "env", "value": "ci"}))
		ok("GET", p+"/labels", nil)
		ok("GET", p+"/labels/env", nil)
		ok("PUT", p+"/labels/env", P(map[string]any{"key": "env", "value": "prod"}))
	}
	labels := ok("GET", "/labels", nil)
	ok("GET", "/labels/"+id(m(l(labels["items"])[0])), nil)
	ok("DELETE", D+"/labels/env", nil)

	ok("GET", "/locations/de?depth=1", nil)
	ok("GET", "/locations?depth=1", nil)
	ok("GET", "/images?depth=1", nil)
	var img string
	for _, it := range l(ok("GET", "/images?depth=1", nil)["items"]) {
		if pr := m(m(it)["properties"]); pr["location"] == "us/las" && pr["imageType"] == "HDD" && img == "" {
			img = id(m(it))
		}
	}
	ok("PUT", "/images/"+img, P(map[string]any{"name": "mine", "licenceType": "LINUX"}))
	snap := ok("POST", D+"/volumes/"+v+"/create-snapshot", "name=s&description=d")
	ok("PUT", "/snapshots/"+id(snap), P(map[string]any{"name": "s2", "licenceType": "LINUX"}))
	ok("GET", "/snapshots/"+id(snap)+"/labels", nil)

	g := id(ok("POST", "/um/groups", P(map[string]any{"name": "g2"})))
	u := id(ok("POST", "/um/users", P(map[string]any{"firstname": "f", "lastname": "l", "email": "conf@example.com", "password": "secretsecret"})))
	ok("POST", "/um/groups/"+g+"/users", map[string]any{"id": u})
	ok("POST", "/um/groups/"+g+"/shares/"+dc, P(map[string]any{"editPrivilege": true}))
	ok("GET", "/um/groups/"+g+"/resources?depth=1", nil)
	ok("GET", "/um/users/"+u+"/groups?depth=1", nil)
	ok("GET", "/um/users/"+u+"/owns?depth=1", nil)
	ok("GET", "/um/users?depth=2", nil)
	ok("GET", "/um/groups?depth=2", nil)
	ok("GET", "/um/resources/ipblock", nil)
	ok("POST", "/um/users/"+u+"/s3keys", nil)

	ok("GET", "/k8s/versions", nil)
	ok("GET", "/k8s/versions/default", nil)
	ok("GET", "/k8s/versions/1.20.15/compatibilities", nil)
	k := id(ok("POST", "/k8s", P(map[string]any{"name": "k", "k8sVersion": "1.20.15"})))
	np := ok("POST", "/k8s/"+k+"/nodepools", P(map[string]any{"name": "np", "datacenterId": dc, "nodeCount": 2, "cpuFamily": "INTEL_SKYLAKE",
		"coresCount": 2, "ramSize": 4096, "availabilityZone": "AUTO", "storageType": "SSD", "storageSize": 20}))
	NP := "/k8s/" + k + "/nodepools/" + id(np)
	ok("PUT", NP, P(map[string]any{"nodeCount": 1}))
	ok("GET", "/k8s?depth=2", nil)
	nodes := ok("GET", NP+"/nodes?depth=1", nil)
	node := id(m(l(nodes["items"])[0]))
	ok("GET", NP+"/nodes/"+node, nil)
	ok("POST", NP+"/nodes/"+node+"/replace", "")
	ok("DELETE", NP+"/nodes/"+node, nil)
	ok("GET", "/requests?depth=2&limit=5", nil)

	// Error answers: the document's Error schema.
	for _, c := range []struct {
		method, path string
		body         any
		status       int
	}{
		{"GET", "/datacenters/00000000-0000-0000-0000-000000000000", nil, 404},
		{"POST", D + "/lans", P(map[string]any{"public": "yes"}), 422},
		{"POST", D + "/servers", P(map[string]any{"cores": 1}), 422},
		{"POST", "/datacenters", "{broken", 400},
		{"PATCH", "/locations/de/fra", map[string]any{"name": "x"}, 405},
		{"GET", "/nowhere", nil, 404},
	} {
		resp, out := do(t, srv, c.method, c.path, c.body)
		require.Equal(t, c.status, resp.StatusCode, "%s %s: %v", c.method, c.path, out)
	}
}

// specErrata is the list of places where the v5 document is wrong about the
// API's answers; nothing else is excused. README.md ("Testing your code:
// the emulator") points here.
var specErrata = []oascheck.Erratum{
	{Kind: "type-object", At: []string{"*.type"},
		Reason: "every resource's and collection's `type` is declared `{allOf: [Type], type: object}`, but Type is a string enum and the API sends a string such as \"datacenter\""},
	{Kind: "reference", At: []string{"*"},
		Reason: "the items of a collection at depth 0, and of entities one level below the requested depth, are references {id, type, href}, as the depth parameter's own description says (\"depth=1: direct properties and children references\"), while the items' schemas require properties"},
	{Kind: "null", At: []string{"FirewallruleProperties.sourceMac", "FirewallruleProperties.sourceIp", "FirewallruleProperties.targetIp",
		"FirewallruleProperties.icmpCode", "FirewallruleProperties.icmpType", "FirewallruleProperties.portRangeStart", "FirewallruleProperties.portRangeEnd"},
		Reason: "the descriptions say \"Value null allows all ...\": an unset filter of a firewall rule reads back null"},
	{Kind: "null", At: []string{"VolumeProperties.deviceNumber", "VolumeProperties.bus"},
		Reason: "deviceNumber is \"Null for volumes not mounted to any VM\"; the bus, like the LUN, belongs to the attachment and is null while the volume is attached to no server"},
	{Kind: "null", At: []string{"VolumeProperties.sshKeys", "VolumeProperties.imagePassword"},
		Reason: "write-only: sshKeys \"When reading, it always returns null\"; imagePassword is \"forbidden in update requests\" and never read back"},
	{Kind: "null", At: []string{"VolumeProperties.image", "VolumeProperties.imageAlias", "VolumeProperties.backupunitId", "LanProperties.pcc", "LanPropertiesPost.pcc",
		"ServerProperties.bootCdrom", "ServerProperties.bootVolume", "NicProperties.nat"},
		Reason: "an optional reference that is not set reads back null (a volume without an image or backup unit, a LAN on no cross-connect \"if any\", a server without a boot device, a NIC created without the deprecated nat)"},
	{Kind: "null", At: []string{"DatacenterProperties.name", "DatacenterProperties.description", "IpBlockProperties.name", "LanProperties.name",
		"LanPropertiesPost.name", "NicProperties.name", "VolumeProperties.name", "BackupUnitProperties.email", "ImageProperties.description"},
		Reason: "a name, description or e-mail that was never given reads back null (the Python SDK itself sends name null on create; public images have no description)"},
	{Kind: "null", At: []string{"ServerProperties.vmState", "SnapshotProperties.size"},
		Reason: "not known yet while the resource is being provisioned: a server being created has no vmState, a snapshot being taken no size"},
	{Kind: "null", At: []string{"UserMetadata.lastLogin"},
		Reason: "a user who never logged in has no last login"},
}
