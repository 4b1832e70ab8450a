package ionos

import (
	"context"
	"iter"
	"net/http"
	"net/netip"
	"strconv"
)

// ALBProtocol is the protocol an application load balancer's forwarding
// rule listens with ([ALBForwardingRuleSpec].Protocol).
type ALBProtocol string

// Protocols of application load balancer forwarding rules.
const (
	ALBProtocolHTTP ALBProtocol = "HTTP"
)

// HTTPRuleType is what an application load balancer's HTTP rule does
// ([HTTPRuleSpec].Type).
type HTTPRuleType string

// HTTP rule types.
const (
	// HTTPRuleForward forwards the request to a target group.
	HTTPRuleForward HTTPRuleType = "FORWARD"
	// HTTPRuleStatic answers with a fixed response.
	HTTPRuleStatic HTTPRuleType = "STATIC"
	// HTTPRuleRedirect answers with a redirect.
	HTTPRuleRedirect HTTPRuleType = "REDIRECT"
)

// HTTPRuleConditionType is the part of a request an HTTP rule condition
// looks at ([HTTPRuleCondition].Type).
type HTTPRuleConditionType string

// HTTP rule condition types.
const (
	HTTPConditionHeader   HTTPRuleConditionType = "HEADER"
	HTTPConditionPath     HTTPRuleConditionType = "PATH"
	HTTPConditionQuery    HTTPRuleConditionType = "QUERY"
	HTTPConditionMethod   HTTPRuleConditionType = "METHOD"
	HTTPConditionHost     HTTPRuleConditionType = "HOST"
	HTTPConditionCookie   HTTPRuleConditionType = "COOKIE"
	HTTPConditionSourceIP HTTPRuleConditionType = "SOURCE_IP"
)

// HTTPRuleMatch is how an HTTP rule condition compares
// ([HTTPRuleCondition].Condition).
type HTTPRuleMatch string

// HTTP rule condition matches.
const (
	HTTPMatchExists     HTTPRuleMatch = "EXISTS"
	HTTPMatchContains   HTTPRuleMatch = "CONTAINS"
	HTTPMatchEquals     HTTPRuleMatch = "EQUALS"
	HTTPMatchMatches    HTTPRuleMatch = "MATCHES"
	HTTPMatchStartsWith HTTPRuleMatch = "STARTS_WITH"
	HTTPMatchEndsWith   HTTPRuleMatch = "ENDS_WITH"
)

// ApplicationLoadBalancer is a data center's application load balancer as
// the API returns it (Cloud API v6). At depth 1 and more, Entities lists its
// forwarding rules.
type ApplicationLoadBalancer struct {
	ID         string                            `json:"id"`
	Type       string                            `json:"type,omitempty"`
	Href       string                            `json:"href,omitempty"`
	Metadata   Metadata                          `json:"metadata,omitzero"`
	Properties ApplicationLoadBalancerProperties `json:"properties,omitzero"`
	Entities   ApplicationLoadBalancerEntities   `json:"entities,omitzero"`
}

// ApplicationLoadBalancerProperties are an application load balancer's
// settings.
type ApplicationLoadBalancerProperties struct {
	Name string `json:"name,omitempty"`
	// ListenerLAN is the LAN the load balancer listens on (inbound).
	ListenerLAN LANID `json:"listenerLan,omitempty"`
	// IPs are the load balancer's IPs in the listener LAN: reserved public
	// IPs for a public load balancer, private IPs for a private one.
	IPs []string `json:"ips,omitempty"`
	// TargetLAN is the private LAN of the balanced targets (outbound).
	TargetLAN LANID `json:"targetLan,omitempty"`
	// LBPrivateIPs are the load balancer's private IPs with their subnet
	// mask ("10.12.0.2/24").
	LBPrivateIPs []string `json:"lbPrivateIps,omitempty"`
	// CentralLogging and LoggingFormat came with the live v6 API.
	CentralLogging bool   `json:"centralLogging"`
	LoggingFormat  string `json:"loggingFormat,omitempty"`
}

// ApplicationLoadBalancerEntities are an application load balancer's
// children.
type ApplicationLoadBalancerEntities struct {
	ForwardingRules Collection[ALBForwardingRule] `json:"forwardingrules,omitzero"`
}

