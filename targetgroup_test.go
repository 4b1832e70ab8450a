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
	tgsPathT = "/targetgroups"
	tgPathT  = tgsPathT + "/" + albTGID
)

// tgGolden is the target group of the golden body: two targets and a
// health check.
func tgGolden() TargetGroupSpec {
	return TargetGroupSpec{
		Name: "app", Algorithm: TargetGroupRoundRobin,
		Targets: []TargetGroupTargetSpec{
			{IP: "10.12.0.11", Port: 8080, Weight: 1},
			{IP: "10.12.0.12", Port: 8080, Weight: 0, HealthCheckEnabled: Ptr(false), MaintenanceEnabled: Ptr(true)},
		},
		HealthCheck:     &TargetGroupHealthCheckSpec{CheckTimeout: Ptr(2000), CheckInterval: Ptr(5000), Retries: Ptr(0)},
		HTTPHealthCheck: &TargetGroupHTTPHealthCheckSpec{Path: "/health", Method: HealthCheckGET, MatchType: HealthCheckMatchStatusCode, Response: "200"},
	}
}

func tgCheck(t *testing.T, g *TargetGroup) {
	t.Helper()
	assert.Equal(t, albTGID, g.ID)
	assert.Equal(t, "target-group", g.Type)
	assert.Equal(t, StateAvailable, g.Metadata.State)
	assert.Equal(t, TargetGroupProperties{
		Name: "app", Algorithm: TargetGroupRoundRobin, Protocol: TargetGroupHTTP, ProtocolVersion: TargetGroupHTTP1,
		Targets: []TargetGroupTarget{
			{IP: "10.12.0.11", Port: 8080, Weight: 1, HealthCheckEnabled: true},
			{IP: "10.12.0.12", Port: 8080, MaintenanceEnabled: true, ProxyProtocol: "none"},
		},
		HealthCheck:     &TargetGroupHealthCheck{CheckTimeout: 2000, CheckInterval: 2000},
		HTTPHealthCheck: &TargetGroupHTTPHealthCheck{Path: "/health", Method: HealthCheckGET, MatchType: HealthCheckMatchStatusCode, Response: "200"},
	}, g.Properties)
}

func TestTargetGroupsList(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, tgsPathT, 200, "application/json", fixture(t, "targetgroup_list.json"))
	gs, resp, err := m.c.TargetGroups.List(context.Background())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, tgsPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, gs, 1)
	tgCheck(t, &gs[0])
}

// /targetgroups takes pages of at most 200: WithPage asks for up to 200,
// and more is refused before sending.
func TestTargetGroupsPages(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, tgsPathT, 200, "application/json", fixture(t, "targetgroup_list.json"))
	ctx := context.Background()
	_, _, err := m.c.TargetGroups.List(ctx, WithPage(10, 200))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, tgsPathT, "depth", "1", "offset", "10", "limit", "200")

	m = v6Mock(t)
	_, _, err = m.c.TargetGroups.List(ctx, WithPage(0, 201))
	assertInvalid(t, err, "limit")
	for _, err := range m.c.TargetGroups.All(ctx, WithPage(0, 1000)) {
		assertInvalid(t, err, "limit")
	}
	m.none()
}

func TestTargetGroupsAll(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, tgsPathT, 200, "application/json", fixture(t, "targetgroup_list.json"))
	var ids []string
	for g, err := range m.c.TargetGroups.All(context.Background(), WithDepth(0)) {
		require.NoError(t, err)
		ids = append(ids, g.ID)
	}
	assert.Equal(t, []string{albTGID}, ids)
	assertCall(t, m.only(), http.MethodGet, tgsPathT, "depth", "0")
}

func TestTargetGroupsGet(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, tgPathT, 200, "application/json", fixture(t, "targetgroup_get.json"))
	g, _, err := m.c.TargetGroups.Get(context.Background(), albTGID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, tgPathT, "depth", "1")
	assertNoBody(t, c)
	tgCheck(t, g)
	b, err := json.Marshal(g)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"weight":0`)
	assert.Contains(t, string(b), `"retries":0`)
	assert.Contains(t, string(b), `"maintenanceEnabled":false`)
}

// The golden body: a target group with two targets and a health check.
func TestTargetGroupsCreateGolden(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodPost, tgsPathT, fixture(t, "targetgroup_get.json"))
	g, resp, err := m.c.TargetGroups.Create(context.Background(), tgGolden())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, tgsPathT)
	assertJSONBody(t, c, string(fixture(t, "targetgroup.golden.json")))
	albAssertAccepted(t, m, resp)
	tgCheck(t, g)
}

func TestTargetGroupsReplace(t *testing.T) {
	m := v6Mock(t)
	// The API documents the PUT without a Location.
	m.answerAs(http.MethodPut, tgPathT, http.StatusAccepted, "application/json", fixture(t, "targetgroup_get.json"))
	g, resp, err := m.c.TargetGroups.Replace(context.Background(), albTGID, tgGolden())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPut, tgPathT)
	assertJSONBody(t, c, string(fixture(t, "targetgroup.golden.json")))
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Empty(t, resp.RequestURL)
	tgCheck(t, g)
}

func TestTargetGroupsUpdate(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodPatch, tgPathT, http.StatusAccepted, "", nil)
	g, resp, err := m.c.TargetGroups.Update(context.Background(), albTGID, TargetGroupUpdate{
		Algorithm: Ptr(TargetGroupLeastConnection), Targets: []TargetGroupTargetSpec{{IP: "10.12.0.13", Port: 80, Weight: 256, ProxyProtocol: TargetGroupProxyV2}},
		HealthCheck: &TargetGroupHealthCheckSpec{Retries: Ptr(5)},
	})
	require.NoError(t, err)
	assert.Nil(t, g, "answered without a body")
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	c := m.only()
	assertCall(t, c, http.MethodPatch, tgPathT)
	assertJSONBody(t, c, `{"algorithm":"LEAST_CONNECTION","targets":[{"ip":"10.12.0.13","port":80,"weight":256,"proxyProtocol":"v2"}],"healthCheck":{"retries":5}}`)
}

func TestTargetGroupsUpdateClearTargets(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodPatch, tgPathT, http.StatusAccepted, "application/json", fixture(t, "targetgroup_get.json"))
	_, _, err := m.c.TargetGroups.Update(context.Background(), albTGID, TargetGroupUpdate{Name: Ptr(""), ClearTargets: true})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"name":"","targets":[]}`)
}

