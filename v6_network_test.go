package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// API v6 for NICs, firewall rules, LANs and groups: what a v6 client sends,
// what it reads, and what it refuses before sending. The v5 behaviour of
// the same calls is in nic_test.go, firewall_test.go, lan_test.go and
// usermgmt_test.go.

const netV6Base = "https://api.ionos.test/cloudapi/v6"

// newNetV6Mock is newMockAPI with a v6 client.
func newNetV6Mock(t *testing.T, opts ...Option) *mockAPI {
	t.Helper()
	m := newMockAPI(t, append([]Option{WithBaseURL(netV6Base)}, opts...)...)
	require.Equal(t, APIv6, m.c.APIVersion())
	return m
}

// onV6Net answers method+path below netV6Base and records each request;
// record strips "/cloudapi/v6", which is as long as "/cloudapi/v5".
func (m *mockAPI) onV6Net(method, path string, status int, body []byte, header ...string) {
	m.t.Helper()
	m.mt.RegisterResponder(method, netV6Base+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	})
}

// onV6NetAccepted answers a write with 202, the body and a Location header.
func (m *mockAPI) onV6NetAccepted(method, path string, body []byte) {
	m.onV6Net(method, path, http.StatusAccepted, body, "Location", netV6Base+"/requests/"+testRequestID+"/status")
}

func assertV6NetAccepted(t *testing.T, resp *Response) {
	t.Helper()
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testRequestID, resp.RequestID)
	assert.Equal(t, netV6Base+"/requests/"+testRequestID+"/status", resp.RequestURL)
}

// assertNotInVersion checks a refusal before sending of a field that the
// client's API version lacks.
func assertNotInVersion(t *testing.T, err error, field string, v APIVersion) {
	t.Helper()
	assertInvalid(t, err, field)
	assert.Contains(t, err.Error(), "is not in Cloud API "+string(v))
}

// ---- NICs ----

