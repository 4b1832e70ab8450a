package ionos

import (
	"context"
	"iter"
	"net/http"
	"strconv"
)

// TargetGroupAlgorithm is how a target group spreads requests over its
// targets ([TargetGroupSpec].Algorithm).
type TargetGroupAlgorithm string

// Target group balancing algorithms.
const (
	TargetGroupRoundRobin      TargetGroupAlgorithm = "ROUND_ROBIN"
	TargetGroupLeastConnection TargetGroupAlgorithm = "LEAST_CONNECTION"
	TargetGroupRandom          TargetGroupAlgorithm = "RANDOM"
	TargetGroupSourceIP        TargetGroupAlgorithm = "SOURCE_IP"
)

// TargetGroupProtocol is the protocol a target group balances
// ([TargetGroupSpec].Protocol).
type TargetGroupProtocol string

// Target group protocols.
const (
	TargetGroupHTTP TargetGroupProtocol = "HTTP"
)

// TargetGroupProtocolVersion is the HTTP version spoken to the targets
// (the live v6 API's protocolVersion).
type TargetGroupProtocolVersion string

// Target group protocol versions.
const (
	TargetGroupHTTP1 TargetGroupProtocolVersion = "HTTP1"
	TargetGroupHTTP2 TargetGroupProtocolVersion = "HTTP2"
)

// TargetGroupProxyProtocol is the proxy protocol a target is spoken to
// with (the live v6 API's proxyProtocol).
type TargetGroupProxyProtocol string

// Target proxy protocols.
const (
	TargetGroupProxyNone  TargetGroupProxyProtocol = "none"
	TargetGroupProxyV1    TargetGroupProxyProtocol = "v1"
	TargetGroupProxyV2    TargetGroupProxyProtocol = "v2"
	TargetGroupProxyV2SSL TargetGroupProxyProtocol = "v2ssl"
)

// HealthCheckMethod is the HTTP method of a target group's HTTP health
// check.
type HealthCheckMethod string

// HTTP health check methods.
const (
	HealthCheckHEAD    HealthCheckMethod = "HEAD"
	HealthCheckGET     HealthCheckMethod = "GET"
	HealthCheckPOST    HealthCheckMethod = "POST"
	HealthCheckPUT     HealthCheckMethod = "PUT"
	HealthCheckPATCH   HealthCheckMethod = "PATCH"
	HealthCheckTRACE   HealthCheckMethod = "TRACE"
	HealthCheckOPTIONS HealthCheckMethod = "OPTIONS"
)

// HealthCheckMatchType is what an HTTP health check compares with its
// Response.
type HealthCheckMatchType string

// HTTP health check match types.
const (
	HealthCheckMatchStatusCode   HealthCheckMatchType = "STATUS_CODE"
	HealthCheckMatchResponseBody HealthCheckMatchType = "RESPONSE_BODY"
)

// TargetGroup is a target group as the API returns it (Cloud API v6): the
// targets an application load balancer's FORWARD rules send requests to.
type TargetGroup struct {
	ID         string                `json:"id"`
	Type       string                `json:"type,omitempty"`
	Href       string                `json:"href,omitempty"`
	Metadata   Metadata              `json:"metadata,omitzero"`
	Properties TargetGroupProperties `json:"properties,omitzero"`
}

// TargetGroupProperties are a target group's settings.
type TargetGroupProperties struct {
	Name            string                      `json:"name,omitempty"`
	Algorithm       TargetGroupAlgorithm        `json:"algorithm,omitempty"`
	Protocol        TargetGroupProtocol         `json:"protocol,omitempty"`
	ProtocolVersion TargetGroupProtocolVersion  `json:"protocolVersion,omitempty"`
	Targets         []TargetGroupTarget         `json:"targets,omitempty"`
	HealthCheck     *TargetGroupHealthCheck     `json:"healthCheck,omitempty"`
	HTTPHealthCheck *TargetGroupHTTPHealthCheck `json:"httpHealthCheck,omitempty"`
}

// TargetGroupTarget is a balanced target: a server's IP and port.
type TargetGroupTarget struct {
	IP   string `json:"ip,omitempty"`
	Port int    `json:"port"`
	// Weight shares the traffic (0..256); 0 takes the target out of
	// balancing.
	Weight             int  `json:"weight"`
	HealthCheckEnabled bool `json:"healthCheckEnabled"`
	MaintenanceEnabled bool `json:"maintenanceEnabled"`
	// ProxyProtocol came with the live v6 API.
	ProxyProtocol TargetGroupProxyProtocol `json:"proxyProtocol,omitempty"`
}

