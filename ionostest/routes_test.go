package ionostest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pythonSurface is every (verb, path) pair of the Python SDK 5.2.0 surface
// (python-sdk-5.2.0-surface.md, section 2): 121 pairs.
var pythonSurface = [][2]string{
	{"GET", "/backupunits"},
	{"POST", "/backupunits"},
	{"DELETE", "/backupunits/{}"},
	{"GET", "/backupunits/{}"},
	{"PATCH", "/backupunits/{}"},
	{"PUT", "/backupunits/{}"},
	{"GET", "/backupunits/{}/ssourl"},
	{"GET", "/contracts"},
	{"GET", "/datacenters"},
	{"POST", "/datacenters"},
	{"DELETE", "/datacenters/{}"},
	{"GET", "/datacenters/{}"},
	{"PATCH", "/datacenters/{}"},
	{"GET", "/datacenters/{}/lans"},
	{"POST", "/datacenters/{}/lans"},
	{"DELETE", "/datacenters/{}/lans/{}"},
	{"GET", "/datacenters/{}/lans/{}"},
	{"PATCH", "/datacenters/{}/lans/{}"},
	{"GET", "/datacenters/{}/lans/{}/nics"},
	{"GET", "/datacenters/{}/loadbalancers"},
	{"POST", "/datacenters/{}/loadbalancers"},
	{"DELETE", "/datacenters/{}/loadbalancers/{}"},
	{"GET", "/datacenters/{}/loadbalancers/{}"},
	{"PATCH", "/datacenters/{}/loadbalancers/{}"},
	{"GET", "/datacenters/{}/loadbalancers/{}/balancednics"},
	{"POST", "/datacenters/{}/loadbalancers/{}/balancednics"},
	{"DELETE", "/datacenters/{}/loadbalancers/{}/balancednics/{}"},
	{"GET", "/datacenters/{}/loadbalancers/{}/balancednics/{}"},
	{"GET", "/datacenters/{}/servers"},
	{"POST", "/datacenters/{}/servers"},
	{"DELETE", "/datacenters/{}/servers/{}"},
	{"GET", "/datacenters/{}/servers/{}"},
	{"PATCH", "/datacenters/{}/servers/{}"},
	{"GET", "/datacenters/{}/servers/{}/cdroms"},
	{"POST", "/datacenters/{}/servers/{}/cdroms"},
	{"DELETE", "/datacenters/{}/servers/{}/cdroms/{}"},
	{"GET", "/datacenters/{}/servers/{}/cdroms/{}"},
	{"GET", "/datacenters/{}/servers/{}/nics"},
	{"POST", "/datacenters/{}/servers/{}/nics"},
	{"DELETE", "/datacenters/{}/servers/{}/nics/{}"},
	{"GET", "/datacenters/{}/servers/{}/nics/{}"},
	{"PATCH", "/datacenters/{}/servers/{}/nics/{}"},
	{"GET", "/datacenters/{}/servers/{}/nics/{}/firewallrules"},
	{"POST", "/datacenters/{}/servers/{}/nics/{}/firewallrules"},
	{"DELETE", "/datacenters/{}/servers/{}/nics/{}/firewallrules/{}"},
	{"GET", "/datacenters/{}/servers/{}/nics/{}/firewallrules/{}"},
	{"PATCH", "/datacenters/{}/servers/{}/nics/{}/firewallrules/{}"},
	{"POST", "/datacenters/{}/servers/{}/reboot"},
	{"POST", "/datacenters/{}/servers/{}/start"},
	{"POST", "/datacenters/{}/servers/{}/stop"},
	{"GET", "/datacenters/{}/servers/{}/volumes"},
	{"POST", "/datacenters/{}/servers/{}/volumes"},
	{"DELETE", "/datacenters/{}/servers/{}/volumes/{}"},
	{"GET", "/datacenters/{}/servers/{}/volumes/{}"},
	{"GET", "/datacenters/{}/volumes"},
	{"POST", "/datacenters/{}/volumes"},
	{"DELETE", "/datacenters/{}/volumes/{}"},
	{"GET", "/datacenters/{}/volumes/{}"},
	{"PATCH", "/datacenters/{}/volumes/{}"},
	{"POST", "/datacenters/{}/volumes/{}/create-snapshot"},
	{"POST", "/datacenters/{}/volumes/{}/restore-snapshot"},
	{"GET", "/images"},
	{"DELETE", "/images/{}"},
	{"GET", "/images/{}"},
	{"PATCH", "/images/{}"},
	{"GET", "/ipblocks"},
	{"POST", "/ipblocks"},
	{"DELETE", "/ipblocks/{}"},
	{"GET", "/ipblocks/{}"},
	{"GET", "/k8s"},
	{"POST", "/k8s"},
	{"DELETE", "/k8s/{}"},
	{"GET", "/k8s/{}"},
	{"PUT", "/k8s/{}"},
	{"GET", "/k8s/{}/kubeconfig"},
	{"GET", "/k8s/{}/nodepools"},
	{"POST", "/k8s/{}/nodepools"},
	{"DELETE", "/k8s/{}/nodepools/{}"},
	{"GET", "/k8s/{}/nodepools/{}"},
	{"PUT", "/k8s/{}/nodepools/{}"},
	{"GET", "/locations"},
	{"GET", "/locations/{}/{}"},
	{"GET", "/pccs"},
	{"POST", "/pccs"},
	{"DELETE", "/pccs/{}"},
	{"GET", "/pccs/{}"},
	{"PATCH", "/pccs/{}"},
	{"GET", "/requests"},
	{"GET", "/requests/{}"},
	{"GET", "/requests/{}/status"},
	{"GET", "/snapshots"},
	{"DELETE", "/snapshots/{}"},
	{"GET", "/snapshots/{}"},
	{"PATCH", "/snapshots/{}"},
	{"GET", "/um/groups"},
	{"POST", "/um/groups"},
	{"DELETE", "/um/groups/{}"},
	{"GET", "/um/groups/{}"},
	{"PUT", "/um/groups/{}"},
	{"GET", "/um/groups/{}/shares"},
	{"DELETE", "/um/groups/{}/shares/{}"},
	{"GET", "/um/groups/{}/shares/{}"},
	{"POST", "/um/groups/{}/shares/{}"},
	{"PUT", "/um/groups/{}/shares/{}"},
	{"GET", "/um/groups/{}/users"},
	{"POST", "/um/groups/{}/users"},
	{"DELETE", "/um/groups/{}/users/{}"},
	{"GET", "/um/resources"},
	{"GET", "/um/resources/{}"},
	{"GET", "/um/resources/{}/{}"},
	{"GET", "/um/users"},
	{"POST", "/um/users"},
	{"DELETE", "/um/users/{}"},
	{"GET", "/um/users/{}"},
	{"PUT", "/um/users/{}"},
	{"GET", "/um/users/{}/s3keys"},
	{"POST", "/um/users/{}/s3keys"},
	{"DELETE", "/um/users/{}/s3keys/{}"},
	{"GET", "/um/users/{}/s3keys/{}"},
	{"PUT", "/um/users/{}/s3keys/{}"},
	{"GET", "/um/users/{}/s3ssourl"},
}

