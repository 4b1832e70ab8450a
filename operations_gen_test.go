package ionos

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOperationTableCounts checks the generated table against the counts
// of the specs: 174 v5 operations, 266 live v6 ones (245 published + 21
// later), 173 in both, 5 of the Auth API.
func TestOperationTableCounts(t *testing.T) {
	count := map[string]int{}
	for _, op := range operations {
		switch {
		case op.in(opAuthV1):
			count["auth"]++
		case op.in(opV5) && op.in(opV6):
			count["both"]++
		case op.in(opV5):
			count["v5 only"]++
		case op.versions&opV6Later != 0:
			count["v6 later"]++
		case op.in(opV6):
			count["v6 only"]++
		}
	}
	assert.Equal(t, map[string]int{"both": 173, "v5 only": 1, "v6 only": 72, "v6 later": 21, "auth": 5}, count)
	assert.Len(t, operations, 272)
}

// TestOperationTableConsistent checks every entry: key, versions and
// shapes agree; every shape has ordered success answers.
func TestOperationTableConsistent(t *testing.T) {
	for key, op := range operations {
		assert.Equal(t, op.method+" "+op.path, key)
		assert.Contains(t, []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}, op.method, key)
		assert.True(t, strings.HasPrefix(op.path, "/"), key)
		assert.Equal(t, op.in(opV5), op.v5 != nil, key)
		assert.Equal(t, op.in(opV6), op.v6 != nil, key)
		assert.Equal(t, op.in(opAuthV1), op.auth != nil, key)
		if op.versions&opV6Later != 0 {
			assert.True(t, op.in(opV6), "a later operation is a v6 one: %s", key)
			assert.False(t, op.in(opV5), key)
		}
		if op.in(opAuthV1) {
			assert.Equal(t, opAuthV1, op.versions, "an Auth API operation is no Cloud API one: %s", key)
		}
		for _, v := range []opVersions{opV5, opV6, opAuthV1} {
			s := op.shape(v)
			if s == nil {
				continue
			}
			assert.NotEmpty(t, s.id, key)
			assert.Equal(t, s.body == "", s.bodyMedia == "", "body and media type go together: %s", key)
			require.NotEmpty(t, s.responses, key)
			assert.True(t, slices.IsSortedFunc(s.responses, func(a, b opResponse) int { return a.status - b.status }), key)
			for _, r := range s.responses {
				assert.True(t, r.status >= 200 && r.status < 300, key)
				assert.True(t, slices.IsSorted(r.media), key)
			}
			if s.changed != "" {
				assert.Equal(t, opV6, v, "only v6 is amended: %s", key)
			}
		}
	}
}

func TestOperationFor(t *testing.T) {
	op, ok := operationFor(http.MethodGet, "/datacenters/{datacenterId}/servers")
	require.True(t, ok)
	assert.Equal(t, opV5|opV6, op.versions)
	assert.Equal(t, "datacentersServersGet", op.v6.id)
	r, ok := op.v6.response(200)
	require.True(t, ok)
	assert.Equal(t, "Servers", r.schema)
	_, ok = op.v6.response(202)
	assert.False(t, ok)

	// The path template must be spelled as in the specs.
	_, ok = operationFor(http.MethodGet, "/datacenters/{dcId}/servers")
	assert.False(t, ok)
	_, ok = operationFor(http.MethodGet, "/datacenters/1234/servers")
	assert.False(t, ok)
	_, ok = operationFor(http.MethodPost, "/contracts")
	assert.False(t, ok)
}

// TestOperationBreakingDeltas pins the v5 to v6 changes the SDK must
// follow (v6-delta.md), as the table records them.
func TestOperationBreakingDeltas(t *testing.T) {
	get := func(method, path string) operation {
		t.Helper()
		op, ok := operationFor(method, path)
		require.True(t, ok, "%s %s", method, path)
		return op
	}

	contracts := get(http.MethodGet, "/contracts")
	assert.Equal(t, "Contract", contracts.v5.responses[0].schema)
	assert.Equal(t, "Contracts", contracts.v6.responses[0].schema, "a collection in v6")

	kubeconfig := get(http.MethodGet, "/k8s/{k8sClusterId}/kubeconfig")
	assert.Equal(t, "KubernetesConfig", kubeconfig.v5.responses[0].schema)
	assert.Equal(t, opResponse{status: 200, schema: "string", media: []string{"application/json", "application/x-yaml", "application/yaml"}}, kubeconfig.v6.responses[0])

	k8sPut := get(http.MethodPut, "/k8s/{k8sClusterId}")
	assert.False(t, k8sPut.v5.async())
	assert.True(t, k8sPut.v6.async(), "202 in v6")
	assert.False(t, k8sPut.v6.location(), "no request to poll")

	compat := get(http.MethodGet, "/k8s/versions/{clusterVersion}/compatibilities")
	assert.True(t, compat.in(opV5))
	assert.False(t, compat.in(opV6), "removed in v6")
	assert.Nil(t, compat.shape(opV6))

	snapshot := get(http.MethodPost, "/datacenters/{datacenterId}/volumes/{volumeId}/create-snapshot")
	assert.Equal(t, "application/x-www-form-urlencoded", snapshot.v5.bodyMedia)
	assert.Equal(t, "application/json", snapshot.v6.bodyMedia, "JSON in the live v6")
	assert.Equal(t, "CreateSnapshot", snapshot.v6.body)
	assert.NotEmpty(t, snapshot.v6.changed)
	assert.Empty(t, snapshot.v5.changed)

	addUser := get(http.MethodPost, "/um/groups/{groupId}/users")
	assert.Equal(t, "User", addUser.v5.body)
	assert.Equal(t, "UserGroupPost", addUser.v6.body)

	dcCreate := get(http.MethodPost, "/datacenters")
	assert.True(t, dcCreate.v6.async())
	assert.True(t, dcCreate.v6.location())
	assert.Equal(t, "DatacenterPost", dcCreate.v6.body)
	assert.True(t, dcCreate.v6.bodyRequired)

	sg := get(http.MethodPost, "/datacenters/{datacenterId}/securitygroups")
	assert.Equal(t, opV6|opV6Later, sg.versions)
	assert.True(t, sg.in(opV6))
	assert.False(t, sg.in(opV5))

	nat := get(http.MethodGet, "/datacenters/{datacenterId}/natgateways")
	assert.Equal(t, opV6, nat.versions, "v6 only, from the published document")

	token := get(http.MethodGet, "/tokens/generate")
	assert.Equal(t, opAuthV1, token.versions)
	assert.False(t, token.in(opV6))
	assert.Equal(t, "Jwt", token.auth.responses[0].schema)
	assert.Nil(t, token.shape(opV5|opV6), "shape takes one version")
}

