package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	albDC     = "15f67991-0f51-4efc-a8ad-ef1fb31a480c"
	albID     = "3f6c6d6e-9a0b-4c3b-8e2a-0c1d2e3f4a5b"
	albRuleID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	albTGID   = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"

	albsPathT     = "/datacenters/" + albDC + "/applicationloadbalancers"
	albPathT      = albsPathT + "/" + albID
	albRulesPathT = albPathT + "/forwardingrules"
	albRulePathT  = albRulesPathT + "/" + albRuleID
)

// albAccepted answers a write on a v6 mock with 202, body and a Location.
func albAccepted(m *mockAPI, method, path string, body []byte) {
	m.answerAs(method, path, http.StatusAccepted, "application/json", body,
		"Location", m.c.BaseURL()+"/requests/"+testRequestID+"/status")
}

// albAssertAccepted checks the Response of a write answered by albAccepted.
func albAssertAccepted(t *testing.T, m *mockAPI, resp *Response) {
	t.Helper()
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testRequestID, resp.RequestID)
	assert.Equal(t, m.c.BaseURL()+"/requests/"+testRequestID+"/status", resp.RequestURL)
}

// albGoldenRule is the forwarding rule of the golden body: one FORWARD to a
// target group and one REDIRECT.
func albGoldenRule() ALBForwardingRuleSpec {
	return ALBForwardingRuleSpec{
		Name: "web", ListenerIP: "203.0.113.10", ListenerPort: 80, ClientTimeout: 30000,
		HTTPRules: []HTTPRuleSpec{
			{Name: "to-app", Type: HTTPRuleForward, TargetGroup: albTGID,
				Conditions: []HTTPRuleCondition{{Type: HTTPConditionPath, Condition: HTTPMatchStartsWith, Value: "/app"}}},
			{Name: "legacy", Type: HTTPRuleRedirect, Location: "https://www.example.com/", StatusCode: 301, DropQuery: true,
				Conditions: []HTTPRuleCondition{{Type: HTTPConditionHost, Condition: HTTPMatchEquals, Negate: true, Value: "www.example.com"}}},
		},
	}
}

func albCheckRule(t *testing.T, r *ALBForwardingRule) {
	t.Helper()
	assert.Equal(t, albRuleID, r.ID)
	assert.Equal(t, "forwarding-rule", r.Type)
	assert.Equal(t, StateAvailable, r.Metadata.State)
	p := r.Properties
	assert.Equal(t, "web", p.Name)
	assert.Equal(t, ALBProtocolHTTP, p.Protocol)
	assert.Equal(t, "203.0.113.10", p.ListenerIP)
	assert.Equal(t, 80, p.ListenerPort)
	assert.Equal(t, 50000, p.ClientTimeout)
	require.Len(t, p.HTTPRules, 2)
	assert.Equal(t, HTTPRule{Name: "to-app", Type: HTTPRuleForward, TargetGroup: albTGID,
		Conditions: []HTTPRuleCondition{{Type: HTTPConditionPath, Condition: HTTPMatchStartsWith, Value: "/app"}}}, p.HTTPRules[0])
	assert.Equal(t, HTTPRule{Name: "legacy", Type: HTTPRuleRedirect, DropQuery: true, Location: "https://www.example.com/", StatusCode: 301,
		Conditions: []HTTPRuleCondition{{Type: HTTPConditionHost, Condition: HTTPMatchEquals, Negate: true, Value: "www.example.com"}}}, p.HTTPRules[1])
}

func TestALBList(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, albsPathT, 200, "application/json", fixture(t, "alb_list.json"))
	albs, resp, err := m.c.ApplicationLoadBalancers.List(context.Background(), albDC)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, albsPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, albs, 1)
	a := albs[0]
	assert.Equal(t, albID, a.ID)
	assert.Equal(t, "applicationloadbalancer", a.Type)
	assert.Equal(t, ApplicationLoadBalancerProperties{Name: "front", ListenerLAN: "1", IPs: []string{"203.0.113.10"},
		TargetLAN: "2", LBPrivateIPs: []string{"10.12.0.2/24"}}, a.Properties)
	require.Len(t, a.Entities.ForwardingRules.Items, 1)
	albCheckRule(t, &a.Entities.ForwardingRules.Items[0])
}

