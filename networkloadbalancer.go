package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/netip"
	"strings"
)

// NLBProtocol is the protocol a network load balancer's forwarding rule
// balances ([NLBForwardingRuleSpec].Protocol).
type NLBProtocol string

// Forwarding rule protocols of network load balancers.
const (
	NLBProtocolTCP  NLBProtocol = "TCP"
	NLBProtocolHTTP NLBProtocol = "HTTP"
)

// NLBAlgorithm is how a network load balancer's forwarding rule spreads
// connections over its targets ([NLBForwardingRuleSpec].Algorithm).
type NLBAlgorithm string

// Balancing algorithms of network load balancers.
const (
	NLBAlgorithmRoundRobin      NLBAlgorithm = "ROUND_ROBIN"
	NLBAlgorithmLeastConnection NLBAlgorithm = "LEAST_CONNECTION"
	NLBAlgorithmRandom          NLBAlgorithm = "RANDOM"
	NLBAlgorithmSourceIP        NLBAlgorithm = "SOURCE_IP"
)

// NLBProxyProtocol is the PROXY protocol version a network load balancer
// sends to a target ([NLBTargetSpec].ProxyProtocol; the live API v6). The
// API's default is none.
type NLBProxyProtocol string

// PROXY protocol versions.
const (
	NLBProxyProtocolNone  NLBProxyProtocol = "none"
	NLBProxyProtocolV1    NLBProxyProtocol = "v1"
	NLBProxyProtocolV2    NLBProxyProtocol = "v2"
	NLBProxyProtocolV2SSL NLBProxyProtocol = "v2ssl"
)

// NetworkLoadBalancer is a data center's network load balancer (Cloud API
// v6) as the API returns it. It listens on IPs of its listener LAN and
// balances connections, by its forwarding rules, over targets in its target
// LAN. At depth 1 and more, Entities lists its forwarding rules.
type NetworkLoadBalancer struct {
	ID         string                        `json:"id"`
	Type       string                        `json:"type,omitempty"`
	Href       string                        `json:"href,omitempty"`
	Metadata   Metadata                      `json:"metadata,omitzero"`
	Properties NetworkLoadBalancerProperties `json:"properties,omitzero"`
	Entities   NetworkLoadBalancerEntities   `json:"entities,omitzero"`
}

// NetworkLoadBalancerProperties are a network load balancer's settings.
type NetworkLoadBalancerProperties struct {
	Name string `json:"name,omitempty"`
	// ListenerLAN is the LAN the load balancer listens on (inbound).
	ListenerLAN LANID `json:"listenerLan"`
	// IPs are the load balancer's IPs in the listener LAN (inbound and
	// outbound): IPs reserved by the contract for a public load balancer,
	// private IPs for a private one.
	IPs []string `json:"ips,omitempty"`
	// TargetLAN is the private LAN of the balanced targets (outbound).
	TargetLAN LANID `json:"targetLan"`
	// LBPrivateIPs are the load balancer's private IPs, with their subnet
	// mask ("10.12.0.5/24"); the API picks one with a /24 mask when none is
	// given.
	LBPrivateIPs []string `json:"lbPrivateIps,omitempty"`
	// CentralLogging and LoggingFormat are the live API v6's central
	// logging settings.
	CentralLogging bool   `json:"centralLogging"`
	LoggingFormat  string `json:"loggingFormat,omitempty"`
}

// NetworkLoadBalancerEntities are a network load balancer's children.
type NetworkLoadBalancerEntities struct {
	ForwardingRules Collection[NLBForwardingRule] `json:"forwardingrules,omitzero"`
	// FlowLogs are the load balancer's flow logs, managed with
	// [Client.FlowLogs] and [NetworkLoadBalancerFlowLogs].
	FlowLogs Collection[FlowLog] `json:"flowlogs,omitzero"`
}

// NLBForwardingRule is a forwarding rule of a network load balancer as the
// API returns it: connections to ListenerIP:ListenerPort go to its targets.
type NLBForwardingRule struct {
	ID         string                      `json:"id"`
	Type       string                      `json:"type,omitempty"`
	Href       string                      `json:"href,omitempty"`
	Metadata   Metadata                    `json:"metadata,omitzero"`
	Properties NLBForwardingRuleProperties `json:"properties,omitzero"`
}

