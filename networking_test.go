package ionos

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every networking operation (and iterator) refuses an empty ID, naming the
// parameter, before anything is sent.
func TestNetworkRefusesEmptyIDs(t *testing.T) {
	ctx := context.Background()
	seqErr := func(seq func(yield func(NIC, error) bool)) error {
		var first error
		seq(func(_ NIC, err error) bool { first = err; return false })
		return first
	}
	type op struct {
		name   string
		params []string
		call   func(c *Client, a []string) error
	}
	fw := []string{"datacenterID", "serverID", "nicID"}
	fw1 := []string{"datacenterID", "serverID", "nicID", "firewallRuleID"}
	ops := []op{
		// LANs (6 operations + 2 iterators)
		{"LANs.List", []string{"datacenterID"}, func(c *Client, a []string) error { _, _, err := c.LANs.List(ctx, a[0]); return err }},
		{"LANs.All", []string{"datacenterID"}, func(c *Client, a []string) error {
			var first error
			c.LANs.All(ctx, a[0])(func(_ LAN, err error) bool { first = err; return false })
			return first
		}},
		{"LANs.Get", []string{"datacenterID", "lanID"}, func(c *Client, a []string) error { _, _, err := c.LANs.Get(ctx, a[0], LANID(a[1])); return err }},
		{"LANs.Create", []string{"datacenterID"}, func(c *Client, a []string) error {
			_, _, err := c.LANs.Create(ctx, a[0], LANSpec{Name: "x"})
			return err
		}},
		{"LANs.Update", []string{"datacenterID", "lanID"}, func(c *Client, a []string) error {
			_, _, err := c.LANs.Update(ctx, a[0], LANID(a[1]), LANUpdate{Name: Ptr("x")})
			return err
		}},
		{"LANs.Delete", []string{"datacenterID", "lanID"}, func(c *Client, a []string) error { _, err := c.LANs.Delete(ctx, a[0], LANID(a[1])); return err }},
		{"LANs.ListMembers", []string{"datacenterID", "lanID"}, func(c *Client, a []string) error {
			_, _, err := c.LANs.ListMembers(ctx, a[0], LANID(a[1]))
			return err
		}},
		{"LANs.AllMembers", []string{"datacenterID", "lanID"}, func(c *Client, a []string) error { return seqErr(c.LANs.AllMembers(ctx, a[0], LANID(a[1]))) }},
		// NICs (5 + 1)
		{"NICs.List", []string{"datacenterID", "serverID"}, func(c *Client, a []string) error { _, _, err := c.NICs.List(ctx, a[0], a[1]); return err }},
		{"NICs.All", []string{"datacenterID", "serverID"}, func(c *Client, a []string) error { return seqErr(c.NICs.All(ctx, a[0], a[1])) }},
		{"NICs.Get", []string{"datacenterID", "serverID", "nicID"}, func(c *Client, a []string) error {
			_, _, err := c.NICs.Get(ctx, a[0], a[1], a[2])
			return err
		}},
		{"NICs.Create", []string{"datacenterID", "serverID"}, func(c *Client, a []string) error {
			_, _, err := c.NICs.Create(ctx, a[0], a[1], NICSpec{LAN: "1"})
			return err
		}},
		{"NICs.Update", []string{"datacenterID", "serverID", "nicID"}, func(c *Client, a []string) error {
			_, _, err := c.NICs.Update(ctx, a[0], a[1], a[2], NICUpdate{Name: Ptr("x")})
			return err
		}},
		{"NICs.Delete", []string{"datacenterID", "serverID", "nicID"}, func(c *Client, a []string) error {
			_, err := c.NICs.Delete(ctx, a[0], a[1], a[2])
			return err
		}},
		// Firewall rules (5 + 1)
		{"FirewallRules.List", fw, func(c *Client, a []string) error {
			_, _, err := c.FirewallRules.List(ctx, a[0], a[1], a[2])
			return err
		}},
		{"FirewallRules.All", fw, func(c *Client, a []string) error {
			var first error
			c.FirewallRules.All(ctx, a[0], a[1], a[2])(func(_ FirewallRule, err error) bool { first = err; return false })
			return first
		}},
		{"FirewallRules.Get", fw1, func(c *Client, a []string) error {
			_, _, err := c.FirewallRules.Get(ctx, a[0], a[1], a[2], a[3])
			return err
		}},
		{"FirewallRules.Create", fw, func(c *Client, a []string) error {
			_, _, err := c.FirewallRules.Create(ctx, a[0], a[1], a[2], FirewallRuleSpec{Protocol: ProtocolANY})
			return err
		}},
		{"FirewallRules.Update", fw1, func(c *Client, a []string) error {
			_, _, err := c.FirewallRules.Update(ctx, a[0], a[1], a[2], a[3], FirewallRuleUpdate{Name: Ptr("x")})
			return err
		}},
		{"FirewallRules.Delete", fw1, func(c *Client, a []string) error {
			_, err := c.FirewallRules.Delete(ctx, a[0], a[1], a[2], a[3])
			return err
		}},
		// Load balancers (9 + 2)
		{"LoadBalancers.List", []string{"datacenterID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.List(ctx, a[0])
			return err
		}},
		{"LoadBalancers.All", []string{"datacenterID"}, func(c *Client, a []string) error {
			var first error
			c.LoadBalancers.All(ctx, a[0])(func(_ LoadBalancer, err error) bool { first = err; return false })
			return first
		}},
		{"LoadBalancers.Get", []string{"datacenterID", "loadBalancerID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.Get(ctx, a[0], a[1])
			return err
		}},
		{"LoadBalancers.Create", []string{"datacenterID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.Create(ctx, a[0], LoadBalancerSpec{Name: "x"})
			return err
		}},
		{"LoadBalancers.Update", []string{"datacenterID", "loadBalancerID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.Update(ctx, a[0], a[1], LoadBalancerUpdate{Name: Ptr("x")})
			return err
		}},
		{"LoadBalancers.Delete", []string{"datacenterID", "loadBalancerID"}, func(c *Client, a []string) error {
			_, err := c.LoadBalancers.Delete(ctx, a[0], a[1])
			return err
		}},
		{"LoadBalancers.ListBalancedNICs", []string{"datacenterID", "loadBalancerID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.ListBalancedNICs(ctx, a[0], a[1])
			return err
		}},
		{"LoadBalancers.AllBalancedNICs", []string{"datacenterID", "loadBalancerID"}, func(c *Client, a []string) error {
			return seqErr(c.LoadBalancers.AllBalancedNICs(ctx, a[0], a[1]))
		}},
		{"LoadBalancers.GetBalancedNIC", []string{"datacenterID", "loadBalancerID", "nicID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.GetBalancedNIC(ctx, a[0], a[1], a[2])
			return err
		}},
		{"LoadBalancers.AddNIC", []string{"datacenterID", "loadBalancerID", "nicID"}, func(c *Client, a []string) error {
			_, _, err := c.LoadBalancers.AddNIC(ctx, a[0], a[1], a[2])
			return err
		}},
		{"LoadBalancers.RemoveNIC", []string{"datacenterID", "loadBalancerID", "nicID"}, func(c *Client, a []string) error {
			_, err := c.LoadBalancers.RemoveNIC(ctx, a[0], a[1], a[2])
			return err
		}},
	}
	require.Len(t, ops, 25+6, "25 operations and 6 iterators")
	valid := map[string]string{
		"datacenterID": dcID, "serverID": netSrvID, "nicID": netNIC1ID, "firewallRuleID": netFW1ID,
		"lanID": "2", "loadBalancerID": netLBID,
	}
	for _, o := range ops {
		for i, p := range o.params {
			for _, bad := range []string{"", "  "} {
				t.Run(o.name+"/"+p+"/"+strconv.Quote(bad), func(t *testing.T) {
					m := newMockAPI(t)
					args := make([]string, len(o.params))
					for j, q := range o.params {
						args[j] = valid[q]
					}
					args[i] = bad
					err := o.call(m.c, args)
					assertInvalid(t, err, p)
					m.none()
				})
			}
		}
	}
}

