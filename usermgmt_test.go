package ionos

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	umGroupID  = "2f3e4d5c-6b7a-4981-a2b3-c4d5e6f7a8b9"
	umUserID   = "7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
	umUser2ID  = "0c9b8a7f-6e5d-4c3b-9a2b-1c0d9e8f7a6b"
	umImageID  = "5a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d"
	umDeleteOK = http.StatusAccepted
)

// onDeleteAccepted answers a DELETE with 202 and a request Location, as the
// API does.
func (m *mockAPI) onDeleteAccepted(path string) {
	m.on(http.MethodDelete, path, umDeleteOK, nil, "Location", testBase+"/requests/"+testRequestID+"/status")
}

func TestGroupsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/groups", 200, fixture(t, "group_list.json"))
	gs, resp, err := m.c.Groups.List(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/um/groups", "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, gs, 2)
	assert.Equal(t, umGroupID, gs[0].ID)
	assert.Equal(t, "auditors", gs[1].Properties.Name)
	assert.True(t, gs[1].Properties.AccessActivityLog)
	assert.False(t, gs[1].Properties.CreateDataCenter)
}

func TestGroupsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/groups/"+umGroupID, 200, fixture(t, "group_operators.json"))
	g, _, err := m.c.Groups.Get(context.Background(), umGroupID, WithDepth(2))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/groups/"+umGroupID, "depth", "2")
	assert.Equal(t, "group", g.Type)
	assert.Equal(t, GroupProperties{
		Name: "operators", CreateDataCenter: true, CreateSnapshot: true, AccessActivityLog: true,
		S3Privilege: true, CreateK8sCluster: true,
	}, g.Properties)
	require.Len(t, g.Entities.Users.Items, 1)
	assert.Equal(t, umUser2ID, g.Entities.Users.Items[0].ID)
	require.Len(t, g.Entities.Resources.Items, 1)
	assert.Equal(t, dcID, g.Entities.Resources.Items[0].ID)
	assert.Equal(t, "datacenter", g.Entities.Resources.Items[0].Type)
}

func TestGroupsCreateSendsEveryPrivilege(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/um/groups", fixture(t, "group_operators.json"))
	g, resp, err := m.c.Groups.Create(context.Background(), GroupSpec{Name: "operators", CreateDataCenter: true, S3Privilege: true})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/um/groups")
	assertJSONBody(t, c, `{"properties":{"name":"operators","createDataCenter":true,"createSnapshot":false,
		"reserveIp":false,"accessActivityLog":false,"createPcc":false,"s3Privilege":true,"createBackupUnit":false,
		"createInternetAccess":false,"createK8sCluster":false}}`)
	assertAccepted(t, resp)
	assert.Equal(t, umGroupID, g.ID)
}

// Groups.Update reads the group and writes all of its properties back
// with the update's changes (the API's PUT is a full replace): on v5 too,
// the PUT carries every privilege the GET returned.
func TestGroupsUpdatePUT(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/groups/"+umGroupID, 200, fixture(t, "group_operators.json"))
	m.onAccepted(http.MethodPut, "/um/groups/"+umGroupID, fixture(t, "group_operators.json"))
	g, resp, err := m.c.Groups.Update(context.Background(), umGroupID, GroupUpdate{
		Name: Ptr("operators"), CreateDataCenter: Ptr(false), ReserveIP: Ptr(true),
	})
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, "/um/groups/"+umGroupID, "depth", "0")
	assertNoBody(t, calls[0])
	assertCall(t, calls[1], http.MethodPut, "/um/groups/"+umGroupID)
	assertJSONBody(t, calls[1], `{"properties":{"name":"operators","createDataCenter":false,"createSnapshot":true,
		"reserveIp":true,"accessActivityLog":true,"createPcc":false,"s3Privilege":true,"createBackupUnit":false,
		"createInternetAccess":false,"createK8sCluster":true}}`)
	assertAccepted(t, resp)
	assert.Equal(t, "operators", g.Properties.Name)
}

func TestGroupsDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onDeleteAccepted("/um/groups/" + umGroupID)
	resp, err := m.c.Groups.Delete(context.Background(), umGroupID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, "/um/groups/"+umGroupID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestGroupsListShares(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/groups/"+umGroupID+"/shares", 200, fixture(t, "share_list.json"))
	shares, _, err := m.c.Groups.ListShares(context.Background(), umGroupID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/groups/"+umGroupID+"/shares", "depth", "1")
	require.Len(t, shares, 2)
	assert.Equal(t, dcID, shares[0].ID)
	assert.Equal(t, GroupShareProperties{EditPrivilege: true}, shares[0].Properties)
	assert.Equal(t, GroupShareProperties{SharePrivilege: true}, shares[1].Properties)
}

func TestGroupsGetShare(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/groups/" + umGroupID + "/shares/" + dcID
	m.on(http.MethodGet, p, 200, fixture(t, "share_datacenter.json"))
	sh, _, err := m.c.Groups.GetShare(context.Background(), umGroupID, dcID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, p, "depth", "1")
	assert.Equal(t, "resource", sh.Type)
	assert.True(t, sh.Properties.EditPrivilege)
	assert.False(t, sh.Properties.SharePrivilege)
}

func TestGroupsAddAndUpdateShare(t *testing.T) {
	p := "/um/groups/" + umGroupID + "/shares/" + dcID
	for _, tc := range []struct {
		method string
		call   func(c *Client) (*GroupShare, *Response, error)
		body   string
	}{
		{http.MethodPost, func(c *Client) (*GroupShare, *Response, error) {
			return c.Groups.AddShare(context.Background(), umGroupID, dcID, ShareSpec{EditPrivilege: true})
		}, `{"properties":{"editPrivilege":true,"sharePrivilege":false}}`},
		{http.MethodPut, func(c *Client) (*GroupShare, *Response, error) {
			return c.Groups.UpdateShare(context.Background(), umGroupID, dcID, ShareSpec{SharePrivilege: true})
		}, `{"properties":{"editPrivilege":false,"sharePrivilege":true}}`},
	} {
		t.Run(tc.method, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(tc.method, p, fixture(t, "share_datacenter.json"))
			sh, resp, err := tc.call(m.c)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, tc.method, p)
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			assert.Equal(t, dcID, sh.ID)
		})
	}
}

func TestGroupsRemoveShare(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/groups/" + umGroupID + "/shares/" + dcID
	m.onDeleteAccepted(p)
	resp, err := m.c.Groups.RemoveShare(context.Background(), umGroupID, dcID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, p)
	assertNoBody(t, m.only())
	assertAccepted(t, resp)
}

func TestGroupsListUsers(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/groups/"+umGroupID+"/users", 200, fixture(t, "group_members.json"))
	us, _, err := m.c.Groups.ListUsers(context.Background(), umGroupID, WithDepth(0))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/groups/"+umGroupID+"/users", "depth", "0")
	require.Len(t, us, 1)
	assert.Equal(t, "Grace", us[0].Properties.FirstName)
	assert.True(t, us[0].Properties.Administrator)
}

func TestGroupsAddUser(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/um/groups/"+umGroupID+"/users", fixture(t, "user_ada.json"))
	u, resp, err := m.c.Groups.AddUser(context.Background(), umGroupID, umUserID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/um/groups/"+umGroupID+"/users")
	assertJSONBody(t, c, `{"id":"`+umUserID+`"}`)
	assertAccepted(t, resp)
	assert.Equal(t, umUserID, u.ID)
}

func TestGroupsRemoveUser(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/groups/" + umGroupID + "/users/" + umUserID
	m.onDeleteAccepted(p)
	resp, err := m.c.Groups.RemoveUser(context.Background(), umGroupID, umUserID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, p)
	assertNoBody(t, m.only())
	assertAccepted(t, resp)
}

func TestUsersList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/users", 200, fixture(t, "user_list.json"))
	us, _, err := m.c.Users.List(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/users", "depth", "1")
	require.Len(t, us, 2)
	assert.Equal(t, "ada@example.com", us[0].Properties.Email)
	assert.Equal(t, umUser2ID, us[1].ID)
	assert.True(t, us[1].Properties.SecAuthActive)
}

func TestUsersListFollowsPages(t *testing.T) {
	m := newMockAPI(t)
	m.mt.RegisterResponder(http.MethodGet, testBase+"/um/users", func(r *http.Request) (*http.Response, error) {
		m.record(r)
		name := "user_page1.json"
		if r.URL.Query().Get("offset") == "1" {
			name = "user_page2.json"
		}
		resp := newJSONResponse(200, fixture(t, name))
		return resp, nil
	})
	var ids []string
	for u, err := range m.c.Users.All(context.Background()) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Equal(t, []string{umUserID, umUser2ID}, ids)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, "/um/users", "depth", "1")
	assertCall(t, calls[1], http.MethodGet, "/um/users", "offset", "1", "limit", "1", "depth", "1")
}

func TestUsersGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/users/"+umUserID, 200, fixture(t, "user_ada.json"))
	u, _, err := m.c.Users.Get(context.Background(), umUserID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/users/"+umUserID, "depth", "1")
	assert.Equal(t, UserProperties{
		FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", ForceSecAuth: true,
		S3CanonicalUserID: "2a7c2b1e0f3d4c5b6a7980a1b2c3d4e5", Active: true,
	}, u.Properties)
	assert.Equal(t, time.Date(2020, 8, 25, 16, 1, 2, 0, time.UTC), u.Metadata.LastLogin)
	require.Len(t, u.Entities.Owns.Items, 1)
	assert.Equal(t, dcID, u.Entities.Owns.Items[0].ID)
	require.Len(t, u.Entities.Groups.Items, 1)
	assert.Equal(t, umGroupID, u.Entities.Groups.Items[0].ID)
}

func TestUsersCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/um/users", fixture(t, "user_created.json"))
	u, resp, err := m.c.Users.Create(context.Background(), UserSpec{
		FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", Password: "Engine-1843",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/um/users")
	assertJSONBody(t, c, `{"properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@example.com",
		"password":"Engine-1843","administrator":false,"forceSecAuth":false}}`)
	assertAccepted(t, resp)
	assert.Equal(t, umUserID, u.ID)
	assert.True(t, u.Properties.Active)
}

