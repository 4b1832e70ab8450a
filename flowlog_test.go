package ionos

import (
	"bytes"
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Flow logs are Cloud API v6 only: these tests use a v6 client
// (newNetV6Mock, onV6Net in v6_network_test.go).

const (
	flowLogID    = "a1f0c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c41"
	flowLogNATID = "3f2e1d0c-9b8a-4765-8432-10fedcba9876"
	flowLogNLBID = "4a3b2c1d-0e9f-48a7-b6c5-d4e3f2a1b0c9"
	flowLogALBID = "5b4c3d2e-1f0a-49b8-a7d6-e5f4a3b2c1d0"
	flowLogsNIC  = "/datacenters/" + dcID + "/servers/" + netSrvID + "/nics/" + netNIC1ID + "/flowlogs"
)

// flowLogOwners are the four owners with the path of their flow logs.
var flowLogOwners = []struct {
	name  string
	owner FlowLogOwner
	path  string
}{
	{"NIC", NICFlowLogs(dcID, netSrvID, netNIC1ID), flowLogsNIC},
	{"NAT gateway", NATGatewayFlowLogs(dcID, flowLogNATID), "/datacenters/" + dcID + "/natgateways/" + flowLogNATID + "/flowlogs"},
	{"network load balancer", NetworkLoadBalancerFlowLogs(dcID, flowLogNLBID), "/datacenters/" + dcID + "/networkloadbalancers/" + flowLogNLBID + "/flowlogs"},
	{"application load balancer", ApplicationLoadBalancerFlowLogs(dcID, flowLogALBID), "/datacenters/" + dcID + "/applicationloadbalancers/" + flowLogALBID + "/flowlogs"},
}

var flowLogSpecT = FlowLogSpec{Name: "web-rejected", Action: FlowLogRejected, Direction: FlowLogIngress, Bucket: "flowlogs-prod/web"}

// Every operation on every owner: verb, path, query, headers and body.
func TestFlowLogsOnEachOwner(t *testing.T) {
	for _, tc := range flowLogOwners {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			ctx := context.Background()
			item := tc.path + "/" + flowLogID
			m.onV6Net(http.MethodGet, tc.path, 200, fixture(t, "flowlog_list.json"))
			m.onV6NetAccepted(http.MethodPost, tc.path, fixture(t, "flowlog_created.json"))
			m.onV6Net(http.MethodGet, item, 200, fixture(t, "flowlog_get.json"))
			m.onV6NetAccepted(http.MethodPatch, item, fixture(t, "flowlog_get.json"))
			m.onV6NetAccepted(http.MethodPut, item, fixture(t, "flowlog_get.json"))
			m.onV6Net(http.MethodDelete, item, http.StatusAccepted, nil, "Location", netV6Base+"/requests/"+testRequestID+"/status")

			fls, _, err := m.c.FlowLogs.List(ctx, tc.owner)
			require.NoError(t, err)
			assert.Len(t, fls, 2)
			n := 0
			for fl, err := range m.c.FlowLogs.All(ctx, tc.owner, WithDepth(0)) {
				require.NoError(t, err)
				assert.NotEmpty(t, fl.ID)
				n++
			}
			assert.Equal(t, 2, n)
			fl, resp, err := m.c.FlowLogs.Create(ctx, tc.owner, flowLogSpecT)
			require.NoError(t, err)
			assertV6NetAccepted(t, resp)
			assert.Equal(t, flowLogID, fl.ID)
			_, _, err = m.c.FlowLogs.Get(ctx, tc.owner, flowLogID)
			require.NoError(t, err)
			_, resp, err = m.c.FlowLogs.Update(ctx, tc.owner, flowLogID, FlowLogUpdate{Direction: Ptr(FlowLogBidirectional), Bucket: Ptr("flowlogs-archive")})
			require.NoError(t, err)
			assertV6NetAccepted(t, resp)
			_, resp, err = m.c.FlowLogs.Replace(ctx, tc.owner, flowLogID, FlowLogSpec{Name: "all", Action: FlowLogAll, Direction: FlowLogEgress, Bucket: "b"})
			require.NoError(t, err)
			assertV6NetAccepted(t, resp)
			resp, err = m.c.FlowLogs.Delete(ctx, tc.owner, flowLogID)
			require.NoError(t, err)
			assertV6NetAccepted(t, resp)

			calls := m.all()
			require.Len(t, calls, 7)
			assertCall(t, calls[0], http.MethodGet, tc.path, "depth", "1")
			assertNoBody(t, calls[0])
			assertCall(t, calls[1], http.MethodGet, tc.path, "depth", "0")
			assertCall(t, calls[2], http.MethodPost, tc.path)
			assertJSONBody(t, calls[2], `{"properties":{"name":"web-rejected","action":"REJECTED","direction":"INGRESS","bucket":"flowlogs-prod/web"}}`)
			assertCall(t, calls[3], http.MethodGet, item, "depth", "1")
			assertNoBody(t, calls[3])
			assertCall(t, calls[4], http.MethodPatch, item)
			assertJSONBody(t, calls[4], `{"direction":"BIDIRECTIONAL","bucket":"flowlogs-archive"}`)
			assertCall(t, calls[5], http.MethodPut, item)
			assertJSONBody(t, calls[5], `{"properties":{"name":"all","action":"ALL","direction":"EGRESS","bucket":"b"}}`)
			assertCall(t, calls[6], http.MethodDelete, item)
			assertNoBody(t, calls[6])
		})
	}
}

