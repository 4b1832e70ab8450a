package ionos

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/netip"
	"regexp"
)

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
	Name           string   `json:"name,omitempty"`
	Protocol       Protocol `json:"protocol,omitempty"`
	SourceMAC      string   `json:"sourceMac,omitempty"`
	SourceIP       string   `json:"sourceIp,omitempty"`
	TargetIP       string   `json:"targetIp,omitempty"`
	ICMPCode       *int     `json:"icmpCode,omitempty"`
	ICMPType       *int     `json:"icmpType,omitempty"`
	PortRangeStart int      `json:"portRangeStart,omitempty"`
	PortRangeEnd   int      `json:"portRangeEnd,omitempty"`
	// Type is the direction the rule matches (API v6; INGRESS when the
	// API has none to report).
	Type FirewallRuleType `json:"type,omitempty"`
	// IPVersion is the IP version the rule applies to (the live API v6).
	IPVersion IPVersion `json:"ipVersion,omitempty"`
}

// FirewallRuleSpec describes a firewall rule to create, alone
// (FirewallRules.Create) or inside a NIC ([NICSpec].FirewallRules). Protocol is
// required on API v5. Zero ports and nil ICMP values mean "any". What the
// SDK checks before sending follows the client's API version, as noted on
// each field.
type FirewallRuleSpec struct {
	Name string
	// Protocol is TCP, UDP, ICMP or ANY (upper case, as the API's enum);
	// the live API v6 also takes ICMPv6, GRE, VRRP, ESP and AH. Required
	// on v5; on v6 it may be left empty, and is then not sent.
	Protocol Protocol
	// SourceMAC is aa:bb:cc:dd:ee:ff (the API also takes '-' between the
	// bytes); empty allows any.
	SourceMAC string
	// SourceIP and TargetIP are IPv4 addresses on API v5; on v6 IPv4 or
	// IPv6 addresses or CIDR blocks ("10.0.0.0/8", "2001:db8::/32").
	// Empty allows any.
	SourceIP string
	TargetIP string
	// PortRangeStart and PortRangeEnd (start <= end) apply to TCP and UDP
	// only: 1..65534 on API v5, 1..65535 on v6. 0, the API's "any", allows
	// every port and is not sent.
	PortRangeStart int
	PortRangeEnd   int
	// Type is the direction the rule matches: INGRESS (the API's default)
	// or EGRESS. API v6 only; empty is not sent.
	Type FirewallRuleType
	// IPVersion is IPv4 or IPv6; the API deduces it from SourceIP and
	// TargetIP when it is empty, and the SDK refuses one that does not
	// match them. API v6 only; empty is not sent.
	IPVersion IPVersion
	// ICMPType and ICMPCode (0..254) apply to ICMP only; nil allows any.
	// 0 is a real value (echo reply) and is sent.
	ICMPType *int
	ICMPCode *int
}

type firewallRulePost = post[firewallRulePostProperties, noEntities]

type firewallRulePostProperties struct {
	Name           string           `json:"name,omitempty"`
	Protocol       Protocol         `json:"protocol,omitempty"`
	SourceMAC      string           `json:"sourceMac,omitempty"`
	SourceIP       string           `json:"sourceIp,omitempty"`
	TargetIP       string           `json:"targetIp,omitempty"`
	PortRangeStart int              `json:"portRangeStart,omitempty"`
	PortRangeEnd   int              `json:"portRangeEnd,omitempty"`
	ICMPType       *int             `json:"icmpType,omitempty"`
	ICMPCode       *int             `json:"icmpCode,omitempty"`
	Type           FirewallRuleType `json:"type,omitempty"`
	IPVersion      IPVersion        `json:"ipVersion,omitempty"`
}

// bodyFor checks the spec by the rules of the API version v and builds the
// POST body; field prefixes the names in errors.
func (s *FirewallRuleSpec) bodyFor(v APIVersion, field string) (*firewallRulePost, error) {
	if err := s.checkFor(v, field); err != nil {
		return nil, err
	}
	return s.build(), nil
}

// body checks the spec without knowing the client's version and builds
// the POST body: by the rules of API v6, which takes every value v5 does,
// and with a protocol required, as both versions' published documents
// want. A path that knows the client's version uses bodyFor.
func (s *FirewallRuleSpec) body(field string) (*firewallRulePost, error) {
	if s.Protocol == "" {
		return nil, invalid(field+".Protocol", "is required (TCP, UDP, ICMP, ANY, ...)")
	}
	return s.bodyFor(APIv6, field)
}

