package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of this file run the compute families (servers, volumes,
// snapshots, images, data centers, locations) on a client that speaks Cloud
// API v6, and check that v5 clients refuse the fields only v6 has.

// computeBaseV6 is the v6 base URL of these tests. It has the length of
// testBase, so mockAPI.record strips it the same way.
const computeBaseV6 = "https://api.ionos.test/cloudapi/v6"

const (
	cubeTemplateID = "6913ed82-a143-4c15-89ac-08fb375a97c5"
	securityGrpID  = "4f2a9c1e-7b3d-4e5f-a6b7-c8d9e0f1a2b3"
)

// computeMockV6 is a mockAPI whose client speaks v6 and whose responders
// answer below computeBaseV6.
type computeMockV6 struct{ *mockAPI }

func newComputeMockV6(t *testing.T) computeMockV6 {
	t.Helper()
	m := newMockAPI(t, WithBaseURL(computeBaseV6))
	require.Equal(t, APIv6, m.c.APIVersion())
	return computeMockV6{m}
}

// on answers method+path (below computeBaseV6, any query) and records each
// matching request.
func (m computeMockV6) on(method, path string, status int, body []byte, header ...string) {
	m.t.Helper()
	require.True(m.t, len(header)%2 == 0, "header wants key/value pairs")
	m.mt.RegisterResponder(method, computeBaseV6+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	})
}

// onAccepted answers a write with 202, body and a Location that names
// testRequestID.
func (m computeMockV6) onAccepted(method, path string, body []byte) {
	m.on(method, path, http.StatusAccepted, body, "Location", computeBaseV6+"/requests/"+testRequestID+"/status")
}

// assertAcceptedV6 checks the Response of a write answered by onAccepted.
func assertAcceptedV6(t *testing.T, resp *Response) {
	t.Helper()
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testRequestID, resp.RequestID)
	assert.Equal(t, computeBaseV6+"/requests/"+testRequestID+"/status", resp.RequestURL)
}

// --- Servers ---

func TestServersCreateCubeV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created_cube_v6.json"))
	s, resp, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{
		Name: "cube-1", Type: ServerTypeCube, TemplateID: cubeTemplateID, Hostname: "cube-1",
		Volumes: []VolumeSpec{{
			Name: "cube-1-das", Type: VolumeTypeDAS, ImageAlias: "ubuntu:latest", ImagePassword: "K8s-and-Cubes!",
			BootOrder: BootOrderPrimary,
		}},
		NICs: []NICSpec{{LAN: "1"}},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/servers")
	assertJSONBody(t, c, `{
		"properties":{"name":"cube-1","type":"CUBE","templateUuid":"`+cubeTemplateID+`","hostname":"cube-1"},
		"entities":{
			"volumes":{"items":[{"properties":{"name":"cube-1-das","type":"DAS","imageAlias":"ubuntu:latest",
				"imagePassword":"K8s-and-Cubes!","bootOrder":"PRIMARY"}}]},
			"nics":{"items":[{"properties":{"lan":1}}]}
		}}`)
	assertAcceptedV6(t, resp)
	assert.Equal(t, ServerTypeCube, s.Properties.Type)
	assert.Equal(t, cubeTemplateID, s.Properties.TemplateID)
	assert.Zero(t, s.Properties.Cores, "null cores of a new CUBE server")
	assert.Equal(t, StateBusy, s.Metadata.State)
}

func TestServersCreateWithTemplateLeavesSizeOutV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created_cube_v6.json"))
	_, _, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{Name: "gpu", Type: ServerTypeGPU, TemplateID: cubeTemplateID})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"name":"gpu","type":"GPU","templateUuid":"`+cubeTemplateID+`"}}`)
}

func TestServersCreateEnterpriseAndVCPUV6(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec ServerSpec
		want string
	}{
		{"enterprise", ServerSpec{Name: "db", Type: ServerTypeEnterprise, Cores: 4, RAM: 8192, CPUFamily: "INTEL_ICELAKE", Hostname: "db-01", NICMultiQueue: Ptr(false)},
			`{"properties":{"name":"db","type":"ENTERPRISE","cores":4,"ram":8192,"cpuFamily":"INTEL_ICELAKE","hostname":"db-01","nicMultiQueue":false}}`},
		{"vcpu", ServerSpec{Name: "web", Type: ServerTypeVCPU, Cores: 2, RAM: 2048, NICMultiQueue: Ptr(true)},
			`{"properties":{"name":"web","type":"VCPU","cores":2,"ram":2048,"nicMultiQueue":true}}`},
		{"no type is as on v5", ServerSpec{Name: "old", Cores: 1, RAM: 256},
			`{"properties":{"name":"old","cores":1,"ram":256}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newComputeMockV6(t)
			m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created.json"))
			_, _, err := m.c.Servers.Create(context.Background(), dcID, tc.spec)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/servers")
			assertJSONBody(t, c, tc.want)
		})
	}
}

