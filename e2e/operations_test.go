package e2e

import (
	"bytes"
	"context"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// opRun walks a scenario against the emulator and records which SDK
// operations it called.
type opRun struct {
	t      *testing.T
	c      *ionos.Client
	ctx    context.Context
	called map[string]bool
}

// call records op, requires err to be nil and, when resp names a request,
// waits for it to be DONE.
func (r *opRun) call(op string, resp *ionos.Response, err error) {
	r.t.Helper()
	r.called[op] = true
	require.NoError(r.t, err, op)
	if resp != nil && resp.RequestID != "" {
		_, err := r.c.WaitForCompletion(r.ctx, resp)
		require.NoError(r.t, err, "waiting for "+op)
	}
}

// drain records op and walks an iterator to its end, returning the count.
func drain[T any](r *opRun, op string, seq iter.Seq2[T, error]) int {
	r.t.Helper()
	n := 0
	for _, err := range seq {
		require.NoError(r.t, err, op)
		n++
	}
	r.called[op] = true
	return n
}

// sdkOperations lists every method of every service on the client, as
// "Service.Method", and the client's own calls.
func sdkOperations(c *ionos.Client) []string {
	var ops []string
	v := reflect.ValueOf(c).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		for j := 0; j < f.Type.NumMethod(); j++ {
			ops = append(ops, f.Name+"."+f.Type.Method(j).Name)
		}
	}
	ct := reflect.TypeOf(c)
	for j := 0; j < ct.NumMethod(); j++ {
		switch name := ct.Method(j).Name; name {
		case "BaseURL", "CloseIdleConnections", "APIVersion":
		default:
			ops = append(ops, name)
		}
	}
	sort.Strings(ops)
	return ops
}

// TestEveryOperationAgainstEmulator calls every SDK operation at least once
// against the emulator, under each Cloud API version, in an order that
// builds what each needs, and fails when an operation is added to the SDK
// but not here. An operation the version lacks must fail before sending
// with ErrUnsupportedVersion.
func TestEveryOperationAgainstEmulator(t *testing.T) {
	for _, v := range []ionos.APIVersion{ionos.APIv6, ionos.APIv5} {
		t.Run(string(v), func(t *testing.T) { everyOperation(t, v) })
	}
}

func everyOperation(t *testing.T, version ionos.APIVersion) { everyOperationSeen(t, version, nil) }

// exchange is one call of the Cloud API as the emulator saw it.
type exchange struct {
	Method, Path string // the path below the API's base path, without the query
	ReqType      string // the request's Content-Type
	Req          []byte
	Status       int
	RespType     string // the answer's Content-Type
	Resp         []byte
}

// everyOperationSeen is everyOperation with every call of the Cloud API
// shown to see (when non-nil) as the emulator answers it.
func everyOperationSeen(t *testing.T, version ionos.APIVersion, see func(exchange)) {
	srv := ionostest.NewServer(ionostest.WithAPIVersion(string(version)), ionostest.WithStrictBodies())
	defer srv.Close()
	opts := []ionos.Option{fastRetries}
	if see != nil {
		// The emulator is an http.Handler: serve it behind a recorder. It
		// makes its links from the request's host, so they point here.
		base := "/cloudapi/" + string(version)
		front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			req, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(req))
			rec := &teeWriter{ResponseWriter: w, status: http.StatusOK}
			srv.ServeHTTP(rec, r)
			if rel, ok := strings.CutPrefix(r.URL.Path, base); ok {
				see(exchange{Method: r.Method, Path: rel, ReqType: r.Header.Get("Content-Type"), Req: req,
					Status: rec.status, RespType: rec.Header().Get("Content-Type"), Resp: rec.body.Bytes()})
			}
		}))
		defer front.Close()
		opts = append(opts, ionos.WithBaseURL(front.URL+base))
	}
	c, err := srv.NewClient(opts...)
	require.NoError(t, err)
	defer c.CloseIdleConnections()
	require.Equal(t, version, c.APIVersion())
	r := &opRun{t: t, c: c, ctx: context.Background(), called: map[string]bool{}}
	ctx := r.ctx

	t.Run("foundation and compute and networking", func(t *testing.T) {
		r.t = t
		computeAndNetwork(r, ctx)
	})
	t.Run("accounts and platform", func(t *testing.T) {
		r.t = t
		accountsAndPlatform(r, ctx)
	})
	t.Run("NAT gateways", func(t *testing.T) {
		r.t = t
		if version == ionos.APIv6 {
			natGatewayOperations(r, ctx)
		} else {
			natGatewaysRefusedOnV5(r, ctx)
		}
	})
	t.Run("network load balancers", func(t *testing.T) {
		r.t = t
		networkLoadBalancers(r, ctx)
	})
	t.Run("application load balancers", func(t *testing.T) {
		r.t = t
		if version == ionos.APIv6 {
			applicationLoadBalancers(r, ctx)
			return
		}
		// v5 has none of them: refused before sending.
		_, resp, err := c.TargetGroups.List(ctx)
		require.ErrorIs(t, err, ionos.ErrUnsupportedVersion)
		assert.Nil(t, resp)
		for _, op := range sdkOperations(c) {
			if strings.HasPrefix(op, "ApplicationLoadBalancers.") || strings.HasPrefix(op, "TargetGroups.") {
				r.called[op] = true
			}
		}
	})

	t.Run("templates and CUBE servers", func(t *testing.T) {
		r.t = t
		if version == ionos.APIv6 {
			cubeServers(r, ctx)
			return
		}
		_, resp, err := c.Templates.List(ctx)
		require.ErrorIs(t, err, ionos.ErrUnsupportedVersion)
		assert.Nil(t, resp)
		for _, op := range []string{"Templates.List", "Templates.All", "Templates.Get", "Servers.Suspend", "Servers.Resume", "Servers.Token", "Servers.RemoteConsoleURL", "Servers.ListGPUs", "Servers.GetGPU"} {
			r.called[op] = true
		}
	})
	t.Run("security groups", func(t *testing.T) {
		r.t = t
		if version == ionos.APIv6 {
			securityGroups(r, ctx)
			return
		}
		// v5 has no security groups: refused before sending.
		_, resp, err := c.SecurityGroups.List(ctx, "dc")
		require.ErrorIs(t, err, ionos.ErrUnsupportedVersion)
		assert.Nil(t, resp)
		for _, op := range sdkOperations(c) {
			if strings.HasPrefix(op, "SecurityGroups.") {
				r.called[op] = true
			}
		}
	})
	t.Run("flow logs", func(t *testing.T) {
		r.t = t
		if version == ionos.APIv6 {
			flowLogs(r, ctx)
			return
		}
		// v5 has no flow logs: refused before sending.
		_, resp, err := c.FlowLogs.List(ctx, ionos.NICFlowLogs("dc", "srv", "nic"))
		require.ErrorIs(t, err, ionos.ErrUnsupportedVersion)
		assert.Nil(t, resp)
		for _, op := range sdkOperations(c) {
			if strings.HasPrefix(op, "FlowLogs.") {
				r.called[op] = true
			}
		}
	})

	var missing []string
	for _, op := range sdkOperations(c) {
		if !r.called[op] {
			missing = append(missing, op)
		}
	}
	assert.Empty(t, missing, "SDK operations that the end-to-end test does not call")
}