func (s *FirewallRuleSpec) build() *firewallRulePost {
	return &firewallRulePost{Properties: firewallRulePostProperties{
		Name: s.Name, Protocol: s.Protocol, SourceMAC: s.SourceMAC, SourceIP: s.SourceIP, TargetIP: s.TargetIP,
		PortRangeStart: s.PortRangeStart, PortRangeEnd: s.PortRangeEnd, ICMPType: s.ICMPType, ICMPCode: s.ICMPCode,
		Type: s.Type, IPVersion: s.IPVersion,
	}}
}

// checkFor refuses, before sending, a spec that the API version v would
// refuse for sure: on v5 a missing protocol, a type or IP version (v6
// fields), and anything but IPv4 addresses and ports up to 65534; on both,
// ports or ICMP values with a protocol that does not take them, values out
// of their documented ranges, and malformed MACs and addresses.
func (s *FirewallRuleSpec) checkFor(v APIVersion, field string) error {
	if v == APIv5 {
		switch {
		case s.Protocol == "":
			return invalid(field+".Protocol", "is required (TCP, UDP, ICMP, ANY, ...)")
		case s.Type != "":
			return unsupportedField(field+".Type", v)
		case s.IPVersion != "":
			return unsupportedField(field+".IPVersion", v)
		}
	}
	// Ports and ICMP fields exclude each other: refused for the protocols
	// known not to take them, left to the API for any other.
	if s.Protocol == ProtocolICMP || s.Protocol == ProtocolICMPv6 || s.Protocol == ProtocolANY {
		if s.PortRangeStart != 0 {
			return invalid(field+".PortRangeStart", "applies to TCP and UDP only, not %s", s.Protocol)
		}
		if s.PortRangeEnd != 0 {
			return invalid(field+".PortRangeEnd", "applies to TCP and UDP only, not %s", s.Protocol)
		}
	}
	if s.Protocol == ProtocolTCP || s.Protocol == ProtocolUDP || s.Protocol == ProtocolANY {
		if s.ICMPType != nil {
			return invalid(field+".ICMPType", "applies to ICMP only, not %s", s.Protocol)
		}
		if s.ICMPCode != nil {
			return invalid(field+".ICMPCode", "applies to ICMP only, not %s", s.Protocol)
		}
	}
	if err := checkFirewallValues(v, field, s.SourceMAC, s.SourceIP, s.TargetIP, nonZero(s.PortRangeStart), nonZero(s.PortRangeEnd), s.ICMPType, s.ICMPCode); err != nil {
		return err
	}
	return checkIPVersion(field, s.IPVersion, s.SourceIP, s.TargetIP)
}

// specMACPattern is the spec's pattern for FirewallruleProperties.sourceMac.
var specMACPattern = regexp.MustCompile(`^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})$`)

// specIPv4Pattern is the spec's pattern for the IPv4 fields of firewall rules
// and load balancers, with its dots made literal (the spec's unescaped "."
// is plainly meant as one). Unlike net/netip it allows leading zeros
// ("010.0.0.1"), as the spec does.
var specIPv4Pattern = regexp.MustCompile(`^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$`)

func isSpecIPv4(s string) bool { return specIPv4Pattern.MatchString(s) }

// firewallAddress reports the IP version of a firewall rule's source or
// target as API v6 takes it: an IPv4 or IPv6 address or CIDR block (v5
// takes IPv4 addresses only). ok is false for anything else.
func firewallAddress(s string) (v IPVersion, ok bool) {
	if isSpecIPv4(s) {
		return IPv4, true
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		p, perr := netip.ParsePrefix(s)
		if perr != nil {
			return "", false
		}
		addr = p.Addr()
	}
	switch {
	case addr.Zone() != "":
		return "", false
	case addr.Is4() || addr.Is4In6():
		return IPv4, true
	}
	return IPv6, true
}

// checkFirewallAddress checks a source or target IP by the rules of the
// API version v.
func checkFirewallAddress(v APIVersion, field, ip string) error {
	if ip == "" {
		return nil
	}
	if v == APIv5 {
		if !isSpecIPv4(ip) {
			return invalid(field, "%q is not an IPv4 address", ip)
		}
		return nil
	}
	if _, ok := firewallAddress(ip); !ok {
		return invalid(field, "%q is not an IPv4 or IPv6 address or CIDR block", ip)
	}
	return nil
}