func TestServersCreateValidationV6(t *testing.T) {
	cube := func() ServerSpec { return ServerSpec{Name: "c", Type: ServerTypeCube, TemplateID: cubeTemplateID} }
	for _, tc := range []struct {
		name  string
		spec  ServerSpec
		field string
	}{
		{"CUBE without template", ServerSpec{Name: "c", Type: ServerTypeCube}, "ServerSpec.TemplateID"},
		{"blank template", ServerSpec{Name: "c", TemplateID: " "}, "ServerSpec.TemplateID"},
		{"CUBE with cores", func() ServerSpec { s := cube(); s.Cores = 2; return s }(), "ServerSpec.Cores"},
		{"CUBE with RAM", func() ServerSpec { s := cube(); s.RAM = 2048; return s }(), "ServerSpec.RAM"},
		{"CUBE with CPU family", func() ServerSpec { s := cube(); s.CPUFamily = CPUFamilyIntelSkylake; return s }(), "ServerSpec.CPUFamily"},
		{"CUBE with NIC multi-queue", func() ServerSpec { s := cube(); s.NICMultiQueue = Ptr(false); return s }(), "ServerSpec.NICMultiQueue"},
		{"template with cores", ServerSpec{Name: "g", Type: ServerTypeGPU, TemplateID: cubeTemplateID, Cores: 8}, "ServerSpec.Cores"},
		{"template, no type, with RAM", ServerSpec{Name: "g", TemplateID: cubeTemplateID, RAM: 1024}, "ServerSpec.RAM"},
		{"VCPU with CPU family", ServerSpec{Name: "v", Type: ServerTypeVCPU, Cores: 1, RAM: 1024, CPUFamily: CPUFamilyAMDOpteron}, "ServerSpec.CPUFamily"},
		{"ENTERPRISE without cores", ServerSpec{Name: "e", Type: ServerTypeEnterprise, RAM: 1024}, "ServerSpec.Cores"},
		{"VCPU without RAM", ServerSpec{Name: "v", Type: ServerTypeVCPU, Cores: 1}, "ServerSpec.RAM"},
		{"hostname with capitals", ServerSpec{Name: "e", Cores: 1, RAM: 256, Hostname: "Web-1"}, "ServerSpec.Hostname"},
		{"hostname starting with -", ServerSpec{Name: "e", Cores: 1, RAM: 256, Hostname: "-web"}, "ServerSpec.Hostname"},
		{"hostname too long", ServerSpec{Name: "e", Cores: 1, RAM: 256, Hostname: strings.Repeat("a", 64)}, "ServerSpec.Hostname"},
		{"hostname with a dot", ServerSpec{Name: "e", Cores: 1, RAM: 256, Hostname: "web.example"}, "ServerSpec.Hostname"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newComputeMockV6(t)
			_, _, err := m.c.Servers.Create(context.Background(), dcID, tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestServersCreateAcceptsV6Shapes(t *testing.T) {
	for _, spec := range []ServerSpec{
		{Name: "a", Type: ServerTypeCube, TemplateID: cubeTemplateID},
		{Name: "a", Type: "FUTURE", TemplateID: cubeTemplateID}, // a type added after this SDK
		{Name: "a", Type: "FUTURE", Cores: 1, RAM: 256},
		{Name: "a", Type: ServerTypeVCPU, Cores: 1, RAM: 256},
		{Name: "a", Type: ServerTypeEnterprise, Cores: 1, RAM: 256, CPUFamily: "AMD_EPYC"},
		{Name: "a", Cores: 1, RAM: 256, Hostname: strings.Repeat("a", 63)},
		{Name: "a", Cores: 1, RAM: 256, Hostname: "0-web-9"},
	} {
		m := newComputeMockV6(t)
		m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created.json"))
		_, _, err := m.c.Servers.Create(context.Background(), dcID, spec)
		assert.NoError(t, err, "%+v", spec)
	}
}

func TestServersReplaceCubeV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPut, csSrvPath, fixture(t, "server_cube_v6.json"))
	s, resp, err := m.c.Servers.Replace(context.Background(), dcID, csSrvID, ServerSpec{
		Name: "cube-1", Type: ServerTypeCube, TemplateID: cubeTemplateID, BootVolume: csVolID,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, csSrvPath)
	assertJSONBody(t, c, `{"properties":{"name":"cube-1","type":"CUBE","templateUuid":"`+cubeTemplateID+`","bootVolume":{"id":"`+csVolID+`"}}}`)
	assertAcceptedV6(t, resp)
	assert.Equal(t, "cube-1", s.Properties.Hostname)
}

func TestServersUpdateV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPatch, csSrvPath, fixture(t, "server_cube_v6.json"))
	_, resp, err := m.c.Servers.Update(context.Background(), dcID, csSrvID, ServerUpdate{
		Type: Ptr(ServerTypeVCPU), Hostname: Ptr("web-2"), NICMultiQueue: Ptr(false), Cores: Ptr(2),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, csSrvPath)
	assertJSONBody(t, c, `{"type":"VCPU","hostname":"web-2","nicMultiQueue":false,"cores":2}`)
	assertAcceptedV6(t, resp)
}

func TestServersUpdateValidationV6(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   ServerUpdate
		field string
	}{
		{"empty type", ServerUpdate{Type: Ptr(ServerType(""))}, "ServerUpdate.Type"},
		{"CUBE with cores", ServerUpdate{Type: Ptr(ServerTypeCube), Cores: Ptr(2)}, "ServerUpdate.Cores"},
		{"CUBE with RAM", ServerUpdate{Type: Ptr(ServerTypeCube), RAM: Ptr(2048)}, "ServerUpdate.RAM"},
		{"CUBE with CPU family", ServerUpdate{Type: Ptr(ServerTypeCube), CPUFamily: Ptr(CPUFamilyIntelXeon)}, "ServerUpdate.CPUFamily"},
		{"CUBE with NIC multi-queue", ServerUpdate{Type: Ptr(ServerTypeCube), NICMultiQueue: Ptr(true)}, "ServerUpdate.NICMultiQueue"},
		{"VCPU with CPU family", ServerUpdate{Type: Ptr(ServerTypeVCPU), CPUFamily: Ptr(CPUFamilyIntelXeon)}, "ServerUpdate.CPUFamily"},
		{"empty hostname", ServerUpdate{Hostname: Ptr("")}, "ServerUpdate.Hostname"},
		{"bad hostname", ServerUpdate{Hostname: Ptr("web_1")}, "ServerUpdate.Hostname"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newComputeMockV6(t)
			_, _, err := m.c.Servers.Update(context.Background(), dcID, csSrvID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestServersGetV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodGet, csSrvPath, 200, fixture(t, "server_cube_v6.json"))
	s, _, err := m.c.Servers.Get(context.Background(), dcID, csSrvID, WithDepth(2))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, csSrvPath, "depth", "2")
	p := s.Properties
	assert.Equal(t, ServerTypeCube, p.Type)
	assert.Equal(t, cubeTemplateID, p.TemplateID)
	assert.Equal(t, "cube-1", p.Hostname)
	assert.Equal(t, "7c1d5e0b-2f3a-4b6c-8d9e-0a1b2c3d4e5f", p.PlacementGroupID)
	require.NotNil(t, p.NICMultiQueue)
	assert.False(t, *p.NICMultiQueue)
	assert.Empty(t, p.EnabledFeatures)
	assert.Equal(t, 1, p.Cores, "the template's size")
	assert.Equal(t, 1024, p.RAM)
	require.Len(t, s.Entities.Volumes.Items, 1)
	vol := s.Entities.Volumes.Items[0].Properties
	assert.Equal(t, VolumeTypeDAS, vol.Type)
	assert.Equal(t, BootOrderAuto, vol.BootOrder)
	assert.Equal(t, csSrvID, vol.BootServer)
	assert.Equal(t, 6, vol.PCISlot)
	assert.Equal(t, "UNKNOWN", vol.ApplicationType)
	require.NotNil(t, vol.ExposeSerial)
	assert.False(t, *vol.ExposeSerial)
	require.NotNil(t, vol.RequireLegacyBios)
	assert.True(t, *vol.RequireLegacyBios)
}

func TestServersV5ReadsHaveNoV6Fields(t *testing.T) {
	var s Server
	require.NoError(t, json.Unmarshal(fixture(t, "server_depth2.json"), &s))
	assert.Empty(t, s.Properties.Type)
	assert.Nil(t, s.Properties.NICMultiQueue, "absent, not false")
	vol := s.Entities.Volumes.Items[0].Properties
	assert.Nil(t, vol.RequireLegacyBios, "absent, not false: the API's default is true")
	assert.Empty(t, vol.BootOrder)
}

func TestServersDeleteWithVolumesV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodDelete, csSrvPath, http.StatusAccepted, nil, "Location", computeBaseV6+"/requests/"+testRequestID+"/status")
	resp, err := m.c.Servers.Delete(context.Background(), dcID, csSrvID, WithDeleteVolumes(), WithDepth(0))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, csSrvPath, "deleteVolumes", "true", "depth", "0")
	assertNoBody(t, c)
	assertAcceptedV6(t, resp)
}

