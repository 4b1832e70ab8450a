package ionos

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The NAT gateway tests run on a v6 client: NAT gateways are v6 only.

const (
	natBaseV6 = "https://api.ionos.test/cloudapi/v6" // as long as testBase
	natGwID   = "5a1f3e2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b"
	natRuleID = "9c3d5e7f-2a4b-4c6d-8e0f-1a2b3c4d5e6f"
	natGwsT   = "/datacenters/" + dcID + "/natgateways"
	natGwT    = natGwsT + "/" + natGwID
	natRulesT = natGwT + "/rules"
	natRuleT  = natRulesT + "/" + natRuleID
)

// natMock is a mockAPI whose client speaks v6 and whose responders answer
// below natBaseV6.
type natMock struct{ *mockAPI }

func newNATMock(t *testing.T, opts ...Option) natMock {
	t.Helper()
	m := newMockAPI(t, append([]Option{WithBaseURL(natBaseV6)}, opts...)...)
	require.Equal(t, APIv6, m.c.APIVersion())
	return natMock{m}
}

// on answers method+path with status and body; a 202 carries a Location
// when withLocation is set.
func (m natMock) on(method, path string, status int, body []byte, withLocation bool) {
	m.mt.RegisterResponder(method, natBaseV6+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		if withLocation {
			resp.Header.Set("Location", natBaseV6+"/requests/"+testRequestID+"/status")
		}
		return resp, nil
	})
}

func TestNATGatewaysList(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natGwsT, 200, fixture(t, "natgateway_list.json"), false)
	gws, resp, err := m.c.NATGateways.List(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, natGwsT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, gws, 2)
	g := gws[0]
	assert.Equal(t, natGwID, g.ID)
	assert.Equal(t, "natgateway", g.Type)
	assert.Equal(t, "egress", g.Properties.Name)
	assert.Equal(t, []string{"198.51.100.10", "198.51.100.11"}, g.Properties.PublicIPs)
	assert.Equal(t, []NATGatewayLAN{{ID: "2", GatewayIPs: []string{"10.7.0.1/24"}}}, g.Properties.LANs)
	require.Len(t, g.Entities.Rules.Items, 2)
	assert.Equal(t, NATGatewayRuleSNAT, g.Entities.Rules.Items[0].Properties.Type)
	assert.Equal(t, StateBusy, gws[1].Metadata.State)
	assert.Empty(t, gws[1].Properties.LANs)
}

func TestNATGatewaysListOnePage(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natGwsT, 200, fixture(t, "natgateway_list.json"), false)
	_, _, err := m.c.NATGateways.List(context.Background(), dcID, WithPage(0, 5), WithDepth(0))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, natGwsT, "depth", "0", "offset", "0", "limit", "5")
}

func TestNATGatewaysAll(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natGwsT, 200, fixture(t, "natgateway_list.json"), false)
	var names []string
	for g, err := range m.c.NATGateways.All(context.Background(), dcID) {
		require.NoError(t, err)
		names = append(names, g.Properties.Name)
	}
	assert.Equal(t, []string{"egress", "spare"}, names)
	assertCall(t, m.only(), http.MethodGet, natGwsT, "depth", "1")
}

func TestNATGatewaysGet(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natGwT, 200, fixture(t, "natgateway_get.json"), false)
	g, _, err := m.c.NATGateways.Get(context.Background(), dcID, natGwID, WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, natGwT, "depth", "2")
	assertNoBody(t, c)
	assert.Equal(t, StateAvailable, g.Metadata.State)
	assert.Equal(t, time.Date(2026, 11, 20, 9, 14, 2, 0, time.UTC), g.Metadata.CreatedDate)
	r := g.Entities.Rules.Items[1]
	assert.Equal(t, natRuleID, r.ID)
	assert.Equal(t, NATGatewayRuleProperties{
		Name: "web only", Type: NATGatewayRuleSNAT, Protocol: NATGatewayRuleTCP, SourceSubnet: "10.7.0.0/24",
		PublicIP: "198.51.100.10", TargetSubnet: "0.0.0.0/0", TargetPortRange: &NATGatewayPortRange{Start: 80, End: 443},
	}, r.Properties)
}

