package ionos

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testBaseV6   = "https://api.ionos.test/cloudapi/v6"
	cubeServerID = "304a0dee-a798-43a6-8322-973cbc77b88d"
)

// onTemplateV6 answers method and path below testBaseV6, recording the
// request, as mockAPI.on does below the v5 base.
func onTemplateV6(m *mockAPI, method, path string, status int, body []byte, header ...string) {
	m.mt.RegisterResponder(method, testBaseV6+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		resp := templateJSON(status, body)
		for i := 0; i+1 < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	})
}

func templateJSON(status int, body []byte) *http.Response {
	r := httpmock.NewBytesResponse(status, body)
	r.Header.Set("Content-Type", "application/json")
	return r
}

func TestTemplatesListAndGet(t *testing.T) {
	m := newMockAPI(t, WithBaseURL(testBaseV6))
	m.mt.RegisterResponder(http.MethodGet, testBaseV6+"/templates", func(r *http.Request) (*http.Response, error) {
		m.record(r)
		return templateJSON(200, fixture(t, "templates_list.json")), nil
	})
	list, _, err := m.c.Templates.List(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/templates", "depth", "1")
	require.Len(t, list, 2)
	assert.Equal(t, "Basic Cube S", list[0].Properties.Name)
	assert.Equal(t, 2048.0, list[0].Properties.RAM)
	assert.Equal(t, 4.0, list[1].Properties.Cores, "numbers written 4.0 decode")
	assert.Equal(t, 160.0, list[1].Properties.StorageSize)
	n := 0
	for tp, err := range m.c.Templates.All(context.Background()) {
		require.NoError(t, err)
		assert.NotEmpty(t, tp.ID)
		n++
	}
	assert.Equal(t, 2, n)

	m.mt.RegisterResponder(http.MethodGet, testBaseV6+"/templates/15f67991-0f51-4efc-a8ad-ef1fb31a480c", func(r *http.Request) (*http.Response, error) {
		return templateJSON(200, []byte(`{"id":"15f67991-0f51-4efc-a8ad-ef1fb31a480c","type":"template","properties":{"name":"Basic Cube S","cores":1,"ram":2048,"storageSize":50}}`)), nil
	})
	tpl, _, err := m.c.Templates.Get(context.Background(), "15f67991-0f51-4efc-a8ad-ef1fb31a480c")
	require.NoError(t, err)
	assert.Equal(t, 50.0, tpl.Properties.StorageSize)
	_, _, err = m.c.Templates.Get(context.Background(), "")
	assertInvalid(t, err, "templateID")
}

func TestServersSuspendResumeTokenConsole(t *testing.T) {
	m := newMockAPI(t, WithBaseURL(testBaseV6))
	srv := "/datacenters/" + dcID + "/servers/" + cubeServerID
	for _, a := range []string{"suspend", "resume"} {
		onTemplateV6(m, http.MethodPost, srv+"/"+a, http.StatusAccepted, nil, "Location", testBaseV6+"/requests/"+testRequestID+"/status")
	}
	resp, err := m.c.Servers.Suspend(context.Background(), dcID, cubeServerID)
	require.NoError(t, err)
	assert.Equal(t, testRequestID, resp.RequestID)
	_, err = m.c.Servers.Resume(context.Background(), dcID, cubeServerID)
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodPost, srv+"/suspend")
	assertNoBody(t, calls[0])
	assertCall(t, calls[1], http.MethodPost, srv+"/resume")

	onTemplateV6(m, http.MethodGet, srv+"/token", 200, []byte(`{"token":"eyJhbGciOiJSUzI1NiJ9.eyJzZXJ2ZXIiOnt9fQ.c2ln"}`))
	tok, _, err := m.c.Servers.Token(context.Background(), dcID, cubeServerID)
	require.NoError(t, err)
	assert.Equal(t, "eyJhbGciOiJSUzI1NiJ9.eyJzZXJ2ZXIiOnt9fQ.c2ln", tok.Reveal())
	assert.Equal(t, "[redacted]", fmt.Sprint(tok))
	assertCall(t, m.all()[2], http.MethodGet, srv+"/token")

	onTemplateV6(m, http.MethodGet, srv+"/remoteconsole", 200, []byte(`{"url":"https://dcd.ionos.com/noVNC?token=abc.def.ghi"}`))
	u, _, err := m.c.Servers.RemoteConsoleURL(context.Background(), dcID, cubeServerID)
	require.NoError(t, err)
	assert.Equal(t, "https://dcd.ionos.com/noVNC?token=abc.def.ghi", u.Reveal())
	assert.NotContains(t, fmt.Sprintf("%v %+v", u, u), "abc.def")

	_, err = m.c.Servers.Suspend(context.Background(), dcID, "")
	assertInvalid(t, err, "serverID")
}

