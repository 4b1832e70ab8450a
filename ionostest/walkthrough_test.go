package ionostest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPythonWalkthrough calls every operation of the Python SDK surface with
// real IDs, with the bodies the Python SDK sends (with spec-correct types),
// and checks that each answers success and that all 121 were reached.
func TestPythonWalkthrough(t *testing.T) {
	srv := newSrv(t)
	pythonWalkthrough(t, srv, call, func() {})
}

// caller sends one request and decodes its answer, as call does.
type caller func(t *testing.T, srv *Server, method, path string, body any) (*http.Response, map[string]any)

// pythonWalkthrough is TestPythonWalkthrough's sequence with do sending each
// request; settle is called before the final checks, once every request
// should be DONE.
func pythonWalkthrough(t *testing.T, srv *Server, do caller, settle func()) {
	ok := func(method, path string, body any) map[string]any {
		t.Helper()
		resp, out := do(t, srv, method, path, body)
		require.Contains(t, []int{200, 202}, resp.StatusCode, "%s %s: %v", method, path, out)
		if resp.StatusCode == 202 && !strings.HasPrefix(path, "/k8s") {
			require.NotEmpty(t, resp.Header.Get("Location"), "%s %s", method, path)
		}
		return out
	}
	id := func(v map[string]any) string { return v["id"].(string) }
	P := func(p map[string]any) map[string]any { return map[string]any{"properties": p} }

	dc := id(ok("POST", "/datacenters", P(map[string]any{"name": "walk", "location": "de/fra", "description": "d"})))
	D := "/datacenters/" + dc
	ok("GET", "/datacenters?depth=1", nil)
	ok("GET", D+"?depth=1", nil)
	ok("PATCH", D, map[string]any{"name": "walk2"})
	ok("GET", "/locations?depth=0", nil)
	ok("GET", "/locations/de/fra?depth=0", nil)

	s := id(ok("POST", D+"/servers", P(map[string]any{"name": "s", "cores": 1, "ram": 1024, "availabilityZone": "AUTO"})))
	S := D + "/servers/" + s
	ok("GET", D+"/servers?depth=1", nil)
	ok("GET", S+"?depth=1", nil)
	ok("PATCH", S, map[string]any{"cores": 2})
	for _, a := range []string{"start", "stop", "reboot"} {
		ok("POST", S+"/"+a, "")
	}

	v := id(ok("POST", D+"/volumes", P(map[string]any{"name": "v", "size": 10, "bus": "VIRTIO", "type": "HDD", "licenceType": "UNKNOWN", "availabilityZone": "AUTO"})))
	V := D + "/volumes/" + v
	ok("GET", D+"/volumes?depth=1", nil)
	ok("GET", V, nil)
	ok("PATCH", V, map[string]any{"size": 20, "name": "v2"})
	snap := id(ok("POST", V+"/create-snapshot", "name=None&description=None"))
	ok("POST", V+"/restore-snapshot", "snapshotId="+snap)
	ok("POST", S+"/volumes", map[string]any{"id": v})
	ok("GET", S+"/volumes?depth=1", nil)
	ok("GET", S+"/volumes/"+v, nil)

	var cdrom, other string
	for _, it := range l(ok("GET", "/images?depth=1", nil)["items"]) {
		pr := m(m(it)["properties"])
		if pr["location"] == "de/fra" && pr["imageType"] == "CDROM" && cdrom == "" {
			cdrom = id(m(it))
		} else if pr["location"] == "gb/lhr" && other == "" {
			other = id(m(it))
		}
	}
	ok("POST", S+"/cdroms", map[string]any{"id": cdrom})
	ok("GET", S+"/cdroms?depth=1", nil)
	ok("GET", S+"/cdroms/"+cdrom, nil)
	ok("GET", "/images/"+other, nil)
	ok("PATCH", "/images/"+other, map[string]any{"description": "x"})
	ok("DELETE", "/images/"+other, nil)

	ok("GET", "/snapshots?depth=1", nil)
	ok("GET", "/snapshots/"+snap, nil)
	ok("PATCH", "/snapshots/"+snap, map[string]any{"name": "snap2"})
	ok("DELETE", "/snapshots/"+snap, nil)

	ipb := id(ok("POST", "/ipblocks", P(map[string]any{"name": nil, "location": "de/fra", "size": 2})))
	ok("GET", "/ipblocks?depth=1", nil)
	ok("GET", "/ipblocks/"+ipb, nil)
	ok("DELETE", "/ipblocks/"+ipb, nil)

	lan := id(ok("POST", D+"/lans", P(map[string]any{"name": "l", "public": true})))
	L := D + "/lans/" + lan
	ok("GET", D+"/lans?depth=1", nil)
	ok("GET", L+"?depth=1", nil)
	ok("PATCH", L, map[string]any{"name": "l2", "public": false, "ipFailover": []any{}})

	nic := id(ok("POST", S+"/nics", P(map[string]any{"name": "n", "lan": mustNumber(lan), "dhcp": true, "firewallActive": true})))
	N := S + "/nics/" + nic
	ok("GET", S+"/nics?depth=1", nil)
	ok("GET", N+"?depth=1", nil)
	ok("PATCH", N, map[string]any{"firewallActive": false})
	ok("GET", L+"/nics?depth=1", nil)
	fw := id(ok("POST", N+"/firewallrules", P(map[string]any{"name": nil, "protocol": "ICMP", "icmpType": 0, "icmpCode": 0})))
	ok("GET", N+"/firewallrules?depth=1", nil)
	ok("GET", N+"/firewallrules/"+fw, nil)
	ok("PATCH", N+"/firewallrules/"+fw, map[string]any{"icmpType": 8})
	ok("DELETE", N+"/firewallrules/"+fw, nil)

	lb := id(ok("POST", D+"/loadbalancers", P(map[string]any{"name": "lb", "dhcp": true})))
	LB := D + "/loadbalancers/" + lb
	ok("GET", D+"/loadbalancers?depth=1", nil)
	ok("GET", LB, nil)
	ok("PATCH", LB, map[string]any{"dhcp": false})
	ok("POST", LB+"/balancednics", map[string]any{"id": nic})
	ok("GET", LB+"/balancednics?depth=1", nil)
	ok("GET", LB+"/balancednics/"+nic+"?depth=1", nil)
	ok("DELETE", LB+"/balancednics/"+nic, nil)
	ok("DELETE", LB, nil)

	g := id(ok("POST", "/um/groups", P(map[string]any{"name": "g", "createDataCenter": true})))
	G := "/um/groups/" + g
	ok("GET", "/um/groups?depth=1", nil)
	ok("GET", G+"?depth=1", nil)
	ok("PUT", G, P(map[string]any{"name": "g2", "createDataCenter": false}))
	ok("POST", G+"/shares/"+dc, P(map[string]any{"editPrivilege": true, "sharePrivilege": false}))
	ok("GET", G+"/shares?depth=1", nil)
	ok("GET", G+"/shares/"+dc+"?depth=1", nil)
	ok("PUT", G+"/shares/"+dc, P(map[string]any{"editPrivilege": false, "sharePrivilege": true}))
	ok("DELETE", G+"/shares/"+dc, nil)
	u := id(ok("POST", "/um/users", P(map[string]any{"firstname": "f", "lastname": "l", "email": "walk@example.com", "password": "secretsecret", "administrator": true})))
	U := "/um/users/" + u
	ok("GET", "/um/users?depth=1", nil)
	ok("GET", U+"?depth=1", nil)
	ok("PUT", U, P(map[string]any{"firstname": "f", "lastname": "l", "email": "walk@example.com", "administrator": false, "forceSecAuth": false}))
	ok("POST", G+"/users", map[string]any{"id": u})
	ok("GET", G+"/users?depth=1", nil)
	ok("DELETE", G+"/users/"+u, nil)
	ok("GET", "/um/resources?depth=1", nil)
	ok("GET", "/um/resources/datacenter?depth=1", nil)
	ok("GET", "/um/resources/datacenter/"+dc+"?depth=1", nil)
	ok("GET", "/contracts?depth=1", nil)

	reqs := ok("GET", "/requests?depth=1", nil)
	rid := id(m(l(reqs["items"])[0]))
	ok("GET", "/requests/"+rid, nil)
	ok("GET", "/requests/"+rid+"/status", nil)

	k := id(ok("POST", "/k8s", P(map[string]any{"name": "k"})))
	K := "/k8s/" + k
	ok("GET", "/k8s?depth=1", nil)
	ok("GET", K, nil)
	ok("PUT", K, P(map[string]any{"name": "k2", "k8sVersion": "1.18.9", "maintenanceWindow": map[string]any{"dayOfTheWeek": "Friday", "time": "03:00:00Z"}}))
	ok("GET", K+"/kubeconfig", nil)
	np := id(ok("POST", K+"/nodepools", P(map[string]any{"name": "np", "datacenterId": dc, "nodeCount": 1, "cpuFamily": "AMD_OPTERON",
		"coresCount": 1, "ramSize": 2048, "availabilityZone": "AUTO", "storageType": "SSD", "storageSize": 20,
		"lans": []any{map[string]any{"id": 1}}, "labels": map[string]any{"a": "b"}})))
	ok("GET", K+"/nodepools?depth=1", nil)
	ok("GET", K+"/nodepools/"+np, nil)
	ok("PUT", K+"/nodepools/"+np, P(map[string]any{"nodeCount": 2, "autoScaling": map[string]any{"minNodeCount": 1, "maxNodeCount": 3}}))
	ok("DELETE", K+"/nodepools/"+np, nil)
	ok("DELETE", K, nil)

	pcc := id(ok("POST", "/pccs", P(map[string]any{"name": "p", "description": "d"})))
	ok("GET", "/pccs?depth=1", nil)
	ok("GET", "/pccs/"+pcc+"?depth=1", nil)
	ok("PATCH", "/pccs/"+pcc, map[string]any{"name": "p2"})
	ok("DELETE", "/pccs/"+pcc, nil)

	key := id(ok("POST", U+"/s3keys", nil))
	ok("GET", U+"/s3keys?depth=1", nil)
	ok("GET", U+"/s3keys/"+key+"?depth=1", nil)
	ok("PUT", U+"/s3keys/"+key, P(map[string]any{"active": false}))
	ok("DELETE", U+"/s3keys/"+key, nil)
	ok("GET", U+"/s3ssourl", nil)

	bu := id(ok("POST", "/backupunits", P(map[string]any{"name": "bu", "password": "pw", "email": "b@example.com"})))
	ok("GET", "/backupunits?depth=1", nil)
	ok("GET", "/backupunits/"+bu+"?depth=1", nil)
	ok("PATCH", "/backupunits/"+bu, map[string]any{"email": "c@example.com"})
	ok("PUT", "/backupunits/"+bu, P(map[string]any{"name": "bu", "password": "pw2", "email": "c@example.com"}))
	ok("GET", "/backupunits/"+bu+"/ssourl", nil)
	ok("DELETE", "/backupunits/"+bu, nil)

	ok("DELETE", S+"/cdroms/"+cdrom, nil)
	ok("DELETE", S+"/volumes/"+v, nil)
	ok("DELETE", N, nil)
	ok("DELETE", L, nil)
	ok("DELETE", S, nil)
	ok("DELETE", V, nil)
	ok("DELETE", U, nil)
	ok("DELETE", G, nil)
	ok("DELETE", D, nil)

	settle()
	for _, p := range pythonSurface {
		assert.Positive(t, srv.Hits(p[0], p[1]), "%s %s was not exercised", p[0], p[1])
	}
	_, list := do(t, srv, "GET", "/datacenters", nil)
	assert.Empty(t, l(list["items"]))
}