func TestALBListOnePageAndAll(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, albsPathT, 200, "application/json", fixture(t, "alb_list.json"))
	_, _, err := m.c.ApplicationLoadBalancers.List(context.Background(), albDC, WithPage(0, 5), WithDepth(2))
	require.NoError(t, err)
	assertCall(t, m.all()[0], http.MethodGet, albsPathT, "depth", "2", "offset", "0", "limit", "5")
	var ids []string
	for a, err := range m.c.ApplicationLoadBalancers.All(context.Background(), albDC) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{albID}, ids)
	assertCall(t, m.all()[1], http.MethodGet, albsPathT, "depth", "1")
}

func TestALBGet(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, albPathT, 200, "application/json", fixture(t, "alb_get.json"))
	a, _, err := m.c.ApplicationLoadBalancers.Get(context.Background(), albDC, albID, WithDepth(2))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, albPathT, "depth", "2")
	assertNoBody(t, c)
	assert.Equal(t, LANID("1"), a.Properties.ListenerLAN)
	assert.Equal(t, LANID("2"), a.Properties.TargetLAN)
	assert.Equal(t, StateAvailable, a.Metadata.State)
	require.Len(t, a.Entities.ForwardingRules.Items, 1)
	albCheckRule(t, &a.Entities.ForwardingRules.Items[0])
}