// NLBForwardingRuleProperties are a forwarding rule's settings.
type NLBForwardingRuleProperties struct {
	Name         string         `json:"name,omitempty"`
	Algorithm    NLBAlgorithm   `json:"algorithm,omitempty"`
	Protocol     NLBProtocol    `json:"protocol,omitempty"`
	ListenerIP   string         `json:"listenerIp,omitempty"`
	ListenerPort int            `json:"listenerPort"`
	HealthCheck  NLBHealthCheck `json:"healthCheck,omitzero"`
	Targets      []NLBTarget    `json:"targets,omitempty"`
}

// NLBHealthCheck are the connection settings of a forwarding rule, in
// milliseconds (Retries is a count).
type NLBHealthCheck struct {
	ClientTimeout  int `json:"clientTimeout"`
	ConnectTimeout int `json:"connectTimeout"`
	TargetTimeout  int `json:"targetTimeout"`
	Retries        int `json:"retries"`
}

// NLBTarget is one balanced target of a forwarding rule as the API returns
// it.
type NLBTarget struct {
	IP            string               `json:"ip,omitempty"`
	Port          int                  `json:"port"`
	Weight        int                  `json:"weight"`
	ProxyProtocol NLBProxyProtocol     `json:"proxyProtocol,omitempty"`
	HealthCheck   NLBTargetHealthCheck `json:"healthCheck,omitzero"`
}

// NLBTargetHealthCheck is how a target's health is checked.
type NLBTargetHealthCheck struct {
	Check         bool `json:"check"`
	CheckInterval int  `json:"checkInterval"`
	Maintenance   bool `json:"maintenance"`
}

// NetworkLoadBalancerSpec describes a network load balancer to create
// (NetworkLoadBalancers.Create) or the properties that replace a load
// balancer's (NetworkLoadBalancers.Replace).
type NetworkLoadBalancerSpec struct {
	// Name is required.
	Name string
	// ListenerLAN (inbound) and TargetLAN (outbound, private) are required
	// LANs of the data center.
	ListenerLAN LANID
	TargetLAN   LANID
	// IPs are the load balancer's IPs in the listener LAN: IPs of the
	// contract's IP blocks for a public load balancer.
	IPs []string
	// LBPrivateIPs are private IPs with their subnet mask ("10.12.0.5/24");
	// empty lets the API pick one with a /24 mask.
	LBPrivateIPs []string
	// CentralLogging turns central logging on when set (the live API v6);
	// nil leaves the API's default (off).
	CentralLogging *bool
	// LoggingFormat is the format of the central logs (the live API v6).
	LoggingFormat string
	// ForwardingRules are created with the load balancer (Create only).
	ForwardingRules []NLBForwardingRuleSpec
}

type nlbPost = post[nlbPostProperties, nlbPostEntities]

type nlbPostProperties struct {
	Name           string   `json:"name"`
	ListenerLAN    LANID    `json:"listenerLan"`
	IPs            []string `json:"ips,omitempty"`
	TargetLAN      LANID    `json:"targetLan"`
	LBPrivateIPs   []string `json:"lbPrivateIps,omitempty"`
	CentralLogging *bool    `json:"centralLogging,omitempty"`
	LoggingFormat  string   `json:"loggingFormat,omitempty"`
}

type nlbPostEntities struct {
	ForwardingRules *postCollection[nlbRulePost] `json:"forwardingrules,omitempty"`
}

// body validates the spec and builds the POST body; field prefixes the
// names in errors.
func (s *NetworkLoadBalancerSpec) body(field string) (*nlbPost, error) {
	if strings.TrimSpace(s.Name) == "" {
		return nil, invalid(field+".Name", "is required")
	}
	if err := firstError(lanIDArg(s.ListenerLAN).named(field+".ListenerLAN"), lanIDArg(s.TargetLAN).named(field+".TargetLAN"),
		checkIPList(field+".IPs", s.IPs, false), checkIPList(field+".LBPrivateIPs", s.LBPrivateIPs, true)); err != nil {
		return nil, err
	}
	p := &nlbPost{Properties: nlbPostProperties{Name: s.Name, ListenerLAN: s.ListenerLAN, IPs: s.IPs, TargetLAN: s.TargetLAN,
		LBPrivateIPs: s.LBPrivateIPs, CentralLogging: s.CentralLogging, LoggingFormat: s.LoggingFormat}}
	if len(s.ForwardingRules) > 0 {
		rules := make([]nlbRulePost, len(s.ForwardingRules))
		for i := range s.ForwardingRules {
			r, err := s.ForwardingRules[i].body(fmt.Sprintf("%s.ForwardingRules[%d]", field, i))
			if err != nil {
				return nil, err
			}
			rules[i] = *r
		}
		p.Entities = &nlbPostEntities{ForwardingRules: &postCollection[nlbRulePost]{Items: rules}}
	}
	return p, nil
}

