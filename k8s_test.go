package ionos

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	k8sID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
	npID  = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
)

// k8sFastPoll makes a waiter poll every millisecond.
var k8sFastPoll = WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1})

// onSequence answers method+path with the given (status, fixture) pairs in
// turn, repeating the last one, and records each request.
func (m *mockAPI) onSequence(method, path string, answers ...any) {
	m.t.Helper()
	require.True(m.t, len(answers)%2 == 0, "want status/fixture pairs")
	var mu sync.Mutex
	n := 0
	m.mt.RegisterResponder(method, testBase+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		mu.Lock()
		i := min(n, len(answers)/2-1)
		n++
		mu.Unlock()
		return newJSONResponse(answers[2*i].(int), fixture(m.t, answers[2*i+1].(string))), nil
	})
}

func TestKubernetesListClusters(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/k8s", 200, fixture(t, "k8s_clusters.json"))
	ks, _, err := m.c.Kubernetes.ListClusters(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/k8s", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, ks, 2)
	assert.Equal(t, k8sID, ks[0].ID)
	assert.Equal(t, StateActive, ks[0].Metadata.State)
	assert.Equal(t, "staging-k8s", ks[1].Properties.Name)
	assert.Equal(t, StateDeploying, ks[1].Metadata.State)
}

func TestKubernetesGetCluster(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/k8s/"+k8sID, 200, fixture(t, "k8s_cluster.json"))
	k, _, err := m.c.Kubernetes.GetCluster(context.Background(), k8sID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/k8s/"+k8sID, "depth", "1")
	assert.Equal(t, "k8s", k.Type)
	assert.Equal(t, KubernetesClusterProperties{
		Name: "prod-k8s", K8sVersion: "1.18.5",
		MaintenanceWindow:        MaintenanceWindow{DayOfTheWeek: "Monday", Time: "13:00:00Z"},
		AvailableUpgradeVersions: []string{"1.18.6"}, ViableNodePoolVersions: []string{"1.17.7", "1.18.5"},
		Public: true, APISubnetAllowList: []string{"203.0.113.0/24"}, S3Buckets: []S3Bucket{{Name: "audit-logs"}},
	}, k.Properties)
	require.Len(t, k.Entities.NodePools.Items, 1)
	assert.Equal(t, npID, k.Entities.NodePools.Items[0].ID)
	assert.Equal(t, time.Date(2020, 8, 26, 8, 30, 0, 0, time.UTC), k.Metadata.LastModifiedDate)
}

func TestKubernetesCreateCluster(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec KubernetesClusterSpec
		body string
	}{
		{"name only, as the Python SDK", KubernetesClusterSpec{Name: "prod-k8s"}, `{"properties":{"name":"prod-k8s"}}`},
		{"everything", KubernetesClusterSpec{
			Name: "prod-k8s", K8sVersion: "1.18.5",
			MaintenanceWindow: &MaintenanceWindow{DayOfTheWeek: "Monday", Time: "13:00:00Z"},
			Public:            Ptr(false), APISubnetAllowList: []string{"203.0.113.0/24"}, S3Buckets: []S3Bucket{{Name: "audit-logs"}},
		}, `{"properties":{"name":"prod-k8s","k8sVersion":"1.18.5","maintenanceWindow":{"dayOfTheWeek":"Monday","time":"13:00:00Z"},
			"public":false,"apiSubnetAllowList":["203.0.113.0/24"],"s3Buckets":[{"name":"audit-logs"}]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, "/k8s", fixture(t, "k8s_cluster_created.json"))
			k, resp, err := m.c.Kubernetes.CreateCluster(context.Background(), tc.spec)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPost, "/k8s")
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			assert.Equal(t, k8sID, k.ID)
			assert.Equal(t, StateDeploying, k.Metadata.State)
		})
	}
}

func TestKubernetesUpdateClusterWrapsProperties(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodPut, "/k8s/"+k8sID, 200, fixture(t, "k8s_cluster_active.json"))
	k, resp, err := m.c.Kubernetes.UpdateCluster(context.Background(), k8sID, KubernetesClusterUpdate{
		Name: "prod-k8s", K8sVersion: "1.18.6",
		MaintenanceWindow:  &MaintenanceWindow{DayOfTheWeek: "Sunday", Time: "02:30:00"},
		APISubnetAllowList: []string{},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, "/k8s/"+k8sID)
	assertJSONBody(t, c, `{"properties":{"name":"prod-k8s","k8sVersion":"1.18.6",
		"maintenanceWindow":{"dayOfTheWeek":"Sunday","time":"02:30:00"},"apiSubnetAllowList":[]}}`)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Empty(t, resp.RequestID, "k8s writes name no request")
	assert.Equal(t, "prod-k8s", k.Properties.Name)
}

func TestKubernetesDeleteCluster(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodDelete, "/k8s/"+k8sID, http.StatusAccepted, nil)
	resp, err := m.c.Kubernetes.DeleteCluster(context.Background(), k8sID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, "/k8s/"+k8sID)
	assertNoBody(t, c)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
}

func TestKubernetesGetKubeconfig(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/k8s/"+k8sID+"/kubeconfig", 200, fixture(t, "k8s_kubeconfig.json"))
	cfg, _, err := m.c.Kubernetes.GetKubeconfig(context.Background(), k8sID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/k8s/"+k8sID+"/kubeconfig", "depth", "1")
	yaml := cfg.Reveal()
	assert.Contains(t, yaml, "kind: Config")
	assert.Contains(t, yaml, "k8s-token-very-secret")
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%s", cfg)} {
		assert.NotContains(t, s, "very-secret")
		assert.Contains(t, s, "[redacted]")
	}
}

func TestKubernetesListNodePools(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/k8s/"+k8sID+"/nodepools", 200, fixture(t, "nodepool_list.json"))
	nps, _, err := m.c.Kubernetes.ListNodePools(context.Background(), k8sID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/k8s/"+k8sID+"/nodepools", "depth", "1")
	require.Len(t, nps, 1)
	assert.Equal(t, npID, nps[0].ID)
	assert.Equal(t, "pool-1", nps[0].Properties.Name)
}

func TestKubernetesGetNodePool(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/k8s/"+k8sID+"/nodepools/"+npID, 200, fixture(t, "nodepool_pool1.json"))
	np, _, err := m.c.Kubernetes.GetNodePool(context.Background(), k8sID, npID, WithDepth(0))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/k8s/"+k8sID+"/nodepools/"+npID, "depth", "0")
	assert.Equal(t, "nodepool", np.Type)
	assert.Equal(t, KubernetesNodePoolProperties{
		Name: "pool-1", DatacenterID: dcID, NodeCount: 2, CPUFamily: "INTEL_SKYLAKE", CoresCount: 2, RAMSize: 4096,
		AvailabilityZone: "AUTO", StorageType: "SSD", StorageSize: 50, K8sVersion: "1.18.5",
		MaintenanceWindow: MaintenanceWindow{DayOfTheWeek: "Sunday", Time: "03:00:00"},
		AutoScaling:       AutoScaling{MinNodeCount: 2, MaxNodeCount: 4},
		LANs:              []KubernetesNodePoolLAN{{ID: "2"}, {ID: "3"}},
		Labels:            map[string]string{"tier": "web"}, Annotations: map[string]string{"owner": "ops"},
		PublicIPs:                []string{"203.0.113.10", "203.0.113.11", "203.0.113.12"},
		AvailableUpgradeVersions: []string{"1.18.6"},
	}, np.Properties)
}

// validNodePool is the seed README's node pool.
func validNodePool() KubernetesNodePoolSpec {
	return KubernetesNodePoolSpec{
		Name: "NEW_1_INTEL_XEON_123", DatacenterID: dcID, NodeCount: 2, CPUFamily: "INTEL_XEON",
		CoresCount: 1, RAMSize: 2048, AvailabilityZone: "AUTO", StorageType: "HDD", StorageSize: 11,
	}
}

func TestKubernetesCreateNodePool(t *testing.T) {
	full := validNodePool()
	full.K8sVersion = "1.17.8"
	full.MaintenanceWindow = &MaintenanceWindow{DayOfTheWeek: "Monday", Time: "17:00:00"}
	full.AutoScaling = &AutoScaling{MinNodeCount: 2, MaxNodeCount: 3}
	full.LANs = []KubernetesNodePoolLAN{{ID: "2"}, {ID: "5"}}
	full.Labels = map[string]string{"lu1": "vu1", "lu2": "vu2"}
	full.Annotations = map[string]string{"au1": "vau1"}
	full.PublicIPs = []string{"203.0.113.10", "203.0.113.11", "203.0.113.12", "203.0.113.13"}
	noZone := validNodePool()
	noZone.AvailabilityZone = ""
	for _, tc := range []struct {
		name string
		spec KubernetesNodePoolSpec
		body string
	}{
		{"required only", validNodePool(), `{"properties":{"name":"NEW_1_INTEL_XEON_123","datacenterId":"` + dcID + `",
			"nodeCount":2,"cpuFamily":"INTEL_XEON","coresCount":1,"ramSize":2048,"availabilityZone":"AUTO","storageType":"HDD","storageSize":11}}`},
		{"zone defaults to AUTO", noZone, `{"properties":{"name":"NEW_1_INTEL_XEON_123","datacenterId":"` + dcID + `",
			"nodeCount":2,"cpuFamily":"INTEL_XEON","coresCount":1,"ramSize":2048,"availabilityZone":"AUTO","storageType":"HDD","storageSize":11}}`},
		{"every field of the seed", full, `{"properties":{"name":"NEW_1_INTEL_XEON_123","datacenterId":"` + dcID + `",
			"nodeCount":2,"cpuFamily":"INTEL_XEON","coresCount":1,"ramSize":2048,"availabilityZone":"AUTO","storageType":"HDD","storageSize":11,
			"k8sVersion":"1.17.8","maintenanceWindow":{"dayOfTheWeek":"Monday","time":"17:00:00"},
			"autoScaling":{"minNodeCount":2,"maxNodeCount":3},"lans":[{"id":2},{"id":5}],
			"labels":{"lu1":"vu1","lu2":"vu2"},"annotations":{"au1":"vau1"},
			"publicIps":["203.0.113.10","203.0.113.11","203.0.113.12","203.0.113.13"]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, "/k8s/"+k8sID+"/nodepools", fixture(t, "nodepool_deploying.json"))
			np, resp, err := m.c.Kubernetes.CreateNodePool(context.Background(), k8sID, tc.spec)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPost, "/k8s/"+k8sID+"/nodepools")
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			assert.Equal(t, npID, np.ID)
			assert.Equal(t, StateDeploying, np.Metadata.State)
		})
	}
}

