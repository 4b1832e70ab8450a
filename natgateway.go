package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/netip"
)

// NATGateway is a data center's NAT gateway as the API returns it (Cloud
// API v6): it translates the source addresses of the private LANs it is
// attached to into its public IPs, by its SNAT rules. At depth 1 and more,
// Entities lists its rules.
type NATGateway struct {
	ID         string               `json:"id"`
	Type       string               `json:"type,omitempty"`
	Href       string               `json:"href,omitempty"`
	Metadata   Metadata             `json:"metadata,omitzero"`
	Properties NATGatewayProperties `json:"properties,omitzero"`
	Entities   NATGatewayEntities   `json:"entities,omitzero"`
}

// NATGatewayProperties are a NAT gateway's settings.
type NATGatewayProperties struct {
	Name string `json:"name,omitempty"`
	// PublicIPs are the gateway's public IPs, taken from the contract's IP
	// blocks in the data center's location.
	PublicIPs []string `json:"publicIps,omitempty"`
	// LANs are the LANs the gateway is attached to, with its IPs on each.
	LANs []NATGatewayLAN `json:"lans,omitempty"`
}

// NATGatewayLAN attaches a NAT gateway to a LAN of its data center.
type NATGatewayLAN struct {
	// ID is the LAN's ID (required).
	ID LANID `json:"id"`
	// GatewayIPs are the gateway's addresses on the LAN, with their subnet
	// ("10.11.2.5/24"); the API picks one with a /24 when none is given.
	GatewayIPs []string `json:"gatewayIps,omitempty"`
}

// NATGatewayEntities are a NAT gateway's children: its rules and its flow
// logs (managed with [FlowLogsService] and [NATGatewayFlowLogs]).
type NATGatewayEntities struct {
	Rules    Collection[NATGatewayRule] `json:"rules,omitzero"`
	FlowLogs Collection[FlowLog]        `json:"flowlogs,omitzero"`
}

// NATGatewayRule is a rule of a NAT gateway as the API returns it.
type NATGatewayRule struct {
	ID         string                   `json:"id"`
	Type       string                   `json:"type,omitempty"`
	Href       string                   `json:"href,omitempty"`
	Metadata   Metadata                 `json:"metadata,omitzero"`
	Properties NATGatewayRuleProperties `json:"properties,omitzero"`
}

// NATGatewayRuleProperties are a NAT gateway rule's settings.
type NATGatewayRuleProperties struct {
	Name string `json:"name,omitempty"`
	// Type is the kind of translation; SNAT is the only one the API has.
	Type NATGatewayRuleType `json:"type,omitempty"`
	// Protocol is the protocol the rule translates; the API's default is
	// ALL.
	Protocol NATGatewayRuleProtocol `json:"protocol,omitempty"`
	// SourceSubnet selects the packets by their source address
	// ("10.0.1.0/24").
	SourceSubnet string `json:"sourceSubnet,omitempty"`
	// PublicIP is the address the packets leave with: one of the gateway's
	// public IPs.
	PublicIP string `json:"publicIp,omitempty"`
	// TargetSubnet selects the packets by their destination address; empty
	// matches any.
	TargetSubnet string `json:"targetSubnet,omitempty"`
	// TargetPortRange selects the packets by their destination port; nil
	// matches any.
	TargetPortRange *NATGatewayPortRange `json:"targetPortRange,omitempty"`
}

// NATGatewayPortRange is a range of ports, both ends included (1..65535).
type NATGatewayPortRange struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// check requires 1 <= Start <= End <= 65535.
func (r *NATGatewayPortRange) check(field string) error {
	switch {
	case r.Start < 1 || r.Start > 65535:
		return invalid(field+".Start", "%d is not a port (1..65535)", r.Start)
	case r.End < 1 || r.End > 65535:
		return invalid(field+".End", "%d is not a port (1..65535)", r.End)
	case r.Start > r.End:
		return invalid(field+".Start", "%d is greater than End %d", r.Start, r.End)
	}
	return nil
}

