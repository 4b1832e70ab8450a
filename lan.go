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

// LANSpec describes a LAN to create, alone (LANs.Create) or inside a data
// center (DatacenterSpec.LANs): the Python SDK's LAN object.
type LANSpec struct {
	Name string
	// Public connects the LAN to the internet; it is always sent.
	Public bool
	// NICs are IDs of existing NICs to put on the LAN.
	NICs []string
	// PCC is the ID of a private cross-connect to join.
	PCC string
	// IPFailover lists IP failover groups.
	IPFailover []IPFailover
}

type lanPost struct {
	Properties lanPostProperties `json:"properties"`
	Entities   *lanPostEntities  `json:"entities,omitempty"`
}

type lanPostProperties struct {
	Name       string       `json:"name,omitempty"`
	Public     bool         `json:"public"`
	PCC        string       `json:"pcc,omitempty"`
	IPFailover []IPFailover `json:"ipFailover,omitempty"`
}

type lanPostEntities struct {
	NICs *postCollection[idRef] `json:"nics,omitempty"`
}

// body validates the spec and builds the POST body; field prefixes the
// names in errors.
func (s *LANSpec) body(field string) (*lanPost, error) {
	p := &lanPost{Properties: lanPostProperties{Name: s.Name, Public: s.Public, PCC: s.PCC, IPFailover: s.IPFailover}}
	if len(s.NICs) > 0 {
		refs, err := idRefs(field+".NICs", s.NICs)
		if err != nil {
			return nil, err
		}
		p.Entities = &lanPostEntities{NICs: &postCollection[idRef]{Items: refs}}
	}
	return p, nil
}

// LANsService manages a data center's LANs.
type LANsService struct{ c *Client }
