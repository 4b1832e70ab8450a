package ionostest

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/internal/oascheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flowLogNIC makes a data center, a server and a NIC, and returns the path
// of the NIC's flow logs with the IDs.
func flowLogNIC(t *testing.T, srv *Server) (path, dcID, serverID, nicID string) {
	t.Helper()
	_, dc := call(t, srv, "POST", "/datacenters", map[string]any{"properties": map[string]any{"name": "fl", "location": "de/fra"}})
	dcID = str(dc["id"])
	_, s := call(t, srv, "POST", "/datacenters/"+dcID+"/servers", map[string]any{"properties": map[string]any{"name": "s", "cores": 1, "ram": 1024}})
	serverID = str(s["id"])
	resp, n := call(t, srv, "POST", "/datacenters/"+dcID+"/servers/"+serverID+"/nics", map[string]any{"properties": map[string]any{"lan": 1}})
	require.Equal(t, 202, resp.StatusCode)
	nicID = str(n["id"])
	return "/datacenters/" + dcID + "/servers/" + serverID + "/nics/" + nicID + "/flowlogs", dcID, serverID, nicID
}

func flowLogProps(name, action, direction, bucket string) map[string]any {
	return map[string]any{"properties": map[string]any{"name": name, "action": action, "direction": direction, "bucket": bucket}}
}