// NATGatewayRuleType is the kind of a NAT gateway rule. Any string
// converts, so a type the API adds later can be sent.
type NATGatewayRuleType string

// The NAT gateway rule types the API documents.
const (
	NATGatewayRuleSNAT NATGatewayRuleType = "SNAT"
)

// NATGatewayRuleProtocol is the protocol a NAT gateway rule translates.
// Any string converts, so a protocol the API adds later can be sent.
type NATGatewayRuleProtocol string

// The NAT gateway rule protocols the API documents.
const (
	NATGatewayRuleTCP  NATGatewayRuleProtocol = "TCP"
	NATGatewayRuleUDP  NATGatewayRuleProtocol = "UDP"
	NATGatewayRuleICMP NATGatewayRuleProtocol = "ICMP"
	NATGatewayRuleALL  NATGatewayRuleProtocol = "ALL"
)

// NATGatewaySpec describes a NAT gateway to create (NATGateways.Create) or
// the properties that replace a gateway's (NATGateways.Replace).
type NATGatewaySpec struct {
	// Name is required.
	Name string
	// PublicIPs are at least one public IP of the contract's IP blocks in
	// the data center's location.
	PublicIPs []string
	// LANs are the LANs of the data center to attach the gateway to.
	LANs []NATGatewayLAN
	// Rules are created with the gateway (Create only).
	Rules []NATGatewayRuleSpec
}

// NATGatewayRuleSpec describes a NAT gateway rule to create
// (NATGateways.CreateRule, [NATGatewaySpec].Rules) or the properties that
// replace a rule's (NATGateways.ReplaceRule).
type NATGatewayRuleSpec struct {
	// Name is required.
	Name string
	// Type is sent when set; the API's only type, SNAT, is its default.
	Type NATGatewayRuleType
	// Protocol is sent when set; the API's default is ALL. ICMP takes no
	// TargetPortRange.
	Protocol NATGatewayRuleProtocol
	// SourceSubnet is required: the source addresses the rule translates
	// ("10.0.1.0/24").
	SourceSubnet string
	// PublicIP is required: one of the gateway's public IPs.
	PublicIP string
	// TargetSubnet limits the rule to destinations in a subnet.
	TargetSubnet string
	// TargetPortRange limits the rule to destination ports (1..65535).
	TargetPortRange *NATGatewayPortRange
}

type natGatewayPost = post[NATGatewayProperties, natGatewayPostEntities]

type natGatewayPostEntities struct {
	Rules *postCollection[natGatewayRulePost] `json:"rules,omitempty"`
}

type natGatewayRulePost = post[NATGatewayRuleProperties, noEntities]

// body checks the spec and builds the POST body; field prefixes the names
// in errors.
func (s *NATGatewaySpec) body(field string) (*natGatewayPost, error) {
	if s.Name == "" {
		return nil, invalid(field+".Name", "is required")
	}
	if err := checkPublicIPs(field+".PublicIPs", s.PublicIPs, true); err != nil {
		return nil, err
	}
	if err := checkNATGatewayLANs(field+".LANs", s.LANs); err != nil {
		return nil, err
	}
	p := &natGatewayPost{Properties: NATGatewayProperties{Name: s.Name, PublicIPs: s.PublicIPs, LANs: s.LANs}}
	if len(s.Rules) > 0 {
		rules := make([]natGatewayRulePost, len(s.Rules))
		for i := range s.Rules {
			r, err := s.Rules[i].body(fmt.Sprintf("%s.Rules[%d]", field, i))
			if err != nil {
				return nil, err
			}
			rules[i] = *r
		}
		p.Entities = &natGatewayPostEntities{Rules: &postCollection[natGatewayRulePost]{Items: rules}}
	}
	return p, nil
}

