package ionostest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// call sends a raw request and decodes a JSON answer (nil if none).
func call(t *testing.T, srv *Server, method, path string, body any) (*http.Response, map[string]any) {
	t.Helper()
	return callAuth(t, srv, method, path, body, srv.AuthHeader())
}

func callAuth(t *testing.T, srv *Server, method, path string, body any, auth string) (*http.Response, map[string]any) {
	t.Helper()
	resp, raw := callRawAuth(t, srv, method, path, body, auth)
	var out map[string]any
	if len(bytes.TrimSpace(raw)) > 0 {
		require.NoError(t, json.Unmarshal(raw, &out), "body: %s", raw)
	}
	return resp, out
}

// callRaw sends a raw request and returns the answer's body as sent.
func callRaw(t *testing.T, srv *Server, method, path string, body any) (*http.Response, []byte) {
	t.Helper()
	return callRawAuth(t, srv, method, path, body, srv.AuthHeader())
}

func callRawAuth(t *testing.T, srv *Server, method, path string, body any, auth string) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	ct := "application/json"
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
		if !strings.HasPrefix(strings.TrimSpace(b), "{") && !strings.HasPrefix(strings.TrimSpace(b), "[") {
			ct = "application/x-www-form-urlencoded"
		}
	default:
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		rd = bytes.NewReader(raw)
	}
	u := path
	if !strings.HasPrefix(path, "http") {
		u = srv.URL + path
	}
	req, err := http.NewRequest(method, u, rd)
	require.NoError(t, err)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if rd != nil {
		req.Header.Set("Content-Type", ct)
	}
	resp, err := testHTTP.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, raw
}

var testHTTP = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

// newSrv starts a server that is closed with the test.
// newSrv starts a server whose URL is the v5 one: the emulator's own tests
// were written against v5; v6_test.go tests v6.
func newSrv(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(append([]Option{WithAPIVersion("v5")}, opts...)...)
	t.Cleanup(srv.Close)
	return srv
}

func m(v any) map[string]any { x, _ := v.(map[string]any); return x }
func l(v any) []any          { x, _ := v.([]any); return x }

// compositeBody is the Python SDK README's Composite Build example as the
// SDK sends it.
func compositeBody() map[string]any {
	return map[string]any{
		"properties": map[string]any{"name": "Python SDK Data Center", "description": "Python SDK data center", "location": "us/las"},
		"entities": map[string]any{"servers": map[string]any{"items": []any{map[string]any{
			"properties": map[string]any{"name": "Python SDK Server", "ram": 4096, "cores": 4, "cpuFamily": "INTEL_XEON"},
			"entities": map[string]any{
				"volumes": map[string]any{"items": []any{
					map[string]any{"properties": map[string]any{"name": "System Volume", "size": 20, "image": SeedUbuntuImageLasVegas, "bus": "VIRTIO", "type": "HDD", "sshKeys": []any{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."}, "imagePassword": "s3cr3tpass0rd", "availabilityZone": "ZONE_3"}},
					map[string]any{"properties": map[string]any{"name": "Data Volume", "size": 100, "bus": "VIRTIO", "type": "HDD", "licenceType": "UNKNOWN", "availabilityZone": "AUTO"}},
				}},
				"nics": map[string]any{"items": []any{
					map[string]any{"properties": map[string]any{"name": "Public NIC", "dhcp": true, "lan": 1, "firewallActive": true},
						"entities": map[string]any{"firewallrules": map[string]any{"items": []any{
							map[string]any{"properties": map[string]any{"name": "Allow SSH", "protocol": "TCP", "sourceIp": "0.0.0.0", "portRangeStart": 22, "portRangeEnd": 22}},
						}}}},
					map[string]any{"properties": map[string]any{"name": "Private NIC", "dhcp": true, "lan": 2}},
				}},
			},
		}}}},
	}
}

func createDC(t *testing.T, srv *Server, name string) string {
	t.Helper()
	resp, body := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": name, "location": "de/fra"}})
	require.Equal(t, 202, resp.StatusCode, "%v", body)
	return body["id"].(string)
}
