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
	csSrvID  = "2e4d1a2c-6d3f-4b43-9b1e-7f4b8f0a1c11"
	csVolID  = "c3f2ad1e-9a52-4a0e-8a4a-5f7b6d2e9b01"
	csVol2ID = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"
	csNICID  = "5a2c1e3b-0d7f-4c8e-9b1a-2f3e4d5c6b7a"
	csImgID  = "0d4f97f0-1689-11e7-97ce-525400f64d8d"
	csCDID   = "1a2b3c4d-5e6f-11e7-97ce-525400f64d8d"
	csSnapID = "e7f8a9b0-c1d2-4e3f-8a4b-5c6d7e8f9a0b"
	csIPBID  = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"

	csSrvPath = "/datacenters/" + dcID + "/servers/" + csSrvID
)

// onAcceptedNoBody answers a bodiless write (delete, action) with 202 and a
// Location header, as the API does.
func (m *mockAPI) onAcceptedNoBody(method, path string) {
	m.on(method, path, http.StatusAccepted, nil, "Location", testBase+"/requests/"+testRequestID+"/status")
}

func TestServersList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/"+dcID+"/servers", 200, fixture(t, "server_list.json"))
	srvs, resp, err := m.c.Servers.List(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/datacenters/"+dcID+"/servers", "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, srvs, 2)
	assert.Equal(t, csSrvID, srvs[0].ID)
	assert.Equal(t, "server", srvs[0].Type)
	assert.Equal(t, "web-1", srvs[0].Properties.Name)
	assert.Equal(t, 4, srvs[0].Properties.Cores)
	assert.Equal(t, 4096, srvs[0].Properties.RAM)
	assert.Equal(t, CPUFamily("INTEL_XEON"), srvs[0].Properties.CPUFamily)
	assert.Equal(t, AvailabilityZone("ZONE_1"), srvs[0].Properties.AvailabilityZone)
	require.NotNil(t, srvs[0].Properties.BootVolume)
	assert.Equal(t, csVolID, srvs[0].Properties.BootVolume.ID)
	assert.Nil(t, srvs[0].Properties.BootCDROM)
	require.Len(t, srvs[0].Entities.Volumes.Items, 1)
	assert.Equal(t, csVolID, srvs[0].Entities.Volumes.Items[0].ID)
	require.Len(t, srvs[0].Entities.CDROMs.Items, 1)
	assert.Equal(t, csCDID, srvs[0].Entities.CDROMs.Items[0].ID)
	require.Len(t, srvs[0].Entities.NICs.Items, 1)
	assert.Equal(t, "SHUTOFF", srvs[1].Properties.VMState)
}

func TestServersListDepthAndPage(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/"+dcID+"/servers", 200, fixture(t, "server_list.json"))
	_, _, err := m.c.Servers.List(context.Background(), dcID, WithDepth(3), WithPage(0, 1000))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/datacenters/"+dcID+"/servers", "depth", "3", "offset", "0", "limit", "1000")
}

func TestServersAll(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/"+dcID+"/servers", 200, fixture(t, "server_list.json"))
	var names []string
	for s, err := range m.c.Servers.All(context.Background(), dcID) {
		require.NoError(t, err)
		names = append(names, s.Properties.Name)
	}
	assert.Equal(t, []string{"web-1", "web-2"}, names)
	assertCall(t, m.only(), http.MethodGet, "/datacenters/"+dcID+"/servers", "depth", "1")
}

func TestServersGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, csSrvPath, 200, fixture(t, "server_depth2.json"))
	s, _, err := m.c.Servers.Get(context.Background(), dcID, csSrvID, WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, csSrvPath, "depth", "2")
	assertNoBody(t, c)
	assert.Equal(t, "web-1", s.Properties.Name)
	assert.Equal(t, StateAvailable, s.Metadata.State)
	assert.Equal(t, time.Date(2020, 8, 25, 10, 20, 0, 0, time.UTC), s.Metadata.CreatedDate)
	vol := s.Entities.Volumes.Items[0]
	assert.Equal(t, 20.0, vol.Properties.Size)
	assert.Equal(t, csImgID, vol.Properties.Image)
	assert.True(t, vol.Properties.RAMHotPlug)
	cd := s.Entities.CDROMs.Items[0]
	assert.Equal(t, "CDROM", cd.Properties.ImageType)
	assert.Equal(t, 0.88, cd.Properties.Size)
	n := s.Entities.NICs.Items[0]
	assert.Equal(t, []string{"158.222.102.177"}, n.Properties.IPs)
	assert.Equal(t, LANID("1"), n.Properties.LAN)
}