// checkPublicIPs requires IP addresses, and at least one when required.
func checkPublicIPs(field string, ips []string, required bool) error {
	if required && len(ips) == 0 {
		return invalid(field, "is required (at least one IP of the contract's IP blocks)")
	}
	for i, ip := range ips {
		if !isIP(ip) {
			return invalid(fmt.Sprintf("%s[%d]", field, i), "%q is not an IP address", ip)
		}
	}
	return nil
}

// checkNATGatewayLANs requires a LAN ID in each entry and gateway IPs that
// are addresses, with or without their subnet.
func checkNATGatewayLANs(field string, lans []NATGatewayLAN) error {
	for i, l := range lans {
		f := fmt.Sprintf("%s[%d]", field, i)
		if err := lanIDArg(l.ID).check(); err != nil {
			return invalid(f+".ID", "%q is not a LAN ID (a positive integer)", l.ID)
		}
		for j, ip := range l.GatewayIPs {
			if _, err := netip.ParsePrefix(ip); err != nil && !isIP(ip) {
				return invalid(fmt.Sprintf("%s.GatewayIPs[%d]", f, j), "%q is neither an IP nor an IP with its subnet", ip)
			}
		}
	}
	return nil
}

// body checks the spec and builds the POST body of a rule.
func (s *NATGatewayRuleSpec) body(field string) (*natGatewayRulePost, error) {
	switch {
	case s.Name == "":
		return nil, invalid(field+".Name", "is required")
	case s.SourceSubnet == "":
		return nil, invalid(field+".SourceSubnet", "is required")
	case s.PublicIP == "":
		return nil, invalid(field+".PublicIP", "is required")
	case !isIP(s.PublicIP):
		return nil, invalid(field+".PublicIP", "%q is not an IP address", s.PublicIP)
	}
	if err := firstError(checkCIDR(field+".SourceSubnet", s.SourceSubnet), checkCIDR(field+".TargetSubnet", s.TargetSubnet)); err != nil {
		return nil, err
	}
	if s.TargetPortRange != nil {
		if s.Protocol == NATGatewayRuleICMP {
			return nil, invalid(field+".TargetPortRange", "cannot be set for protocol ICMP")
		}
		if err := s.TargetPortRange.check(field + ".TargetPortRange"); err != nil {
			return nil, err
		}
	}
	return &natGatewayRulePost{Properties: NATGatewayRuleProperties{
		Name: s.Name, Type: s.Type, Protocol: s.Protocol, SourceSubnet: s.SourceSubnet,
		PublicIP: s.PublicIP, TargetSubnet: s.TargetSubnet, TargetPortRange: s.TargetPortRange,
	}}, nil
}

// NATGatewayUpdate changes the fields of a NAT gateway that are set; the
// others keep their value. PublicIPs and LANs replace the gateway's lists
// when non-empty; ClearLANs detaches the gateway from every LAN.
type NATGatewayUpdate struct {
	Name *string `json:"name,omitempty"`
	// PublicIPs, when non-empty, replaces the gateway's public IPs.
	PublicIPs []string `json:"publicIps,omitempty"`
	// LANs, when non-empty, replaces the LANs the gateway is attached to.
	LANs []NATGatewayLAN `json:"lans,omitempty"`
	// ClearLANs detaches the gateway from every LAN (sends "lans": []). It
	// cannot be combined with LANs.
	ClearLANs bool `json:"-"`
}

type natGatewayPatch struct {
	*NATGatewayUpdate
	// LANs shadows [NATGatewayUpdate].LANs: nil is left out, an empty
	// non-nil list is sent as [].
	LANs []NATGatewayLAN `json:"lans,omitzero"`
}

