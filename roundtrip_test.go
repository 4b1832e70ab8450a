package ionos

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scalars collects the booleans and numbers of a decoded JSON value, by
// path.
func scalars(v any, path string, out map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			scalars(e, path+"."+k, out)
		}
	case []any:
		for i, e := range x {
			scalars(e, path+"["+strconv.Itoa(i)+"]", out)
		}
	case bool, float64:
		out[path] = x
	}
}

// TestReadTypesRoundTrip: encoding a resource read from the API keeps
// every false and 0 it came with, so that a fetched resource can be stored
// or re-sent as the API sent it.
func TestReadTypesRoundTrip(t *testing.T) {
	for name, target := range map[string]func() any{
		"volume.json":             func() any { return new(Volume) },
		"image.json":              func() any { return new(Image) },
		"snapshot.json":           func() any { return new(Snapshot) },
		"nic_get.json":            func() any { return new(NIC) },
		"lan_get.json":            func() any { return new(LAN) },
		"server_depth2.json":      func() any { return new(Server) },
		"datacenter_depth3.json":  func() any { return new(Datacenter) },
		"user_ada.json":           func() any { return new(User) },
		"group_list.json":         func() any { return new(Collection[Group]) },
		"contract.json":           func() any { return new(Collection[Contract]) },
		"nodepool_pool1.json":     func() any { return new(KubernetesNodePool) },
		"k8s_cluster_active.json": func() any { return new(KubernetesCluster) },
		"ipblock.json":            func() any { return new(IPBlock) },
		"loadbalancer_get.json":   func() any { return new(LoadBalancer) },
		"server_cube_v6.json":     func() any { return new(Server) },
		"volume_v6.json":          func() any { return new(Volume) },
		"datacenter_v6.json":      func() any { return new(Datacenter) },
		"location_de_txl_v6.json": func() any { return new(Location) },
		"image_v6.json":           func() any { return new(Image) },
		"snapshot_v6.json":        func() any { return new(Snapshot) },
	} {
		t.Run(name, func(t *testing.T) {
			raw := fixture(t, name)
			v := target()
			require.NoError(t, json.Unmarshal(raw, v))
			again, err := json.Marshal(v)
			require.NoError(t, err)
			var before, after any
			require.NoError(t, json.Unmarshal(raw, &before))
			require.NoError(t, json.Unmarshal(again, &after))
			want, got := map[string]any{}, map[string]any{}
			scalars(before, "", want)
			scalars(after, "", got)
			for path, w := range want {
				if w == false || w == 0.0 {
					assert.Equal(t, w, got[path], "%s: a zero value is lost on re-encoding", path)
				}
			}
		})
	}
}