// TestOperationAcceptedWithoutLocation counts the writes the published v6
// document answers 202 without a Location header: 28, Kubernetes among
// them.
func TestOperationAcceptedWithoutLocation(t *testing.T) {
	var v5, v6 []string
	for key, op := range operations {
		if op.v5 != nil && op.v5.async() && !op.v5.location() {
			v5 = append(v5, key)
		}
		if op.v6 != nil && op.versions&opV6Later == 0 && op.v6.async() && !op.v6.location() {
			v6 = append(v6, key)
		}
	}
	assert.Len(t, v5, 7)
	assert.Len(t, v6, 28)
	for _, key := range v5 {
		assert.Contains(t, key, " /k8s", "only Kubernetes writes in v5")
	}
	assert.Contains(t, v6, "PATCH /targetgroups/{targetGroupId}")
	assert.Contains(t, v6, "PUT /k8s/{k8sClusterId}")
}

func TestOperationMatching(t *testing.T) {
	for _, c := range []struct{ method, path, want string }{
		{"GET", "/", "/"},
		{"GET", "/datacenters", "/datacenters"},
		{"GET", "/datacenters/dc-1", "/datacenters/{datacenterId}"},
		{"DELETE", "/datacenters/dc-1/servers/s-1/volumes/v-1", "/datacenters/{datacenterId}/servers/{serverId}/volumes/{volumeId}"},
		{"GET", "/k8s/versions", "/k8s/versions"},
		{"GET", "/k8s/versions/default", "/k8s/versions/default"},
		{"GET", "/k8s/cluster-1", "/k8s/{k8sClusterId}"},
		{"GET", "/k8s/versions/1.27/compatibilities", "/k8s/versions/{clusterVersion}/compatibilities"},
		{"GET", "/tokens/generate", "/tokens/generate"},
		{"GET", "/tokens/t-1", "/tokens/{tokenId}"},
		{"POST", "/datacenters/dc-1/volumes/v-1/create-snapshot", "/datacenters/{datacenterId}/volumes/{volumeId}/create-snapshot"},
	} {
		op, ok := operationMatching(c.method, c.path)
		if assert.True(t, ok, "%s %s", c.method, c.path) {
			assert.Equal(t, c.want, op.path, "%s %s", c.method, c.path)
			assert.Equal(t, c.method, op.method)
		}
	}
	for _, c := range []struct{ method, path string }{
		{"GET", ""},
		{"GET", "/nothing"},
		{"GET", "/datacenters/"},
		{"GET", "/datacenters//servers"},
		{"GET", "/datacenters/dc-1/servers/"},
		{"GET", "/datacenters/dc-1/servers?depth=1"},
		{"POST", "/contracts"},
		{"HEAD", "/datacenters"},
	} {
		op, ok := operationMatching(c.method, c.path)
		assert.False(t, ok, "%s %q matched %s", c.method, c.path, op.path)
	}
}

// TestOperationRoutesComplete checks that every operation is routed once
// and that a path made from a template, with IDs for its parameters, finds
// that very template: no other one shadows it.
func TestOperationRoutesComplete(t *testing.T) {
	n := 0
	for method, paths := range operationRoutes {
		seen := map[string]bool{}
		for _, p := range paths {
			assert.False(t, seen[p], "%s %s routed twice", method, p)
			seen[p] = true
			_, ok := operations[method+" "+p]
			assert.True(t, ok, "%s %s routed but not in the table", method, p)
			n++
		}
	}
	assert.Equal(t, len(operations), n)
	for key, op := range operations {
		segs := strings.Split(op.path, "/")
		for i, s := range segs {
			if strings.HasPrefix(s, "{") {
				segs[i] = "id-" + s[1:len(s)-1]
			}
		}
		got, ok := operationMatching(op.method, strings.Join(segs, "/"))
		if assert.True(t, ok, key) {
			assert.Equal(t, key, got.method+" "+got.path)
		}
	}
}

func TestMatchPathTemplate(t *testing.T) {
	for _, c := range []struct {
		tmpl, path string
		want       bool
	}{
		{"/", "/", true},
		{"/", "", false},
		{"/a", "/a", true},
		{"/a", "/b", false},
		{"/a/{x}", "/a/1", true},
		{"/a/{x}", "/a/", false},
		{"/a/{x}", "/a", false},
		{"/a/{x}", "/a/1/b", false},
		{"/a/{x}/b", "/a/1/b", true},
		{"/a/{x}/b", "/a/1/c", false},
		{"/a/{}", "/a/1", true},
	} {
		assert.Equal(t, c.want, matchPathTemplate(c.tmpl, c.path), "%q %q", c.tmpl, c.path)
	}
}