func (u *NATGatewayUpdate) body() (*natGatewayPatch, error) {
	if u.Name != nil && *u.Name == "" {
		return nil, invalid("NATGatewayUpdate.Name", "cannot be emptied")
	}
	lans, err := replacedList("NATGatewayUpdate.ClearLANs", u.LANs, u.ClearLANs)
	if err == nil {
		err = firstError(checkPublicIPs("NATGatewayUpdate.PublicIPs", u.PublicIPs, false), checkNATGatewayLANs("NATGatewayUpdate.LANs", u.LANs))
	}
	return &natGatewayPatch{NATGatewayUpdate: u, LANs: lans}, err
}

// NATGatewayRuleUpdate changes the fields of a NAT gateway rule that are
// set (non-nil); the others keep their value.
type NATGatewayRuleUpdate struct {
	Name            *string                 `json:"name,omitempty"`
	Type            *NATGatewayRuleType     `json:"type,omitempty"`
	Protocol        *NATGatewayRuleProtocol `json:"protocol,omitempty"`
	SourceSubnet    *string                 `json:"sourceSubnet,omitempty"`
	PublicIP        *string                 `json:"publicIp,omitempty"`
	TargetSubnet    *string                 `json:"targetSubnet,omitempty"`
	TargetPortRange *NATGatewayPortRange    `json:"targetPortRange,omitempty"`
}

func (u *NATGatewayRuleUpdate) check() error {
	const f = "NATGatewayRuleUpdate"
	if u.PublicIP != nil && !isIP(*u.PublicIP) {
		return invalid(f+".PublicIP", "%q is not an IP address", *u.PublicIP)
	}
	if u.SourceSubnet != nil {
		if *u.SourceSubnet == "" {
			return invalid(f+".SourceSubnet", "cannot be emptied")
		}
		if err := checkCIDR(f+".SourceSubnet", *u.SourceSubnet); err != nil {
			return err
		}
	}
	if u.TargetSubnet != nil {
		if err := checkCIDR(f+".TargetSubnet", *u.TargetSubnet); err != nil {
			return err
		}
	}
	if u.TargetPortRange != nil {
		if u.Protocol != nil && *u.Protocol == NATGatewayRuleICMP {
			return invalid(f+".TargetPortRange", "cannot be set for protocol ICMP")
		}
		return u.TargetPortRange.check(f + ".TargetPortRange")
	}
	return nil
}

// NATGatewaysService manages the NAT gateways of a data center and their
// rules (/datacenters/{dc}/natgateways, Cloud API v6; a v5 client refuses
// every call before sending with a *[VersionError]).
//
// Creates and deletes answer with a request to wait for
// ([Client.WaitForCompletion]). The v6 document declares updates and
// replaces without one (no Location): when the Response names no request,
// wait for them with [NATGatewaysService.WaitForAvailable] or
// [NATGatewaysService.WaitForRuleAvailable].
type NATGatewaysService struct{ c *Client }

func natGatewaysPath(datacenterID string) (string, error) {
	return pathOf("/datacenters/{}/natgateways", id("datacenterID", datacenterID))
}

func natGatewayPath(datacenterID, natGatewayID string) (string, error) {
	return pathOf("/datacenters/{}/natgateways/{}", id("datacenterID", datacenterID), id("natGatewayID", natGatewayID))
}

func natGatewayRulesPath(datacenterID, natGatewayID string) (string, error) {
	return pathOf("/datacenters/{}/natgateways/{}/rules", id("datacenterID", datacenterID), id("natGatewayID", natGatewayID))
}

func natGatewayRulePath(datacenterID, natGatewayID, ruleID string) (string, error) {
	return pathOf("/datacenters/{}/natgateways/{}/rules/{}", id("datacenterID", datacenterID), id("natGatewayID", natGatewayID), id("ruleID", ruleID))
}

// List returns every NAT gateway of a data center, following the pages of
// the collection until it is complete ([WithPage] asks for one page). The
// client's default depth is sent unless [WithDepth] is given.
func (s *NATGatewaysService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]NATGateway, *Response, error) {
	return list[NATGateway](ctx, s.c, at(natGatewaysPath(datacenterID)), opts)
}