// ApplicationLoadBalancerSpec describes an application load balancer to
// create (ApplicationLoadBalancers.Create) or the properties of a full
// replace (ApplicationLoadBalancers.Replace).
type ApplicationLoadBalancerSpec struct {
	// Name is required.
	Name string
	// ListenerLAN (inbound) and TargetLAN (outbound) are required LANs of
	// the data center.
	ListenerLAN LANID
	TargetLAN   LANID
	// IPs are reserved public IPs (public load balancer) or private IPs of
	// the listener LAN; empty leaves them to the API.
	IPs []string
	// LBPrivateIPs are private IPs with their subnet mask in the target LAN;
	// empty lets the API pick one with a /24 mask.
	LBPrivateIPs []string
	// CentralLogging is sent when set; nil leaves the API's default.
	CentralLogging *bool
	LoggingFormat  string
	// ForwardingRules are created with the load balancer, in one request
	// (Create only: Replace refuses them; add rules with
	// CreateForwardingRule).
	ForwardingRules []ALBForwardingRuleSpec
}

type albProperties struct {
	Name           string   `json:"name"`
	ListenerLAN    LANID    `json:"listenerLan"`
	IPs            []string `json:"ips,omitempty"`
	TargetLAN      LANID    `json:"targetLan"`
	LBPrivateIPs   []string `json:"lbPrivateIps,omitempty"`
	CentralLogging *bool    `json:"centralLogging,omitempty"`
	LoggingFormat  string   `json:"loggingFormat,omitempty"`
}

func (s *ApplicationLoadBalancerSpec) properties() (*albProperties, error) {
	const f = "ApplicationLoadBalancerSpec"
	if s.Name == "" {
		return nil, invalid(f+".Name", "is required")
	}
	if err := albCheckLAN(f+".ListenerLAN", s.ListenerLAN); err != nil {
		return nil, err
	}
	if err := albCheckLAN(f+".TargetLAN", s.TargetLAN); err != nil {
		return nil, err
	}
	if err := albCheckIPs(f+".IPs", s.IPs, false); err != nil {
		return nil, err
	}
	if err := albCheckIPs(f+".LBPrivateIPs", s.LBPrivateIPs, true); err != nil {
		return nil, err
	}
	return &albProperties{Name: s.Name, ListenerLAN: s.ListenerLAN, IPs: s.IPs, TargetLAN: s.TargetLAN,
		LBPrivateIPs: s.LBPrivateIPs, CentralLogging: s.CentralLogging, LoggingFormat: s.LoggingFormat}, nil
}

type albEntities struct {
	ForwardingRules *postCollection[post[*albRuleProperties, noEntities]] `json:"forwardingrules,omitempty"`
}

func (s *ApplicationLoadBalancerSpec) post() (*post[*albProperties, albEntities], error) {
	p, err := s.properties()
	if err != nil {
		return nil, err
	}
	body := &post[*albProperties, albEntities]{Properties: p}
	if len(s.ForwardingRules) > 0 {
		rules := &postCollection[post[*albRuleProperties, noEntities]]{}
		for i := range s.ForwardingRules {
			rp, err := s.ForwardingRules[i].propertiesAt("ApplicationLoadBalancerSpec.ForwardingRules[" + strconv.Itoa(i) + "]")
			if err != nil {
				return nil, err
			}
			rules.Items = append(rules.Items, post[*albRuleProperties, noEntities]{Properties: rp})
		}
		body.Entities = &albEntities{ForwardingRules: rules}
	}
	return body, nil
}

func (s *ApplicationLoadBalancerSpec) put() (*putBody[*albProperties], error) {
	if len(s.ForwardingRules) > 0 {
		return nil, invalid("ApplicationLoadBalancerSpec.ForwardingRules", "Replace sets properties only; add rules with CreateForwardingRule")
	}
	p, err := s.properties()
	if err != nil {
		return nil, err
	}
	return &putBody[*albProperties]{Properties: p}, nil
}

