package ionostest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The answers of issue 13, item 3: where the fake used to differ from the
// live API.

func TestVolumeBusNullUntilAttached(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "bus")
	D := "/datacenters/" + dc
	resp, v := call(t, srv, "POST", D+"/volumes", map[string]any{"properties": map[string]any{"size": 10, "licenceType": "LINUX", "bus": "IDE"}})
	require.Equal(t, 202, resp.StatusCode, "%v", v)
	pr := m(v["properties"])
	assert.Contains(t, pr, "bus")
	assert.Nil(t, pr["bus"], "a volume attached to no server has bus null")
	assert.Nil(t, pr["deviceNumber"])

	_, s := call(t, srv, "POST", D+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 1024}})
	S := D + "/servers/" + s["id"].(string)
	resp, _ = call(t, srv, "POST", S+"/volumes", map[string]any{"id": v["id"]})
	require.Equal(t, 202, resp.StatusCode)
	_, got := call(t, srv, "GET", D+"/volumes/"+v["id"].(string), nil)
	assert.Equal(t, "IDE", m(got["properties"])["bus"], "attached, the volume shows the bus it asked for")
	assert.EqualValues(t, 1, m(got["properties"])["deviceNumber"])

	resp, _ = call(t, srv, "DELETE", S+"/volumes/"+v["id"].(string), nil)
	require.Equal(t, 202, resp.StatusCode)
	_, got = call(t, srv, "GET", D+"/volumes/"+v["id"].(string), nil)
	assert.Nil(t, m(got["properties"])["bus"], "detached again: bus null")
	assert.Nil(t, m(got["properties"])["deviceNumber"])
}

func TestVolumeHotPlugFlags(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "hp")
	D := "/datacenters/" + dc
	_, v := call(t, srv, "POST", D+"/volumes", map[string]any{"properties": map[string]any{"size": 10, "licenceType": "OTHER"}})
	pr := m(v["properties"])
	for _, k := range volumeHotPlug {
		if assert.Contains(t, pr, k) {
			assert.Equal(t, false, pr[k], "%s of a volume without an image", k)
		}
	}
	for _, k := range []string{"cpuHotUnplug", "ramHotUnplug", "discScsiHotPlug", "discScsiHotUnplug"} {
		assert.NotContains(t, pr, k, "not a volume property of the spec")
	}
	// After a PUT that leaves them out, they read false again.
	resp, put := call(t, srv, "PUT", D+"/volumes/"+v["id"].(string), map[string]any{"properties": map[string]any{"size": 11, "cpuHotPlug": true}})
	require.Equal(t, 202, resp.StatusCode, "%v", put)
	assert.Equal(t, true, m(put["properties"])["cpuHotPlug"])
	assert.Equal(t, false, m(put["properties"])["ramHotPlug"])
	assert.Equal(t, "OTHER", m(put["properties"])["licenceType"], "a PUT keeps what is fixed at creation")

	// With a public image, the image's capabilities.
	img := seededImage(t, srv, "de/fra", "HDD", "ubuntu")
	_, v2 := call(t, srv, "POST", D+"/volumes", map[string]any{"properties": map[string]any{"size": 10, "image": img["id"], "imagePassword": "Secret123"}})
	ip := m(img["properties"])
	for _, k := range volumeHotPlug {
		assert.Equal(t, ip[k], m(v2["properties"])[k], k)
	}
}

func TestUMResourcesOfATypeAreResources(t *testing.T) {
	srv := newSrv(t)
	createDC(t, srv, "r")
	for _, p := range []string{"/um/resources", "/um/resources/datacenter", "/um/resources/image"} {
		resp, body := call(t, srv, "GET", p, nil)
		require.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, "resources", body["id"], p)
		assert.Equal(t, "collection", body["type"], p)
		assert.NotEmpty(t, l(body["items"]), p)
	}
}

