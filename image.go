package ionos

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
	Name                string   `json:"name,omitempty"`
	Description         string   `json:"description,omitempty"`
	Location            string   `json:"location,omitempty"`
	Size                float64  `json:"size,omitempty"` // GB
	CPUHotPlug          bool     `json:"cpuHotPlug,omitempty"`
	CPUHotUnplug        bool     `json:"cpuHotUnplug,omitempty"`
	RAMHotPlug          bool     `json:"ramHotPlug,omitempty"`
	RAMHotUnplug        bool     `json:"ramHotUnplug,omitempty"`
	NICHotPlug          bool     `json:"nicHotPlug,omitempty"`
	NICHotUnplug        bool     `json:"nicHotUnplug,omitempty"`
	DiscVirtioHotPlug   bool     `json:"discVirtioHotPlug,omitempty"`
	DiscVirtioHotUnplug bool     `json:"discVirtioHotUnplug,omitempty"`
	DiscSCSIHotPlug     bool     `json:"discScsiHotPlug,omitempty"`
	DiscSCSIHotUnplug   bool     `json:"discScsiHotUnplug,omitempty"`
	LicenceType         string   `json:"licenceType,omitempty"`
	ImageType           string   `json:"imageType,omitempty"` // HDD, CDROM
	Public              bool     `json:"public,omitempty"`
	ImageAliases        []string `json:"imageAliases,omitempty"`
	CloudInit           string   `json:"cloudInit,omitempty"`
}

// ImagesService reads and changes HDD and CD-ROM images.
type ImagesService struct{ c *Client }
