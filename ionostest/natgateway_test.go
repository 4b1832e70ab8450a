package ionostest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// natSetup makes, on srv, a data center in de/fra with a private LAN and an
// IP block of two IPs there, and returns their IDs and the IPs.
func natSetup(t *testing.T, srv *Server) (dcID string, lanID ionos.LANID, ips []string) {
	t.Helper()
	ctx := context.Background()
	c := srv.Client()
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "nat", Location: "de/fra"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	lan, resp, err := c.LANs.Create(ctx, dc.ID, ionos.LANSpec{Name: "private"})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "nat", Location: "de/fra", Size: 2})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	require.Len(t, block.Properties.IPs, 2)
	return dc.ID, lan.ID, block.Properties.IPs
}

func TestNATGatewayLifecycle(t *testing.T) {
	srv := newV6(t, WithStrictBodies())
	ctx := context.Background()
	c := srv.Client()
	dcID, lanID, ips := natSetup(t, srv)

	gw, resp, err := c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{
		Name: "egress", PublicIPs: ips,
		LANs:  []ionos.NATGatewayLAN{{ID: lanID, GatewayIPs: []string{"10.7.0.1/24"}}},
		Rules: []ionos.NATGatewayRuleSpec{{Name: "outbound", Type: ionos.NATGatewayRuleSNAT, SourceSubnet: "10.7.0.0/24", PublicIP: ips[0]}},
	})
	require.NoError(t, err)
	assert.Equal(t, "natgateway", gw.Type)
	require.NotEmpty(t, resp.RequestURL)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	got, _, err := c.NATGateways.Get(ctx, dcID, gw.ID, ionos.WithDepth(2))
	require.NoError(t, err)
	assert.Equal(t, ionos.StateAvailable, got.Metadata.State)
	assert.Equal(t, ips, got.Properties.PublicIPs)
	assert.Equal(t, []ionos.NATGatewayLAN{{ID: lanID, GatewayIPs: []string{"10.7.0.1/24"}}}, got.Properties.LANs)
	require.Len(t, got.Entities.Rules.Items, 1)
	rule := got.Entities.Rules.Items[0]
	assert.Equal(t, "natgateway-rule", rule.Type)
	assert.Equal(t, ionos.NATGatewayRuleProperties{Name: "outbound", Type: ionos.NATGatewayRuleSNAT, Protocol: ionos.NATGatewayRuleALL,
		SourceSubnet: "10.7.0.0/24", PublicIP: ips[0]}, rule.Properties, "protocol defaults to ALL")

	list, _, err := c.NATGateways.List(ctx, dcID)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, gw.ID, list[0].ID)

	// Rules.
	r2, resp, err := c.NATGateways.CreateRule(ctx, dcID, gw.ID, ionos.NATGatewayRuleSpec{
		Name: "web", Protocol: ionos.NATGatewayRuleTCP, SourceSubnet: "10.7.0.0/24", PublicIP: ips[1],
		TargetPortRange: &ionos.NATGatewayPortRange{Start: 80, End: 443},
	})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	rules, _, err := c.NATGateways.ListRules(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Len(t, rules, 2)
	_, _, err = c.NATGateways.UpdateRule(ctx, dcID, gw.ID, r2.ID, ionos.NATGatewayRuleUpdate{Name: ionos.Ptr("web2")})
	require.NoError(t, err)
	r, err := c.NATGateways.WaitForRuleAvailable(ctx, dcID, gw.ID, r2.ID)
	require.NoError(t, err)
	assert.Equal(t, "web2", r.Properties.Name)
	assert.Equal(t, &ionos.NATGatewayPortRange{Start: 80, End: 443}, r.Properties.TargetPortRange)
	_, _, err = c.NATGateways.ReplaceRule(ctx, dcID, gw.ID, r2.ID, ionos.NATGatewayRuleSpec{Name: "all", SourceSubnet: "10.7.0.0/16", PublicIP: ips[1]})
	require.NoError(t, err)
	r, _, err = c.NATGateways.GetRule(ctx, dcID, gw.ID, r2.ID)
	require.NoError(t, err)
	assert.Equal(t, "all", r.Properties.Name)
	assert.Nil(t, r.Properties.TargetPortRange, "a PUT resets what it leaves out")
	assert.Equal(t, ionos.NATGatewayRuleALL, r.Properties.Protocol)

	// The gateway.
	_, _, err = c.NATGateways.Update(ctx, dcID, gw.ID, ionos.NATGatewayUpdate{Name: ionos.Ptr("egress2")})
	require.NoError(t, err)
	g, err := c.NATGateways.WaitForAvailable(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Equal(t, "egress2", g.Properties.Name)

	resp, err = c.NATGateways.DeleteRule(ctx, dcID, gw.ID, r2.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, _, err = c.NATGateways.Replace(ctx, dcID, gw.ID, ionos.NATGatewaySpec{Name: "egress3", PublicIPs: ips[:1]})
	require.NoError(t, err)
	g, _, err = c.NATGateways.Get(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Equal(t, "egress3", g.Properties.Name)
	assert.Empty(t, g.Properties.LANs, "a PUT without lans detaches the gateway")

	resp, err = c.NATGateways.Delete(ctx, dcID, gw.ID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, _, err = c.NATGateways.Get(ctx, dcID, gw.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound)
	_, _, err = c.NATGateways.GetRule(ctx, dcID, gw.ID, rule.ID)
	assert.ErrorIs(t, err, ionos.ErrNotFound, "the rules go with the gateway")
}

func TestNATGatewayDefaultGatewayIP(t *testing.T) {
	srv := newV6(t)
	ctx := context.Background()
	dcID, lanID, ips := natSetup(t, srv)
	gw, _, err := srv.Client().NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: ips[:1], LANs: []ionos.NATGatewayLAN{{ID: lanID}}})
	require.NoError(t, err)
	require.Len(t, gw.Properties.LANs, 1)
	require.Len(t, gw.Properties.LANs[0].GatewayIPs, 1)
	assert.Regexp(t, `^10\.\d+\.\d+\.1/24$`, gw.Properties.LANs[0].GatewayIPs[0], "the API picks an IP with a /24")
}

// assertNAT422 checks that err is the API's 422 and names what broke.
func assertNAT422(t *testing.T, err error, contains string) {
	t.Helper()
	var apiErr *ionos.APIError
	require.True(t, errors.As(err, &apiErr), "an *APIError: %v", err)
	assert.Equal(t, 422, apiErr.StatusCode)
	assert.ErrorIs(t, err, ionos.ErrValidation)
	assert.Contains(t, err.Error(), contains)
}

func TestNATGatewayReferentialRules(t *testing.T) {
	srv := newV6(t)
	ctx := context.Background()
	c := srv.Client()
	dcID, lanID, ips := natSetup(t, srv)
	far, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Location: "us/las", Size: 1})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	_, _, err = c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: []string{"203.0.113.77"}})
	assertNAT422(t, err, "not reserved in an IP block")
	_, _, err = c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: far.Properties.IPs})
	assertNAT422(t, err, "us/las")
	_, _, err = c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: ips, LANs: []ionos.NATGatewayLAN{{ID: "9"}}})
	assertNAT422(t, err, "LAN 9 does not exist")
	_, _, err = c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: ips[:1],
		Rules: []ionos.NATGatewayRuleSpec{{Name: "r", SourceSubnet: "10.0.0.0/24", PublicIP: ips[1]}}})
	assertNAT422(t, err, "not a public IP of the NAT gateway")
	list, _, err := c.NATGateways.List(ctx, dcID)
	require.NoError(t, err)
	assert.Empty(t, list, "a refused create leaves nothing behind")

	gw, resp, err := c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: ips[:1], LANs: []ionos.NATGatewayLAN{{ID: lanID}},
		Rules: []ionos.NATGatewayRuleSpec{{Name: "r", SourceSubnet: "10.0.0.0/24", PublicIP: ips[0]}}})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	_, _, err = c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g2", PublicIPs: ips})
	assertNAT422(t, err, "used by the NAT gateway "+gw.ID)
	_, _, err = c.NATGateways.CreateRule(ctx, dcID, gw.ID, ionos.NATGatewayRuleSpec{Name: "r2", SourceSubnet: "10.0.0.0/24", PublicIP: ips[1]})
	assertNAT422(t, err, "not a public IP of the NAT gateway")
	_, _, err = c.NATGateways.Update(ctx, dcID, gw.ID, ionos.NATGatewayUpdate{PublicIPs: ips[1:]})
	assertNAT422(t, err, "used by the rule")
	_, _, err = c.NATGateways.Update(ctx, dcID, gw.ID, ionos.NATGatewayUpdate{LANs: []ionos.NATGatewayLAN{{ID: "7"}}})
	assertNAT422(t, err, "LAN 7 does not exist")
	rules, _, err := c.NATGateways.ListRules(ctx, dcID, gw.ID)
	require.NoError(t, err)
	require.Len(t, rules, 1)
	_, _, err = c.NATGateways.UpdateRule(ctx, dcID, gw.ID, rules[0].ID, ionos.NATGatewayRuleUpdate{PublicIP: ionos.Ptr(far.Properties.IPs[0])})
	assertNAT422(t, err, "not a public IP of the NAT gateway")

	// What the SDK refuses before sending, the emulator refuses too.
	resp2, body := call(t, srv, "POST", "/datacenters/"+dcID+"/natgateways", map[string]any{"properties": map[string]any{"name": "x"}})
	assert.Equal(t, 422, resp2.StatusCode)
	assert.Contains(t, str(m(l(body["messages"])[0])["message"]), "'publicIps' is required")
	resp2, _ = call(t, srv, "POST", "/datacenters/"+dcID+"/natgateways/"+gw.ID+"/rules", map[string]any{"properties": map[string]any{"name": "x", "publicIp": ips[0]}})
	assert.Equal(t, 422, resp2.StatusCode, "sourceSubnet is required")
	resp2, _ = call(t, srv, "POST", "/datacenters/"+dcID+"/natgateways/"+gw.ID+"/rules", map[string]any{"properties": map[string]any{
		"name": "x", "publicIp": ips[0], "sourceSubnet": "10.0.0.0/24", "protocol": "ICMP", "targetPortRange": map[string]any{"start": 1, "end": 2}}})
	assert.Equal(t, 422, resp2.StatusCode, "ICMP takes no port range")
	resp2, _ = call(t, srv, "GET", "/datacenters/"+dcID+"/natgateways/"+gw.ID+"/rules/nope", nil)
	assert.Equal(t, 404, resp2.StatusCode)
}

