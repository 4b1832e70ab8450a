package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/netip"
)

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
	DHCP           bool     `json:"dhcp"`
	LAN            LANID    `json:"lan,omitempty"`
	FirewallActive bool     `json:"firewallActive"`
	// NAT is API v5's; v6 NICs have none.
	NAT bool `json:"nat"`
	// FirewallType is what the NIC's firewall filters (API v6).
	FirewallType FirewallType `json:"firewallType,omitempty"`
	// DeviceNumber and PCISlot say where the NIC sits in the server (API
	// v6, read-only).
	DeviceNumber int `json:"deviceNumber,omitempty"`
	PCISlot      int `json:"pciSlot,omitempty"`
	// VNet is the virtual network the NIC is in (API v6, read-only).
	VNet string `json:"vnet,omitempty"`
	// IPv6CIDRBlock is the NIC's /80 IPv6 block inside its LAN's /64, and
	// IPv6IPs its IPv6 addresses; DHCPv6 says whether it gets one by DHCP
	// (later Cloud API v6; empty on a LAN without IPv6).
	IPv6CIDRBlock string   `json:"ipv6CidrBlock,omitempty"`
	IPv6IPs       []string `json:"ipv6Ips,omitempty"`
	DHCPv6        *bool    `json:"dhcpv6,omitempty"`
}

// NICEntities are a NIC's children.
type NICEntities struct {
	FirewallRules Collection[FirewallRule] `json:"firewallrules,omitzero"`
	// FlowLogs are the NIC's flow logs (Cloud API v6).
	FlowLogs Collection[FlowLog] `json:"flowlogs,omitzero"`
	// SecurityGroups are the security groups attached to the NIC (Cloud
	// API v6, [SecurityGroupsService.AttachToNIC]).
	SecurityGroups Collection[SecurityGroup] `json:"securitygroups,omitzero"`
}

// NICSpec describes a NIC to create, alone (NICs.Create) or inside a server
// ([ServerSpec].NICs). LAN is required.
type NICSpec struct {
	Name string
	// LAN is the ID of the LAN the NIC sits on (LAN.ID); the API creates
	// the LAN if it does not exist.
	LAN LANID
	// IPs are fixed IPs; empty lets the API assign one. Public IPs must
	// come from an IP block reserved by the contract; private ones given by
	// hand must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. The SDK
	// checks only that each is an IP address: which public IPs are reserved
	// is for the API to say.
	IPs []string
	// DHCP is sent when set; nil leaves the API's default, on. A pointer,
	// since false is not the default.
	DHCP *bool
	// FirewallActive is off unless set (the API's default).
	FirewallActive bool
	// FirewallType says what the firewall filters: INGRESS (the API's
	// default), EGRESS or BIDIRECTIONAL. API v6 only: refused before
	// sending on a v5 client.
	FirewallType FirewallType
	// NAT is off unless set. API v5 only: v6 has no NAT on NICs, and a v6
	// client refuses a spec with NAT set before sending.
	NAT bool
	// IPv6CIDRBlock is the NIC's /80 block inside its LAN's /64 (empty: the
	// API assigns one on an IPv6 LAN); IPv6IPs are fixed IPv6 addresses in
	// it (at most 50); DHCPv6, when set, says whether the NIC gets an IPv6
	// address by DHCP. Later Cloud API v6 only, on a LAN with an IPv6
	// block: refused before sending on a v5 client.
	IPv6CIDRBlock string
	IPv6IPs       []string
	DHCPv6        *bool
	// FirewallRules are created with the NIC.
	FirewallRules []FirewallRuleSpec
}

type nicPost = post[nicPostProperties, nicPostEntities]

type nicPostProperties struct {
	Name           string       `json:"name,omitempty"`
	LAN            LANID        `json:"lan"`
	IPs            []string     `json:"ips,omitempty"`
	DHCP           *bool        `json:"dhcp,omitempty"`
	FirewallActive bool         `json:"firewallActive,omitempty"`
	FirewallType   FirewallType `json:"firewallType,omitempty"`
	NAT            bool         `json:"nat,omitempty"`
	IPv6CIDRBlock  string       `json:"ipv6CidrBlock,omitempty"`
	IPv6IPs        []string     `json:"ipv6Ips,omitempty"`
	DHCPv6         *bool        `json:"dhcpv6,omitempty"`
}

