package ionos

import (
	"context"
	"iter"
	"net/http"
)

// FlowLog is a flow log as the API returns it: a record of the traffic
// through a NIC, a NAT gateway or a load balancer, written to an IONOS
// Cloud S3 bucket. Cloud API v6 only.
type FlowLog struct {
	ID         string            `json:"id"`
	Type       string            `json:"type,omitempty"`
	Href       string            `json:"href,omitempty"`
	Metadata   Metadata          `json:"metadata,omitzero"`
	Properties FlowLogProperties `json:"properties,omitzero"`
}

// FlowLogProperties are a flow log's settings.
type FlowLogProperties struct {
	Name string `json:"name,omitempty"`
	// Action is the traffic logged: accepted, rejected or all of it.
	Action FlowLogAction `json:"action,omitempty"`
	// Direction is the traffic logged: incoming, outgoing or both.
	Direction FlowLogDirection `json:"direction,omitempty"`
	// Bucket is the S3 bucket the log is written to, with an optional key
	// prefix: "bucketName" or "bucketName/key".
	Bucket string `json:"bucket,omitempty"`
}

// FlowLogAction is the traffic a flow log records, by what the firewall
// did with it ([FlowLogSpec].Action).
type FlowLogAction string

// Flow log actions.
const (
	FlowLogAccepted FlowLogAction = "ACCEPTED"
	FlowLogRejected FlowLogAction = "REJECTED"
	FlowLogAll      FlowLogAction = "ALL"
)

// FlowLogDirection is the traffic a flow log records, by its direction
// ([FlowLogSpec].Direction).
type FlowLogDirection string

// Flow log directions.
const (
	FlowLogIngress       FlowLogDirection = "INGRESS"
	FlowLogEgress        FlowLogDirection = "EGRESS"
	FlowLogBidirectional FlowLogDirection = "BIDIRECTIONAL"
)

// FlowLogSpec describes a flow log to create ([FlowLogsService.Create]) or
// the properties that replace a flow log's ([FlowLogsService.Replace]).
// Every field is required.
type FlowLogSpec struct {
	Name      string
	Action    FlowLogAction
	Direction FlowLogDirection
	// Bucket is an existing IONOS Cloud S3 bucket, with an optional key
	// prefix: "bucketName" or "bucketName/key".
	Bucket string
}

// flowLogBody is the body of a flow log's POST (FlowLog) and PUT
// (FlowLogPut): {"properties": {...}} for both.
type flowLogBody = putBody[FlowLogProperties]

// body checks that every required field is set and builds the body.
func (s *FlowLogSpec) body(field string) (*flowLogBody, error) {
	for _, f := range []struct{ name, val string }{
		{"Name", s.Name}, {"Action", string(s.Action)}, {"Direction", string(s.Direction)}, {"Bucket", s.Bucket},
	} {
		if f.val == "" {
			return nil, invalid(field+"."+f.name, "is required")
		}
	}
	return &flowLogBody{Properties: FlowLogProperties{Name: s.Name, Action: s.Action, Direction: s.Direction, Bucket: s.Bucket}}, nil
}

// FlowLogUpdate changes the fields of a flow log that are set (PATCH); the
// others keep their value. A field set to "" is refused before sending:
// every property of a flow log is required.
type FlowLogUpdate struct {
	Name      *string           `json:"name,omitempty"`
	Action    *FlowLogAction    `json:"action,omitempty"`
	Direction *FlowLogDirection `json:"direction,omitempty"`
	Bucket    *string           `json:"bucket,omitempty"`
}

// check refuses a field set to "".
func (u *FlowLogUpdate) check() error {
	switch {
	case u.Name != nil && *u.Name == "":
		return invalid("FlowLogUpdate.Name", "must not be empty")
	case u.Action != nil && *u.Action == "":
		return invalid("FlowLogUpdate.Action", "must not be empty")
	case u.Direction != nil && *u.Direction == "":
		return invalid("FlowLogUpdate.Direction", "must not be empty")
	case u.Bucket != nil && *u.Bucket == "":
		return invalid("FlowLogUpdate.Bucket", "must not be empty")
	}
	return nil
}