func computeAndNetwork(r *opRun, ctx context.Context) {
	t, c := r.t, r.c

	info, resp, err := c.Info(ctx)
	r.call("Info", resp, err)
	assert.NotEmpty(t, info.Version)

	locs, resp, err := c.Locations.List(ctx)
	r.call("Locations.List", resp, err)
	assert.NotEmpty(t, locs)
	region, resp, err := c.Locations.ListRegion(ctx, "us")
	r.call("Locations.ListRegion", resp, err)
	assert.NotEmpty(t, region)
	loc, resp, err := c.Locations.Get(ctx, "us/las")
	r.call("Locations.Get", resp, err)
	assert.Equal(t, "us/las", loc.ID)

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e", Location: "us/las"})
	r.call("Datacenters.Create", resp, err)

	// The escape hatch, on an endpoint the SDK covers, to compare.
	hreq, err := c.NewRequest(ctx, http.MethodGet, "/datacenters/"+url.PathEscape(dc.ID)+"?depth=0", nil)
	r.called["NewRequest"] = true
	require.NoError(t, err)
	var raw struct {
		ID         string `json:"id"`
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	}
	resp, err = c.Do(hreq, &raw)
	r.call("Do", resp, err)
	assert.Equal(t, dc.ID, raw.ID)
	assert.Equal(t, "e2e", raw.Properties.Name)
	_, resp, err = c.Datacenters.Update(ctx, dc.ID, ionos.DatacenterUpdate{Description: ionos.Ptr("end to end")})
	r.call("Datacenters.Update", resp, err)
	got, resp, err := c.Datacenters.Get(ctx, dc.ID)
	r.call("Datacenters.Get", resp, err)
	assert.Equal(t, "end to end", got.Properties.Description)
	byName, resp, err := c.Datacenters.GetByName(ctx, "E2E")
	r.call("Datacenters.GetByName", resp, err)
	assert.Equal(t, dc.ID, byName.ID)
	dcs, resp, err := c.Datacenters.List(ctx)
	r.call("Datacenters.List", resp, err)
	assert.Len(t, dcs, 1)
	assert.Equal(t, 1, drain(r, "Datacenters.All", c.Datacenters.All(ctx)))

	// Requests.
	reqs, resp, err := c.Requests.List(ctx, ionos.WithRequestFilter(ionos.RequestFilter{Method: "POST"}))
	r.call("Requests.List", resp, err)
	require.NotEmpty(t, reqs)
	assert.NotZero(t, drain(r, "Requests.All", c.Requests.All(ctx)))
	req, resp, err := c.Requests.Get(ctx, reqs[0].ID)
	r.call("Requests.Get", resp, err)
	assert.Equal(t, "POST", req.Properties.Method)
	st, resp, err := c.Requests.GetStatus(ctx, reqs[0].ID)
	r.call("Requests.GetStatus", resp, err)
	assert.Equal(t, ionos.RequestDone, st.Metadata.Status)
	_, err = c.WaitForRequest(ctx, reqs[0].ID)
	r.call("WaitForRequest", nil, err)
	_, resp, err = c.Datacenters.Update(ctx, dc.ID, ionos.DatacenterUpdate{Name: ionos.Ptr("e2e")})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	r.call("WaitForCompletion", nil, err)
	_, resp1, err := c.Datacenters.Update(ctx, dc.ID, ionos.DatacenterUpdate{Description: ionos.Ptr("one")})
	require.NoError(t, err)
	_, resp2, err := c.Datacenters.Update(ctx, dc.ID, ionos.DatacenterUpdate{Description: ionos.Ptr("end to end")})
	require.NoError(t, err)
	sts, err := c.WaitForAll(ctx, []*ionos.Response{resp1, resp2})
	r.call("WaitForAll", nil, err)
	require.Len(t, sts, 2)
	assert.Equal(t, ionos.RequestDone, sts[1].Metadata.Status)
	polls := 0
	err = c.WaitFor(ctx, func(ctx context.Context) (bool, error) {
		polls++
		return polls == 2, nil
	})
	r.call("WaitFor", nil, err)
	assert.Equal(t, 2, polls)
	_, err = c.Requests.FindUnknown(ctx, &ionos.UnknownOutcomeError{Method: "POST", URL: c.BaseURL() + "/datacenters", SentAt: reqs[0].Metadata.CreatedDate})
	r.call("Requests.FindUnknown", nil, err)

	// LANs.
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "public", Public: true})
	r.call("LANs.Create", resp, err)
	_, resp, err = c.LANs.Update(ctx, dc.ID, lan.ID, ionos.LANUpdate{Name: ionos.Ptr("front")})
	r.call("LANs.Update", resp, err)
	gotLAN, resp, err := c.LANs.Get(ctx, dc.ID, lan.ID)
	r.call("LANs.Get", resp, err)
	assert.Equal(t, "front", gotLAN.Properties.Name)
	lans, resp, err := c.LANs.List(ctx, dc.ID)
	r.call("LANs.List", resp, err)
	assert.Len(t, lans, 1)
	assert.Equal(t, 1, drain(r, "LANs.All", c.LANs.All(ctx, dc.ID)))

	// Servers, NICs, firewall rules.
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "web", Cores: 2, RAM: 2048})
	r.call("Servers.Create", resp, err)
	_, resp, err = c.Servers.Update(ctx, dc.ID, srv.ID, ionos.ServerUpdate{Cores: ionos.Ptr(4)})
	r.call("Servers.Update", resp, err)
	gotSrv, resp, err := c.Servers.Get(ctx, dc.ID, srv.ID)
	r.call("Servers.Get", resp, err)
	assert.Equal(t, 4, gotSrv.Properties.Cores)
	servers, resp, err := c.Servers.List(ctx, dc.ID)
	r.call("Servers.List", resp, err)
	assert.Len(t, servers, 1)
	assert.Equal(t, 1, drain(r, "Servers.All", c.Servers.All(ctx, dc.ID)))
	resp, err = c.Servers.Stop(ctx, dc.ID, srv.ID)
	r.call("Servers.Stop", resp, err)
	resp, err = c.Servers.Start(ctx, dc.ID, srv.ID)
	r.call("Servers.Start", resp, err)
	resp, err = c.Servers.Reboot(ctx, dc.ID, srv.ID)
	r.call("Servers.Reboot", resp, err)
	resp, err = c.Servers.Upgrade(ctx, dc.ID, srv.ID)
	r.call("Servers.Upgrade", resp, err)

	lanNo := ionos.LANID("1")
	nic, resp, err := c.NICs.Create(ctx, dc.ID, srv.ID, ionos.NICSpec{Name: "eth0", LAN: lanNo, DHCP: ionos.Ptr(true)})
	r.call("NICs.Create", resp, err)
	_, resp, err = c.NICs.Update(ctx, dc.ID, srv.ID, nic.ID, ionos.NICUpdate{FirewallActive: ionos.Ptr(true)})
	r.call("NICs.Update", resp, err)
	gotNIC, resp, err := c.NICs.Get(ctx, dc.ID, srv.ID, nic.ID)
	r.call("NICs.Get", resp, err)
	assert.True(t, gotNIC.Properties.FirewallActive)
	nics, resp, err := c.NICs.List(ctx, dc.ID, srv.ID)
	r.call("NICs.List", resp, err)
	assert.Len(t, nics, 1)
	assert.Equal(t, 1, drain(r, "NICs.All", c.NICs.All(ctx, dc.ID, srv.ID)))
	members, resp, err := c.LANs.ListMembers(ctx, dc.ID, lan.ID)
	r.call("LANs.ListMembers", resp, err)
	assert.Len(t, members, 1)
	assert.Equal(t, 1, drain(r, "LANs.AllMembers", c.LANs.AllMembers(ctx, dc.ID, lan.ID)))
	member, resp, err := c.LANs.GetMember(ctx, dc.ID, lan.ID, nic.ID)
	r.call("LANs.GetMember", resp, err)
	assert.Equal(t, nic.ID, member.ID)
	// AddMember moves the NIC to another LAN, and back.
	back, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "back"})
	r.call("LANs.Create", resp, err)
	moved, resp, err := c.LANs.AddMember(ctx, dc.ID, back.ID, nic.ID)
	r.call("LANs.AddMember", resp, err)
	assert.Equal(t, nic.ID, moved.ID)
	gotNIC, resp, err = c.NICs.Get(ctx, dc.ID, srv.ID, nic.ID)
	r.call("NICs.Get", resp, err)
	assert.Equal(t, back.ID, gotNIC.Properties.LAN)
	members, resp, err = c.LANs.ListMembers(ctx, dc.ID, lan.ID)
	r.call("LANs.ListMembers", resp, err)
	assert.Empty(t, members)
	_, _, err = c.LANs.AddMember(ctx, dc.ID, back.ID, nic.ID)
	assert.Error(t, err, "the NIC is on that LAN already")
	_, _, err = c.LANs.AddMember(ctx, dc.ID, back.ID, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, ionos.ErrNotFound, "no such NIC in the data center")
	_, resp, err = c.LANs.AddMember(ctx, dc.ID, lan.ID, nic.ID)
	r.call("LANs.AddMember", resp, err)
	resp, err = c.LANs.Delete(ctx, dc.ID, back.ID)
	r.call("LANs.Delete", resp, err)

	rule, resp, err := c.FirewallRules.Create(ctx, dc.ID, srv.ID, nic.ID, ionos.FirewallRuleSpec{Name: "ssh", Protocol: ionos.ProtocolTCP, PortRangeStart: 22, PortRangeEnd: 22})
	r.call("FirewallRules.Create", resp, err)
	_, resp, err = c.FirewallRules.Update(ctx, dc.ID, srv.ID, nic.ID, rule.ID, ionos.FirewallRuleUpdate{Name: ionos.Ptr("ssh-in")})
	r.call("FirewallRules.Update", resp, err)
	gotRule, resp, err := c.FirewallRules.Get(ctx, dc.ID, srv.ID, nic.ID, rule.ID)
	r.call("FirewallRules.Get", resp, err)
	assert.Equal(t, "ssh-in", gotRule.Properties.Name)
	rules, resp, err := c.FirewallRules.List(ctx, dc.ID, srv.ID, nic.ID)
	r.call("FirewallRules.List", resp, err)
	assert.Len(t, rules, 1)
	assert.Equal(t, 1, drain(r, "FirewallRules.All", c.FirewallRules.All(ctx, dc.ID, srv.ID, nic.ID)))

	// Load balancers.
	lb, resp, err := c.LoadBalancers.Create(ctx, dc.ID, ionos.LoadBalancerSpec{Name: "lb", DHCP: ionos.Ptr(true)})
	r.call("LoadBalancers.Create", resp, err)
	_, resp, err = c.LoadBalancers.Update(ctx, dc.ID, lb.ID, ionos.LoadBalancerUpdate{Name: ionos.Ptr("lb1")})
	r.call("LoadBalancers.Update", resp, err)
	gotLB, resp, err := c.LoadBalancers.Get(ctx, dc.ID, lb.ID)
	r.call("LoadBalancers.Get", resp, err)
	assert.Equal(t, "lb1", gotLB.Properties.Name)
	lbs, resp, err := c.LoadBalancers.List(ctx, dc.ID)
	r.call("LoadBalancers.List", resp, err)
	assert.Len(t, lbs, 1)
	assert.Equal(t, 1, drain(r, "LoadBalancers.All", c.LoadBalancers.All(ctx, dc.ID)))
	_, resp, err = c.LoadBalancers.AddNIC(ctx, dc.ID, lb.ID, nic.ID)
	r.call("LoadBalancers.AddNIC", resp, err)
	_, resp, err = c.LoadBalancers.GetBalancedNIC(ctx, dc.ID, lb.ID, nic.ID)
	r.call("LoadBalancers.GetBalancedNIC", resp, err)
	balanced, resp, err := c.LoadBalancers.ListBalancedNICs(ctx, dc.ID, lb.ID)
	r.call("LoadBalancers.ListBalancedNICs", resp, err)
	assert.Len(t, balanced, 1)
	assert.Equal(t, 1, drain(r, "LoadBalancers.AllBalancedNICs", c.LoadBalancers.AllBalancedNICs(ctx, dc.ID, lb.ID)))
	resp, err = c.LoadBalancers.RemoveNIC(ctx, dc.ID, lb.ID, nic.ID)
	r.call("LoadBalancers.RemoveNIC", resp, err)
	_, resp, err = c.LoadBalancers.Replace(ctx, dc.ID, lb.ID, ionos.LoadBalancerSpec{Name: "lb2", DHCP: ionos.Ptr(false)})
	r.call("LoadBalancers.Replace", resp, err)
	resp, err = c.LoadBalancers.Delete(ctx, dc.ID, lb.ID)
	r.call("LoadBalancers.Delete", resp, err)

	// Volumes, attached volumes, snapshots.
	vol, resp, err := c.Volumes.Create(ctx, dc.ID, ionos.VolumeSpec{Name: "data", Size: 10, LicenceType: "OTHER"})
	r.call("Volumes.Create", resp, err)
	_, resp, err = c.Volumes.Update(ctx, dc.ID, vol.ID, ionos.VolumeUpdate{Size: ionos.Ptr(20)})
	r.call("Volumes.Update", resp, err)
	gotVol, resp, err := c.Volumes.Get(ctx, dc.ID, vol.ID)
	r.call("Volumes.Get", resp, err)
	assert.Equal(t, 20.0, gotVol.Properties.Size)
	_, resp, err = c.Volumes.Replace(ctx, dc.ID, vol.ID, ionos.VolumeSpec{Name: "data2", Size: 30})
	r.call("Volumes.Replace", resp, err)
	gotVol, resp, err = c.Volumes.Get(ctx, dc.ID, vol.ID)
	r.call("Volumes.Get", resp, err)
	assert.Equal(t, "data2", gotVol.Properties.Name)
	assert.Equal(t, 30.0, gotVol.Properties.Size)
	assert.Equal(t, ionos.LicenceType("OTHER"), gotVol.Properties.LicenceType, "kept: fixed at creation")
	vols, resp, err := c.Volumes.List(ctx, dc.ID)
	r.call("Volumes.List", resp, err)
	assert.Len(t, vols, 1)
	assert.Equal(t, 1, drain(r, "Volumes.All", c.Volumes.All(ctx, dc.ID)))
	_, resp, err = c.Servers.AttachVolume(ctx, dc.ID, srv.ID, vol.ID)
	r.call("Servers.AttachVolume", resp, err)
	_, resp, err = c.Servers.GetVolume(ctx, dc.ID, srv.ID, vol.ID)
	r.call("Servers.GetVolume", resp, err)
	attached, resp, err := c.Servers.ListVolumes(ctx, dc.ID, srv.ID)
	r.call("Servers.ListVolumes", resp, err)
	assert.Len(t, attached, 1)
	assert.Equal(t, 1, drain(r, "Servers.AllVolumes", c.Servers.AllVolumes(ctx, dc.ID, srv.ID)))

	snap, resp, err := c.Volumes.CreateSnapshot(ctx, dc.ID, vol.ID, ionos.SnapshotSpec{Name: "before"})
	r.call("Volumes.CreateSnapshot", resp, err)
	_, resp, err = c.Snapshots.Update(ctx, snap.ID, ionos.SnapshotUpdate{Description: ionos.Ptr("first")})
	r.call("Snapshots.Update", resp, err)
	gotSnap, resp, err := c.Snapshots.Get(ctx, snap.ID)
	r.call("Snapshots.Get", resp, err)
	assert.Equal(t, "first", gotSnap.Properties.Description)
	_, resp, err = c.Snapshots.Replace(ctx, snap.ID, ionos.SnapshotSettings{Name: "before2", HotPlug: ionos.HotPlug{CPUHotPlug: true}})
	r.call("Snapshots.Replace", resp, err)
	gotSnap, resp, err = c.Snapshots.Get(ctx, snap.ID)
	r.call("Snapshots.Get", resp, err)
	assert.Equal(t, "before2", gotSnap.Properties.Name)
	assert.Empty(t, gotSnap.Properties.Description, "a PUT resets what it leaves out")
	assert.True(t, gotSnap.Properties.CPUHotPlug)
	snaps, resp, err := c.Snapshots.List(ctx)
	r.call("Snapshots.List", resp, err)
	assert.Len(t, snaps, 1)
	resp, err = c.Volumes.RestoreSnapshot(ctx, dc.ID, vol.ID, snap.ID)
	r.call("Volumes.RestoreSnapshot", resp, err)
	resp, err = c.Servers.DetachVolume(ctx, dc.ID, srv.ID, vol.ID)
	r.call("Servers.DetachVolume", resp, err)
	resp, err = c.Snapshots.Delete(ctx, snap.ID)
	r.call("Snapshots.Delete", resp, err)
	resp, err = c.Volumes.Delete(ctx, dc.ID, vol.ID)
	r.call("Volumes.Delete", resp, err)

	// Images and CD-ROMs.
	images, resp, err := c.Images.List(ctx)
	r.call("Images.List", resp, err)
	var iso, hdd string
	for _, img := range images {
		if img.Properties.Location != "us/las" {
			continue
		}
		switch img.Properties.ImageType {
		case "CDROM":
			iso = img.ID
		case "HDD":
			hdd = img.ID
		}
	}
	require.NotEmpty(t, iso)
	require.NotEmpty(t, hdd)
	_, resp, err = c.Images.Get(ctx, iso)
	r.call("Images.Get", resp, err)
	_, resp, err = c.Servers.AttachCDROM(ctx, dc.ID, srv.ID, iso)
	r.call("Servers.AttachCDROM", resp, err)
	_, resp, err = c.Servers.GetCDROM(ctx, dc.ID, srv.ID, iso)
	r.call("Servers.GetCDROM", resp, err)
	cds, resp, err := c.Servers.ListCDROMs(ctx, dc.ID, srv.ID)
	r.call("Servers.ListCDROMs", resp, err)
	assert.Len(t, cds, 1)
	assert.Equal(t, 1, drain(r, "Servers.AllCDROMs", c.Servers.AllCDROMs(ctx, dc.ID, srv.ID)))
	resp, err = c.Servers.DetachCDROM(ctx, dc.ID, srv.ID, iso)
	r.call("Servers.DetachCDROM", resp, err)
	_, resp, err = c.Images.Update(ctx, hdd, ionos.ImageUpdate{Description: ionos.Ptr("patched")})
	r.call("Images.Update", resp, err)
	replaced, resp, err := c.Images.Replace(ctx, hdd, ionos.ImageSettings{Name: "mine", LicenceType: ionos.LicenceLinux, HotPlug: ionos.HotPlug{RAMHotPlug: true}})
	r.call("Images.Replace", resp, err)
	assert.Equal(t, hdd, replaced.ID)
	gotImg, resp, err := c.Images.Get(ctx, hdd)
	r.call("Images.Get", resp, err)
	assert.Equal(t, "mine", gotImg.Properties.Name)
	assert.Empty(t, gotImg.Properties.Description, "a PUT resets what it leaves out")
	assert.True(t, gotImg.Properties.RAMHotPlug)
	resp, err = c.Images.Delete(ctx, hdd)
	r.call("Images.Delete", resp, err)

	// Labels.
	target := ionos.ServerLabels(dc.ID, srv.ID)
	l, resp, err := c.Labels.Add(ctx, target, "env", "test")
	r.call("Labels.Add", resp, err)
	assert.Equal(t, "env", l.ID)
	_, resp, err = c.Labels.Set(ctx, target, "env", "prod")
	r.call("Labels.Set", resp, err)
	gotLabel, resp, err := c.Labels.Get(ctx, target, "env")
	r.call("Labels.Get", resp, err)
	assert.Equal(t, "prod", gotLabel.Properties.Value)
	_, _, err = c.Labels.Add(ctx, ionos.DatacenterLabels(dc.ID), "team", "web")
	require.NoError(t, err)
	onServer, resp, err := c.Labels.ListOn(ctx, target)
	r.call("Labels.ListOn", resp, err)
	assert.Len(t, onServer, 1)
	assert.Equal(t, 1, drain(r, "Labels.AllOn", c.Labels.AllOn(ctx, target)))
	all, resp, err := c.Labels.List(ctx)
	r.call("Labels.List", resp, err)
	require.Len(t, all, 2)
	byURN, resp, err := c.Labels.GetByURN(ctx, all[0].ID)
	r.call("Labels.GetByURN", resp, err)
	assert.Equal(t, all[0].Properties, byURN.Properties)
	resp, err = c.Labels.Remove(ctx, target, "env")
	r.call("Labels.Remove", resp, err)
	_, _, err = c.Labels.Get(ctx, target, "env")
	assert.ErrorIs(t, err, ionos.ErrNotFound)

	// IP blocks.
	ipb, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Location: "us/las", Size: 2})
	r.call("IPBlocks.Reserve", resp, err)
	gotIPB, resp, err := c.IPBlocks.Get(ctx, ipb.ID)
	r.call("IPBlocks.Get", resp, err)
	assert.Len(t, gotIPB.Properties.IPs, 2)
	_, resp, err = c.IPBlocks.Update(ctx, ipb.ID, ionos.IPBlockUpdate{Name: ionos.Ptr("edge")})
	r.call("IPBlocks.Update", resp, err)
	ipbs, resp, err := c.IPBlocks.List(ctx)
	r.call("IPBlocks.List", resp, err)
	assert.Len(t, ipbs, 1)
	assert.Equal(t, 1, drain(r, "IPBlocks.All", c.IPBlocks.All(ctx)))
	_, resp, err = c.IPBlocks.Replace(ctx, ipb.ID, ionos.IPBlockSpec{Name: "edge2", Location: "us/las", Size: 2})
	r.call("IPBlocks.Replace", resp, err)
	resp, err = c.IPBlocks.Delete(ctx, ipb.ID)
	r.call("IPBlocks.Delete", resp, err)

	// Full replacements.
	_, resp, err = c.FirewallRules.Replace(ctx, dc.ID, srv.ID, nic.ID, rule.ID, ionos.FirewallRuleSpec{Name: "https", Protocol: ionos.ProtocolTCP, PortRangeStart: 443, PortRangeEnd: 443})
	r.call("FirewallRules.Replace", resp, err)
	gotRule, _, err = c.FirewallRules.Get(ctx, dc.ID, srv.ID, nic.ID, rule.ID)
	require.NoError(t, err)
	assert.Equal(t, 443, gotRule.Properties.PortRangeStart)
	_, resp, err = c.NICs.Replace(ctx, dc.ID, srv.ID, nic.ID, ionos.NICSpec{Name: "eth1", LAN: lanNo})
	r.call("NICs.Replace", resp, err)
	_, resp, err = c.Servers.Replace(ctx, dc.ID, srv.ID, ionos.ServerSpec{Name: "web2", Cores: 1, RAM: 1024})
	r.call("Servers.Replace", resp, err)
	gotSrv, _, err = c.Servers.Get(ctx, dc.ID, srv.ID)
	require.NoError(t, err)
	assert.Equal(t, "web2", gotSrv.Properties.Name)
	assert.Equal(t, 1024, gotSrv.Properties.RAM)
	_, resp, err = c.LANs.Replace(ctx, dc.ID, lan.ID, ionos.LANSpec{Name: "front2", Public: true})
	r.call("LANs.Replace", resp, err)
	_, resp, err = c.Datacenters.Replace(ctx, dc.ID, ionos.DatacenterSpec{Name: "e2e", Location: "us/las", Description: "replaced"})
	r.call("Datacenters.Replace", resp, err)

	// Tear down.
	resp, err = c.FirewallRules.Delete(ctx, dc.ID, srv.ID, nic.ID, rule.ID)
	r.call("FirewallRules.Delete", resp, err)
	resp, err = c.NICs.Delete(ctx, dc.ID, srv.ID, nic.ID)
	r.call("NICs.Delete", resp, err)
	resp, err = c.Servers.Delete(ctx, dc.ID, srv.ID)
	r.call("Servers.Delete", resp, err)
	resp, err = c.LANs.Delete(ctx, dc.ID, lan.ID)
	r.call("LANs.Delete", resp, err)
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	r.call("Datacenters.Delete", resp, err)
	_, _, err = c.Datacenters.Get(ctx, dc.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)
}

