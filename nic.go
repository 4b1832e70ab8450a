package ionos

// NIC is a server's network interface as the API returns it. At depth 1 and
// more, Entities lists its firewall rules.
type NIC struct {
	ID         string        `json:"id"`
	Type       string        `json:"type,omitempty"`
	Href       string        `json:"href,omitempty"`
	Metadata   Metadata      `json:"metadata,omitzero"`
	Properties NICProperties `json:"properties,omitzero"`
	Entities   NICEntities   `json:"entities,omitzero"`
}

// NICProperties are a NIC's settings.
type NICProperties struct {
	Name           string   `json:"name,omitempty"`
	MAC            string   `json:"mac,omitempty"`
	IPs            []string `json:"ips,omitempty"`
	DHCP           bool     `json:"dhcp,omitempty"`
	LAN            int      `json:"lan,omitempty"`
	FirewallActive bool     `json:"firewallActive,omitempty"`
	NAT            bool     `json:"nat,omitempty"`
}

// NICEntities are a NIC's children.
type NICEntities struct {
	FirewallRules Collection[FirewallRule] `json:"firewallrules,omitzero"`
}