// albCheckIPs refuses an entry of ips that is not an IP address, or with
// cidr not an IP address with its subnet mask ("10.12.0.2/24").
func albCheckIPs(field string, ips []string, cidr bool) error {
	for i, ip := range ips {
		ok := isIP(ip)
		what := "an IP address"
		if cidr {
			_, err := netip.ParsePrefix(ip)
			ok, what = err == nil, "an IP address with its subnet mask (10.12.0.2/24)"
		}
		if !ok {
			return invalid(field+"["+strconv.Itoa(i)+"]", "%q is not %s", ip, what)
		}
	}
	return nil
}

// albCheckLAN refuses an empty LAN reference or one that is not a positive
// integer.
func albCheckLAN(field string, lan LANID) error {
	a := lanIDArg(lan)
	a.name = field
	return a.check()
}

// ApplicationLoadBalancerUpdate changes the fields of an application load
// balancer that are set; the others keep their value (PATCH).
type ApplicationLoadBalancerUpdate struct {
	Name        *string
	ListenerLAN *LANID
	TargetLAN   *LANID
	// IPs replaces the IPs when non-empty; ClearIPs empties them.
	IPs      []string
	ClearIPs bool
	// LBPrivateIPs replaces the private IPs when non-empty;
	// ClearLBPrivateIPs empties them.
	LBPrivateIPs      []string
	ClearLBPrivateIPs bool
	CentralLogging    *bool
	LoggingFormat     *string
}

type albPatch struct {
	Name           *string  `json:"name,omitempty"`
	ListenerLAN    *LANID   `json:"listenerLan,omitempty"`
	IPs            []string `json:"ips,omitzero"`
	TargetLAN      *LANID   `json:"targetLan,omitempty"`
	LBPrivateIPs   []string `json:"lbPrivateIps,omitzero"`
	CentralLogging *bool    `json:"centralLogging,omitempty"`
	LoggingFormat  *string  `json:"loggingFormat,omitempty"`
}

func (u *ApplicationLoadBalancerUpdate) body() (*albPatch, error) {
	const f = "ApplicationLoadBalancerUpdate"
	if u.ListenerLAN != nil {
		if err := albCheckLAN(f+".ListenerLAN", *u.ListenerLAN); err != nil {
			return nil, err
		}
	}
	if u.TargetLAN != nil {
		if err := albCheckLAN(f+".TargetLAN", *u.TargetLAN); err != nil {
			return nil, err
		}
	}
	ips, err := replacedList(f+".ClearIPs", u.IPs, u.ClearIPs)
	if err != nil {
		return nil, err
	}
	priv, err := replacedList(f+".ClearLBPrivateIPs", u.LBPrivateIPs, u.ClearLBPrivateIPs)
	if err != nil {
		return nil, err
	}
	if err := albCheckIPs(f+".IPs", ips, false); err != nil {
		return nil, err
	}
	if err := albCheckIPs(f+".LBPrivateIPs", priv, true); err != nil {
		return nil, err
	}
	return &albPatch{Name: u.Name, ListenerLAN: u.ListenerLAN, IPs: ips, TargetLAN: u.TargetLAN,
		LBPrivateIPs: priv, CentralLogging: u.CentralLogging, LoggingFormat: u.LoggingFormat}, nil
}

// ALBForwardingRule is a forwarding rule of an application load balancer
// as the API returns it: a listener (IP and port) and the HTTP rules
// applied to its requests.
type ALBForwardingRule struct {
	ID         string                      `json:"id"`
	Type       string                      `json:"type,omitempty"`
	Href       string                      `json:"href,omitempty"`
	Metadata   Metadata                    `json:"metadata,omitzero"`
	Properties ALBForwardingRuleProperties `json:"properties,omitzero"`
}

// ALBForwardingRuleProperties are a forwarding rule's settings.
type ALBForwardingRuleProperties struct {
	Name         string      `json:"name,omitempty"`
	Protocol     ALBProtocol `json:"protocol,omitempty"`
	ListenerIP   string      `json:"listenerIp,omitempty"`
	ListenerPort int         `json:"listenerPort"`
	// ClientTimeout is in milliseconds (the API's default is 50000).
	ClientTimeout int `json:"clientTimeout"`
	// ServerCertificates are the IDs of the certificates served for HTTPS.
	ServerCertificates []string `json:"serverCertificates,omitempty"`
	// HTTPRules are applied in order, FORWARD rules after the others.
	HTTPRules []HTTPRule `json:"httpRules,omitempty"`
}

