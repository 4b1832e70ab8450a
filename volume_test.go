package ionos

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const csVolPath = "/datacenters/" + dcID + "/volumes/" + csVolID

func TestVolumesList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/"+dcID+"/volumes", 200, fixture(t, "volume_list.json"))
	vols, _, err := m.c.Volumes.List(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/datacenters/"+dcID+"/volumes", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, vols, 2)
	assert.Equal(t, csVolID, vols[0].ID)
	assert.Equal(t, "volume", vols[0].Type)
	assert.Equal(t, csImgID, vols[0].Properties.Image)
	assert.Equal(t, LicenceType("LINUX"), vols[0].Properties.LicenceType)
	assert.Equal(t, LicenceType("OTHER"), vols[1].Properties.LicenceType)

	var ids []string
	for v, err := range m.c.Volumes.All(context.Background(), dcID, WithDepth(0)) {
		require.NoError(t, err)
		ids = append(ids, v.ID)
	}
	assert.Equal(t, []string{csVolID, csVol2ID}, ids)
	assertCall(t, m.all()[1], http.MethodGet, "/datacenters/"+dcID+"/volumes", "depth", "0")
}

func TestVolumesGetSendsDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, csVolPath, 200, fixture(t, "volume.json"))
	v, _, err := m.c.Volumes.Get(context.Background(), dcID, csVolID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, csVolPath, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, "System Volume", v.Properties.Name)
	assert.Equal(t, 20.0, v.Properties.Size)
	assert.Equal(t, AvailabilityZone("AUTO"), v.Properties.AvailabilityZone)
	assert.True(t, v.Properties.DiscVirtioHotUnplug)
	assert.Equal(t, int64(1), v.Properties.DeviceNumber)
}

func TestVolumesCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/volumes", fixture(t, "volume_created.json"))
	// The seed README's Volume(type='SSD', license_type='OTHER'), which the
	// Python SDK silently turned into an HDD with licence UNKNOWN.
	v, resp, err := m.c.Volumes.Create(context.Background(), dcID, VolumeSpec{
		Name: "Data Volume", Size: 100, Type: VolumeTypeSSD, Bus: BusVIRTIO, LicenceType: LicenceOther,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters/"+dcID+"/volumes")
	assertJSONBody(t, c, `{"properties":{"name":"Data Volume","size":100,"type":"SSD","bus":"VIRTIO","licenceType":"OTHER"}}`)
	assertAccepted(t, resp)
	assert.Equal(t, csVol2ID, v.ID)
	assert.Equal(t, StateBusy, v.Metadata.State)
	assert.Equal(t, VolumeTypeSSD, v.Properties.Type)
}

func TestVolumesCreateFromImage(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/volumes", fixture(t, "volume_created.json"))
	_, _, err := m.c.Volumes.Create(context.Background(), dcID, VolumeSpec{
		Size: 20, ImageAlias: "ubuntu:latest", ImagePassword: "Abcdefgh12", SSHKeys: []string{"ssh-ed25519 AAAA"},
		AvailabilityZone: "ZONE_3", Type: VolumeTypeSSDPremium, CPUHotPlug: Ptr(true), DiscVirtioHotUnplug: Ptr(false),
		BackupUnitID: "25f67991-0f51-4efc-a8ad-ef1fb31a481c", UserData: "I2Nsb3VkLWNvbmZpZw==",
	})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"size":20,"imageAlias":"ubuntu:latest","imagePassword":"Abcdefgh12",
		"sshKeys":["ssh-ed25519 AAAA"],"availabilityZone":"ZONE_3","type":"SSD Premium","cpuHotPlug":true,
		"discVirtioHotUnplug":false,"backupunitId":"25f67991-0f51-4efc-a8ad-ef1fb31a481c","userData":"I2Nsb3VkLWNvbmZpZw=="}}`)
}

func TestVolumesCreateValidation(t *testing.T) {
	ok := func() VolumeSpec { return VolumeSpec{Size: 10, LicenceType: "LINUX"} }
	for _, tc := range []struct {
		name  string
		mod   func(*VolumeSpec)
		field string
	}{
		{"no size", func(s *VolumeSpec) { s.Size = 0 }, "VolumeSpec.Size"},
		{"negative size", func(s *VolumeSpec) { s.Size = -5 }, "VolumeSpec.Size"},
		{"no image, alias or licence", func(s *VolumeSpec) { s.LicenceType = "" }, "VolumeSpec.LicenceType"},
		{"short password", func(s *VolumeSpec) { s.Image, s.ImagePassword = csImgID, "abc12" }, "VolumeSpec.ImagePassword"},
		{"long password", func(s *VolumeSpec) { s.Image, s.ImagePassword = csImgID, Secret(strings.Repeat("a", 51)) }, "VolumeSpec.ImagePassword"},
		{"empty SSH key", func(s *VolumeSpec) { s.SSHKeys = []string{"ssh-rsa A", ""} }, "VolumeSpec.SSHKeys[1]"},
		{"control character in name", func(s *VolumeSpec) { s.Name = "a\x00b" }, "VolumeSpec.Name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			spec := ok()
			tc.mod(&spec)
			_, _, err := m.c.Volumes.Create(context.Background(), dcID, spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestVolumesCreatePasswordNotInError(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Volumes.Create(context.Background(), dcID, VolumeSpec{Size: 10, Image: csImgID, ImagePassword: "topsecr"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "topsecr")
	m.none()
}

func TestVolumesCreateAcceptsWhatTheAPIAccepts(t *testing.T) {
	specs := []VolumeSpec{
		{Size: 1, Image: csImgID},
		{Size: 1, ImageAlias: "debian:10"},
		{Size: 1, LicenceType: "WINDOWS2022"},
		{Size: 1, LicenceType: "UNKNOWN"},
		{Size: 1, LicenceType: "OTHER", Bus: "IDE"},
		{Size: 1, Image: csImgID, ImagePassword: "s3cr3tpass0rd"}, // the seed README's own example
		{Size: 1, Image: csImgID, ImagePassword: Secret(strings.Repeat("Ab1", 16) + "xy")},
	}
	// Values the API owns and adds to are its to refuse, not the SDK's:
	// a new type, bus, licence or zone, and any password alphabet.
	specs = append(specs,
		VolumeSpec{Size: 1, LicenceType: "FUTURE_OS", Type: "SSD Premium Plus", Bus: "NVME", AvailabilityZone: "ZONE_9"},
		VolumeSpec{Size: 1, Image: csImgID, ImagePassword: "with space & symbols!"},
	)
	for _, typ := range []VolumeType{"HDD", "SSD", "SSD Standard", "SSD Premium", "DAS", "ISO"} {
		specs = append(specs, VolumeSpec{Size: 1, LicenceType: "LINUX", Type: typ})
	}
	for _, z := range []AvailabilityZone{"AUTO", "ZONE_1", "ZONE_2", "ZONE_3"} {
		specs = append(specs, VolumeSpec{Size: 1, LicenceType: "LINUX", AvailabilityZone: z})
	}
	for _, spec := range specs {
		m := newMockAPI(t)
		m.onAccepted(http.MethodPost, "/datacenters/"+dcID+"/volumes", fixture(t, "volume_created.json"))
		_, _, err := m.c.Volumes.Create(context.Background(), dcID, spec)
		assert.NoError(t, err, "%+v", spec)
	}
}

func TestVolumesUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, csVolPath, fixture(t, "volume.json"))
	v, resp, err := m.c.Volumes.Update(context.Background(), dcID, csVolID, VolumeUpdate{
		Name: Ptr("New Name"), Size: Ptr(6), Bus: Ptr[Bus]("IDE"), LicenceType: Ptr[LicenceType]("LINUX"),
		DiscVirtioHotPlug: Ptr(true), NICHotUnplug: Ptr(false), RAMHotPlug: Ptr(false),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, csVolPath)
	assertJSONBody(t, c, `{"name":"New Name","size":6,"bus":"IDE","licenceType":"LINUX","discVirtioHotPlug":true,"nicHotUnplug":false,"ramHotPlug":false}`)
	assertAccepted(t, resp)
	assert.Equal(t, csVolID, v.ID)
}

func TestVolumesUpdateSendsEmptyName(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, csVolPath, fixture(t, "volume.json"))
	_, _, err := m.c.Volumes.Update(context.Background(), dcID, csVolID, VolumeUpdate{Name: Ptr(""), CPUHotPlug: Ptr(false)})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"name":"","cpuHotPlug":false}`)
}

func TestVolumesUpdateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   VolumeUpdate
		field string
	}{
		{"zero size", VolumeUpdate{Size: Ptr(0)}, "VolumeUpdate.Size"},
		{"negative size", VolumeUpdate{Size: Ptr(-1)}, "VolumeUpdate.Size"},
		{"empty bus", VolumeUpdate{Bus: Ptr[Bus]("")}, "VolumeUpdate.Bus"},
		{"empty licence", VolumeUpdate{LicenceType: Ptr[LicenceType]("")}, "VolumeUpdate.LicenceType"},
		{"control character in name", VolumeUpdate{Name: Ptr("a\tb")}, "VolumeUpdate.Name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.Volumes.Update(context.Background(), dcID, csVolID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestVolumesDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, csVolPath)
	resp, err := m.c.Volumes.Delete(context.Background(), dcID, csVolID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, csVolPath)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestVolumesCreateSnapshot(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, csVolPath+"/create-snapshot", fixture(t, "snapshot_created.json"))
	snap, resp, err := m.c.Volumes.CreateSnapshot(context.Background(), dcID, csVolID, SnapshotSpec{
		Name: "nightly 2020-08-26", Description: "before upgrade & reboot",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, csVolPath+"/create-snapshot")
	assert.Equal(t, "application/x-www-form-urlencoded", c.Header.Get("Content-Type"))
	assert.Equal(t, "description=before+upgrade+%26+reboot&name=nightly+2020-08-26", string(c.Body))
	assertAccepted(t, resp)
	assert.Equal(t, csSnapID, snap.ID)
	assert.Equal(t, "snapshot", snap.Type)
	assert.Equal(t, StateBusy, snap.Metadata.State)
	assert.Zero(t, snap.Properties.Size, "the API sends null while the snapshot is taken")
}

func TestVolumesCreateSnapshotLeavesOutUnsetFields(t *testing.T) {
	for _, tc := range []struct {
		spec SnapshotSpec
		want string
	}{
		{SnapshotSpec{}, ""},
		{SnapshotSpec{Name: "only-name"}, "name=only-name"},
		{SnapshotSpec{Description: "only description"}, "description=only+description"},
		{SnapshotSpec{LicenceType: "LINUX", SecAuthProtection: false}, "licenceType=LINUX"},
		{SnapshotSpec{SecAuthProtection: true}, "secAuthProtection=true"},
	} {
		m := newMockAPI(t)
		m.onAccepted(http.MethodPost, csVolPath+"/create-snapshot", fixture(t, "snapshot_created.json"))
		_, _, err := m.c.Volumes.CreateSnapshot(context.Background(), dcID, csVolID, tc.spec)
		require.NoError(t, err)
		c := m.only()
		assert.Equal(t, tc.want, string(c.Body))
		assert.NotContains(t, string(c.Body), "None")
	}
}

func TestVolumesCreateSnapshotValidation(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Volumes.CreateSnapshot(context.Background(), dcID, csVolID, SnapshotSpec{Name: "a\nb"})
	assertInvalid(t, err, "SnapshotSpec.Name")
	m.none()
}

func TestVolumesRestoreSnapshot(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodPost, csVolPath+"/restore-snapshot")
	resp, err := m.c.Volumes.RestoreSnapshot(context.Background(), dcID, csVolID, csSnapID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, csVolPath+"/restore-snapshot")
	assert.Equal(t, "application/x-www-form-urlencoded", c.Header.Get("Content-Type"))
	assert.Equal(t, "snapshotId="+csSnapID, string(c.Body))
	assertAccepted(t, resp)
}

func TestVolumesCreateScrubsImagePasswordFromAPIError(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodPost, "/datacenters/"+dcID+"/volumes", 422,
		[]byte(`{"httpStatus":422,"messages":[{"errorCode":"100","message":"imagePassword s3cr3tpass0rd is too weak"}]}`))
	_, _, err := m.c.Volumes.Create(context.Background(), dcID, VolumeSpec{Size: 1, Image: csImgID, ImagePassword: "s3cr3tpass0rd"})
	require.ErrorIs(t, err, ErrValidation)
	assert.NotContains(t, err.Error(), "s3cr3tpass0rd")
	assert.Contains(t, err.Error(), "[redacted]")
}