// The whole life of a NIC's flow log through the SDK: async writes with
// requests to wait on, reads, depth, deletion once DONE.
func TestFlowLogsLifecycleOnNIC(t *testing.T) {
	srv := newV6(t, WithStrictBodies(), WithCompletionDelay(20*time.Millisecond))
	_, dcID, serverID, nicID := flowLogNIC(t, srv)
	c := srv.Client()
	ctx := context.Background()
	owner := ionos.NICFlowLogs(dcID, serverID, nicID)

	fl, resp, err := c.FlowLogs.Create(ctx, owner, ionos.FlowLogSpec{Name: "rejected-in", Action: ionos.FlowLogRejected, Direction: ionos.FlowLogIngress, Bucket: "logs/web"})
	require.NoError(t, err)
	assert.Equal(t, 202, resp.StatusCode)
	require.NotEmpty(t, resp.RequestID, "a create answers a request to wait for")
	assert.Equal(t, ionos.StateBusy, fl.Metadata.State)
	assert.Equal(t, "flow-log", fl.Type)
	assert.Equal(t, srv.URL+"/datacenters/"+dcID+"/servers/"+serverID+"/nics/"+nicID+"/flowlogs/"+fl.ID, fl.Href)
	st, err := c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	assert.Equal(t, ionos.RequestDone, st.Metadata.Status)

	got, _, err := c.FlowLogs.Get(ctx, owner, fl.ID)
	require.NoError(t, err)
	assert.Equal(t, ionos.StateAvailable, got.Metadata.State)
	assert.Equal(t, ionos.FlowLogProperties{Name: "rejected-in", Action: ionos.FlowLogRejected, Direction: ionos.FlowLogIngress, Bucket: "logs/web"}, got.Properties)

	upd, resp, err := c.FlowLogs.Update(ctx, owner, fl.ID, ionos.FlowLogUpdate{Direction: ionos.Ptr(ionos.FlowLogBidirectional)})
	require.NoError(t, err)
	assert.Equal(t, ionos.StateBusy, upd.Metadata.State)
	assert.Equal(t, "rejected-in", upd.Properties.Name, "a PATCH keeps what it does not name")
	got, err = c.FlowLogs.WaitForAvailable(ctx, owner, fl.ID)
	require.NoError(t, err)
	assert.Equal(t, ionos.FlowLogBidirectional, got.Properties.Direction)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	_, resp, err = c.FlowLogs.Replace(ctx, owner, fl.ID, ionos.FlowLogSpec{Name: "all", Action: ionos.FlowLogAll, Direction: ionos.FlowLogEgress, Bucket: "archive"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	_, resp, err = c.FlowLogs.Create(ctx, owner, ionos.FlowLogSpec{Name: "second", Action: ionos.FlowLogAccepted, Direction: ionos.FlowLogEgress, Bucket: "archive"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	list, _, err := c.FlowLogs.List(ctx, owner, ionos.WithPage(0, 1))
	require.NoError(t, err)
	require.Len(t, list, 1, "one page")
	list, _, err = c.FlowLogs.List(ctx, owner)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, ionos.FlowLogProperties{Name: "all", Action: ionos.FlowLogAll, Direction: ionos.FlowLogEgress, Bucket: "archive"}, list[0].Properties)

	// Depth: a v6 NIC lists its flow logs.
	nic, _, err := c.NICs.Get(ctx, dcID, serverID, nicID, ionos.WithDepth(2))
	require.NoError(t, err)
	require.Len(t, nic.Entities.FlowLogs.Items, 2)
	assert.Equal(t, "all", nic.Entities.FlowLogs.Items[0].Properties.Name)
	nic, _, err = c.NICs.Get(ctx, dcID, serverID, nicID, ionos.WithDepth(1))
	require.NoError(t, err)
	require.Len(t, nic.Entities.FlowLogs.Items, 2)
	assert.Empty(t, nic.Entities.FlowLogs.Items[0].Properties.Name, "references only at depth 1")

	resp, err = c.FlowLogs.Delete(ctx, owner, fl.ID)
	require.NoError(t, err)
	_, _, err = c.FlowLogs.Get(ctx, owner, fl.ID)
	require.NoError(t, err, "deleted once the request is DONE")
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, _, err = c.FlowLogs.Get(ctx, owner, fl.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)

	// Deleting the NIC takes its flow logs along.
	resp, err = c.NICs.Delete(ctx, dcID, serverID, nicID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, _, err = c.FlowLogs.List(ctx, owner)
	assert.ErrorIs(t, err, ionos.ErrNotFound)
}

// A flow log needs an existing owner and a bucket; its action and
// direction are the spec's enums. Each refusal is the API's error body.
func TestFlowLogsReferentialRules(t *testing.T) {
	srv := newV6(t)
	path, dcID, serverID, _ := flowLogNIC(t, srv)
	good := flowLogProps("n", "ALL", "INGRESS", "logs")

	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		msg                string
	}{
		{"unknown NIC", "POST", "/datacenters/" + dcID + "/servers/" + serverID + "/nics/00000000-0000-4000-8000-000000000000/flowlogs", good, 404, "Resource does not exist"},
		{"unknown data center", "POST", "/datacenters/00000000-0000-4000-8000-000000000000/servers/" + serverID + "/nics/x/flowlogs", good, 404, "Resource does not exist"},
		{"unknown NAT gateway", "POST", "/datacenters/" + dcID + "/natgateways/00000000-0000-4000-8000-000000000000/flowlogs", good, 404, "Resource does not exist"},
		{"unknown network load balancer", "GET", "/datacenters/" + dcID + "/networkloadbalancers/00000000-0000-4000-8000-000000000000/flowlogs", nil, 404, "Resource does not exist"},
		{"unknown application load balancer", "GET", "/datacenters/" + dcID + "/applicationloadbalancers/00000000-0000-4000-8000-000000000000/flowlogs/x", nil, 404, "Resource does not exist"},
		{"no bucket", "POST", path, map[string]any{"properties": map[string]any{"name": "n", "action": "ALL", "direction": "INGRESS"}}, 422, "Attribute 'bucket' is required"},
		{"empty bucket", "POST", path, flowLogProps("n", "ALL", "INGRESS", ""), 422, "Attribute 'bucket' has an invalid value"},
		{"a key without a bucket", "POST", path, flowLogProps("n", "ALL", "INGRESS", "/key"), 422, "Attribute 'bucket' has an invalid value"},
		{"no name", "POST", path, map[string]any{"properties": map[string]any{"action": "ALL", "direction": "INGRESS", "bucket": "b"}}, 422, "Attribute 'name' is required"},
		{"unknown action", "POST", path, flowLogProps("n", "DROPPED", "INGRESS", "logs"), 422, "Attribute 'action' has an invalid value 'DROPPED'"},
		{"unknown direction", "POST", path, flowLogProps("n", "ALL", "SIDEWAYS", "logs"), 422, "Attribute 'direction' has an invalid value 'SIDEWAYS'"},
		{"no properties", "POST", path, map[string]any{}, 422, "Attribute 'properties' is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := call(t, srv, tc.method, tc.path, tc.body)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, float64(tc.status), body["httpStatus"])
			msgs, _ := body["messages"].([]any)
			require.Len(t, msgs, 1)
			assert.Contains(t, str(m0(msgs[0])["message"]), tc.msg)
		})
	}

	// Updates keep the rules.
	resp, fl := call(t, srv, "POST", path, good)
	require.Equal(t, 202, resp.StatusCode)
	item := path + "/" + str(fl["id"])
	resp, _ = call(t, srv, "PATCH", item, map[string]any{"bucket": ""})
	assert.Equal(t, 422, resp.StatusCode)
	resp, _ = call(t, srv, "PATCH", item, map[string]any{"direction": "BOTH"})
	assert.Equal(t, 422, resp.StatusCode)
	resp, _ = call(t, srv, "PUT", item, map[string]any{"properties": map[string]any{"name": "n", "action": "ALL", "direction": "INGRESS"}})
	assert.Equal(t, 422, resp.StatusCode, "a PUT needs the bucket too")
	resp, _ = call(t, srv, "PUT", item, flowLogProps("n", "ALL", "INGRESS", " "))
	assert.Equal(t, 422, resp.StatusCode)
	resp, _ = call(t, srv, "PATCH", path+"/00000000-0000-4000-8000-000000000000", map[string]any{"bucket": ""})
	assert.Equal(t, 404, resp.StatusCode, "an unknown flow log is a 404 before its body is read")
	_, got := call(t, srv, "GET", item, nil)
	assert.Equal(t, "logs", str(m0(got["properties"])["bucket"]), "refused writes change nothing")
	resp, _ = call(t, srv, "PATCH", item, map[string]any{"bucket": "other/prefix"})
	assert.Equal(t, 202, resp.StatusCode)
}

// Flow logs on each of the four owners, made through the SDK: a NIC, a NAT
// gateway, a network and an application load balancer. Every operation
// works the same on each; NAT gateways and network load balancers list
// their flow logs among their entities (as NICs do), application load
// balancers do not, as the v6 document says.
func TestFlowLogsOnEveryOwner(t *testing.T) {
	srv := newV6(t, WithStrictBodies(), WithCompletionDelay(10*time.Millisecond))
	c := srv.Client()
	ctx := context.Background()
	wait := func(resp *ionos.Response, err error) {
		t.Helper()
		require.NoError(t, err)
		_, err = c.WaitForCompletion(ctx, resp)
		require.NoError(t, err)
	}
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "owners", Location: "de/fra"})
	wait(resp, err)
	for _, spec := range []ionos.LANSpec{{Name: "public", Public: true}, {Name: "private"}} {
		_, resp, err := c.LANs.Create(ctx, dc.ID, spec)
		wait(resp, err)
	}
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "owners", Location: "de/fra", Size: 2})
	wait(resp, err)
	server, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "web", Cores: 1, RAM: 1024, NICs: []ionos.NICSpec{{LAN: "2"}}})
	wait(resp, err)
	nics, _, err := c.NICs.List(ctx, dc.ID, server.ID)
	require.NoError(t, err)
	require.Len(t, nics, 1)
	gw, resp, err := c.NATGateways.Create(ctx, dc.ID, ionos.NATGatewaySpec{Name: "nat", PublicIPs: block.Properties.IPs[:1],
		LANs: []ionos.NATGatewayLAN{{ID: "2", GatewayIPs: []string{"10.7.2.1/24"}}}})
	wait(resp, err)
	nlb, resp, err := c.NetworkLoadBalancers.Create(ctx, dc.ID, ionos.NetworkLoadBalancerSpec{Name: "nlb", ListenerLAN: "1", TargetLAN: "2"})
	wait(resp, err)
	alb, resp, err := c.ApplicationLoadBalancers.Create(ctx, dc.ID, ionos.ApplicationLoadBalancerSpec{Name: "alb", ListenerLAN: "1", TargetLAN: "2"})
	wait(resp, err)

	dcPath := "/datacenters/" + dc.ID
	for _, tc := range []struct {
		name, path string
		owner      ionos.FlowLogOwner
		entity     bool
	}{
		{"NIC", dcPath + "/servers/" + server.ID + "/nics/" + nics[0].ID, ionos.NICFlowLogs(dc.ID, server.ID, nics[0].ID), true},
		{"NAT gateway", dcPath + "/natgateways/" + gw.ID, ionos.NATGatewayFlowLogs(dc.ID, gw.ID), true},
		{"network load balancer", dcPath + "/networkloadbalancers/" + nlb.ID, ionos.NetworkLoadBalancerFlowLogs(dc.ID, nlb.ID), true},
		{"application load balancer", dcPath + "/applicationloadbalancers/" + alb.ID, ionos.ApplicationLoadBalancerFlowLogs(dc.ID, alb.ID), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fl, resp, err := c.FlowLogs.Create(ctx, tc.owner, ionos.FlowLogSpec{Name: "in", Action: ionos.FlowLogAccepted, Direction: ionos.FlowLogIngress, Bucket: "logs"})
			require.NoError(t, err)
			assert.Equal(t, srv.URL+tc.path+"/flowlogs/"+fl.ID, fl.Href)
			wait(resp, err)
			_, resp, err = c.FlowLogs.Update(ctx, tc.owner, fl.ID, ionos.FlowLogUpdate{Name: ionos.Ptr("in-2")})
			require.NoError(t, err)
			got, err := c.FlowLogs.WaitForAvailable(ctx, tc.owner, fl.ID)
			require.NoError(t, err)
			assert.Equal(t, "in-2", got.Properties.Name)
			wait(resp, err)
			_, resp, err = c.FlowLogs.Replace(ctx, tc.owner, fl.ID, ionos.FlowLogSpec{Name: "out", Action: ionos.FlowLogRejected, Direction: ionos.FlowLogEgress, Bucket: "logs/key"})
			wait(resp, err)
			list, _, err := c.FlowLogs.List(ctx, tc.owner)
			require.NoError(t, err)
			require.Len(t, list, 1)
			assert.Equal(t, ionos.FlowLogProperties{Name: "out", Action: ionos.FlowLogRejected, Direction: ionos.FlowLogEgress, Bucket: "logs/key"}, list[0].Properties)

			_, owner := call(t, srv, "GET", tc.path+"?depth=2", nil)
			ents := m0(owner["entities"])
			if tc.entity {
				items, _ := m0(ents["flowlogs"])["items"].([]any)
				require.Len(t, items, 1)
				assert.Equal(t, "out", str(m0(m0(items[0])["properties"])["name"]))
			} else {
				assert.NotContains(t, ents, "flowlogs")
			}

			resp, err = c.FlowLogs.Delete(ctx, tc.owner, fl.ID)
			wait(resp, err)
			n := 0
			for _, err := range c.FlowLogs.All(ctx, tc.owner) {
				require.NoError(t, err)
				n++
			}
			assert.Zero(t, n)
		})
	}
}