// HTTPRule is an HTTP rule of a forwarding rule as the API returns it.
type HTTPRule struct {
	Name string       `json:"name,omitempty"`
	Type HTTPRuleType `json:"type,omitempty"`
	// TargetGroup is the ID of the target group of a FORWARD rule.
	TargetGroup string `json:"targetGroup,omitempty"`
	// DropQuery, Location and StatusCode are a REDIRECT's; StatusCode,
	// ResponseMessage and ContentType a STATIC's.
	DropQuery       bool                `json:"dropQuery"`
	Location        string              `json:"location,omitempty"`
	StatusCode      int                 `json:"statusCode"`
	ResponseMessage string              `json:"responseMessage,omitempty"`
	ContentType     string              `json:"contentType,omitempty"`
	Conditions      []HTTPRuleCondition `json:"conditions,omitempty"`
}

// HTTPRuleCondition is a condition of an HTTP rule: the rule applies only
// when all its conditions hold. It is read and sent as it is.
type HTTPRuleCondition struct {
	// Type is required.
	Type HTTPRuleConditionType `json:"type"`
	// Condition is required, except for SOURCE_IP conditions, which have
	// none.
	Condition HTTPRuleMatch `json:"condition,omitempty"`
	Negate    bool          `json:"negate"`
	// Key is a HEADER's, QUERY's or COOKIE's name.
	Key string `json:"key,omitempty"`
	// Value is compared with (a CIDR for SOURCE_IP); none for EXISTS.
	Value string `json:"value,omitempty"`
}

// HTTPRuleSpec describes an HTTP rule to send in a forwarding rule. Name
// (unique in the forwarding rule) and Type are required; a FORWARD rule needs TargetGroup, a REDIRECT rule
// Location, a STATIC rule ResponseMessage.
type HTTPRuleSpec struct {
	Name        string
	Type        HTTPRuleType
	TargetGroup string
	// DropQuery drops the query of a REDIRECT's location.
	DropQuery bool
	Location  string
	// StatusCode of a REDIRECT (301 when 0) or a STATIC (503 when 0).
	StatusCode      int
	ResponseMessage string
	ContentType     string
	Conditions      []HTTPRuleCondition
}

type httpRuleWire struct {
	Name            string              `json:"name"`
	Type            HTTPRuleType        `json:"type"`
	TargetGroup     string              `json:"targetGroup,omitempty"`
	DropQuery       bool                `json:"dropQuery,omitempty"`
	Location        string              `json:"location,omitempty"`
	StatusCode      int                 `json:"statusCode,omitempty"`
	ResponseMessage string              `json:"responseMessage,omitempty"`
	ContentType     string              `json:"contentType,omitempty"`
	Conditions      []httpConditionWire `json:"conditions,omitempty"`
}

type httpConditionWire struct {
	Type      HTTPRuleConditionType `json:"type"`
	Condition HTTPRuleMatch         `json:"condition,omitempty"`
	Negate    bool                  `json:"negate,omitempty"`
	Key       string                `json:"key,omitempty"`
	Value     string                `json:"value,omitempty"`
}