// accountsAndPlatform covers groups, shares, users, UM resources, the
// contract, Kubernetes, cross-connects, S3 keys and backup units.
func accountsAndPlatform(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	fast := ionos.WithWaitPolicy(ionos.WaitPolicy{MinInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond, Factor: 1.5})

	ct, resp, err := c.Contracts.Get(ctx)
	r.call("Contracts.Get", resp, err)
	assert.NotZero(t, ct.Properties.ContractNumber)
	cts, resp, err := c.Contracts.List(ctx)
	r.call("Contracts.List", resp, err)
	assert.Len(t, cts, 1)

	// Tokens (the Auth API), and a client built from one.
	jwt, resp, err := c.Tokens.Generate(ctx, time.Hour)
	r.call("Tokens.Generate", resp, err)
	tc, err := ionos.NewClient(ionos.WithToken(jwt.Reveal()), ionos.WithBaseURL(c.BaseURL()))
	require.NoError(t, err)
	defer tc.CloseIdleConnections()
	_, _, err = tc.Locations.List(ctx)
	require.NoError(t, err, "a client built from the generated token works")
	toks, resp, err := c.Tokens.List(ctx)
	r.call("Tokens.List", resp, err)
	require.Len(t, toks, 1)
	assert.WithinDuration(t, toks[0].CreatedDate.Add(time.Hour), toks[0].ExpirationDate, time.Second)
	tok, resp, err := c.Tokens.Get(ctx, toks[0].ID)
	r.call("Tokens.Get", resp, err)
	assert.Equal(t, toks[0].ID, tok.ID)
	resp, err = tc.Tokens.DeleteMatching(ctx, ionos.TokensCurrent)
	r.call("Tokens.DeleteMatching", resp, err)
	_, _, err = tc.Locations.List(ctx)
	assert.ErrorIs(t, err, ionos.ErrNotAuthorized, "the deleted token no longer works")
	jwt2, _, err := c.Tokens.Generate(ctx, 0)
	require.NoError(t, err)
	assert.NotEqual(t, jwt.Reveal(), jwt2.Reveal())
	toks, _, err = c.Tokens.List(ctx)
	require.NoError(t, err)
	require.Len(t, toks, 1)
	resp, err = c.Tokens.Delete(ctx, toks[0].ID)
	r.call("Tokens.Delete", resp, err)
	toks, _, err = c.Tokens.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, toks)

	// Groups and users.
	g, resp, err := c.Groups.Create(ctx, ionos.GroupSpec{Name: "e2e-ops", CreateDataCenter: true})
	r.call("Groups.Create", resp, err)
	_, resp, err = c.Groups.Update(ctx, g.ID, ionos.GroupUpdate{Name: ionos.Ptr("e2e-ops"), ReserveIP: ionos.Ptr(true)})
	r.call("Groups.Update", resp, err)
	gotG, resp, err := c.Groups.Get(ctx, g.ID)
	r.call("Groups.Get", resp, err)
	assert.True(t, gotG.Properties.ReserveIP)
	groups, resp, err := c.Groups.List(ctx)
	r.call("Groups.List", resp, err)
	assert.NotEmpty(t, groups)

	u, resp, err := c.Users.Create(ctx, ionos.UserSpec{FirstName: "Ada", LastName: "Lovelace", Email: "ada-e2e@example.com", Password: "Engine-1843"})
	r.call("Users.Create", resp, err)
	_, resp, err = c.Users.Update(ctx, u.ID, ionos.UserUpdate{ForceSecAuth: ionos.Ptr(false), LastName: ionos.Ptr("King")})
	r.call("Users.Update", resp, err)
	gotU, resp, err := c.Users.Get(ctx, u.ID)
	r.call("Users.Get", resp, err)
	assert.Equal(t, "King", gotU.Properties.LastName)
	users, resp, err := c.Users.List(ctx)
	r.call("Users.List", resp, err)
	assert.NotEmpty(t, users)
	assert.Equal(t, len(users), drain(r, "Users.All", c.Users.All(ctx)))

	_, resp, err = c.Groups.AddUser(ctx, g.ID, u.ID)
	r.call("Groups.AddUser", resp, err)
	members, resp, err := c.Groups.ListUsers(ctx, g.ID)
	r.call("Groups.ListUsers", resp, err)
	assert.Len(t, members, 1)

	// Shares and UM resources.
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-accounts", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, resp, err = c.Groups.AddShare(ctx, g.ID, dc.ID, ionos.ShareSpec{EditPrivilege: true})
	r.call("Groups.AddShare", resp, err)
	_, resp, err = c.Groups.UpdateShare(ctx, g.ID, dc.ID, ionos.ShareSpec{SharePrivilege: true})
	r.call("Groups.UpdateShare", resp, err)
	share, resp, err := c.Groups.GetShare(ctx, g.ID, dc.ID)
	r.call("Groups.GetShare", resp, err)
	assert.True(t, share.Properties.SharePrivilege)
	shares, resp, err := c.Groups.ListShares(ctx, g.ID)
	r.call("Groups.ListShares", resp, err)
	assert.Len(t, shares, 1)
	res, resp, err := c.Resources.List(ctx)
	r.call("Resources.List", resp, err)
	assert.NotEmpty(t, res)
	dcs, resp, err := c.Resources.ListByType(ctx, ionos.ResourceTypeDatacenter)
	r.call("Resources.ListByType", resp, err)
	assert.NotEmpty(t, dcs)
	gotR, resp, err := c.Resources.Get(ctx, ionos.ResourceTypeDatacenter, dc.ID)
	r.call("Resources.Get", resp, err)
	assert.Equal(t, "e2e-accounts", gotR.Properties.Name)
	shared, resp, err := c.Groups.ListResources(ctx, g.ID)
	r.call("Groups.ListResources", resp, err)
	require.Len(t, shared, 1)
	assert.Equal(t, dc.ID, shared[0].ID)
	inGroups, resp, err := c.Users.ListGroups(ctx, u.ID)
	r.call("Users.ListGroups", resp, err)
	require.Len(t, inGroups, 1)
	assert.Equal(t, g.ID, inGroups[0].ID)
	_, resp, err = c.Users.ListOwned(ctx, u.ID)
	r.call("Users.ListOwned", resp, err)

	// Kubernetes.
	k, resp, err := c.Kubernetes.CreateCluster(ctx, ionos.KubernetesClusterSpec{Name: "e2e-k8s"})
	r.call("Kubernetes.CreateCluster", resp, err)
	k, err = c.Kubernetes.WaitForClusterActive(ctx, k.ID, fast)
	r.call("Kubernetes.WaitForClusterActive", nil, err)
	assert.Equal(t, ionos.StateActive, k.Metadata.State)
	_, resp, err = c.Kubernetes.UpdateCluster(ctx, k.ID, ionos.KubernetesClusterUpdate{Name: "e2e-k8s",
		MaintenanceWindow: &ionos.MaintenanceWindow{DayOfTheWeek: "Sunday", Time: "03:00:00"}})
	r.call("Kubernetes.UpdateCluster", resp, err)
	gotK, resp, err := c.Kubernetes.GetCluster(ctx, k.ID)
	r.call("Kubernetes.GetCluster", resp, err)
	assert.Equal(t, "Sunday", gotK.Properties.MaintenanceWindow.DayOfTheWeek)
	clusters, resp, err := c.Kubernetes.ListClusters(ctx)
	r.call("Kubernetes.ListClusters", resp, err)
	assert.Len(t, clusters, 1)
	cfg, resp, err := c.Kubernetes.GetKubeconfig(ctx, k.ID)
	r.call("Kubernetes.GetKubeconfig", resp, err)
	assert.NotEmpty(t, cfg.Reveal())

	np, resp, err := c.Kubernetes.CreateNodePool(ctx, k.ID, ionos.KubernetesNodePoolSpec{Name: "pool-1", DatacenterID: dc.ID,
		NodeCount: 1, CPUFamily: "INTEL_SKYLAKE", CoresCount: 2, RAMSize: 2048, StorageType: "SSD", StorageSize: 20})
	r.call("Kubernetes.CreateNodePool", resp, err)
	_, err = c.Kubernetes.WaitForNodePoolActive(ctx, k.ID, np.ID, fast)
	r.call("Kubernetes.WaitForNodePoolActive", nil, err)
	_, resp, err = c.Kubernetes.UpdateNodePool(ctx, k.ID, np.ID, ionos.KubernetesNodePoolUpdate{NodeCount: 2})
	r.call("Kubernetes.UpdateNodePool", resp, err)
	gotNP, resp, err := c.Kubernetes.GetNodePool(ctx, k.ID, np.ID)
	r.call("Kubernetes.GetNodePool", resp, err)
	assert.Equal(t, 2, gotNP.Properties.NodeCount)
	pools, resp, err := c.Kubernetes.ListNodePools(ctx, k.ID)
	r.call("Kubernetes.ListNodePools", resp, err)
	assert.Len(t, pools, 1)
	nodes, resp, err := c.Kubernetes.ListNodes(ctx, k.ID, np.ID)
	r.call("Kubernetes.ListNodes", resp, err)
	require.Len(t, nodes, 2, "one node per NodeCount")
	node, resp, err := c.Kubernetes.GetNode(ctx, k.ID, np.ID, nodes[1].ID)
	r.call("Kubernetes.GetNode", resp, err)
	assert.Equal(t, nodes[1].Properties.Name, node.Properties.Name)
	resp, err = c.Kubernetes.ReplaceNode(ctx, k.ID, np.ID, node.ID)
	r.call("Kubernetes.ReplaceNode", resp, err)
	resp, err = c.Kubernetes.DeleteNode(ctx, k.ID, np.ID, node.ID)
	r.call("Kubernetes.DeleteNode", resp, err)
	versions, resp, err := c.Kubernetes.ListVersions(ctx)
	r.call("Kubernetes.ListVersions", resp, err)
	def, resp, err := c.Kubernetes.DefaultVersion(ctx)
	r.call("Kubernetes.DefaultVersion", resp, err)
	assert.Contains(t, versions, def)
	compat, resp, err := c.Kubernetes.CompatibleVersions(ctx, def)
	if c.APIVersion() == ionos.APIv6 {
		// v6 removed the call: refused before sending.
		require.ErrorIs(t, err, ionos.ErrUnsupportedVersion)
		assert.Nil(t, resp)
		r.called["Kubernetes.CompatibleVersions"] = true
	} else {
		r.call("Kubernetes.CompatibleVersions", resp, err)
		assert.Contains(t, compat, def)
	}
	resp, err = c.Kubernetes.DeleteNodePool(ctx, k.ID, np.ID)
	r.call("Kubernetes.DeleteNodePool", resp, err)
	err = c.Kubernetes.WaitForNodePoolDeleted(ctx, k.ID, np.ID, fast)
	r.call("Kubernetes.WaitForNodePoolDeleted", nil, err)
	resp, err = c.Kubernetes.DeleteCluster(ctx, k.ID)
	r.call("Kubernetes.DeleteCluster", resp, err)
	err = c.Kubernetes.WaitForClusterDeleted(ctx, k.ID, fast)
	r.call("Kubernetes.WaitForClusterDeleted", nil, err)

	// Cross-connects.
	pcc, resp, err := c.CrossConnects.Create(ctx, ionos.CrossConnectSpec{Name: "e2e-pcc", Description: "joins"})
	r.call("CrossConnects.Create", resp, err)
	_, resp, err = c.CrossConnects.Update(ctx, pcc.ID, ionos.CrossConnectUpdate{Description: ionos.Ptr("")})
	r.call("CrossConnects.Update", resp, err)
	gotPCC, resp, err := c.CrossConnects.Get(ctx, pcc.ID)
	r.call("CrossConnects.Get", resp, err)
	assert.Equal(t, "e2e-pcc", gotPCC.Properties.Name)
	pccs, resp, err := c.CrossConnects.List(ctx)
	r.call("CrossConnects.List", resp, err)
	assert.Len(t, pccs, 1)
	resp, err = c.CrossConnects.Delete(ctx, pcc.ID)
	r.call("CrossConnects.Delete", resp, err)

	// S3 keys.
	key, resp, err := c.S3Keys.Create(ctx, u.ID)
	r.call("S3Keys.Create", resp, err)
	assert.NotEmpty(t, key.Properties.SecretKey.Reveal())
	_, resp, err = c.S3Keys.Update(ctx, u.ID, key.ID, false)
	r.call("S3Keys.Update", resp, err)
	gotKey, resp, err := c.S3Keys.Get(ctx, u.ID, key.ID)
	r.call("S3Keys.Get", resp, err)
	assert.False(t, gotKey.Properties.Active)
	keys, resp, err := c.S3Keys.List(ctx, u.ID)
	r.call("S3Keys.List", resp, err)
	assert.Len(t, keys, 1)
	s3sso, resp, err := c.S3Keys.SSOURL(ctx, u.ID)
	r.call("S3Keys.SSOURL", resp, err)
	assert.NotEmpty(t, s3sso.URL)
	resp, err = c.S3Keys.Delete(ctx, u.ID, key.ID)
	r.call("S3Keys.Delete", resp, err)

	// Backup units.
	bu, resp, err := c.BackupUnits.Create(ctx, ionos.BackupUnitSpec{Name: "nightly", Password: "Hunter2-Backup", Email: "backup@example.com"})
	r.call("BackupUnits.Create", resp, err)
	_, resp, err = c.BackupUnits.Update(ctx, bu.ID, ionos.BackupUnitUpdate{Email: ionos.Ptr("ops@example.com")})
	r.call("BackupUnits.Update", resp, err)
	_, resp, err = c.BackupUnits.Replace(ctx, bu.ID, ionos.BackupUnitSpec{Name: "nightly", Email: "ops2@example.com"})
	r.call("BackupUnits.Replace", resp, err)
	gotBU, resp, err := c.BackupUnits.Get(ctx, bu.ID)
	r.call("BackupUnits.Get", resp, err)
	assert.Equal(t, "ops2@example.com", gotBU.Properties.Email)
	bus, resp, err := c.BackupUnits.List(ctx)
	r.call("BackupUnits.List", resp, err)
	assert.Len(t, bus, 1)
	busso, resp, err := c.BackupUnits.SSOURL(ctx, bu.ID)
	r.call("BackupUnits.SSOURL", resp, err)
	assert.NotEmpty(t, busso.URL)
	resp, err = c.BackupUnits.Delete(ctx, bu.ID)
	r.call("BackupUnits.Delete", resp, err)

	// Tear down.
	resp, err = c.Groups.RemoveShare(ctx, g.ID, dc.ID)
	r.call("Groups.RemoveShare", resp, err)
	resp, err = c.Groups.RemoveUser(ctx, g.ID, u.ID)
	r.call("Groups.RemoveUser", resp, err)
	resp, err = c.Users.Delete(ctx, u.ID)
	r.call("Users.Delete", resp, err)
	resp, err = c.Groups.Delete(ctx, g.ID)
	r.call("Groups.Delete", resp, err)
	_, _, err = c.Groups.Get(ctx, g.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
}