// FlowLogOwner names what a flow log is on: a NIC, a NAT gateway, a
// network load balancer or an application load balancer. Make one with
// [NICFlowLogs], [NATGatewayFlowLogs], [NetworkLoadBalancerFlowLogs] or
// [ApplicationLoadBalancerFlowLogs]; their IDs are checked when a call
// uses the owner, before anything is sent.
type FlowLogOwner struct {
	pattern string
	ids     []idArg
}

// NICFlowLogs is the owner of the flow logs of a server's NIC
// (/datacenters/{dc}/servers/{srv}/nics/{nic}/flowlogs).
func NICFlowLogs(datacenterID, serverID, nicID string) FlowLogOwner {
	return FlowLogOwner{"/datacenters/{}/servers/{}/nics/{}/flowlogs", []idArg{id("datacenterID", datacenterID), id("serverID", serverID), id("nicID", nicID)}}
}

// NATGatewayFlowLogs is the owner of the flow logs of a NAT gateway
// (/datacenters/{dc}/natgateways/{id}/flowlogs).
func NATGatewayFlowLogs(datacenterID, natGatewayID string) FlowLogOwner {
	return FlowLogOwner{"/datacenters/{}/natgateways/{}/flowlogs", []idArg{id("datacenterID", datacenterID), id("natGatewayID", natGatewayID)}}
}

// NetworkLoadBalancerFlowLogs is the owner of the flow logs of a network
// load balancer (/datacenters/{dc}/networkloadbalancers/{id}/flowlogs).
func NetworkLoadBalancerFlowLogs(datacenterID, networkLoadBalancerID string) FlowLogOwner {
	return FlowLogOwner{"/datacenters/{}/networkloadbalancers/{}/flowlogs", []idArg{id("datacenterID", datacenterID), id("networkLoadBalancerID", networkLoadBalancerID)}}
}

// ApplicationLoadBalancerFlowLogs is the owner of the flow logs of an
// application load balancer
// (/datacenters/{dc}/applicationloadbalancers/{id}/flowlogs).
func ApplicationLoadBalancerFlowLogs(datacenterID, applicationLoadBalancerID string) FlowLogOwner {
	return FlowLogOwner{"/datacenters/{}/applicationloadbalancers/{}/flowlogs", []idArg{id("datacenterID", datacenterID), id("applicationLoadBalancerID", applicationLoadBalancerID)}}
}

const emptyFlowLogOwner = "is empty: use NICFlowLogs, NATGatewayFlowLogs, NetworkLoadBalancerFlowLogs or ApplicationLoadBalancerFlowLogs"

// collection is the path of the owner's flow log list.
func (o FlowLogOwner) collection() (string, error) {
	if o.pattern == "" {
		return "", invalid("FlowLogOwner", emptyFlowLogOwner)
	}
	return pathOf(o.pattern, o.ids...)
}

// item is the path of one flow log of the owner.
func (o FlowLogOwner) item(flowLogID string) (string, error) {
	if o.pattern == "" {
		return "", invalid("FlowLogOwner", emptyFlowLogOwner)
	}
	return pathOf(o.pattern+"/{}", append(append([]idArg(nil), o.ids...), id("flowLogID", flowLogID))...)
}

// FlowLogsService manages the flow logs of NICs, NAT gateways, network
// load balancers and application load balancers; every call names the
// owner ([NICFlowLogs] and the like). Cloud API v6 only: a client that
// speaks v5 refuses every call before sending, with a *[VersionError].
//
// Create and Delete answer with a request to wait for
// ([Client.WaitForCompletion]). The API documents Update and Replace of
// the flow logs of NAT gateways and load balancers as accepted (202)
// without a Location: when the Response names no request (its RequestID is
// empty), wait with WaitForAvailable. A write the API accepts without a
// body succeeds with a nil flow log, no error and the *Response.
type FlowLogsService struct{ c *Client }