func TestVolumeSSHKeysReadNull(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "ssh")
	img := seededImage(t, srv, "de/fra", "HDD", "ubuntu")
	resp, v := call(t, srv, "POST", "/datacenters/"+dc+"/volumes", map[string]any{"properties": map[string]any{
		"size": 10, "image": img["id"], "sshKeys": []any{"ssh-ed25519 AAAAC3Nza"}}})
	require.Equal(t, 202, resp.StatusCode, "%v", v)
	pr := m(v["properties"])
	require.Contains(t, pr, "sshKeys")
	assert.Nil(t, pr["sshKeys"], "taken on create, read back null")
	_, got := call(t, srv, "GET", "/datacenters/"+dc+"/volumes/"+v["id"].(string), nil)
	assert.Contains(t, m(got["properties"]), "sshKeys")
	assert.Nil(t, m(got["properties"])["sshKeys"])
}

func TestNICNatNullUnlessSet(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "nat")
	_, s := call(t, srv, "POST", "/datacenters/"+dc+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 1024}})
	S := "/datacenters/" + dc + "/servers/" + s["id"].(string)
	_, n := call(t, srv, "POST", S+"/nics", map[string]any{"properties": map[string]any{"lan": 1}})
	require.Contains(t, m(n["properties"]), "nat")
	assert.Nil(t, m(n["properties"])["nat"])
	_, n2 := call(t, srv, "POST", S+"/nics", map[string]any{"properties": map[string]any{"lan": 1, "nat": false}})
	assert.Equal(t, false, m(n2["properties"])["nat"])
}

func TestS3KeyCreateAnswers200(t *testing.T) {
	srv := newSrv(t)
	_, u := call(t, srv, "POST", "/um/users", map[string]any{"properties": map[string]any{"firstname": "a", "lastname": "b", "email": "s3@example.com", "password": "secretsecret"}})
	U := "/um/users/" + u["id"].(string)
	resp, k := call(t, srv, "POST", U+"/s3keys", nil)
	require.Equal(t, 200, resp.StatusCode, "%v", k)
	assert.NotEmpty(t, m(k["properties"])["secretKey"])
	assert.Equal(t, true, m(k["properties"])["active"])
	md := m(k["metadata"])
	assert.ElementsMatch(t, []string{"etag", "createdDate"}, keys(md), "S3KeyMetadata declares etag and createdDate only")

	_, got := call(t, srv, "GET", U, nil)
	assert.ElementsMatch(t, []string{"etag", "createdDate", "lastLogin"}, keys(m(got["metadata"])), "UserMetadata")
}

func TestNodePoolPutKeepsNameAndVersion(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "np")
	_, k := call(t, srv, "POST", "/k8s", map[string]any{"properties": map[string]any{"name": "k", "k8sVersion": "1.20.15"}})
	K := "/k8s/" + k["id"].(string)
	_, np := call(t, srv, "POST", K+"/nodepools", map[string]any{"properties": map[string]any{"name": "pool", "datacenterId": dc, "nodeCount": 2,
		"cpuFamily": "INTEL_SKYLAKE", "coresCount": 2, "ramSize": 4096, "availabilityZone": "AUTO", "storageType": "SSD", "storageSize": 20,
		"k8sVersion": "1.20.15", "labels": map[string]any{"a": "b"}}})
	NP := K + "/nodepools/" + np["id"].(string)
	resp, up := call(t, srv, "PUT", NP, map[string]any{"properties": map[string]any{"nodeCount": 3}})
	require.Equal(t, 202, resp.StatusCode, "%v", up)
	pr := m(up["properties"])
	assert.Equal(t, "pool", pr["name"])
	assert.Equal(t, "1.20.15", pr["k8sVersion"])
	assert.NotContains(t, pr, "labels", "what the PUT replaces and leaves out is gone")
	resp, up = call(t, srv, "PUT", NP, map[string]any{"properties": map[string]any{"nodeCount": 3, "k8sVersion": "1.21.14"}})
	require.Equal(t, 202, resp.StatusCode, "%v", up)
	assert.Equal(t, "1.21.14", m(up["properties"])["k8sVersion"], "given, it changes")
}

