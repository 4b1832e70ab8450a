package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Operations of the spec beyond the Python SDK 5.2.0.

const (
	xUserID  = "63cef532-26fe-4a64-a4e0-de7c8a506c90"
	xGroupID = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d"
)

func TestGroupsListResources(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/groups/"+xGroupID+"/resources", 200, fixture(t, "resource_list.json"))
	rs, _, err := m.c.Groups.ListResources(context.Background(), xGroupID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/groups/"+xGroupID+"/resources", "depth", "1")
	require.NotEmpty(t, rs)
	assert.Equal(t, "datacenter", rs[0].Type)
	assert.Equal(t, dcID, rs[0].ID)
}

func TestUsersListGroupsAndOwned(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/users/"+xUserID+"/groups", 200, fixture(t, "user_groups.json"))
	m.on(http.MethodGet, "/um/users/"+xUserID+"/owns", 200, fixture(t, "resource_list.json"))
	groups, _, err := m.c.Users.ListGroups(context.Background(), xUserID, WithDepth(0))
	require.NoError(t, err)
	require.Len(t, groups, 1)
	assert.Equal(t, xGroupID, groups[0].ID)
	assert.Equal(t, "group", groups[0].Type)
	owned, _, err := m.c.Users.ListOwned(context.Background(), xUserID)
	require.NoError(t, err)
	assert.NotEmpty(t, owned)
	calls := m.all()
	assertCall(t, calls[0], http.MethodGet, "/um/users/"+xUserID+"/groups", "depth", "0")
	assertCall(t, calls[1], http.MethodGet, "/um/users/"+xUserID+"/owns", "depth", "1")
}

func TestLANsGetMember(t *testing.T) {
	m := newMockAPI(t)
	nic := "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e01"
	m.on(http.MethodGet, "/datacenters/"+dcID+"/lans/1/nics/"+nic, 200, fixture(t, "nic_get.json"))
	got, _, err := m.c.LANs.GetMember(context.Background(), dcID, "1", nic)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/datacenters/"+dcID+"/lans/1/nics/"+nic, "depth", "1")
	assert.Equal(t, nic, got.ID)
	assert.Equal(t, "nic", got.Type)
}

func TestIPBlocksUpdate(t *testing.T) {
	m := newMockAPI(t)
	ipb := "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
	m.onAccepted(http.MethodPatch, "/ipblocks/"+ipb, fixture(t, "ipblock.json"))
	got, resp, err := m.c.IPBlocks.Update(context.Background(), ipb, IPBlockUpdate{Name: Ptr("")})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/ipblocks/"+ipb)
	assertJSONBody(t, c, `{"name":""}`)
	assertAccepted(t, resp)
	assert.Equal(t, ipb, got.ID)
}

func TestExtrasRefuseEmptyIDs(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	for name, call := range map[string]func(string) error{
		"Groups.ListResources": func(s string) error { _, _, err := m.c.Groups.ListResources(ctx, s); return err },
		"Users.ListGroups":     func(s string) error { _, _, err := m.c.Users.ListGroups(ctx, s); return err },
		"Users.ListOwned":      func(s string) error { _, _, err := m.c.Users.ListOwned(ctx, s); return err },
		"LANs.GetMember nic":   func(s string) error { _, _, err := m.c.LANs.GetMember(ctx, dcID, "1", s); return err },
		"LANs.GetMember dc":    func(s string) error { _, _, err := m.c.LANs.GetMember(ctx, s, "1", "n"); return err },
		"IPBlocks.Update":      func(s string) error { _, _, err := m.c.IPBlocks.Update(ctx, s, IPBlockUpdate{}); return err },
	} {
		for _, bad := range []string{"", " ", ".."} {
			assert.ErrorIs(t, call(bad), ErrInvalidInput, "%s(%q)", name, bad)
		}
	}
	m.none()
}