// checkIPVersion refuses an IP version that does not match the source or
// target IP (the API would: it must match them when given).
func checkIPVersion(field string, ipv IPVersion, sourceIP, targetIP string) error {
	if ipv != IPv4 && ipv != IPv6 {
		return nil // unset, or a value the SDK does not know: the API decides
	}
	for i, ip := range [...]string{sourceIP, targetIP} {
		if got, ok := firewallAddress(ip); ok && got != ipv {
			name := [...]string{"SourceIP", "TargetIP"}[i]
			return invalid(field+".IPVersion", "is %s, but %s %q is %s", ipv, name, ip, got)
		}
	}
	return nil
}

// checkFirewallValues checks the value ranges and formats shared by
// [FirewallRuleSpec] and [FirewallRuleUpdate], by the rules of the API
// version v. Empty strings and nil numbers are not checked.
func checkFirewallValues(v APIVersion, field, mac, srcIP, dstIP string, start, end, icmpType, icmpCode *int) error {
	if mac != "" && !specMACPattern.MatchString(mac) {
		return invalid(field+".SourceMAC", "%q is not a MAC address such as aa:bb:cc:dd:ee:ff", mac)
	}
	if err := checkFirewallAddress(v, field+".SourceIP", srcIP); err != nil {
		return err
	}
	if err := checkFirewallAddress(v, field+".TargetIP", dstIP); err != nil {
		return err
	}
	maxPort := 65535 // later v6
	if v == APIv5 {
		maxPort = 65534
	}
	if start != nil && (*start < 1 || *start > maxPort) {
		return invalid(field+".PortRangeStart", "%d is outside 1..%d", *start, maxPort)
	}
	if end != nil && (*end < 1 || *end > maxPort) {
		return invalid(field+".PortRangeEnd", "%d is outside 1..%d", *end, maxPort)
	}
	if start != nil && end != nil && *start > *end {
		return invalid(field+".PortRangeEnd", "%d is below PortRangeStart %d", *end, *start)
	}
	if icmpType != nil && (*icmpType < 0 || *icmpType > 254) {
		return invalid(field+".ICMPType", "%d is outside 0..254", *icmpType)
	}
	if icmpCode != nil && (*icmpCode < 0 || *icmpCode > 254) {
		return invalid(field+".ICMPCode", "%d is outside 0..254", *icmpCode)
	}
	return nil
}

// FirewallRuleUpdate changes the fields of a firewall rule that are set
// (non-nil); the others keep their value. The protocol cannot be changed:
// delete the rule and create another. The Any fields send null for their
// property, which the API reads as "allow any" (a rule limited to one
// source IP then allows every source IP); setting both a value and its Any
// field is refused.
type FirewallRuleUpdate struct {
	Name *string `json:"name,omitempty"`
	// SourceMAC is aa:bb:cc:dd:ee:ff (or with '-').
	SourceMAC *string `json:"sourceMac,omitempty"`
	// SourceIP and TargetIP are IPv4 addresses on API v5; on v6 IPv4 or
	// IPv6 addresses or CIDR blocks.
	SourceIP *string `json:"sourceIp,omitempty"`
	TargetIP *string `json:"targetIp,omitempty"`
	// PortRangeStart and PortRangeEnd are 1..65534 on API v5, 1..65535 on
	// v6 (TCP and UDP rules).
	PortRangeStart *int `json:"portRangeStart,omitempty"`
	PortRangeEnd   *int `json:"portRangeEnd,omitempty"`
	// ICMPType and ICMPCode are 0..254 (ICMP rules); 0 is sent.
	ICMPType *int `json:"icmpType,omitempty"`
	ICMPCode *int `json:"icmpCode,omitempty"`
	// Type is INGRESS or EGRESS (API v6 only).
	Type *FirewallRuleType `json:"type,omitempty"`
	// IPVersion is IPv4 or IPv6 (API v6 only); it must match the source
	// and target IPs the update sets.
	IPVersion *IPVersion `json:"ipVersion,omitempty"`

	// AnySourceMAC, AnySourceIP and AnyTargetIP reset their property to
	// null: any MAC or IP.
	AnySourceMAC bool `json:"-"`
	AnySourceIP  bool `json:"-"`
	AnyTargetIP  bool `json:"-"`
	// AnyPort resets both port-range ends to null: every port.
	AnyPort bool `json:"-"`
	// AnyICMPType and AnyICMPCode reset their property to null: any type
	// or code.
	AnyICMPType bool `json:"-"`
	AnyICMPCode bool `json:"-"`
}

