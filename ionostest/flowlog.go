package ionostest

import (
	"net/http"
	"slices"
	"strings"
)

// Flow logs (Cloud API v6): the flow logs of NICs, NAT gateways, network
// load balancers and application load balancers, stored as children of
// their owner under "flowlogs". The routes are the same for every owner:
// a flow log needs its owner to exist (404 otherwise, as for every child
// resource) and a bucket (422 otherwise).

// flowLogOwners are the path patterns of the resources that carry flow
// logs.
var flowLogOwners = []string{
	"/datacenters/{}/servers/{}/nics/{}",
	"/datacenters/{}/natgateways/{}",
	"/datacenters/{}/networkloadbalancers/{}",
	"/datacenters/{}/applicationloadbalancers/{}",
}

func init() {
	entityName["flow-log"] = "flowlogs"
	// Name, action, direction and bucket: required by a create and by a
	// PUT (FlowLogPut has the same properties).
	requiredProps["flow-log"] = requiredV6["flow-log"]
}

// flowLogRoutes adds the flow log routes of every owner.
func flowLogRoutes(add func(pattern string, page int, m map[string]handler)) {
	for _, owner := range flowLogOwners {
		add(owner+"/flowlogs", 1000, map[string]handler{http.MethodGet: hList, http.MethodPost: hFlowLogCreate})
		add(owner+"/flowlogs/{}", 0, map[string]handler{
			http.MethodGet: hGet, http.MethodPatch: hFlowLogPatch, http.MethodPut: hFlowLogPut, http.MethodDelete: hDelete,
		})
	}
}

// flowLogEntityOwners are the types whose v6 entities include their flow
// logs, as the v6 document's NicEntities, NatGatewayEntities and
// NetworkLoadBalancerEntities do (ApplicationLoadBalancerEntities lists
// none, though the flow logs are there).
var flowLogEntityOwners = []string{"nic", "natgateway", "networkloadbalancer"}

// entitiesOf lists the entities rendered for a type in the request's
// version: on v6, the flow logs of their owners, the security groups of
// their holders, and a data center's network load balancers, NAT gateways
// and security groups too.
func (c *rctx) entitiesOf(typ string) []string {
	ents := entities[typ]
	if c.v6 && typ == "datacenter" {
		// v6's DataCenterEntities (with what the live v6 gained).
		ents = append(slices.Clone(ents), "networkloadbalancers", "natgateways", "securitygroups")
	}
	if c.v6 && slices.Contains(flowLogEntityOwners, typ) && !slices.Contains(ents, "flowlogs") {
		ents = append(slices.Clone(ents), "flowlogs")
	}
	return c.withSecurityGroups(typ, ents)
}

// hFlowLogCreate creates a flow log under an existing owner.
func hFlowLogCreate(c *rctx) {
	if c.st.node(parentOf(c.path())) == nil {
		c.fail(errNotFound())
		return
	}
	var body map[string]any
	if c.decode(&body) == nil {
		props, _ := body["properties"].(map[string]any)
		if e := checkFlowLogBucket(props); e != nil {
			c.fail(e)
			return
		}
	}
	hCreate("flow-log")(c)
}

// hFlowLogPatch changes a flow log; a bucket, when given, must name one.
func hFlowLogPatch(c *rctx) {
	var body map[string]any
	if c.st.node(c.path()) != nil && c.decode(&body) == nil {
		if e := checkFlowLogBucket(body); e != nil {
			c.fail(e)
			return
		}
	}
	hPatch(c)
}

// hFlowLogPut replaces a flow log's properties.
func hFlowLogPut(c *rctx) {
	var body map[string]any
	if c.st.node(c.path()) != nil && c.decode(&body) == nil {
		props, _ := body["properties"].(map[string]any)
		if e := checkFlowLogBucket(props); e != nil {
			c.fail(e)
			return
		}
	}
	hPut(c)
}

// checkFlowLogBucket refuses a bucket that names no bucket: "" or a key
// without a bucket ("/key"). A missing bucket is left to the required
// check; a bucket that is not a string to the type check.
func checkFlowLogBucket(props map[string]any) *apiErr {
	b, ok := props["bucket"].(string)
	if !ok {
		return nil
	}
	name, _, _ := strings.Cut(strings.TrimSpace(b), "/")
	if name == "" {
		return errInvalid("Attribute 'bucket' has an invalid value '%s': it must name an S3 bucket", b)
	}
	return nil
}