// All iterates over the NAT gateways of a data center page by page;
// breaking out of the loop stops fetching. An invalid ID is yielded as the
// only error.
func (s *NATGatewaysService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[NATGateway, error] {
	return all[NATGateway](ctx, s.c, at(natGatewaysPath(datacenterID)), opts)
}

// Get returns one NAT gateway, at the client's default depth unless
// [WithDepth] is given.
func (s *NATGatewaysService) Get(ctx context.Context, datacenterID, natGatewayID string, opts ...ReadOption) (*NATGateway, *Response, error) {
	return get[NATGateway](ctx, s.c, at(natGatewayPath(datacenterID, natGatewayID)), opts)
}

// Create creates a NAT gateway, with spec.Rules, and returns it as the API
// accepted it, with its new ID; it is ready once the request in the
// Response is DONE ([Client.WaitForCompletion]). A spec without a name or
// public IPs, or with a malformed IP, LAN ID or rule, is refused before
// sending.
func (s *NATGatewaysService) Create(ctx context.Context, datacenterID string, spec NATGatewaySpec, opts ...WriteOption) (*NATGateway, *Response, error) {
	return write[NATGateway](ctx, s.c, http.MethodPost, at(natGatewaysPath(datacenterID)), with(spec.body("NATGatewaySpec")), opts)
}

// Update changes the fields of a NAT gateway that upd sets (PATCH). The v6
// document declares the answer without a request to wait for: wait with
// [NATGatewaysService.WaitForAvailable].
func (s *NATGatewaysService) Update(ctx context.Context, datacenterID, natGatewayID string, upd NATGatewayUpdate, opts ...WriteOption) (*NATGateway, *Response, error) {
	return write[NATGateway](ctx, s.c, http.MethodPatch, at(natGatewayPath(datacenterID, natGatewayID)), with(upd.body()), opts)
}

// Replace replaces every property of a NAT gateway with spec's (PUT);
// properties spec leaves empty are reset (LANs left out detach the gateway).
// A spec with Rules is refused: change rules with the rule calls. Wait with
// [NATGatewaysService.WaitForAvailable].
func (s *NATGatewaysService) Replace(ctx context.Context, datacenterID, natGatewayID string, spec NATGatewaySpec, opts ...WriteOption) (*NATGateway, *Response, error) {
	return write[NATGateway](ctx, s.c, http.MethodPut, at(natGatewayPath(datacenterID, natGatewayID)),
		with(spec.body("NATGatewaySpec")).propsOnly("NATGatewaySpec.Rules", "create rules with CreateRule"), opts)
}

// Delete deletes a NAT gateway with its rules.
func (s *NATGatewaysService) Delete(ctx context.Context, datacenterID, natGatewayID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(natGatewayPath(datacenterID, natGatewayID)), opts)
}

// ListRules returns every rule of a NAT gateway, following the pages of the
// collection until it is complete ([WithPage] asks for one page), at the
// client's default depth unless [WithDepth] is given.
func (s *NATGatewaysService) ListRules(ctx context.Context, datacenterID, natGatewayID string, opts ...ListOption) ([]NATGatewayRule, *Response, error) {
	return list[NATGatewayRule](ctx, s.c, at(natGatewayRulesPath(datacenterID, natGatewayID)), opts)
}

// AllRules iterates over the rules of a NAT gateway page by page; breaking
// out of the loop stops fetching. An invalid ID is yielded as the only
// error.
func (s *NATGatewaysService) AllRules(ctx context.Context, datacenterID, natGatewayID string, opts ...ListOption) iter.Seq2[NATGatewayRule, error] {
	return all[NATGatewayRule](ctx, s.c, at(natGatewayRulesPath(datacenterID, natGatewayID)), opts)
}