// The golden request body: a flow log on a NIC with every
// required field.
func TestFlowLogsCreateOnNICGolden(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, flowLogsNIC, fixture(t, "flowlog_created.json"))
	fl, resp, err := m.c.FlowLogs.Create(context.Background(), NICFlowLogs(dcID, netSrvID, netNIC1ID), flowLogSpecT, WithDepth(0))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, flowLogsNIC, "depth", "0")
	assertJSONBody(t, c, string(fixture(t, "flowlog_nic_create.golden.json")))
	assertV6NetAccepted(t, resp)
	assert.Equal(t, StateBusy, fl.Metadata.State)
	assert.Equal(t, flowLogSpecT.Bucket, fl.Properties.Bucket)
}

func TestFlowLogsGetDecodes(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, flowLogsNIC+"/"+flowLogID, 200, fixture(t, "flowlog_get.json"))
	fl, _, err := m.c.FlowLogs.Get(context.Background(), NICFlowLogs(dcID, netSrvID, netNIC1ID), flowLogID, WithDepth(2))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, flowLogsNIC+"/"+flowLogID, "depth", "2")
	assert.Equal(t, flowLogID, fl.ID)
	assert.Equal(t, "flow-log", fl.Type)
	assert.Equal(t, "https://api.ionos.com/cloudapi/v6"+flowLogsNIC+"/"+flowLogID, fl.Href)
	assert.Equal(t, StateAvailable, fl.Metadata.State)
	assert.Equal(t, "45480eb3fbfc31f1d916c1eaa4abdcc3", fl.Metadata.Etag)
	assert.Equal(t, FlowLogProperties{Name: "web-rejected", Action: FlowLogRejected, Direction: FlowLogIngress, Bucket: "flowlogs-prod/web"}, fl.Properties)
}

func TestFlowLogsListDecodes(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, flowLogsNIC, 200, fixture(t, "flowlog_list.json"))
	fls, _, err := m.c.FlowLogs.List(context.Background(), NICFlowLogs(dcID, netSrvID, netNIC1ID), WithPage(0, 50))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, flowLogsNIC, "depth", "1", "offset", "0", "limit", "50")
	require.Len(t, fls, 2)
	assert.Equal(t, FlowLogAll, fls[1].Properties.Action)
	assert.Equal(t, FlowLogBidirectional, fls[1].Properties.Direction)
	assert.Equal(t, "flowlogs-archive", fls[1].Properties.Bucket)
}

// A NIC read at depth 1 or more lists its flow logs among its entities.
func TestNICEntitiesFlowLogs(t *testing.T) {
	body := []byte(`{"id":"` + netNIC1ID + `","type":"nic","properties":{"lan":1,"dhcp":true,"firewallActive":false},
		"entities":{"firewallrules":{"id":"x","type":"collection","items":[]},
		"flowlogs":{"id":"` + netNIC1ID + `/flowlogs","type":"collection","items":[{"id":"` + flowLogID + `","type":"flow-log","properties":{"name":"n","action":"ALL","direction":"EGRESS","bucket":"b"}}]}}}`)
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, "/datacenters/"+dcID+"/servers/"+netSrvID+"/nics/"+netNIC1ID, 200, body)
	nic, _, err := m.c.NICs.Get(context.Background(), dcID, netSrvID, netNIC1ID)
	require.NoError(t, err)
	require.Len(t, nic.Entities.FlowLogs.Items, 1)
	assert.Equal(t, FlowLogEgress, nic.Entities.FlowLogs.Items[0].Properties.Direction)
}

