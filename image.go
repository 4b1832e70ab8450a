package ionos

import (
	"context"
	"net/http"
)

// Image is an HDD or CD-ROM image as the API returns it. A server's attached
// CD-ROMs are images too.
type Image struct {
	ID         string          `json:"id"`
	Type       string          `json:"type,omitempty"`
	Href       string          `json:"href,omitempty"`
	Metadata   Metadata        `json:"metadata,omitzero"`
	Properties ImageProperties `json:"properties,omitzero"`
}

// ImageProperties are an image's settings.
type ImageProperties struct {
	Name        string  `json:"name,omitempty"`
	Description string  `json:"description,omitempty"`
	Location    string  `json:"location,omitempty"`
	Size        float64 `json:"size"` // GB
	HotPlug
	LicenceType  LicenceType `json:"licenceType,omitempty"`
	ImageType    string      `json:"imageType,omitempty"` // HDD, CDROM
	Public       bool        `json:"public"`
	ImageAliases []string    `json:"imageAliases,omitempty"`
	CloudInit    string      `json:"cloudInit,omitempty"`

	// The fields below come from Cloud API v6 and are empty on v5.

	// ApplicationType is the application on the image; only public images
	// have one other than UNKNOWN.
	ApplicationType string `json:"applicationType,omitempty"`
	// ExposeSerial says whether servers see the serial ID of volumes made
	// from the image; RequireLegacyBios whether the image needs legacy
	// BIOS. nil when the API does not say.
	ExposeSerial      *bool `json:"exposeSerial,omitempty"`
	RequireLegacyBios *bool `json:"requireLegacyBios,omitempty"`
	// RequiredFeatures are the features the image needs, such as SEV-SNP
	// (Confidential Computing).
	RequiredFeatures []string `json:"requiredFeatures,omitempty"`
}

// ImagesService reads and changes HDD and CD-ROM images.
type ImagesService struct{ c *Client }

// ImageUpdate changes the fields of an image that are set (non-nil); the
// others keep their value. Only images you uploaded can be changed.
// ImageAliases replaces the list when non-empty; it cannot be cleared here.
type ImageUpdate struct {
	Name                *string      `json:"name,omitempty"`
	Description         *string      `json:"description,omitempty"`
	LicenceType         *LicenceType `json:"licenceType,omitempty"`
	CPUHotPlug          *bool        `json:"cpuHotPlug,omitempty"`
	CPUHotUnplug        *bool        `json:"cpuHotUnplug,omitempty"`
	RAMHotPlug          *bool        `json:"ramHotPlug,omitempty"`
	RAMHotUnplug        *bool        `json:"ramHotUnplug,omitempty"`
	NICHotPlug          *bool        `json:"nicHotPlug,omitempty"`
	NICHotUnplug        *bool        `json:"nicHotUnplug,omitempty"`
	DiscVirtioHotPlug   *bool        `json:"discVirtioHotPlug,omitempty"`
	DiscVirtioHotUnplug *bool        `json:"discVirtioHotUnplug,omitempty"`
	DiscSCSIHotPlug     *bool        `json:"discScsiHotPlug,omitempty"`
	DiscSCSIHotUnplug   *bool        `json:"discScsiHotUnplug,omitempty"`
	CloudInit           *string      `json:"cloudInit,omitempty"` // NONE or V1
	ImageAliases        []string     `json:"imageAliases,omitempty"`
}

func (u *ImageUpdate) check() error {
	if u.LicenceType != nil {
		if *u.LicenceType == "" {
			return invalid("ImageUpdate.LicenceType", "must not be empty")
		}
	}
	return nil
}

// List returns every image the account can use, public and private, at the
// client's default depth unless [WithDepth] is given.
func (s *ImagesService) List(ctx context.Context, opts ...ListOption) ([]Image, *Response, error) {
	return list[Image](ctx, s.c, fixed("/images"), opts)
}

// Get returns one image, at the client's default depth unless [WithDepth] is
// given.
func (s *ImagesService) Get(ctx context.Context, imageID string, opts ...ReadOption) (*Image, *Response, error) {
	return get[Image](ctx, s.c, imageRoute(imageID), opts)
}

// Update changes the fields of an image that upd sets (PATCH).
func (s *ImagesService) Update(ctx context.Context, imageID string, upd ImageUpdate, opts ...WriteOption) (*Image, *Response, error) {
	return write[Image](ctx, s.c, http.MethodPatch, imageRoute(imageID), with(&upd, upd.check()), opts)
}

// ImageSettings are every setting of an image that can be changed, for
// [ImagesService.Replace]: what is left empty or false is reset. Name,
// Description and CloudInit are left out when empty; LicenceType is
// required.
type ImageSettings struct {
	Name        string      `json:"name,omitempty"`
	Description string      `json:"description,omitempty"`
	LicenceType LicenceType `json:"licenceType"`
	// HotPlug is the capabilities servers get from volumes made of the
	// image; each is sent, false included.
	HotPlug
	// CloudInit is NONE or V1.
	CloudInit string `json:"cloudInit,omitempty"`
}

func (s *ImageSettings) body() (*putBody[*ImageSettings], error) {
	if s.LicenceType == "" {
		return nil, invalid("ImageSettings.LicenceType", "is required")
	}
	if err := checkServerName(fieldOf{name: "ImageSettings.Name"}, s.Name, false); err != nil {
		return nil, err
	}
	return &putBody[*ImageSettings]{Properties: s}, nil
}

// Replace replaces every setting of an image you uploaded with settings
// (PUT): unlike [ImagesService.Update], what settings leaves false or empty
// is reset.
func (s *ImagesService) Replace(ctx context.Context, imageID string, settings ImageSettings, opts ...WriteOption) (*Image, *Response, error) {
	return write[Image](ctx, s.c, http.MethodPut, imageRoute(imageID), with(settings.body()), opts)
}

// Delete deletes an image you uploaded.
func (s *ImagesService) Delete(ctx context.Context, imageID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, imageRoute(imageID), opts)
}

// imageRoute is the route of one image.
func imageRoute(imageID string) route { return at(pathOf("/images/{}", id("imageID", imageID))) }
