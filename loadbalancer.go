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