func TestServersDeleteKeepsVolumesByDefaultV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodDelete, csSrvPath, http.StatusAccepted, nil, "Location", computeBaseV6+"/requests/"+testRequestID+"/status")
	_, err := m.c.Servers.Delete(context.Background(), dcID, csSrvID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, csSrvPath)
}

// --- v6-only fields on a v5 client ---

func TestV6OnlyComputeFieldsRefusedOnV5(t *testing.T) {
	ctx := context.Background()
	ok := ServerSpec{Name: "a", Cores: 1, RAM: 256}
	with := func(f func(*ServerSpec)) ServerSpec { s := ok; f(&s); return s }
	for _, tc := range []struct {
		field string
		call  func(*Client) error
	}{
		{"ServerSpec.Type", func(c *Client) error {
			_, _, err := c.Servers.Create(ctx, dcID, with(func(s *ServerSpec) { s.Type = ServerTypeEnterprise }))
			return err
		}},
		{"ServerSpec.TemplateID", func(c *Client) error {
			_, _, err := c.Servers.Create(ctx, dcID, ServerSpec{Name: "a", TemplateID: cubeTemplateID})
			return err
		}},
		{"ServerSpec.Hostname", func(c *Client) error {
			_, _, err := c.Servers.Replace(ctx, dcID, csSrvID, with(func(s *ServerSpec) { s.Hostname = "a" }))
			return err
		}},
		{"ServerSpec.NICMultiQueue", func(c *Client) error {
			_, _, err := c.Servers.Create(ctx, dcID, with(func(s *ServerSpec) { s.NICMultiQueue = Ptr(false) }))
			return err
		}},
		{"ServerSpec.Volumes[0].BootOrder", func(c *Client) error {
			_, _, err := c.Servers.Create(ctx, dcID, with(func(s *ServerSpec) {
				s.Volumes = []VolumeSpec{{Size: 10, LicenceType: LicenceLinux, BootOrder: BootOrderNone}}
			}))
			return err
		}},
		{"DatacenterSpec.Servers[0].Type", func(c *Client) error {
			_, _, err := c.Datacenters.Create(ctx, DatacenterSpec{Name: "d", Location: "de/fra",
				Servers: []ServerSpec{with(func(s *ServerSpec) { s.Type = ServerTypeCube })}})
			return err
		}},
		{"ServerUpdate.Type", func(c *Client) error {
			_, _, err := c.Servers.Update(ctx, dcID, csSrvID, ServerUpdate{Type: Ptr(ServerTypeVCPU)})
			return err
		}},
		{"ServerUpdate.Hostname", func(c *Client) error {
			_, _, err := c.Servers.Update(ctx, dcID, csSrvID, ServerUpdate{Hostname: Ptr("a")})
			return err
		}},
		{"ServerUpdate.NICMultiQueue", func(c *Client) error {
			_, _, err := c.Servers.Update(ctx, dcID, csSrvID, ServerUpdate{NICMultiQueue: Ptr(true)})
			return err
		}},
		{"WithDeleteVolumes", func(c *Client) error {
			_, err := c.Servers.Delete(ctx, dcID, csSrvID, WithDeleteVolumes())
			return err
		}},
		{"VolumeSpec.BootOrder", func(c *Client) error {
			_, _, err := c.Volumes.Create(ctx, dcID, VolumeSpec{Size: 10, LicenceType: LicenceLinux, BootOrder: BootOrderAuto})
			return err
		}},
		{"VolumeSpec.ExposeSerial", func(c *Client) error {
			_, _, err := c.Volumes.Create(ctx, dcID, VolumeSpec{Size: 10, LicenceType: LicenceLinux, ExposeSerial: Ptr(false)})
			return err
		}},
		{"VolumeSpec.RequireLegacyBios", func(c *Client) error {
			_, _, err := c.Volumes.Create(ctx, dcID, VolumeSpec{Size: 10, LicenceType: LicenceLinux, RequireLegacyBios: Ptr(true)})
			return err
		}},
		{"VolumeUpdate.BootOrder", func(c *Client) error {
			_, _, err := c.Volumes.Update(ctx, dcID, csVolID, VolumeUpdate{BootOrder: Ptr(BootOrderPrimary)})
			return err
		}},
		{"VolumeUpdate.ExposeSerial", func(c *Client) error {
			_, _, err := c.Volumes.Update(ctx, dcID, csVolID, VolumeUpdate{ExposeSerial: Ptr(true)})
			return err
		}},
		{"VolumeUpdate.RequireLegacyBios", func(c *Client) error {
			_, _, err := c.Volumes.Update(ctx, dcID, csVolID, VolumeUpdate{RequireLegacyBios: Ptr(false)})
			return err
		}},
		{"SnapshotSpec.ApplicationType", func(c *Client) error {
			_, _, err := c.Volumes.CreateSnapshot(ctx, dcID, csVolID, SnapshotSpec{ApplicationType: "UNKNOWN"})
			return err
		}},
		{"DatacenterSpec.CreateDefaultSecurityGroup", func(c *Client) error {
			_, _, err := c.Datacenters.Create(ctx, DatacenterSpec{Name: "d", Location: "de/fra", CreateDefaultSecurityGroup: true})
			return err
		}},
		{"DatacenterUpdate.DefaultSecurityGroupID", func(c *Client) error {
			_, _, err := c.Datacenters.Update(ctx, dcID, DatacenterUpdate{DefaultSecurityGroupID: Ptr(securityGrpID)})
			return err
		}},
		{"DatacenterUpdate.CreateDefaultSecurityGroup", func(c *Client) error {
			_, _, err := c.Datacenters.Update(ctx, dcID, DatacenterUpdate{CreateDefaultSecurityGroup: Ptr(false)})
			return err
		}},
	} {
		t.Run(tc.field, func(t *testing.T) {
			m := newMockAPI(t) // v5
			require.Equal(t, APIv5, m.c.APIVersion())
			err := tc.call(m.c)
			assertInvalid(t, err, tc.field)
			assert.Contains(t, err.Error(), "v5")
			m.none()
		})
	}
}

