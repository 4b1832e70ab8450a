package ionos

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertV6Headers checks the headers every call carries, with the Accept
// header wanted.
func assertV6Headers(t *testing.T, c captured, accept string) {
	t.Helper()
	assert.Equal(t, testAuth, c.Header.Get("Authorization"), "Authorization")
	assert.Equal(t, "ionos-go/"+Version, c.Header.Get("User-Agent"), "User-Agent")
	assert.Equal(t, accept, c.Header.Get("Accept"), "Accept")
}

// On v6 the kubeconfig is the file itself, asked for as application/yaml and
// returned byte for byte.
func TestKubernetesGetKubeconfigV6(t *testing.T) {
	m := v6Mock(t)
	file := fixture(t, "k8s_kubeconfig.yaml")
	m.answerAs(http.MethodGet, "/k8s/"+k8sID+"/kubeconfig", 200, "application/yaml", file)
	cfg, resp, err := m.c.Kubernetes.GetKubeconfig(context.Background(), k8sID)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	c := m.only()
	assert.Equal(t, http.MethodGet, c.Method)
	assert.Equal(t, "/k8s/"+k8sID+"/kubeconfig", c.Path)
	assert.Empty(t, c.Query, "a file has no depth")
	assertV6Headers(t, c, "application/yaml")
	assertNoBody(t, c)
	assert.Equal(t, string(file), cfg.Reveal())
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%s", cfg)} {
		assert.NotContains(t, s, "very-secret")
	}
}

// A v6 endpoint that answers JSON still gives the kubeconfig.
func TestKubernetesGetKubeconfigV6JSON(t *testing.T) {
	file := string(fixture(t, "k8s_kubeconfig.yaml"))
	asString, err := json.Marshal(file)
	require.NoError(t, err)
	asObject := `{"apiVersion":"v1","kind":"Config","users":[{"name":"a","user":{"token":"very-secret"}}]}`
	for _, tc := range []struct {
		name, contentType string
		body              []byte
		want              string
	}{
		{"a JSON string", "application/json", asString, file},
		{"v5's envelope", "application/json", fixture(t, "k8s_kubeconfig.json"), "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n    server: https://k8s.example.net:6443\n  name: cluster-admin@prod-k8s\nkind: Config\nusers:\n- name: cluster-admin\n  user:\n    token: eyJhbGciOiJSUzI1NiJ9.k8s-token-very-secret\n"},
		{"the kubeconfig as a JSON object", "application/json", []byte(asObject), asObject},
		{"YAML as application/x-yaml", "application/x-yaml", []byte(file), file},
		{"YAML without a content type", "", []byte(file), file},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := v6Mock(t)
			m.answerAs(http.MethodGet, "/k8s/"+k8sID+"/kubeconfig", 200, tc.contentType, tc.body)
			cfg, _, err := m.c.Kubernetes.GetKubeconfig(context.Background(), k8sID)
			require.NoError(t, err)
			assert.Equal(t, tc.want, cfg.Reveal())
			assertV6Headers(t, m.only(), "application/yaml")
		})
	}
}

// Answers that hold no kubeconfig fail, and never quote the body.
func TestKubernetesGetKubeconfigV6Fails(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"empty body", 200, "", "empty response body"},
		{"blank body", 200, "\n  \n", "the kubeconfig is empty"},
		{"empty JSON string", 200, `""`, "the kubeconfig is empty"},
		{"malformed JSON string", 200, `"very-secret`, "is not one"},
		{"envelope without a kubeconfig", 200, `{"properties":{}}`, "the kubeconfig is empty"},
		{"not found", 404, `{"httpStatus":404,"messages":[{"errorCode":"309","message":"Resource does not exist"}]}`, "404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := v6Mock(t)
			m.answerAs(http.MethodGet, "/k8s/"+k8sID+"/kubeconfig", tc.status, "application/yaml", []byte(tc.body))
			cfg, _, err := m.c.Kubernetes.GetKubeconfig(context.Background(), k8sID)
			require.Error(t, err)
			assert.Empty(t, cfg.Reveal())
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "very-secret")
			if tc.status == 404 {
				assert.ErrorIs(t, err, ErrNotFound)
			}
		})
	}
}

// An empty cluster ID is refused before sending, on either version.
func TestKubernetesGetKubeconfigRefusesEmptyID(t *testing.T) {
	for _, m := range []*mockAPI{newMockAPI(t), v6Mock(t)} {
		_, _, err := m.c.Kubernetes.GetKubeconfig(context.Background(), "")
		assertInvalid(t, err, "clusterID")
		m.none()
	}
}