// named checks a LAN ID under another field name.
func (a idArg) named(field string) error {
	a.name = field
	return a.check()
}

// checkIPList requires IP addresses, or with cidr IP addresses with their
// prefix length ("10.12.0.5/24").
func checkIPList(field string, ips []string, cidr bool) error {
	for i, ip := range ips {
		ok := isIP(ip)
		if cidr {
			_, err := netip.ParsePrefix(ip)
			ok = err == nil
		}
		if !ok {
			what := "an IP address"
			if cidr {
				what = "an IP address with its subnet mask (10.12.0.5/24)"
			}
			return invalid(fmt.Sprintf("%s[%d]", field, i), "%q is not %s", ip, what)
		}
	}
	return nil
}

// NetworkLoadBalancerUpdate changes the fields of a network load balancer
// that are set; the others keep their value. IPs and LBPrivateIPs replace
// the load balancer's lists when non-empty; ClearIPs and ClearLBPrivateIPs
// empty them (an empty list means "unchanged").
type NetworkLoadBalancerUpdate struct {
	Name        *string `json:"name,omitempty"`
	ListenerLAN *LANID  `json:"listenerLan,omitempty"`
	TargetLAN   *LANID  `json:"targetLan,omitempty"`
	// IPs, when non-empty, replaces the load balancer's IPs.
	IPs []string `json:"-"`
	// ClearIPs removes every IP (sends "ips": []).
	ClearIPs bool `json:"-"`
	// LBPrivateIPs, when non-empty, replaces the private IPs.
	LBPrivateIPs []string `json:"-"`
	// ClearLBPrivateIPs removes every private IP (sends "lbPrivateIps": []).
	ClearLBPrivateIPs bool    `json:"-"`
	CentralLogging    *bool   `json:"centralLogging,omitempty"`
	LoggingFormat     *string `json:"loggingFormat,omitempty"`
}

type nlbPatch struct {
	*NetworkLoadBalancerUpdate
	IPs          []string `json:"ips,omitzero"`
	LBPrivateIPs []string `json:"lbPrivateIps,omitzero"`
}

func (u *NetworkLoadBalancerUpdate) body() (*nlbPatch, error) {
	const f = "NetworkLoadBalancerUpdate"
	if u.Name != nil && strings.TrimSpace(*u.Name) == "" {
		return nil, invalid(f+".Name", "must not be empty")
	}
	if u.ListenerLAN != nil {
		if err := lanIDArg(*u.ListenerLAN).named(f + ".ListenerLAN"); err != nil {
			return nil, err
		}
	}
	if u.TargetLAN != nil {
		if err := lanIDArg(*u.TargetLAN).named(f + ".TargetLAN"); err != nil {
			return nil, err
		}
	}
	ips, err := replacedList(f+".ClearIPs", u.IPs, u.ClearIPs)
	if err != nil {
		return nil, err
	}
	private, err := replacedList(f+".ClearLBPrivateIPs", u.LBPrivateIPs, u.ClearLBPrivateIPs)
	if err != nil {
		return nil, err
	}
	if err := firstError(checkIPList(f+".IPs", u.IPs, false), checkIPList(f+".LBPrivateIPs", u.LBPrivateIPs, true)); err != nil {
		return nil, err
	}
	return &nlbPatch{NetworkLoadBalancerUpdate: u, IPs: ips, LBPrivateIPs: private}, nil
}

// NLBForwardingRuleSpec describes a forwarding rule to create
// (NetworkLoadBalancers.CreateForwardingRule, or inside
// [NetworkLoadBalancerSpec].ForwardingRules) or the properties that replace
// a rule's (NetworkLoadBalancers.ReplaceForwardingRule). Name, Algorithm,
// Protocol, ListenerIP, ListenerPort (1..65535) and Targets are required.
type NLBForwardingRuleSpec struct {
	Name      string
	Algorithm NLBAlgorithm
	Protocol  NLBProtocol
	// ListenerIP is one of the load balancer's IPs.
	ListenerIP   string
	ListenerPort int
	// HealthCheck sets the rule's timeouts and retries; nil leaves the
	// API's defaults.
	HealthCheck *NLBHealthCheckSpec
	// Targets are the balanced targets: IPs in the target LAN.
	Targets []NLBTargetSpec
}