func TestFlowLogsRefuseBeforeSending(t *testing.T) {
	ctx := context.Background()
	nic := NICFlowLogs(dcID, netSrvID, netNIC1ID)
	without := func(f func(*FlowLogSpec)) FlowLogSpec { s := flowLogSpecT; f(&s); return s }
	for _, tc := range []struct {
		name, field string
		call        func(c *Client) error
	}{
		{"create without name", "FlowLogSpec.Name", func(c *Client) error {
			_, _, err := c.FlowLogs.Create(ctx, nic, without(func(s *FlowLogSpec) { s.Name = "" }))
			return err
		}},
		{"create without action", "FlowLogSpec.Action", func(c *Client) error {
			_, _, err := c.FlowLogs.Create(ctx, nic, without(func(s *FlowLogSpec) { s.Action = "" }))
			return err
		}},
		{"create without direction", "FlowLogSpec.Direction", func(c *Client) error {
			_, _, err := c.FlowLogs.Create(ctx, nic, without(func(s *FlowLogSpec) { s.Direction = "" }))
			return err
		}},
		{"create without bucket", "FlowLogSpec.Bucket", func(c *Client) error {
			_, _, err := c.FlowLogs.Create(ctx, nic, without(func(s *FlowLogSpec) { s.Bucket = "" }))
			return err
		}},
		{"replace without bucket", "FlowLogSpec.Bucket", func(c *Client) error {
			_, _, err := c.FlowLogs.Replace(ctx, nic, flowLogID, without(func(s *FlowLogSpec) { s.Bucket = "" }))
			return err
		}},
		{"update empty name", "FlowLogUpdate.Name", func(c *Client) error {
			_, _, err := c.FlowLogs.Update(ctx, nic, flowLogID, FlowLogUpdate{Name: Ptr("")})
			return err
		}},
		{"update empty action", "FlowLogUpdate.Action", func(c *Client) error {
			_, _, err := c.FlowLogs.Update(ctx, nic, flowLogID, FlowLogUpdate{Action: Ptr(FlowLogAction(""))})
			return err
		}},
		{"update empty direction", "FlowLogUpdate.Direction", func(c *Client) error {
			_, _, err := c.FlowLogs.Update(ctx, nic, flowLogID, FlowLogUpdate{Direction: Ptr(FlowLogDirection(""))})
			return err
		}},
		{"update empty bucket", "FlowLogUpdate.Bucket", func(c *Client) error {
			_, _, err := c.FlowLogs.Update(ctx, nic, flowLogID, FlowLogUpdate{Bucket: Ptr("")})
			return err
		}},
		{"zero owner", "FlowLogOwner", func(c *Client) error { _, _, err := c.FlowLogs.List(ctx, FlowLogOwner{}); return err }},
		{"zero owner get", "FlowLogOwner", func(c *Client) error { _, _, err := c.FlowLogs.Get(ctx, FlowLogOwner{}, flowLogID); return err }},
		{"zero owner iterator", "FlowLogOwner", func(c *Client) error {
			var e error
			for _, err := range c.FlowLogs.All(ctx, FlowLogOwner{}) {
				e = err
			}
			return e
		}},
		{"empty flow log ID get", "flowLogID", func(c *Client) error { _, _, err := c.FlowLogs.Get(ctx, nic, ""); return err }},
		{"empty flow log ID delete", "flowLogID", func(c *Client) error { _, err := c.FlowLogs.Delete(ctx, nic, " "); return err }},
		{"dot flow log ID", "flowLogID", func(c *Client) error { _, _, err := c.FlowLogs.Replace(ctx, nic, "..", flowLogSpecT); return err }},
		{"NIC: empty data center", "datacenterID", func(c *Client) error {
			_, _, err := c.FlowLogs.List(ctx, NICFlowLogs("", netSrvID, netNIC1ID))
			return err
		}},
		{"NIC: empty server", "serverID", func(c *Client) error {
			_, _, err := c.FlowLogs.Create(ctx, NICFlowLogs(dcID, "", netNIC1ID), flowLogSpecT)
			return err
		}},
		{"NIC: empty NIC", "nicID", func(c *Client) error {
			_, _, err := c.FlowLogs.Get(ctx, NICFlowLogs(dcID, netSrvID, ""), flowLogID)
			return err
		}},
		{"NAT gateway: empty ID", "natGatewayID", func(c *Client) error {
			_, _, err := c.FlowLogs.List(ctx, NATGatewayFlowLogs(dcID, ""))
			return err
		}},
		{"NAT gateway: empty data center", "datacenterID", func(c *Client) error {
			_, err := c.FlowLogs.Delete(ctx, NATGatewayFlowLogs("", flowLogNATID), flowLogID)
			return err
		}},
		{"NLB: empty ID", "networkLoadBalancerID", func(c *Client) error {
			_, _, err := c.FlowLogs.Update(ctx, NetworkLoadBalancerFlowLogs(dcID, ""), flowLogID, FlowLogUpdate{Name: Ptr("x")})
			return err
		}},
		{"ALB: empty ID", "applicationLoadBalancerID", func(c *Client) error {
			_, _, err := c.FlowLogs.Replace(ctx, ApplicationLoadBalancerFlowLogs(dcID, ""), flowLogID, flowLogSpecT)
			return err
		}},
		{"wait: empty flow log ID", "flowLogID", func(c *Client) error {
			_, err := c.FlowLogs.WaitForAvailable(ctx, nic, "")
			return err
		}},
		{"wait: zero owner", "FlowLogOwner", func(c *Client) error {
			_, err := c.FlowLogs.WaitForAvailable(ctx, FlowLogOwner{}, flowLogID)
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			assertInvalid(t, tc.call(m.c), tc.field)
			m.none()
		})
	}
}