// TargetGroupHealthCheck is how a target group checks its targets; times
// are in milliseconds.
type TargetGroupHealthCheck struct {
	CheckTimeout  int `json:"checkTimeout"`
	CheckInterval int `json:"checkInterval"`
	Retries       int `json:"retries"`
}

// TargetGroupHTTPHealthCheck is the HTTP request of a target group's
// health check and the answer it expects.
type TargetGroupHTTPHealthCheck struct {
	Path      string               `json:"path,omitempty"`
	Method    HealthCheckMethod    `json:"method,omitempty"`
	MatchType HealthCheckMatchType `json:"matchType"`
	Response  string               `json:"response"`
	Regex     bool                 `json:"regex"`
	Negate    bool                 `json:"negate"`
}

// TargetGroupTargetSpec describes a target of a target group. IP and Port (1..65535)
// are required; Weight (0..256) is always sent, as the API requires it: 0
// takes the target out of balancing.
type TargetGroupTargetSpec struct {
	IP     string
	Port   int
	Weight int
	// HealthCheckEnabled and MaintenanceEnabled are sent when set; nil
	// leaves the API's defaults (checked, not in maintenance).
	HealthCheckEnabled *bool
	MaintenanceEnabled *bool
	ProxyProtocol      TargetGroupProxyProtocol
}

type tgTargetWire struct {
	IP                 string                   `json:"ip"`
	Port               int                      `json:"port"`
	Weight             int                      `json:"weight"`
	HealthCheckEnabled *bool                    `json:"healthCheckEnabled,omitempty"`
	MaintenanceEnabled *bool                    `json:"maintenanceEnabled,omitempty"`
	ProxyProtocol      TargetGroupProxyProtocol `json:"proxyProtocol,omitempty"`
}

// TargetGroupHealthCheckSpec sets a target group's health check; unset fields keep the
// API's defaults (interval 2000 ms, 3 retries). Times are in milliseconds.
type TargetGroupHealthCheckSpec struct {
	CheckTimeout  *int `json:"checkTimeout,omitempty"`
	CheckInterval *int `json:"checkInterval,omitempty"`
	// Retries is 0..65535.
	Retries *int `json:"retries,omitempty"`
}

// TargetGroupHTTPHealthCheckSpec sets a target group's HTTP health check.
// MatchType and Response are required.
type TargetGroupHTTPHealthCheckSpec struct {
	Path      string               `json:"path,omitempty"`
	Method    HealthCheckMethod    `json:"method,omitempty"`
	MatchType HealthCheckMatchType `json:"matchType"`
	Response  string               `json:"response"`
	Regex     bool                 `json:"regex,omitempty"`
	Negate    bool                 `json:"negate,omitempty"`
}

// TargetGroupSpec describes a target group to create (TargetGroups.Create)
// or the properties of a full replace (TargetGroups.Replace).
type TargetGroupSpec struct {
	// Name and Algorithm are required.
	Name      string
	Algorithm TargetGroupAlgorithm
	// Protocol is HTTP when empty, the only protocol the API knows.
	Protocol        TargetGroupProtocol
	ProtocolVersion TargetGroupProtocolVersion
	Targets         []TargetGroupTargetSpec
	HealthCheck     *TargetGroupHealthCheckSpec
	HTTPHealthCheck *TargetGroupHTTPHealthCheckSpec
}

type targetGroupWire struct {
	Name            string                          `json:"name,omitempty"`
	Algorithm       TargetGroupAlgorithm            `json:"algorithm,omitempty"`
	Protocol        TargetGroupProtocol             `json:"protocol,omitempty"`
	ProtocolVersion TargetGroupProtocolVersion      `json:"protocolVersion,omitempty"`
	Targets         []tgTargetWire                  `json:"targets,omitempty"`
	HealthCheck     *TargetGroupHealthCheckSpec     `json:"healthCheck,omitempty"`
	HTTPHealthCheck *TargetGroupHTTPHealthCheckSpec `json:"httpHealthCheck,omitempty"`
}

func tgTargets(field string, ts []TargetGroupTargetSpec) ([]tgTargetWire, error) {
	out := make([]tgTargetWire, 0, len(ts))
	for i, t := range ts {
		f := field + "[" + strconv.Itoa(i) + "]"
		if t.IP == "" {
			return nil, invalid(f+".IP", "is required")
		}
		if !isIP(t.IP) {
			return nil, invalid(f+".IP", "%q is not an IP address", t.IP)
		}
		if err := albCheckPort(f+".Port", t.Port); err != nil {
			return nil, err
		}
		if t.Weight < 0 || t.Weight > 256 {
			return nil, invalid(f+".Weight", "%d is outside 0..256", t.Weight)
		}
		out = append(out, tgTargetWire(t))
	}
	return out, nil
}