// natGatewayOperations calls every NAT gateway operation (Cloud API v6): a
// gateway on a private LAN with public IPs of an IP block, and its rules.
func natGatewayOperations(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	fast := ionos.WithWaitPolicy(ionos.WaitPolicy{MinInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond, Factor: 1.5})
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-nat", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "private"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "e2e-nat", Location: "de/fra", Size: 2})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	ips := block.Properties.IPs

	gw, resp, err := c.NATGateways.Create(ctx, dc.ID, ionos.NATGatewaySpec{
		Name: "e2e-nat", PublicIPs: ips, LANs: []ionos.NATGatewayLAN{{ID: lan.ID, GatewayIPs: []string{"10.7.0.1/24"}}},
		Rules: []ionos.NATGatewayRuleSpec{{Name: "outbound", Type: ionos.NATGatewayRuleSNAT, SourceSubnet: "10.7.0.0/24", PublicIP: ips[0]}},
	})
	r.call("NATGateways.Create", resp, err)
	withNAT, resp, err := c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(2))
	r.call("Datacenters.Get", resp, err)
	require.Len(t, withNAT.Entities.NATGateways.Items, 1, "a v6 data center's entities hold its NAT gateways")
	used, resp, err := c.IPBlocks.Get(ctx, block.ID)
	r.call("IPBlocks.Get", resp, err)
	var consumers []string
	for _, x := range used.Properties.IPConsumers {
		consumers = append(consumers, x.IP+" "+x.DatacenterID)
	}
	assert.ElementsMatch(t, []string{ips[0] + " " + dc.ID, ips[1] + " " + dc.ID}, consumers, "the gateway's public IPs are consumers of the block")
	assert.Equal(t, gw.ID, withNAT.Entities.NATGateways.Items[0].ID)
	assert.Equal(t, "e2e-nat", withNAT.Entities.NATGateways.Items[0].Properties.Name)
	gws, resp, err := c.NATGateways.List(ctx, dc.ID)
	r.call("NATGateways.List", resp, err)
	require.Len(t, gws, 1)
	assert.Equal(t, 1, drain(r, "NATGateways.All", c.NATGateways.All(ctx, dc.ID)))
	got, resp, err := c.NATGateways.Get(ctx, dc.ID, gw.ID, ionos.WithDepth(2))
	r.call("NATGateways.Get", resp, err)
	require.Len(t, got.Entities.Rules.Items, 1)
	assert.Equal(t, "outbound", got.Entities.Rules.Items[0].Properties.Name)

	rule, resp, err := c.NATGateways.CreateRule(ctx, dc.ID, gw.ID, ionos.NATGatewayRuleSpec{
		Name: "web", Protocol: ionos.NATGatewayRuleTCP, SourceSubnet: "10.7.0.0/24", PublicIP: ips[1],
		TargetSubnet: "0.0.0.0/0", TargetPortRange: &ionos.NATGatewayPortRange{Start: 80, End: 443},
	})
	r.call("NATGateways.CreateRule", resp, err)
	rules, resp, err := c.NATGateways.ListRules(ctx, dc.ID, gw.ID)
	r.call("NATGateways.ListRules", resp, err)
	assert.Len(t, rules, 2)
	assert.Equal(t, 2, drain(r, "NATGateways.AllRules", c.NATGateways.AllRules(ctx, dc.ID, gw.ID)))
	_, resp, err = c.NATGateways.UpdateRule(ctx, dc.ID, gw.ID, rule.ID, ionos.NATGatewayRuleUpdate{Name: ionos.Ptr("web2")})
	r.call("NATGateways.UpdateRule", resp, err)
	_, err = c.NATGateways.WaitForRuleAvailable(ctx, dc.ID, gw.ID, rule.ID, fast)
	r.call("NATGateways.WaitForRuleAvailable", nil, err)
	_, resp, err = c.NATGateways.ReplaceRule(ctx, dc.ID, gw.ID, rule.ID, ionos.NATGatewayRuleSpec{Name: "all", SourceSubnet: "10.7.0.0/16", PublicIP: ips[1]})
	r.call("NATGateways.ReplaceRule", resp, err)
	gotRule, resp, err := c.NATGateways.GetRule(ctx, dc.ID, gw.ID, rule.ID)
	r.call("NATGateways.GetRule", resp, err)
	assert.Equal(t, "all", gotRule.Properties.Name)
	resp, err = c.NATGateways.DeleteRule(ctx, dc.ID, gw.ID, rule.ID)
	r.call("NATGateways.DeleteRule", resp, err)

	_, resp, err = c.NATGateways.Update(ctx, dc.ID, gw.ID, ionos.NATGatewayUpdate{Name: ionos.Ptr("e2e-nat2")})
	r.call("NATGateways.Update", resp, err)
	_, resp, err = c.NATGateways.Replace(ctx, dc.ID, gw.ID, ionos.NATGatewaySpec{Name: "e2e-nat3", PublicIPs: ips,
		LANs: []ionos.NATGatewayLAN{{ID: lan.ID}}})
	r.call("NATGateways.Replace", resp, err)
	avail, err := c.NATGateways.WaitForAvailable(ctx, dc.ID, gw.ID, fast)
	r.call("NATGateways.WaitForAvailable", nil, err)
	assert.Equal(t, "e2e-nat3", avail.Properties.Name)
	resp, err = c.NATGateways.Delete(ctx, dc.ID, gw.ID)
	r.call("NATGateways.Delete", resp, err)
	_, _, err = c.NATGateways.Get(ctx, dc.ID, gw.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)

	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	resp, err = c.IPBlocks.Delete(ctx, block.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
}