// An update that sets nothing sends {}, as the other Updates.
func TestFlowLogsUpdateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  FlowLogUpdate
		want string
	}{
		{"nothing", FlowLogUpdate{}, `{}`},
		{"name", FlowLogUpdate{Name: Ptr("renamed")}, `{"name":"renamed"}`},
		{"every field", FlowLogUpdate{Name: Ptr("n"), Action: Ptr(FlowLogAccepted), Direction: Ptr(FlowLogEgress), Bucket: Ptr("b/k")},
			`{"name":"n","action":"ACCEPTED","direction":"EGRESS","bucket":"b/k"}`},
		{"a value the API may add tomorrow", FlowLogUpdate{Action: Ptr(FlowLogAction("DROPPED"))}, `{"action":"DROPPED"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			m.onV6NetAccepted(http.MethodPatch, flowLogsNIC+"/"+flowLogID, fixture(t, "flowlog_get.json"))
			_, _, err := m.c.FlowLogs.Update(context.Background(), NICFlowLogs(dcID, netSrvID, netNIC1ID), flowLogID, tc.upd)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

// A v5 client refuses every flow log call before sending, with the version
// error.
func TestFlowLogsRefusedOnV5(t *testing.T) {
	ctx := context.Background()
	for _, tc := range flowLogOwners {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t) // v5
			require.Equal(t, APIv5, m.c.APIVersion())
			calls := map[string]func() error{
				"List":   func() error { _, _, err := m.c.FlowLogs.List(ctx, tc.owner); return err },
				"Get":    func() error { _, _, err := m.c.FlowLogs.Get(ctx, tc.owner, flowLogID); return err },
				"Create": func() error { _, _, err := m.c.FlowLogs.Create(ctx, tc.owner, flowLogSpecT); return err },
				"Update": func() error {
					_, _, err := m.c.FlowLogs.Update(ctx, tc.owner, flowLogID, FlowLogUpdate{Name: Ptr("x")})
					return err
				},
				"Replace": func() error { _, _, err := m.c.FlowLogs.Replace(ctx, tc.owner, flowLogID, flowLogSpecT); return err },
				"Delete":  func() error { _, err := m.c.FlowLogs.Delete(ctx, tc.owner, flowLogID); return err },
				"All": func() error {
					var e error
					for _, err := range m.c.FlowLogs.All(ctx, tc.owner) {
						e = err
					}
					return e
				},
			}
			for name, call := range calls {
				err := call()
				require.ErrorIs(t, err, ErrUnsupportedVersion, name)
				var ve *VersionError
				require.ErrorAs(t, err, &ve, name)
				assert.Equal(t, APIv5, ve.Version, name)
				assert.Equal(t, []APIVersion{APIv6}, ve.Available, name)
				assert.Contains(t, err.Error(), "/flowlogs", name)
			}
			m.none()
		})
	}
}

// onFlowLogStates answers GET path with the bodies in turn, repeating the
// last one.
func (m *mockAPI) onFlowLogStates(path string, bodies ...[]byte) {
	m.t.Helper()
	var mu sync.Mutex
	n := 0
	m.mt.RegisterResponder(http.MethodGet, netV6Base+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		mu.Lock()
		i := min(n, len(bodies)-1)
		n++
		mu.Unlock()
		resp := httpmock.NewBytesResponse(200, bodies[i])
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
}

// The API documents a NAT gateway's flow log PATCH as 202 without a
// Location: the Response names no request, and WaitForAvailable polls the
// flow log until it is AVAILABLE.
func TestFlowLogsWaitForAvailable(t *testing.T) {
	owner := NATGatewayFlowLogs(dcID, flowLogNATID)
	item := "/datacenters/" + dcID + "/natgateways/" + flowLogNATID + "/flowlogs/" + flowLogID
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodPatch, item, http.StatusAccepted, fixture(t, "flowlog_created.json"))
	busy := fixture(t, "flowlog_created.json")
	m.onFlowLogStates(item, busy, busy, fixture(t, "flowlog_get.json"))
	ctx := context.Background()
	_, resp, err := m.c.FlowLogs.Update(ctx, owner, flowLogID, FlowLogUpdate{Action: Ptr(FlowLogAll)})
	require.NoError(t, err)
	assert.Empty(t, resp.RequestID, "no request to wait for")
	var states []string
	fl, err := m.c.FlowLogs.WaitForAvailable(ctx, owner, flowLogID, k8sFastPoll, WithProgress(func(p WaitProgress) { states = append(states, p.Status) }))
	require.NoError(t, err)
	assert.Equal(t, StateAvailable, fl.Metadata.State)
	assert.Equal(t, []string{"BUSY", "BUSY", "AVAILABLE"}, states)
	calls := m.all()
	require.Len(t, calls, 4)
	for _, c := range calls[1:] {
		assertCall(t, c, http.MethodGet, item, "depth", "0")
	}
}

func TestFlowLogsWaitForAvailableFails(t *testing.T) {
	owner := NICFlowLogs(dcID, netSrvID, netNIC1ID)
	failed := bytes.Replace(fixture(t, "flowlog_created.json"), []byte(`"BUSY"`), []byte(`"FAILED"`), 1)
	m := newNetV6Mock(t)
	m.onFlowLogStates(flowLogsNIC+"/"+flowLogID, fixture(t, "flowlog_created.json"), failed)
	fl, err := m.c.FlowLogs.WaitForAvailable(context.Background(), owner, flowLogID, k8sFastPoll)
	require.ErrorIs(t, err, ErrFailedState)
	var fe *FailedStateError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "flow log", fe.Kind)
	assert.Equal(t, flowLogID, fe.ID)
	assert.Equal(t, StateFailed, fe.State)
	require.NotNil(t, fl)
	assert.Len(t, m.all(), 2)

	// A poll that fails ends the wait with the API's error.
	m = newNetV6Mock(t)
	m.onV6Net(http.MethodGet, flowLogsNIC+"/"+flowLogID, 404, fixture(t, "error_404.json"))
	_, err = m.c.FlowLogs.WaitForAvailable(context.Background(), owner, flowLogID, k8sFastPoll)
	require.ErrorIs(t, err, ErrNotFound)
}

// A Replace accepted without a body and without a Location (as v6 may
// answer for a load balancer's flow log) succeeds with no flow log and no
// request: the caller waits with WaitForAvailable.
func TestFlowLogsReplaceAcceptedWithoutBody(t *testing.T) {
	item := "/datacenters/" + dcID + "/networkloadbalancers/" + flowLogNLBID + "/flowlogs/" + flowLogID
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodPut, item, http.StatusAccepted, nil)
	fl, resp, err := m.c.FlowLogs.Replace(context.Background(), NetworkLoadBalancerFlowLogs(dcID, flowLogNLBID), flowLogID, flowLogSpecT)
	require.NoError(t, err)
	assert.Nil(t, fl)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Empty(t, resp.RequestID)
	assertCall(t, m.only(), http.MethodPut, item)
}