// netStatusSequence answers GET /requests/{testRequestID}/status with the
// fixtures in turn, repeating the last one.
func netStatusSequence(m *mockAPI, fixtures ...[]byte) {
	var mu sync.Mutex
	n := 0
	m.mt.RegisterResponder(http.MethodGet, testBase+"/requests/"+testRequestID+"/status", func(r *http.Request) (*http.Response, error) {
		m.record(r)
		mu.Lock()
		body := fixtures[min(n, len(fixtures)-1)]
		n++
		mu.Unlock()
		return httpmock.NewBytesResponse(200, body), nil
	})
}

// The seed README's "Component Build" flow for the networking parts: a
// data center, a public LAN, a server, a NIC on that LAN, and a firewall
// rule on the NIC, each waited for, against recorded answers.
func TestNetworkComponentBuild(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	wait := func(resp *Response) {
		t.Helper()
		st, err := m.c.WaitForCompletion(ctx, resp, WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
		require.NoError(t, err)
		assert.Equal(t, RequestDone, st.Metadata.Status)
	}
	netStatusSequence(m, fixture(t, "request_status_queued.json"), fixture(t, "request_status_running.json"), fixture(t, "request_status_done.json"))

	// Data center (the fixture is the one of the datacenter tests).
	const newDC = "b2d5c1a8-3e4f-4a6b-8c9d-0e1f2a3b4c5d"
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))
	dc, resp, err := m.c.Datacenters.Create(ctx, DatacenterSpec{Name: "Python SDK Data Center", Description: "Python SDK data center", Location: "us/las"})
	require.NoError(t, err)
	require.Equal(t, newDC, dc.ID)
	wait(resp)

	// Public LAN.
	m.onAccepted(http.MethodPost, "/datacenters/"+newDC+"/lans", fixture(t, "lan_created.json"))
	lan, resp, err := m.c.LANs.Create(ctx, dc.ID, LANSpec{Name: "Public LAN", Public: true})
	require.NoError(t, err)
	wait(resp)
	assert.Equal(t, LANID("3"), lan.ID)

	// Server.
	m.onAccepted(http.MethodPost, "/datacenters/"+newDC+"/servers", fixture(t, "nic_flow_server_created.json"))
	srv, resp, err := m.c.Servers.Create(ctx, dc.ID, ServerSpec{Name: "Python SDK Server", RAM: 4096, Cores: 4, CPUFamily: "INTEL_XEON"})
	require.NoError(t, err)
	require.Equal(t, netSrvID, srv.ID)
	wait(resp)

	// Public NIC on the LAN, firewall on, NAT off (sent: the Python SDK dropped it).
	m.onAccepted(http.MethodPost, "/datacenters/"+newDC+"/servers/"+netSrvID+"/nics", fixture(t, "nic_created.json"))
	nic, resp, err := m.c.NICs.Create(ctx, dc.ID, srv.ID, NICSpec{Name: "Public NIC", DHCP: Ptr(true), LAN: lan.ID, FirewallActive: true, NAT: false})
	require.NoError(t, err)
	wait(resp)

	// Firewall rule on the NIC (under the server, not a load balancer).
	rulesPath := "/datacenters/" + newDC + "/servers/" + netSrvID + "/nics/" + netNIC1ID + "/firewallrules"
	m.onAccepted(http.MethodPost, rulesPath, fixture(t, "firewall_created.json"))
	rule, resp, err := m.c.FirewallRules.Create(ctx, dc.ID, srv.ID, nic.ID, FirewallRuleSpec{
		Name: "Allow SSH", Protocol: ProtocolTCP, SourceIP: "0.0.0.0", PortRangeStart: 22, PortRangeEnd: 22,
	})
	require.NoError(t, err)
	assert.Equal(t, netFW1ID, rule.ID)
	wait(resp)

	// What went over the wire, in order: each write, then its polls.
	var writes []captured
	polls := 0
	for _, c := range m.all() {
		if c.Method == http.MethodGet {
			assertCall(t, c, http.MethodGet, "/requests/"+testRequestID+"/status")
			polls++
			continue
		}
		writes = append(writes, c)
	}
	assert.Equal(t, 5+2, polls, "every write is waited for; the first waits through QUEUED and RUNNING")
	require.Len(t, writes, 5)
	assertJSONBody(t, writes[0], `{"properties":{"name":"Python SDK Data Center","location":"us/las","description":"Python SDK data center"}}`)
	assertCall(t, writes[1], http.MethodPost, "/datacenters/"+newDC+"/lans")
	assertJSONBody(t, writes[1], `{"properties":{"name":"Public LAN","public":true}}`)
	assertCall(t, writes[2], http.MethodPost, "/datacenters/"+newDC+"/servers")
	assertJSONBody(t, writes[2], `{"properties":{"name":"Python SDK Server","ram":4096,"cores":4,"cpuFamily":"INTEL_XEON"}}`)
	assertCall(t, writes[3], http.MethodPost, "/datacenters/"+newDC+"/servers/"+netSrvID+"/nics")
	assertJSONBody(t, writes[3], `{"properties":{"name":"Public NIC","lan":3,"dhcp":true,"firewallActive":true}}`)
	assertCall(t, writes[4], http.MethodPost, rulesPath)
	assertJSONBody(t, writes[4], `{"properties":{"name":"Allow SSH","protocol":"TCP","sourceIp":"0.0.0.0","portRangeStart":22,"portRangeEnd":22}}`)
}