// --- Volumes ---

func TestVolumesCreateV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/volumes", fixture(t, "volume_v6.json"))
	v, resp, err := m.c.Volumes.Create(context.Background(), dcID, VolumeSpec{
		Name: "data", Size: 100, Type: VolumeTypeSSDPremium, LicenceType: LicenceOther,
		BootOrder: BootOrderNone, ExposeSerial: Ptr(true), RequireLegacyBios: Ptr(false),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/volumes")
	assertJSONBody(t, c, `{"properties":{"name":"data","size":100,"type":"SSD Premium","licenceType":"OTHER",
		"bootOrder":"NONE","exposeSerial":true,"requireLegacyBios":false}}`)
	assertAcceptedV6(t, resp)
	assert.Equal(t, BootOrderNone, v.Properties.BootOrder)
}

func TestVolumesSizeRulesByVersion(t *testing.T) {
	das := VolumeSpec{Name: "das", Type: VolumeTypeDAS, ImageAlias: "ubuntu:latest"}
	t.Run("v6 refuses a sizeless volume that is not DAS", func(t *testing.T) {
		m := newComputeMockV6(t)
		_, _, err := m.c.Volumes.Create(context.Background(), dcID, VolumeSpec{Type: VolumeTypeSSD, ImageAlias: "ubuntu:latest"})
		assertInvalid(t, err, "VolumeSpec.Size")
		m.none()
	})
	t.Run("v6 refuses a negative size, DAS too", func(t *testing.T) {
		m := newComputeMockV6(t)
		neg := das
		neg.Size = -1
		_, _, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{Name: "c", Type: ServerTypeCube, TemplateID: cubeTemplateID, Volumes: []VolumeSpec{neg}})
		assertInvalid(t, err, "ServerSpec.Volumes[0].Size")
		m.none()
	})
	t.Run("v5 refuses a sizeless DAS volume", func(t *testing.T) {
		m := newMockAPI(t)
		_, _, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{Name: "c", Cores: 1, RAM: 1024, Volumes: []VolumeSpec{das}})
		assertInvalid(t, err, "ServerSpec.Volumes[0].Size")
		m.none()
	})
	t.Run("v6 sends a DAS volume's size when given", func(t *testing.T) {
		m := newComputeMockV6(t)
		m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/servers", fixture(t, "server_created_cube_v6.json"))
		sized := das
		sized.Size = 30
		_, _, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{Name: "c", Type: ServerTypeCube, TemplateID: cubeTemplateID, Volumes: []VolumeSpec{sized}})
		require.NoError(t, err)
		assertJSONBody(t, m.only(), `{"properties":{"name":"c","type":"CUBE","templateUuid":"`+cubeTemplateID+`"},
			"entities":{"volumes":{"items":[{"properties":{"name":"das","size":30,"type":"DAS","imageAlias":"ubuntu:latest"}}]}}}`)
	})
}