// optNull is a PATCH property that is left out (unset), sent as null
// (null), or sent with a value.
type optNull[T any] struct {
	set bool
	v   *T
}

// IsZero reports an unset property, which omitzero leaves out.
func (p optNull[T]) IsZero() bool { return !p.set }

// MarshalJSON sends the value, or null.
func (p optNull[T]) MarshalJSON() ([]byte, error) { return json.Marshal(p.v) }

// optNullOf sends v when it is set, null when null is true, and nothing
// otherwise.
func optNullOf[T any](v *T, null bool) optNull[T] {
	return optNull[T]{set: v != nil || null, v: v}
}

type firewallRulePatch struct {
	Name           *string           `json:"name,omitempty"`
	SourceMAC      optNull[string]   `json:"sourceMac,omitzero"`
	SourceIP       optNull[string]   `json:"sourceIp,omitzero"`
	TargetIP       optNull[string]   `json:"targetIp,omitzero"`
	PortRangeStart optNull[int]      `json:"portRangeStart,omitzero"`
	PortRangeEnd   optNull[int]      `json:"portRangeEnd,omitzero"`
	ICMPType       optNull[int]      `json:"icmpType,omitzero"`
	ICMPCode       optNull[int]      `json:"icmpCode,omitzero"`
	Type           *FirewallRuleType `json:"type,omitempty"`
	IPVersion      *IPVersion        `json:"ipVersion,omitempty"`
}

