package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Security groups are Cloud API v6 only: these tests use a v6 client
// (newNetV6Mock in v6_network_test.go).

const (
	secGroupID = "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e21"
	secGroups  = "/datacenters/" + dcID + "/securitygroups"
	secGroup   = secGroups + "/" + secGroupID
)

var secGroupSpecT = SecurityGroupSpec{Name: "web", Description: "HTTPS in", Rules: []FirewallRuleSpec{{
	Name: "https", Protocol: ProtocolTCP, SourceIP: "2001:db8::/32", PortRangeStart: 443, PortRangeEnd: 443,
	Type: FirewallRuleIngress, IPVersion: IPv6,
}}}

// Every group operation: verb, path, query and body.
func TestSecurityGroupsCRUD(t *testing.T) {
	m := newNetV6Mock(t)
	ctx := context.Background()
	m.onV6Net(http.MethodGet, secGroups, 200, fixture(t, "securitygroup_list.json"))
	m.onV6NetAccepted(http.MethodPost, secGroups, fixture(t, "securitygroup_get.json"))
	m.onV6Net(http.MethodGet, secGroup, 200, fixture(t, "securitygroup_get.json"))
	m.onV6NetAccepted(http.MethodPatch, secGroup, fixture(t, "securitygroup_get.json"))
	m.onV6NetAccepted(http.MethodPut, secGroup, fixture(t, "securitygroup_get.json"))
	m.onV6Net(http.MethodDelete, secGroup, http.StatusAccepted, nil, "Location", netV6Base+"/requests/"+testRequestID+"/status")

	sgs, _, err := m.c.SecurityGroups.List(ctx, dcID)
	require.NoError(t, err)
	require.Len(t, sgs, 2)
	assert.Equal(t, "postgres", sgs[1].Properties.Description)
	n := 0
	for sg, err := range m.c.SecurityGroups.All(ctx, dcID, WithDepth(0)) {
		require.NoError(t, err)
		assert.NotEmpty(t, sg.ID)
		n++
	}
	assert.Equal(t, 2, n)
	sg, resp, err := m.c.SecurityGroups.Create(ctx, dcID, secGroupSpecT)
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, secGroupID, sg.ID)
	sg, _, err = m.c.SecurityGroups.Get(ctx, dcID, secGroupID)
	require.NoError(t, err)
	assert.Equal(t, "HTTPS in", sg.Properties.Description)
	require.Len(t, sg.Entities.Rules.Items, 1)
	r := sg.Entities.Rules.Items[0].Properties
	assert.Equal(t, ProtocolTCP, r.Protocol)
	assert.Equal(t, IPv6, r.IPVersion)
	assert.Equal(t, "2001:db8::/32", r.SourceIP)
	_, resp, err = m.c.SecurityGroups.Update(ctx, dcID, secGroupID, SecurityGroupUpdate{Description: Ptr("all web")})
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	_, resp, err = m.c.SecurityGroups.Replace(ctx, dcID, secGroupID, SecurityGroupSpec{Name: "web2"})
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	resp, err = m.c.SecurityGroups.Delete(ctx, dcID, secGroupID)
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)

	calls := m.all()
	require.Len(t, calls, 7)
	assertCall(t, calls[0], http.MethodGet, secGroups, "depth", "1")
	assertNoBody(t, calls[0])
	assertCall(t, calls[1], http.MethodGet, secGroups, "depth", "0")
	assertCall(t, calls[2], http.MethodPost, secGroups)
	assertJSONBody(t, calls[2], string(fixture(t, "securitygroup_create.golden.json")))
	assertCall(t, calls[3], http.MethodGet, secGroup, "depth", "1")
	assertCall(t, calls[4], http.MethodPatch, secGroup)
	// PATCH takes SecurityGroupProperties itself as the body.
	assertJSONBody(t, calls[4], `{"description":"all web"}`)
	assertCall(t, calls[5], http.MethodPut, secGroup)
	assertJSONBody(t, calls[5], `{"properties":{"name":"web2"}}`)
	assertCall(t, calls[6], http.MethodDelete, secGroup)
	assertNoBody(t, calls[6])
}

