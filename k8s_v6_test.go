package ionos

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
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

// A private v6 cluster's location, NAT gateway IP and node subnet are read.
func TestKubernetesGetClusterV6(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, "/k8s/"+k8sID, 200, "application/json", fixture(t, "k8s_cluster_v6.json"))
	k, _, err := m.c.Kubernetes.GetCluster(context.Background(), k8sID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/k8s/"+k8sID, "depth", "1")
	assert.Equal(t, KubernetesClusterProperties{
		Name: "private-k8s", K8sVersion: "1.29.4",
		MaintenanceWindow:        MaintenanceWindow{DayOfTheWeek: "Monday", Time: "13:00:00Z"},
		AvailableUpgradeVersions: []string{}, ViableNodePoolVersions: []string{"1.28.9", "1.29.4"},
		Public: false, S3Buckets: []S3Bucket{{Name: "audit-logs"}},
		Location: "de/fra", NATGatewayIP: "198.51.100.100", NodeSubnet: "192.168.0.0/16",
	}, k.Properties)
}

func TestKubernetesCreatePrivateClusterV6(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodPost, "/k8s", http.StatusAccepted, "application/json", fixture(t, "k8s_cluster_v6.json"))
	k, resp, err := m.c.Kubernetes.CreateCluster(context.Background(), KubernetesClusterSpec{
		Name: "private-k8s", K8sVersion: "1.29.4", Public: Ptr(false),
		Location: "de/fra", NATGatewayIP: "198.51.100.100", NodeSubnet: "192.168.0.0/16",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/k8s")
	assertJSONBody(t, c, `{"properties":{"name":"private-k8s","k8sVersion":"1.29.4","public":false,
		"location":"de/fra","natGatewayIp":"198.51.100.100","nodeSubnet":"192.168.0.0/16"}}`)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Empty(t, resp.RequestID)
	assert.Equal(t, "de/fra", k.Properties.Location)
}

// PUT /k8s/{id} answers 202 on v6, with the cluster or without a body, and
// names no request: the update succeeds, and WaitForClusterActive follows it.
func TestKubernetesUpdateClusterV6Accepted(t *testing.T) {
	upd := KubernetesClusterUpdate{Name: "prod-k8s", K8sVersion: "1.29.4"}
	const body = `{"properties":{"name":"prod-k8s","k8sVersion":"1.29.4"}}`
	t.Run("with the cluster", func(t *testing.T) {
		m := v6Mock(t)
		m.answerAs(http.MethodPut, "/k8s/"+k8sID, http.StatusAccepted, "application/json", fixture(t, "k8s_cluster_v6.json"))
		k, resp, err := m.c.Kubernetes.UpdateCluster(context.Background(), k8sID, upd)
		require.NoError(t, err)
		c := m.only()
		assertCall(t, c, http.MethodPut, "/k8s/"+k8sID)
		assertJSONBody(t, c, body)
		assert.Equal(t, http.StatusAccepted, resp.StatusCode)
		assert.Empty(t, resp.RequestID, "k8s writes name no request")
		assert.Empty(t, resp.RequestURL)
		require.NotNil(t, k)
		assert.Equal(t, "private-k8s", k.Properties.Name)
	})
	t.Run("without a body, then waited for", func(t *testing.T) {
		m := v6Mock(t)
		m.answerAs(http.MethodPut, "/k8s/"+k8sID, http.StatusAccepted, "", nil)
		k, resp, err := m.c.Kubernetes.UpdateCluster(context.Background(), k8sID, upd)
		require.NoError(t, err)
		assert.Nil(t, k, "no body, no cluster")
		require.NotNil(t, resp)
		assert.Equal(t, http.StatusAccepted, resp.StatusCode)
		c := m.only()
		assertCall(t, c, http.MethodPut, "/k8s/"+k8sID)
		assertJSONBody(t, c, body)

		n := 0
		m.mt.RegisterResponder(http.MethodGet, v6MockBase+"/k8s/"+k8sID, func(r *http.Request) (*http.Response, error) {
			m.record(r)
			n++
			if n < 2 {
				return newJSONResponse(200, fixture(t, "k8s_cluster_deploying.json")), nil
			}
			return newJSONResponse(200, fixture(t, "k8s_cluster_active.json")), nil
		})
		got, err := m.c.Kubernetes.WaitForClusterActive(context.Background(), k8sID, k8sFastPoll)
		require.NoError(t, err)
		assert.Equal(t, StateActive, got.Metadata.State)
		calls := m.all()
		require.Len(t, calls, 3)
		for _, c := range calls[1:] {
			assertCall(t, c, http.MethodGet, "/k8s/"+k8sID, "depth", "0")
		}
	})
	t.Run("v5 still answers 200", func(t *testing.T) {
		m := newMockAPI(t)
		m.on(http.MethodPut, "/k8s/"+k8sID, http.StatusOK, fixture(t, "k8s_cluster_active.json"))
		k, resp, err := m.c.Kubernetes.UpdateCluster(context.Background(), k8sID, upd)
		require.NoError(t, err)
		assertJSONBody(t, m.only(), body)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		require.NotNil(t, k)
		assert.Equal(t, StateActive, k.Metadata.State)
	})
}

// Other k8s writes that v6 answers 202 without a body succeed with a nil
// resource.
func TestKubernetesWritesV6WithoutBody(t *testing.T) {
	ctx := context.Background()
	m := v6Mock(t)
	m.answerAs(http.MethodPost, "/k8s", http.StatusAccepted, "", nil)
	m.answerAs(http.MethodPost, "/k8s/"+k8sID+"/nodepools", http.StatusAccepted, "", nil)
	m.answerAs(http.MethodPut, "/k8s/"+k8sID+"/nodepools/"+npID, http.StatusAccepted, "", nil)
	m.answerAs(http.MethodDelete, "/k8s/"+k8sID, http.StatusAccepted, "", nil)
	k, resp, err := m.c.Kubernetes.CreateCluster(ctx, KubernetesClusterSpec{Name: "k"})
	require.NoError(t, err)
	assert.Nil(t, k)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	np, resp, err := m.c.Kubernetes.CreateNodePool(ctx, k8sID, validNodePool())
	require.NoError(t, err)
	assert.Nil(t, np)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	np, resp, err = m.c.Kubernetes.UpdateNodePool(ctx, k8sID, npID, KubernetesNodePoolUpdate{NodeCount: 3})
	require.NoError(t, err)
	assert.Nil(t, np)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	resp, err = m.c.Kubernetes.DeleteCluster(ctx, k8sID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Len(t, m.all(), 4)
}

func TestKubernetesGetNodePoolV6(t *testing.T) {
	m := v6Mock(t)
	p := "/k8s/" + k8sID + "/nodepools/" + npID
	m.answerAs(http.MethodGet, p, 200, "application/json", fixture(t, "nodepool_v6.json"))
	np, _, err := m.c.Kubernetes.GetNodePool(context.Background(), k8sID, npID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, p, "depth", "1")
	pr := np.Properties
	assert.Equal(t, KubernetesVCPU, pr.ServerType)
	assert.Empty(t, pr.CPUFamily)
	assert.Empty(t, pr.GatewayIP)
	assert.Equal(t, []KubernetesNodePoolLAN{
		{ID: "2", DHCP: Ptr(true), Routes: []KubernetesRoute{
			{Network: "198.51.100.0/24", GatewayIP: "10.1.5.16"}, {Network: "2001:db8:1::/64", GatewayIP: "2001:db8::1"},
		}},
		{ID: "3", DHCP: Ptr(false), Routes: []KubernetesRoute{}, DatacenterID: dcID},
	}, pr.LANs)
	assert.Equal(t, []KubernetesTaint{
		{Key: "dedicated", Value: "gpu", Effect: TaintNoSchedule}, {Key: "example.com/drain", Effect: TaintNoExecute},
	}, pr.Taints)
}

func TestKubernetesCreateNodePoolV6(t *testing.T) {
	spec := validNodePool()
	spec.CPUFamily = "" // the API chooses on v6
	spec.ServerType = KubernetesVCPU
	spec.LANs = []KubernetesNodePoolLAN{
		{ID: "2", DHCP: Ptr(false), Routes: []KubernetesRoute{{Network: "198.51.100.0/24", GatewayIP: "10.1.5.16"}}},
		{ID: "3"},
	}
	spec.Taints = []KubernetesTaint{{Key: "dedicated", Value: "gpu", Effect: TaintNoSchedule}}
	m := v6Mock(t)
	p := "/k8s/" + k8sID + "/nodepools"
	m.answerAs(http.MethodPost, p, http.StatusAccepted, "application/json", fixture(t, "nodepool_v6.json"))
	np, resp, err := m.c.Kubernetes.CreateNodePool(context.Background(), k8sID, spec)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, p)
	assertJSONBody(t, c, `{"properties":{"name":"NEW_1_INTEL_XEON_123","datacenterId":"`+dcID+`","nodeCount":2,
		"serverType":"VCPU","coresCount":1,"ramSize":2048,"availabilityZone":"AUTO","storageType":"HDD","storageSize":11,
		"lans":[{"id":2,"dhcp":false,"routes":[{"network":"198.51.100.0/24","gatewayIp":"10.1.5.16"}]},{"id":3}],
		"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]}}`)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, npID, np.ID)
	assert.Equal(t, KubernetesVCPU, np.Properties.ServerType)
}