func TestServersGetDefaultDepth(t *testing.T) {
	m := newMockAPI(t, WithDefaultDepth(4))
	m.on(http.MethodGet, csSrvPath, 200, fixture(t, "server_depth2.json"))
	_, _, err := m.c.Servers.Get(context.Background(), dcID, csSrvID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, csSrvPath, "depth", "4")
}

func TestServersCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created.json"))
	s, resp, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{
		Name: "Python SDK Server", Cores: 4, RAM: 4096, CPUFamily: CPUFamilyIntelXeon,
		AvailabilityZone: Zone2, BootVolume: csVolID,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/servers")
	assertJSONBody(t, c, `{"properties":{"name":"Python SDK Server","cores":4,"ram":4096,"cpuFamily":"INTEL_XEON","availabilityZone":"ZONE_2","bootVolume":{"id":"`+csVolID+`"}}}`)
	assertAccepted(t, resp)
	assert.Equal(t, csSrvID, s.ID)
	assert.Equal(t, StateBusy, s.Metadata.State)
	assert.Empty(t, s.Properties.VMState, "a new server has no vmState")
	assert.Nil(t, s.Properties.BootVolume)
}

func TestServersCreateNested(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created.json"))
	_, _, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{
		Name: "db", Cores: 2, RAM: 1024, BootCDROM: csCDID,
		Volumes:       []VolumeSpec{{Name: "data", Size: 50, LicenceType: LicenceOther, RAMHotPlug: Ptr(true), NICHotUnplug: Ptr(false)}},
		AttachVolumes: []string{csVol2ID},
		NICs:          []NICSpec{{LAN: "2", FirewallActive: false, FirewallRules: []FirewallRuleSpec{{Protocol: "ICMP", ICMPType: Ptr(0)}}}},
	})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{
		"properties":{"name":"db","cores":2,"ram":1024,"bootCdrom":{"id":"`+csCDID+`"}},
		"entities":{
			"volumes":{"items":[
				{"properties":{"name":"data","size":50,"licenceType":"OTHER","ramHotPlug":true,"nicHotUnplug":false}},
				{"id":"`+csVol2ID+`"}
			]},
			"nics":{"items":[{"properties":{"lan":2},
				"entities":{"firewallrules":{"items":[{"properties":{"protocol":"ICMP","icmpType":0}}]}}}]}
		}}`)
}

func TestServersCreateValidation(t *testing.T) {
	ok := func() ServerSpec { return ServerSpec{Name: "web", Cores: 1, RAM: 256} }
	for _, tc := range []struct {
		name  string
		mod   func(*ServerSpec)
		field string
	}{
		{"no name", func(s *ServerSpec) { s.Name = "" }, "ServerSpec.Name"},
		{"control character in name", func(s *ServerSpec) { s.Name = "a\nb" }, "ServerSpec.Name"},
		{"no cores", func(s *ServerSpec) { s.Cores = 0 }, "ServerSpec.Cores"},
		{"negative cores", func(s *ServerSpec) { s.Cores = -2 }, "ServerSpec.Cores"},
		{"no RAM", func(s *ServerSpec) { s.RAM = 0 }, "ServerSpec.RAM"},
		{"RAM below 256", func(s *ServerSpec) { s.RAM = 128 }, "ServerSpec.RAM"},
		{"RAM not a multiple of 256", func(s *ServerSpec) { s.RAM = 1000 }, "ServerSpec.RAM"},
		{"RAM hot plug below 1024", func(s *ServerSpec) {
			s.RAM = 768
			s.Volumes = []VolumeSpec{{Size: 10, ImageAlias: "ubuntu:latest", RAMHotPlug: Ptr(true)}}
		}, "ServerSpec.RAM"},
		{"boot volume and CD-ROM", func(s *ServerSpec) { s.BootVolume, s.BootCDROM = csVolID, csCDID }, "ServerSpec.BootCDROM"},
		{"blank boot volume", func(s *ServerSpec) { s.BootVolume = " " }, "ServerSpec.BootVolume"},
		{"empty attached volume ID", func(s *ServerSpec) { s.AttachVolumes = []string{csVolID, ""} }, "ServerSpec.AttachVolumes[1]"},
		{"bad nested volume", func(s *ServerSpec) { s.Volumes = []VolumeSpec{{Size: 0, LicenceType: "LINUX"}} }, "ServerSpec.Volumes[0].Size"},
		{"bad nested NIC", func(s *ServerSpec) { s.NICs = []NICSpec{{LAN: "1"}, {LAN: "0"}} }, "ServerSpec.NICs[1].LAN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			spec := ok()
			tc.mod(&spec)
			_, _, err := m.c.Servers.Create(context.Background(), dcID, spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestServersCreateAcceptsWhatTheAPIAccepts(t *testing.T) {
	for _, spec := range []ServerSpec{
		{Name: "a", Cores: 1, RAM: 256},
		{Name: "a", Cores: 1, RAM: 1024, Volumes: []VolumeSpec{{Size: 1, LicenceType: "LINUX", RAMHotPlug: Ptr(true)}}},
		{Name: "a", Cores: 1, RAM: 512, Volumes: []VolumeSpec{{Size: 1, LicenceType: "LINUX", RAMHotPlug: Ptr(false)}}},
		{Name: "a", Cores: 1, RAM: 256, CPUFamily: "AMD_OPTERON"},
		{Name: "a", Cores: 1, RAM: 256, CPUFamily: "INTEL_SKYLAKE"},
		{Name: "a", Cores: 1, RAM: 256, CPUFamily: "INTEL_ICELAKE"}, // a family added after this SDK
		{Name: "a", Cores: 1, RAM: 256, CPUFamily: "AMD_EPYC_7002"},
		{Name: "a", Cores: 1, RAM: 256, AvailabilityZone: "AUTO"},
		{Name: "a", Cores: 1, RAM: 256, AvailabilityZone: "ZONE_1"},
		{Name: "a", Cores: 64, RAM: 256 * 1024},
	} {
		m := newMockAPI(t)
		m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created.json"))
		_, _, err := m.c.Servers.Create(context.Background(), dcID, spec)
		assert.NoError(t, err, "%+v", spec)
	}
}

func TestServersUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, csSrvPath, fixture(t, "server_depth2.json"))
	s, resp, err := m.c.Servers.Update(context.Background(), dcID, csSrvID, ServerUpdate{
		Name: Ptr("web-1"), Cores: Ptr(8), RAM: Ptr(8192), AvailabilityZone: Ptr[AvailabilityZone]("AUTO"), CPUFamily: Ptr[CPUFamily]("INTEL_XEON"), BootVolume: Ptr(csVolID),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, csSrvPath)
	assertJSONBody(t, c, `{"name":"web-1","cores":8,"ram":8192,"availabilityZone":"AUTO","cpuFamily":"INTEL_XEON","bootVolume":{"id":"`+csVolID+`"}}`)
	assertAccepted(t, resp)
	assert.Equal(t, "web-1", s.Properties.Name)
}

func TestServersUpdateBootCDROMIsAReference(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, csSrvPath, fixture(t, "server_depth2.json"))
	_, _, err := m.c.Servers.Update(context.Background(), dcID, csSrvID, ServerUpdate{BootCDROM: Ptr(csCDID)})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"bootCdrom":{"id":"`+csCDID+`"}}`)
}

func TestServersUpdateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   ServerUpdate
		field string
	}{
		{"empty name", ServerUpdate{Name: Ptr("")}, "ServerUpdate.Name"},
		{"zero cores", ServerUpdate{Cores: Ptr(0)}, "ServerUpdate.Cores"},
		{"RAM not a multiple of 256", ServerUpdate{RAM: Ptr(300)}, "ServerUpdate.RAM"},
		{"RAM below 256", ServerUpdate{RAM: Ptr(0)}, "ServerUpdate.RAM"},
		{"empty CPU family", ServerUpdate{CPUFamily: Ptr[CPUFamily]("")}, "ServerUpdate.CPUFamily"},
		{"empty boot volume", ServerUpdate{BootVolume: Ptr("")}, "ServerUpdate.BootVolume"},
		{"empty boot CD-ROM", ServerUpdate{BootCDROM: Ptr("")}, "ServerUpdate.BootCDROM"},
		{"both boot devices", ServerUpdate{BootVolume: Ptr(csVolID), BootCDROM: Ptr(csCDID)}, "ServerUpdate.BootCDROM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.Servers.Update(context.Background(), dcID, csSrvID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestServersDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, csSrvPath)
	resp, err := m.c.Servers.Delete(context.Background(), dcID, csSrvID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, csSrvPath)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestServersActions(t *testing.T) {
	for _, tc := range []struct {
		action string
		call   func(*Client) (*Response, error)
	}{
		{"start", func(c *Client) (*Response, error) { return c.Servers.Start(context.Background(), dcID, csSrvID) }},
		{"stop", func(c *Client) (*Response, error) { return c.Servers.Stop(context.Background(), dcID, csSrvID) }},
		{"reboot", func(c *Client) (*Response, error) { return c.Servers.Reboot(context.Background(), dcID, csSrvID) }},
	} {
		t.Run(tc.action, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAcceptedNoBody(http.MethodPost, csSrvPath+"/"+tc.action)
			resp, err := tc.call(m.c)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPost, csSrvPath+"/"+tc.action)
			assertNoBody(t, c)
			assertAccepted(t, resp)
		})
	}
}