// These calls are v6 only: a v5 client refuses them before sending.
func TestTemplatesAndCubeCallsRefusedOnV5(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Templates.List(context.Background())
	assert.ErrorIs(t, err, ErrUnsupportedVersion)
	_, err = m.c.Servers.Suspend(context.Background(), dcID, cubeServerID)
	assert.ErrorIs(t, err, ErrUnsupportedVersion)
	_, _, err = m.c.Servers.Token(context.Background(), dcID, cubeServerID)
	assert.ErrorIs(t, err, ErrUnsupportedVersion)
	m.none()
}

// Image labels go through the labels service with the ImageLabels target
// (v6; refused before sending on v5).
func TestImageLabels(t *testing.T) {
	m := newMockAPI(t, WithBaseURL(testBaseV6))
	const img = "0d4f97f0-1689-11e7-97ce-525400f64d8d"
	onTemplateV6(m, http.MethodPut, "/images/"+img+"/labels/team", 200,
		[]byte(`{"id":"team","type":"label","properties":{"key":"team","value":"web"}}`))
	l, _, err := m.c.Labels.Set(context.Background(), ImageLabels(img), "team", "web")
	require.NoError(t, err)
	assert.Equal(t, "web", l.Properties.Value)
	c := m.only()
	assertCall(t, c, http.MethodPut, "/images/"+img+"/labels/team")
	assertJSONBody(t, c, `{"properties":{"key":"team","value":"web"}}`)
	_, _, err = m.c.Labels.ListOn(context.Background(), ImageLabels(""))
	assertInvalid(t, err, "imageID")

	m5 := newMockAPI(t)
	_, _, err = m5.c.Labels.ListOn(context.Background(), ImageLabels(img))
	assert.ErrorIs(t, err, ErrUnsupportedVersion)
	m5.none()
}

func TestServersGPUs(t *testing.T) {
	m := newMockAPI(t, WithBaseURL(testBaseV6))
	srv := "/datacenters/" + dcID + "/servers/" + cubeServerID
	const gpu = "f8b1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d"
	onTemplateV6(m, http.MethodGet, srv+"/gpus", 200, []byte(`{"id":"`+cubeServerID+`/gpus","type":"collection","items":[`+
		`{"id":"`+gpu+`","type":"gpu","metadata":{"state":"AVAILABLE"},"properties":{"name":"NVIDIA H100","vendor":"NVIDIA","model":"H100","type":"passThrough"}}]}`))
	gpus, _, err := m.c.Servers.ListGPUs(context.Background(), dcID, cubeServerID)
	require.NoError(t, err)
	require.Len(t, gpus, 1)
	assert.Equal(t, "H100", gpus[0].Properties.Model)
	assert.Equal(t, "passThrough", gpus[0].Properties.Type)
	assertCall(t, m.only(), http.MethodGet, srv+"/gpus", "depth", "1")

	onTemplateV6(m, http.MethodGet, srv+"/gpus/"+gpu, 200, []byte(`{"id":"`+gpu+`","type":"gpu","properties":{"name":"NVIDIA H100","vendor":"NVIDIA","model":"H100","type":"passThrough"}}`))
	g, _, err := m.c.Servers.GetGPU(context.Background(), dcID, cubeServerID, gpu)
	require.NoError(t, err)
	assert.Equal(t, "NVIDIA", g.Properties.Vendor)
	_, _, err = m.c.Servers.GetGPU(context.Background(), dcID, cubeServerID, "")
	assertInvalid(t, err, "gpuID")

	m5 := newMockAPI(t)
	_, _, err = m5.c.Servers.ListGPUs(context.Background(), dcID, cubeServerID)
	assert.ErrorIs(t, err, ErrUnsupportedVersion)
	m5.none()
}