func TestKubernetesUpdateNodePoolV6(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  KubernetesNodePoolUpdate
		body string
	}{
		{"server type, LAN routes and taints", KubernetesNodePoolUpdate{
			NodeCount: 3, ServerType: KubernetesDedicatedCore,
			LANs:   []KubernetesNodePoolLAN{{ID: "2", DHCP: Ptr(true), Routes: []KubernetesRoute{{Network: "2001:db8:1::/64", GatewayIP: "2001:db8::1"}}}},
			Taints: []KubernetesTaint{{Key: "example.com/drain", Effect: TaintPreferNoSchedule}},
		}, `{"properties":{"nodeCount":3,"serverType":"DedicatedCore",
			"lans":[{"id":2,"dhcp":true,"routes":[{"network":"2001:db8:1::/64","gatewayIp":"2001:db8::1"}]}],
			"taints":[{"key":"example.com/drain","effect":"PreferNoSchedule"}]}}`},
		{"clearing the taints", KubernetesNodePoolUpdate{NodeCount: 2, Taints: []KubernetesTaint{}}, `{"properties":{"nodeCount":2,"taints":[]}}`},
		{"node count only", KubernetesNodePoolUpdate{NodeCount: 2}, `{"properties":{"nodeCount":2}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := v6Mock(t)
			p := "/k8s/" + k8sID + "/nodepools/" + npID
			m.answerAs(http.MethodPut, p, http.StatusAccepted, "application/json", fixture(t, "nodepool_v6.json"))
			np, _, err := m.c.Kubernetes.UpdateNodePool(context.Background(), k8sID, npID, tc.upd)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPut, p)
			assertJSONBody(t, c, tc.body)
			assert.Equal(t, npID, np.ID)
		})
	}
}

// v5 still takes a node pool's gateway IP, and still needs its CPU family.
func TestKubernetesCreateNodePoolV5GatewayIP(t *testing.T) {
	spec := validNodePool()
	spec.GatewayIP = "198.51.100.100"
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/k8s/"+k8sID+"/nodepools", fixture(t, "nodepool_deploying.json"))
	_, _, err := m.c.Kubernetes.CreateNodePool(context.Background(), k8sID, spec)
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"name":"NEW_1_INTEL_XEON_123","datacenterId":"`+dcID+`",
		"nodeCount":2,"cpuFamily":"INTEL_XEON","coresCount":1,"ramSize":2048,"availabilityZone":"AUTO","storageType":"HDD","storageSize":11,
		"gatewayIp":"198.51.100.100"}}`)
}