// bodyFor checks the update by the rules of the API version v and builds
// the PATCH body.
func (u *FirewallRuleUpdate) bodyFor(v APIVersion) (*firewallRulePatch, error) {
	const f = "FirewallRuleUpdate"
	if v == APIv5 {
		switch {
		case u.Type != nil:
			return nil, unsupportedField(f+".Type", v)
		case u.IPVersion != nil:
			return nil, unsupportedField(f+".IPVersion", v)
		}
	}
	for _, c := range []struct {
		set, any bool
		name     string
	}{
		{u.SourceMAC != nil, u.AnySourceMAC, "SourceMAC"},
		{u.SourceIP != nil, u.AnySourceIP, "SourceIP"},
		{u.TargetIP != nil, u.AnyTargetIP, "TargetIP"},
		{u.PortRangeStart != nil, u.AnyPort, "PortRangeStart"},
		{u.PortRangeEnd != nil, u.AnyPort, "PortRangeEnd"},
		{u.ICMPType != nil, u.AnyICMPType, "ICMPType"},
		{u.ICMPCode != nil, u.AnyICMPCode, "ICMPCode"},
	} {
		if c.set && c.any {
			return nil, invalid(f+"."+c.name, "is set together with Any%s", anyName(c.name))
		}
	}
	// An empty string is not "any": the API wants null for that (the Any
	// fields) and refuses "" as a MAC or IP.
	for _, c := range []struct {
		v    *string
		name string
	}{{u.SourceMAC, "SourceMAC"}, {u.SourceIP, "SourceIP"}, {u.TargetIP, "TargetIP"}} {
		if c.v != nil && *c.v == "" {
			return nil, invalid(f+"."+c.name, "is empty; use Any%s to allow any", c.name)
		}
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if err := checkFirewallValues(v, f, str(u.SourceMAC), str(u.SourceIP), str(u.TargetIP), u.PortRangeStart, u.PortRangeEnd, u.ICMPType, u.ICMPCode); err != nil {
		return nil, err
	}
	if u.IPVersion != nil {
		if err := checkIPVersion(f, *u.IPVersion, str(u.SourceIP), str(u.TargetIP)); err != nil {
			return nil, err
		}
	}
	return &firewallRulePatch{
		Name:           u.Name,
		SourceMAC:      optNullOf(u.SourceMAC, u.AnySourceMAC),
		SourceIP:       optNullOf(u.SourceIP, u.AnySourceIP),
		TargetIP:       optNullOf(u.TargetIP, u.AnyTargetIP),
		PortRangeStart: optNullOf(u.PortRangeStart, u.AnyPort),
		PortRangeEnd:   optNullOf(u.PortRangeEnd, u.AnyPort),
		ICMPType:       optNullOf(u.ICMPType, u.AnyICMPType),
		ICMPCode:       optNullOf(u.ICMPCode, u.AnyICMPCode),
		Type:           u.Type,
		IPVersion:      u.IPVersion,
	}, nil
}

func anyName(field string) string {
	if field == "PortRangeStart" || field == "PortRangeEnd" {
		return "Port"
	}
	return field
}

// FirewallRulesService manages the firewall rules of a NIC
// (/datacenters/{dc}/servers/{server}/nics/{nic}/firewallrules).
type FirewallRulesService struct{ c *Client }

func firewallRulesPath(datacenterID, serverID, nicID string) (string, error) {
	return pathOf("/datacenters/{}/servers/{}/nics/{}/firewallrules",
		id("datacenterID", datacenterID), id("serverID", serverID), id("nicID", nicID))
}

func firewallRulePath(datacenterID, serverID, nicID, ruleID string) (string, error) {
	return pathOf("/datacenters/{}/servers/{}/nics/{}/firewallrules/{}",
		id("datacenterID", datacenterID), id("serverID", serverID), id("nicID", nicID), id("firewallRuleID", ruleID))
}

// List returns every firewall rule of a NIC, following the pages of the
// collection until it is complete ([WithPage] asks for one page). The client's
// default depth is sent unless [WithDepth] is given. The rules belong to a
// server's NIC: the path takes the server ID.
func (s *FirewallRulesService) List(ctx context.Context, datacenterID, serverID, nicID string, opts ...ListOption) ([]FirewallRule, *Response, error) {
	return list[FirewallRule](ctx, s.c, at(firewallRulesPath(datacenterID, serverID, nicID)), opts)
}

// All iterates over the firewall rules of a NIC page by page; breaking out
// of the loop stops fetching. An invalid ID is yielded as the only error.
func (s *FirewallRulesService) All(ctx context.Context, datacenterID, serverID, nicID string, opts ...ListOption) iter.Seq2[FirewallRule, error] {
	return all[FirewallRule](ctx, s.c, at(firewallRulesPath(datacenterID, serverID, nicID)), opts)
}

// Get returns one firewall rule, at the client's default depth unless
// [WithDepth] is given.
func (s *FirewallRulesService) Get(ctx context.Context, datacenterID, serverID, nicID, ruleID string, opts ...ReadOption) (*FirewallRule, *Response, error) {
	return get[FirewallRule](ctx, s.c, at(firewallRulePath(datacenterID, serverID, nicID, ruleID)), opts)
}

// Create adds a firewall rule to a NIC and returns it as the API accepted it;
// the rule is in force once the request in the Response is DONE
// ([Client.WaitForCompletion]). Ports and ICMP values are sent as JSON numbers.
// spec is checked by the rules of the client's API version (see
// [FirewallRuleSpec]).
func (s *FirewallRulesService) Create(ctx context.Context, datacenterID, serverID, nicID string, spec FirewallRuleSpec, opts ...WriteOption) (*FirewallRule, *Response, error) {
	return write[FirewallRule](ctx, s.c, http.MethodPost, at(firewallRulesPath(datacenterID, serverID, nicID)), with(spec.bodyFor(s.c.version, "FirewallRuleSpec")), opts)
}

// Update changes the fields of a firewall rule that upd sets (PATCH), checked
// by the rules of the client's API version.
func (s *FirewallRulesService) Update(ctx context.Context, datacenterID, serverID, nicID, ruleID string, upd FirewallRuleUpdate, opts ...WriteOption) (*FirewallRule, *Response, error) {
	return write[FirewallRule](ctx, s.c, http.MethodPatch, at(firewallRulePath(datacenterID, serverID, nicID, ruleID)), with(upd.bodyFor(s.c.version)), opts)
}

// Replace replaces every property of a firewall rule (the protocol cannot
// change) with spec's (PUT); properties spec leaves empty are reset.
func (s *FirewallRulesService) Replace(ctx context.Context, datacenterID, serverID, nicID, ruleID string, spec FirewallRuleSpec, opts ...WriteOption) (*FirewallRule, *Response, error) {
	return write[FirewallRule](ctx, s.c, http.MethodPut, at(firewallRulePath(datacenterID, serverID, nicID, ruleID)), with(spec.bodyFor(s.c.version, "FirewallRuleSpec")).propsOnly("FirewallRuleSpec", ""), opts)
}

// Delete removes a firewall rule from a NIC.
func (s *FirewallRulesService) Delete(ctx context.Context, datacenterID, serverID, nicID, ruleID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(firewallRulePath(datacenterID, serverID, nicID, ruleID)), opts)
}

// nonZero is nil for 0 (a port's "any") and a pointer to n otherwise.
func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}