func TestServersStartCanBeWaitedFor(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodPost, csSrvPath+"/start")
	m.on(http.MethodGet, "/requests/"+testRequestID+"/status", 200, fixture(t, "request_status_done.json"))
	resp, err := m.c.Servers.Start(context.Background(), dcID, csSrvID)
	require.NoError(t, err)
	st, err := m.c.WaitForCompletion(context.Background(), resp,
		WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	require.NoError(t, err)
	assert.Equal(t, RequestDone, st.Metadata.Status)
	calls := m.all()
	require.Len(t, calls, 2)
	assert.Equal(t, "/requests/"+testRequestID+"/status", calls[1].Path)
}

func TestServersListVolumes(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, csSrvPath+"/volumes", 200, fixture(t, "server_volumes.json"))
	vols, _, err := m.c.Servers.ListVolumes(context.Background(), dcID, csSrvID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, csSrvPath+"/volumes", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, vols, 2)
	assert.Equal(t, "Data Volume", vols[1].Properties.Name)
	assert.Equal(t, VolumeTypeSSD, vols[1].Properties.Type)
	assert.Equal(t, 100.0, vols[1].Properties.Size)
	assert.Equal(t, int64(2), vols[1].Properties.DeviceNumber)

	var n int
	for v, err := range m.c.Servers.AllVolumes(context.Background(), dcID, csSrvID) {
		require.NoError(t, err)
		assert.NotEmpty(t, v.ID)
		n++
	}
	assert.Equal(t, 2, n)
}

func TestServersGetVolumeSendsDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, csSrvPath+"/volumes/"+csVolID, 200, fixture(t, "volume.json"))
	v, _, err := m.c.Servers.GetVolume(context.Background(), dcID, csSrvID, csVolID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, csSrvPath+"/volumes/"+csVolID, "depth", "1")
	assert.Equal(t, csVolID, v.ID)
	assert.Equal(t, Bus("VIRTIO"), v.Properties.Bus)
}

func TestServersAttachVolume(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, csSrvPath+"/volumes", fixture(t, "volume.json"))
	v, resp, err := m.c.Servers.AttachVolume(context.Background(), dcID, csSrvID, csVolID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, csSrvPath+"/volumes")
	assertJSONBody(t, c, `{"id":"`+csVolID+`"}`)
	assertAccepted(t, resp)
	assert.Equal(t, "System Volume", v.Properties.Name)
}

func TestServersAttachVolumeEscapesQuotes(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, csSrvPath+"/volumes", fixture(t, "volume.json"))
	_, _, err := m.c.Servers.AttachVolume(context.Background(), dcID, csSrvID, `a"b`)
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"id":"a\"b"}`)
}

func TestServersDetachVolume(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, csSrvPath+"/volumes/"+csVolID)
	resp, err := m.c.Servers.DetachVolume(context.Background(), dcID, csSrvID, csVolID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, csSrvPath+"/volumes/"+csVolID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestServersListCDROMs(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, csSrvPath+"/cdroms", 200, fixture(t, "server_cdroms.json"))
	cds, _, err := m.c.Servers.ListCDROMs(context.Background(), dcID, csSrvID, WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, csSrvPath+"/cdroms", "depth", "2")
	assertNoBody(t, c)
	require.Len(t, cds, 1)
	assert.Equal(t, csCDID, cds[0].ID)
	assert.Equal(t, "CDROM", cds[0].Properties.ImageType)

	var n int
	for _, err := range m.c.Servers.AllCDROMs(context.Background(), dcID, csSrvID) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
}

func TestServersGetCDROMSendsDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, csSrvPath+"/cdroms/"+csCDID, 200, fixture(t, "server_cdrom.json"))
	cd, _, err := m.c.Servers.GetCDROM(context.Background(), dcID, csSrvID, csCDID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, csSrvPath+"/cdroms/"+csCDID, "depth", "1")
	assert.Equal(t, "ubuntu-20.04-live-server-amd64.iso", cd.Properties.Name)
	assert.True(t, cd.Properties.Public)
}

func TestServersAttachCDROM(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, csSrvPath+"/cdroms", fixture(t, "server_cdrom.json"))
	cd, resp, err := m.c.Servers.AttachCDROM(context.Background(), dcID, csSrvID, csCDID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, csSrvPath+"/cdroms")
	assertJSONBody(t, c, `{"id":"`+csCDID+`"}`)
	assertAccepted(t, resp)
	assert.Equal(t, csCDID, cd.ID)
}

func TestServersDetachCDROM(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, csSrvPath+"/cdroms/"+csCDID)
	resp, err := m.c.Servers.DetachCDROM(context.Background(), dcID, csSrvID, csCDID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, csSrvPath+"/cdroms/"+csCDID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}
