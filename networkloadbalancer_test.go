package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	nlbID      = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	nlbRule1ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
	nlbRule2ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
	nlbsPathT  = "/datacenters/" + dcID + "/networkloadbalancers"
	nlbPathT   = nlbsPathT + "/" + nlbID
	nlbRulesT  = nlbPathT + "/forwardingrules"
)

// nlbRuleSpec is the rule of the golden body: two targets, a health check.
func nlbRuleSpec() NLBForwardingRuleSpec {
	return NLBForwardingRuleSpec{
		Name: "https", Algorithm: NLBAlgorithmRoundRobin, Protocol: NLBProtocolTCP,
		ListenerIP: "203.0.113.10", ListenerPort: 443,
		HealthCheck: &NLBHealthCheckSpec{ClientTimeout: 50000, ConnectTimeout: 5000, TargetTimeout: 50000, Retries: Ptr(0)},
		Targets: []NLBTargetSpec{
			{IP: "10.7.2.11", Port: 8443, Weight: 128, ProxyProtocol: NLBProxyProtocolV2,
				HealthCheck: &NLBTargetHealthCheckSpec{Check: true, CheckInterval: 2000}},
			{IP: "10.7.2.12", Port: 8443, Weight: 0, HealthCheck: &NLBTargetHealthCheckSpec{Maintenance: true}},
		},
	}
}

const nlbRuleGolden = `{
	"name": "https", "algorithm": "ROUND_ROBIN", "protocol": "TCP",
	"listenerIp": "203.0.113.10", "listenerPort": 443,
	"healthCheck": {"clientTimeout": 50000, "connectTimeout": 5000, "targetTimeout": 50000, "retries": 0},
	"targets": [
		{"ip": "10.7.2.11", "port": 8443, "weight": 128, "proxyProtocol": "v2", "healthCheck": {"check": true, "checkInterval": 2000, "maintenance": false}},
		{"ip": "10.7.2.12", "port": 8443, "weight": 0, "healthCheck": {"check": false, "maintenance": true}}
	]
}`

