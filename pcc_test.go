package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const pccID = "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f"

func TestCrossConnectsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/pccs", 200, fixture(t, "pcc_list.json"))
	ps, _, err := m.c.CrossConnects.List(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/pccs", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, ps, 2)
	assert.Equal(t, pccID, ps[0].ID)
	assert.Equal(t, StateBusy, ps[1].Metadata.State)
	assert.Empty(t, ps[1].Properties.Peers)
}

func TestCrossConnectsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/pccs/"+pccID, 200, fixture(t, "pcc_fra_to_ber.json"))
	p, _, err := m.c.CrossConnects.Get(context.Background(), pccID, WithDepth(3))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/pccs/"+pccID, "depth", "3")
	assert.Equal(t, "pcc", p.Type)
	assert.Equal(t, CrossConnectProperties{
		Name: "fra-to-ber", Description: "joins production and backup",
		Peers: []CrossConnectPeer{{ID: "2", Name: "backend", DatacenterID: dcID, DatacenterName: "production", Location: "de/fra"}},
		ConnectableDatacenters: []ConnectableDatacenter{
			{ID: dcID, Name: "production", Location: "de/fra"},
			{ID: "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b", Name: "backup", Location: "de/txl"},
		},
	}, p.Properties)
}

func TestCrossConnectsCreate(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec CrossConnectSpec
		body string
	}{
		{"name and description", CrossConnectSpec{Name: "fra-to-ber", Description: "joins production and backup"},
			`{"properties":{"name":"fra-to-ber","description":"joins production and backup"}}`},
		{"nothing, as the Python SDK allows", CrossConnectSpec{}, `{"properties":{}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, "/pccs", fixture(t, "pcc_created.json"))
			p, resp, err := m.c.CrossConnects.Create(context.Background(), tc.spec)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPost, "/pccs")
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			assert.Equal(t, pccID, p.ID)
		})
	}
}

func TestCrossConnectsUpdatePATCH(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/pccs/"+pccID, fixture(t, "pcc_fra_to_ber.json"))
	p, resp, err := m.c.CrossConnects.Update(context.Background(), pccID, CrossConnectUpdate{Description: Ptr("")})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/pccs/"+pccID)
	assertJSONBody(t, c, `{"description":""}`)
	assertAccepted(t, resp)
	assert.Equal(t, "fra-to-ber", p.Properties.Name)
}

func TestCrossConnectsDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onDeleteAccepted("/pccs/" + pccID)
	resp, err := m.c.CrossConnects.Delete(context.Background(), pccID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, "/pccs/"+pccID)
	assertNoBody(t, m.only())
	assertAccepted(t, resp)
}

func TestCrossConnectsValidation(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.CrossConnects.Create(context.Background(), CrossConnectSpec{Name: "a\x00b"})
	assertInvalid(t, err, "CrossConnectSpec.Name")
	m.none()
}