func albHTTPRules(field string, rules []HTTPRuleSpec) ([]httpRuleWire, error) {
	out := make([]httpRuleWire, 0, len(rules))
	names := make(map[string]bool, len(rules))
	for i, r := range rules {
		f := field + "[" + strconv.Itoa(i) + "]"
		switch {
		case names[r.Name] && r.Name != "":
			return nil, invalid(f+".Name", "%q names another HTTP rule of the forwarding rule too", r.Name)
		case r.Name == "":
			return nil, invalid(f+".Name", "is required")
		case r.Type == "":
			return nil, invalid(f+".Type", "is required")
		case r.Type == HTTPRuleForward && r.TargetGroup == "":
			return nil, invalid(f+".TargetGroup", "is required for a FORWARD rule")
		case r.Type == HTTPRuleRedirect && r.Location == "":
			return nil, invalid(f+".Location", "is required for a REDIRECT rule")
		case r.Type == HTTPRuleStatic && r.ResponseMessage == "":
			return nil, invalid(f+".ResponseMessage", "is required for a STATIC rule")
		case r.StatusCode != 0 && (r.StatusCode < 200 || r.StatusCode > 599):
			return nil, invalid(f+".StatusCode", "%d is outside 200..599", r.StatusCode)
		}
		names[r.Name] = true
		w := httpRuleWire{Name: r.Name, Type: r.Type, TargetGroup: r.TargetGroup, DropQuery: r.DropQuery,
			Location: r.Location, StatusCode: r.StatusCode, ResponseMessage: r.ResponseMessage, ContentType: r.ContentType}
		for j, c := range r.Conditions {
			cf := f + ".Conditions[" + strconv.Itoa(j) + "]"
			if c.Type == "" {
				return nil, invalid(cf+".Type", "is required")
			}
			if c.Condition == "" && c.Type != HTTPConditionSourceIP {
				return nil, invalid(cf+".Condition", "is required for a %s condition", c.Type)
			}
			w.Conditions = append(w.Conditions, httpConditionWire(c))
		}
		out = append(out, w)
	}
	return out, nil
}

// ALBForwardingRuleSpec describes a forwarding rule to create
// (ApplicationLoadBalancers.CreateForwardingRule) or the properties of a
// full replace (ReplaceForwardingRule).
type ALBForwardingRuleSpec struct {
	// Name, ListenerIP and ListenerPort (1..65535) are required.
	Name         string
	ListenerIP   string
	ListenerPort int
	// Protocol is HTTP when empty, the only protocol the API knows.
	Protocol ALBProtocol
	// ClientTimeout in milliseconds; 0 leaves the API's default (50000).
	ClientTimeout int
	// ServerCertificates are IDs of certificates (for HTTPS listeners).
	ServerCertificates []string
	HTTPRules          []HTTPRuleSpec
}

type albRuleProperties struct {
	Name               string         `json:"name"`
	Protocol           ALBProtocol    `json:"protocol"`
	ListenerIP         string         `json:"listenerIp"`
	ListenerPort       int            `json:"listenerPort"`
	ClientTimeout      int            `json:"clientTimeout,omitempty"`
	ServerCertificates []string       `json:"serverCertificates,omitempty"`
	HTTPRules          []httpRuleWire `json:"httpRules,omitempty"`
}

func albCheckPort(field string, port int) error {
	if port < 1 || port > 65535 {
		return invalid(field, "%d is outside 1..65535", port)
	}
	return nil
}

func (s *ALBForwardingRuleSpec) properties() (*albRuleProperties, error) {
	return s.propertiesAt("ALBForwardingRuleSpec")
}

// propertiesAt checks the spec and builds its properties; f prefixes the
// names in errors.
func (s *ALBForwardingRuleSpec) propertiesAt(f string) (*albRuleProperties, error) {
	switch {
	case s.Name == "":
		return nil, invalid(f+".Name", "is required")
	case s.ListenerIP == "":
		return nil, invalid(f+".ListenerIP", "is required")
	case !isIP(s.ListenerIP):
		return nil, invalid(f+".ListenerIP", "%q is not an IP address", s.ListenerIP)
	case s.ClientTimeout < 0:
		return nil, invalid(f+".ClientTimeout", "%d is negative", s.ClientTimeout)
	}
	if err := albCheckPort(f+".ListenerPort", s.ListenerPort); err != nil {
		return nil, err
	}
	rules, err := albHTTPRules(f+".HTTPRules", s.HTTPRules)
	if err != nil {
		return nil, err
	}
	proto := s.Protocol
	if proto == "" {
		proto = ALBProtocolHTTP
	}
	return &albRuleProperties{Name: s.Name, Protocol: proto, ListenerIP: s.ListenerIP, ListenerPort: s.ListenerPort,
		ClientTimeout: s.ClientTimeout, ServerCertificates: s.ServerCertificates, HTTPRules: rules}, nil
}

func (s *ALBForwardingRuleSpec) post() (*post[*albRuleProperties, noEntities], error) {
	p, err := s.properties()
	if err != nil {
		return nil, err
	}
	return &post[*albRuleProperties, noEntities]{Properties: p}, nil
}

