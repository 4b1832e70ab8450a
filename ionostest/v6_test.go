package ionostest

import (
	"context"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newV6(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	require.True(t, strings.HasSuffix(srv.URL, BasePathV6), "v6 is the default")
	return srv
}

// One state, two versions: what is made through v5 reads through v6.
func TestBothVersionsServeOneState(t *testing.T) {
	srv := newV6(t)
	v5 := strings.TrimSuffix(srv.URL, BasePathV6) + BasePath
	resp, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "a", "location": "de/fra"}})
	require.Equal(t, 202, resp.StatusCode)
	assert.True(t, strings.HasPrefix(str(dc["href"]), srv.URL+"/datacenters/"), "v6 hrefs")
	r, err := http.NewRequest("GET", v5+"/datacenters/"+str(dc["id"]), nil)
	require.NoError(t, err)
	r.Header.Set("Authorization", srv.AuthHeader())
	got, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	got.Body.Close()
	assert.Equal(t, 200, got.StatusCode)

	srv5 := NewServer(WithAPIVersion("v5"))
	defer srv5.Close()
	assert.True(t, strings.HasSuffix(srv5.URL, BasePath))
	assert.Equal(t, ionos.APIv5, srv5.Client().APIVersion())
	assert.Equal(t, ionos.APIv6, srv.Client().APIVersion())
}

func TestV6ContractsAreACollection(t *testing.T) {
	srv := newV6(t)
	_, got := call(t, srv, "GET", "/contracts", nil)
	assert.Equal(t, "collection", got["type"])
	items := l(got["items"])
	require.Len(t, items, 1)
	assert.Equal(t, "contract", m(items[0])["type"])
	assert.NotNil(t, m(m(m(items[0])["properties"])["resourceLimits"])["coresPerContract"])

	srv5 := newSrv(t)
	_, one := call(t, srv5, "GET", "/contracts", nil)
	assert.Equal(t, "contract", one["type"])

	ct, _, err := srv.Client().Contracts.Get(context.Background())
	require.NoError(t, err)
	assert.NotZero(t, ct.Properties.ContractNumber, "the SDK reads v6's collection")
}

func TestV6KubeconfigIsTheFile(t *testing.T) {
	srv := newV6(t)
	c := srv.Client()
	ctx := context.Background()
	k, _, err := c.Kubernetes.CreateCluster(ctx, ionos.KubernetesClusterSpec{Name: "k"})
	require.NoError(t, err)
	resp, raw := callRaw(t, srv, "GET", "/k8s/"+k.ID+"/kubeconfig", nil)
	assert.Equal(t, "application/yaml", resp.Header.Get("Content-Type"))
	assert.True(t, strings.HasPrefix(string(raw), "apiVersion: v1\nkind: Config\n"), string(raw))

	cfg, _, err := c.Kubernetes.GetKubeconfig(ctx, k.ID)
	require.NoError(t, err)
	assert.Equal(t, string(raw[:40]), cfg.Reveal()[:40])

	// PUT answers 202 on v6, 200 on v5.
	_, err = c.Kubernetes.WaitForClusterActive(ctx, k.ID)
	require.NoError(t, err)
	resp, _ = call(t, srv, "PUT", "/k8s/"+k.ID, map[string]any{"properties": map[string]any{"name": "k2"}})
	assert.Equal(t, 202, resp.StatusCode)

	// The compatibilities call is gone from v6; templates are only in v6.
	resp, _ = call(t, srv, "GET", "/k8s/versions/1.31.2/compatibilities", nil)
	assert.Equal(t, 404, resp.StatusCode)
	srv5 := newSrv(t)
	resp, _ = call(t, srv5, "GET", "/templates", nil)
	assert.Equal(t, 404, resp.StatusCode)
}