// natGatewaysRefusedOnV5: v5 has no NAT gateways; the client refuses them
// before sending, which stands for every operation of the family.
func natGatewaysRefusedOnV5(r *opRun, ctx context.Context) {
	_, resp, err := r.c.NATGateways.List(ctx, "8feda53f-15f0-447f-badf-ebe32dad2fc0")
	require.ErrorIs(r.t, err, ionos.ErrUnsupportedVersion)
	assert.Nil(r.t, resp)
	for _, op := range []string{"List", "All", "Get", "Create", "Update", "Replace", "Delete", "ListRules", "AllRules",
		"GetRule", "CreateRule", "UpdateRule", "ReplaceRule", "DeleteRule", "WaitForAvailable", "WaitForRuleAvailable"} {
		r.called["NATGateways."+op] = true
	}
}

// applicationLoadBalancers calls every operation of application load
// balancers, their forwarding rules and target groups (v6).
func applicationLoadBalancers(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	fast := ionos.WithWaitPolicy(ionos.WaitPolicy{MinInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond, Factor: 1.5})
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-alb", Location: "de/fra"})
	r.call("Datacenters.Create", resp, err)
	for _, spec := range []ionos.LANSpec{{Name: "public", Public: true}, {Name: "private"}} {
		_, resp, err := c.LANs.Create(ctx, dc.ID, spec)
		r.call("LANs.Create", resp, err)
	}

	tg, resp, err := c.TargetGroups.Create(ctx, ionos.TargetGroupSpec{
		Name: "app", Algorithm: ionos.TargetGroupRoundRobin,
		Targets:         []ionos.TargetGroupTargetSpec{{IP: "10.7.0.11", Port: 8080, Weight: 1}, {IP: "10.7.0.12", Port: 8080, Weight: 1}},
		HealthCheck:     &ionos.TargetGroupHealthCheckSpec{CheckInterval: ionos.Ptr(3000), Retries: ionos.Ptr(2)},
		HTTPHealthCheck: &ionos.TargetGroupHTTPHealthCheckSpec{Path: "/health", Method: ionos.HealthCheckGET, MatchType: ionos.HealthCheckMatchStatusCode, Response: "200"},
	})
	r.call("TargetGroups.Create", resp, err)
	tgs, resp, err := c.TargetGroups.List(ctx)
	r.call("TargetGroups.List", resp, err)
	assert.Len(t, tgs, 1)
	assert.Equal(t, 1, drain(r, "TargetGroups.All", c.TargetGroups.All(ctx, ionos.WithPage(0, 200))))
	got, resp, err := c.TargetGroups.Get(ctx, tg.ID)
	r.call("TargetGroups.Get", resp, err)
	assert.Len(t, got.Properties.Targets, 2)
	_, resp, err = c.TargetGroups.Update(ctx, tg.ID, ionos.TargetGroupUpdate{Algorithm: ionos.Ptr(ionos.TargetGroupLeastConnection)})
	r.call("TargetGroups.Update", resp, err)
	got, err = c.TargetGroups.WaitForAvailable(ctx, tg.ID, fast)
	r.call("TargetGroups.WaitForAvailable", nil, err)
	assert.Equal(t, ionos.TargetGroupLeastConnection, got.Properties.Algorithm)
	_, resp, err = c.TargetGroups.Replace(ctx, tg.ID, ionos.TargetGroupSpec{Name: "app", Algorithm: ionos.TargetGroupRandom,
		Targets: []ionos.TargetGroupTargetSpec{{IP: "10.7.0.11", Port: 8080, Weight: 2}}})
	r.call("TargetGroups.Replace", resp, err)
	_, err = c.TargetGroups.WaitForAvailable(ctx, tg.ID, fast)
	require.NoError(t, err)

	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dc.ID, ionos.ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.20"}, LBPrivateIPs: []string{"10.7.0.5/24"}})
	r.call("ApplicationLoadBalancers.Create", resp, err)
	albs, resp, err := c.ApplicationLoadBalancers.List(ctx, dc.ID)
	r.call("ApplicationLoadBalancers.List", resp, err)
	assert.Len(t, albs, 1)
	assert.Equal(t, 1, drain(r, "ApplicationLoadBalancers.All", c.ApplicationLoadBalancers.All(ctx, dc.ID)))
	_, resp, err = c.ApplicationLoadBalancers.Update(ctx, dc.ID, alb.ID, ionos.ApplicationLoadBalancerUpdate{Name: ionos.Ptr("front-2")})
	r.call("ApplicationLoadBalancers.Update", resp, err)
	_, resp, err = c.ApplicationLoadBalancers.Replace(ctx, dc.ID, alb.ID, ionos.ApplicationLoadBalancerSpec{
		Name: "front-3", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.20"}})
	r.call("ApplicationLoadBalancers.Replace", resp, err)
	a, err := c.ApplicationLoadBalancers.WaitForAvailable(ctx, dc.ID, alb.ID, fast)
	r.call("ApplicationLoadBalancers.WaitForAvailable", nil, err)
	assert.Equal(t, "front-3", a.Properties.Name)

	rule, resp, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, dc.ID, alb.ID, ionos.ALBForwardingRuleSpec{
		Name: "http", ListenerIP: "203.0.113.20", ListenerPort: 80,
		HTTPRules: []ionos.HTTPRuleSpec{
			{Name: "app", Type: ionos.HTTPRuleForward, TargetGroup: tg.ID,
				Conditions: []ionos.HTTPRuleCondition{{Type: ionos.HTTPConditionPath, Condition: ionos.HTTPMatchStartsWith, Value: "/"}}},
			{Name: "old", Type: ionos.HTTPRuleRedirect, Location: "https://example.com/", StatusCode: 308},
		},
	})
	r.call("ApplicationLoadBalancers.CreateForwardingRule", resp, err)
	rules, resp, err := c.ApplicationLoadBalancers.ListForwardingRules(ctx, dc.ID, alb.ID)
	r.call("ApplicationLoadBalancers.ListForwardingRules", resp, err)
	assert.Len(t, rules, 1)
	assert.Equal(t, 1, drain(r, "ApplicationLoadBalancers.AllForwardingRules", c.ApplicationLoadBalancers.AllForwardingRules(ctx, dc.ID, alb.ID)))
	fr, resp, err := c.ApplicationLoadBalancers.GetForwardingRule(ctx, dc.ID, alb.ID, rule.ID)
	r.call("ApplicationLoadBalancers.GetForwardingRule", resp, err)
	assert.Len(t, fr.Properties.HTTPRules, 2)
	_, resp, err = c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, dc.ID, alb.ID, rule.ID, ionos.ALBForwardingRuleUpdate{ClientTimeout: ionos.Ptr(10000)})
	r.call("ApplicationLoadBalancers.UpdateForwardingRule", resp, err)
	fr, err = c.ApplicationLoadBalancers.WaitForForwardingRuleAvailable(ctx, dc.ID, alb.ID, rule.ID, fast)
	r.call("ApplicationLoadBalancers.WaitForForwardingRuleAvailable", nil, err)
	assert.Equal(t, 10000, fr.Properties.ClientTimeout)
	_, resp, err = c.ApplicationLoadBalancers.ReplaceForwardingRule(ctx, dc.ID, alb.ID, rule.ID, ionos.ALBForwardingRuleSpec{
		Name: "http", ListenerIP: "203.0.113.20", ListenerPort: 8080,
		HTTPRules: []ionos.HTTPRuleSpec{{Name: "app", Type: ionos.HTTPRuleForward, TargetGroup: tg.ID}}})
	r.call("ApplicationLoadBalancers.ReplaceForwardingRule", resp, err)
	a, resp, err = c.ApplicationLoadBalancers.Get(ctx, dc.ID, alb.ID, ionos.WithDepth(2))
	r.call("ApplicationLoadBalancers.Get", resp, err)
	require.Len(t, a.Entities.ForwardingRules.Items, 1)
	assert.Equal(t, 8080, a.Entities.ForwardingRules.Items[0].Properties.ListenerPort)

	// In use: the target group cannot go yet.
	_, err = c.TargetGroups.Delete(ctx, tg.ID)
	require.ErrorIs(t, err, ionos.ErrValidation)

	resp, err = c.ApplicationLoadBalancers.DeleteForwardingRule(ctx, dc.ID, alb.ID, rule.ID)
	r.call("ApplicationLoadBalancers.DeleteForwardingRule", resp, err)
	resp, err = c.ApplicationLoadBalancers.Delete(ctx, dc.ID, alb.ID)
	r.call("ApplicationLoadBalancers.Delete", resp, err)
	resp, err = c.TargetGroups.Delete(ctx, tg.ID)
	r.call("TargetGroups.Delete", resp, err)
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	r.call("Datacenters.Delete", resp, err)
}