// NIC IPv6 fields: sent on v6, checked, refused on v5.
func TestNICIPv6Fields(t *testing.T) {
	m := newMockAPI(t, WithBaseURL(testBaseV6))
	nics := "/datacenters/" + dcID + "/servers/" + cubeServerID + "/nics"
	onTemplateV6(m, http.MethodPost, nics, http.StatusAccepted, []byte(`{"id":"a1b2c3d4-0000-4000-8000-000000000001","type":"nic",`+
		`"properties":{"lan":2,"dhcp":true,"ipv6CidrBlock":"2001:db8:0:1:1::/80","ipv6Ips":["2001:db8:0:1:1::5"],"dhcpv6":false}}`),
		"Location", testBaseV6+"/requests/"+testRequestID+"/status")
	nic, _, err := m.c.NICs.Create(context.Background(), dcID, cubeServerID, NICSpec{LAN: "2",
		IPv6CIDRBlock: "2001:db8:0:1:1::/80", IPv6IPs: []string{"2001:db8:0:1:1::5"}, DHCPv6: Ptr(false)})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"lan":2,"ipv6CidrBlock":"2001:db8:0:1:1::/80","ipv6Ips":["2001:db8:0:1:1::5"],"dhcpv6":false}}`)
	assert.Equal(t, "2001:db8:0:1:1::/80", nic.Properties.IPv6CIDRBlock)
	assert.Equal(t, []string{"2001:db8:0:1:1::5"}, nic.Properties.IPv6IPs)
	require.NotNil(t, nic.Properties.DHCPv6)
	assert.False(t, *nic.Properties.DHCPv6)

	for _, bad := range []NICSpec{
		{LAN: "2", IPv6CIDRBlock: "2001:db8::/64"},
		{LAN: "2", IPv6CIDRBlock: "10.0.0.0/80"},
		{LAN: "2", IPv6IPs: []string{"10.0.0.1"}},
	} {
		_, _, err := m.c.NICs.Create(context.Background(), dcID, cubeServerID, bad)
		assert.ErrorIs(t, err, ErrValidation, "%+v", bad)
	}
	_, _, err = m.c.NICs.Update(context.Background(), dcID, cubeServerID, "a1b2c3d4-0000-4000-8000-000000000001", NICUpdate{IPv6CIDRBlock: Ptr("")})
	assertInvalid(t, err, "NICUpdate.IPv6CIDRBlock")
	assert.Len(t, m.all(), 1, "nothing more sent")

	m5 := newMockAPI(t)
	_, _, err = m5.c.NICs.Create(context.Background(), dcID, cubeServerID, NICSpec{LAN: "2", DHCPv6: Ptr(true)})
	assertInvalid(t, err, "NICSpec.DHCPv6")
	_, _, err = m5.c.NICs.Update(context.Background(), dcID, cubeServerID, "a1b2c3d4-0000-4000-8000-000000000001", NICUpdate{IPv6IPs: []string{"2001:db8::1"}})
	assertInvalid(t, err, "NICUpdate.IPv6")
	m5.none()
}

// A write answered without a request to poll (as v6 documents some) is
// waited for on the resource's state, read again at its href.
func TestAwaitWithoutRequestPollsTheState(t *testing.T) {
	m := newMockAPI(t, WithBaseURL(testBaseV6), WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	href := testBaseV6 + "/datacenters/" + dcID
	onTemplateV6(m, http.MethodPatch, "/datacenters/"+dcID, http.StatusAccepted,
		[]byte(`{"id":"`+dcID+`","type":"datacenter","href":"`+href+`","metadata":{"state":"BUSY"},"properties":{"name":"x"}}`))
	gets := 0
	m.mt.RegisterResponder(http.MethodGet, href, func(r *http.Request) (*http.Response, error) {
		gets++
		state := "BUSY"
		if gets >= 3 {
			state = "AVAILABLE"
		}
		return templateJSON(200, []byte(`{"id":"`+dcID+`","type":"datacenter","href":"`+href+`","metadata":{"state":"`+state+`"},"properties":{"name":"x"}}`)), nil
	})
	dc, err := Await(m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{Name: Ptr("x")})).Wait(context.Background())
	require.NoError(t, err)
	assert.Equal(t, StateAvailable, dc.Metadata.State)
	assert.Equal(t, 3, gets)
}