func TestV6CubeServersFromTemplates(t *testing.T) {
	srv := newV6(t)
	_, list := call(t, srv, "GET", "/templates?depth=1", nil)
	items := l(list["items"])
	require.NotEmpty(t, items)
	tpl := m(items[0])
	tp := m(tpl["properties"])
	_, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "cubes", "location": "de/fra"}})
	base := "/datacenters/" + str(dc["id"]) + "/servers"

	resp, e := call(t, srv, "POST", base, map[string]any{"properties": map[string]any{"name": "c", "type": "CUBE"}})
	assert.Equal(t, 422, resp.StatusCode, "a CUBE server needs a template")
	assert.Contains(t, str(m(l(e["messages"])[0])["message"]), "templateUuid")

	resp, _ = call(t, srv, "POST", base, map[string]any{"properties": map[string]any{"name": "c", "type": "CUBE", "templateUuid": tpl["id"], "cores": 8}})
	assert.Equal(t, 422, resp.StatusCode, "cores cannot be given with a template")

	resp, s := call(t, srv, "POST", base, map[string]any{"properties": map[string]any{"name": "c", "type": "CUBE", "templateUuid": tpl["id"]}})
	require.Equal(t, 202, resp.StatusCode)
	p := m(s["properties"])
	assert.Equal(t, "CUBE", p["type"])
	assert.EqualValues(t, tp["cores"], p["cores"])
	assert.EqualValues(t, tp["ram"], p["ram"])

	resp, _ = call(t, srv, "POST", base, map[string]any{"properties": map[string]any{"name": "e", "cores": 2, "ram": 2048}})
	assert.Equal(t, 202, resp.StatusCode, "an ENTERPRISE server still takes cores and RAM")
}

func TestV6DeleteServerWithItsVolumes(t *testing.T) {
	srv := newV6(t, WithCompletionDelay(0))
	c := srv.Client()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "d", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	s, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "s", Cores: 1, RAM: 1024,
		Volumes: []ionos.VolumeSpec{{Name: "root", Size: 10, Type: "HDD", LicenceType: "LINUX"}, {Name: "data", Size: 10, Type: "HDD", LicenceType: "OTHER"}}})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, resp, err = c.Volumes.Create(ctx, dc.ID, ionos.VolumeSpec{Name: "kept", Size: 10, Type: "HDD", LicenceType: "OTHER"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	resp, err = c.Servers.Delete(ctx, dc.ID, s.ID, ionos.WithDeleteVolumes())
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		vols, _, err := c.Volumes.List(ctx, dc.ID)
		return err == nil && len(vols) == 1 && vols[0].Properties.Name == "kept"
	}, 5*time.Second, 20*time.Millisecond, "the server's volumes went with it, the other stayed")
}

func TestV6SnapshotBodiesAreJSON(t *testing.T) {
	srv := newV6(t)
	c := srv.Client()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "d", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	vol, resp, err := c.Volumes.Create(ctx, dc.ID, ionos.VolumeSpec{Name: "v", Size: 10, Type: "HDD", LicenceType: "OTHER"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	hr, raw := callRaw(t, srv, "POST", "/datacenters/"+dc.ID+"/volumes/"+vol.ID+"/create-snapshot",
		`{"properties":{"name":"snap-json","description":"from JSON"}}`)
	require.Equal(t, 202, hr.StatusCode, string(raw))
	assert.Contains(t, string(raw), `"name":"snap-json"`)
}

// Every route and method the emulator serves is an operation of the specs
// (the generated table), and is served in exactly the versions that have
// it.
func TestRoutesAreOperationsOfTheSpecs(t *testing.T) {
	n := 0
	for _, rt := range buildRoutes() {
		for method := range rt.methods {
			vs, ok := cloudOperations[method+" "+rt.pattern]
			if !assert.True(t, ok, "%s %s is in no Cloud API document", method, rt.pattern) {
				continue
			}
			assert.Equal(t, vs&versionV5 != 0, rt.servedIn(method, false), "%s %s on v5", method, rt.pattern)
			assert.Equal(t, vs&versionV6 != 0, rt.servedIn(method, true), "%s %s on v6", method, rt.pattern)
			n++
		}
	}
	assert.Greater(t, n, 150)
	assert.Equal(t, versionV5, cloudOperations["GET /k8s/versions/{}/compatibilities"])
	assert.Equal(t, versionV6, cloudOperations["GET /templates"])
}

// With strict bodies a property the version's schema does not list is
// refused: v6 NICs have no nat.
func TestStrictBodies(t *testing.T) {
	for _, strict := range []bool{false, true} {
		opts := []Option{}
		if strict {
			opts = append(opts, WithStrictBodies())
		}
		srv := newV6(t, opts...)
		_, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "a", "location": "de/fra"}})
		base := "/datacenters/" + str(dc["id"])
		_, s := call(t, srv, "POST", base+"/servers", map[string]any{"properties": map[string]any{"name": "s", "cores": 1, "ram": 1024}})
		resp, _ := call(t, srv, "POST", base+"/servers/"+str(s["id"])+"/nics", map[string]any{"properties": map[string]any{"lan": 1, "nat": true}})
		if strict {
			assert.Equal(t, 422, resp.StatusCode)
		} else {
			assert.Equal(t, 202, resp.StatusCode, "the API ignores what it does not know")
		}
		resp, _ = call(t, srv, "POST", base+"/servers/"+str(s["id"])+"/nics", map[string]any{"properties": map[string]any{"lan": 1, "firewallType": "INGRESS"}})
		assert.Equal(t, 202, resp.StatusCode, "v6's firewallType is writable")
	}
}