func TestUsersCreateActive(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/um/users", fixture(t, "user_created.json"))
	_, _, err := m.c.Users.Create(context.Background(), UserSpec{
		FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", Password: "pw",
		Administrator: true, ForceSecAuth: true, Active: Ptr(false),
	})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@example.com",
		"password":"pw","administrator":true,"forceSecAuth":true,"active":false}}`)
}

func TestUsersUpdatePUT(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPut, "/um/users/"+umUserID, fixture(t, "user_ada.json"))
	u, resp, err := m.c.Users.Update(context.Background(), umUserID, UserUpdate{
		Email: Ptr("ada@example.com"), Administrator: Ptr(false), ForceSecAuth: Ptr(true), Password: Ptr(Secret("new-Passw0rd")),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, "/um/users/"+umUserID)
	assertJSONBody(t, c, `{"properties":{"email":"ada@example.com","password":"new-Passw0rd","administrator":false,"forceSecAuth":true}}`)
	assertAccepted(t, resp)
	assert.Equal(t, "Ada", u.Properties.FirstName)
}

func TestUsersDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onDeleteAccepted("/um/users/" + umUserID)
	resp, err := m.c.Users.Delete(context.Background(), umUserID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, "/um/users/"+umUserID)
	assertNoBody(t, m.only())
	assertAccepted(t, resp)
}

func TestResourcesList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/resources", 200, fixture(t, "resource_list.json"))
	rs, _, err := m.c.Resources.List(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/resources", "depth", "1")
	require.Len(t, rs, 2)
	assert.Equal(t, "datacenter", rs[0].Type)
	assert.Equal(t, umImageID, rs[1].ID)
	assert.Equal(t, "image", rs[1].Type)
	assert.Equal(t, "debian-10-custom", rs[1].Properties.Name)
}

func TestResourcesListByType(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/resources/datacenter", 200, fixture(t, "resource_list_datacenter.json"))
	rs, _, err := m.c.Resources.ListByType(context.Background(), ResourceTypeDatacenter)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/resources/datacenter", "depth", "1")
	require.Len(t, rs, 1)
	assert.Equal(t, dcID, rs[0].ID)
}

func TestResourcesGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/um/resources/datacenter/"+dcID, 200, fixture(t, "resource_datacenter.json"))
	r, _, err := m.c.Resources.Get(context.Background(), ResourceTypeDatacenter, dcID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/resources/datacenter/"+dcID, "depth", "1")
	assert.Equal(t, "production", r.Properties.Name)
	assert.True(t, r.Properties.SecAuthProtection)
	assert.Equal(t, StateAvailable, r.Metadata.State)
	assert.Equal(t, umUserID, r.Metadata.CreatedByUserID)
	require.Len(t, r.Entities.Groups.Items, 1)
	assert.Equal(t, umGroupID, r.Entities.Groups.Items[0].ID)
}

func TestUserManagementValidation(t *testing.T) {
	valid := UserSpec{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", Password: "pw"}
	with := func(f func(*UserSpec)) UserSpec { s := valid; f(&s); return s }
	for _, tc := range []struct {
		name  string
		call  func(c *Client) error
		field string
	}{
		{"group without name", func(c *Client) error {
			_, _, err := c.Groups.Create(context.Background(), GroupSpec{CreateSnapshot: true})
			return err
		}, "GroupSpec.Name"},
		{"group name control", func(c *Client) error {
			_, _, err := c.Groups.Create(context.Background(), GroupSpec{Name: "a\nb"})
			return err
		}, "GroupSpec.Name"},
		{"group update empty name", func(c *Client) error {
			_, _, err := c.Groups.Update(context.Background(), umGroupID, GroupUpdate{Name: Ptr("")})
			return err
		}, "GroupUpdate.Name"},
		{"user without first name", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.FirstName = "" }))
			return err
		}, "UserSpec.FirstName"},
		{"user without last name", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.LastName = "" }))
			return err
		}, "UserSpec.LastName"},
		{"user without email", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.Email = "" }))
			return err
		}, "UserSpec.Email"},
		{"user email without at", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.Email = "ada.example.com" }))
			return err
		}, "UserSpec.Email"},
		{"user email with display name", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.Email = "Ada <ada@example.com>" }))
			return err
		}, "UserSpec.Email"},
		{"user email with space", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.Email = "ada lovelace@example.com" }))
			return err
		}, "UserSpec.Email"},
		{"user without password", func(c *Client) error {
			_, _, err := c.Users.Create(context.Background(), with(func(s *UserSpec) { s.Password = "" }))
			return err
		}, "UserSpec.Password"},
		{"user update bad email", func(c *Client) error {
			_, _, err := c.Users.Update(context.Background(), umUserID, UserUpdate{Email: Ptr("nope")})
			return err
		}, "UserUpdate.Email"},
		{"user update empty first name", func(c *Client) error {
			_, _, err := c.Users.Update(context.Background(), umUserID, UserUpdate{FirstName: Ptr("")})
			return err
		}, "UserUpdate.FirstName"},
		{"user update empty last name", func(c *Client) error {
			_, _, err := c.Users.Update(context.Background(), umUserID, UserUpdate{LastName: Ptr("")})
			return err
		}, "UserUpdate.LastName"},
		{"user update empty password", func(c *Client) error {
			_, _, err := c.Users.Update(context.Background(), umUserID, UserUpdate{Password: Ptr(Secret(""))})
			return err
		}, "UserUpdate.Password"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			assertInvalid(t, tc.call(m.c), tc.field)
			m.none()
		})
	}
}

func TestUserManagementEmailShapesAccepted(t *testing.T) {
	for _, email := range []string{"ada@example.com", "ada.lovelace+ops@mail.example.co.uk", "a@b"} {
		t.Run(email, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, "/um/users", fixture(t, "user_created.json"))
			_, _, err := m.c.Users.Create(context.Background(), UserSpec{FirstName: "A", LastName: "L", Email: email, Password: "pw"})
			require.NoError(t, err)
		})
	}
}

// newJSONResponse is an httpmock answer with a JSON content type.
func newJSONResponse(status int, body []byte) *http.Response {
	resp := httpmock.NewBytesResponse(status, body)
	resp.Header.Set("Content-Type", "application/json")
	return resp
}