// NLBHealthCheckSpec sets a forwarding rule's timeouts (milliseconds; 0
// leaves the API's default) and reconnection attempts.
type NLBHealthCheckSpec struct {
	// ClientTimeout is how long to wait for the client to acknowledge or
	// send data (API default 50000).
	ClientTimeout int `json:"clientTimeout,omitempty"`
	// ConnectTimeout is how long a connection attempt to a target may take
	// (API default 5000).
	ConnectTimeout int `json:"connectTimeout,omitempty"`
	// TargetTimeout is how long a target may stay inactive (API default
	// 50000).
	TargetTimeout int `json:"targetTimeout,omitempty"`
	// Retries is the number of reconnection attempts after a failed
	// connection, 0..65535; nil leaves the API's default (3).
	Retries *int `json:"retries,omitempty"`
}

// NLBTargetSpec is a balanced target of a forwarding rule. IP, Port
// (1..65535) and Weight (0..256) are always sent. Traffic is shared in
// proportion to the weights; a target of weight 0 takes no new balanced
// connections, so give every target a weight (the API suggests values in
// the middle of the range).
type NLBTargetSpec struct {
	IP     string `json:"ip"`
	Port   int    `json:"port"`
	Weight int    `json:"weight"`
	// ProxyProtocol is the PROXY protocol version sent to the target (the
	// live API v6); empty leaves the API's default (none).
	ProxyProtocol NLBProxyProtocol `json:"proxyProtocol,omitempty"`
	// HealthCheck says how the target's health is checked; nil leaves the
	// API's defaults.
	HealthCheck *NLBTargetHealthCheckSpec `json:"healthCheck,omitempty"`
}

// NLBTargetHealthCheckSpec says how a target's health is checked. Check
// and Maintenance are always sent.
type NLBTargetHealthCheckSpec struct {
	// Check makes the target available only while it accepts the periodic
	// TCP connection attempts of the health check.
	Check bool `json:"check"`
	// CheckInterval is the time between checks in milliseconds; 0 leaves
	// the API's default (2000).
	CheckInterval int `json:"checkInterval,omitempty"`
	// Maintenance takes the target out of balancing.
	Maintenance bool `json:"maintenance"`
}

type nlbRulePost = post[nlbRuleProperties, noEntities]

type nlbRuleProperties struct {
	Name         string              `json:"name"`
	Algorithm    NLBAlgorithm        `json:"algorithm"`
	Protocol     NLBProtocol         `json:"protocol"`
	ListenerIP   string              `json:"listenerIp"`
	ListenerPort int                 `json:"listenerPort"`
	HealthCheck  *NLBHealthCheckSpec `json:"healthCheck,omitempty"`
	Targets      []NLBTargetSpec     `json:"targets"`
}

// body validates the spec and builds the POST body.
func (s *NLBForwardingRuleSpec) body(field string) (*nlbRulePost, error) {
	switch {
	case strings.TrimSpace(s.Name) == "":
		return nil, invalid(field+".Name", "is required")
	case s.Algorithm == "":
		return nil, invalid(field+".Algorithm", "is required")
	case s.Protocol == "":
		return nil, invalid(field+".Protocol", "is required")
	case s.ListenerIP == "":
		return nil, invalid(field+".ListenerIP", "is required")
	case !isIP(s.ListenerIP):
		return nil, invalid(field+".ListenerIP", "%q is not an IP address", s.ListenerIP)
	case len(s.Targets) == 0:
		return nil, invalid(field+".Targets", "is required: a rule balances at least one target")
	}
	if err := firstError(checkNLBPort(field+".ListenerPort", s.ListenerPort), s.HealthCheck.check(field+".HealthCheck"),
		checkNLBTargets(field+".Targets", s.Targets)); err != nil {
		return nil, err
	}
	return &nlbRulePost{Properties: nlbRuleProperties{Name: s.Name, Algorithm: s.Algorithm, Protocol: s.Protocol,
		ListenerIP: s.ListenerIP, ListenerPort: s.ListenerPort, HealthCheck: s.HealthCheck, Targets: s.Targets}}, nil
}