// Suspend and resume are for CUBE servers; every server has a token and a
// remote console URL.
func TestV6SuspendResumeTokenConsole(t *testing.T) {
	srv := newV6(t)
	c := srv.Client()
	ctx := context.Background()
	tpls, _, err := c.Templates.List(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, tpls)
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "d", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	cube, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "cube", Type: ionos.ServerTypeCube, TemplateID: tpls[0].ID,
		Volumes: []ionos.VolumeSpec{{Name: "das", Type: ionos.VolumeTypeDAS, LicenceType: ionos.LicenceLinux}}})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	ent, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "ent", Cores: 1, RAM: 1024})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	resp, err = c.Servers.Suspend(ctx, dc.ID, cube.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	got, _, err := c.Servers.Get(ctx, dc.ID, cube.ID)
	require.NoError(t, err)
	assert.EqualValues(t, "SUSPENDED", got.Properties.VMState)
	resp, err = c.Servers.Resume(ctx, dc.ID, cube.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	got, _, err = c.Servers.Get(ctx, dc.ID, cube.ID)
	require.NoError(t, err)
	assert.EqualValues(t, "RUNNING", got.Properties.VMState)

	_, err = c.Servers.Suspend(ctx, dc.ID, ent.ID)
	assert.ErrorIs(t, err, ionos.ErrValidation, "only CUBE servers are suspended")

	tok, _, err := c.Servers.Token(ctx, dc.ID, ent.ID)
	require.NoError(t, err)
	assert.Len(t, strings.Split(tok.Reveal(), "."), 3, "a JWT")
	u, _, err := c.Servers.RemoteConsoleURL(ctx, dc.ID, ent.ID)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(u.Reveal(), "https://"), u.Reveal())
	_, _, err = c.Servers.Token(ctx, dc.ID, "00000000-0000-0000-0000-000000000000")
	assert.ErrorIs(t, err, ionos.ErrNotFound)
}

// Images carry labels on v6 (not on v5), public images included.
func TestV6ImageLabels(t *testing.T) {
	srv := newV6(t)
	c := srv.Client()
	ctx := context.Background()
	imgs, _, err := c.Images.List(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, imgs)
	target := ionos.ImageLabels(imgs[0].ID)
	_, _, err = c.Labels.Add(ctx, target, "team", "platform")
	require.NoError(t, err)
	l, _, err := c.Labels.Get(ctx, target, "team")
	require.NoError(t, err)
	assert.Equal(t, "platform", l.Properties.Value)
	_, _, err = c.Labels.Set(ctx, target, "team", "web")
	require.NoError(t, err)
	list, _, err := c.Labels.ListOn(ctx, target)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "web", list[0].Properties.Value)
	_, err = c.Labels.Remove(ctx, target, "team")
	require.NoError(t, err)
	list, _, err = c.Labels.ListOn(ctx, target)
	require.NoError(t, err)
	assert.Empty(t, list)

	_, _, err = newSrv(t).Client().Labels.ListOn(ctx, target)
	assert.ErrorIs(t, err, ionos.ErrUnsupportedVersion, "v5 has no image labels")
}