func TestNATGatewayAsyncAndDepth(t *testing.T) {
	srv := newV6(t, WithRequestTiming(40*time.Millisecond, 40*time.Millisecond))
	ctx := context.Background()
	c := srv.Client()
	dcID, lanID, ips := natSetup(t, srv)
	gw, resp, err := c.NATGateways.Create(ctx, dcID, ionos.NATGatewaySpec{Name: "g", PublicIPs: ips, LANs: []ionos.NATGatewayLAN{{ID: lanID}},
		Rules: []ionos.NATGatewayRuleSpec{{Name: "r", SourceSubnet: "10.0.0.0/24", PublicIP: ips[0]}}})
	require.NoError(t, err)
	st, _, err := c.Requests.GetStatus(ctx, resp.RequestID)
	require.NoError(t, err)
	assert.Contains(t, []string{"QUEUED", "RUNNING"}, string(st.Metadata.Status))
	now, _, err := c.NATGateways.Get(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Equal(t, ionos.StateBusy, now.Metadata.State)
	st, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	assert.Equal(t, "DONE", string(st.Metadata.Status))
	done, err := c.NATGateways.WaitForAvailable(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Equal(t, ionos.StateAvailable, done.Metadata.State)

	// v6 documents no Location for a PATCH: the gateway is BUSY until the
	// change is done, and WaitForAvailable waits for that.
	_, _, err = c.NATGateways.Update(ctx, dcID, gw.ID, ionos.NATGatewayUpdate{Name: ionos.Ptr("g2")})
	require.NoError(t, err)
	now, _, err = c.NATGateways.Get(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Equal(t, ionos.StateBusy, now.Metadata.State)
	done, err = c.NATGateways.WaitForAvailable(ctx, dcID, gw.ID)
	require.NoError(t, err)
	assert.Equal(t, "g2", done.Properties.Name)

	_, d0 := call(t, srv, "GET", "/datacenters/"+dcID+"/natgateways/"+gw.ID+"?depth=0", nil)
	assert.Nil(t, d0["entities"])
	_, d1 := call(t, srv, "GET", "/datacenters/"+dcID+"/natgateways/"+gw.ID+"?depth=1", nil)
	item := m(l(m(m(d1["entities"])["rules"])["items"])[0])
	assert.NotEmpty(t, item["href"])
	assert.Nil(t, item["properties"], "depth 1: references")
	_, d2 := call(t, srv, "GET", "/datacenters/"+dcID+"/natgateways/"+gw.ID+"?depth=2", nil)
	item = m(l(m(m(d2["entities"])["rules"])["items"])[0])
	assert.Equal(t, "r", m(item["properties"])["name"])

	// v5 has no NAT gateways.
	srv5 := newSrv(t)
	resp5, _ := call(t, srv5, "GET", "/datacenters/"+dcID+"/natgateways", nil)
	assert.Equal(t, 404, resp5.StatusCode)
}

// FuzzNATGatewayWrite sends arbitrary bodies to the NAT gateway writes:
// the fake must answer with the API's error shape, never crash or 500.
func FuzzNATGatewayWrite(f *testing.F) {
	f.Add("POST", "/datacenters/DC/natgateways", `{"properties":{"name":"g","publicIps":["IP"],"lans":[{"id":1}]},"entities":{"rules":{"items":[{"properties":{"name":"r","sourceSubnet":"10.0.0.0/24","publicIp":"IP"}}]}}}`)
	f.Add("POST", "/datacenters/DC/natgateways", `{"properties":{"name":"g","publicIps":[1,null],"lans":[{"id":"x"},7,{"id":1,"gatewayIps":[3]}]}}`)
	f.Add("POST", "/datacenters/DC/natgateways", `{"properties":{"name":"g","publicIps":"IP"},"entities":{"rules":{"items":[3]}}}`)
	f.Add("PATCH", "/datacenters/DC/natgateways/GW", `{"lans":[{"id":1e99}],"publicIps":[]}`)
	f.Add("PUT", "/datacenters/DC/natgateways/GW", `{"properties":{"name":"g","publicIps":["IP"],"lans":null}}`)
	f.Add("POST", "/datacenters/DC/natgateways/GW/rules", `{"properties":{"name":"r","sourceSubnet":"x","publicIp":"IP","targetPortRange":{"start":"a"}}}`)
	f.Add("PATCH", "/datacenters/DC/natgateways/GW/rules/RULE", `{"targetPortRange":{"start":9,"end":1},"protocol":"ICMP"}`)
	f.Add("PUT", "/datacenters/DC/natgateways/GW/rules/RULE", `{"properties":null}`)
	srv := NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	dc, _, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "fuzz", Location: "de/fra"})
	require.NoError(f, err)
	_, _, err = c.LANs.Create(ctx, dc.ID, ionos.LANSpec{})
	require.NoError(f, err)
	block, _, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Location: "de/fra", Size: 1})
	require.NoError(f, err)
	ip := block.Properties.IPs[0]
	gw, _, err := c.NATGateways.Create(ctx, dc.ID, ionos.NATGatewaySpec{Name: "g", PublicIPs: []string{ip},
		Rules: []ionos.NATGatewayRuleSpec{{Name: "r", SourceSubnet: "10.0.0.0/24", PublicIP: ip}}})
	require.NoError(f, err)
	rules, _, err := c.NATGateways.ListRules(ctx, dc.ID, gw.ID)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " ?#%\x00") {
			return
		}
		r := strings.NewReplacer("DC", dc.ID, "GW", gw.ID, "RULE", rules[0].ID)
		req, err := http.NewRequest(method, "http://127.0.0.1"+BasePathV6+r.Replace(path), strings.NewReader(strings.ReplaceAll(body, "IP", ip)))
		if err != nil {
			return
		}
		req.Header.Set("Authorization", srv.AuthHeader())
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d %s", method, path, body, rec.Code, rec.Body.String())
		}
	})
}