func TestEveryPythonOperationIsRouted(t *testing.T) {
	require.Len(t, pythonSurface, 121)
	srv := newServer()
	for _, p := range pythonSurface {
		path := strings.ReplaceAll(p[1], "{}", "x1")
		rt, _ := srv.match(path)
		if assert.NotNil(t, rt, "%s %s", p[0], p[1]) {
			assert.NotNil(t, rt.methods[p[0]], "%s %s", p[0], p[1])
		}
	}
}

func TestEveryPythonOperationAnswers(t *testing.T) {
	// With unknown IDs every operation answers the API's 404 (or a list),
	// never 405 or a crash.
	srv := newSrv(t)
	for _, p := range pythonSurface {
		path := strings.ReplaceAll(p[1], "{}", "00000000-0000-0000-0000-000000000000")
		var body any
		if p[0] == "POST" || p[0] == "PUT" || p[0] == "PATCH" {
			body = map[string]any{"properties": map[string]any{}}
		}
		resp, out := call(t, srv, p[0], path, body)
		assert.Contains(t, []int{200, 202, 404, 422}, resp.StatusCode, "%s %s: %v", p[0], p[1], out)
		if resp.StatusCode >= 400 {
			assert.EqualValues(t, resp.StatusCode, out["httpStatus"], "%s %s", p[0], p[1])
		}
	}
}
