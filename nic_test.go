package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const nicsPathT = "/datacenters/" + dcID + "/servers/" + netSrvID + "/nics"

func TestNICsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, nicsPathT, 200, fixture(t, "nic_list.json"))
	nics, resp, err := m.c.NICs.List(context.Background(), dcID, netSrvID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nicsPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, nics, 2)
	pub := nics[0]
	assert.Equal(t, netNIC1ID, pub.ID)
	assert.Equal(t, "nic", pub.Type)
	assert.Equal(t, "Public NIC", pub.Properties.Name)
	assert.Equal(t, "02:01:0a:1b:2c:3d", pub.Properties.MAC)
	assert.Equal(t, []string{"203.0.113.10"}, pub.Properties.IPs)
	assert.Equal(t, LANID("1"), pub.Properties.LAN)
	assert.True(t, pub.Properties.DHCP)
	assert.True(t, pub.Properties.FirewallActive)
	assert.False(t, pub.Properties.NAT)
	require.Len(t, pub.Entities.FirewallRules.Items, 2)
	assert.Equal(t, netFW2ID, pub.Entities.FirewallRules.Items[1].ID)
	priv := nics[1]
	assert.Equal(t, []string{"10.0.0.5", "10.0.0.6"}, priv.Properties.IPs)
	assert.False(t, priv.Properties.DHCP)
	assert.Equal(t, LANID("2"), priv.Properties.LAN)
	assert.Empty(t, priv.Entities.FirewallRules.Items)
}

func TestNICsListOnePage(t *testing.T) {
	m := newMockAPI(t, WithDefaultDepth(3))
	m.on(http.MethodGet, nicsPathT, 200, fixture(t, "nic_list.json"))
	_, _, err := m.c.NICs.List(context.Background(), dcID, netSrvID, WithPage(0, 1))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, nicsPathT, "depth", "3", "offset", "0", "limit", "1")
}

func TestNICsAll(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, nicsPathT, 200, fixture(t, "nic_list.json"))
	var names []string
	for n, err := range m.c.NICs.All(context.Background(), dcID, netSrvID) {
		require.NoError(t, err)
		names = append(names, n.Properties.Name)
		break // stops after the first item
	}
	assert.Equal(t, []string{"Public NIC"}, names)
	assertCall(t, m.only(), http.MethodGet, nicsPathT, "depth", "1")
}

func TestNICsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, nicsPathT+"/"+netNIC1ID, 200, fixture(t, "nic_get.json"))
	n, _, err := m.c.NICs.Get(context.Background(), dcID, netSrvID, netNIC1ID, WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nicsPathT+"/"+netNIC1ID, "depth", "2")
	assertNoBody(t, c)
	assert.Equal(t, netNIC1ID, n.ID)
	require.Len(t, n.Entities.FirewallRules.Items, 2)
	rule := n.Entities.FirewallRules.Items[0]
	assert.Equal(t, "Allow SSH", rule.Properties.Name)
	assert.Equal(t, 22, rule.Properties.PortRangeStart)
}

func TestNICsCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, nicsPathT, fixture(t, "nic_created.json"))
	n, resp, err := m.c.NICs.Create(context.Background(), dcID, netSrvID, NICSpec{
		Name: "Public NIC", LAN: "1", DHCP: Ptr(true), FirewallActive: true, NAT: false,
		FirewallRules: []FirewallRuleSpec{
			{Name: "Allow SSH", Protocol: ProtocolTCP, PortRangeStart: 22, PortRangeEnd: 22},
			{Name: "Allow ping", Protocol: ProtocolICMP, ICMPType: Ptr(8), ICMPCode: Ptr(0)},
		},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, nicsPathT)
	assertJSONBody(t, c, `{
		"properties": {"name": "Public NIC", "lan": 1, "dhcp": true, "firewallActive": true},
		"entities": {"firewallrules": {"items": [
			{"properties": {"name": "Allow SSH", "protocol": "TCP", "portRangeStart": 22, "portRangeEnd": 22}},
			{"properties": {"name": "Allow ping", "protocol": "ICMP", "icmpType": 8, "icmpCode": 0}}
		]}}
	}`)
	assertAccepted(t, resp)
	assert.Equal(t, netNIC1ID, n.ID)
	assert.Equal(t, StateBusy, n.Metadata.State)
	assert.Nil(t, n.Properties.IPs)
	assert.Empty(t, n.Properties.MAC)
	require.Len(t, n.Entities.FirewallRules.Items, 1)
}

func TestNICsCreateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec NICSpec
		want string
	}{
		{"LAN only: the API's defaults", NICSpec{LAN: "2"}, `{"properties":{"lan":2}}`},
		{"DHCP false is sent, the other defaults are not", NICSpec{LAN: "2", DHCP: Ptr(false), FirewallActive: false, NAT: false},
			`{"properties":{"lan":2,"dhcp":false}}`},
		{"firewall and NAT on", NICSpec{LAN: "2", FirewallActive: true, NAT: true},
			`{"properties":{"lan":2,"firewallActive":true,"nat":true}}`},
		{"fixed private and public IPs", NICSpec{LAN: "2", IPs: []string{"10.0.0.5", "172.16.4.1", "192.168.1.10", "203.0.113.10"}},
			`{"properties":{"lan":2,"ips":["10.0.0.5","172.16.4.1","192.168.1.10","203.0.113.10"]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, nicsPathT, fixture(t, "nic_created.json"))
			_, _, err := m.c.NICs.Create(context.Background(), dcID, netSrvID, tc.spec)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestNICsCreateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  NICSpec
		field string
	}{
		{"no LAN", NICSpec{Name: "x"}, "NICSpec.LAN"},
		{"LAN 0", NICSpec{LAN: "0", DHCP: Ptr(true)}, "NICSpec.LAN"},
		{"negative LAN", NICSpec{LAN: "-1"}, "NICSpec.LAN"},
		{"bad IP", NICSpec{LAN: "1", IPs: []string{"10.0.0.5", "10.0.0.256"}}, "NICSpec.IPs[1]"},
		{"empty IP", NICSpec{LAN: "1", IPs: []string{""}}, "NICSpec.IPs[0]"},
		{"CIDR", NICSpec{LAN: "1", IPs: []string{"10.0.0.5/24"}}, "NICSpec.IPs[0]"},
		{"nested rule port", NICSpec{LAN: "1", FirewallRules: []FirewallRuleSpec{{Protocol: ProtocolTCP, PortRangeStart: 70000}}},
			"NICSpec.FirewallRules[0].PortRangeStart"},
		{"nested rule MAC", NICSpec{LAN: "1", FirewallRules: []FirewallRuleSpec{{Protocol: ProtocolANY, SourceMAC: "nope"}}},
			"NICSpec.FirewallRules[0].SourceMAC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.NICs.Create(context.Background(), dcID, netSrvID, tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

// The field prefix is what the composite builders (ServerSpec.NICs) pass.
func TestNICSpecBodyFieldPrefix(t *testing.T) {
	s := NICSpec{LAN: "1", IPs: []string{"x"}}
	_, err := s.body("ServerSpec.NICs[2]")
	assertInvalid(t, err, "ServerSpec.NICs[2].IPs[0]")
}

func TestNICsUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, nicsPathT+"/"+netNIC2ID, fixture(t, "nic_updated.json"))
	n, resp, err := m.c.NICs.Update(context.Background(), dcID, netSrvID, netNIC2ID, NICUpdate{
		Name: Ptr("Private NIC"), LAN: Ptr[LANID]("3"), DHCP: Ptr(true),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, nicsPathT+"/"+netNIC2ID)
	assertJSONBody(t, c, `{"name":"Private NIC","lan":3,"dhcp":true}`)
	assertAccepted(t, resp)
	assert.Equal(t, LANID("3"), n.Properties.LAN)
	assert.Equal(t, []string{}, n.Properties.IPs)
}

func TestNICsUpdateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  NICUpdate
		want string
	}{
		{"nothing", NICUpdate{}, `{}`},
		{"false is sent", NICUpdate{NAT: Ptr(false), DHCP: Ptr(false), FirewallActive: Ptr(false)},
			`{"nat":false,"dhcp":false,"firewallActive":false}`},
		{"new IPs", NICUpdate{IPs: []string{"10.0.0.7", "10.0.0.8"}}, `{"ips":["10.0.0.7","10.0.0.8"]}`},
		{"nil IPs are unchanged", NICUpdate{IPs: nil, Name: Ptr("n")}, `{"name":"n"}`},
		{"empty IPs are unchanged", NICUpdate{IPs: []string{}, Name: Ptr("n")}, `{"name":"n"}`},
		{"ClearIPs sends an empty list", NICUpdate{ClearIPs: true}, `{"ips":[]}`},
		{"ClearIPs with an empty IPs", NICUpdate{ClearIPs: true, IPs: []string{}}, `{"ips":[]}`},
		{"empty name", NICUpdate{Name: Ptr("")}, `{"name":""}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPatch, nicsPathT+"/"+netNIC2ID, fixture(t, "nic_updated.json"))
			_, _, err := m.c.NICs.Update(context.Background(), dcID, netSrvID, netNIC2ID, tc.upd)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestNICsUpdateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   NICUpdate
		field string
	}{
		{"LAN 0", NICUpdate{LAN: Ptr[LANID]("0")}, "NICUpdate.LAN"},
		{"negative LAN", NICUpdate{LAN: Ptr[LANID]("-4")}, "NICUpdate.LAN"},
		{"bad IP", NICUpdate{IPs: []string{"10.0.0.1", "ten"}}, "NICUpdate.IPs[1]"},
		{"IPs and ClearIPs", NICUpdate{IPs: []string{"10.0.0.1"}, ClearIPs: true}, "NICUpdate.ClearIPs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.NICs.Update(context.Background(), dcID, netSrvID, netNIC2ID, tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestNICsDelete(t *testing.T) {
	m := newMockAPI(t)
	netAcceptDelete(m, nicsPathT+"/"+netNIC2ID)
	resp, err := m.c.NICs.Delete(context.Background(), dcID, netSrvID, netNIC2ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, nicsPathT+"/"+netNIC2ID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}
