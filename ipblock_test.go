package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIPBlocksList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/ipblocks", 200, fixture(t, "ipblock_list.json"))
	blocks, _, err := m.c.IPBlocks.List(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/ipblocks", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, blocks, 1)
	assert.Equal(t, csIPBID, blocks[0].ID)
	assert.Equal(t, "ipblock", blocks[0].Type)

	var n int
	for b, err := range m.c.IPBlocks.All(context.Background()) {
		require.NoError(t, err)
		assert.Equal(t, 2, b.Properties.Size)
		n++
	}
	assert.Equal(t, 1, n)
}

func TestIPBlocksGetSendsDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/ipblocks/"+csIPBID, 200, fixture(t, "ipblock.json"))
	b, _, err := m.c.IPBlocks.Get(context.Background(), csIPBID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/ipblocks/"+csIPBID, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, "web ingress", b.Properties.Name)
	assert.Equal(t, "us/las", b.Properties.Location)
	assert.Equal(t, 2, b.Properties.Size)
	assert.Equal(t, []string{"158.222.102.177", "158.222.102.178"}, b.Properties.IPs)
	require.Len(t, b.Properties.IPConsumers, 1)
	ic := b.Properties.IPConsumers[0]
	assert.Equal(t, "158.222.102.177", ic.IP)
	assert.Equal(t, csNICID, ic.NICID)
	assert.Equal(t, csSrvID, ic.ServerID)
	assert.Equal(t, dcID, ic.DatacenterID)
	assert.Equal(t, "production", ic.DatacenterName)
}

func TestIPBlocksReserve(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/ipblocks", fixture(t, "ipblock_created.json"))
	b, resp, err := m.c.IPBlocks.Reserve(context.Background(), IPBlockSpec{Name: "web ingress", Location: "us/las", Size: 2})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/ipblocks")
	assertJSONBody(t, c, `{"properties":{"name":"web ingress","location":"us/las","size":2}}`)
	assertAccepted(t, resp)
	assert.Equal(t, StateBusy, b.Metadata.State)
	assert.Len(t, b.Properties.IPs, 2)
	assert.Empty(t, b.Properties.IPConsumers)
}

func TestIPBlocksReserveWithoutName(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/ipblocks", fixture(t, "ipblock_created.json"))
	_, _, err := m.c.IPBlocks.Reserve(context.Background(), IPBlockSpec{Location: "de/fra", Size: 1})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"location":"de/fra","size":1}}`)
}

func TestIPBlocksReserveValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  IPBlockSpec
		field string
	}{
		{"no location", IPBlockSpec{Size: 1}, "IPBlockSpec.Location"},
		{"bad location", IPBlockSpec{Location: "Frankfurt", Size: 1}, "IPBlockSpec.Location"},
		{"no size", IPBlockSpec{Location: "de/fra"}, "IPBlockSpec.Size"},
		{"negative size", IPBlockSpec{Location: "de/fra", Size: -1}, "IPBlockSpec.Size"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.IPBlocks.Reserve(context.Background(), tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestIPBlocksDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, "/ipblocks/"+csIPBID)
	resp, err := m.c.IPBlocks.Delete(context.Background(), csIPBID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, "/ipblocks/"+csIPBID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}