// Refusals before sending: a missing or too long name, a too long
// description, a bad rule, rules on Replace, an empty ID.
func TestSecurityGroupsRefusals(t *testing.T) {
	m := newNetV6Mock(t)
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"no name": func() error { _, _, err := m.c.SecurityGroups.Create(ctx, dcID, SecurityGroupSpec{}); return err },
		"long name": func() error {
			_, _, err := m.c.SecurityGroups.Create(ctx, dcID, SecurityGroupSpec{Name: strings.Repeat("n", 61)})
			return err
		},
		"long description": func() error {
			_, _, err := m.c.SecurityGroups.Update(ctx, dcID, secGroupID, SecurityGroupUpdate{Description: Ptr(strings.Repeat("d", 301))})
			return err
		},
		"empty name on update": func() error {
			_, _, err := m.c.SecurityGroups.Update(ctx, dcID, secGroupID, SecurityGroupUpdate{Name: Ptr("")})
			return err
		},
		"bad port": func() error {
			_, _, err := m.c.SecurityGroups.Create(ctx, dcID, SecurityGroupSpec{Name: "x", Rules: []FirewallRuleSpec{{Protocol: ProtocolTCP, PortRangeStart: 70000, PortRangeEnd: 70000}}})
			return err
		},
		"rules on replace": func() error {
			_, _, err := m.c.SecurityGroups.Replace(ctx, dcID, secGroupID, secGroupSpecT)
			return err
		},
		"empty id": func() error { _, err := m.c.SecurityGroups.Delete(ctx, dcID, ""); return err },
	} {
		var ie *InvalidInputError
		assert.ErrorAs(t, call(), &ie, name)
	}
	m.none()
}

// A v5 client refuses every security group call before sending.
func TestSecurityGroupsRefusedOnV5(t *testing.T) {
	ctx := context.Background()
	m := newMockAPI(t) // v5
	require.Equal(t, APIv5, m.c.APIVersion())
	calls := map[string]func() error{
		"List": func() error { _, _, err := m.c.SecurityGroups.List(ctx, dcID); return err },
		"Get":  func() error { _, _, err := m.c.SecurityGroups.Get(ctx, dcID, secGroupID); return err },
		"Create": func() error {
			_, _, err := m.c.SecurityGroups.Create(ctx, dcID, SecurityGroupSpec{Name: "x"})
			return err
		},
		"Update": func() error {
			_, _, err := m.c.SecurityGroups.Update(ctx, dcID, secGroupID, SecurityGroupUpdate{Name: Ptr("x")})
			return err
		},
		"Replace": func() error {
			_, _, err := m.c.SecurityGroups.Replace(ctx, dcID, secGroupID, SecurityGroupSpec{Name: "x"})
			return err
		},
		"Delete": func() error { _, err := m.c.SecurityGroups.Delete(ctx, dcID, secGroupID); return err },
		"All": func() error {
			var e error
			for _, err := range m.c.SecurityGroups.All(ctx, dcID) {
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
		assert.Equal(t, []APIVersion{APIv6}, ve.Available, name)
	}
	m.none()
}

const (
	secRuleID = "7d6e5f4a-3b2c-4d1e-8f9a-0b1c2d3e4f51"
	secRules  = secGroup + "/rules"
	secRule   = secRules + "/" + secRuleID
)

// Every rule operation: verb, path, query and body.
func TestSecurityGroupRules(t *testing.T) {
	m := newNetV6Mock(t)
	ctx := context.Background()
	m.onV6Net(http.MethodGet, secRules, 200, fixture(t, "securitygroup_rules.json"))
	m.onV6Net(http.MethodPost, secRules, 200, fixture(t, "securitygroup_rule.json"))
	m.onV6Net(http.MethodGet, secRule, 200, fixture(t, "securitygroup_rule.json"))
	m.onV6NetAccepted(http.MethodPatch, secRule, fixture(t, "securitygroup_rule.json"))
	m.onV6NetAccepted(http.MethodPut, secRule, fixture(t, "securitygroup_rule.json"))
	m.onV6Net(http.MethodDelete, secRule, http.StatusAccepted, nil, "Location", netV6Base+"/requests/"+testRequestID+"/status")

	rs, _, err := m.c.SecurityGroups.ListRules(ctx, dcID, secGroupID)
	require.NoError(t, err)
	require.Len(t, rs, 1)
	n := 0
	for _, err := range m.c.SecurityGroups.AllRules(ctx, dcID, secGroupID) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
	spec := FirewallRuleSpec{Name: "ping6", Protocol: "ICMPv6", SourceIP: "2001:db8::/32", ICMPType: Ptr(128), ICMPCode: Ptr(0)}
	r, resp, err := m.c.SecurityGroups.CreateRule(ctx, dcID, secGroupID, spec)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, secRuleID, r.ID)
	r, _, err = m.c.SecurityGroups.GetRule(ctx, dcID, secGroupID, secRuleID)
	require.NoError(t, err)
	require.NotNil(t, r.Properties.ICMPType)
	assert.Equal(t, 128, *r.Properties.ICMPType)
	assert.Equal(t, IPv6, r.Properties.IPVersion)
	_, resp, err = m.c.SecurityGroups.UpdateRule(ctx, dcID, secGroupID, secRuleID, FirewallRuleUpdate{Name: Ptr("echo")})
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	_, resp, err = m.c.SecurityGroups.ReplaceRule(ctx, dcID, secGroupID, secRuleID, FirewallRuleSpec{Name: "ssh", Protocol: ProtocolTCP, PortRangeStart: 22, PortRangeEnd: 22})
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)
	resp, err = m.c.SecurityGroups.DeleteRule(ctx, dcID, secGroupID, secRuleID)
	require.NoError(t, err)
	assertV6NetAccepted(t, resp)

	calls := m.all()
	require.Len(t, calls, 7)
	assertCall(t, calls[0], http.MethodGet, secRules, "depth", "1")
	assertCall(t, calls[2], http.MethodPost, secRules)
	assertJSONBody(t, calls[2], `{"properties":{"name":"ping6","protocol":"ICMPv6","sourceIp":"2001:db8::/32","icmpType":128,"icmpCode":0}}`)
	assertCall(t, calls[3], http.MethodGet, secRule, "depth", "1")
	assertCall(t, calls[4], http.MethodPatch, secRule)
	assertJSONBody(t, calls[4], `{"name":"echo"}`)
	assertCall(t, calls[5], http.MethodPut, secRule)
	assertJSONBody(t, calls[5], `{"properties":{"name":"ssh","protocol":"TCP","portRangeStart":22,"portRangeEnd":22}}`)
	assertCall(t, calls[6], http.MethodDelete, secRule)
	assertNoBody(t, calls[6])

	// Refused before sending: a port beyond 65535, an ICMP type beyond 254.
	_, _, err = m.c.SecurityGroups.CreateRule(ctx, dcID, secGroupID, FirewallRuleSpec{Protocol: ProtocolTCP, PortRangeStart: 1, PortRangeEnd: 65536})
	var ie *InvalidInputError
	assert.ErrorAs(t, err, &ie)
	_, _, err = m.c.SecurityGroups.CreateRule(ctx, dcID, secGroupID, FirewallRuleSpec{Protocol: ProtocolICMP, ICMPType: Ptr(255)})
	assert.ErrorAs(t, err, &ie)
	assert.Len(t, m.all(), 7)
}