func TestKubernetesUpdateNodePool(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  KubernetesNodePoolUpdate
		body string
	}{
		{"node count only", KubernetesNodePoolUpdate{NodeCount: 3}, `{"properties":{"nodeCount":3}}`},
		{"as the Python SDK", KubernetesNodePoolUpdate{
			NodeCount: 2, MaintenanceWindow: &MaintenanceWindow{DayOfTheWeek: "Monday", Time: "17:00:00"},
			AutoScaling: &AutoScaling{MinNodeCount: 2, MaxNodeCount: 3},
		}, `{"properties":{"nodeCount":2,"maintenanceWindow":{"dayOfTheWeek":"Monday","time":"17:00:00"},"autoScaling":{"minNodeCount":2,"maxNodeCount":3}}}`},
		{"clearing LANs and labels", KubernetesNodePoolUpdate{
			NodeCount: 2, Name: "pool-1", K8sVersion: "1.18.6", LANs: []KubernetesNodePoolLAN{}, Labels: map[string]string{},
			Annotations: map[string]string{"a": "b"}, PublicIPs: []string{"203.0.113.10"},
		}, `{"properties":{"name":"pool-1","nodeCount":2,"k8sVersion":"1.18.6","lans":[],"labels":{},"annotations":{"a":"b"},"publicIps":["203.0.113.10"]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			p := "/k8s/" + k8sID + "/nodepools/" + npID
			m.onAccepted(http.MethodPut, p, fixture(t, "nodepool_pool1.json"))
			np, resp, err := m.c.Kubernetes.UpdateNodePool(context.Background(), k8sID, npID, tc.upd)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPut, p)
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			assert.Equal(t, 2, np.Properties.NodeCount)
		})
	}
}

func TestKubernetesDeleteNodePool(t *testing.T) {
	m := newMockAPI(t)
	p := "/k8s/" + k8sID + "/nodepools/" + npID
	m.on(http.MethodDelete, p, http.StatusAccepted, nil)
	resp, err := m.c.Kubernetes.DeleteNodePool(context.Background(), k8sID, npID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, p)
	assertNoBody(t, m.only())
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
}

func TestKubernetesValidation(t *testing.T) {
	np := func(f func(*KubernetesNodePoolSpec)) func(c *Client) error {
		return func(c *Client) error {
			s := validNodePool()
			f(&s)
			_, _, err := c.Kubernetes.CreateNodePool(context.Background(), k8sID, s)
			return err
		}
	}
	cluster := func(s KubernetesClusterSpec) func(c *Client) error {
		return func(c *Client) error { _, _, err := c.Kubernetes.CreateCluster(context.Background(), s); return err }
	}
	npUpd := func(u KubernetesNodePoolUpdate) func(c *Client) error {
		return func(c *Client) error {
			_, _, err := c.Kubernetes.UpdateNodePool(context.Background(), k8sID, npID, u)
			return err
		}
	}
	long := "a123456789b123456789c123456789d123456789e123456789f123456789xyzw" // 64
	for _, tc := range []struct {
		name  string
		call  func(c *Client) error
		field string
	}{
		{"cluster without name", cluster(KubernetesClusterSpec{}), "KubernetesClusterSpec.Name"},
		{"cluster name too long", cluster(KubernetesClusterSpec{Name: long}), "KubernetesClusterSpec.Name"},
		{"cluster name ends in dash", cluster(KubernetesClusterSpec{Name: "prod-"}), "KubernetesClusterSpec.Name"},
		{"cluster name with space", cluster(KubernetesClusterSpec{Name: "prod k8s"}), "KubernetesClusterSpec.Name"},
		{"cluster window day", cluster(KubernetesClusterSpec{Name: "k", MaintenanceWindow: &MaintenanceWindow{DayOfTheWeek: "monday", Time: "10:00:00"}}), "KubernetesClusterSpec.MaintenanceWindow.DayOfTheWeek"},
		{"cluster window time", cluster(KubernetesClusterSpec{Name: "k", MaintenanceWindow: &MaintenanceWindow{DayOfTheWeek: "Monday", Time: "10:00"}}), "KubernetesClusterSpec.MaintenanceWindow.Time"},
		{"cluster update without name", func(c *Client) error {
			_, _, err := c.Kubernetes.UpdateCluster(context.Background(), k8sID, KubernetesClusterUpdate{K8sVersion: "1.18.6"})
			return err
		}, "KubernetesClusterUpdate.Name"},
		{"cluster update window", func(c *Client) error {
			_, _, err := c.Kubernetes.UpdateCluster(context.Background(), k8sID, KubernetesClusterUpdate{Name: "k", MaintenanceWindow: &MaintenanceWindow{DayOfTheWeek: "Funday", Time: "10:00:00"}})
			return err
		}, "KubernetesClusterUpdate.MaintenanceWindow.DayOfTheWeek"},
		{"pool without name", np(func(s *KubernetesNodePoolSpec) { s.Name = "" }), "KubernetesNodePoolSpec.Name"},
		{"pool bad name", np(func(s *KubernetesNodePoolSpec) { s.Name = "_pool" }), "KubernetesNodePoolSpec.Name"},
		{"pool without data center", np(func(s *KubernetesNodePoolSpec) { s.DatacenterID = "" }), "KubernetesNodePoolSpec.DatacenterID"},
		{"pool without nodes", np(func(s *KubernetesNodePoolSpec) { s.NodeCount = 0 }), "KubernetesNodePoolSpec.NodeCount"},
		{"pool without CPU family", np(func(s *KubernetesNodePoolSpec) { s.CPUFamily = "" }), "KubernetesNodePoolSpec.CPUFamily"},
		{"pool without cores", np(func(s *KubernetesNodePoolSpec) { s.CoresCount = 0 }), "KubernetesNodePoolSpec.CoresCount"},
		{"pool RAM below 2048", np(func(s *KubernetesNodePoolSpec) { s.RAMSize = 1024 }), "KubernetesNodePoolSpec.RAMSize"},
		{"pool RAM not a multiple of 1024", np(func(s *KubernetesNodePoolSpec) { s.RAMSize = 2560 }), "KubernetesNodePoolSpec.RAMSize"},
		{"pool storage 10 GB", np(func(s *KubernetesNodePoolSpec) { s.StorageSize = 10 }), "KubernetesNodePoolSpec.StorageSize"},
		{"pool window day", np(func(s *KubernetesNodePoolSpec) {
			s.MaintenanceWindow = &MaintenanceWindow{DayOfTheWeek: "Mon", Time: "17:00:00"}
		}), "KubernetesNodePoolSpec.MaintenanceWindow.DayOfTheWeek"},
		{"pool window time out of range", np(func(s *KubernetesNodePoolSpec) {
			s.MaintenanceWindow = &MaintenanceWindow{DayOfTheWeek: "Monday", Time: "24:00:00"}
		}), "KubernetesNodePoolSpec.MaintenanceWindow.Time"},
		{"pool window empty time", np(func(s *KubernetesNodePoolSpec) {
			s.MaintenanceWindow = &MaintenanceWindow{DayOfTheWeek: "Monday"}
		}), "KubernetesNodePoolSpec.MaintenanceWindow.Time"},
		{"pool autoscaling min above max", np(func(s *KubernetesNodePoolSpec) {
			s.AutoScaling = &AutoScaling{MinNodeCount: 3, MaxNodeCount: 2}
		}), "KubernetesNodePoolSpec.AutoScaling.MaxNodeCount"},
		{"pool autoscaling min 0", np(func(s *KubernetesNodePoolSpec) {
			s.AutoScaling = &AutoScaling{MinNodeCount: 0, MaxNodeCount: 2}
		}), "KubernetesNodePoolSpec.AutoScaling.MinNodeCount"},
		{"pool LAN ID 0", np(func(s *KubernetesNodePoolSpec) { s.LANs = []KubernetesNodePoolLAN{{ID: "1"}, {ID: "0"}} }), "KubernetesNodePoolSpec.LANs[1].ID"},
		{"pool update without nodes", npUpd(KubernetesNodePoolUpdate{}), "KubernetesNodePoolUpdate.NodeCount"},
		{"pool update autoscaling", npUpd(KubernetesNodePoolUpdate{NodeCount: 1, AutoScaling: &AutoScaling{MinNodeCount: 5, MaxNodeCount: 1}}), "KubernetesNodePoolUpdate.AutoScaling.MaxNodeCount"},
		{"pool update window", npUpd(KubernetesNodePoolUpdate{NodeCount: 1, MaintenanceWindow: &MaintenanceWindow{DayOfTheWeek: "Monday", Time: "5pm"}}), "KubernetesNodePoolUpdate.MaintenanceWindow.Time"},
		{"pool update bad name", npUpd(KubernetesNodePoolUpdate{NodeCount: 1, Name: "a b"}), "KubernetesNodePoolUpdate.Name"},
		{"pool update LAN ID", npUpd(KubernetesNodePoolUpdate{NodeCount: 1, LANs: []KubernetesNodePoolLAN{{ID: "-1"}}}), "KubernetesNodePoolUpdate.LANs[0].ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			assertInvalid(t, tc.call(m.c), tc.field)
			m.none()
		})
	}
}

func TestKubernetesAcceptsWhatTheSpecAllows(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(*KubernetesNodePoolSpec)
	}{
		{"63-character name with dots and underscores", func(s *KubernetesNodePoolSpec) {
			s.Name = "a.b_c-d123456789b123456789c123456789d123456789e123456789f12345z"
		}},
		{"single-character name", func(s *KubernetesNodePoolSpec) { s.Name = "p" }},
		{"time with Z", func(s *KubernetesNodePoolSpec) {
			s.MaintenanceWindow = &MaintenanceWindow{DayOfTheWeek: "Sunday", Time: "23:59:59Z"}
		}},
		{`time with "Z"`, func(s *KubernetesNodePoolSpec) {
			s.MaintenanceWindow = &MaintenanceWindow{DayOfTheWeek: "Saturday", Time: `00:00:00"Z"`}
		}},
		{"autoscaling min = max", func(s *KubernetesNodePoolSpec) { s.AutoScaling = &AutoScaling{MinNodeCount: 1, MaxNodeCount: 1} }},
		{"zone 2 and SSD", func(s *KubernetesNodePoolSpec) { s.AvailabilityZone = "ZONE_2"; s.StorageType = "SSD" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, "/k8s/"+k8sID+"/nodepools", fixture(t, "nodepool_deploying.json"))
			s := validNodePool()
			tc.f(&s)
			_, _, err := m.c.Kubernetes.CreateNodePool(context.Background(), k8sID, s)
			require.NoError(t, err)
		})
	}
}

func TestKubernetesWaitForClusterActive(t *testing.T) {
	m := newMockAPI(t)
	m.onSequence(http.MethodGet, "/k8s/"+k8sID,
		200, "k8s_cluster_deploying.json", 200, "k8s_cluster_deploying.json", 200, "k8s_cluster_active.json")
	var states []string
	k, err := m.c.Kubernetes.WaitForClusterActive(context.Background(), k8sID, k8sFastPoll,
		WithProgress(func(p WaitProgress) { states = append(states, p.Status) }))
	require.NoError(t, err)
	assert.Equal(t, StateActive, k.Metadata.State)
	assert.Equal(t, []string{"DEPLOYING", "DEPLOYING", "ACTIVE"}, states)
	calls := m.all()
	require.Len(t, calls, 3)
	for _, c := range calls {
		assertCall(t, c, http.MethodGet, "/k8s/"+k8sID, "depth", "0")
	}
}

func TestKubernetesWaitForClusterFailed(t *testing.T) {
	for _, f := range []string{"k8s_cluster_failed.json", "k8s_cluster_failed_updating.json"} {
		t.Run(f, func(t *testing.T) {
			m := newMockAPI(t)
			m.onSequence(http.MethodGet, "/k8s/"+k8sID, 200, "k8s_cluster_deploying.json", 200, f, 200, "k8s_cluster_active.json")
			var last WaitProgress
			k, err := m.c.Kubernetes.WaitForClusterActive(context.Background(), k8sID, k8sFastPoll, WithProgress(func(p WaitProgress) { last = p }))
			assert.ErrorIs(t, err, ErrFailedState)
			var fe *FailedStateError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, k8sID, fe.ID)
			assert.Contains(t, err.Error(), fe.State)
			assert.Len(t, m.all(), 2, "stops at the failed state")
			require.NotNil(t, k)
			assert.Equal(t, fe.State, k.Metadata.State)
			assert.True(t, last.Done)
			assert.Equal(t, string(fe.State), last.Status)
			assert.Equal(t, err, last.Err)
		})
	}
}

func TestKubernetesWaitForClusterDeleted(t *testing.T) {
	m := newMockAPI(t)
	m.onSequence(http.MethodGet, "/k8s/"+k8sID,
		200, "k8s_cluster_destroying.json", 200, "k8s_cluster_destroying.json", 404, "error_404.json")
	var polls int
	err := m.c.Kubernetes.WaitForClusterDeleted(context.Background(), k8sID, k8sFastPoll, WithProgress(func(WaitProgress) { polls++ }))
	require.NoError(t, err)
	assert.Equal(t, 3, polls)
	assert.Len(t, m.all(), 3)
}

func TestKubernetesWaitForClusterDeletedFails(t *testing.T) {
	m := newMockAPI(t)
	m.onSequence(http.MethodGet, "/k8s/"+k8sID, 200, "k8s_cluster_destroying.json", 200, "k8s_cluster_failed_destroying.json")
	err := m.c.Kubernetes.WaitForClusterDeleted(context.Background(), k8sID, k8sFastPoll)
	var fe *FailedStateError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, StateFailedDestroying, fe.State)
}

func TestKubernetesWaitForClusterActiveNotFound(t *testing.T) {
	m := newMockAPI(t)
	m.onSequence(http.MethodGet, "/k8s/"+k8sID, 404, "error_404.json")
	_, err := m.c.Kubernetes.WaitForClusterActive(context.Background(), k8sID, k8sFastPoll)
	assert.ErrorIs(t, err, ErrNotFound, "a 404 is success only when waiting for deletion")
	assert.Len(t, m.all(), 1)
}

func TestKubernetesWaitCancelled(t *testing.T) {
	m := newMockAPI(t)
	m.onSequence(http.MethodGet, "/k8s/"+k8sID, 200, "k8s_cluster_deploying.json")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var polls int
	_, err := m.c.Kubernetes.WaitForClusterActive(ctx, k8sID, k8sFastPoll, WithProgress(func(WaitProgress) {
		polls++
		if polls == 3 {
			cancel()
		}
	}))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 3, polls)
	assert.Len(t, m.all(), 3)
}

func TestKubernetesWaitUsesClientPolicy(t *testing.T) {
	m := newMockAPI(t, WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	m.onSequence(http.MethodGet, "/k8s/"+k8sID, 200, "k8s_cluster_deploying.json", 200, "k8s_cluster_active.json")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	_, err := m.c.Kubernetes.WaitForClusterActive(ctx, k8sID)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 2*time.Second, "the client's 1 ms policy, not the 100 ms+ default")
}

func TestKubernetesWaitForNodePool(t *testing.T) {
	p := "/k8s/" + k8sID + "/nodepools/" + npID
	t.Run("active", func(t *testing.T) {
		m := newMockAPI(t)
		m.onSequence(http.MethodGet, p, 200, "nodepool_deploying.json", 200, "nodepool_deploying.json", 200, "nodepool_active.json")
		var states []string
		np, err := m.c.Kubernetes.WaitForNodePoolActive(context.Background(), k8sID, npID, k8sFastPoll,
			WithProgress(func(p WaitProgress) { states = append(states, p.Status) }))
		require.NoError(t, err)
		assert.Equal(t, npID, np.ID)
		assert.Equal(t, []string{"DEPLOYING", "DEPLOYING", "ACTIVE"}, states)
		for _, c := range m.all() {
			assertCall(t, c, http.MethodGet, p, "depth", "0")
		}
	})
	t.Run("failed suspended", func(t *testing.T) {
		m := newMockAPI(t)
		m.onSequence(http.MethodGet, p, 200, "nodepool_failed_suspended.json")
		_, err := m.c.Kubernetes.WaitForNodePoolActive(context.Background(), k8sID, npID, k8sFastPoll)
		var fe *FailedStateError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, StateFailedSuspended, fe.State)
		assert.Equal(t, "node pool", fe.Kind)
		assert.Len(t, m.all(), 1)
	})
	t.Run("deleted", func(t *testing.T) {
		m := newMockAPI(t)
		m.onSequence(http.MethodGet, p, 200, "nodepool_destroying.json", 404, "error_404.json")
		require.NoError(t, m.c.Kubernetes.WaitForNodePoolDeleted(context.Background(), k8sID, npID, k8sFastPoll))
		assert.Len(t, m.all(), 2)
	})
	t.Run("cancelled", func(t *testing.T) {
		m := newMockAPI(t)
		m.onSequence(http.MethodGet, p, 200, "nodepool_destroying.json")
		ctx, cancel := context.WithCancel(context.Background())
		err := m.c.Kubernetes.WaitForNodePoolDeleted(ctx, k8sID, npID, k8sFastPoll, WithProgress(func(WaitProgress) { cancel() }))
		assert.True(t, errors.Is(err, context.Canceled))
		assert.Len(t, m.all(), 1)
	})
}