// List returns every flow log of the owner, following the pages of the
// collection until it is complete ([WithPage] asks for one page), at the
// client's default depth unless [WithDepth] is given.
func (s *FlowLogsService) List(ctx context.Context, owner FlowLogOwner, opts ...ListOption) ([]FlowLog, *Response, error) {
	return list[FlowLog](ctx, s.c, at(owner.collection()), opts)
}

// All iterates over the flow logs of the owner page by page; breaking out
// of the loop stops fetching. An invalid owner is yielded as the only
// error.
func (s *FlowLogsService) All(ctx context.Context, owner FlowLogOwner, opts ...ListOption) iter.Seq2[FlowLog, error] {
	return all[FlowLog](ctx, s.c, at(owner.collection()), opts)
}

// Get returns one flow log of the owner.
func (s *FlowLogsService) Get(ctx context.Context, owner FlowLogOwner, flowLogID string, opts ...ReadOption) (*FlowLog, *Response, error) {
	return get[FlowLog](ctx, s.c, at(owner.item(flowLogID)), opts)
}

// Create adds a flow log to the owner and returns it as the API accepted
// it, with its new ID; it is ready once the request in the Response is
// DONE ([Client.WaitForCompletion]). Every field of spec is required.
func (s *FlowLogsService) Create(ctx context.Context, owner FlowLogOwner, spec FlowLogSpec, opts ...WriteOption) (*FlowLog, *Response, error) {
	return write[FlowLog](ctx, s.c, http.MethodPost, at(owner.collection()), with(spec.body("FlowLogSpec")), opts)
}

// Update changes the fields of a flow log that upd sets (PATCH). When the
// Response names no request (as the API documents for NAT gateways and
// load balancers), wait with WaitForAvailable.
func (s *FlowLogsService) Update(ctx context.Context, owner FlowLogOwner, flowLogID string, upd FlowLogUpdate, opts ...WriteOption) (*FlowLog, *Response, error) {
	return write[FlowLog](ctx, s.c, http.MethodPatch, at(owner.item(flowLogID)), with(&upd, upd.check()), opts)
}

// Replace replaces every property of a flow log with spec's (PUT); every
// field of spec is required. When the Response names no request, wait
// with WaitForAvailable.
func (s *FlowLogsService) Replace(ctx context.Context, owner FlowLogOwner, flowLogID string, spec FlowLogSpec, opts ...WriteOption) (*FlowLog, *Response, error) {
	return write[FlowLog](ctx, s.c, http.MethodPut, at(owner.item(flowLogID)), with(spec.body("FlowLogSpec")), opts)
}

// Delete deletes a flow log of the owner.
func (s *FlowLogsService) Delete(ctx context.Context, owner FlowLogOwner, flowLogID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(owner.item(flowLogID)), opts)
}

// WaitForAvailable polls a flow log until its state (Metadata.State) is
// AVAILABLE and returns it: the wait for an Update or Replace that the API
// accepted without a request to poll. It fails at once with a
// *[FailedStateError] ([ErrFailedState]) when the state starts with
// FAILED, and with the API's error when a poll fails. It polls with the
// client's [WaitPolicy] (or [WithWaitPolicy]); the context is the only
// timeout. [WithProgress] sees the state at every poll. Right after a
// write, the flow log may still read AVAILABLE for a moment before the API
// starts the change.
func (s *FlowLogsService) WaitForAvailable(ctx context.Context, owner FlowLogOwner, flowLogID string, opts ...WaitOption) (*FlowLog, error) {
	return waitReadAvailable(ctx, s.c, "flow log", flowLogID, at(owner.item(flowLogID)), func(v *FlowLog) State { return v.Metadata.State }, opts)
}