func TestNICsV6Create(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, nicsPathT, fixture(t, "nic_v6_created.json"))
	n, resp, err := m.c.NICs.Create(context.Background(), dcID, netSrvID, NICSpec{
		Name: "Public NIC", LAN: "1", DHCP: Ptr(false), FirewallActive: true, FirewallType: FirewallTypeBidirectional,
		FirewallRules: []FirewallRuleSpec{
			{Name: "HTTPS from the office", Protocol: ProtocolTCP, SourceIP: "2001:db8:1200::/40", PortRangeStart: 443, PortRangeEnd: 443},
			{Name: "Everything out", Protocol: ProtocolANY, Type: FirewallRuleEgress, IPVersion: IPv4},
		},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, nicsPathT)
	assertJSONBody(t, c, `{
		"properties": {"name": "Public NIC", "lan": 1, "dhcp": false, "firewallActive": true, "firewallType": "BIDIRECTIONAL"},
		"entities": {"firewallrules": {"items": [
			{"properties": {"name": "HTTPS from the office", "protocol": "TCP", "sourceIp": "2001:db8:1200::/40", "portRangeStart": 443, "portRangeEnd": 443}},
			{"properties": {"name": "Everything out", "protocol": "ANY", "type": "EGRESS", "ipVersion": "IPv4"}}
		]}}
	}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, netNIC1ID, n.ID)
	assert.Equal(t, StateBusy, n.Metadata.State)
	assert.Equal(t, FirewallTypeBidirectional, n.Properties.FirewallType)
	assert.False(t, n.Properties.DHCP)
	assert.Zero(t, n.Properties.DeviceNumber, "null until the NIC is plugged")
	require.Len(t, n.Entities.FirewallRules.Items, 1)
}

func TestNICsV6Get(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nicsPathT+"/"+netNIC1ID, 200, fixture(t, "nic_v6_get.json"))
	n, _, err := m.c.NICs.Get(context.Background(), dcID, netSrvID, netNIC1ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nicsPathT+"/"+netNIC1ID, "depth", "1")
	assertNoBody(t, c)
	p := n.Properties
	assert.Equal(t, FirewallTypeBidirectional, p.FirewallType)
	assert.Equal(t, 1, p.DeviceNumber)
	assert.Equal(t, 6, p.PCISlot)
	assert.Equal(t, "1", p.VNet)
	assert.False(t, p.NAT, "v6 NICs have no nat")
	assert.Equal(t, []string{"203.0.113.10"}, p.IPs)
	require.Len(t, n.Entities.FirewallRules.Items, 2)
	in, out := n.Entities.FirewallRules.Items[0].Properties, n.Entities.FirewallRules.Items[1].Properties
	assert.Equal(t, FirewallRuleIngress, in.Type)
	assert.Equal(t, IPv6, in.IPVersion)
	assert.Equal(t, "2001:db8:1200::/40", in.SourceIP)
	assert.Equal(t, FirewallRuleEgress, out.Type)
	assert.Equal(t, IPv4, out.IPVersion)
	assert.Zero(t, out.PortRangeStart)
}

func TestNICsV6UpdateAndReplace(t *testing.T) {
	m := newNetV6Mock(t)
	p := nicsPathT + "/" + netNIC1ID
	m.onV6NetAccepted(http.MethodPatch, p, fixture(t, "nic_v6_get.json"))
	m.onV6NetAccepted(http.MethodPut, p, fixture(t, "nic_v6_get.json"))
	n, resp, err := m.c.NICs.Update(context.Background(), dcID, netSrvID, netNIC1ID, NICUpdate{
		FirewallActive: Ptr(true), FirewallType: Ptr(FirewallTypeEgress),
	})
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, netNIC1ID, n.ID)
	_, _, err = m.c.NICs.Replace(context.Background(), dcID, netSrvID, netNIC1ID, NICSpec{LAN: "2", FirewallType: FirewallTypeIngress})
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodPatch, p)
	assertJSONBody(t, calls[0], `{"firewallActive":true,"firewallType":"EGRESS"}`)
	assertCall(t, calls[1], http.MethodPut, p)
	assertJSONBody(t, calls[1], `{"properties":{"lan":2,"firewallType":"INGRESS"}}`)
}

// NAT is gone in v6: a v6 client refuses it before sending, in every call
// that takes a NIC, nested firewall rules included; v5 refuses the v6
// fields.
func TestNICsVersionRefusals(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		v     APIVersion
		call  func(c *Client) error
		field string
	}{
		{"v6 create with NAT", APIv6, func(c *Client) error {
			_, _, err := c.NICs.Create(ctx, dcID, netSrvID, NICSpec{LAN: "1", NAT: true})
			return err
		}, "NICSpec.NAT"},
		{"v6 replace with NAT", APIv6, func(c *Client) error {
			_, _, err := c.NICs.Replace(ctx, dcID, netSrvID, netNIC1ID, NICSpec{LAN: "1", NAT: true})
			return err
		}, "NICSpec.NAT"},
		{"v6 update with NAT off", APIv6, func(c *Client) error {
			_, _, err := c.NICs.Update(ctx, dcID, netSrvID, netNIC1ID, NICUpdate{NAT: Ptr(false)})
			return err
		}, "NICUpdate.NAT"},
		{"v5 create with a firewall type", APIv5, func(c *Client) error {
			_, _, err := c.NICs.Create(ctx, dcID, netSrvID, NICSpec{LAN: "1", FirewallType: FirewallTypeIngress})
			return err
		}, "NICSpec.FirewallType"},
		{"v5 update with a firewall type", APIv5, func(c *Client) error {
			_, _, err := c.NICs.Update(ctx, dcID, netSrvID, netNIC1ID, NICUpdate{FirewallType: Ptr(FirewallTypeEgress)})
			return err
		}, "NICUpdate.FirewallType"},
		{"v5 nested rule with a type", APIv5, func(c *Client) error {
			_, _, err := c.NICs.Create(ctx, dcID, netSrvID, NICSpec{LAN: "1",
				FirewallRules: []FirewallRuleSpec{{Protocol: ProtocolTCP}, {Protocol: ProtocolTCP, Type: FirewallRuleEgress}}})
			return err
		}, "NICSpec.FirewallRules[1].Type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t, WithBaseURL("https://api.ionos.test/cloudapi/"+string(tc.v)))
			assertNotInVersion(t, tc.call(m.c), tc.field, tc.v)
			m.none()
		})
	}
	// The v5 NIC of a v6 rule's values is refused by v5's rules.
	m := newMockAPI(t)
	_, _, err := m.c.NICs.Create(ctx, dcID, netSrvID, NICSpec{LAN: "1",
		FirewallRules: []FirewallRuleSpec{{Protocol: ProtocolTCP, SourceIP: "2001:db8::1"}}})
	assertInvalid(t, err, "NICSpec.FirewallRules[0].SourceIP")
	m.none()
}

// The check composite creates (NICs inside servers and data centers) call
// for each NIC and LAN: NICSpec.checkFor and LANSpec.checkFor name the
// field by its place in the composite.
func TestNICAndLANCheckForComposites(t *testing.T) {
	nic := NICSpec{LAN: "1", NAT: true, FirewallRules: []FirewallRuleSpec{{Protocol: ProtocolTCP, IPVersion: IPv6}}}
	assertNotInVersion(t, nic.checkFor(APIv6, "DatacenterSpec.Servers[0].NICs[1]"), "DatacenterSpec.Servers[0].NICs[1].NAT", APIv6)
	assertNotInVersion(t, nic.checkFor(APIv5, "ServerSpec.NICs[0]"), "ServerSpec.NICs[0].FirewallRules[0].IPVersion", APIv5)
	nic.NAT = false
	require.NoError(t, nic.checkFor(APIv6, "ServerSpec.NICs[0]"))
	v5 := NICSpec{LAN: "1", NAT: true, FirewallRules: []FirewallRuleSpec{{Protocol: ProtocolTCP, PortRangeStart: 65535}}}
	assertInvalid(t, v5.checkFor(APIv5, "ServerSpec.NICs[0]"), "ServerSpec.NICs[0].FirewallRules[0].PortRangeStart")
	v5.FirewallRules[0].PortRangeStart = 65534
	require.NoError(t, v5.checkFor(APIv5, "ServerSpec.NICs[0]"))

	lan := LANSpec{Name: "Backend", IPv6CIDRBlock: IPv6CIDRAuto}
	assertNotInVersion(t, lan.checkFor(APIv5, "DatacenterSpec.LANs[2]"), "DatacenterSpec.LANs[2].IPv6CIDRBlock", APIv5)
	require.NoError(t, lan.checkFor(APIv6, "DatacenterSpec.LANs[2]"))
}

// ---- Firewall rules ----

func TestFirewallRulesV6Create(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, fwRulesPath, fixture(t, "firewall_v6_created.json"))
	r, resp, err := m.c.FirewallRules.Create(context.Background(), dcID, netSrvID, netNIC1ID, FirewallRuleSpec{
		Name: "Any port to the backup net", Protocol: ProtocolTCP, TargetIP: "2001:db8:0:7::/64",
		PortRangeStart: 1, PortRangeEnd: 65535, Type: FirewallRuleEgress, IPVersion: IPv6,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, fwRulesPath)
	assertJSONBody(t, c, `{"properties":{"name":"Any port to the backup net","protocol":"TCP","targetIp":"2001:db8:0:7::/64",
		"portRangeStart":1,"portRangeEnd":65535,"type":"EGRESS","ipVersion":"IPv6"}}`)
	assertV6NetAccepted(t, resp)
	p := r.Properties
	assert.Equal(t, netFW1ID, r.ID)
	assert.Equal(t, FirewallRuleEgress, p.Type)
	assert.Equal(t, IPv6, p.IPVersion)
	assert.Equal(t, "2001:db8:0:7::/64", p.TargetIP)
	assert.Equal(t, 65535, p.PortRangeEnd)
	assert.Empty(t, p.SourceIP)
}

func TestFirewallRulesV6WireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec FirewallRuleSpec
		want string
	}{
		{"IPv6 address", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "2001:db8::1"},
			`{"properties":{"protocol":"ANY","sourceIp":"2001:db8::1"}}`},
		{"IPv4 CIDR", FirewallRuleSpec{Protocol: ProtocolTCP, SourceIP: "198.51.100.0/24", TargetIP: "10.0.0.5", PortRangeStart: 22},
			`{"properties":{"protocol":"TCP","sourceIp":"198.51.100.0/24","targetIp":"10.0.0.5","portRangeStart":22}}`},
		{"port 65535 alone", FirewallRuleSpec{Protocol: ProtocolUDP, PortRangeStart: 65535, PortRangeEnd: 65535},
			`{"properties":{"protocol":"UDP","portRangeStart":65535,"portRangeEnd":65535}}`},
		{"ingress, said", FirewallRuleSpec{Protocol: ProtocolICMP, ICMPType: Ptr(0), Type: FirewallRuleIngress},
			`{"properties":{"protocol":"ICMP","icmpType":0,"type":"INGRESS"}}`},
		{"ICMPv6 echo request", FirewallRuleSpec{Protocol: ProtocolICMPv6, ICMPType: Ptr(128), IPVersion: IPv6},
			`{"properties":{"protocol":"ICMPv6","icmpType":128,"ipVersion":"IPv6"}}`},
		{"no protocol: the live v6 does not require one", FirewallRuleSpec{Name: "all from the office", SourceIP: "203.0.113.7"},
			`{"properties":{"name":"all from the office","sourceIp":"203.0.113.7"}}`},
		{"leading zeros, as v5's pattern allowed", FirewallRuleSpec{Protocol: ProtocolTCP, SourceIP: "010.000.000.001", IPVersion: IPv4},
			`{"properties":{"protocol":"TCP","sourceIp":"010.000.000.001","ipVersion":"IPv4"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			m.onV6NetAccepted(http.MethodPost, fwRulesPath, fixture(t, "firewall_v6_created.json"))
			_, _, err := m.c.FirewallRules.Create(context.Background(), dcID, netSrvID, netNIC1ID, tc.spec)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestFirewallRulesV6Validation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  FirewallRuleSpec
		field string
	}{
		{"port 65536", FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeEnd: 65536}, "FirewallRuleSpec.PortRangeEnd"},
		{"port 0 by pointer is not possible; negative port", FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeStart: -1}, "FirewallRuleSpec.PortRangeStart"},
		{"start after end", FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeStart: 65535, PortRangeEnd: 1}, "FirewallRuleSpec.PortRangeEnd"},
		{"ports with ICMPv6", FirewallRuleSpec{Protocol: ProtocolICMPv6, PortRangeStart: 1}, "FirewallRuleSpec.PortRangeStart"},
		{"ICMP type with TCP", FirewallRuleSpec{Protocol: ProtocolTCP, ICMPType: Ptr(8)}, "FirewallRuleSpec.ICMPType"},
		{"ICMP code 255", FirewallRuleSpec{Protocol: ProtocolICMP, ICMPCode: Ptr(255)}, "FirewallRuleSpec.ICMPCode"},
		{"prefix too long", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "10.0.0.0/33"}, "FirewallRuleSpec.SourceIP"},
		{"IPv6 prefix too long", FirewallRuleSpec{Protocol: ProtocolANY, TargetIP: "2001:db8::/129"}, "FirewallRuleSpec.TargetIP"},
		{"zone", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "fe80::1%eth0"}, "FirewallRuleSpec.SourceIP"},
		{"host name", FirewallRuleSpec{Protocol: ProtocolANY, TargetIP: "example.com"}, "FirewallRuleSpec.TargetIP"},
		{"bad MAC", FirewallRuleSpec{Protocol: ProtocolANY, SourceMAC: "01:23:45:67:89"}, "FirewallRuleSpec.SourceMAC"},
		{"IPv4 rule, IPv6 source", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "2001:db8::/32", IPVersion: IPv4}, "FirewallRuleSpec.IPVersion"},
		{"IPv6 rule, IPv4 target", FirewallRuleSpec{Protocol: ProtocolANY, TargetIP: "10.0.0.5", IPVersion: IPv6}, "FirewallRuleSpec.IPVersion"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			_, _, err := m.c.FirewallRules.Create(context.Background(), dcID, netSrvID, netNIC1ID, tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestFirewallRulesV6Update(t *testing.T) {
	m := newNetV6Mock(t)
	p := fwRulesPath + "/" + netFW1ID
	m.onV6NetAccepted(http.MethodPatch, p, fixture(t, "firewall_v6_created.json"))
	r, resp, err := m.c.FirewallRules.Update(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleUpdate{
		TargetIP: Ptr("2001:db8:0:7::/64"), PortRangeEnd: Ptr(65535), Type: Ptr(FirewallRuleEgress), IPVersion: Ptr(IPv6), AnySourceIP: true,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, p)
	assertJSONBody(t, c, `{"targetIp":"2001:db8:0:7::/64","sourceIp":null,"portRangeEnd":65535,"type":"EGRESS","ipVersion":"IPv6"}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, FirewallRuleEgress, r.Properties.Type)

	for _, tc := range []struct {
		name  string
		upd   FirewallRuleUpdate
		field string
	}{
		{"port 65536", FirewallRuleUpdate{PortRangeStart: Ptr(65536)}, "FirewallRuleUpdate.PortRangeStart"},
		{"IP version against the source", FirewallRuleUpdate{SourceIP: Ptr("10.1.0.0/16"), IPVersion: Ptr(IPv6)}, "FirewallRuleUpdate.IPVersion"},
		{"bad CIDR", FirewallRuleUpdate{TargetIP: Ptr("2001:db8::/200")}, "FirewallRuleUpdate.TargetIP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			_, _, err := m.c.FirewallRules.Update(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

// v5 keeps its rules: IPv4 addresses only, ports up to 65534, a protocol,
// and no type or IP version.
func TestFirewallRulesV5RefusesV6Values(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		call    func(c *Client) error
		field   string
		version bool // refused as a v6 field
	}{
		{"type", func(c *Client) error {
			_, _, err := c.FirewallRules.Create(ctx, dcID, netSrvID, netNIC1ID, FirewallRuleSpec{Protocol: ProtocolTCP, Type: FirewallRuleIngress})
			return err
		}, "FirewallRuleSpec.Type", true},
		{"IP version", func(c *Client) error {
			_, _, err := c.FirewallRules.Replace(ctx, dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleSpec{Protocol: ProtocolTCP, IPVersion: IPv4})
			return err
		}, "FirewallRuleSpec.IPVersion", true},
		{"update type", func(c *Client) error {
			_, _, err := c.FirewallRules.Update(ctx, dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleUpdate{Type: Ptr(FirewallRuleEgress)})
			return err
		}, "FirewallRuleUpdate.Type", true},
		{"update IP version", func(c *Client) error {
			_, _, err := c.FirewallRules.Update(ctx, dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleUpdate{IPVersion: Ptr(IPv4)})
			return err
		}, "FirewallRuleUpdate.IPVersion", true},
		{"CIDR source", func(c *Client) error {
			_, _, err := c.FirewallRules.Create(ctx, dcID, netSrvID, netNIC1ID, FirewallRuleSpec{Protocol: ProtocolTCP, SourceIP: "10.0.0.0/8"})
			return err
		}, "FirewallRuleSpec.SourceIP", false},
		{"update IPv6 target", func(c *Client) error {
			_, _, err := c.FirewallRules.Update(ctx, dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleUpdate{TargetIP: Ptr("2001:db8::1")})
			return err
		}, "FirewallRuleUpdate.TargetIP", false},
		{"update port 65535", func(c *Client) error {
			_, _, err := c.FirewallRules.Update(ctx, dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleUpdate{PortRangeStart: Ptr(65535)})
			return err
		}, "FirewallRuleUpdate.PortRangeStart", false},
		{"no protocol", func(c *Client) error {
			_, _, err := c.FirewallRules.Create(ctx, dcID, netSrvID, netNIC1ID, FirewallRuleSpec{SourceIP: "10.0.0.1"})
			return err
		}, "FirewallRuleSpec.Protocol", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			err := tc.call(m.c)
			if tc.version {
				assertNotInVersion(t, err, tc.field, APIv5)
			} else {
				assertInvalid(t, err, tc.field)
			}
			m.none()
		})
	}
}

// ---- LANs ----

// The live v6 takes and answers the API's Lan on POST (LanPost is gone):
// the same properties and entities as v5's LanPost, NICs by ID included,
// plus ipv6CidrBlock.
func TestLANsV6Create(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, lansPathT, fixture(t, "lan_v6_created.json"))
	l, resp, err := m.c.LANs.Create(context.Background(), dcID, LANSpec{
		Name: "Backend", NICs: []string{netNIC1ID}, IPv6CIDRBlock: IPv6CIDRAuto,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, lansPathT)
	assertJSONBody(t, c, `{"properties":{"name":"Backend","public":false,"ipv6CidrBlock":"AUTO"},
		"entities":{"nics":{"items":[{"id":"`+netNIC1ID+`"}]}}}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, LANID("3"), l.ID)
	assert.Equal(t, "AUTO", l.Properties.IPv6CIDRBlock)
	assert.Empty(t, l.Properties.IPv4CIDRBlock)
	assert.Equal(t, StateBusy, l.Metadata.State)
}

func TestLANsV6WireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec LANSpec
		want string
	}{
		{"a /64 by hand", LANSpec{Name: "v6", Public: true, IPv6CIDRBlock: "2001:db8:0:3::/64"},
			`{"properties":{"name":"v6","public":true,"ipv6CidrBlock":"2001:db8:0:3::/64"}}`},
		{"no IPv6: nothing sent, as on v5", LANSpec{Name: "v4"}, `{"properties":{"name":"v4","public":false}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			m.onV6NetAccepted(http.MethodPost, lansPathT, fixture(t, "lan_v6_created.json"))
			_, _, err := m.c.LANs.Create(context.Background(), dcID, tc.spec)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
	for _, bad := range []string{"auto", "2001:db8::/56", "2001:db8::1", "10.0.0.0/24", "::ffff:10.0.0.0/64"} {
		t.Run("refused "+bad, func(t *testing.T) {
			m := newNetV6Mock(t)
			_, _, err := m.c.LANs.Create(context.Background(), dcID, LANSpec{IPv6CIDRBlock: bad})
			assertInvalid(t, err, "LANSpec.IPv6CIDRBlock")
			_, _, err = m.c.LANs.Update(context.Background(), dcID, "3", LANUpdate{IPv6CIDRBlock: Ptr(bad)})
			assertInvalid(t, err, "LANUpdate.IPv6CIDRBlock")
			m.none()
		})
	}
}

func TestLANsV6UpdateAndGet(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPatch, lansPathT+"/3", fixture(t, "lan_v6_get.json"))
	m.onV6Net(http.MethodGet, lansPathT+"/3", 200, fixture(t, "lan_v6_get.json"))
	_, resp, err := m.c.LANs.Update(context.Background(), dcID, "3", LANUpdate{IPv6CIDRBlock: Ptr("2001:db8:0:3::/64")})
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	l, _, err := m.c.LANs.Get(context.Background(), dcID, "3")
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodPatch, lansPathT+"/3")
	assertJSONBody(t, calls[0], `{"ipv6CidrBlock":"2001:db8:0:3::/64"}`)
	assertCall(t, calls[1], http.MethodGet, lansPathT+"/3", "depth", "1")
	assert.Equal(t, "10.7.222.0/24", l.Properties.IPv4CIDRBlock)
	assert.Equal(t, "2001:db8:0:3::/64", l.Properties.IPv6CIDRBlock)
	assert.Empty(t, l.Properties.IPFailover)
	require.Len(t, l.Entities.NICs.Items, 1)
	assert.Equal(t, netNIC1ID, l.Entities.NICs.Items[0].ID)
}

func TestLANsV5RefusesIPv6(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.LANs.Create(context.Background(), dcID, LANSpec{Name: "x", IPv6CIDRBlock: IPv6CIDRAuto})
	assertNotInVersion(t, err, "LANSpec.IPv6CIDRBlock", APIv5)
	_, _, err = m.c.LANs.Replace(context.Background(), dcID, "3", LANSpec{IPv6CIDRBlock: IPv6CIDRAuto})
	assertNotInVersion(t, err, "LANSpec.IPv6CIDRBlock", APIv5)
	_, _, err = m.c.LANs.Update(context.Background(), dcID, "3", LANUpdate{IPv6CIDRBlock: Ptr(IPv6CIDRAuto)})
	assertNotInVersion(t, err, "LANUpdate.IPv6CIDRBlock", APIv5)
	m.none()
}

// ---- Groups ----

const allV6PrivilegesFalse = `"createDataCenter":false,"createSnapshot":false,"reserveIp":false,
	"accessActivityLog":false,"createPcc":false,"s3Privilege":false,"createBackupUnit":false,
	"createInternetAccess":false,"createK8sCluster":false,"createFlowLog":false,"accessAndManageMonitoring":false,
	"accessAndManageCertificates":false,"manageDBaaS":false,"accessAndManageDns":false,"manageRegistry":false,
	"manageDataplatform":false,"accessAndManageLogging":false,"accessAndManageCdn":false,"accessAndManageVpn":false,
	"accessAndManageApiGateway":false,"accessAndManageKaas":false,"accessAndManageNetworkFileStorage":false,
	"accessAndManageAiModelHub":false,"accessAndManageIamResources":false,"createNetworkSecurityGroups":false`

func TestGroupsV6CreateSendsEveryPrivilege(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, "/um/groups", fixture(t, "group_v6.json"))
	g, resp, err := m.c.Groups.Create(context.Background(), GroupSpec{Name: "operators"})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/um/groups")
	assertJSONBody(t, c, `{"properties":{"name":"operators",`+allV6PrivilegesFalse+`}}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, umGroupID, g.ID)

	// Each privilege is sent under its own name.
	m = newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, "/um/groups", fixture(t, "group_v6.json"))
	_, _, err = m.c.Groups.Create(context.Background(), GroupSpec{Name: "all",
		CreateDataCenter: true, CreateSnapshot: true, ReserveIP: true, AccessActivityLog: true, CreatePCC: true,
		S3Privilege: true, CreateBackupUnit: true, CreateInternetAccess: true, CreateK8sCluster: true,
		CreateFlowLog: true, AccessAndManageMonitoring: true, AccessAndManageCertificates: true, ManageDBaaS: true,
		AccessAndManageDNS: true, ManageRegistry: true, ManageDataPlatform: true, AccessAndManageLogging: true,
		AccessAndManageCDN: true, AccessAndManageVPN: true, AccessAndManageAPIGateway: true, AccessAndManageKaaS: true,
		AccessAndManageNetworkFileStorage: true, AccessAndManageAIModelHub: true, AccessAndManageIAMResources: true,
		CreateNetworkSecurityGroups: true,
	})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), strings.ReplaceAll(`{"properties":{"name":"all",`+allV6PrivilegesFalse+`}}`, "false", "true"))
}