func TestVolumesUpdateV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPatch, "/datacenters/"+dcID+"/volumes/"+csVol2ID, fixture(t, "volume_v6.json"))
	_, _, err := m.c.Volumes.Update(context.Background(), dcID, csVol2ID, VolumeUpdate{
		BootOrder: Ptr(BootOrderPrimary), ExposeSerial: Ptr(false), RequireLegacyBios: Ptr(false), Size: Ptr(120),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/datacenters/"+dcID+"/volumes/"+csVol2ID)
	assertJSONBody(t, c, `{"size":120,"bootOrder":"PRIMARY","exposeSerial":false,"requireLegacyBios":false}`)
}

func TestVolumesUpdateRefusesEmptyBootOrderV6(t *testing.T) {
	m := newComputeMockV6(t)
	_, _, err := m.c.Volumes.Update(context.Background(), dcID, csVol2ID, VolumeUpdate{BootOrder: Ptr(BootOrder(""))})
	assertInvalid(t, err, "VolumeUpdate.BootOrder")
	m.none()
}

func TestVolumesGetV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodGet, "/datacenters/"+dcID+"/volumes/"+csVol2ID, 200, fixture(t, "volume_v6.json"))
	v, _, err := m.c.Volumes.Get(context.Background(), dcID, csVol2ID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/datacenters/"+dcID+"/volumes/"+csVol2ID, "depth", "1")
	p := v.Properties
	assert.Equal(t, BootOrderNone, p.BootOrder)
	assert.Empty(t, p.BootServer, "null: no server boots from it")
	assert.Equal(t, 0, p.PCISlot)
	require.NotNil(t, p.ExposeSerial)
	assert.True(t, *p.ExposeSerial)
	require.NotNil(t, p.RequireLegacyBios)
	assert.False(t, *p.RequireLegacyBios)
	assert.Equal(t, "UNKNOWN", p.ApplicationType)
}