func TestTargetGroupsDelete(t *testing.T) {
	m := v6Mock(t)
	albAccepted(m, http.MethodDelete, tgPathT, nil)
	resp, err := m.c.TargetGroups.Delete(context.Background(), albTGID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, tgPathT)
	assertNoBody(t, c)
	albAssertAccepted(t, m, resp)
}

// A target group in use answers the API's 422: an *APIError matching
// ErrValidation.
func TestTargetGroupsDeleteInUse(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodDelete, tgPathT, 422, "application/json",
		[]byte(`{"httpStatus":422,"messages":[{"errorCode":"200","message":"[VDC-21-1] Target group is in use by an Application Load Balancer"}]}`))
	_, err := m.c.TargetGroups.Delete(context.Background(), albTGID)
	require.ErrorIs(t, err, ErrValidation)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 422, ae.StatusCode)
}

func TestTargetGroupsWaitForAvailable(t *testing.T) {
	m := v6Mock(t, WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1}))
	busy := []byte(`{"id":"` + albTGID + `","type":"target-group","metadata":{"state":"BUSY"},"properties":{"name":"app"}}`)
	n := 0
	m.mt.RegisterResponder(http.MethodGet, m.c.BaseURL()+tgPathT, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		n++
		if n < 3 {
			return newJSONResponse(200, busy), nil
		}
		return newJSONResponse(200, fixture(t, "targetgroup_get.json")), nil
	})
	g, err := m.c.TargetGroups.WaitForAvailable(context.Background(), albTGID)
	require.NoError(t, err)
	tgCheck(t, g)
	calls := m.all()
	require.Len(t, calls, 3)
	assertCall(t, calls[0], http.MethodGet, tgPathT, "depth", "0")

	_, err = m.c.TargetGroups.WaitForAvailable(context.Background(), "")
	assertInvalid(t, err, "targetGroupID")
}

func TestTargetGroupsRefusals(t *testing.T) {
	ctx := context.Background()
	spec := func(f func(*TargetGroupSpec)) TargetGroupSpec {
		s := tgGolden()
		f(&s)
		return s
	}
	for _, tc := range []struct {
		name, field string
		call        func(c *Client) error
	}{
		{"no name", "TargetGroupSpec.Name", func(c *Client) error {
			_, _, err := c.TargetGroups.Create(ctx, spec(func(s *TargetGroupSpec) { s.Name = "" }))
			return err
		}},
		{"no algorithm", "TargetGroupSpec.Algorithm", func(c *Client) error {
			_, _, err := c.TargetGroups.Replace(ctx, albTGID, spec(func(s *TargetGroupSpec) { s.Algorithm = "" }))
			return err
		}},
		{"target without IP", "TargetGroupSpec.Targets[1].IP", func(c *Client) error {
			_, _, err := c.TargetGroups.Create(ctx, spec(func(s *TargetGroupSpec) { s.Targets[1].IP = "" }))
			return err
		}},
		{"target IP", "TargetGroupSpec.Targets[0].IP", func(c *Client) error {
			_, _, err := c.TargetGroups.Create(ctx, spec(func(s *TargetGroupSpec) { s.Targets[0].IP = "web-1" }))
			return err
		}},
		{"target port", "TargetGroupSpec.Targets[0].Port", func(c *Client) error {
			_, _, err := c.TargetGroups.Create(ctx, spec(func(s *TargetGroupSpec) { s.Targets[0].Port = 70000 }))
			return err
		}},
		{"weight 257", "TargetGroupSpec.Targets[0].Weight", func(c *Client) error {
			_, _, err := c.TargetGroups.Create(ctx, spec(func(s *TargetGroupSpec) { s.Targets[0].Weight = 257 }))
			return err
		}},
		{"weight -1", "TargetGroupUpdate.Targets[0].Weight", func(c *Client) error {
			_, _, err := c.TargetGroups.Update(ctx, albTGID, TargetGroupUpdate{Targets: []TargetGroupTargetSpec{{IP: "10.0.0.1", Port: 80, Weight: -1}}})
			return err
		}},
		{"retries", "TargetGroupSpec.HealthCheck.Retries", func(c *Client) error {
			_, _, err := c.TargetGroups.Create(ctx, spec(func(s *TargetGroupSpec) { s.HealthCheck.Retries = Ptr(65536) }))
			return err
		}},
		{"match type", "TargetGroupUpdate.HTTPHealthCheck.MatchType", func(c *Client) error {
			_, _, err := c.TargetGroups.Update(ctx, albTGID, TargetGroupUpdate{HTTPHealthCheck: &TargetGroupHTTPHealthCheckSpec{Response: "200"}})
			return err
		}},
		{"targets and clear", "TargetGroupUpdate.ClearTargets", func(c *Client) error {
			_, _, err := c.TargetGroups.Update(ctx, albTGID, TargetGroupUpdate{Targets: tgGolden().Targets, ClearTargets: true})
			return err
		}},
		{"no ID", "targetGroupID", func(c *Client) error {
			_, _, err := c.TargetGroups.Get(ctx, "")
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
