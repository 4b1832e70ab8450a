package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImagesList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/images", 200, fixture(t, "image_list.json"))
	imgs, _, err := m.c.Images.List(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/images", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, imgs, 2)
	assert.Equal(t, csImgID, imgs[0].ID)
	assert.Equal(t, "image", imgs[0].Type)
	assert.Equal(t, []string{"ubuntu:latest", "ubuntu:20.04"}, imgs[0].Properties.ImageAliases)
	assert.Equal(t, "HDD", imgs[0].Properties.ImageType)
	assert.Equal(t, "V1", imgs[0].Properties.CloudInit)
	assert.Equal(t, "CDROM", imgs[1].Properties.ImageType)
	assert.Equal(t, "us/las", imgs[1].Properties.Location)
}

func TestImagesGetSendsDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/images/"+csImgID, 200, fixture(t, "image.json"))
	img, _, err := m.c.Images.Get(context.Background(), csImgID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/images/"+csImgID, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, "golden-web-image", img.Properties.Name)
	assert.Equal(t, "web tier base", img.Properties.Description)
	assert.False(t, img.Properties.Public)
	assert.Equal(t, 10.0, img.Properties.Size)
	assert.Equal(t, LicenceType("LINUX"), img.Properties.LicenceType)
}

func TestImagesUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/images/"+csImgID, fixture(t, "image.json"))
	img, resp, err := m.c.Images.Update(context.Background(), csImgID, ImageUpdate{
		Name: Ptr("New Name"), Description: Ptr(""), LicenceType: Ptr[LicenceType]("LINUX"),
		CPUHotPlug: Ptr(false), RAMHotUnplug: Ptr(true), DiscSCSIHotPlug: Ptr(false), CloudInit: Ptr("V1"),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, "/images/"+csImgID)
	assertJSONBody(t, c, `{"name":"New Name","description":"","licenceType":"LINUX","cpuHotPlug":false,"ramHotUnplug":true,"discScsiHotPlug":false,"cloudInit":"V1"}`)
	assertAccepted(t, resp)
	assert.Equal(t, csImgID, img.ID)
}

func TestImagesUpdateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   ImageUpdate
		field string
	}{
		{"empty licence", ImageUpdate{LicenceType: Ptr[LicenceType]("")}, "ImageUpdate.LicenceType"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.Images.Update(context.Background(), csImgID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestImagesDelete(t *testing.T) {
	m := newMockAPI(t)
	m.onAcceptedNoBody(http.MethodDelete, "/images/"+csImgID)
	resp, err := m.c.Images.Delete(context.Background(), csImgID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, "/images/"+csImgID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}
