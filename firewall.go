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

// FirewallRuleSpec describes a firewall rule to create, alone
// (FirewallRules.Create) or inside a NIC (NICSpec.FirewallRules): the Python
// SDK's FirewallRule object. Protocol is required. Nil ports and ICMP
// values mean "any".
type FirewallRuleSpec struct {
	Name string
	// Protocol is TCP, UDP, ICMP or ANY.
	Protocol string
	// SourceMAC is aa:bb:cc:dd:ee:ff; empty allows any.
	SourceMAC string
	// SourceIP and TargetIP are IPv4 addresses; empty allows any.
	SourceIP string
	TargetIP string
	// PortRangeStart and PortRangeEnd (1..65534) apply to TCP and UDP.
	PortRangeStart *int
	PortRangeEnd   *int
	// ICMPType and ICMPCode (0..254) apply to ICMP.
	ICMPType *int
	ICMPCode *int
}

type firewallRulePost struct {
	Properties firewallRulePostProperties `json:"properties"`
}

type firewallRulePostProperties struct {
	Name           string `json:"name,omitempty"`
	Protocol       string `json:"protocol"`
	SourceMAC      string `json:"sourceMac,omitempty"`
	SourceIP       string `json:"sourceIp,omitempty"`
	TargetIP       string `json:"targetIp,omitempty"`
	PortRangeStart *int   `json:"portRangeStart,omitempty"`
	PortRangeEnd   *int   `json:"portRangeEnd,omitempty"`
	ICMPType       *int   `json:"icmpType,omitempty"`
	ICMPCode       *int   `json:"icmpCode,omitempty"`
}

// body validates the spec and builds the POST body; field prefixes the
// names in errors.
func (s *FirewallRuleSpec) body(field string) (*firewallRulePost, error) {
	switch s.Protocol {
	case "TCP", "UDP", "ICMP", "ANY":
	case "":
		return nil, invalid(field+".Protocol", "is required (TCP, UDP, ICMP or ANY)")
	default:
		return nil, invalid(field+".Protocol", "%q is not TCP, UDP, ICMP or ANY", s.Protocol)
	}
	return &firewallRulePost{Properties: firewallRulePostProperties{
		Name: s.Name, Protocol: s.Protocol, SourceMAC: s.SourceMAC, SourceIP: s.SourceIP, TargetIP: s.TargetIP,
		PortRangeStart: s.PortRangeStart, PortRangeEnd: s.PortRangeEnd, ICMPType: s.ICMPType, ICMPCode: s.ICMPCode,
	}}, nil
}

// FirewallRulesService manages the firewall rules of a NIC.
type FirewallRulesService struct{ c *Client }