// Fields the client's version lacks, and malformed v6 fields, are refused
// before anything is sent.
func TestKubernetesVersionFieldsRefused(t *testing.T) {
	ctx := context.Background()
	pool := func(f func(*KubernetesNodePoolSpec)) func(c *Client) error {
		return func(c *Client) error {
			s := validNodePool()
			f(&s)
			_, _, err := c.Kubernetes.CreateNodePool(ctx, k8sID, s)
			return err
		}
	}
	poolUpd := func(u KubernetesNodePoolUpdate) func(c *Client) error {
		return func(c *Client) error { _, _, err := c.Kubernetes.UpdateNodePool(ctx, k8sID, npID, u); return err }
	}
	cluster := func(s KubernetesClusterSpec) func(c *Client) error {
		return func(c *Client) error { _, _, err := c.Kubernetes.CreateCluster(ctx, s); return err }
	}
	taints := make([]KubernetesTaint, 51)
	for i := range taints {
		taints[i] = KubernetesTaint{Key: fmt.Sprintf("k%d", i), Effect: TaintNoSchedule}
	}
	for _, tc := range []struct {
		name    string
		version APIVersion
		call    func(c *Client) error
		field   string
		reason  string
	}{
		{"gateway IP on v6", APIv6, pool(func(s *KubernetesNodePoolSpec) { s.GatewayIP = "198.51.100.100" }),
			"KubernetesNodePoolSpec.GatewayIP", "is not in Cloud API v6"},
		{"server type on v5", APIv5, pool(func(s *KubernetesNodePoolSpec) { s.ServerType = KubernetesVCPU }),
			"KubernetesNodePoolSpec.ServerType", "is not in Cloud API v5"},
		{"taints on v5", APIv5, pool(func(s *KubernetesNodePoolSpec) { s.Taints = []KubernetesTaint{} }),
			"KubernetesNodePoolSpec.Taints", "is not in Cloud API v5"},
		{"LAN DHCP on v5", APIv5, pool(func(s *KubernetesNodePoolSpec) { s.LANs = []KubernetesNodePoolLAN{{ID: "2", DHCP: Ptr(true)}} }),
			"KubernetesNodePoolSpec.LANs[0].DHCP", "is not in Cloud API v5"},
		{"LAN routes on v5", APIv5, pool(func(s *KubernetesNodePoolSpec) {
			s.LANs = []KubernetesNodePoolLAN{{ID: "2"}, {ID: "3", Routes: []KubernetesRoute{}}}
		}), "KubernetesNodePoolSpec.LANs[1].Routes", "is not in Cloud API v5"},
		{"LAN data center on v5", APIv5, pool(func(s *KubernetesNodePoolSpec) { s.LANs = []KubernetesNodePoolLAN{{ID: "2", DatacenterID: dcID}} }),
			"KubernetesNodePoolSpec.LANs[0].DatacenterID", "is not in Cloud API v5"},
		{"CPU family on v5", APIv5, pool(func(s *KubernetesNodePoolSpec) { s.CPUFamily = "" }), "KubernetesNodePoolSpec.CPUFamily", "is required"},
		{"update server type on v5", APIv5, poolUpd(KubernetesNodePoolUpdate{NodeCount: 1, ServerType: KubernetesDedicatedCore}),
			"KubernetesNodePoolUpdate.ServerType", "is not in Cloud API v5"},
		{"update taints on v5", APIv5, poolUpd(KubernetesNodePoolUpdate{NodeCount: 1, Taints: []KubernetesTaint{{Key: "a", Effect: TaintNoExecute}}}),
			"KubernetesNodePoolUpdate.Taints", "is not in Cloud API v5"},
		{"update LAN routes on v5", APIv5, poolUpd(KubernetesNodePoolUpdate{NodeCount: 1, LANs: []KubernetesNodePoolLAN{{ID: "2", Routes: []KubernetesRoute{{Network: "10.0.0.0/8", GatewayIP: "10.0.0.1"}}}}}),
			"KubernetesNodePoolUpdate.LANs[0].Routes", "is not in Cloud API v5"},
		{"cluster location on v5", APIv5, cluster(KubernetesClusterSpec{Name: "k", Location: "de/fra"}), "KubernetesClusterSpec.Location", "is not in Cloud API v5"},
		{"cluster NAT gateway IP on v5", APIv5, cluster(KubernetesClusterSpec{Name: "k", NATGatewayIP: "198.51.100.1"}), "KubernetesClusterSpec.NATGatewayIP", "is not in Cloud API v5"},
		{"cluster node subnet on v5", APIv5, cluster(KubernetesClusterSpec{Name: "k", NodeSubnet: "10.0.0.0/16"}), "KubernetesClusterSpec.NodeSubnet", "is not in Cloud API v5"},
		{"cluster NAT gateway IP malformed", APIv6, cluster(KubernetesClusterSpec{Name: "k", NATGatewayIP: "198.51.100"}), "KubernetesClusterSpec.NATGatewayIP", "not an IP"},
		{"cluster node subnet not a CIDR", APIv6, cluster(KubernetesClusterSpec{Name: "k", NodeSubnet: "10.0.0.0"}), "KubernetesClusterSpec.NodeSubnet", "not a CIDR"},
		{"taint without key", APIv6, pool(func(s *KubernetesNodePoolSpec) { s.Taints = []KubernetesTaint{{Effect: TaintNoSchedule}} }),
			"KubernetesNodePoolSpec.Taints[0].Key", "is required"},
		{"taint without effect", APIv6, poolUpd(KubernetesNodePoolUpdate{NodeCount: 1, Taints: []KubernetesTaint{{Key: "a"}, {Key: "b"}}}),
			"KubernetesNodePoolUpdate.Taints[0].Effect", "is required"},
		{"51 taints", APIv6, pool(func(s *KubernetesNodePoolSpec) { s.Taints = taints }), "KubernetesNodePoolSpec.Taints", "more than 50"},
		{"route without network", APIv6, pool(func(s *KubernetesNodePoolSpec) {
			s.LANs = []KubernetesNodePoolLAN{{ID: "2", Routes: []KubernetesRoute{{GatewayIP: "10.0.0.1"}}}}
		}), "KubernetesNodePoolSpec.LANs[0].Routes[0].Network", "is required"},
		{"route network not a CIDR", APIv6, pool(func(s *KubernetesNodePoolSpec) {
			s.LANs = []KubernetesNodePoolLAN{{ID: "2", Routes: []KubernetesRoute{{Network: "10.0.0.0/33", GatewayIP: "10.0.0.1"}}}}
		}), "KubernetesNodePoolSpec.LANs[0].Routes[0].Network", "not a CIDR"},
		{"route gateway not an IP", APIv6, poolUpd(KubernetesNodePoolUpdate{NodeCount: 1, LANs: []KubernetesNodePoolLAN{{ID: "2", Routes: []KubernetesRoute{{Network: "10.0.0.0/8"}}}}}),
			"KubernetesNodePoolUpdate.LANs[0].Routes[0].GatewayIP", "not an IP"},
		{"LAN ID on v6", APIv6, pool(func(s *KubernetesNodePoolSpec) { s.LANs = []KubernetesNodePoolLAN{{DHCP: Ptr(true)}} }),
			"KubernetesNodePoolSpec.LANs[0].ID", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			if tc.version == APIv6 {
				m = v6Mock(t)
			}
			err := tc.call(m.c)
			assertInvalid(t, err, tc.field)
			assert.Contains(t, err.Error(), tc.reason)
			m.none()
		})
	}
}