// --- Snapshots: create and restore are JSON on v6 ---

func TestVolumesCreateSnapshotV6SendsJSON(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/volumes/"+csVolID+"/create-snapshot", fixture(t, "snapshot_v6.json"))
	snap, resp, err := m.c.Volumes.CreateSnapshot(context.Background(), dcID, csVolID, SnapshotSpec{
		Name: "nightly-2025-03-12", Description: "nightly backup", LicenceType: "RHEL", SecAuthProtection: true, ApplicationType: "UNKNOWN",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/volumes/"+csVolID+"/create-snapshot")
	assertJSONBody(t, c, `{"properties":{"name":"nightly-2025-03-12","description":"nightly backup","licenceType":"RHEL",
		"secAuthProtection":true,"applicationType":"UNKNOWN"}}`)
	assertAcceptedV6(t, resp)
	assert.Equal(t, LicenceType("RHEL"), snap.Properties.LicenceType)
}

func TestVolumesCreateSnapshotV6LeavesOutUnsetFields(t *testing.T) {
	for _, tc := range []struct {
		spec SnapshotSpec
		want string
	}{
		{SnapshotSpec{}, `{"properties":{}}`},
		{SnapshotSpec{Name: "only-name"}, `{"properties":{"name":"only-name"}}`},
		{SnapshotSpec{LicenceType: "LINUX", SecAuthProtection: false}, `{"properties":{"licenceType":"LINUX"}}`},
	} {
		m := newComputeMockV6(t)
		m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/volumes/"+csVolID+"/create-snapshot", fixture(t, "snapshot_v6.json"))
		_, _, err := m.c.Volumes.CreateSnapshot(context.Background(), dcID, csVolID, tc.spec)
		require.NoError(t, err)
		assertJSONBody(t, m.only(), tc.want)
	}
}

func TestVolumesRestoreSnapshotV6SendsJSON(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodPost, "/datacenters/"+dcID+"/volumes/"+csVolID+"/restore-snapshot", http.StatusAccepted, nil,
		"Location", computeBaseV6+"/requests/"+testRequestID+"/status")
	resp, err := m.c.Volumes.RestoreSnapshot(context.Background(), dcID, csVolID, csSnapID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/volumes/"+csVolID+"/restore-snapshot")
	assertJSONBody(t, c, `{"properties":{"snapshotId":"`+csSnapID+`"}}`)
	assertAcceptedV6(t, resp)
}

func TestVolumesRestoreSnapshotRefusesEmptyIDV6(t *testing.T) {
	m := newComputeMockV6(t)
	_, err := m.c.Volumes.RestoreSnapshot(context.Background(), dcID, csVolID, "")
	assertInvalid(t, err, "snapshotID")
	m.none()
}

func TestSnapshotsAndImagesGetV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodGet, "/snapshots/"+csSnapID, 200, fixture(t, "snapshot_v6.json"))
	m.on(http.MethodGet, "/images/"+csImgID, 200, fixture(t, "image_v6.json"))
	snap, _, err := m.c.Snapshots.Get(context.Background(), csSnapID)
	require.NoError(t, err)
	assert.Equal(t, "UNKNOWN", snap.Properties.ApplicationType)
	require.NotNil(t, snap.Properties.ExposeSerial)
	assert.True(t, *snap.Properties.ExposeSerial)
	require.NotNil(t, snap.Properties.RequireLegacyBios)
	assert.True(t, *snap.Properties.RequireLegacyBios)

	img, _, err := m.c.Images.Get(context.Background(), csImgID)
	require.NoError(t, err)
	assert.Equal(t, "MSSQL-2022-Web", img.Properties.ApplicationType)
	assert.Equal(t, LicenceType("WINDOWS2022"), img.Properties.LicenceType)
	require.NotNil(t, img.Properties.ExposeSerial)
	assert.False(t, *img.Properties.ExposeSerial)
	require.NotNil(t, img.Properties.RequireLegacyBios)
	assert.False(t, *img.Properties.RequireLegacyBios)
	assert.Empty(t, img.Properties.RequiredFeatures)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, "/snapshots/"+csSnapID, "depth", "1")
	assertCall(t, calls[1], http.MethodGet, "/images/"+csImgID, "depth", "1")
}