// TestNATGatewaysCreateGolden is the case: a NAT gateway with two
// public IPs, one LAN with a gateway IP and one SNAT rule, created inline
// (the v6 NatGateway schema has entities.rules).
func TestNATGatewaysCreateGolden(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodPost, natGwsT, 202, fixture(t, "natgateway_busy.json"), true)
	g, resp, err := m.c.NATGateways.Create(context.Background(), dcID, NATGatewaySpec{
		Name:      "egress",
		PublicIPs: []string{"198.51.100.10", "198.51.100.11"},
		LANs:      []NATGatewayLAN{{ID: "2", GatewayIPs: []string{"10.7.0.1/24"}}},
		Rules: []NATGatewayRuleSpec{{
			Name: "outbound", Type: NATGatewayRuleSNAT, Protocol: NATGatewayRuleALL,
			SourceSubnet: "10.7.0.0/24", PublicIP: "198.51.100.10",
		}},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, natGwsT)
	assertJSONBody(t, c, string(fixture(t, "natgateway_create.golden.json")))
	assert.Equal(t, testRequestID, resp.RequestID)
	assert.Equal(t, natGwID, g.ID)
	assert.Equal(t, StateBusy, g.Metadata.State)
}

func TestNATGatewaysCreateMinimal(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodPost, natGwsT, 202, fixture(t, "natgateway_busy.json"), true)
	_, _, err := m.c.NATGateways.Create(context.Background(), dcID, NATGatewaySpec{Name: "n", PublicIPs: []string{"198.51.100.10"}})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"name":"n","publicIps":["198.51.100.10"]}}`)
}

func TestNATGatewaysUpdate(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  NATGatewayUpdate
		want string
	}{
		{"name", NATGatewayUpdate{Name: Ptr("renamed")}, `{"name":"renamed"}`},
		{"ips and lans", NATGatewayUpdate{PublicIPs: []string{"198.51.100.11"}, LANs: []NATGatewayLAN{{ID: "3"}}},
			`{"publicIps":["198.51.100.11"],"lans":[{"id":3}]}`},
		{"clear lans", NATGatewayUpdate{ClearLANs: true}, `{"lans":[]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newNATMock(t)
			// v6 answers a PATCH 202 without Location.
			m.on(http.MethodPatch, natGwT, 202, fixture(t, "natgateway_busy.json"), false)
			g, resp, err := m.c.NATGateways.Update(context.Background(), dcID, natGwID, tc.upd)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPatch, natGwT)
			assertJSONBody(t, c, tc.want)
			assert.Equal(t, http.StatusAccepted, resp.StatusCode)
			assert.Empty(t, resp.RequestURL)
			assert.Equal(t, natGwID, g.ID)
		})
	}
}

func TestNATGatewaysReplace(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodPut, natGwT, 202, fixture(t, "natgateway_busy.json"), false)
	_, _, err := m.c.NATGateways.Replace(context.Background(), dcID, natGwID, NATGatewaySpec{
		Name: "egress", PublicIPs: []string{"198.51.100.10"}, LANs: []NATGatewayLAN{{ID: "2"}},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, natGwT)
	assertJSONBody(t, c, `{"properties":{"name":"egress","publicIps":["198.51.100.10"],"lans":[{"id":2}]}}`)
}

func TestNATGatewaysDelete(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodDelete, natGwT, 202, nil, true)
	resp, err := m.c.NATGateways.Delete(context.Background(), dcID, natGwID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, natGwT)
	assertNoBody(t, c)
	assert.Equal(t, testRequestID, resp.RequestID)
}