// flowLogs covers the flow logs (v6) on a NIC, the one owner the emulator
// has of the four: the calls are the same for NAT gateways and load
// balancers but for the owner.
func flowLogs(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-flowlogs", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "web", Cores: 1, RAM: 1024})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	nic, resp, err := c.NICs.Create(ctx, dc.ID, srv.ID, ionos.NICSpec{Name: "eth0", LAN: "1"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	owner := ionos.NICFlowLogs(dc.ID, srv.ID, nic.ID)

	fl, resp, err := c.FlowLogs.Create(ctx, owner, ionos.FlowLogSpec{Name: "rejected-in", Action: ionos.FlowLogRejected, Direction: ionos.FlowLogIngress, Bucket: "flowlogs/web"})
	r.call("FlowLogs.Create", resp, err)
	_, resp, err = c.FlowLogs.Update(ctx, owner, fl.ID, ionos.FlowLogUpdate{Direction: ionos.Ptr(ionos.FlowLogBidirectional)})
	r.call("FlowLogs.Update", resp, err)
	got, err := c.FlowLogs.WaitForAvailable(ctx, owner, fl.ID)
	r.call("FlowLogs.WaitForAvailable", nil, err)
	assert.Equal(t, ionos.FlowLogBidirectional, got.Properties.Direction)
	got, resp, err = c.FlowLogs.Get(ctx, owner, fl.ID)
	r.call("FlowLogs.Get", resp, err)
	assert.Equal(t, "rejected-in", got.Properties.Name)
	_, resp, err = c.FlowLogs.Replace(ctx, owner, fl.ID, ionos.FlowLogSpec{Name: "all", Action: ionos.FlowLogAll, Direction: ionos.FlowLogEgress, Bucket: "flowlogs/archive"})
	r.call("FlowLogs.Replace", resp, err)
	fls, resp, err := c.FlowLogs.List(ctx, owner)
	r.call("FlowLogs.List", resp, err)
	require.Len(t, fls, 1)
	assert.Equal(t, ionos.FlowLogProperties{Name: "all", Action: ionos.FlowLogAll, Direction: ionos.FlowLogEgress, Bucket: "flowlogs/archive"}, fls[0].Properties)
	assert.Equal(t, 1, drain(r, "FlowLogs.All", c.FlowLogs.All(ctx, owner)))
	resp, err = c.FlowLogs.Delete(ctx, owner, fl.ID)
	r.call("FlowLogs.Delete", resp, err)
	_, _, err = c.FlowLogs.Get(ctx, owner, fl.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)

	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
}