func (s *ALBForwardingRuleSpec) put() (*putBody[*albRuleProperties], error) {
	p, err := s.properties()
	if err != nil {
		return nil, err
	}
	return &putBody[*albRuleProperties]{Properties: p}, nil
}

// ALBForwardingRuleUpdate changes the fields of a forwarding rule that are
// set; the others keep their value (PATCH).
type ALBForwardingRuleUpdate struct {
	Name          *string
	Protocol      *ALBProtocol
	ListenerIP    *string
	ListenerPort  *int
	ClientTimeout *int
	// ServerCertificates replaces the certificates when non-empty;
	// ClearServerCertificates empties them.
	ServerCertificates      []string
	ClearServerCertificates bool
	// HTTPRules replaces all HTTP rules when non-empty; ClearHTTPRules
	// removes them.
	HTTPRules      []HTTPRuleSpec
	ClearHTTPRules bool
}

type albRulePatch struct {
	Name               *string        `json:"name,omitempty"`
	Protocol           *ALBProtocol   `json:"protocol,omitempty"`
	ListenerIP         *string        `json:"listenerIp,omitempty"`
	ListenerPort       *int           `json:"listenerPort,omitempty"`
	ClientTimeout      *int           `json:"clientTimeout,omitempty"`
	ServerCertificates []string       `json:"serverCertificates,omitzero"`
	HTTPRules          []httpRuleWire `json:"httpRules,omitzero"`
}

func (u *ALBForwardingRuleUpdate) body() (*albRulePatch, error) {
	const f = "ALBForwardingRuleUpdate"
	if u.ListenerPort != nil {
		if err := albCheckPort(f+".ListenerPort", *u.ListenerPort); err != nil {
			return nil, err
		}
	}
	if u.ListenerIP != nil && !isIP(*u.ListenerIP) {
		return nil, invalid(f+".ListenerIP", "%q is not an IP address", *u.ListenerIP)
	}
	if u.ClientTimeout != nil && *u.ClientTimeout < 0 {
		return nil, invalid(f+".ClientTimeout", "%d is negative", *u.ClientTimeout)
	}
	certs, err := replacedList(f+".ClearServerCertificates", u.ServerCertificates, u.ClearServerCertificates)
	if err != nil {
		return nil, err
	}
	specs, err := replacedList(f+".ClearHTTPRules", u.HTTPRules, u.ClearHTTPRules)
	if err != nil {
		return nil, err
	}
	var rules []httpRuleWire
	if specs != nil {
		if rules, err = albHTTPRules(f+".HTTPRules", specs); err != nil {
			return nil, err
		}
	}
	return &albRulePatch{Name: u.Name, Protocol: u.Protocol, ListenerIP: u.ListenerIP, ListenerPort: u.ListenerPort,
		ClientTimeout: u.ClientTimeout, ServerCertificates: certs, HTTPRules: rules}, nil
}

// ApplicationLoadBalancersService manages application load balancers and
// their forwarding rules (/datacenters/{dc}/applicationloadbalancers).
// Only Cloud API v6 has them: a client that speaks v5 refuses every call
// before sending, with a *[VersionError] ([ErrUnsupportedVersion]). Creates
// and deletes answer with a request to wait on ([Client.WaitForCompletion]);
// the API documents updates and replaces without one: wait for them with
// WaitForAvailable and WaitForForwardingRuleAvailable.
type ApplicationLoadBalancersService struct{ c *Client }

func albsPath(datacenterID string) (string, error) {
	return pathOf("/datacenters/{}/applicationloadbalancers", id("datacenterID", datacenterID))
}

func albPath(datacenterID, albID string) (string, error) {
	return pathOf("/datacenters/{}/applicationloadbalancers/{}", id("datacenterID", datacenterID), id("applicationLoadBalancerID", albID))
}

func albRulesPath(datacenterID, albID string) (string, error) {
	return pathOf("/datacenters/{}/applicationloadbalancers/{}/forwardingrules",
		id("datacenterID", datacenterID), id("applicationLoadBalancerID", albID))
}