// --- Data centers and locations ---

func TestDatacentersCreateCompositeCubeV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_v6.json"))
	dc, resp, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{
		Name: "cubes", Location: "de/txl", CreateDefaultSecurityGroup: true,
		Servers: []ServerSpec{{
			Name: "cube-1", Type: ServerTypeCube, TemplateID: cubeTemplateID,
			Volumes: []VolumeSpec{{Name: "cube-1-das", Type: VolumeTypeDAS, ImageAlias: "ubuntu:latest", SSHKeys: []string{"ssh-ed25519 AAAA cube"}}},
		}},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters")
	assertJSONBody(t, c, `{
		"properties":{"name":"cubes","location":"de/txl","createDefaultSecurityGroup":true},
		"entities":{"servers":{"items":[{
			"properties":{"name":"cube-1","type":"CUBE","templateUuid":"`+cubeTemplateID+`"},
			"entities":{"volumes":{"items":[{"properties":{"name":"cube-1-das","type":"DAS","imageAlias":"ubuntu:latest","sshKeys":["ssh-ed25519 AAAA cube"]}}]}}
		}]}}}`)
	assertAcceptedV6(t, resp)
	assert.Equal(t, "de/txl", dc.Properties.Location)
	// v6's entities: network load balancers, NAT gateways, security groups.
	assert.Equal(t, "https://api.ionos.com/cloudapi/v6/datacenters/"+dcID+"/networkloadbalancers", dc.Entities.NetworkLoadBalancers.Href)
	require.Len(t, dc.Entities.NATGateways.Items, 1)
	assert.Equal(t, "7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d", dc.Entities.NATGateways.Items[0].ID)
	require.Len(t, dc.Entities.SecurityGroups.Items, 1)
	assert.Equal(t, dc.Properties.DefaultSecurityGroupID, dc.Entities.SecurityGroups.Items[0].ID)
}

func TestDatacentersCreateCompositeRefusesSizedCubeV6(t *testing.T) {
	m := newComputeMockV6(t)
	_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{
		Name: "cubes", Location: "de/txl",
		Servers: []ServerSpec{{Name: "ok", Cores: 1, RAM: 1024}, {Name: "cube", Type: ServerTypeCube, TemplateID: cubeTemplateID, Cores: 1}},
	})
	assertInvalid(t, err, "DatacenterSpec.Servers[1].Cores")
	m.none()
}

func TestDatacentersUpdateV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPatch, "/datacenters/"+dcID, fixture(t, "datacenter_v6.json"))
	_, _, err := m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{
		Description: Ptr(""), DefaultSecurityGroupID: Ptr(securityGrpID),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/datacenters/"+dcID)
	assertJSONBody(t, c, `{"description":"","defaultSecurityGroupId":"`+securityGrpID+`"}`)
}

func TestDatacentersUpdateSecurityGroupValidationV6(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   DatacenterUpdate
		field string
	}{
		{"both", DatacenterUpdate{DefaultSecurityGroupID: Ptr(securityGrpID), CreateDefaultSecurityGroup: Ptr(true)}, "DatacenterUpdate.CreateDefaultSecurityGroup"},
		{"empty ID", DatacenterUpdate{DefaultSecurityGroupID: Ptr("")}, "DatacenterUpdate.DefaultSecurityGroupID"},
		{"bad name", DatacenterUpdate{Name: Ptr("a/b")}, "DatacenterUpdate.Name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newComputeMockV6(t)
			_, _, err := m.c.Datacenters.Update(context.Background(), dcID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestDatacentersReplaceWithoutLocationV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.onAccepted(http.MethodPut, "/datacenters/"+dcID, fixture(t, "datacenter_v6.json"))
	_, _, err := m.c.Datacenters.Replace(context.Background(), dcID, DatacenterSpec{Name: "cubes", Description: "CUBE servers"})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, "/datacenters/"+dcID)
	assertJSONBody(t, c, `{"properties":{"name":"cubes","description":"CUBE servers"}}`)
}

func TestDatacentersReplaceWithoutLocationRefusedOnV5(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Datacenters.Replace(context.Background(), dcID, DatacenterSpec{Name: "cubes"})
	assertInvalid(t, err, "DatacenterSpec.Location")
	m.none()
}

func TestDatacentersCreateStillNeedsLocationV6(t *testing.T) {
	m := newComputeMockV6(t)
	_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "cubes"})
	assertInvalid(t, err, "DatacenterSpec.Location")
	m.none()
}

