package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// IDs of the networking fixtures (testdata/lan_*, nic_*, firewall_*,
// loadbalancer_*). The data center is dcID from datacenter_test.go.
const (
	netSrvID  = "2e4d1a2c-6d3f-4b43-9b1e-7f4b8f0a1c11"
	netNIC1ID = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e01"
	netNIC2ID = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e02"
	netFW1ID  = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b01"
	netFW2ID  = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b02"
	netLBID   = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c01"
	netPCCID  = "e3c2b1a0-9f8e-4d7c-8b6a-5f4e3d2c1b0a"

	fwRulesPath = "/datacenters/" + dcID + "/servers/" + netSrvID + "/nics/" + netNIC1ID + "/firewallrules"
)

// netAcceptDelete answers a DELETE with 202, no body and a Location header.
func netAcceptDelete(m *mockAPI, path string) {
	m.on(http.MethodDelete, path, http.StatusAccepted, nil, "Location", testBase+"/requests/"+testRequestID+"/status")
}

func TestFirewallRulesList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, fwRulesPath, 200, fixture(t, "firewall_list.json"))
	rules, resp, err := m.c.FirewallRules.List(context.Background(), dcID, netSrvID, netNIC1ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, fwRulesPath, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, rules, 2)
	ssh := rules[0].Properties
	assert.Equal(t, netFW1ID, rules[0].ID)
	assert.Equal(t, "firewall-rule", rules[0].Type)
	assert.Equal(t, "Allow SSH", ssh.Name)
	assert.Equal(t, ProtocolTCP, ssh.Protocol)
	assert.Equal(t, "0.0.0.0", ssh.SourceIP)
	assert.Equal(t, 22, ssh.PortRangeStart)
	assert.Equal(t, 22, ssh.PortRangeEnd)
	assert.Nil(t, ssh.ICMPType, "null is any")
	ping := rules[1].Properties
	assert.Equal(t, ProtocolICMP, ping.Protocol)
	assert.Equal(t, Ptr(8), ping.ICMPType)
	assert.Equal(t, Ptr(0), ping.ICMPCode, "0 is a real code, not any")
	assert.Equal(t, "01:23:45:67:89:00", ping.SourceMAC)
	assert.Equal(t, "203.0.113.10", ping.TargetIP)
	assert.Zero(t, ping.PortRangeStart, "null is any port: 0")
}

func TestFirewallRulesListOnePage(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, fwRulesPath, 200, fixture(t, "firewall_list.json"))
	_, _, err := m.c.FirewallRules.List(context.Background(), dcID, netSrvID, netNIC1ID, WithPage(10, 5), WithDepth(2))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, fwRulesPath, "depth", "2", "offset", "10", "limit", "5")
}

func TestFirewallRulesAll(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, fwRulesPath, 200, fixture(t, "firewall_list.json"))
	var ids []string
	for r, err := range m.c.FirewallRules.All(context.Background(), dcID, netSrvID, netNIC1ID) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{netFW1ID, netFW2ID}, ids)
	assertCall(t, m.only(), http.MethodGet, fwRulesPath, "depth", "1")
}

func TestFirewallRulesGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, fwRulesPath+"/"+netFW2ID, 200, fixture(t, "firewall_get.json"))
	r, _, err := m.c.FirewallRules.Get(context.Background(), dcID, netSrvID, netNIC1ID, netFW2ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, fwRulesPath+"/"+netFW2ID, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, netFW2ID, r.ID)
	assert.Equal(t, "Allow ping", r.Properties.Name)
	assert.Equal(t, StateAvailable, r.Metadata.State)
	assert.Equal(t, "ops@example.com", r.Metadata.CreatedBy)
}

func TestFirewallRulesGetDepth(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, fwRulesPath+"/"+netFW2ID, 200, fixture(t, "firewall_get.json"))
	_, _, err := m.c.FirewallRules.Get(context.Background(), dcID, netSrvID, netNIC1ID, netFW2ID, WithDepth(0))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, fwRulesPath+"/"+netFW2ID, "depth", "0")
}

func TestFirewallRulesCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, fwRulesPath, fixture(t, "firewall_created.json"))
	r, resp, err := m.c.FirewallRules.Create(context.Background(), dcID, netSrvID, netNIC1ID, FirewallRuleSpec{
		Name: "Allow SSH", Protocol: ProtocolTCP, SourceIP: "0.0.0.0", PortRangeStart: 22, PortRangeEnd: 22,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, fwRulesPath)
	assertJSONBody(t, c, `{"properties":{"name":"Allow SSH","protocol":"TCP","sourceIp":"0.0.0.0","portRangeStart":22,"portRangeEnd":22}}`)
	assertAccepted(t, resp)
	assert.Equal(t, netFW1ID, r.ID)
	assert.Equal(t, StateBusy, r.Metadata.State)
}

func TestFirewallRulesCreateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec FirewallRuleSpec
		want string
	}{
		{"ICMP zero type and code are numbers", FirewallRuleSpec{Protocol: ProtocolICMP, ICMPType: Ptr(0), ICMPCode: Ptr(0)},
			`{"properties":{"protocol":"ICMP","icmpType":0,"icmpCode":0}}`},
		{"ICMP upper bounds", FirewallRuleSpec{Protocol: ProtocolICMP, ICMPType: Ptr(254), ICMPCode: Ptr(254)},
			`{"properties":{"protocol":"ICMP","icmpType":254,"icmpCode":254}}`},
		{"MAC with dashes, as the spec allows", FirewallRuleSpec{Protocol: ProtocolANY, SourceMAC: "01-23-45-ab-CD-ef"},
			`{"properties":{"protocol":"ANY","sourceMac":"01-23-45-ab-CD-ef"}}`},
		{"UDP full port range", FirewallRuleSpec{Protocol: ProtocolUDP, PortRangeStart: 1, PortRangeEnd: 65534, TargetIP: "10.0.0.5"},
			`{"properties":{"protocol":"UDP","targetIp":"10.0.0.5","portRangeStart":1,"portRangeEnd":65534}}`},
		{"start alone", FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeStart: 443},
			`{"properties":{"protocol":"TCP","portRangeStart":443}}`},
		{"leading zeros, as the spec's pattern allows", FirewallRuleSpec{Protocol: ProtocolTCP, SourceIP: "010.000.000.001"},
			`{"properties":{"protocol":"TCP","sourceIp":"010.000.000.001"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, fwRulesPath, fixture(t, "firewall_created.json"))
			_, _, err := m.c.FirewallRules.Create(context.Background(), dcID, netSrvID, netNIC1ID, tc.spec)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestFirewallRulesCreateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  FirewallRuleSpec
		field string
	}{
		{"no protocol", FirewallRuleSpec{Name: "x"}, "FirewallRuleSpec.Protocol"},
		{"port with ICMP", FirewallRuleSpec{Protocol: ProtocolICMP, PortRangeStart: 22}, "FirewallRuleSpec.PortRangeStart"},
		{"port end with ANY", FirewallRuleSpec{Protocol: ProtocolANY, PortRangeEnd: 22}, "FirewallRuleSpec.PortRangeEnd"},
		{"negative port", FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeStart: -1}, "FirewallRuleSpec.PortRangeStart"},
		{"port 65535", FirewallRuleSpec{Protocol: ProtocolUDP, PortRangeStart: 1, PortRangeEnd: 65535}, "FirewallRuleSpec.PortRangeEnd"},
		{"negative port", FirewallRuleSpec{Protocol: ProtocolUDP, PortRangeEnd: -1}, "FirewallRuleSpec.PortRangeEnd"},
		{"start after end", FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeStart: 443, PortRangeEnd: 80}, "FirewallRuleSpec.PortRangeEnd"},
		{"ICMP type with TCP", FirewallRuleSpec{Protocol: ProtocolTCP, ICMPType: Ptr(8)}, "FirewallRuleSpec.ICMPType"},
		{"ICMP code with ANY", FirewallRuleSpec{Protocol: ProtocolANY, ICMPCode: Ptr(0)}, "FirewallRuleSpec.ICMPCode"},
		{"ICMP type 255", FirewallRuleSpec{Protocol: ProtocolICMP, ICMPType: Ptr(255)}, "FirewallRuleSpec.ICMPType"},
		{"ICMP code -1", FirewallRuleSpec{Protocol: ProtocolICMP, ICMPCode: Ptr(-1)}, "FirewallRuleSpec.ICMPCode"},
		{"short MAC", FirewallRuleSpec{Protocol: ProtocolANY, SourceMAC: "01:23:45:67:89"}, "FirewallRuleSpec.SourceMAC"},
		{"dotted MAC", FirewallRuleSpec{Protocol: ProtocolANY, SourceMAC: "0123.4567.8900"}, "FirewallRuleSpec.SourceMAC"},
		{"non-hex MAC", FirewallRuleSpec{Protocol: ProtocolANY, SourceMAC: "01:23:45:67:89:zz"}, "FirewallRuleSpec.SourceMAC"},
		{"source IPv6", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "2001:db8::1"}, "FirewallRuleSpec.SourceIP"},
		{"source 256", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "256.1.1.1"}, "FirewallRuleSpec.SourceIP"},
		{"source CIDR", FirewallRuleSpec{Protocol: ProtocolANY, SourceIP: "10.0.0.0/8"}, "FirewallRuleSpec.SourceIP"},
		{"target three octets", FirewallRuleSpec{Protocol: ProtocolANY, TargetIP: "10.0.0"}, "FirewallRuleSpec.TargetIP"},
		{"target host name", FirewallRuleSpec{Protocol: ProtocolANY, TargetIP: "example.com"}, "FirewallRuleSpec.TargetIP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.FirewallRules.Create(context.Background(), dcID, netSrvID, netNIC1ID, tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestFirewallRulesUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, fwRulesPath+"/"+netFW1ID, fixture(t, "firewall_updated.json"))
	r, resp, err := m.c.FirewallRules.Update(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID, FirewallRuleUpdate{
		Name: Ptr("SSH from office"), SourceIP: Ptr("198.51.100.7"), PortRangeEnd: Ptr(2222),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, fwRulesPath+"/"+netFW1ID)
	assertJSONBody(t, c, `{"name":"SSH from office","sourceIp":"198.51.100.7","portRangeEnd":2222}`)
	assertAccepted(t, resp)
	assert.Equal(t, "SSH from office", r.Properties.Name)
	assert.Equal(t, 2222, r.Properties.PortRangeEnd)
}

func TestFirewallRulesUpdateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  FirewallRuleUpdate
		want string
	}{
		{"nothing", FirewallRuleUpdate{}, `{}`},
		{"empty name", FirewallRuleUpdate{Name: Ptr("")}, `{"name":""}`},
		{"ICMP zero", FirewallRuleUpdate{ICMPType: Ptr(0), ICMPCode: Ptr(0)}, `{"icmpType":0,"icmpCode":0}`},
		{"MAC", FirewallRuleUpdate{SourceMAC: Ptr("aa:bb:cc:dd:ee:ff")}, `{"sourceMac":"aa:bb:cc:dd:ee:ff"}`},
		{"any source IP and MAC", FirewallRuleUpdate{AnySourceIP: true, AnySourceMAC: true}, `{"sourceIp":null,"sourceMac":null}`},
		{"any port", FirewallRuleUpdate{AnyPort: true}, `{"portRangeStart":null,"portRangeEnd":null}`},
		{"any ICMP, new target", FirewallRuleUpdate{AnyICMPType: true, AnyICMPCode: true, TargetIP: Ptr("10.1.2.3")},
			`{"icmpType":null,"icmpCode":null,"targetIp":"10.1.2.3"}`},
		{"any target", FirewallRuleUpdate{AnyTargetIP: true}, `{"targetIp":null}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPatch, fwRulesPath+"/"+netFW1ID, fixture(t, "firewall_updated.json"))
			_, _, err := m.c.FirewallRules.Update(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID, tc.upd)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestFirewallRulesUpdateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   FirewallRuleUpdate
		field string
	}{
		{"port 0", FirewallRuleUpdate{PortRangeStart: Ptr(0)}, "FirewallRuleUpdate.PortRangeStart"},
		{"port 65535", FirewallRuleUpdate{PortRangeEnd: Ptr(65535)}, "FirewallRuleUpdate.PortRangeEnd"},
		{"start after end", FirewallRuleUpdate{PortRangeStart: Ptr(9000), PortRangeEnd: Ptr(8000)}, "FirewallRuleUpdate.PortRangeEnd"},
		{"ICMP type 255", FirewallRuleUpdate{ICMPType: Ptr(255)}, "FirewallRuleUpdate.ICMPType"},
		{"ICMP code -1", FirewallRuleUpdate{ICMPCode: Ptr(-1)}, "FirewallRuleUpdate.ICMPCode"},
		{"bad MAC", FirewallRuleUpdate{SourceMAC: Ptr("aa:bb:cc")}, "FirewallRuleUpdate.SourceMAC"},
		{"bad source IP", FirewallRuleUpdate{SourceIP: Ptr("1.2.3.4.5")}, "FirewallRuleUpdate.SourceIP"},
		{"bad target IP", FirewallRuleUpdate{TargetIP: Ptr("::1")}, "FirewallRuleUpdate.TargetIP"},
		{"empty source IP", FirewallRuleUpdate{SourceIP: Ptr("")}, "FirewallRuleUpdate.SourceIP"},
		{"empty MAC", FirewallRuleUpdate{SourceMAC: Ptr("")}, "FirewallRuleUpdate.SourceMAC"},
		{"IP and AnySourceIP", FirewallRuleUpdate{SourceIP: Ptr("1.2.3.4"), AnySourceIP: true}, "FirewallRuleUpdate.SourceIP"},
		{"port and AnyPort", FirewallRuleUpdate{PortRangeEnd: Ptr(80), AnyPort: true}, "FirewallRuleUpdate.PortRangeEnd"},
		{"code and AnyICMPCode", FirewallRuleUpdate{ICMPCode: Ptr(0), AnyICMPCode: true}, "FirewallRuleUpdate.ICMPCode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.FirewallRules.Update(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestFirewallRulesDelete(t *testing.T) {
	m := newMockAPI(t)
	netAcceptDelete(m, fwRulesPath+"/"+netFW1ID)
	resp, err := m.c.FirewallRules.Delete(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, fwRulesPath+"/"+netFW1ID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestFirewallRulesGetNotFound(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, fwRulesPath+"/"+netFW1ID, 404, fixture(t, "error_404.json"))
	r, resp, err := m.c.FirewallRules.Get(context.Background(), dcID, netSrvID, netNIC1ID, netFW1ID)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, r)
	assert.Equal(t, 404, resp.StatusCode)
}