func TestIPBlockConsumers(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "ipc")
	D := "/datacenters/" + dc
	_, b := call(t, srv, "POST", "/ipblocks", map[string]any{"properties": map[string]any{"location": "de/fra", "size": 3}})
	B := "/ipblocks/" + b["id"].(string)
	assert.Equal(t, []any{}, m(b["properties"])["ipConsumers"], "none yet")
	ips := l(m(b["properties"])["ips"])
	require.Len(t, ips, 3)
	_, s := call(t, srv, "POST", D+"/servers", map[string]any{"properties": map[string]any{"name": "web", "cores": 1, "ram": 1024}})
	_, n := call(t, srv, "POST", D+"/servers/"+s["id"].(string)+"/nics", map[string]any{"properties": map[string]any{"lan": 1, "ips": []any{ips[0]}}})
	call(t, srv, "POST", D+"/loadbalancers", map[string]any{"properties": map[string]any{"name": "lb", "ip": ips[2]}})

	_, got := call(t, srv, "GET", B, nil)
	cons := l(m(got["properties"])["ipConsumers"])
	require.Len(t, cons, 2)
	nic := m(cons[0])
	assert.Equal(t, ips[0], nic["ip"])
	assert.Equal(t, n["id"], nic["nicId"])
	assert.Equal(t, m(n["properties"])["mac"], nic["mac"])
	assert.Equal(t, s["id"], nic["serverId"])
	assert.Equal(t, "web", nic["serverName"])
	assert.Equal(t, dc, nic["datacenterId"])
	assert.Equal(t, "ipc", nic["datacenterName"])
	assert.Equal(t, ips[2], m(cons[1])["ip"])
	assert.Equal(t, dc, m(cons[1])["datacenterId"])
}

func TestPublicImagesDescriptionNull(t *testing.T) {
	srv := newSrv(t)
	_, imgs := call(t, srv, "GET", "/images?depth=1", nil)
	require.NotEmpty(t, l(imgs["items"]))
	for _, it := range l(imgs["items"]) {
		pr := m(m(it)["properties"])
		require.Contains(t, pr, "description")
		assert.Nil(t, pr["description"], "%v", pr["name"])
	}
}

