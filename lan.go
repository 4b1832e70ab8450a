package ionos

// LAN is a data center's network as the API returns it. Its ID is the API's
// numeric LAN ID, as a string. At depth 1 and more, Entities lists its NICs.
type LAN struct {
	ID         string        `json:"id"`
	Type       string        `json:"type,omitempty"`
	Href       string        `json:"href,omitempty"`
	Metadata   Metadata      `json:"metadata,omitzero"`
	Properties LANProperties `json:"properties,omitzero"`
	Entities   LANEntities   `json:"entities,omitzero"`
}

// LANProperties are a LAN's settings.
type LANProperties struct {
	Name       string       `json:"name,omitempty"`
	IPFailover []IPFailover `json:"ipFailover,omitempty"`
	PCC        string       `json:"pcc,omitempty"`
	Public     bool         `json:"public,omitempty"`
}

// IPFailover moves an IP between the NICs of a LAN.
type IPFailover struct {
	IP      string `json:"ip"`
	NICUUID string `json:"nicUuid"`
}

// LANEntities are a LAN's children.
type LANEntities struct {
	NICs Collection[NIC] `json:"nics,omitzero"`
}