func TestNATGatewaysListRules(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natRulesT, 200, fixture(t, "natgateway_rule_list.json"), false)
	rules, _, err := m.c.NATGateways.ListRules(context.Background(), dcID, natGwID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, natRulesT, "depth", "1")
	assertNoBody(t, c)
	require.Len(t, rules, 2)
	assert.Equal(t, "outbound", rules[0].Properties.Name)
	assert.Equal(t, NATGatewayRuleALL, rules[0].Properties.Protocol)
	assert.Nil(t, rules[0].Properties.TargetPortRange)
	assert.Equal(t, "natgateway-rule", rules[1].Type)
}

func TestNATGatewaysAllRules(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natRulesT, 200, fixture(t, "natgateway_rule_list.json"), false)
	var ids []string
	for r, err := range m.c.NATGateways.AllRules(context.Background(), dcID, natGwID, WithDepth(0)) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"7b2c4d6e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", natRuleID}, ids)
	assertCall(t, m.only(), http.MethodGet, natRulesT, "depth", "0")
}

func TestNATGatewaysGetRule(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodGet, natRuleT, 200, fixture(t, "natgateway_rule_get.json"), false)
	r, _, err := m.c.NATGateways.GetRule(context.Background(), dcID, natGwID, natRuleID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, natRuleT, "depth", "1")
	assert.Equal(t, &NATGatewayPortRange{Start: 80, End: 443}, r.Properties.TargetPortRange)
	assert.Equal(t, StateAvailable, r.Metadata.State)
}

func TestNATGatewaysCreateRule(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodPost, natRulesT, 202, fixture(t, "natgateway_rule_get.json"), true)
	r, resp, err := m.c.NATGateways.CreateRule(context.Background(), dcID, natGwID, NATGatewayRuleSpec{
		Name: "web only", Protocol: NATGatewayRuleTCP, SourceSubnet: "10.7.0.0/24", PublicIP: "198.51.100.10",
		TargetSubnet: "0.0.0.0/0", TargetPortRange: &NATGatewayPortRange{Start: 80, End: 443},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, natRulesT)
	assertJSONBody(t, c, `{"properties":{"name":"web only","protocol":"TCP","sourceSubnet":"10.7.0.0/24","publicIp":"198.51.100.10",
		"targetSubnet":"0.0.0.0/0","targetPortRange":{"start":80,"end":443}}}`)
	assert.Equal(t, testRequestID, resp.RequestID)
	assert.Equal(t, natRuleID, r.ID)
}

func TestNATGatewaysUpdateRule(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodPatch, natRuleT, 202, fixture(t, "natgateway_rule_get.json"), false)
	icmp := NATGatewayRuleICMP
	_, _, err := m.c.NATGateways.UpdateRule(context.Background(), dcID, natGwID, natRuleID, NATGatewayRuleUpdate{
		Name: Ptr("pings"), Protocol: &icmp, TargetSubnet: Ptr(""),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, natRuleT)
	assertJSONBody(t, c, `{"name":"pings","protocol":"ICMP","targetSubnet":""}`)
}

func TestNATGatewaysReplaceRule(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodPut, natRuleT, 202, fixture(t, "natgateway_rule_get.json"), false)
	_, _, err := m.c.NATGateways.ReplaceRule(context.Background(), dcID, natGwID, natRuleID, NATGatewayRuleSpec{
		Name: "all", SourceSubnet: "10.7.0.0/16", PublicIP: "198.51.100.11",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, natRuleT)
	assertJSONBody(t, c, `{"properties":{"name":"all","sourceSubnet":"10.7.0.0/16","publicIp":"198.51.100.11"}}`)
}

func TestNATGatewaysDeleteRule(t *testing.T) {
	m := newNATMock(t)
	m.on(http.MethodDelete, natRuleT, 202, nil, true)
	resp, err := m.c.NATGateways.DeleteRule(context.Background(), dcID, natGwID, natRuleID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, natRuleT)
	assertNoBody(t, c)
	assert.Equal(t, testRequestID, resp.RequestID)
}

