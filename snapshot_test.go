package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSnapshotsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/snapshots", 200, fixture(t, "snapshot_list.json"))
	snaps, _, err := m.c.Snapshots.List(context.Background(), WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/snapshots", "depth", "2")
	assertNoBody(t, c)
	require.Len(t, snaps, 2)
	assert.Equal(t, "nightly-2020-08-26", snaps[0].Properties.Name)
	assert.Equal(t, "before-upgrade", snaps[1].Properties.Name)
	assert.Equal(t, 100.0, snaps[1].Properties.Size)
}

func TestSnapshotsGetSendsDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/snapshots/"+csSnapID, 200, fixture(t, "snapshot.json"))
	s, _, err := m.c.Snapshots.Get(context.Background(), csSnapID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/snapshots/"+csSnapID, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, csSnapID, s.ID)
	assert.Equal(t, "snapshot", s.Type)
	assert.Equal(t, "nightly backup of the system volume", s.Properties.Description)
	assert.Equal(t, "us/las", s.Properties.Location)
	assert.Equal(t, 20.0, s.Properties.Size)
	assert.False(t, s.Properties.SecAuthProtection)
	assert.True(t, s.Properties.NICHotUnplug)
	assert.False(t, s.Properties.DiscSCSIHotPlug)
	assert.Equal(t, LicenceType("LINUX"), s.Properties.LicenceType)
	assert.Equal(t, StateAvailable, s.Metadata.State)
}

func TestSnapshotsUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/snapshots/"+csSnapID, fixture(t, "snapshot.json"))
	s, resp, err := m.c.Snapshots.Update(context.Background(), csSnapID, SnapshotUpdate{
		Name: Ptr("New Name"), Description: Ptr(""), SecAuthProtection: Ptr(false), LicenceType: Ptr[LicenceType]("OTHER"), DiscVirtioHotUnplug: Ptr(true),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/snapshots/"+csSnapID)
	assertJSONBody(t, c, `{"name":"New Name","description":"","secAuthProtection":false,"licenceType":"OTHER","discVirtioHotUnplug":true}`)
	assertAccepted(t, resp)
	assert.Equal(t, csSnapID, s.ID)
}

func TestSnapshotsUpdateValidation(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Snapshots.Update(context.Background(), csSnapID, SnapshotUpdate{LicenceType: Ptr[LicenceType]("")})
	assertInvalid(t, err, "SnapshotUpdate.LicenceType")
	m.none()
}

func TestSnapshotsDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, "/snapshots/"+csSnapID)
	resp, err := m.c.Snapshots.Delete(context.Background(), csSnapID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, "/snapshots/"+csSnapID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}
