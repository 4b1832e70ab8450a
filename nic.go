package ionos

import "fmt"

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

// NICSpec describes a NIC to create, alone (NICs.Create) or inside a
// server (ServerSpec.NICs): the Python SDK's NIC object. LAN is required.
type NICSpec struct {
	Name string
	// LAN is the numeric ID of the LAN the NIC sits on (>= 1); the API
	// creates the LAN if it does not exist.
	LAN int
	// IPs are fixed IPs; empty lets DHCP or the API choose.
	IPs []string
	// DHCP, FirewallActive and NAT are sent when set; nil leaves the API's
	// default (DHCP on, firewall off, NAT off).
	DHCP           *bool
	FirewallActive *bool
	NAT            *bool
	// FirewallRules are created with the NIC.
	FirewallRules []FirewallRuleSpec
}

type nicPost struct {
	Properties nicPostProperties `json:"properties"`
	Entities   *nicPostEntities  `json:"entities,omitempty"`
}

type nicPostProperties struct {
	Name           string   `json:"name,omitempty"`
	LAN            int      `json:"lan"`
	IPs            []string `json:"ips,omitempty"`
	DHCP           *bool    `json:"dhcp,omitempty"`
	FirewallActive *bool    `json:"firewallActive,omitempty"`
	NAT            *bool    `json:"nat,omitempty"`
}

type nicPostEntities struct {
	FirewallRules *postCollection[firewallRulePost] `json:"firewallrules,omitempty"`
}

// body validates the spec and builds the POST body; field prefixes the
// names in errors ("NICSpec", "ServerSpec.NICs[0]").
func (s *NICSpec) body(field string) (*nicPost, error) {
	if s.LAN < 1 {
		return nil, invalid(field+".LAN", "is required and must be at least 1 (got %d)", s.LAN)
	}
	for i, ip := range s.IPs {
		if !isIP(ip) {
			return nil, invalid(fmt.Sprintf("%s.IPs[%d]", field, i), "%q is not an IP address", ip)
		}
	}
	p := &nicPost{Properties: nicPostProperties{
		Name: s.Name, LAN: s.LAN, IPs: s.IPs, DHCP: s.DHCP, FirewallActive: s.FirewallActive, NAT: s.NAT,
	}}
	if len(s.FirewallRules) > 0 {
		rules := make([]firewallRulePost, len(s.FirewallRules))
		for i := range s.FirewallRules {
			r, err := s.FirewallRules[i].body(fmt.Sprintf("%s.FirewallRules[%d]", field, i))
			if err != nil {
				return nil, err
			}
			rules[i] = *r
		}
		p.Entities = &nicPostEntities{FirewallRules: &postCollection[firewallRulePost]{Items: rules}}
	}
	return p, nil
}

// NICsService manages a server's network interfaces.
type NICsService struct{ c *Client }