func albRulePath(datacenterID, albID, ruleID string) (string, error) {
	return pathOf("/datacenters/{}/applicationloadbalancers/{}/forwardingrules/{}",
		id("datacenterID", datacenterID), id("applicationLoadBalancerID", albID), id("forwardingRuleID", ruleID))
}

// List returns every application load balancer of a data center, following
// the pages of the collection until it is complete ([WithPage] asks for one
// page). The client's default depth is sent unless [WithDepth] is given.
func (s *ApplicationLoadBalancersService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]ApplicationLoadBalancer, *Response, error) {
	return list[ApplicationLoadBalancer](ctx, s.c, at(albsPath(datacenterID)), opts)
}

// All iterates over the application load balancers of a data center page
// by page; breaking out of the loop stops fetching. An invalid ID is yielded
// as the only error.
func (s *ApplicationLoadBalancersService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[ApplicationLoadBalancer, error] {
	return all[ApplicationLoadBalancer](ctx, s.c, at(albsPath(datacenterID)), opts)
}

// Get returns one application load balancer, at the client's default depth
// unless [WithDepth] is given.
func (s *ApplicationLoadBalancersService) Get(ctx context.Context, datacenterID, albID string, opts ...ReadOption) (*ApplicationLoadBalancer, *Response, error) {
	return get[ApplicationLoadBalancer](ctx, s.c, at(albPath(datacenterID, albID)), opts)
}

// Create creates an application load balancer, with spec.ForwardingRules
// if any, and returns it as the API accepted it; it is ready once the
// request in the Response is DONE ([Client.WaitForCompletion]). Name,
// ListenerLAN and TargetLAN are required.
func (s *ApplicationLoadBalancersService) Create(ctx context.Context, datacenterID string, spec ApplicationLoadBalancerSpec, opts ...WriteOption) (*ApplicationLoadBalancer, *Response, error) {
	return write[ApplicationLoadBalancer](ctx, s.c, http.MethodPost, at(albsPath(datacenterID)), with(spec.post()), opts)
}

// Update changes the fields of an application load balancer that upd sets
// (PATCH). The API may answer without a request to wait on: wait with
// WaitForAvailable.
func (s *ApplicationLoadBalancersService) Update(ctx context.Context, datacenterID, albID string, upd ApplicationLoadBalancerUpdate, opts ...WriteOption) (*ApplicationLoadBalancer, *Response, error) {
	return write[ApplicationLoadBalancer](ctx, s.c, http.MethodPatch, at(albPath(datacenterID, albID)), with(upd.body()), opts)
}

// Replace replaces every property of an application load balancer with
// spec's (PUT); properties spec leaves empty are reset. Its forwarding rules
// stay. The API may answer without a request to wait on: wait with
// WaitForAvailable.
func (s *ApplicationLoadBalancersService) Replace(ctx context.Context, datacenterID, albID string, spec ApplicationLoadBalancerSpec, opts ...WriteOption) (*ApplicationLoadBalancer, *Response, error) {
	return write[ApplicationLoadBalancer](ctx, s.c, http.MethodPut, at(albPath(datacenterID, albID)), with(spec.put()), opts)
}

// Delete deletes an application load balancer with its forwarding rules.
func (s *ApplicationLoadBalancersService) Delete(ctx context.Context, datacenterID, albID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(albPath(datacenterID, albID)), opts)
}

// ListForwardingRules returns every forwarding rule of an application load
// balancer, following the pages of the collection until it is complete, at
// the client's default depth unless [WithDepth] is given.
func (s *ApplicationLoadBalancersService) ListForwardingRules(ctx context.Context, datacenterID, albID string, opts ...ListOption) ([]ALBForwardingRule, *Response, error) {
	return list[ALBForwardingRule](ctx, s.c, at(albRulesPath(datacenterID, albID)), opts)
}

// AllForwardingRules iterates over the forwarding rules of an application
// load balancer page by page; breaking out of the loop stops fetching. An
// invalid ID is yielded as the only error.
func (s *ApplicationLoadBalancersService) AllForwardingRules(ctx context.Context, datacenterID, albID string, opts ...ListOption) iter.Seq2[ALBForwardingRule, error] {
	return all[ALBForwardingRule](ctx, s.c, at(albRulesPath(datacenterID, albID)), opts)
}

