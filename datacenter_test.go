package ionos

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const dcID = "8feda53f-15f0-447f-badf-ebe32dad2fc0"

func TestDatacentersList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters", 200, fixture(t, "datacenters.json"), "X-RateLimit-Remaining", "49", "X-RateLimit-Limit", "120", "X-RateLimit-Burst", "50")

	dcs, resp, err := m.c.Datacenters.List(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/datacenters", "depth", "1")
	assertNoBody(t, m.only())
	require.Len(t, dcs, 4)
	assert.Equal(t, "production", dcs[0].Properties.Name)
	assert.Equal(t, "00000000-0000-4000-8000-000000000004", dcs[3].ID)
	assert.Equal(t, "de/fra", dcs[3].Properties.Location)
	assert.Equal(t, RateLimit{Remaining: 49, Limit: 120, Burst: 50}, resp.RateLimit)
	assert.Equal(t, 1, resp.Attempts)
}

func TestDatacentersListDepthOption(t *testing.T) {
	m := newMockAPI(t, WithDefaultDepth(0))
	m.on(http.MethodGet, "/datacenters", 200, fixture(t, "datacenters.json"))
	_, _, err := m.c.Datacenters.List(context.Background())
	require.NoError(t, err)
	_, _, err = m.c.Datacenters.List(context.Background(), WithDepth(5))
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, "/datacenters", "depth", "0")
	assertCall(t, calls[1], http.MethodGet, "/datacenters", "depth", "5")
}

func TestDatacentersGetDepths(t *testing.T) {
	for _, tc := range []struct {
		depth   int
		fixture string
		check   func(t *testing.T, dc *Datacenter)
	}{
		{0, "datacenter_depth0.json", func(t *testing.T, dc *Datacenter) {
			assert.Empty(t, dc.Entities.Servers.Items)
		}},
		{1, "datacenter_depth1.json", func(t *testing.T, dc *Datacenter) {
			require.Len(t, dc.Entities.Servers.Items, 1)
			assert.Equal(t, "2e4d1a2c-6d3f-4b43-9b1e-7f4b8f0a1c11", dc.Entities.Servers.Items[0].ID)
			assert.Empty(t, dc.Entities.Servers.Items[0].Properties.Name, "references only at depth 1")
			require.Len(t, dc.Entities.LANs.Items, 1)
			assert.Equal(t, LANID("1"), dc.Entities.LANs.Items[0].ID)
		}},
		{3, "datacenter_depth3.json", func(t *testing.T, dc *Datacenter) {
			srv := dc.Entities.Servers.Items[0]
			assert.Equal(t, "web-1", srv.Properties.Name)
			assert.Equal(t, 4096, srv.Properties.RAM)
			assert.Equal(t, "RUNNING", srv.Properties.VMState)
			require.NotNil(t, srv.Properties.BootVolume)
			assert.Equal(t, "c3f2ad1e-9a52-4a0e-8a4a-5f7b6d2e9b01", srv.Properties.BootVolume.ID)
			assert.Nil(t, srv.Properties.BootCDROM)
			require.Len(t, srv.Entities.NICs.Items, 1)
			vol := dc.Entities.Volumes.Items[0]
			assert.Equal(t, 20.0, vol.Properties.Size)
			assert.True(t, vol.Properties.DiscVirtioHotPlug)
			assert.Equal(t, LicenceType("LINUX"), vol.Properties.LicenceType)
			lan := dc.Entities.LANs.Items[0]
			assert.True(t, lan.Properties.Public)
			require.Len(t, lan.Entities.NICs.Items, 1)
		}},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			m := newMockAPI(t)
			m.on(http.MethodGet, "/datacenters/"+dcID, 200, fixture(t, tc.fixture))
			dc, resp, err := m.c.Datacenters.Get(context.Background(), dcID, WithDepth(tc.depth))
			require.NoError(t, err)
			assertCall(t, m.only(), http.MethodGet, "/datacenters/"+dcID, "depth", itoa(tc.depth))
			assert.Equal(t, 200, resp.StatusCode)
			assert.Equal(t, dcID, dc.ID)
			assert.Equal(t, "datacenter", dc.Type)
			assert.Equal(t, "production", dc.Properties.Name)
			assert.Equal(t, 7, dc.Properties.Version)
			assert.Equal(t, []string{"SSD", "cloud-init", "pcc", "k8s"}, dc.Properties.Features)
			assert.Equal(t, StateAvailable, dc.Metadata.State)
			assert.Equal(t, time.Date(2020, 8, 25, 10, 14, 27, 0, time.UTC), dc.Metadata.CreatedDate)
			tc.check(t, dc)
		})
	}
}

func TestDatacentersGetNotFound(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/nope", 404, fixture(t, "error_404.json"))
	dc, resp, err := m.c.Datacenters.Get(context.Background(), "nope")
	require.Error(t, err)
	assert.Nil(t, dc)
	assert.Equal(t, 404, resp.StatusCode)
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Resource does not exist", apiErr.Message())
	assert.Equal(t, "309", apiErr.Messages[0].ErrorCode)
	assert.Equal(t, http.MethodGet, apiErr.Method)
	assert.Equal(t, testBase+"/datacenters/nope?depth=1", apiErr.URL)
	assert.Equal(t, 1, apiErr.Attempts, "a 404 is not retried")
}