type nicPostEntities struct {
	FirewallRules *postCollection[firewallRulePost] `json:"firewallrules,omitempty"`
}

// bodyFor checks the spec for the client's API version ([NICSpec.checkFor])
// and builds the POST body. Every path that turns a NICSpec into a body
// should use it, so that v6 never receives nat and v5 never firewallType.
func (s *NICSpec) bodyFor(v APIVersion, field string) (*nicPost, error) {
	if err := s.checkFields(v, field); err != nil {
		return nil, err
	}
	return s.build(v, field) // checks the firewall rules by v's rules
}

// checkFor refuses what the API version v lacks: NAT on v6, FirewallType
// on v5, and, in the firewall rules, what [FirewallRuleSpec.checkFor]
// refuses. Composite creates (NICs inside a server, servers inside a data
// center) must call it on each NIC, as [NICsService] does.
func (s *NICSpec) checkFor(v APIVersion, field string) error {
	if err := s.checkFields(v, field); err != nil {
		return err
	}
	for i := range s.FirewallRules {
		if err := s.FirewallRules[i].checkFor(v, fmt.Sprintf("%s.FirewallRules[%d]", field, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFields refuses the NIC's own fields that the API version v lacks.
func (s *NICSpec) checkFields(v APIVersion, field string) error {
	switch {
	case v == APIv6 && s.NAT:
		return unsupportedField(field+".NAT", v)
	case v == APIv5 && s.FirewallType != "":
		return unsupportedField(field+".FirewallType", v)
	case v == APIv5 && s.IPv6CIDRBlock != "":
		return unsupportedField(field+".IPv6CIDRBlock", v)
	case v == APIv5 && len(s.IPv6IPs) > 0:
		return unsupportedField(field+".IPv6IPs", v)
	case v == APIv5 && s.DHCPv6 != nil:
		return unsupportedField(field+".DHCPv6", v)
	}
	return nil
}

// checkIPv6 checks the NIC's IPv6 fields: a /80 block, at most 50 IPv6
// addresses.
func checkNICIPv6(field, block string, ips []string) error {
	if block != "" {
		if p, err := netip.ParsePrefix(block); err != nil || !p.Addr().Is6() || p.Addr().Is4In6() || p.Bits() != 80 {
			return invalid(field+".IPv6CIDRBlock", "%q is not an IPv6 /80 block", block)
		}
	}
	if len(ips) > 50 {
		return invalid(field+".IPv6IPs", "has %d addresses; at most 50", len(ips))
	}
	for i, ip := range ips {
		if a, err := netip.ParseAddr(ip); err != nil || !a.Is6() || a.Is4In6() {
			return invalid(fmt.Sprintf("%s.IPv6IPs[%d]", field, i), "%q is not an IPv6 address", ip)
		}
	}
	return nil
}

// unsupportedField refuses a field that the client's API version does not
// have.
func unsupportedField(field string, v APIVersion) *InvalidInputError {
	return invalid(field, "is not in Cloud API %s", v)
}

// body validates what holds for every API version and builds the POST
// body; field prefixes the names in errors ("NICSpec",
// "ServerSpec.NICs[0]"). What depends on the version is checked by
// checkFor (bodyFor does both).
func (s *NICSpec) body(field string) (*nicPost, error) {
	return s.build("", field)
}

// build validates and builds the POST body; the firewall rules are checked
// by the rules of the version v, or, when v is "" (unknown), by
// [FirewallRuleSpec.body]'s.
func (s *NICSpec) build(v APIVersion, field string) (*nicPost, error) {
	if s.LAN == "" {
		return nil, invalid(field+".LAN", "is required")
	}
	if err := (idArg{name: field + ".LAN", val: string(s.LAN), positive: true}).check(); err != nil {
		return nil, err
	}
	if err := checkNICIPs(field+".IPs", s.IPs); err != nil {
		return nil, err
	}
	if err := checkNICIPv6(field, s.IPv6CIDRBlock, s.IPv6IPs); err != nil {
		return nil, err
	}
	p := &nicPost{Properties: nicPostProperties{
		Name: s.Name, LAN: s.LAN, IPs: s.IPs, DHCP: s.DHCP, FirewallActive: s.FirewallActive,
		FirewallType: s.FirewallType, NAT: s.NAT,
		IPv6CIDRBlock: s.IPv6CIDRBlock, IPv6IPs: s.IPv6IPs, DHCPv6: s.DHCPv6,
	}}
	if len(s.FirewallRules) > 0 {
		rules := make([]firewallRulePost, len(s.FirewallRules))
		for i := range s.FirewallRules {
			f := fmt.Sprintf("%s.FirewallRules[%d]", field, i)
			var r *firewallRulePost
			var err error
			if v == "" {
				r, err = s.FirewallRules[i].body(f)
			} else {
				r, err = s.FirewallRules[i].bodyFor(v, f)
			}
			if err != nil {
				return nil, err
			}
			rules[i] = *r
		}
		p.Entities = &nicPostEntities{FirewallRules: &postCollection[firewallRulePost]{Items: rules}}
	}
	return p, nil
}

func checkNICIPs(field string, ips []string) error {
	for i, ip := range ips {
		if !isIP(ip) {
			return invalid(fmt.Sprintf("%s[%d]", field, i), "%q is not an IP address", ip)
		}
	}
	return nil
}

// NICUpdate changes the fields of a NIC that are set; the others keep their
// value. IPs replaces the NIC's IPs when it is non-empty; to drop the fixed
// IPs and let the API assign one, set ClearIPs instead (an empty list is
// sent), since an empty IPs means "unchanged".
type NICUpdate struct {
	Name *string `json:"name,omitempty"`
	// IPs, when non-empty, replaces the NIC's IPs (see [NICSpec].IPs). The
	// primary IP of a NIC on a load balancer changes only with the load
	// balancer's IP.
	IPs []string `json:"ips,omitempty"`
	// ClearIPs sends "ips": [], which makes the API assign an IP. It cannot
	// be combined with IPs.
	ClearIPs bool  `json:"-"`
	DHCP     *bool `json:"dhcp,omitempty"`
	// LAN moves the NIC to this LAN.
	LAN            *LANID `json:"lan,omitempty"`
	FirewallActive *bool  `json:"firewallActive,omitempty"`
	// FirewallType sets what the firewall filters (API v6 only).
	FirewallType *FirewallType `json:"firewallType,omitempty"`
	// NAT switches NAT on or off. API v5 only (deprecated there): v6 has
	// no NAT on NICs, and a v6 client refuses it before sending.
	NAT *bool `json:"nat,omitempty"`
	// IPv6CIDRBlock, IPv6IPs and DHCPv6 set the NIC's IPv6 block (/80),
	// addresses and DHCPv6 (later Cloud API v6; see [NICSpec]).
	IPv6CIDRBlock *string  `json:"ipv6CidrBlock,omitempty"`
	IPv6IPs       []string `json:"ipv6Ips,omitempty"`
	DHCPv6        *bool    `json:"dhcpv6,omitempty"`
}

type nicPatch struct {
	*NICUpdate
	// IPs shadows [NICUpdate].IPs: nil is left out, an empty non-nil list is
	// sent as [].
	IPs []string `json:"ips,omitzero"`
}

// bodyFor checks the update for the API version v (no NAT on v6, no
// FirewallType on v5) and builds the PATCH body.
func (u *NICUpdate) bodyFor(v APIVersion) (*nicPatch, error) {
	switch {
	case v == APIv6 && u.NAT != nil:
		return nil, unsupportedField("NICUpdate.NAT", v)
	case v == APIv5 && u.FirewallType != nil:
		return nil, unsupportedField("NICUpdate.FirewallType", v)
	case v == APIv5 && (u.IPv6CIDRBlock != nil || len(u.IPv6IPs) > 0 || u.DHCPv6 != nil):
		return nil, unsupportedField("NICUpdate.IPv6", v)
	}
	block := ""
	if u.IPv6CIDRBlock != nil {
		block = *u.IPv6CIDRBlock
		if block == "" {
			return nil, invalid("NICUpdate.IPv6CIDRBlock", "is empty")
		}
	}
	if err := checkNICIPv6("NICUpdate", block, u.IPv6IPs); err != nil {
		return nil, err
	}
	return u.body()
}

func (u *NICUpdate) body() (*nicPatch, error) {
	ips, err := replacedList("NICUpdate.ClearIPs", u.IPs, u.ClearIPs)
	if err == nil {
		err = checkNICIPs("NICUpdate.IPs", u.IPs)
	}
	if err == nil && u.LAN != nil {
		err = (idArg{name: "NICUpdate.LAN", val: string(*u.LAN), positive: true}).check()
	}
	return &nicPatch{NICUpdate: u, IPs: ips}, err
}

// NICsService manages a server's network interfaces
// (/datacenters/{dc}/servers/{server}/nics).
type NICsService struct{ c *Client }

func nicsPath(datacenterID, serverID string) (string, error) {
	return pathOf("/datacenters/{}/servers/{}/nics", id("datacenterID", datacenterID), id("serverID", serverID))
}

func nicPath(datacenterID, serverID, nicID string) (string, error) {
	return pathOf("/datacenters/{}/servers/{}/nics/{}", id("datacenterID", datacenterID), id("serverID", serverID), id("nicID", nicID))
}

// List returns every NIC of a server, following the pages of the collection
// until it is complete ([WithPage] asks for one page). The client's default
// depth is sent unless [WithDepth] is given.
func (s *NICsService) List(ctx context.Context, datacenterID, serverID string, opts ...ListOption) ([]NIC, *Response, error) {
	return list[NIC](ctx, s.c, at(nicsPath(datacenterID, serverID)), opts)
}

// All iterates over the NICs of a server page by page; breaking out of the
// loop stops fetching. An invalid ID is yielded as the only error.
func (s *NICsService) All(ctx context.Context, datacenterID, serverID string, opts ...ListOption) iter.Seq2[NIC, error] {
	return all[NIC](ctx, s.c, at(nicsPath(datacenterID, serverID)), opts)
}

// Get returns one NIC, at the client's default depth unless [WithDepth] is
// given.
func (s *NICsService) Get(ctx context.Context, datacenterID, serverID, nicID string, opts ...ReadOption) (*NIC, *Response, error) {
	return get[NIC](ctx, s.c, at(nicPath(datacenterID, serverID, nicID)), opts)
}

// Create adds a NIC, with its firewall rules, to a server and returns it as
// the API accepted it; the NIC is ready once the request in the Response is
// DONE ([Client.WaitForCompletion]). DHCP is sent whenever it is set, false
// included. What the client's API version lacks is refused before sending:
// NAT on v6, FirewallType (and firewall rules' Type and IPVersion) on v5.
func (s *NICsService) Create(ctx context.Context, datacenterID, serverID string, spec NICSpec, opts ...WriteOption) (*NIC, *Response, error) {
	return write[NIC](ctx, s.c, http.MethodPost, at(nicsPath(datacenterID, serverID)), with(spec.bodyFor(s.c.version, "NICSpec")), opts)
}

// Update changes the fields of a NIC that upd sets (PATCH). NAT is refused
// before sending on a v6 client, FirewallType on a v5 client.
func (s *NICsService) Update(ctx context.Context, datacenterID, serverID, nicID string, upd NICUpdate, opts ...WriteOption) (*NIC, *Response, error) {
	return write[NIC](ctx, s.c, http.MethodPatch, at(nicPath(datacenterID, serverID, nicID)), with(upd.bodyFor(s.c.version)), opts)
}

// Replace replaces every property of a NIC with spec's (PUT); properties spec
// leaves empty are reset. The version checks of [NICsService.Create] apply.
func (s *NICsService) Replace(ctx context.Context, datacenterID, serverID, nicID string, spec NICSpec, opts ...WriteOption) (*NIC, *Response, error) {
	return write[NIC](ctx, s.c, http.MethodPut, at(nicPath(datacenterID, serverID, nicID)), with(spec.bodyFor(s.c.version, "NICSpec")).propsOnly("NICSpec", "create firewall rules separately"), opts)
}

// Delete removes a NIC from a server.
func (s *NICsService) Delete(ctx context.Context, datacenterID, serverID, nicID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(nicPath(datacenterID, serverID, nicID)), opts)
}