// Re-encoding an ALB keeps false and 0.
func TestALBReencodeKeepsZeros(t *testing.T) {
	var a ApplicationLoadBalancer
	require.NoError(t, json.Unmarshal(fixture(t, "alb_get.json"), &a))
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"centralLogging":false`)
	assert.Contains(t, string(b), `"dropQuery":false`)
	assert.Contains(t, string(b), `"negate":false`)
	assert.Contains(t, string(b), `"listenerLan":1`)
}

func TestALBCreate(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPost, albsPathT, fixture(t, "alb_get.json"))
	a, resp, err := m.c.ApplicationLoadBalancers.Create(context.Background(), albDC, ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"}, LBPrivateIPs: []string{"10.12.0.2/24"},
		CentralLogging: Ptr(false),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, albsPathT)
	assertJSONBody(t, c, `{"properties":{"name":"front","listenerLan":1,"ips":["203.0.113.10"],"targetLan":2,"lbPrivateIps":["10.12.0.2/24"],"centralLogging":false}}`)
	albAssertAccepted(t, m, resp)
	assert.Equal(t, albID, a.ID)
}

func TestALBUpdate(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPatch, albPathT, fixture(t, "alb_get.json"))
	lan := LANID("3")
	_, resp, err := m.c.ApplicationLoadBalancers.Update(context.Background(), albDC, albID, ApplicationLoadBalancerUpdate{
		Name: Ptr("front-2"), TargetLAN: &lan, ClearIPs: true,
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, albPathT)
	assertJSONBody(t, c, `{"name":"front-2","targetLan":3,"ips":[]}`)
	albAssertAccepted(t, m, resp)
}

func TestALBReplace(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPut, albPathT, fixture(t, "alb_get.json"))
	_, _, err := m.c.ApplicationLoadBalancers.Replace(context.Background(), albDC, albID, ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2",
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, albPathT)
	assertJSONBody(t, c, `{"properties":{"name":"front","listenerLan":1,"targetLan":2}}`)
}

func TestALBDelete(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodDelete, albPathT, nil)
	resp, err := m.c.ApplicationLoadBalancers.Delete(context.Background(), albDC, albID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, albPathT)
	assertNoBody(t, c)
	albAssertAccepted(t, m, resp)
}

func TestALBForwardingRulesListAllGet(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, albRulesPathT, 200, "application/json", fixture(t, "alb_forwardingrule_list.json"))
	m.answerAs(http.MethodGet, albRulePathT, 200, "application/json", fixture(t, "alb_forwardingrule.json"))
	ctx := context.Background()
	rules, _, err := m.c.ApplicationLoadBalancers.ListForwardingRules(ctx, albDC, albID)
	require.NoError(t, err)
	require.Len(t, rules, 1)
	albCheckRule(t, &rules[0])
	n := 0
	for r, err := range m.c.ApplicationLoadBalancers.AllForwardingRules(ctx, albDC, albID, WithDepth(0)) {
		require.NoError(t, err)
		assert.Equal(t, albRuleID, r.ID)
		n++
	}
	assert.Equal(t, 1, n)
	r, _, err := m.c.ApplicationLoadBalancers.GetForwardingRule(ctx, albDC, albID, albRuleID)
	require.NoError(t, err)
	albCheckRule(t, r)
	calls := m.all()
	require.Len(t, calls, 3)
	assertCall(t, calls[0], http.MethodGet, albRulesPathT, "depth", "1")
	assertCall(t, calls[1], http.MethodGet, albRulesPathT, "depth", "0")
	assertCall(t, calls[2], http.MethodGet, albRulePathT, "depth", "1")
	for _, c := range calls {
		assertNoBody(t, c)
	}
}

// The golden body: a forwarding rule holding a FORWARD rule to a target
// group and a REDIRECT rule.
func TestALBCreateForwardingRuleGolden(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPost, albRulesPathT, fixture(t, "alb_forwardingrule.json"))
	r, resp, err := m.c.ApplicationLoadBalancers.CreateForwardingRule(context.Background(), albDC, albID, albGoldenRule())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, albRulesPathT)
	assertJSONBody(t, c, string(fixture(t, "alb_forwardingrule.golden.json")))
	albAssertAccepted(t, m, resp)
	albCheckRule(t, r)
}

func TestALBReplaceForwardingRule(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPut, albRulePathT, fixture(t, "alb_forwardingrule.json"))
	_, _, err := m.c.ApplicationLoadBalancers.ReplaceForwardingRule(context.Background(), albDC, albID, albRuleID, albGoldenRule())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, albRulePathT)
	assertJSONBody(t, c, string(fixture(t, "alb_forwardingrule.golden.json")))
}

func TestALBUpdateForwardingRule(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPatch, albRulePathT, fixture(t, "alb_forwardingrule.json"))
	_, resp, err := m.c.ApplicationLoadBalancers.UpdateForwardingRule(context.Background(), albDC, albID, albRuleID, ALBForwardingRuleUpdate{
		ListenerPort: Ptr(8080), ClientTimeout: Ptr(0),
		HTTPRules: []HTTPRuleSpec{{Name: "down", Type: HTTPRuleStatic, StatusCode: 503, ResponseMessage: "maintenance", ContentType: "text/plain",
			Conditions: []HTTPRuleCondition{{Type: HTTPConditionSourceIP, Value: "198.51.100.0/24"}}}},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, albRulePathT)
	assertJSONBody(t, c, `{"listenerPort":8080,"clientTimeout":0,"httpRules":[{"name":"down","type":"STATIC","statusCode":503,"responseMessage":"maintenance","contentType":"text/plain","conditions":[{"type":"SOURCE_IP","value":"198.51.100.0/24"}]}]}`)
	albAssertAccepted(t, m, resp)
}

func TestALBDeleteForwardingRule(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodDelete, albRulePathT, nil)
	resp, err := m.c.ApplicationLoadBalancers.DeleteForwardingRule(context.Background(), albDC, albID, albRuleID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, albRulePathT)
	assertNoBody(t, c)
	albAssertAccepted(t, m, resp)
}

// Input the API would refuse is refused before sending.
func TestALBRefusals(t *testing.T) {
	ctx := context.Background()
	good := ApplicationLoadBalancerSpec{Name: "front", ListenerLAN: "1", TargetLAN: "2"}
	rule := func(f func(*ALBForwardingRuleSpec)) ALBForwardingRuleSpec {
		r := albGoldenRule()
		f(&r)
		return r
	}
	for _, tc := range []struct {
		name, field string
		call        func(c *Client) error
	}{
		{"no datacenter", "datacenterID", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.Create(ctx, "", good)
			return err
		}},
		{"no name", "ApplicationLoadBalancerSpec.Name", func(c *Client) error {
			s := good
			s.Name = ""
			_, _, err := c.ApplicationLoadBalancers.Create(ctx, albDC, s)
			return err
		}},
		{"no listener LAN", "ApplicationLoadBalancerSpec.ListenerLAN", func(c *Client) error {
			s := good
			s.ListenerLAN = ""
			_, _, err := c.ApplicationLoadBalancers.Replace(ctx, albDC, albID, s)
			return err
		}},
		{"bad target LAN", "ApplicationLoadBalancerSpec.TargetLAN", func(c *Client) error {
			s := good
			s.TargetLAN = "x"
			_, _, err := c.ApplicationLoadBalancers.Create(ctx, albDC, s)
			return err
		}},
		{"update bad LAN", "ApplicationLoadBalancerUpdate.ListenerLAN", func(c *Client) error {
			l := LANID("0")
			_, _, err := c.ApplicationLoadBalancers.Update(ctx, albDC, albID, ApplicationLoadBalancerUpdate{ListenerLAN: &l})
			return err
		}},
		{"update IPs and clear", "ApplicationLoadBalancerUpdate.ClearIPs", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.Update(ctx, albDC, albID, ApplicationLoadBalancerUpdate{IPs: []string{"1.2.3.4"}, ClearIPs: true})
			return err
		}},
		{"public IP", "ApplicationLoadBalancerSpec.IPs[1]", func(c *Client) error {
			s := good
			s.IPs = []string{"203.0.113.10", "203.0.113"}
			_, _, err := c.ApplicationLoadBalancers.Create(ctx, albDC, s)
			return err
		}},
		{"private IP without mask", "ApplicationLoadBalancerSpec.LBPrivateIPs[0]", func(c *Client) error {
			s := good
			s.LBPrivateIPs = []string{"10.12.0.2"}
			_, _, err := c.ApplicationLoadBalancers.Replace(ctx, albDC, albID, s)
			return err
		}},
		{"update private IP", "ApplicationLoadBalancerUpdate.LBPrivateIPs[0]", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.Update(ctx, albDC, albID, ApplicationLoadBalancerUpdate{LBPrivateIPs: []string{"x/24"}})
			return err
		}},
		{"listener IP", "ALBForwardingRuleSpec.ListenerIP", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.ListenerIP = "front" }))
			return err
		}},
		{"update listener IP", "ALBForwardingRuleUpdate.ListenerIP", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, albDC, albID, albRuleID, ALBForwardingRuleUpdate{ListenerIP: Ptr("1.2.3")})
			return err
		}},
		{"no ALB ID", "applicationLoadBalancerID", func(c *Client) error {
			_, err := c.ApplicationLoadBalancers.Delete(ctx, albDC, "")
			return err
		}},
		{"no rule ID", "forwardingRuleID", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.GetForwardingRule(ctx, albDC, albID, " ")
			return err
		}},
		{"port 0", "ALBForwardingRuleSpec.ListenerPort", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.ListenerPort = 0 }))
			return err
		}},
		{"port 65536", "ALBForwardingRuleSpec.ListenerPort", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.ReplaceForwardingRule(ctx, albDC, albID, albRuleID, rule(func(r *ALBForwardingRuleSpec) { r.ListenerPort = 65536 }))
			return err
		}},
		{"no listener IP", "ALBForwardingRuleSpec.ListenerIP", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.ListenerIP = "" }))
			return err
		}},
		{"forward without group", "ALBForwardingRuleSpec.HTTPRules[0].TargetGroup", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.HTTPRules[0].TargetGroup = "" }))
			return err
		}},
		{"redirect without location", "ALBForwardingRuleSpec.HTTPRules[1].Location", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.HTTPRules[1].Location = "" }))
			return err
		}},
		{"duplicate rule name", "ALBForwardingRuleSpec.HTTPRules[1].Name", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.HTTPRules[1].Name = "to-app" }))
			return err
		}},
		{"rule without type", "ALBForwardingRuleSpec.HTTPRules[1].Type", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.HTTPRules[1].Type = "" }))
			return err
		}},
		{"condition without match", "ALBForwardingRuleSpec.HTTPRules[0].Conditions[0].Condition", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, rule(func(r *ALBForwardingRuleSpec) { r.HTTPRules[0].Conditions[0].Condition = "" }))
			return err
		}},
		{"static without message", "ALBForwardingRuleUpdate.HTTPRules[0].ResponseMessage", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, albDC, albID, albRuleID, ALBForwardingRuleUpdate{
				HTTPRules: []HTTPRuleSpec{{Name: "s", Type: HTTPRuleStatic}}})
			return err
		}},
		{"status code", "ALBForwardingRuleUpdate.HTTPRules[0].StatusCode", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, albDC, albID, albRuleID, ALBForwardingRuleUpdate{
				HTTPRules: []HTTPRuleSpec{{Name: "s", Type: HTTPRuleStatic, ResponseMessage: "x", StatusCode: 600}}})
			return err
		}},
		{"update port", "ALBForwardingRuleUpdate.ListenerPort", func(c *Client) error {
			_, _, err := c.ApplicationLoadBalancers.UpdateForwardingRule(ctx, albDC, albID, albRuleID, ALBForwardingRuleUpdate{ListenerPort: Ptr(-1)})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := v6Mock(t)
			assertInvalid(t, tc.call(m.c), tc.field)
			m.none()
		})
	}
}

// A v5 client refuses the family before sending: v5 has no application
// load balancers nor target groups.
func TestALBAndTargetGroupsRefusedOnV5(t *testing.T) {
	m := newMockAPI(t)
	require.Equal(t, APIv5, m.c.APIVersion())
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"List": func() error { _, _, err := m.c.ApplicationLoadBalancers.List(ctx, albDC); return err },
		"CreateForwardingRule": func() error {
			_, _, err := m.c.ApplicationLoadBalancers.CreateForwardingRule(ctx, albDC, albID, albGoldenRule())
			return err
		},
		"TargetGroups.Create": func() error {
			_, _, err := m.c.TargetGroups.Create(ctx, TargetGroupSpec{Name: "app", Algorithm: TargetGroupRoundRobin})
			return err
		},
		"TargetGroups.Delete": func() error { _, err := m.c.TargetGroups.Delete(ctx, albTGID); return err },
	} {
		err := call()
		require.ErrorIs(t, err, ErrUnsupportedVersion, name)
		var ve *VersionError
		require.ErrorAs(t, err, &ve, name)
		assert.Equal(t, APIv5, ve.Version, name)
		assert.Equal(t, []APIVersion{APIv6}, ve.Available, name)
	}
	m.none()
}

// albScript answers GET path with the bodies in turn, the last one for
// good.
func albScript(m *mockAPI, path string, bodies ...[]byte) {
	n := 0
	m.mt.RegisterResponder(http.MethodGet, m.c.BaseURL()+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		b := bodies[min(n, len(bodies)-1)]
		n++
		return newJSONResponse(200, b), nil
	})
}

var albFastWait = WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1})

func TestALBWaitForAvailable(t *testing.T) {
	m := v6Mock(t)
	busy := []byte(`{"id":"` + albID + `","type":"applicationloadbalancer","metadata":{"state":"BUSY"},"properties":{"name":"front"}}`)
	albScript(m, albPathT, busy, busy, fixture(t, "alb_get.json"))
	var seen []string
	a, err := m.c.ApplicationLoadBalancers.WaitForAvailable(context.Background(), albDC, albID, albFastWait,
		WithProgress(func(p WaitProgress) { seen = append(seen, p.Status) }))
	require.NoError(t, err)
	assert.Equal(t, StateAvailable, a.Metadata.State)
	assert.Equal(t, []string{"BUSY", "BUSY", "AVAILABLE"}, seen)
	calls := m.all()
	require.Len(t, calls, 3)
	assertCall(t, calls[0], http.MethodGet, albPathT, "depth", "0")

	_, err = m.c.ApplicationLoadBalancers.WaitForAvailable(context.Background(), albDC, "")
	assertInvalid(t, err, "applicationLoadBalancerID")
}

func TestALBWaitForForwardingRuleAvailableFails(t *testing.T) {
	m := v6Mock(t)
	albScript(m, albRulePathT, []byte(`{"id":"`+albRuleID+`","type":"forwarding-rule","metadata":{"state":"FAILED"},"properties":{"name":"web"}}`))
	r, err := m.c.ApplicationLoadBalancers.WaitForForwardingRuleAvailable(context.Background(), albDC, albID, albRuleID, albFastWait)
	require.ErrorIs(t, err, ErrFailedState)
	var fe *FailedStateError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, albRuleID, fe.ID)
	assert.Equal(t, StateFailed, fe.State)
	require.NotNil(t, r)
	assert.Equal(t, "web", r.Properties.Name)
	assertCall(t, m.only(), http.MethodGet, albRulePathT, "depth", "0")
}

// Re-encoding what the API sent keeps every false and 0.
func TestALBAndTargetGroupRoundTrip(t *testing.T) {
	for name, target := range map[string]func() any{
		"alb_get.json":            func() any { return new(ApplicationLoadBalancer) },
		"alb_forwardingrule.json": func() any { return new(ALBForwardingRule) },
		"targetgroup_get.json":    func() any { return new(TargetGroup) },
	} {
		raw := fixture(t, name)
		v := target()
		require.NoError(t, json.Unmarshal(raw, v), name)
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
				assert.Equal(t, w, got[path], "%s: %s: a zero value is lost on re-encoding", name, path)
				n++
			}
		}
		assert.Positive(t, n, name)
	}
}

// The golden body of the issue: an ALB created with a forwarding rule that
// holds two HTTP rules, one FORWARD to a target group and one REDIRECT.
func TestALBCreateWithForwardingRuleGolden(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPost, albsPathT, fixture(t, "alb_get.json"))
	a, resp, err := m.c.ApplicationLoadBalancers.Create(context.Background(), albDC, ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", IPs: []string{"203.0.113.10"},
		ForwardingRules: []ALBForwardingRuleSpec{albGoldenRule()},
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, albsPathT)
	assertJSONBody(t, c, string(fixture(t, "alb_create.golden.json")))
	albAssertAccepted(t, m, resp)
	require.Len(t, a.Entities.ForwardingRules.Items, 1)
	albCheckRule(t, &a.Entities.ForwardingRules.Items[0])
}

func TestALBSpecForwardingRulesRefusals(t *testing.T) {
	ctx := context.Background()
	m := v6Mock(t)
	bad := albGoldenRule()
	bad.HTTPRules[0].TargetGroup = ""
	_, _, err := m.c.ApplicationLoadBalancers.Create(ctx, albDC, ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", ForwardingRules: []ALBForwardingRuleSpec{albGoldenRule(), bad}})
	assertInvalid(t, err, "ApplicationLoadBalancerSpec.ForwardingRules[1].HTTPRules[0].TargetGroup")
	_, _, err = m.c.ApplicationLoadBalancers.Replace(ctx, albDC, albID, ApplicationLoadBalancerSpec{
		Name: "front", ListenerLAN: "1", TargetLAN: "2", ForwardingRules: []ALBForwardingRuleSpec{albGoldenRule()}})
	assertInvalid(t, err, "ApplicationLoadBalancerSpec.ForwardingRules")
	m.none()
}