func TestDatacentersGetV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodGet, "/datacenters/"+dcID, 200, fixture(t, "datacenter_v6.json"))
	dc, _, err := m.c.Datacenters.Get(context.Background(), dcID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/datacenters/"+dcID, "depth", "1")
	p := dc.Properties
	assert.Equal(t, []CPUArchitecture{
		{CPUFamily: "INTEL_SKYLAKE", MaxCores: 62, MaxRAM: 235520, Vendor: "GenuineIntel"},
		{CPUFamily: "AMD_EPYC", MaxCores: 0, MaxRAM: 0, Vendor: "AuthenticAMD", EnabledFeatures: []string{"SEV-SNP"}},
	}, p.CPUArchitecture)
	assert.Equal(t, []GPUArchitecture{{Vendor: "NVIDIA", Model: "H100"}}, p.GPUArchitecture)
	assert.Equal(t, "2001:db8:2c0:a00::/56", p.IPv6CIDRBlock)
	assert.Equal(t, securityGrpID, p.DefaultSecurityGroupID)
}

func TestLocationsGetV6(t *testing.T) {
	m := newComputeMockV6(t)
	m.on(http.MethodGet, "/locations/de/txl", 200, fixture(t, "location_de_txl_v6.json"))
	loc, _, err := m.c.Locations.Get(context.Background(), "de/txl")
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/locations/de/txl", "depth", "1")
	p := loc.Properties
	assert.Equal(t, "de/ber", p.MetroRegion)
	require.Len(t, p.CPUArchitecture, 2)
	assert.Equal(t, CPUFamily("INTEL_ICELAKE"), p.CPUArchitecture[1].CPUFamily)
	assert.Equal(t, 62, p.CPUArchitecture[1].MaxCores)
	assert.Equal(t, 235520, p.CPUArchitecture[1].MaxRAM)
	assert.Equal(t, "GenuineIntel", p.CPUArchitecture[1].Vendor)
	assert.Equal(t, []GPUArchitecture{{Vendor: "NVIDIA", Model: "H100"}}, p.GPUArchitecture)
}

// Composite creates check their NICs and LANs for the client's version, as
// NICs.Create and LANs.Create do.
func TestCompositeChildrenFollowTheVersion(t *testing.T) {
	t.Run("v6 server with a NAT NIC", func(t *testing.T) {
		m := newComputeMockV6(t)
		_, _, err := m.c.Servers.Create(context.Background(), dcID, ServerSpec{Name: "a", Cores: 1, RAM: 256, NICs: []NICSpec{{LAN: "1", NAT: true}}})
		assertInvalid(t, err, "ServerSpec.NICs[0].NAT")
		assert.Contains(t, err.Error(), "is not in Cloud API v6")
		m.none()
	})
	t.Run("v5 data center with an IPv6 LAN", func(t *testing.T) {
		m := newMockAPI(t)
		_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "d", Location: "de/fra", LANs: []LANSpec{{Name: "l", IPv6CIDRBlock: IPv6CIDRAuto}}})
		assertInvalid(t, err, "DatacenterSpec.LANs[0].IPv6CIDRBlock")
		m.none()
	})
	t.Run("v5 data center with a NIC firewall type", func(t *testing.T) {
		m := newMockAPI(t)
		_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "d", Location: "de/fra",
			Servers: []ServerSpec{{Name: "a", Cores: 1, RAM: 256, NICs: []NICSpec{{LAN: "1", FirewallType: FirewallTypeIngress}}}}})
		assertInvalid(t, err, "DatacenterSpec.Servers[0].NICs[0].FirewallType")
		m.none()
	})
	t.Run("v6 data center with an IPv6 LAN and a firewalled NIC", func(t *testing.T) {
		m := newComputeMockV6(t)
		m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_v6.json"))
		_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "d", Location: "de/fra",
			LANs:    []LANSpec{{Name: "l", IPv6CIDRBlock: IPv6CIDRAuto}},
			Servers: []ServerSpec{{Name: "a", Cores: 1, RAM: 256, NICs: []NICSpec{{LAN: "1", FirewallType: FirewallTypeIngress}}}}})
		require.NoError(t, err)
		assertJSONBody(t, m.only(), `{"properties":{"name":"d","location":"de/fra"},"entities":{
			"servers":{"items":[{"properties":{"name":"a","cores":1,"ram":256},"entities":{"nics":{"items":[{"properties":{"lan":1,"firewallType":"INGRESS"}}]}}}]},
			"lans":{"items":[{"properties":{"name":"l","public":false,"ipv6CidrBlock":"AUTO"}}]}}}`)
	})
}
