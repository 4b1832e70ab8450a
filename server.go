package ionos

// Server is a virtual server as the API returns it. At depth 1 and more,
// Entities lists its attached volumes, CD-ROMs and NICs.
type Server struct {
	ID         string           `json:"id"`
	Type       string           `json:"type,omitempty"`
	Href       string           `json:"href,omitempty"`
	Metadata   Metadata         `json:"metadata,omitzero"`
	Properties ServerProperties `json:"properties,omitzero"`
	Entities   ServerEntities   `json:"entities,omitzero"`
}

// ServerProperties are a server's settings.
type ServerProperties struct {
	Name             string             `json:"name,omitempty"`
	Cores            int                `json:"cores,omitempty"`
	RAM              int                `json:"ram,omitempty"` // MB
	AvailabilityZone string             `json:"availabilityZone,omitempty"`
	VMState          string             `json:"vmState,omitempty"`
	BootCDROM        *ResourceReference `json:"bootCdrom,omitempty"`
	BootVolume       *ResourceReference `json:"bootVolume,omitempty"`
	CPUFamily        string             `json:"cpuFamily,omitempty"`
}

// ServerEntities are a server's children.
type ServerEntities struct {
	CDROMs  Collection[Image]  `json:"cdroms,omitzero"`
	Volumes Collection[Volume] `json:"volumes,omitzero"`
	NICs    Collection[NIC]    `json:"nics,omitzero"`
}

// ServersService manages servers, their attached volumes and CD-ROMs, and starts, stops and reboots them.
type ServersService struct{ c *Client }
