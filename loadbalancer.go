package ionos

// LoadBalancer is a data center's load balancer as the API returns it. At
// depth 1 and more, Entities lists the NICs it balances.
type LoadBalancer struct {
	ID         string                 `json:"id"`
	Type       string                 `json:"type,omitempty"`
	Href       string                 `json:"href,omitempty"`
	Metadata   Metadata               `json:"metadata,omitzero"`
	Properties LoadBalancerProperties `json:"properties,omitzero"`
	Entities   LoadBalancerEntities   `json:"entities,omitzero"`
}

// LoadBalancerProperties are a load balancer's settings.
type LoadBalancerProperties struct {
	Name string `json:"name,omitempty"`
	IP   string `json:"ip,omitempty"`
	DHCP bool   `json:"dhcp,omitempty"`
}

// LoadBalancerEntities are a load balancer's children.
type LoadBalancerEntities struct {
	BalancedNICs Collection[NIC] `json:"balancednics,omitzero"`
}

// LoadBalancerSpec describes a load balancer to create, alone
// (LoadBalancers.Create) or inside a data center
// (DatacenterSpec.LoadBalancers): the Python SDK's LoadBalancer object.
type LoadBalancerSpec struct {
	Name string
	// IP is the IPv4 address the balanced NICs share; empty lets the API or
	// DHCP choose.
	IP string
	// DHCP is sent when set; nil leaves the API's default.
	DHCP *bool
	// BalancedNICs are IDs of existing NICs to balance.
	BalancedNICs []string
}

type loadBalancerPost struct {
	Properties loadBalancerPostProperties `json:"properties"`
	Entities   *loadBalancerPostEntities  `json:"entities,omitempty"`
}

type loadBalancerPostProperties struct {
	Name string `json:"name,omitempty"`
	IP   string `json:"ip,omitempty"`
	DHCP *bool  `json:"dhcp,omitempty"`
}

type loadBalancerPostEntities struct {
	BalancedNICs *postCollection[idRef] `json:"balancednics,omitempty"`
}

// body validates the spec and builds the POST body; field prefixes the
// names in errors.
func (s *LoadBalancerSpec) body(field string) (*loadBalancerPost, error) {
	if s.IP != "" && !isIPv4(s.IP) {
		return nil, invalid(field+".IP", "%q is not an IPv4 address", s.IP)
	}
	p := &loadBalancerPost{Properties: loadBalancerPostProperties{Name: s.Name, IP: s.IP, DHCP: s.DHCP}}
	if len(s.BalancedNICs) > 0 {
		refs, err := idRefs(field+".BalancedNICs", s.BalancedNICs)
		if err != nil {
			return nil, err
		}
		p.Entities = &loadBalancerPostEntities{BalancedNICs: &postCollection[idRef]{Items: refs}}
	}
	return p, nil
}

// LoadBalancersService manages load balancers and the NICs they balance.
type LoadBalancersService struct{ c *Client }