func checkNLBPort(field string, port int) error {
	if port < 1 || port > 65535 {
		return invalid(field, "%d is outside 1..65535", port)
	}
	return nil
}

func (h *NLBHealthCheckSpec) check(field string) error {
	if h == nil {
		return nil
	}
	for _, t := range []struct {
		name string
		v    int
	}{{"ClientTimeout", h.ClientTimeout}, {"ConnectTimeout", h.ConnectTimeout}, {"TargetTimeout", h.TargetTimeout}} {
		if t.v < 0 {
			return invalid(field+"."+t.name, "%d is negative", t.v)
		}
	}
	if h.Retries != nil && (*h.Retries < 0 || *h.Retries > 65535) {
		return invalid(field+".Retries", "%d is outside 0..65535", *h.Retries)
	}
	return nil
}

// checkNLBTargets checks every target: an IP, a port in 1..65535, a weight
// in 0..256 (the API's documented ranges).
func checkNLBTargets(field string, targets []NLBTargetSpec) error {
	for i, t := range targets {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case t.IP == "":
			return invalid(f+".IP", "is required")
		case !isIP(t.IP):
			return invalid(f+".IP", "%q is not an IP address", t.IP)
		case t.Weight < 0 || t.Weight > 256:
			return invalid(f+".Weight", "%d is outside 0..256", t.Weight)
		case t.HealthCheck != nil && t.HealthCheck.CheckInterval < 0:
			return invalid(f+".HealthCheck.CheckInterval", "%d is negative", t.HealthCheck.CheckInterval)
		}
		if err := checkNLBPort(f+".Port", t.Port); err != nil {
			return err
		}
	}
	return nil
}

// NLBForwardingRuleUpdate changes the fields of a forwarding rule that are
// set; the others keep their value. Targets, when non-empty, replaces the
// rule's targets; HealthCheck, when set, is sent as given.
type NLBForwardingRuleUpdate struct {
	Name         *string             `json:"name,omitempty"`
	Algorithm    *NLBAlgorithm       `json:"algorithm,omitempty"`
	Protocol     *NLBProtocol        `json:"protocol,omitempty"`
	ListenerIP   *string             `json:"listenerIp,omitempty"`
	ListenerPort *int                `json:"listenerPort,omitempty"`
	HealthCheck  *NLBHealthCheckSpec `json:"healthCheck,omitempty"`
	Targets      []NLBTargetSpec     `json:"targets,omitempty"`
}

func (u *NLBForwardingRuleUpdate) check() error {
	const f = "NLBForwardingRuleUpdate"
	switch {
	case u.Name != nil && strings.TrimSpace(*u.Name) == "":
		return invalid(f+".Name", "must not be empty")
	case u.Algorithm != nil && *u.Algorithm == "":
		return invalid(f+".Algorithm", "must not be empty")
	case u.Protocol != nil && *u.Protocol == "":
		return invalid(f+".Protocol", "must not be empty")
	case u.ListenerIP != nil && !isIP(*u.ListenerIP):
		return invalid(f+".ListenerIP", "%q is not an IP address", *u.ListenerIP)
	}
	if u.ListenerPort != nil {
		if err := checkNLBPort(f+".ListenerPort", *u.ListenerPort); err != nil {
			return err
		}
	}
	return firstError(u.HealthCheck.check(f+".HealthCheck"), checkNLBTargets(f+".Targets", u.Targets))
}

// NetworkLoadBalancersService manages a data center's network load
// balancers and their forwarding rules
// (/datacenters/{dc}/networkloadbalancers, Cloud API v6: a v5 client refuses
// every call before sending with a *[VersionError]).
//
// Create, CreateForwardingRule and the deletes are answered with the
// request to wait on ([Client.WaitForCompletion]). The API documents the
// updates and replaces (PATCH and PUT) as accepted without a request
// Location: when the Response has no RequestURL, wait with
// [NetworkLoadBalancersService.WaitForAvailable] (or
// [NetworkLoadBalancersService.WaitForForwardingRuleAvailable]) instead.
type NetworkLoadBalancersService struct{ c *Client }

func nlbsPath(datacenterID string) (string, error) {
	return pathOf("/datacenters/{}/networkloadbalancers", id("datacenterID", datacenterID))
}

func nlbPath(datacenterID, nlbID, suffix string) (string, error) {
	return pathOf("/datacenters/{}/networkloadbalancers/{}"+suffix, id("datacenterID", datacenterID), id("networkLoadBalancerID", nlbID))
}