// seededImage finds a public image of a kind whose name contains family
// (case-insensitive) in a location.
func seededImage(t *testing.T, srv *Server, loc, kind, family string) map[string]any {
	t.Helper()
	_, imgs := call(t, srv, "GET", "/images?depth=1", nil)
	for _, it := range l(imgs["items"]) {
		pr := m(m(it)["properties"])
		if pr["location"] == loc && pr["imageType"] == kind && containsFold(str(pr["name"]), family) {
			return m(it)
		}
	}
	t.Fatalf("no %s %s image in %s", family, kind, loc)
	return nil
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// Issue 13, item 4: the seeded catalogue looks like the live API's.
func TestSeededCatalogue(t *testing.T) {
	srv := newSrv(t)
	_, locs := call(t, srv, "GET", "/locations?depth=1", nil)
	var ids []string
	for _, it := range l(locs["items"]) {
		ids = append(ids, str(m(it)["id"]))
		pr := m(m(it)["properties"])
		assert.NotEmpty(t, pr["name"])
		assert.Contains(t, pr["imageAliases"], "ubuntu:latest")
		assert.Contains(t, pr["imageAliases"], "windows:2022")
		assert.NotContains(t, pr, "cpuArchitecture", "a v6 field: the v5 document has none")
	}
	assert.Subset(t, ids, []string{"de/fra", "de/fkb", "de/txl", "gb/lhr", "us/las", "us/ewr", "es/vit", "fr/par"})

	// "Find the Ubuntu image in de/fra", as a newcomer would.
	_, imgs := call(t, srv, "GET", "/images?depth=1", nil)
	perLoc := map[string]int{}
	for _, it := range l(imgs["items"]) {
		pr := m(m(it)["properties"])
		perLoc[str(pr["location"])]++
		assert.Equal(t, true, pr["public"])
		assert.Contains(t, []any{"LINUX", "WINDOWS2016", "WINDOWS2022"}, pr["licenceType"])
		size, _ := toFloat(pr["size"])
		assert.Greater(t, size, 0.0)
		assert.NotEmpty(t, pr["imageAliases"], "%v", pr["name"])
	}
	for _, loc := range ids {
		assert.GreaterOrEqual(t, perLoc[loc], 10, loc)
	}
	ubuntu := seededImage(t, srv, "de/fra", "HDD", "ubuntu-22.04")
	up := m(ubuntu["properties"])
	assert.Contains(t, up["imageAliases"], "ubuntu:latest")
	assert.Equal(t, "V1", up["cloudInit"])
	win := seededImage(t, srv, "de/fra", "HDD", "windows-2022")
	assert.Equal(t, "WINDOWS2022", m(win["properties"])["licenceType"])
	assert.Equal(t, false, m(win["properties"])["discVirtioHotUnplug"], "not for Windows, as the spec says")
	iso := seededImage(t, srv, "de/fra", "CDROM", "debian")
	assert.Contains(t, m(iso["properties"])["imageAliases"], "debian:latest_iso")

	// Aliases resolve to the location's image.
	dc := createDC(t, srv, "alias")
	resp, v := call(t, srv, "POST", "/datacenters/"+dc+"/volumes", map[string]any{"properties": map[string]any{"size": 20, "imageAlias": "ubuntu:latest", "imagePassword": "Secret123"}})
	require.Equal(t, 202, resp.StatusCode, "%v", v)
	assert.Equal(t, ubuntu["id"], m(v["properties"])["image"])

	// A server's default CPU family is its location's first.
	for loc, want := range map[string]string{"de/fra": "AMD_OPTERON", "gb/lhr": "INTEL_XEON", "fr/par": "INTEL_SKYLAKE"} {
		_, d := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"location": loc}})
		_, s := call(t, srv, "POST", "/datacenters/"+d["id"].(string)+"/servers", map[string]any{"properties": map[string]any{"cores": 1, "ram": 1024}})
		assert.Equal(t, want, m(s["properties"])["cpuFamily"], loc)
	}
}