// A server of type GPU has its card; others have none.
func TestV6GPUs(t *testing.T) {
	srv := newV6(t)
	c := srv.Client()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "d", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	g, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "gpu", Type: ionos.ServerTypeGPU, Cores: 8, RAM: 32768})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	e, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "plain", Cores: 1, RAM: 1024})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	gpus, _, err := c.Servers.ListGPUs(ctx, dc.ID, g.ID)
	require.NoError(t, err)
	require.Len(t, gpus, 1)
	one, _, err := c.Servers.GetGPU(ctx, dc.ID, g.ID, gpus[0].ID)
	require.NoError(t, err)
	assert.Equal(t, gpus[0].Properties, one.Properties)
	none, _, err := c.Servers.ListGPUs(ctx, dc.ID, e.ID)
	require.NoError(t, err)
	assert.Empty(t, none)
	_, _, err = c.Servers.GetGPU(ctx, dc.ID, e.ID, gpus[0].ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)
}

// IPv6 as the API documents it: a LAN asking AUTO gets a /64 of the data
// center's /56, its NICs get /80 blocks and an address in them.
func TestV6IPv6Allocation(t *testing.T) {
	srv := newV6(t, WithStrictBodies())
	c := srv.Client()
	ctx := context.Background()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "v6", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "v6", IPv6CIDRBlock: "AUTO"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	lan, _, err = c.LANs.Get(ctx, dc.ID, lan.ID)
	require.NoError(t, err)
	lp, err := netip.ParsePrefix(lan.Properties.IPv6CIDRBlock)
	require.NoError(t, err, lan.Properties.IPv6CIDRBlock)
	assert.Equal(t, 64, lp.Bits())
	got, _, err := c.Datacenters.Get(ctx, dc.ID)
	require.NoError(t, err)
	dp := netip.MustParsePrefix(got.Properties.IPv6CIDRBlock)
	assert.Equal(t, 56, dp.Bits())
	assert.True(t, dp.Contains(lp.Addr()), "the LAN's /64 is inside the data center's /56")

	s, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "s", Cores: 1, RAM: 1024})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	nic, resp, err := c.NICs.Create(ctx, dc.ID, s.ID, ionos.NICSpec{LAN: lan.ID})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	nic, _, err = c.NICs.Get(ctx, dc.ID, s.ID, nic.ID)
	require.NoError(t, err)
	np := netip.MustParsePrefix(nic.Properties.IPv6CIDRBlock)
	assert.Equal(t, 80, np.Bits())
	assert.True(t, lp.Contains(np.Addr()), "the NIC's /80 is inside the LAN's /64")
	require.Len(t, nic.Properties.IPv6IPs, 1)
	assert.True(t, np.Contains(netip.MustParseAddr(nic.Properties.IPv6IPs[0])))

	// A block outside the LAN's is refused, and so is IPv6 on a LAN without it.
	_, _, err = c.NICs.Create(ctx, dc.ID, s.ID, ionos.NICSpec{LAN: lan.ID, IPv6CIDRBlock: "2001:db8:ffff:ffff:1::/80"})
	assert.ErrorIs(t, err, ionos.ErrValidation)
	_, _, err = c.NICs.Create(ctx, dc.ID, s.ID, ionos.NICSpec{LAN: "9", IPv6IPs: []string{"2001:db8::1"}})
	assert.ErrorIs(t, err, ionos.ErrValidation)
}