func tgCheckHealthChecks(field string, hc *TargetGroupHealthCheckSpec, http *TargetGroupHTTPHealthCheckSpec) error {
	if hc != nil {
		if hc.Retries != nil && (*hc.Retries < 0 || *hc.Retries > 65535) {
			return invalid(field+".HealthCheck.Retries", "%d is outside 0..65535", *hc.Retries)
		}
		if hc.CheckTimeout != nil && *hc.CheckTimeout < 0 {
			return invalid(field+".HealthCheck.CheckTimeout", "%d is negative", *hc.CheckTimeout)
		}
		if hc.CheckInterval != nil && *hc.CheckInterval < 0 {
			return invalid(field+".HealthCheck.CheckInterval", "%d is negative", *hc.CheckInterval)
		}
	}
	if http != nil {
		if http.MatchType == "" {
			return invalid(field+".HTTPHealthCheck.MatchType", "is required")
		}
		if http.Response == "" {
			return invalid(field+".HTTPHealthCheck.Response", "is required")
		}
	}
	return nil
}

func (s *TargetGroupSpec) properties() (*targetGroupWire, error) {
	const f = "TargetGroupSpec"
	if s.Name == "" {
		return nil, invalid(f+".Name", "is required")
	}
	if s.Algorithm == "" {
		return nil, invalid(f+".Algorithm", "is required")
	}
	ts, err := tgTargets(f+".Targets", s.Targets)
	if err != nil {
		return nil, err
	}
	if err := tgCheckHealthChecks(f, s.HealthCheck, s.HTTPHealthCheck); err != nil {
		return nil, err
	}
	proto := s.Protocol
	if proto == "" {
		proto = TargetGroupHTTP
	}
	return &targetGroupWire{Name: s.Name, Algorithm: s.Algorithm, Protocol: proto, ProtocolVersion: s.ProtocolVersion,
		Targets: ts, HealthCheck: s.HealthCheck, HTTPHealthCheck: s.HTTPHealthCheck}, nil
}

func (s *TargetGroupSpec) post() (*post[*targetGroupWire, noEntities], error) {
	p, err := s.properties()
	if err != nil {
		return nil, err
	}
	return &post[*targetGroupWire, noEntities]{Properties: p}, nil
}

func (s *TargetGroupSpec) put() (*putBody[*targetGroupWire], error) {
	p, err := s.properties()
	if err != nil {
		return nil, err
	}
	return &putBody[*targetGroupWire]{Properties: p}, nil
}

// TargetGroupUpdate changes the fields of a target group that are set; the
// others keep their value (PATCH).
type TargetGroupUpdate struct {
	Name            *string
	Algorithm       *TargetGroupAlgorithm
	Protocol        *TargetGroupProtocol
	ProtocolVersion *TargetGroupProtocolVersion
	// Targets replaces all targets when non-empty; ClearTargets removes
	// them.
	Targets         []TargetGroupTargetSpec
	ClearTargets    bool
	HealthCheck     *TargetGroupHealthCheckSpec
	HTTPHealthCheck *TargetGroupHTTPHealthCheckSpec
}

type targetGroupPatch struct {
	Name            *string                         `json:"name,omitempty"`
	Algorithm       *TargetGroupAlgorithm           `json:"algorithm,omitempty"`
	Protocol        *TargetGroupProtocol            `json:"protocol,omitempty"`
	ProtocolVersion *TargetGroupProtocolVersion     `json:"protocolVersion,omitempty"`
	Targets         []tgTargetWire                  `json:"targets,omitzero"`
	HealthCheck     *TargetGroupHealthCheckSpec     `json:"healthCheck,omitempty"`
	HTTPHealthCheck *TargetGroupHTTPHealthCheckSpec `json:"httpHealthCheck,omitempty"`
}

func (u *TargetGroupUpdate) body() (*targetGroupPatch, error) {
	const f = "TargetGroupUpdate"
	specs, err := replacedList(f+".ClearTargets", u.Targets, u.ClearTargets)
	if err != nil {
		return nil, err
	}
	var ts []tgTargetWire
	if specs != nil {
		if ts, err = tgTargets(f+".Targets", specs); err != nil {
			return nil, err
		}
	}
	if err := tgCheckHealthChecks(f, u.HealthCheck, u.HTTPHealthCheck); err != nil {
		return nil, err
	}
	return &targetGroupPatch{Name: u.Name, Algorithm: u.Algorithm, Protocol: u.Protocol, ProtocolVersion: u.ProtocolVersion,
		Targets: ts, HealthCheck: u.HealthCheck, HTTPHealthCheck: u.HTTPHealthCheck}, nil
}