// TestNLBCreateGolden is the golden body: an NLB with a forwarding
// rule that has two targets and a health check.
func TestNLBCreateGolden(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, nlbsPathT, fixture(t, "networkloadbalancer_created.json"))
	n, resp, err := m.c.NetworkLoadBalancers.Create(context.Background(), dcID, NetworkLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"}, LBPrivateIPs: []string{"10.7.2.5/24"},
		ForwardingRules: []NLBForwardingRuleSpec{nlbRuleSpec()},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, nlbsPathT)
	assertJSONBody(t, c, `{
		"properties": {"name": "front", "listenerLan": 1, "targetLan": 2, "ips": ["203.0.113.10"], "lbPrivateIps": ["10.7.2.5/24"]},
		"entities": {"forwardingrules": {"items": [{"properties": `+nlbRuleGolden+`}]}}
	}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, nlbID, n.ID)
	assert.Equal(t, StateBusy, n.Metadata.State)
	require.Len(t, n.Entities.ForwardingRules.Items, 1)
	assert.Equal(t, nlbRule1ID, n.Entities.ForwardingRules.Items[0].ID)
}

func TestNLBCreateMinimal(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, nlbsPathT, fixture(t, "networkloadbalancer_busy.json"))
	_, _, err := m.c.NetworkLoadBalancers.Create(context.Background(), dcID, NetworkLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", CentralLogging: Ptr(false), LoggingFormat: "json"}, WithDepth(0))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, nlbsPathT, "depth", "0")
	assertJSONBody(t, c, `{"properties": {"name": "front", "listenerLan": 1, "targetLan": 2, "centralLogging": false, "loggingFormat": "json"}}`)
}

func TestNLBList(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbsPathT, 200, fixture(t, "networkloadbalancer_list.json"))
	ns, resp, err := m.c.NetworkLoadBalancers.List(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nlbsPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, ns, 1)
	assert.Equal(t, "networkloadbalancer", ns[0].Type)
	assert.Equal(t, LANID("1"), ns[0].Properties.ListenerLAN)
	assert.Equal(t, LANID("2"), ns[0].Properties.TargetLAN)
	require.Len(t, ns[0].Entities.ForwardingRules.Items, 2)
	assert.Equal(t, nlbRule2ID, ns[0].Entities.ForwardingRules.Items[1].ID)
}

func TestNLBAll(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbsPathT, 200, fixture(t, "networkloadbalancer_list.json"))
	var ids []string
	for n, err := range m.c.NetworkLoadBalancers.All(context.Background(), dcID, WithPage(0, 10)) {
		require.NoError(t, err)
		ids = append(ids, n.ID)
	}
	assert.Equal(t, []string{nlbID}, ids)
	assertCall(t, m.only(), http.MethodGet, nlbsPathT, "depth", "1", "offset", "0", "limit", "10")
}

func TestNLBGet(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbPathT, 200, fixture(t, "networkloadbalancer_get.json"))
	n, _, err := m.c.NetworkLoadBalancers.Get(context.Background(), dcID, nlbID, WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nlbPathT, "depth", "2")
	assertNoBody(t, c)
	p := n.Properties
	assert.Equal(t, "front", p.Name)
	assert.Equal(t, []string{"203.0.113.10"}, p.IPs)
	assert.Equal(t, []string{"10.7.2.5/24"}, p.LBPrivateIPs)
	assert.False(t, p.CentralLogging)
	assert.Equal(t, StateAvailable, n.Metadata.State)
	assert.Equal(t, time.Date(2026, 11, 20, 9, 14, 5, 0, time.UTC), n.Metadata.CreatedDate)
	require.Len(t, n.Entities.ForwardingRules.Items, 2)
	r := n.Entities.ForwardingRules.Items[0].Properties
	assert.Equal(t, NLBAlgorithmRoundRobin, r.Algorithm)
	assert.Equal(t, NLBProtocolTCP, r.Protocol)
	assert.Equal(t, 443, r.ListenerPort)
	assert.Equal(t, NLBHealthCheck{ClientTimeout: 50000, ConnectTimeout: 5000, TargetTimeout: 50000, Retries: 0}, r.HealthCheck)
	require.Len(t, r.Targets, 2)
	assert.Equal(t, NLBTarget{IP: "10.7.2.11", Port: 8443, Weight: 128, ProxyProtocol: NLBProxyProtocolV2,
		HealthCheck: NLBTargetHealthCheck{Check: true, CheckInterval: 2000}}, r.Targets[0])
	assert.Equal(t, NLBTarget{IP: "10.7.2.12", Port: 8443, Weight: 0,
		HealthCheck: NLBTargetHealthCheck{CheckInterval: 2000, Maintenance: true}}, r.Targets[1])
}

// Re-encoding a read NLB keeps its false and 0 values.
func TestNLBReencodeKeepsZeroes(t *testing.T) {
	var n NetworkLoadBalancer
	require.NoError(t, json.Unmarshal(fixture(t, "networkloadbalancer_get.json"), &n))
	b, err := json.Marshal(n)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(b, &back))
	props := back["properties"].(map[string]any)
	assert.Equal(t, false, props["centralLogging"])
	assert.Equal(t, float64(1), props["listenerLan"])
	rule := back["entities"].(map[string]any)["forwardingrules"].(map[string]any)["items"].([]any)[0].(map[string]any)["properties"].(map[string]any)
	assert.Equal(t, float64(0), rule["healthCheck"].(map[string]any)["retries"])
	target := rule["targets"].([]any)[1].(map[string]any)
	assert.Equal(t, float64(0), target["weight"])
	assert.Equal(t, false, target["healthCheck"].(map[string]any)["check"])
}

func TestNLBUpdate(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodPatch, nlbPathT, http.StatusAccepted, fixture(t, "networkloadbalancer_busy.json"))
	n, resp, err := m.c.NetworkLoadBalancers.Update(context.Background(), dcID, nlbID, NetworkLoadBalancerUpdate{
		Name: Ptr("front door"), TargetLAN: Ptr(LANID("3")), IPs: []string{"203.0.113.11"}, ClearLBPrivateIPs: true, CentralLogging: Ptr(false)})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, nlbPathT)
	assertJSONBody(t, c, `{"name": "front door", "targetLan": 3, "ips": ["203.0.113.11"], "lbPrivateIps": [], "centralLogging": false}`)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Empty(t, resp.RequestURL, "the spec documents no Location: wait with WaitForAvailable")
	assert.Equal(t, StateBusy, n.Metadata.State)
}

func TestNLBReplace(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPut, nlbPathT, fixture(t, "networkloadbalancer_busy.json"))
	_, resp, err := m.c.NetworkLoadBalancers.Replace(context.Background(), dcID, nlbID, NetworkLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"}})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, nlbPathT)
	assertJSONBody(t, c, `{"properties": {"name": "front", "listenerLan": 1, "targetLan": 2, "ips": ["203.0.113.10"]}}`)
	assertV6NetAccepted(t, resp)
}

func TestNLBDelete(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodDelete, nlbPathT, nil)
	resp, err := m.c.NetworkLoadBalancers.Delete(context.Background(), dcID, nlbID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, nlbPathT)
	assertNoBody(t, c)
	assertV6NetAccepted(t, resp)
}

func TestNLBListForwardingRules(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbRulesT, 200, fixture(t, "networkloadbalancer_rules.json"))
	rs, _, err := m.c.NetworkLoadBalancers.ListForwardingRules(context.Background(), dcID, nlbID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nlbRulesT, "depth", "1")
	assertNoBody(t, c)
	require.Len(t, rs, 2)
	assert.Equal(t, "forwarding-rule", rs[0].Type)
	assert.Equal(t, 80, rs[1].Properties.ListenerPort)
	assert.Equal(t, 3, rs[1].Properties.HealthCheck.Retries)
}

func TestNLBAllForwardingRules(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbRulesT, 200, fixture(t, "networkloadbalancer_rules.json"))
	var ids []string
	for r, err := range m.c.NetworkLoadBalancers.AllForwardingRules(context.Background(), dcID, nlbID, WithDepth(0)) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{nlbRule1ID, nlbRule2ID}, ids)
	assertCall(t, m.only(), http.MethodGet, nlbRulesT, "depth", "0")
}

func TestNLBGetForwardingRule(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbRulesT+"/"+nlbRule1ID, 200, fixture(t, "networkloadbalancer_rule.json"))
	r, _, err := m.c.NetworkLoadBalancers.GetForwardingRule(context.Background(), dcID, nlbID, nlbRule1ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, nlbRulesT+"/"+nlbRule1ID, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, nlbRule1ID, r.ID)
	assert.Equal(t, "203.0.113.10", r.Properties.ListenerIP)
	require.Len(t, r.Properties.Targets, 2)
	assert.True(t, r.Properties.Targets[1].HealthCheck.Maintenance)
}

func TestNLBCreateForwardingRule(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodPost, nlbRulesT, fixture(t, "networkloadbalancer_rule.json"))
	r, resp, err := m.c.NetworkLoadBalancers.CreateForwardingRule(context.Background(), dcID, nlbID, nlbRuleSpec())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, nlbRulesT)
	assertJSONBody(t, c, `{"properties": `+nlbRuleGolden+`}`)
	assertV6NetAccepted(t, resp)
	assert.Equal(t, nlbRule1ID, r.ID)
}

func TestNLBUpdateForwardingRule(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodPatch, nlbRulesT+"/"+nlbRule1ID, http.StatusAccepted, fixture(t, "networkloadbalancer_rule.json"))
	_, _, err := m.c.NetworkLoadBalancers.UpdateForwardingRule(context.Background(), dcID, nlbID, nlbRule1ID, NLBForwardingRuleUpdate{
		Algorithm: Ptr(NLBAlgorithmSourceIP), ListenerPort: Ptr(8443), HealthCheck: &NLBHealthCheckSpec{Retries: Ptr(5)},
		Targets: []NLBTargetSpec{{IP: "10.7.2.13", Port: 80, Weight: 1}}})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, nlbRulesT+"/"+nlbRule1ID)
	assertJSONBody(t, c, `{"algorithm": "SOURCE_IP", "listenerPort": 8443, "healthCheck": {"retries": 5},
		"targets": [{"ip": "10.7.2.13", "port": 80, "weight": 1}]}`)
}

func TestNLBReplaceForwardingRule(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodPut, nlbRulesT+"/"+nlbRule1ID, http.StatusAccepted, fixture(t, "networkloadbalancer_rule.json"))
	_, _, err := m.c.NetworkLoadBalancers.ReplaceForwardingRule(context.Background(), dcID, nlbID, nlbRule1ID, nlbRuleSpec())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, nlbRulesT+"/"+nlbRule1ID)
	assertJSONBody(t, c, `{"properties": `+nlbRuleGolden+`}`)
}

func TestNLBDeleteForwardingRule(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6NetAccepted(http.MethodDelete, nlbRulesT+"/"+nlbRule2ID, nil)
	resp, err := m.c.NetworkLoadBalancers.DeleteForwardingRule(context.Background(), dcID, nlbID, nlbRule2ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, nlbRulesT+"/"+nlbRule2ID)
	assertNoBody(t, c)
	assertV6NetAccepted(t, resp)
}

// Input the API refuses for sure is refused before anything is sent.
func TestNLBRefusedBeforeSending(t *testing.T) {
	ctx := context.Background()
	spec := func(f func(*NetworkLoadBalancerSpec)) NetworkLoadBalancerSpec {
		s := NetworkLoadBalancerSpec{Name: "front", ListenerLAN: "1", TargetLAN: "2", ForwardingRules: []NLBForwardingRuleSpec{nlbRuleSpec()}}
		f(&s)
		return s
	}
	rule := func(f func(*NLBForwardingRuleSpec)) NLBForwardingRuleSpec {
		r := nlbRuleSpec()
		r.Targets = append([]NLBTargetSpec(nil), r.Targets...)
		f(&r)
		return r
	}
	const rf = "NLBForwardingRuleSpec"
	cases := []struct {
		name, field string
		call        func(s *NetworkLoadBalancersService) error
	}{
		{"no name", "NetworkLoadBalancerSpec.Name", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.Name = " " }))
			return err
		}},
		{"no listener LAN", "NetworkLoadBalancerSpec.ListenerLAN", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.ListenerLAN = "" }))
			return err
		}},
		{"target LAN not a number", "NetworkLoadBalancerSpec.TargetLAN", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.TargetLAN = "lan-2" }))
			return err
		}},
		{"IP not an IP", "NetworkLoadBalancerSpec.IPs[0]", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.IPs = []string{"front"} }))
			return err
		}},
		{"private IP without mask", "NetworkLoadBalancerSpec.LBPrivateIPs[0]", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.LBPrivateIPs = []string{"10.7.2.5"} }))
			return err
		}},
		{"private IP with a bad mask", "NetworkLoadBalancerSpec.LBPrivateIPs[1]", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.LBPrivateIPs = []string{"10.7.2.5/24", "10.7.3.5/33"} }))
			return err
		}},
		{"nested rule port 0", "NetworkLoadBalancerSpec.ForwardingRules[0].ListenerPort", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Create(ctx, dcID, spec(func(s *NetworkLoadBalancerSpec) { s.ForwardingRules[0].ListenerPort = 0 }))
			return err
		}},
		{"replace with rules", "NetworkLoadBalancerSpec.ForwardingRules", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Replace(ctx, dcID, nlbID, spec(func(*NetworkLoadBalancerSpec) {}))
			return err
		}},
		{"empty ID", "networkLoadBalancerID", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Get(ctx, dcID, "")
			return err
		}},
		{"empty rule ID", "forwardingRuleID", func(s *NetworkLoadBalancersService) error {
			_, err := s.DeleteForwardingRule(ctx, dcID, nlbID, "")
			return err
		}},
		{"clear and set IPs", "NetworkLoadBalancerUpdate.ClearIPs", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Update(ctx, dcID, nlbID, NetworkLoadBalancerUpdate{IPs: []string{"203.0.113.10"}, ClearIPs: true})
			return err
		}},
		{"update LAN 0", "NetworkLoadBalancerUpdate.ListenerLAN", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.Update(ctx, dcID, nlbID, NetworkLoadBalancerUpdate{ListenerLAN: Ptr(LANID("0"))})
			return err
		}},
		{"rule without algorithm", rf + ".Algorithm", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.Algorithm = "" }))
			return err
		}},
		{"rule without protocol", rf + ".Protocol", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.Protocol = "" }))
			return err
		}},
		{"rule listener IP", rf + ".ListenerIP", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.ListenerIP = "203.0.113" }))
			return err
		}},
		{"rule port 65536", rf + ".ListenerPort", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.ListenerPort = 65536 }))
			return err
		}},
		{"rule without targets", rf + ".Targets", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.Targets = nil }))
			return err
		}},
		{"target weight 257", rf + ".Targets[1].Weight", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.Targets[1].Weight = 257 }))
			return err
		}},
		{"target weight -1", rf + ".Targets[0].Weight", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.Targets[0].Weight = -1 }))
			return err
		}},
		{"target port 0", rf + ".Targets[0].Port", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.ReplaceForwardingRule(ctx, dcID, nlbID, nlbRule1ID, rule(func(r *NLBForwardingRuleSpec) { r.Targets[0].Port = 0 }))
			return err
		}},
		{"target without IP", rf + ".Targets[0].IP", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.Targets[0].IP = "" }))
			return err
		}},
		{"retries 65536", rf + ".HealthCheck.Retries", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.CreateForwardingRule(ctx, dcID, nlbID, rule(func(r *NLBForwardingRuleSpec) { r.HealthCheck.Retries = Ptr(65536) }))
			return err
		}},
		{"update port 0", "NLBForwardingRuleUpdate.ListenerPort", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.UpdateForwardingRule(ctx, dcID, nlbID, nlbRule1ID, NLBForwardingRuleUpdate{ListenerPort: Ptr(0)})
			return err
		}},
		{"update target weight", "NLBForwardingRuleUpdate.Targets[0].Weight", func(s *NetworkLoadBalancersService) error {
			_, _, err := s.UpdateForwardingRule(ctx, dcID, nlbID, nlbRule1ID, NLBForwardingRuleUpdate{Targets: []NLBTargetSpec{{IP: "10.7.2.11", Port: 80, Weight: 300}}})
			return err
		}},
		{"wait with empty ID", "datacenterID", func(s *NetworkLoadBalancersService) error {
			_, err := s.WaitForAvailable(ctx, "", nlbID)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newNetV6Mock(t)
			err := tc.call(m.c.NetworkLoadBalancers)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

// A v5 client refuses every NLB call before sending: v5 has no NLBs.
func TestNLBRefusedOnV5(t *testing.T) {
	m := newMockAPI(t, WithAPIVersion(APIv5))
	require.Equal(t, APIv5, m.c.APIVersion())
	ctx := context.Background()
	calls := map[string]func() error{
		"List": func() error { _, _, err := m.c.NetworkLoadBalancers.List(ctx, dcID); return err },
		"Create": func() error {
			_, _, err := m.c.NetworkLoadBalancers.Create(ctx, dcID, NetworkLoadBalancerSpec{Name: "front", ListenerLAN: "1", TargetLAN: "2"})
			return err
		},
		"CreateForwardingRule": func() error {
			_, _, err := m.c.NetworkLoadBalancers.CreateForwardingRule(ctx, dcID, nlbID, nlbRuleSpec())
			return err
		},
		"DeleteForwardingRule": func() error {
			_, err := m.c.NetworkLoadBalancers.DeleteForwardingRule(ctx, dcID, nlbID, nlbRule1ID)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			require.ErrorIs(t, err, ErrUnsupportedVersion)
			var ve *VersionError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, APIv5, ve.Version)
			assert.Equal(t, []APIVersion{APIv6}, ve.Available)
		})
	}
	m.none()
}

func TestNLBWaitForAvailable(t *testing.T) {
	m := newNetV6Mock(t)
	busy, avail := fixture(t, "networkloadbalancer_busy.json"), fixture(t, "networkloadbalancer_get.json")
	m.mt.RegisterResponder(http.MethodGet, netV6Base+nlbPathT, httpmock.ResponderFromMultipleResponses([]*http.Response{
		httpmock.NewBytesResponse(200, busy), httpmock.NewBytesResponse(200, busy), httpmock.NewBytesResponse(200, avail),
	}))
	var states []string
	n, err := m.c.NetworkLoadBalancers.WaitForAvailable(context.Background(), dcID, nlbID,
		WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}),
		WithProgress(func(p WaitProgress) { states = append(states, p.Status) }))
	require.NoError(t, err)
	assert.Equal(t, StateAvailable, n.Metadata.State)
	assert.Equal(t, []string{"BUSY", "BUSY", "AVAILABLE"}, states)
	assert.Equal(t, 3, m.mt.GetTotalCallCount())
}

func TestNLBWaitForAvailableFailed(t *testing.T) {
	m := newNetV6Mock(t)
	m.onV6Net(http.MethodGet, nlbPathT, 200, fixture(t, "networkloadbalancer_failed.json"))
	_, err := m.c.NetworkLoadBalancers.WaitForAvailable(context.Background(), dcID, nlbID,
		WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	require.ErrorIs(t, err, ErrFailedState)
	var fe *FailedStateError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, nlbID, fe.ID)
	assertCall(t, m.only(), http.MethodGet, nlbPathT, "depth", "0")
}

func TestNLBWaitForForwardingRuleAvailable(t *testing.T) {
	m := newNetV6Mock(t)
	var busy map[string]any
	require.NoError(t, json.Unmarshal(fixture(t, "networkloadbalancer_rule.json"), &busy))
	busy["metadata"].(map[string]any)["state"] = "BUSY"
	busyRaw, err := json.Marshal(busy)
	require.NoError(t, err)
	path := nlbRulesT + "/" + nlbRule1ID
	m.mt.RegisterResponder(http.MethodGet, netV6Base+path, httpmock.ResponderFromMultipleResponses([]*http.Response{
		httpmock.NewBytesResponse(200, busyRaw), httpmock.NewBytesResponse(200, fixture(t, "networkloadbalancer_rule.json")),
	}))
	r, err := m.c.NetworkLoadBalancers.WaitForForwardingRuleAvailable(context.Background(), dcID, nlbID, nlbRule1ID,
		WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	require.NoError(t, err)
	assert.Equal(t, StateAvailable, r.Metadata.State)
	assert.Equal(t, nlbRule1ID, r.ID)
	assert.Equal(t, 2, m.mt.GetTotalCallCount())

	_, err = m.c.NetworkLoadBalancers.WaitForForwardingRuleAvailable(context.Background(), dcID, nlbID, "")
	assertInvalid(t, err, "forwardingRuleID")
}
