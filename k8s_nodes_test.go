package ionos

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	knCluster = "1e072e52-2ed3-492f-b6b6-c6b116907521"
	knPool    = "6f1f2b6e-3e5c-4f52-9f6a-9b5d1a2f3c4d"
	knNode    = "b8e2c4a0-6e1d-4f3b-9c8a-7d6e5f4a3b2c"
	knPath    = "/k8s/" + knCluster + "/nodepools/" + knPool + "/nodes"
)

func TestKubernetesListAndGetNodes(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, knPath, 200, fixture(t, "k8s_nodes.json"))
	m.on(http.MethodGet, knPath+"/"+knNode, 200, fixture(t, "k8s_node.json"))
	nodes, _, err := m.c.Kubernetes.ListNodes(context.Background(), knCluster, knPool)
	require.NoError(t, err)
	require.Len(t, nodes, 1)
	n, _, err := m.c.Kubernetes.GetNode(context.Background(), knCluster, knPool, knNode, WithDepth(0))
	require.NoError(t, err)
	calls := m.all()
	assertCall(t, calls[0], http.MethodGet, knPath, "depth", "1")
	assertCall(t, calls[1], http.MethodGet, knPath+"/"+knNode, "depth", "0")
	assert.Equal(t, knNode, n.ID)
	assert.Equal(t, State("READY"), n.Metadata.State)
	assert.Equal(t, time.Date(2021, 3, 2, 2, 0, 0, 0, time.UTC), n.Metadata.LastSoftwareUpdatedDate)
	assert.Equal(t, KubernetesNodeProperties{Name: "pool-1-4x7kq", PublicIP: "185.48.116.22", PrivateIP: "10.7.222.5", K8sVersion: "1.21.14"}, n.Properties)
	assert.Equal(t, nodes[0], *n)
}

func TestKubernetesDeleteAndReplaceNode(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodDelete, knPath+"/"+knNode, 202, []byte(`{}`))
	m.on(http.MethodPost, knPath+"/"+knNode+"/replace", 202, []byte(`{}`))
	resp, err := m.c.Kubernetes.DeleteNode(context.Background(), knCluster, knPool, knNode)
	require.NoError(t, err)
	assert.Equal(t, 202, resp.StatusCode)
	assert.Empty(t, resp.RequestID, "Kubernetes writes name no request")
	resp, err = m.c.Kubernetes.ReplaceNode(context.Background(), knCluster, knPool, knNode)
	require.NoError(t, err)
	assert.Equal(t, 202, resp.StatusCode)
	calls := m.all()
	assertCall(t, calls[0], http.MethodDelete, knPath+"/"+knNode)
	assertNoBody(t, calls[0])
	assertCall(t, calls[1], http.MethodPost, knPath+"/"+knNode+"/replace")
	assertNoBody(t, calls[1])
}

func TestKubernetesVersions(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/k8s/versions", 200, fixture(t, "k8s_versions.json"))
	m.on(http.MethodGet, "/k8s/versions/default", 200, []byte(`"1.21.14"`))
	m.on(http.MethodGet, "/k8s/versions/1.21.14/compatibilities", 200, []byte(`["1.20.15","1.21.14"]`))
	ctx := context.Background()
	vs, _, err := m.c.Kubernetes.ListVersions(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{"1.19.16", "1.20.15", "1.21.14"}, vs)
	def, _, err := m.c.Kubernetes.DefaultVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, "1.21.14", def)
	compat, _, err := m.c.Kubernetes.CompatibleVersions(ctx, def)
	require.NoError(t, err)
	assert.Equal(t, []string{"1.20.15", "1.21.14"}, compat)
	calls := m.all()
	assertCall(t, calls[0], http.MethodGet, "/k8s/versions")
	assertCall(t, calls[1], http.MethodGet, "/k8s/versions/default")
	assertCall(t, calls[2], http.MethodGet, "/k8s/versions/1.21.14/compatibilities")
}

func TestServersUpgrade(t *testing.T) {
	m := newMockAPI(t)
	srv := "2e4d1a2c-6d3f-4b43-9b1e-7f4b8f0a1c11"
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers/"+srv+"/upgrade", nil)
	resp, err := m.c.Servers.Upgrade(context.Background(), dcID, srv)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/servers/"+srv+"/upgrade")
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestKubernetesNodesAndUpgradeRefuseEmptyIDs(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	for name, call := range map[string]func(string) error{
		"ListNodes":          func(s string) error { _, _, err := m.c.Kubernetes.ListNodes(ctx, knCluster, s); return err },
		"GetNode":            func(s string) error { _, _, err := m.c.Kubernetes.GetNode(ctx, knCluster, knPool, s); return err },
		"DeleteNode":         func(s string) error { _, err := m.c.Kubernetes.DeleteNode(ctx, s, knPool, knNode); return err },
		"ReplaceNode":        func(s string) error { _, err := m.c.Kubernetes.ReplaceNode(ctx, knCluster, knPool, s); return err },
		"CompatibleVersions": func(s string) error { _, _, err := m.c.Kubernetes.CompatibleVersions(ctx, s); return err },
		"Servers.Upgrade":    func(s string) error { _, err := m.c.Servers.Upgrade(ctx, dcID, s); return err },
	} {
		for _, bad := range []string{"", " ", ".."} {
			assert.ErrorIs(t, call(bad), ErrInvalidInput, "%s(%q)", name, bad)
		}
	}
	m.none()
}