func TestGroupsV6Get(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, "/um/groups/"+umGroupID, 200, fixture(t, "group_v6.json"))
	g, _, err := m.c.Groups.Get(context.Background(), umGroupID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/um/groups/"+umGroupID, "depth", "1")
	p := g.Properties
	assert.Equal(t, "operators", p.Name)
	assert.True(t, p.CreateK8sCluster)
	assert.True(t, p.CreateFlowLog)
	assert.True(t, p.AccessAndManageMonitoring)
	assert.False(t, p.AccessAndManageCertificates)
	assert.True(t, p.ManageDBaaS)
	assert.True(t, p.AccessAndManageDNS)
	assert.False(t, p.ManageRegistry)
	assert.True(t, p.ManageDataPlatform)
	assert.True(t, p.AccessAndManageLogging)
	assert.False(t, p.AccessAndManageCDN)
	assert.True(t, p.AccessAndManageVPN)
	assert.False(t, p.AccessAndManageAPIGateway)
	assert.True(t, p.AccessAndManageKaaS)
	assert.False(t, p.AccessAndManageNetworkFileStorage)
	assert.True(t, p.AccessAndManageAIModelHub)
	assert.False(t, p.AccessAndManageIAMResources)
	assert.True(t, p.CreateNetworkSecurityGroups)
}