func nlbRulePath(datacenterID, nlbID, ruleID string) (string, error) {
	return pathOf("/datacenters/{}/networkloadbalancers/{}/forwardingrules/{}",
		id("datacenterID", datacenterID), id("networkLoadBalancerID", nlbID), id("forwardingRuleID", ruleID))
}

// List returns every network load balancer of a data center, following the
// pages of the collection until it is complete ([WithPage] asks for one
// page). The client's default depth is sent unless [WithDepth] is given.
func (s *NetworkLoadBalancersService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]NetworkLoadBalancer, *Response, error) {
	return list[NetworkLoadBalancer](ctx, s.c, at(nlbsPath(datacenterID)), opts)
}

// All iterates over the network load balancers of a data center page by
// page; breaking out of the loop stops fetching. An invalid ID is yielded as
// the only error.
func (s *NetworkLoadBalancersService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[NetworkLoadBalancer, error] {
	return all[NetworkLoadBalancer](ctx, s.c, at(nlbsPath(datacenterID)), opts)
}

// Get returns one network load balancer, at the client's default depth
// unless [WithDepth] is given (depth 2 includes its forwarding rules'
// properties).
func (s *NetworkLoadBalancersService) Get(ctx context.Context, datacenterID, nlbID string, opts ...ReadOption) (*NetworkLoadBalancer, *Response, error) {
	return get[NetworkLoadBalancer](ctx, s.c, at(nlbPath(datacenterID, nlbID, "")), opts)
}

// Create creates a network load balancer, with spec.ForwardingRules, and
// returns it as the API accepted it; it is ready once the request in the
// Response is DONE ([Client.WaitForCompletion]). Name, ListenerLAN,
// TargetLAN and each rule's required fields and documented ranges are
// checked before sending.
func (s *NetworkLoadBalancersService) Create(ctx context.Context, datacenterID string, spec NetworkLoadBalancerSpec, opts ...WriteOption) (*NetworkLoadBalancer, *Response, error) {
	return write[NetworkLoadBalancer](ctx, s.c, http.MethodPost, at(nlbsPath(datacenterID)), with(spec.body("NetworkLoadBalancerSpec")), opts)
}

// Update changes the fields of a network load balancer that upd sets
// (PATCH).
func (s *NetworkLoadBalancersService) Update(ctx context.Context, datacenterID, nlbID string, upd NetworkLoadBalancerUpdate, opts ...WriteOption) (*NetworkLoadBalancer, *Response, error) {
	return write[NetworkLoadBalancer](ctx, s.c, http.MethodPatch, at(nlbPath(datacenterID, nlbID, "")), with(upd.body()), opts)
}

// Replace replaces every property of a network load balancer with spec's
// (PUT); properties spec leaves empty are reset. spec.ForwardingRules must
// be empty: a PUT sets properties only.
func (s *NetworkLoadBalancersService) Replace(ctx context.Context, datacenterID, nlbID string, spec NetworkLoadBalancerSpec, opts ...WriteOption) (*NetworkLoadBalancer, *Response, error) {
	return write[NetworkLoadBalancer](ctx, s.c, http.MethodPut, at(nlbPath(datacenterID, nlbID, "")),
		with(spec.body("NetworkLoadBalancerSpec")).propsOnly("NetworkLoadBalancerSpec.ForwardingRules", "create rules with CreateForwardingRule"), opts)
}

// Delete deletes a network load balancer with its forwarding rules.
func (s *NetworkLoadBalancersService) Delete(ctx context.Context, datacenterID, nlbID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(nlbPath(datacenterID, nlbID, "")), opts)
}

// ListForwardingRules returns every forwarding rule of a network load
// balancer, following the pages of the collection until it is complete, at
// the client's default depth unless [WithDepth] is given.
func (s *NetworkLoadBalancersService) ListForwardingRules(ctx context.Context, datacenterID, nlbID string, opts ...ListOption) ([]NLBForwardingRule, *Response, error) {
	return list[NLBForwardingRule](ctx, s.c, at(nlbPath(datacenterID, nlbID, "/forwardingrules")), opts)
}