// GetRule returns one rule of a NAT gateway, at the client's default depth
// unless [WithDepth] is given.
func (s *NATGatewaysService) GetRule(ctx context.Context, datacenterID, natGatewayID, ruleID string, opts ...ReadOption) (*NATGatewayRule, *Response, error) {
	return get[NATGatewayRule](ctx, s.c, at(natGatewayRulePath(datacenterID, natGatewayID, ruleID)), opts)
}

// CreateRule adds a rule to a NAT gateway and returns it as the API
// accepted it; it is ready once the request in the Response is DONE
// ([Client.WaitForCompletion]). Its PublicIP must be one of the gateway's.
func (s *NATGatewaysService) CreateRule(ctx context.Context, datacenterID, natGatewayID string, spec NATGatewayRuleSpec, opts ...WriteOption) (*NATGatewayRule, *Response, error) {
	return write[NATGatewayRule](ctx, s.c, http.MethodPost, at(natGatewayRulesPath(datacenterID, natGatewayID)), with(spec.body("NATGatewayRuleSpec")), opts)
}

// UpdateRule changes the fields of a NAT gateway rule that upd sets
// (PATCH). Wait with [NATGatewaysService.WaitForRuleAvailable].
func (s *NATGatewaysService) UpdateRule(ctx context.Context, datacenterID, natGatewayID, ruleID string, upd NATGatewayRuleUpdate, opts ...WriteOption) (*NATGatewayRule, *Response, error) {
	return write[NATGatewayRule](ctx, s.c, http.MethodPatch, at(natGatewayRulePath(datacenterID, natGatewayID, ruleID)), with(&upd, upd.check()), opts)
}

// ReplaceRule replaces every property of a NAT gateway rule with spec's
// (PUT); properties spec leaves empty are reset. Wait with
// [NATGatewaysService.WaitForRuleAvailable].
func (s *NATGatewaysService) ReplaceRule(ctx context.Context, datacenterID, natGatewayID, ruleID string, spec NATGatewayRuleSpec, opts ...WriteOption) (*NATGatewayRule, *Response, error) {
	return write[NATGatewayRule](ctx, s.c, http.MethodPut, at(natGatewayRulePath(datacenterID, natGatewayID, ruleID)), with(spec.body("NATGatewayRuleSpec")).propsOnly("NATGatewayRuleSpec", ""), opts)
}

// DeleteRule deletes a rule of a NAT gateway.
func (s *NATGatewaysService) DeleteRule(ctx context.Context, datacenterID, natGatewayID, ruleID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(natGatewayRulePath(datacenterID, natGatewayID, ruleID)), opts)
}

// WaitForAvailable polls a NAT gateway until its state is AVAILABLE and
// returns it: the way to wait for an Update or Replace, which the API
// answers without a request. It fails at once with a *[FailedStateError]
// ([ErrFailedState]) when the state becomes FAILED (or another FAILED_*),
// and with the API's error when a poll fails (a 404 included). It polls with
// the client's [WaitPolicy] (or [WithWaitPolicy]); the context is the only
// timeout. [WithProgress] sees the state at every poll.
func (s *NATGatewaysService) WaitForAvailable(ctx context.Context, datacenterID, natGatewayID string, opts ...WaitOption) (*NATGateway, error) {
	return waitReadAvailable(ctx, s.c, "NAT gateway", natGatewayID, at(natGatewayPath(datacenterID, natGatewayID)), func(v *NATGateway) State { return v.Metadata.State }, opts)
}

// WaitForRuleAvailable polls a NAT gateway rule until its state is
// AVAILABLE and returns it, as [NATGatewaysService.WaitForAvailable] does
// for gateways.
func (s *NATGatewaysService) WaitForRuleAvailable(ctx context.Context, datacenterID, natGatewayID, ruleID string, opts ...WaitOption) (*NATGatewayRule, error) {
	return waitReadAvailable(ctx, s.c, "NAT gateway rule", ruleID, at(natGatewayRulePath(datacenterID, natGatewayID, ruleID)), func(v *NATGatewayRule) State { return v.Metadata.State }, opts)
}