func TestNATGatewaysRefusedBeforeSending(t *testing.T) {
	ctx := context.Background()
	good := NATGatewaySpec{Name: "n", PublicIPs: []string{"198.51.100.10"}}
	rule := NATGatewayRuleSpec{Name: "r", SourceSubnet: "10.0.0.0/24", PublicIP: "198.51.100.10"}
	with := func(f func(*NATGatewaySpec)) NATGatewaySpec { s := good; f(&s); return s }
	withRule := func(f func(*NATGatewayRuleSpec)) NATGatewayRuleSpec { s := rule; f(&s); return s }
	for _, tc := range []struct {
		field string
		call  func(s *NATGatewaysService) error
	}{
		{"datacenterID", func(s *NATGatewaysService) error { _, _, err := s.List(ctx, ""); return err }},
		{"natGatewayID", func(s *NATGatewaysService) error { _, _, err := s.Get(ctx, dcID, ""); return err }},
		{"ruleID", func(s *NATGatewaysService) error { _, err := s.DeleteRule(ctx, dcID, natGwID, ""); return err }},
		{"NATGatewaySpec.Name", func(s *NATGatewaysService) error {
			_, _, err := s.Create(ctx, dcID, with(func(s *NATGatewaySpec) { s.Name = "" }))
			return err
		}},
		{"NATGatewaySpec.PublicIPs", func(s *NATGatewaysService) error {
			_, _, err := s.Create(ctx, dcID, with(func(s *NATGatewaySpec) { s.PublicIPs = nil }))
			return err
		}},
		{"NATGatewaySpec.PublicIPs[1]", func(s *NATGatewaysService) error {
			_, _, err := s.Create(ctx, dcID, with(func(s *NATGatewaySpec) { s.PublicIPs = []string{"198.51.100.10", "x"} }))
			return err
		}},
		{"NATGatewaySpec.LANs[0].ID", func(s *NATGatewaysService) error {
			_, _, err := s.Create(ctx, dcID, with(func(s *NATGatewaySpec) { s.LANs = []NATGatewayLAN{{ID: "0"}} }))
			return err
		}},
		{"NATGatewaySpec.LANs[0].GatewayIPs[0]", func(s *NATGatewaysService) error {
			_, _, err := s.Create(ctx, dcID, with(func(s *NATGatewaySpec) { s.LANs = []NATGatewayLAN{{ID: "1", GatewayIPs: []string{"10.0.0.1/99"}}} }))
			return err
		}},
		{"NATGatewaySpec.Rules[0].PublicIP", func(s *NATGatewaysService) error {
			_, _, err := s.Create(ctx, dcID, with(func(s *NATGatewaySpec) {
				s.Rules = []NATGatewayRuleSpec{withRule(func(r *NATGatewayRuleSpec) { r.PublicIP = "" })}
			}))
			return err
		}},
		{"NATGatewaySpec.Rules", func(s *NATGatewaysService) error {
			_, _, err := s.Replace(ctx, dcID, natGwID, with(func(s *NATGatewaySpec) { s.Rules = []NATGatewayRuleSpec{rule} }))
			return err
		}},
		{"NATGatewayUpdate.ClearLANs", func(s *NATGatewaysService) error {
			_, _, err := s.Update(ctx, dcID, natGwID, NATGatewayUpdate{ClearLANs: true, LANs: []NATGatewayLAN{{ID: "1"}}})
			return err
		}},
		{"NATGatewayUpdate.Name", func(s *NATGatewaysService) error {
			_, _, err := s.Update(ctx, dcID, natGwID, NATGatewayUpdate{Name: Ptr("")})
			return err
		}},
		{"NATGatewayRuleSpec.Name", func(s *NATGatewaysService) error {
			_, _, err := s.CreateRule(ctx, dcID, natGwID, withRule(func(r *NATGatewayRuleSpec) { r.Name = "" }))
			return err
		}},
		{"NATGatewayRuleSpec.SourceSubnet", func(s *NATGatewaysService) error {
			_, _, err := s.CreateRule(ctx, dcID, natGwID, withRule(func(r *NATGatewayRuleSpec) { r.SourceSubnet = "" }))
			return err
		}},
		{"NATGatewayRuleSpec.TargetSubnet", func(s *NATGatewaysService) error {
			_, _, err := s.ReplaceRule(ctx, dcID, natGwID, natRuleID, withRule(func(r *NATGatewayRuleSpec) { r.TargetSubnet = "anywhere" }))
			return err
		}},
		{"NATGatewayRuleSpec.TargetPortRange.End", func(s *NATGatewaysService) error {
			_, _, err := s.CreateRule(ctx, dcID, natGwID, withRule(func(r *NATGatewayRuleSpec) { r.TargetPortRange = &NATGatewayPortRange{Start: 1, End: 65536} }))
			return err
		}},
		{"NATGatewayRuleSpec.TargetPortRange.Start", func(s *NATGatewaysService) error {
			_, _, err := s.CreateRule(ctx, dcID, natGwID, withRule(func(r *NATGatewayRuleSpec) { r.TargetPortRange = &NATGatewayPortRange{Start: 90, End: 80} }))
			return err
		}},
		{"NATGatewayRuleSpec.TargetPortRange", func(s *NATGatewaysService) error {
			_, _, err := s.CreateRule(ctx, dcID, natGwID, withRule(func(r *NATGatewayRuleSpec) {
				r.Protocol, r.TargetPortRange = NATGatewayRuleICMP, &NATGatewayPortRange{Start: 1, End: 2}
			}))
			return err
		}},
		{"NATGatewayRuleUpdate.PublicIP", func(s *NATGatewaysService) error {
			_, _, err := s.UpdateRule(ctx, dcID, natGwID, natRuleID, NATGatewayRuleUpdate{PublicIP: Ptr("nope")})
			return err
		}},
		{"NATGatewayRuleUpdate.SourceSubnet", func(s *NATGatewaysService) error {
			_, _, err := s.UpdateRule(ctx, dcID, natGwID, natRuleID, NATGatewayRuleUpdate{SourceSubnet: Ptr("")})
			return err
		}},
		{"NATGatewayRuleUpdate.TargetPortRange.Start", func(s *NATGatewaysService) error {
			_, _, err := s.UpdateRule(ctx, dcID, natGwID, natRuleID, NATGatewayRuleUpdate{TargetPortRange: &NATGatewayPortRange{Start: 0, End: 1}})
			return err
		}},
	} {
		t.Run(tc.field, func(t *testing.T) {
			m := newNATMock(t)
			err := tc.call(m.c.NATGateways)
			require.Error(t, err)
			if tc.field == "datacenterID" || tc.field == "natGatewayID" || tc.field == "ruleID" {
				assert.ErrorIs(t, err, ErrValidation)
				assert.Contains(t, err.Error(), tc.field)
			} else {
				assertInvalid(t, err, tc.field)
			}
			m.none()
		})
	}
}