// cubeServers calls the templates and the v6 server calls: a CUBE server
// from a template, suspended and resumed, its token and console.
func cubeServers(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	tpls, resp, err := c.Templates.List(ctx)
	r.call("Templates.List", resp, err)
	require.NotEmpty(t, tpls)
	assert.Equal(t, len(tpls), drain(r, "Templates.All", c.Templates.All(ctx)))
	tpl, resp, err := c.Templates.Get(ctx, tpls[0].ID)
	r.call("Templates.Get", resp, err)
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-cube", Location: "de/fra"})
	r.call("Datacenters.Create", resp, err)
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "cube", Type: ionos.ServerTypeCube, TemplateID: tpl.ID,
		Volumes: []ionos.VolumeSpec{{Name: "das", Type: ionos.VolumeTypeDAS, LicenceType: ionos.LicenceLinux}}})
	r.call("Servers.Create", resp, err)
	got, _, err := c.Servers.Get(ctx, dc.ID, srv.ID)
	require.NoError(t, err)
	assert.EqualValues(t, tpl.Properties.Cores, got.Properties.Cores)
	resp, err = c.Servers.Suspend(ctx, dc.ID, srv.ID)
	r.call("Servers.Suspend", resp, err)
	resp, err = c.Servers.Resume(ctx, dc.ID, srv.ID)
	r.call("Servers.Resume", resp, err)
	tok, resp, err := c.Servers.Token(ctx, dc.ID, srv.ID)
	r.call("Servers.Token", resp, err)
	assert.NotEmpty(t, tok.Reveal())
	u, resp, err := c.Servers.RemoteConsoleURL(ctx, dc.ID, srv.ID)
	r.call("Servers.RemoteConsoleURL", resp, err)
	assert.NotEmpty(t, u.Reveal())
	g, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "gpu", Type: ionos.ServerTypeGPU, Cores: 8, RAM: 32768})
	r.call("Servers.Create", resp, err)
	gpus, resp, err := c.Servers.ListGPUs(ctx, dc.ID, g.ID)
	r.call("Servers.ListGPUs", resp, err)
	require.Len(t, gpus, 1)
	_, resp, err = c.Servers.GetGPU(ctx, dc.ID, g.ID, gpus[0].ID)
	r.call("Servers.GetGPU", resp, err)
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	r.call("Datacenters.Delete", resp, err)
}

