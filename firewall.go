package ionos

// FirewallRule is a rule of a NIC's firewall as the API returns it.
type FirewallRule struct {
	ID         string                 `json:"id"`
	Type       string                 `json:"type,omitempty"`
	Href       string                 `json:"href,omitempty"`
	Metadata   Metadata               `json:"metadata,omitzero"`
	Properties FirewallRuleProperties `json:"properties,omitzero"`
}

// FirewallRuleProperties are a firewall rule's settings. A nil ICMP type or
// code, or port, means "any".
type FirewallRuleProperties struct {
	Name           string `json:"name,omitempty"`
	Protocol       string `json:"protocol,omitempty"`
	SourceMAC      string `json:"sourceMac,omitempty"`
	SourceIP       string `json:"sourceIp,omitempty"`
	TargetIP       string `json:"targetIp,omitempty"`
	ICMPCode       *int   `json:"icmpCode,omitempty"`
	ICMPType       *int   `json:"icmpType,omitempty"`
	PortRangeStart *int   `json:"portRangeStart,omitempty"`
	PortRangeEnd   *int   `json:"portRangeEnd,omitempty"`
}
