package ionos

// Volume is a block storage volume as the API returns it.
type Volume struct {
	ID         string           `json:"id"`
	Type       string           `json:"type,omitempty"`
	Href       string           `json:"href,omitempty"`
	Metadata   Metadata         `json:"metadata,omitzero"`
	Properties VolumeProperties `json:"properties,omitzero"`
}

// VolumeProperties are a volume's settings. ImagePassword is never returned
// by the API.
type VolumeProperties struct {
	Name                string   `json:"name,omitempty"`
	Type                string   `json:"type,omitempty"` // HDD, SSD, ...
	Size                float64  `json:"size,omitempty"` // GB
	AvailabilityZone    string   `json:"availabilityZone,omitempty"`
	Image               string   `json:"image,omitempty"`
	ImageAlias          string   `json:"imageAlias,omitempty"`
	SSHKeys             []string `json:"sshKeys,omitempty"`
	Bus                 string   `json:"bus,omitempty"`
	LicenceType         string   `json:"licenceType,omitempty"`
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
	DeviceNumber        int64    `json:"deviceNumber,omitempty"`
	BackupUnitID        string   `json:"backupunitId,omitempty"`
	UserData            string   `json:"userData,omitempty"`
}

// VolumesService manages block storage volumes and their snapshots.
type VolumesService struct{ c *Client }