// securityGroups covers the security groups (v6): a group with a rule,
// changed, replaced, listed and deleted.
func securityGroups(r *opRun, ctx context.Context) {
	t, c := r.t, r.c
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "e2e-secgroups", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	sg, resp, err := c.SecurityGroups.Create(ctx, dc.ID, ionos.SecurityGroupSpec{Name: "web", Description: "HTTPS in", Rules: []ionos.FirewallRuleSpec{
		{Name: "https", Protocol: ionos.ProtocolTCP, PortRangeStart: 443, PortRangeEnd: 443, SourceIP: "2001:db8::/32"},
	}})
	r.call("SecurityGroups.Create", resp, err)
	withSG, resp, err := c.Datacenters.Get(ctx, dc.ID, ionos.WithDepth(2))
	r.call("Datacenters.Get", resp, err)
	require.Len(t, withSG.Entities.SecurityGroups.Items, 1, "a v6 data center's entities hold its security groups")
	assert.Equal(t, "web", withSG.Entities.SecurityGroups.Items[0].Properties.Name)
	_, resp, err = c.SecurityGroups.Update(ctx, dc.ID, sg.ID, ionos.SecurityGroupUpdate{Description: ionos.Ptr("all web")})
	r.call("SecurityGroups.Update", resp, err)
	got, resp, err := c.SecurityGroups.Get(ctx, dc.ID, sg.ID, ionos.WithDepth(2))
	r.call("SecurityGroups.Get", resp, err)
	assert.Equal(t, ionos.SecurityGroupProperties{Name: "web", Description: "all web"}, got.Properties)
	require.Len(t, got.Entities.Rules.Items, 1)
	assert.Equal(t, 443, got.Entities.Rules.Items[0].Properties.PortRangeStart)
	rule, resp, err := c.SecurityGroups.CreateRule(ctx, dc.ID, sg.ID, ionos.FirewallRuleSpec{Name: "ping6", Protocol: "ICMPv6", SourceIP: "2001:db8::/32", ICMPType: ionos.Ptr(128)})
	r.call("SecurityGroups.CreateRule", resp, err)
	_, resp, err = c.SecurityGroups.UpdateRule(ctx, dc.ID, sg.ID, rule.ID, ionos.FirewallRuleUpdate{Name: ionos.Ptr("echo6")})
	r.call("SecurityGroups.UpdateRule", resp, err)
	gotRule, resp, err := c.SecurityGroups.GetRule(ctx, dc.ID, sg.ID, rule.ID)
	r.call("SecurityGroups.GetRule", resp, err)
	assert.Equal(t, "echo6", gotRule.Properties.Name)
	require.NotNil(t, gotRule.Properties.ICMPType)
	assert.Equal(t, 128, *gotRule.Properties.ICMPType)
	_, resp, err = c.SecurityGroups.ReplaceRule(ctx, dc.ID, sg.ID, rule.ID, ionos.FirewallRuleSpec{Name: "ssh", Protocol: ionos.ProtocolTCP, PortRangeStart: 22, PortRangeEnd: 22})
	r.call("SecurityGroups.ReplaceRule", resp, err)
	rules, resp, err := c.SecurityGroups.ListRules(ctx, dc.ID, sg.ID)
	r.call("SecurityGroups.ListRules", resp, err)
	require.Len(t, rules, 2)
	assert.Equal(t, 2, drain(r, "SecurityGroups.AllRules", c.SecurityGroups.AllRules(ctx, dc.ID, sg.ID)))
	_, _, err = c.SecurityGroups.CreateRule(ctx, dc.ID, sg.ID, ionos.FirewallRuleSpec{Protocol: ionos.ProtocolTCP, PortRangeStart: 80, PortRangeEnd: 80})
	require.NoError(t, err)
	resp, err = c.SecurityGroups.DeleteRule(ctx, dc.ID, sg.ID, rule.ID)
	r.call("SecurityGroups.DeleteRule", resp, err)
	_, _, err = c.SecurityGroups.GetRule(ctx, dc.ID, sg.ID, rule.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)
	_, resp, err = c.SecurityGroups.Replace(ctx, dc.ID, sg.ID, ionos.SecurityGroupSpec{Name: "web2"})
	r.call("SecurityGroups.Replace", resp, err)
	sgs, resp, err := c.SecurityGroups.List(ctx, dc.ID)
	r.call("SecurityGroups.List", resp, err)
	require.Len(t, sgs, 1)
	assert.Equal(t, ionos.SecurityGroupProperties{Name: "web2"}, sgs[0].Properties)
	assert.Equal(t, 1, drain(r, "SecurityGroups.All", c.SecurityGroups.All(ctx, dc.ID)))

	// Attached to a server and to its NIC: the NIC shows it at depth 1.
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "web", Cores: 1, RAM: 1024})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	nic, resp, err := c.NICs.Create(ctx, dc.ID, srv.ID, ionos.NICSpec{Name: "eth0", LAN: "1"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	attached, resp, err := c.SecurityGroups.AttachToServer(ctx, dc.ID, srv.ID, []string{sg.ID})
	r.call("SecurityGroups.AttachToServer", resp, err)
	require.Len(t, attached, 1)
	assert.Equal(t, sg.ID, attached[0].ID)
	attached, resp, err = c.SecurityGroups.AttachToNIC(ctx, dc.ID, srv.ID, nic.ID, []string{sg.ID})
	r.call("SecurityGroups.AttachToNIC", resp, err)
	require.Len(t, attached, 1)
	gotNIC, _, err := c.NICs.Get(ctx, dc.ID, srv.ID, nic.ID, ionos.WithDepth(1))
	require.NoError(t, err)
	require.Len(t, gotNIC.Entities.SecurityGroups.Items, 1)
	assert.Equal(t, sg.ID, gotNIC.Entities.SecurityGroups.Items[0].ID)
	gotSrv, _, err := c.Servers.Get(ctx, dc.ID, srv.ID, ionos.WithDepth(1))
	require.NoError(t, err)
	require.Len(t, gotSrv.Entities.SecurityGroups.Items, 1)
	// An empty list detaches.
	attached, _, err = c.SecurityGroups.AttachToNIC(ctx, dc.ID, srv.ID, nic.ID, nil)
	require.NoError(t, err)
	assert.Empty(t, attached)
	gotNIC, _, err = c.NICs.Get(ctx, dc.ID, srv.ID, nic.ID, ionos.WithDepth(1))
	require.NoError(t, err)
	assert.Empty(t, gotNIC.Entities.SecurityGroups.Items)

	resp, err = c.SecurityGroups.Delete(ctx, dc.ID, sg.ID)
	r.call("SecurityGroups.Delete", resp, err)
	_, _, err = c.SecurityGroups.Get(ctx, dc.ID, sg.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)

	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
}

// teeWriter passes an answer on and keeps its status and body.
type teeWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *teeWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *teeWriter) Write(p []byte) (int, error) {
	w.body.Write(p)
	return w.ResponseWriter.Write(p)
}