// The attach calls send ListOfIds ({"ids": [...]}, [] to detach) and decode
// the groups of the answer (200).
func TestSecurityGroupsAttach(t *testing.T) {
	m := newNetV6Mock(t)
	ctx := context.Background()
	srvPath := "/datacenters/" + dcID + "/servers/" + netSrvID + "/securitygroups"
	nicPath := "/datacenters/" + dcID + "/servers/" + netSrvID + "/nics/" + netNIC1ID + "/securitygroups"
	m.onV6Net(http.MethodPut, srvPath, 200, fixture(t, "securitygroup_list.json"))
	m.onV6Net(http.MethodPut, nicPath, 200, fixture(t, "securitygroup_list.json"))

	gs, resp, err := m.c.SecurityGroups.AttachToServer(ctx, dcID, netSrvID, []string{secGroupID, "8e7f6a5b-4c3d-4e2f-9a0b-1c2d3e4f5a61"})
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, gs, 2)
	assert.Equal(t, "db", gs[1].Properties.Name)
	_, _, err = m.c.SecurityGroups.AttachToNIC(ctx, dcID, netSrvID, netNIC1ID, nil)
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodPut, srvPath)
	assertJSONBody(t, calls[0], `{"ids":["`+secGroupID+`","8e7f6a5b-4c3d-4e2f-9a0b-1c2d3e4f5a61"]}`)
	assertCall(t, calls[1], http.MethodPut, nicPath)
	assertJSONBody(t, calls[1], `{"ids":[]}`)

	// An empty ID in the list is refused before sending.
	_, _, err = m.c.SecurityGroups.AttachToNIC(ctx, dcID, netSrvID, netNIC1ID, []string{""})
	var ie *InvalidInputError
	require.ErrorAs(t, err, &ie)
	assert.Contains(t, err.Error(), "securityGroupIDs[0]")
	assert.Len(t, m.all(), 2)
}

// A NIC at depth 1 decodes its security groups.
func TestNICEntitiesSecurityGroupsDecode(t *testing.T) {
	var n NIC
	require.NoError(t, json.Unmarshal([]byte(`{"id":"n","entities":{"securitygroups":{"items":[{"id":"`+secGroupID+`","type":"security-group","properties":{"name":"web"}}]}}}`), &n))
	require.Len(t, n.Entities.SecurityGroups.Items, 1)
	assert.Equal(t, "web", n.Entities.SecurityGroups.Items[0].Properties.Name)
}