// TargetGroupsService manages target groups (/targetgroups), the pools of
// targets behind application load balancers. Only Cloud API v6 has them: a
// client that speaks v5 refuses every call before sending, with a
// *[VersionError] ([ErrUnsupportedVersion]). Create and Delete answer with
// a request to wait on ([Client.WaitForCompletion]); the API documents
// Update and Replace without one: wait for them with WaitForAvailable.
type TargetGroupsService struct{ c *Client }

// targetGroupsMaxPage is the largest page GET /targetgroups takes.
const targetGroupsMaxPage = 200

func targetGroupPath(targetGroupID string) (string, error) {
	return pathOf("/targetgroups/{}", id("targetGroupID", targetGroupID))
}

// List returns every target group, following the pages of the collection
// until it is complete ([WithPage] asks for one page of at most 200). The
// client's default depth is sent unless [WithDepth] is given.
func (s *TargetGroupsService) List(ctx context.Context, opts ...ListOption) ([]TargetGroup, *Response, error) {
	return list[TargetGroup](ctx, s.c, fixed("/targetgroups").paged(targetGroupsMaxPage), opts)
}

// All iterates over the target groups page by page; breaking out of the
// loop stops fetching.
func (s *TargetGroupsService) All(ctx context.Context, opts ...ListOption) iter.Seq2[TargetGroup, error] {
	return all[TargetGroup](ctx, s.c, fixed("/targetgroups").paged(targetGroupsMaxPage), opts)
}

// Get returns one target group, at the client's default depth unless
// [WithDepth] is given.
func (s *TargetGroupsService) Get(ctx context.Context, targetGroupID string, opts ...ReadOption) (*TargetGroup, *Response, error) {
	return get[TargetGroup](ctx, s.c, at(targetGroupPath(targetGroupID)), opts)
}

// Create creates a target group and returns it as the API accepted it; it
// is ready once the request in the Response is DONE
// ([Client.WaitForCompletion]).
func (s *TargetGroupsService) Create(ctx context.Context, spec TargetGroupSpec, opts ...WriteOption) (*TargetGroup, *Response, error) {
	return write[TargetGroup](ctx, s.c, http.MethodPost, fixed("/targetgroups"), with(spec.post()), opts)
}

// Update changes the fields of a target group that upd sets (PATCH);
// targets are replaced as a whole. The API may answer without a request to
// wait on: wait with WaitForAvailable.
func (s *TargetGroupsService) Update(ctx context.Context, targetGroupID string, upd TargetGroupUpdate, opts ...WriteOption) (*TargetGroup, *Response, error) {
	return write[TargetGroup](ctx, s.c, http.MethodPatch, at(targetGroupPath(targetGroupID)), with(upd.body()), opts)
}

// Replace replaces every property of a target group with spec's (PUT);
// properties spec leaves empty are reset. The API may answer without a
// request to wait on: wait with WaitForAvailable.
func (s *TargetGroupsService) Replace(ctx context.Context, targetGroupID string, spec TargetGroupSpec, opts ...WriteOption) (*TargetGroup, *Response, error) {
	return write[TargetGroup](ctx, s.c, http.MethodPut, at(targetGroupPath(targetGroupID)), with(spec.put()), opts)
}

// Delete deletes a target group. The API refuses (422, [ErrValidation]) a
// group that an application load balancer's HTTP rule still forwards to.
func (s *TargetGroupsService) Delete(ctx context.Context, targetGroupID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(targetGroupPath(targetGroupID)), opts)
}

// WaitForAvailable polls a target group until its state is AVAILABLE and
// returns it: the wait for an Update or Replace the API answered without a
// request. It fails at once with a *[FailedStateError] when the state
// becomes FAILED, and with the API's error when a poll fails. It polls with
// the client's [WaitPolicy] (or [WithWaitPolicy]); the context is the only
// timeout. [WithProgress] sees the state at every poll.
func (s *TargetGroupsService) WaitForAvailable(ctx context.Context, targetGroupID string, opts ...WaitOption) (*TargetGroup, error) {
	return waitReadAvailable(ctx, s.c, "target group", targetGroupID, at(targetGroupPath(targetGroupID)), func(v *TargetGroup) State { return v.Metadata.State }, opts)
}