// TestNATGatewaysRefusedOnV5: NAT gateways are not in Cloud API v5; a v5
// client refuses every call before sending.
func TestNATGatewaysRefusedOnV5(t *testing.T) {
	ctx := context.Background()
	spec := NATGatewaySpec{Name: "n", PublicIPs: []string{"198.51.100.10"}}
	rule := NATGatewayRuleSpec{Name: "r", SourceSubnet: "10.0.0.0/24", PublicIP: "198.51.100.10"}
	calls := map[string]func(s *NATGatewaysService) error{
		"List":   func(s *NATGatewaysService) error { _, _, err := s.List(ctx, dcID); return err },
		"Get":    func(s *NATGatewaysService) error { _, _, err := s.Get(ctx, dcID, natGwID); return err },
		"Create": func(s *NATGatewaysService) error { _, _, err := s.Create(ctx, dcID, spec); return err },
		"Update": func(s *NATGatewaysService) error {
			_, _, err := s.Update(ctx, dcID, natGwID, NATGatewayUpdate{Name: Ptr("x")})
			return err
		},
		"Replace":   func(s *NATGatewaysService) error { _, _, err := s.Replace(ctx, dcID, natGwID, spec); return err },
		"Delete":    func(s *NATGatewaysService) error { _, err := s.Delete(ctx, dcID, natGwID); return err },
		"ListRules": func(s *NATGatewaysService) error { _, _, err := s.ListRules(ctx, dcID, natGwID); return err },
		"AllRules": func(s *NATGatewaysService) error {
			for _, err := range s.AllRules(ctx, dcID, natGwID) {
				return err
			}
			return nil
		},
		"GetRule":    func(s *NATGatewaysService) error { _, _, err := s.GetRule(ctx, dcID, natGwID, natRuleID); return err },
		"CreateRule": func(s *NATGatewaysService) error { _, _, err := s.CreateRule(ctx, dcID, natGwID, rule); return err },
		"UpdateRule": func(s *NATGatewaysService) error {
			_, _, err := s.UpdateRule(ctx, dcID, natGwID, natRuleID, NATGatewayRuleUpdate{Name: Ptr("x")})
			return err
		},
		"ReplaceRule": func(s *NATGatewaysService) error {
			_, _, err := s.ReplaceRule(ctx, dcID, natGwID, natRuleID, rule)
			return err
		},
		"DeleteRule": func(s *NATGatewaysService) error { _, err := s.DeleteRule(ctx, dcID, natGwID, natRuleID); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			m := newMockAPI(t)
			require.Equal(t, APIv5, m.c.APIVersion())
			err := call(m.c.NATGateways)
			require.ErrorIs(t, err, ErrUnsupportedVersion)
			var ve *VersionError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, []APIVersion{APIv6}, ve.Available)
			m.none()
		})
	}
}