// Issue 13, item 1: string-typed scalars are coerced as the live v5 API
// did, with the Python SDK 5.2.0's own bodies; invalid values still fail.
func TestStringScalarsCoerced(t *testing.T) {
	srv := newSrv(t)
	dc := createDC(t, srv, "coerce")
	D := "/datacenters/" + dc
	created := func(path string, props map[string]any) map[string]any {
		t.Helper()
		resp, body := call(t, srv, "POST", path, map[string]any{"properties": props})
		require.Equal(t, 202, resp.StatusCode, "%s %v: %v", path, props, body)
		return body
	}
	// create_lan: "public" as a string.
	lan := created(D+"/lans", map[string]any{"name": nil, "public": "true"})
	assert.Equal(t, true, m(lan["properties"])["public"])
	// reserve_ipblock: "size" as a string.
	ipb := created("/ipblocks", map[string]any{"name": nil, "location": "de/fra", "size": "2"})
	assert.EqualValues(t, 2, m(ipb["properties"])["size"])
	assert.Len(t, l(m(ipb["properties"])["ips"]), 2)
	// create_loadbalancer: "dhcp" as a string.
	lb := created(D+"/loadbalancers", map[string]any{"name": "lb", "dhcp": "false"})
	assert.Equal(t, false, m(lb["properties"])["dhcp"])
	s := created(D+"/servers", map[string]any{"name": "s", "cores": "2", "ram": "2048"})
	assert.EqualValues(t, 2, m(s["properties"])["cores"])
	S := D + "/servers/" + s["id"].(string)
	// A NIC's "lan" as a string, on create and on PATCH.
	nic := created(S+"/nics", map[string]any{"lan": lan["id"], "dhcp": "True"})
	assert.EqualValues(t, mustNumber(lan["id"].(string)), m(nic["properties"])["lan"])
	assert.Equal(t, true, m(nic["properties"])["dhcp"])
	_, lanNICs := call(t, srv, "GET", D+"/lans/"+lan["id"].(string)+"/nics", nil)
	assert.Len(t, l(lanNICs["items"]), 1, "the coerced LAN number connects the NIC")
	N := S + "/nics/" + nic["id"].(string)
	resp, patched := call(t, srv, "PATCH", N, map[string]any{"lan": "7", "firewallActive": "false"})
	require.Equal(t, 202, resp.StatusCode, "%v", patched)
	assert.EqualValues(t, 7, m(patched["properties"])["lan"])
	assert.Equal(t, false, m(patched["properties"])["firewallActive"])
	// create_firewall_rule: "icmpType" and "icmpCode" as strings.
	fw := created(N+"/firewallrules", map[string]any{"name": nil, "protocol": "ICMP", "icmpType": "8", "icmpCode": "0"})
	assert.EqualValues(t, 8, m(fw["properties"])["icmpType"])
	assert.EqualValues(t, 0, m(fw["properties"])["icmpCode"])
	v := created(D+"/volumes", map[string]any{"size": "10.5", "licenceType": "LINUX"})
	assert.EqualValues(t, 10.5, m(v["properties"])["size"])
	// Nested: a node pool's LAN IDs and auto-scaling counts.
	_, k := call(t, srv, "POST", "/k8s", map[string]any{"properties": map[string]any{"name": "k", "public": "true"}})
	np := created("/k8s/"+k["id"].(string)+"/nodepools", map[string]any{"name": "np", "datacenterId": dc, "nodeCount": "1", "cpuFamily": "INTEL_SKYLAKE",
		"coresCount": "1", "ramSize": "2048", "availabilityZone": "AUTO", "storageType": "SSD", "storageSize": "20",
		"lans": []any{map[string]any{"id": "1"}}, "autoScaling": map[string]any{"minNodeCount": "1", "maxNodeCount": "3"}})
	npp := m(np["properties"])
	assert.EqualValues(t, 1, m(l(npp["lans"])[0])["id"])
	assert.EqualValues(t, 3, m(npp["autoScaling"])["maxNodeCount"])

	// The stored values have their types: the raw JSON has no quotes.
	_, raw := callRaw(t, srv, "GET", D+"/lans/"+lan["id"].(string), nil)
	assert.Contains(t, string(raw), `"public":true`)

	// Strict on value.
	for _, c := range []struct {
		path  string
		props map[string]any
	}{
		{D + "/lans", map[string]any{"public": "yes"}},
		{D + "/lans", map[string]any{"public": ""}},
		{"/ipblocks", map[string]any{"location": "de/fra", "size": "two"}},
		{"/ipblocks", map[string]any{"location": "de/fra", "size": "2.5"}},
		{S + "/nics", map[string]any{"lan": "1.0"}},
		{D + "/servers", map[string]any{"cores": "1", "ram": "1e3"}},
		{D + "/volumes", map[string]any{"size": "NaN", "licenceType": "LINUX"}},
		{"/k8s/" + k["id"].(string) + "/nodepools", map[string]any{"name": "np2", "datacenterId": dc, "nodeCount": 1, "cpuFamily": "INTEL_SKYLAKE",
			"coresCount": 1, "ramSize": 2048, "availabilityZone": "AUTO", "storageType": "SSD", "storageSize": 20, "lans": []any{map[string]any{"id": "one"}}}},
	} {
		resp, body := call(t, srv, "POST", c.path, map[string]any{"properties": c.props})
		assert.Equal(t, 422, resp.StatusCode, "%s %v: %v", c.path, c.props, body)
	}
	resp, body := call(t, srv, "PATCH", N, map[string]any{"dhcp": "maybe"})
	assert.Equal(t, 422, resp.StatusCode, "%v", body)
	assert.Contains(t, l(body["messages"])[0].(map[string]any)["message"], "'dhcp' has an invalid value 'maybe'")
}