func TestDatacentersGetEscapesID(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/a%2Fb%3Fc", 404, fixture(t, "error_404.json"))
	_, _, err := m.c.Datacenters.Get(context.Background(), "a/b?c")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, "/datacenters/a%2Fb%3Fc", m.only().Path)
}

func TestDatacentersCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))

	dc, resp, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{
		Name: "staging", Location: "us/las", Description: "staging environment",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters")
	assertJSONBody(t, c, `{"properties":{"name":"staging","location":"us/las","description":"staging environment"}}`)
	assertAccepted(t, resp)
	assert.Equal(t, "b2d5c1a8-3e4f-4a6b-8c9d-0e1f2a3b4c5d", dc.ID)
	assert.Equal(t, StateBusy, dc.Metadata.State)
	assert.Equal(t, "us/las", dc.Properties.Location)
}

func TestDatacentersCreateSecAuth(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))
	_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "x", Location: "de/fra", SecAuthProtection: true})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"name":"x","location":"de/fra","secAuthProtection":true}}`)
}

func TestDatacentersCreateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  DatacenterSpec
		field string
	}{
		{"no name", DatacenterSpec{Location: "de/fra"}, "DatacenterSpec.Name"},
		{"no location", DatacenterSpec{Name: "x"}, "DatacenterSpec.Location"},
		{"bad location", DatacenterSpec{Name: "x", Location: "frankfurt"}, "DatacenterSpec.Location"},
		{"at sign", DatacenterSpec{Name: "a@b", Location: "de/fra"}, "DatacenterSpec.Name"},
		{"slash", DatacenterSpec{Name: "a/b", Location: "de/fra"}, "DatacenterSpec.Name"},
		{"backslash", DatacenterSpec{Name: `a\b`, Location: "de/fra"}, "DatacenterSpec.Name"},
		{"pipe", DatacenterSpec{Name: "a|b", Location: "de/fra"}, "DatacenterSpec.Name"},
		{"quote", DatacenterSpec{Name: "it's", Location: "de/fra"}, "DatacenterSpec.Name"},
		{"typographic quote", DatacenterSpec{Name: "it’s", Location: "de/fra"}, "DatacenterSpec.Name"},
		{"opening typographic quote", DatacenterSpec{Name: "‘x", Location: "de/fra"}, "DatacenterSpec.Name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.Datacenters.Create(context.Background(), tc.spec)
			var inv *InvalidInputError
			require.ErrorAs(t, err, &inv)
			assert.Equal(t, tc.field, inv.Field)
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Contains(t, err.Error(), tc.field)
			m.none()
		})
	}
}

func TestDatacentersUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/datacenters/"+dcID, fixture(t, "datacenter_depth0.json"))
	dc, resp, err := m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{Name: Ptr("production"), Description: Ptr("")})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/datacenters/"+dcID)
	assertJSONBody(t, c, `{"name":"production","description":""}`)
	assertAccepted(t, resp)
	assert.Equal(t, "production", dc.Properties.Name)
}

func TestDatacentersUpdateFalse(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/datacenters/"+dcID, fixture(t, "datacenter_depth0.json"))
	_, _, err := m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{SecAuthProtection: Ptr(false)})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"secAuthProtection":false}`)
}

func TestDatacentersUpdateRefusesBadName(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{Name: Ptr("a|b")})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, _, err = m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{Name: Ptr("")})
	assert.ErrorIs(t, err, ErrInvalidInput)
	m.none()
}

func TestDatacentersDelete(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodDelete, "/datacenters/"+dcID, http.StatusAccepted, nil, "Location", testBase+"/requests/"+testRequestID+"/status")
	resp, err := m.c.Datacenters.Delete(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, "/datacenters/"+dcID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestDatacentersGetByName(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		err        error
	}{
		{"production", "production", nil}, // exact, although "prod-eu" shares the prefix
		{"STAGING", "staging", nil},       // case-insensitive exact
		{"prod-", "prod-eu", nil},         // prefix
		{"test", "Test lab", nil},         // case-insensitive prefix
		{"lab", "Test lab", nil},          // substring
		{"ging", "staging", nil},          // substring
		{"prod", "", ErrAmbiguousName},    // two prefixes
		{"nowhere", "", ErrNotFound},      // nothing
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.on(http.MethodGet, "/datacenters", 200, fixture(t, "datacenters.json"))
			dc, _, err := m.c.Datacenters.GetByName(context.Background(), tc.name)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				assert.Nil(t, dc)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, dc.Properties.Name)
			assertCall(t, m.only(), http.MethodGet, "/datacenters", "depth", "1")
		})
	}
}

func TestDatacentersGetByNameAmbiguousNamesCandidates(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters", 200, fixture(t, "datacenters.json"))
	_, _, err := m.c.Datacenters.GetByName(context.Background(), "prod")
	var amb *AmbiguousNameError
	require.True(t, errors.As(err, &amb))
	assert.Equal(t, []string{"production (00000000-0000-4000-8000-000000000001)", "prod-eu (00000000-0000-4000-8000-000000000002)"}, amb.Candidates)
	assert.Contains(t, err.Error(), "prod-eu")
}
