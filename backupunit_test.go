package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const backupUnitID = "6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a"

func TestBackupUnitsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/backupunits", 200, fixture(t, "backupunit_list.json"))
	bs, _, err := m.c.BackupUnits.List(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/backupunits", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, bs, 2)
	assert.Equal(t, backupUnitID, bs[0].ID)
	assert.Equal(t, "weekly", bs[1].Properties.Name)
}

func TestBackupUnitsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/backupunits/"+backupUnitID, 200, fixture(t, "backupunit_nightly.json"))
	b, _, err := m.c.BackupUnits.Get(context.Background(), backupUnitID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/backupunits/"+backupUnitID, "depth", "1")
	assert.Equal(t, "backupunit", b.Type)
	assert.Equal(t, BackupUnitProperties{Name: "nightly", Email: "backup@example.com"}, b.Properties)
	assert.Equal(t, StateAvailable, b.Metadata.State)
}

func TestBackupUnitsCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/backupunits", fixture(t, "backupunit_created.json"))
	b, resp, err := m.c.BackupUnits.Create(context.Background(), BackupUnitSpec{Name: "nightly", Password: "Hunter2-Backup!", Email: "backup@example.com"})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/backupunits")
	assertJSONBody(t, c, `{"properties":{"name":"nightly","password":"Hunter2-Backup!","email":"backup@example.com"}}`)
	assertAccepted(t, resp)
	assert.Equal(t, backupUnitID, b.ID)
	assert.Equal(t, StateBusy, b.Metadata.State)
}

func TestBackupUnitsUpdatePATCH(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/backupunits/"+backupUnitID, fixture(t, "backupunit_nightly.json"))
	b, resp, err := m.c.BackupUnits.Update(context.Background(), backupUnitID, BackupUnitUpdate{Password: Ptr(Secret("new-Backup-pw")), Email: Ptr("ops@example.com")})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/backupunits/"+backupUnitID)
	assertJSONBody(t, c, `{"password":"new-Backup-pw","email":"ops@example.com"}`)
	assertAccepted(t, resp)
	assert.Equal(t, "nightly", b.Properties.Name)
}

func TestBackupUnitsReplacePUT(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec BackupUnitSpec
		body string
	}{
		{"with password", BackupUnitSpec{Name: "nightly", Password: "pw2", Email: "backup@example.com"},
			`{"properties":{"name":"nightly","password":"pw2","email":"backup@example.com"}}`},
		{"without password", BackupUnitSpec{Name: "nightly", Email: "backup@example.com"},
			`{"properties":{"name":"nightly","email":"backup@example.com"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPut, "/backupunits/"+backupUnitID, fixture(t, "backupunit_nightly.json"))
			b, resp, err := m.c.BackupUnits.Replace(context.Background(), backupUnitID, tc.spec)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPut, "/backupunits/"+backupUnitID)
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			assert.Equal(t, backupUnitID, b.ID)
		})
	}
}

func TestBackupUnitsDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onDeleteAccepted("/backupunits/" + backupUnitID)
	resp, err := m.c.BackupUnits.Delete(context.Background(), backupUnitID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, "/backupunits/"+backupUnitID)
	assertNoBody(t, m.only())
	assertAccepted(t, resp)
}

func TestBackupUnitsSSOURL(t *testing.T) {
	m := newMockAPI(t)
	p := "/backupunits/" + backupUnitID + "/ssourl"
	m.on(http.MethodGet, p, 200, fixture(t, "backupunit_ssourl.json"))
	u, _, err := m.c.BackupUnits.SSOURL(context.Background(), backupUnitID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, p) // the spec has no depth here
	assert.Equal(t, "https://backup.ionos.com/sso?token=eyJhbGciOi.backup", u.URL)
}

func TestBackupUnitsValidation(t *testing.T) {
	valid := BackupUnitSpec{Name: "nightly", Password: "pw", Email: "backup@example.com"}
	create := func(f func(*BackupUnitSpec)) func(c *Client) error {
		return func(c *Client) error {
			s := valid
			f(&s)
			_, _, err := c.BackupUnits.Create(context.Background(), s)
			return err
		}
	}
	update := func(u BackupUnitUpdate) func(c *Client) error {
		return func(c *Client) error {
			_, _, err := c.BackupUnits.Update(context.Background(), backupUnitID, u)
			return err
		}
	}
	for _, tc := range []struct {
		name  string
		call  func(c *Client) error
		field string
	}{
		{"no name", create(func(s *BackupUnitSpec) { s.Name = "" }), "BackupUnitSpec.Name"},
		{"name with dash", create(func(s *BackupUnitSpec) { s.Name = "night-ly" }), "BackupUnitSpec.Name"},
		{"name with space", create(func(s *BackupUnitSpec) { s.Name = "night ly" }), "BackupUnitSpec.Name"},
		{"name with umlaut", create(func(s *BackupUnitSpec) { s.Name = "nächtlich" }), "BackupUnitSpec.Name"},
		{"no password", create(func(s *BackupUnitSpec) { s.Password = "" }), "BackupUnitSpec.Password"},
		{"no email", create(func(s *BackupUnitSpec) { s.Email = "" }), "BackupUnitSpec.Email"},
		{"bad email", create(func(s *BackupUnitSpec) { s.Email = "backup" }), "BackupUnitSpec.Email"},
		{"replace bad name", func(c *Client) error {
			_, _, err := c.BackupUnits.Replace(context.Background(), backupUnitID, BackupUnitSpec{Name: "a_b", Email: "b@example.com"})
			return err
		}, "BackupUnitSpec.Name"},
		{"replace without email", func(c *Client) error {
			_, _, err := c.BackupUnits.Replace(context.Background(), backupUnitID, BackupUnitSpec{Name: "ab"})
			return err
		}, "BackupUnitSpec.Email"},
		{"update bad name", update(BackupUnitUpdate{Name: Ptr("a.b")}), "BackupUnitUpdate.Name"},
		{"update empty password", update(BackupUnitUpdate{Password: Ptr(Secret(""))}), "BackupUnitUpdate.Password"},
		{"update bad email", update(BackupUnitUpdate{Email: Ptr("x@")}), "BackupUnitUpdate.Email"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			assertInvalid(t, tc.call(m.c), tc.field)
			m.none()
		})
	}
}