// Flow logs are v6 only: v5 serves neither the routes nor a NIC's
// flowlogs entity.
func TestFlowLogsV6Only(t *testing.T) {
	srv := newV6(t)
	path, _, _, _ := flowLogNIC(t, srv)
	resp, _ := call(t, srv, "POST", path, flowLogProps("n", "ALL", "INGRESS", "logs"))
	require.Equal(t, 202, resp.StatusCode)
	nicPath := strings.TrimSuffix(path, "/flowlogs")
	_, nic := call(t, srv, "GET", nicPath+"?depth=1", nil)
	assert.Contains(t, m0(nic["entities"]), "flowlogs")

	v5 := strings.TrimSuffix(srv.URL, BasePathV6) + BasePath
	resp, _ = call(t, srv, "GET", v5+path, nil)
	assert.Equal(t, 404, resp.StatusCode)
	_, nic = call(t, srv, "GET", v5+nicPath+"?depth=1", nil)
	assert.NotContains(t, m0(nic["entities"]), "flowlogs")
	assert.Contains(t, m0(nic["entities"]), "firewallrules")
}

// The emulator's flow log answers are valid against the v6 document's
// response schemas (FlowLog, FlowLogs), strictly but for the document's
// generic errata (specErrata: `type` declared an object, references at
// depth 0), busy and done alike.
func TestFlowLogsConformV6(t *testing.T) {
	doc, err := oascheck.Load("../api/cloudapi-v6.yaml")
	require.NoError(t, err)
	srv := newV6(t, WithCompletionDelay(time.Hour))
	path, _, _, _ := flowLogNIC(t, srv)
	n := 0
	check := func(method, p string, body any) map[string]any {
		t.Helper()
		resp, raw := callRaw(t, srv, method, p, body)
		require.Less(t, resp.StatusCode, 300, "%s %s: %s", method, p, raw)
		rel, _, _ := strings.Cut(p, "?")
		for _, v := range doc.CheckAnswer(method, rel, resp.StatusCode, raw) {
			if i, _ := oascheck.Excuse(specErrata, v); i < 0 || (v.Kind != "type-object" && v.Kind != "reference") {
				t.Errorf("%s %s: %s", method, p, v)
			}
		}
		n++
		out := map[string]any{}
		_ = json.Unmarshal(raw, &out)
		return out
	}
	fl := check("POST", path, flowLogProps("n", "ALL", "INGRESS", "logs"))
	item := path + "/" + str(fl["id"])
	for d := range 3 {
		check("GET", item+"?depth="+strconv.Itoa(d), nil)
		check("GET", path+"?depth="+strconv.Itoa(d), nil)
	}
	check("PATCH", item, map[string]any{"name": "m"})
	check("PUT", item, flowLogProps("o", "REJECTED", "EGRESS", "logs/key"))
	check("DELETE", item, nil)
	assert.Equal(t, 10, n)
}

// On v6 the owners whose entities the document lists with flow logs render
// them, once; v5 and the application load balancer do not.
func TestFlowLogsEntities(t *testing.T) {
	v5, v6 := &rctx{}, &rctx{v6: true}
	assert.Equal(t, []string{"firewallrules"}, v5.entitiesOf("nic"))
	// (and, since security groups, the NIC's groups: NicEntities of the later v6)
	assert.Equal(t, []string{"firewallrules", "flowlogs", "securitygroups"}, v6.entitiesOf("nic"))
	assert.Equal(t, []string{"firewallrules"}, entities["nic"], "the v5 list is left alone")
	for _, typ := range []string{"natgateway", "networkloadbalancer"} {
		assert.Equal(t, 1, strings.Count(strings.Join(v6.entitiesOf(typ), ","), "flowlogs"), typ)
	}
	assert.NotContains(t, v6.entitiesOf("applicationloadbalancer"), "flowlogs")
	assert.NotContains(t, v6.entitiesOf("server"), "flowlogs")
}