// AllForwardingRules iterates over the forwarding rules of a network load
// balancer page by page; breaking out of the loop stops fetching. An
// invalid ID is yielded as the only error.
func (s *NetworkLoadBalancersService) AllForwardingRules(ctx context.Context, datacenterID, nlbID string, opts ...ListOption) iter.Seq2[NLBForwardingRule, error] {
	return all[NLBForwardingRule](ctx, s.c, at(nlbPath(datacenterID, nlbID, "/forwardingrules")), opts)
}

// GetForwardingRule returns one forwarding rule, at the client's default
// depth unless [WithDepth] is given.
func (s *NetworkLoadBalancersService) GetForwardingRule(ctx context.Context, datacenterID, nlbID, ruleID string, opts ...ReadOption) (*NLBForwardingRule, *Response, error) {
	return get[NLBForwardingRule](ctx, s.c, at(nlbRulePath(datacenterID, nlbID, ruleID)), opts)
}

// CreateForwardingRule adds a forwarding rule to a network load balancer;
// it is in force once the request in the Response is DONE
// ([Client.WaitForCompletion]).
func (s *NetworkLoadBalancersService) CreateForwardingRule(ctx context.Context, datacenterID, nlbID string, spec NLBForwardingRuleSpec, opts ...WriteOption) (*NLBForwardingRule, *Response, error) {
	return write[NLBForwardingRule](ctx, s.c, http.MethodPost, at(nlbPath(datacenterID, nlbID, "/forwardingrules")), with(spec.body("NLBForwardingRuleSpec")), opts)
}

// UpdateForwardingRule changes the fields of a forwarding rule that upd
// sets (PATCH).
func (s *NetworkLoadBalancersService) UpdateForwardingRule(ctx context.Context, datacenterID, nlbID, ruleID string, upd NLBForwardingRuleUpdate, opts ...WriteOption) (*NLBForwardingRule, *Response, error) {
	return write[NLBForwardingRule](ctx, s.c, http.MethodPatch, at(nlbRulePath(datacenterID, nlbID, ruleID)), with(&upd, upd.check()), opts)
}

// ReplaceForwardingRule replaces every property of a forwarding rule with
// spec's (PUT); a health check spec leaves out is reset to the API's
// defaults.
func (s *NetworkLoadBalancersService) ReplaceForwardingRule(ctx context.Context, datacenterID, nlbID, ruleID string, spec NLBForwardingRuleSpec, opts ...WriteOption) (*NLBForwardingRule, *Response, error) {
	return write[NLBForwardingRule](ctx, s.c, http.MethodPut, at(nlbRulePath(datacenterID, nlbID, ruleID)),
		with(spec.body("NLBForwardingRuleSpec")).propsOnly("NLBForwardingRuleSpec", ""), opts)
}

// DeleteForwardingRule deletes a forwarding rule.
func (s *NetworkLoadBalancersService) DeleteForwardingRule(ctx context.Context, datacenterID, nlbID, ruleID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(nlbRulePath(datacenterID, nlbID, ruleID)), opts)
}

// WaitForAvailable polls a network load balancer until its state is
// AVAILABLE and returns it: the wait for an Update, Replace or forwarding
// rule change that the API accepted without a request to follow. It fails
// at once with a *[FailedStateError] when the state becomes FAILED*, and
// with the API's error when a poll fails for good. It polls with the
// client's [WaitPolicy] (or [WithWaitPolicy]); the context is the only
// timeout. The state may still read AVAILABLE for a moment after a write
// is accepted: when the Response has a request URL,
// [Client.WaitForCompletion] is the exact wait.
func (s *NetworkLoadBalancersService) WaitForAvailable(ctx context.Context, datacenterID, nlbID string, opts ...WaitOption) (*NetworkLoadBalancer, error) {
	return waitReadAvailable(ctx, s.c, "network load balancer", nlbID, at(nlbPath(datacenterID, nlbID, "")), func(v *NetworkLoadBalancer) State { return v.Metadata.State }, opts)
}

// WaitForForwardingRuleAvailable polls a forwarding rule until its state
// is AVAILABLE and returns it, as WaitForAvailable does for the load
// balancer.
func (s *NetworkLoadBalancersService) WaitForForwardingRuleAvailable(ctx context.Context, datacenterID, nlbID, ruleID string, opts ...WaitOption) (*NLBForwardingRule, error) {
	return waitReadAvailable(ctx, s.c, "forwarding rule", ruleID, at(nlbRulePath(datacenterID, nlbID, ruleID)), func(v *NLBForwardingRule) State { return v.Metadata.State }, opts)
}