// GetForwardingRule returns one forwarding rule of an application load
// balancer, at the client's default depth unless [WithDepth] is given.
func (s *ApplicationLoadBalancersService) GetForwardingRule(ctx context.Context, datacenterID, albID, ruleID string, opts ...ReadOption) (*ALBForwardingRule, *Response, error) {
	return get[ALBForwardingRule](ctx, s.c, at(albRulePath(datacenterID, albID, ruleID)), opts)
}

// CreateForwardingRule adds a forwarding rule with its HTTP rules to an
// application load balancer; it is in force once the request in the
// Response is DONE. The target groups of FORWARD rules must exist.
func (s *ApplicationLoadBalancersService) CreateForwardingRule(ctx context.Context, datacenterID, albID string, spec ALBForwardingRuleSpec, opts ...WriteOption) (*ALBForwardingRule, *Response, error) {
	return write[ALBForwardingRule](ctx, s.c, http.MethodPost, at(albRulesPath(datacenterID, albID)), with(spec.post()), opts)
}

// UpdateForwardingRule changes the fields of a forwarding rule that upd
// sets (PATCH); HTTP rules are replaced as a whole. The API may answer
// without a request to wait on: wait with WaitForForwardingRuleAvailable.
func (s *ApplicationLoadBalancersService) UpdateForwardingRule(ctx context.Context, datacenterID, albID, ruleID string, upd ALBForwardingRuleUpdate, opts ...WriteOption) (*ALBForwardingRule, *Response, error) {
	return write[ALBForwardingRule](ctx, s.c, http.MethodPatch, at(albRulePath(datacenterID, albID, ruleID)), with(upd.body()), opts)
}

// ReplaceForwardingRule replaces every property of a forwarding rule with
// spec's (PUT); properties spec leaves empty are reset. The API may answer
// without a request to wait on: wait with WaitForForwardingRuleAvailable.
func (s *ApplicationLoadBalancersService) ReplaceForwardingRule(ctx context.Context, datacenterID, albID, ruleID string, spec ALBForwardingRuleSpec, opts ...WriteOption) (*ALBForwardingRule, *Response, error) {
	return write[ALBForwardingRule](ctx, s.c, http.MethodPut, at(albRulePath(datacenterID, albID, ruleID)), with(spec.put()), opts)
}

// DeleteForwardingRule deletes a forwarding rule of an application load
// balancer; the target groups it forwarded to stay.
func (s *ApplicationLoadBalancersService) DeleteForwardingRule(ctx context.Context, datacenterID, albID, ruleID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(albRulePath(datacenterID, albID, ruleID)), opts)
}

// WaitForAvailable polls an application load balancer until its state is
// AVAILABLE and returns it: the wait for an Update or Replace the API
// answered without a request. It fails at once with a *[FailedStateError]
// when the state becomes FAILED, and with the API's error when a poll
// fails. It polls with the client's [WaitPolicy] (or [WithWaitPolicy]); the
// context is the only timeout. [WithProgress] sees the state at every poll.
func (s *ApplicationLoadBalancersService) WaitForAvailable(ctx context.Context, datacenterID, albID string, opts ...WaitOption) (*ApplicationLoadBalancer, error) {
	return waitReadAvailable(ctx, s.c, "application load balancer", albID, at(albPath(datacenterID, albID)), func(v *ApplicationLoadBalancer) State { return v.Metadata.State }, opts)
}

// WaitForForwardingRuleAvailable polls a forwarding rule until its state is
// AVAILABLE and returns it, as WaitForAvailable does for the load balancer:
// the wait for an UpdateForwardingRule or ReplaceForwardingRule the API
// answered without a request.
func (s *ApplicationLoadBalancersService) WaitForForwardingRuleAvailable(ctx context.Context, datacenterID, albID, ruleID string, opts ...WaitOption) (*ALBForwardingRule, error) {
	return waitReadAvailable(ctx, s.c, "forwarding rule", ruleID, at(albRulePath(datacenterID, albID, ruleID)), func(v *ALBForwardingRule) State { return v.Metadata.State }, opts)
}