// CompatibleVersions is v5 only: on a v6 client it fails before sending.
func TestKubernetesCompatibleVersionsV6(t *testing.T) {
	m := v6Mock(t)
	vs, resp, err := m.c.Kubernetes.CompatibleVersions(context.Background(), "1.29.4")
	assert.Nil(t, vs)
	assert.Nil(t, resp)
	require.ErrorIs(t, err, ErrUnsupportedVersion)
	var ve *VersionError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, APIv6, ve.Version)
	assert.Equal(t, []APIVersion{APIv5}, ve.Available)
	m.none()
}

// kubeconfigOf reads untrusted answers: it never panics, returns a
// non-blank kubeconfig or an error, never both, and its errors never quote
// the body.
func FuzzKubeconfigOf(f *testing.F) {
	f.Add(fixture(f, "k8s_kubeconfig.yaml"))
	f.Add(fixture(f, "k8s_kubeconfig.json"))
	f.Add([]byte(`"apiVersion: v1\nkind: Config\n"`))
	f.Add([]byte(`{"properties":{"kubeconfig":3}}`))
	f.Add([]byte(`{"apiVersion":"v1"`))
	f.Add([]byte(" \"\x00"))
	f.Fuzz(func(t *testing.T, body []byte) {
		cfg, err := kubeconfigOf(body)
		if err != nil {
			if cfg != "" {
				t.Fatalf("both a kubeconfig and %v", err)
			}
			if len(body) > 8 && strings.Contains(err.Error(), string(body)) {
				t.Fatalf("the error quotes the body: %v", err)
			}
			return
		}
		if strings.TrimSpace(cfg.Reveal()) == "" {
			t.Fatal("a blank kubeconfig without an error")
		}
	})
}