// The API's group PUT replaces every property. Update reads the group,
// changes only what the update sets and writes the rest back as read:
// privileges the update does not mention, v6's and one this SDK does not
// know, survive.
func TestGroupsV6UpdateKeepsUnmentionedPrivileges(t *testing.T) {
	m := newNetV6Mock(t)
	p := "/um/groups/" + umGroupID
	m.onV6Net(http.MethodGet, p, 200, fixture(t, "group_v6.json"))
	m.onV6NetAccepted(http.MethodPut, p, fixture(t, "group_v6_updated.json"))
	g, resp, err := m.c.Groups.Update(context.Background(), umGroupID, GroupUpdate{
		Name: Ptr("platform operators"), ReserveIP: Ptr(true), ManageDBaaS: Ptr(false), AccessAndManageCDN: Ptr(true),
	}, WithCallContractNumber("31415926"))
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, p, "depth", "0")
	assertNoBody(t, calls[0])
	assert.Equal(t, "31415926", calls[0].Header.Get("X-Contract-Number"), "the GET is made for the same contract")
	assertCall(t, calls[1], http.MethodPut, p)
	assert.Equal(t, "31415926", calls[1].Header.Get("X-Contract-Number"))
	assertJSONBody(t, calls[1], `{"properties":{
		"name": "platform operators",
		"createDataCenter": true, "createSnapshot": true, "reserveIp": true, "accessActivityLog": true,
		"createPcc": false, "s3Privilege": true, "createBackupUnit": false, "createInternetAccess": false,
		"createK8sCluster": true, "createFlowLog": true, "accessAndManageMonitoring": true,
		"accessAndManageCertificates": false, "manageDBaaS": false, "accessAndManageDns": true,
		"manageRegistry": false, "manageDataplatform": true, "accessAndManageLogging": true,
		"accessAndManageCdn": true, "accessAndManageVpn": true, "accessAndManageApiGateway": false,
		"accessAndManageKaas": true, "accessAndManageNetworkFileStorage": false, "accessAndManageAiModelHub": true,
		"accessAndManageIamResources": false, "createNetworkSecurityGroups": true,
		"accessAndManageObjectStorageReplication": true
	}}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, "platform operators", g.Properties.Name)
	assert.True(t, g.Properties.ReserveIP)
	assert.False(t, g.Properties.ManageDBaaS)
}

func TestGroupsUpdateReadFails(t *testing.T) {
	m := newNetV6Mock(t)
	p := "/um/groups/" + umGroupID
	m.onV6Net(http.MethodGet, p, 404, fixture(t, "error_404.json"))
	g, resp, err := m.c.Groups.Update(context.Background(), umGroupID, GroupUpdate{ReserveIP: Ptr(true)})
	require.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, g)
	require.NotNil(t, resp)
	assert.Equal(t, 404, resp.StatusCode)
	calls := m.all()
	require.Len(t, calls, 1, "nothing is written when the read fails")
	assert.Equal(t, http.MethodGet, calls[0].Method)
}

// A v5 client refuses v6's privileges, before reading or writing anything.
func TestGroupsV5RefusesV6Privileges(t *testing.T) {
	m := newMockAPI(t)
	_, _, err := m.c.Groups.Create(context.Background(), GroupSpec{Name: "x", ManageDBaaS: true})
	assertNotInVersion(t, err, "GroupSpec.ManageDBaaS", APIv5)
	_, _, err = m.c.Groups.Create(context.Background(), GroupSpec{Name: "x", CreateNetworkSecurityGroups: true})
	assertNotInVersion(t, err, "GroupSpec.CreateNetworkSecurityGroups", APIv5)
	_, _, err = m.c.Groups.Update(context.Background(), umGroupID, GroupUpdate{CreateFlowLog: Ptr(false)})
	assertNotInVersion(t, err, "GroupUpdate.CreateFlowLog", APIv5)
	_, _, err = m.c.Groups.Update(context.Background(), umGroupID, GroupUpdate{AccessAndManageIAMResources: Ptr(true)})
	assertNotInVersion(t, err, "GroupUpdate.AccessAndManageIAMResources", APIv5)
	m.none()
}

// ---- Adding a user to a group ----

// The live v6 takes UserGroupPost, {"id": userId}: what the SDK sends on
// v5 too (TestGroupsAddUser).
func TestGroupsV6AddUser(t *testing.T) {
	m := newNetV6Mock(t)
	p := "/um/groups/" + umGroupID + "/users"
	m.onV6NetAccepted(http.MethodPost, p, fixture(t, "user_v6_added.json"))
	u, resp, err := m.c.Groups.AddUser(context.Background(), umGroupID, umUserID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, p)
	assertJSONBody(t, c, `{"id":"`+umUserID+`"}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, umUserID, u.ID)
	assert.Equal(t, "ada@example.com", u.Properties.Email)
	assert.True(t, u.Properties.SecAuthActive)
	assert.Equal(t, 2026, u.Metadata.LastLogin.Year())

	_, _, err = m.c.Groups.AddUser(context.Background(), umGroupID, "")
	assertInvalid(t, err, "userID")
	assert.Len(t, m.all(), 1, "an empty user ID is refused before sending")
}

// v6 resources keep their false and 0 values on re-encoding, like v5's
// (TestReadTypesRoundTrip).
func TestV6NetReadTypesRoundTrip(t *testing.T) {
	for name, target := range map[string]func() any{
		"nic_v6_created.json": func() any { return new(NIC) },
		"lan_v6_get.json":     func() any { return new(LAN) },
		"group_v6.json":       func() any { return new(Group) },
	} {
		t.Run(name, func(t *testing.T) {
			raw := fixture(t, name)
			v := target()
			require.NoError(t, json.Unmarshal(raw, v))
			again, err := json.Marshal(v)
			require.NoError(t, err)
			var before, after any
			require.NoError(t, json.Unmarshal(raw, &before))
			require.NoError(t, json.Unmarshal(again, &after))
			want, got := map[string]any{}, map[string]any{}
			scalars(before, "", want)
			scalars(after, "", got)
			n := 0
			for path, w := range want {
				if w == false || w == 0.0 {
					n++
					assert.Equal(t, w, got[path], "%s: a zero value is lost on re-encoding", path)
				}
			}
			assert.NotZero(t, n, "the fixture has zero values to keep")
		})
	}
}