func TestNATGatewaysWaitForAvailable(t *testing.T) {
	m := newNATMock(t, WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	var n atomic.Int32
	busy, ok := fixture(t, "natgateway_busy.json"), fixture(t, "natgateway_get.json")
	m.mt.RegisterResponder(http.MethodGet, natBaseV6+natGwT, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		body := busy
		if n.Add(1) >= 3 {
			body = ok
		}
		return httpmock.NewBytesResponse(200, body), nil
	})
	var states []string
	g, err := m.c.NATGateways.WaitForAvailable(context.Background(), dcID, natGwID,
		WithProgress(func(p WaitProgress) { states = append(states, p.Status) }))
	require.NoError(t, err)
	assert.Equal(t, StateAvailable, g.Metadata.State)
	assert.Equal(t, []string{"BUSY", "BUSY", "AVAILABLE"}, states)
	for _, c := range m.all() {
		assertCall(t, c, http.MethodGet, natGwT, "depth", "0")
	}
}

func TestNATGatewaysWaitForRuleAvailableFailed(t *testing.T) {
	m := newNATMock(t, WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	m.on(http.MethodGet, natRuleT, 200, []byte(`{"id":"`+natRuleID+`","type":"natgateway-rule","metadata":{"state":"FAILED"},"properties":{}}`), false)
	_, err := m.c.NATGateways.WaitForRuleAvailable(context.Background(), dcID, natGwID, natRuleID)
	require.ErrorIs(t, err, ErrFailedState)
	var fe *FailedStateError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "NAT gateway rule", fe.Kind)
	_, err = m.c.NATGateways.WaitForAvailable(context.Background(), dcID, "")
	assert.ErrorIs(t, err, ErrValidation)
}
