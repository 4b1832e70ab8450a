package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	lbsPathT = "/datacenters/" + dcID + "/loadbalancers"
	lbPathT  = lbsPathT + "/" + netLBID
)

func TestLoadBalancersList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbsPathT, 200, fixture(t, "loadbalancer_list.json"))
	lbs, resp, err := m.c.LoadBalancers.List(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lbsPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, lbs, 1)
	assert.Equal(t, netLBID, lbs[0].ID)
	assert.Equal(t, "loadbalancer", lbs[0].Type)
	assert.Equal(t, "Web LB", lbs[0].Properties.Name)
	assert.Equal(t, "203.0.113.20", lbs[0].Properties.IP)
	assert.True(t, lbs[0].Properties.DHCP)
	require.Len(t, lbs[0].Entities.BalancedNICs.Items, 1)
	assert.Equal(t, netNIC1ID, lbs[0].Entities.BalancedNICs.Items[0].ID)
}

func TestLoadBalancersListOnePage(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbsPathT, 200, fixture(t, "loadbalancer_list.json"))
	_, _, err := m.c.LoadBalancers.List(context.Background(), dcID, WithPage(0, 100))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, lbsPathT, "depth", "1", "offset", "0", "limit", "100")
}

func TestLoadBalancersAll(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbsPathT, 200, fixture(t, "loadbalancer_list.json"))
	var ids []string
	for lb, err := range m.c.LoadBalancers.All(context.Background(), dcID, WithDepth(2)) {
		require.NoError(t, err)
		ids = append(ids, lb.ID)
	}
	assert.Equal(t, []string{netLBID}, ids)
	assertCall(t, m.only(), http.MethodGet, lbsPathT, "depth", "2")
}

func TestLoadBalancersGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbPathT, 200, fixture(t, "loadbalancer_get.json"))
	lb, _, err := m.c.LoadBalancers.Get(context.Background(), dcID, netLBID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lbPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, netLBID, lb.ID)
	assert.Equal(t, StateAvailable, lb.Metadata.State)
	assert.Equal(t, "203.0.113.20", lb.Properties.IP)
	require.Len(t, lb.Entities.BalancedNICs.Items, 1)
}

func TestLoadBalancersCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, lbsPathT, fixture(t, "loadbalancer_created.json"))
	lb, resp, err := m.c.LoadBalancers.Create(context.Background(), dcID, LoadBalancerSpec{Name: "Web LB", DHCP: Ptr(true)})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, lbsPathT)
	assertJSONBody(t, c, `{"properties":{"name":"Web LB","dhcp":true}}`)
	assertAccepted(t, resp)
	assert.Equal(t, netLBID, lb.ID)
	assert.Equal(t, StateBusy, lb.Metadata.State)
	assert.Empty(t, lb.Properties.IP)
}

func TestLoadBalancersCreateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec LoadBalancerSpec
		want string
	}{
		{"nothing set", LoadBalancerSpec{}, `{"properties":{}}`},
		{"dhcp false is a boolean", LoadBalancerSpec{DHCP: Ptr(false), IP: "10.0.0.100"}, `{"properties":{"ip":"10.0.0.100","dhcp":false}}`},
		{"balanced NICs", LoadBalancerSpec{Name: "lb", BalancedNICs: []string{netNIC1ID, netNIC2ID}},
			`{"properties":{"name":"lb"},"entities":{"balancednics":{"items":[{"id":"` + netNIC1ID + `"},{"id":"` + netNIC2ID + `"}]}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, lbsPathT, fixture(t, "loadbalancer_created.json"))
			_, _, err := m.c.LoadBalancers.Create(context.Background(), dcID, tc.spec)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestLoadBalancersCreateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  LoadBalancerSpec
		field string
	}{
		{"IPv6", LoadBalancerSpec{IP: "2001:db8::1"}, "LoadBalancerSpec.IP"},
		{"not an IP", LoadBalancerSpec{IP: "lb.example.com"}, "LoadBalancerSpec.IP"},
		{"octet 300", LoadBalancerSpec{IP: "10.0.0.300"}, "LoadBalancerSpec.IP"},
		{"empty NIC ID", LoadBalancerSpec{BalancedNICs: []string{""}}, "LoadBalancerSpec.BalancedNICs[0]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.LoadBalancers.Create(context.Background(), dcID, tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

// The field prefix is what the composite builders (DatacenterSpec.LoadBalancers) pass.
func TestLoadBalancerSpecBodyFieldPrefix(t *testing.T) {
	s := LoadBalancerSpec{IP: "1.2.3"}
	_, err := s.body("DatacenterSpec.LoadBalancers[0]")
	assertInvalid(t, err, "DatacenterSpec.LoadBalancers[0].IP")
}

func TestLoadBalancersUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, lbPathT, fixture(t, "loadbalancer_updated.json"))
	lb, resp, err := m.c.LoadBalancers.Update(context.Background(), dcID, netLBID, LoadBalancerUpdate{
		Name: Ptr("Web LB v2"), IP: Ptr("203.0.113.21"), DHCP: Ptr(false),
	})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, lbPathT)
	assertJSONBody(t, c, `{"name":"Web LB v2","ip":"203.0.113.21","dhcp":false}`)
	assertAccepted(t, resp)
	assert.Equal(t, "Web LB v2", lb.Properties.Name)
	assert.False(t, lb.Properties.DHCP)
}

func TestLoadBalancersUpdateNothing(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, lbPathT, fixture(t, "loadbalancer_updated.json"))
	_, _, err := m.c.LoadBalancers.Update(context.Background(), dcID, netLBID, LoadBalancerUpdate{})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{}`)
}

func TestLoadBalancersUpdateValidation(t *testing.T) {
	for _, ip := range []string{"", "1.2.3", "::1", "10.0.0.0/24"} {
		t.Run(ip, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.LoadBalancers.Update(context.Background(), dcID, netLBID, LoadBalancerUpdate{IP: Ptr(ip)})
			assertInvalid(t, err, "LoadBalancerUpdate.IP")
			m.none()
		})
	}
}

func TestLoadBalancersDelete(t *testing.T) {
	m := newMockAPI(t)
	netAcceptDelete(m, lbPathT)
	resp, err := m.c.LoadBalancers.Delete(context.Background(), dcID, netLBID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, lbPathT)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestLoadBalancersListBalancedNICs(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbPathT+"/balancednics", 200, fixture(t, "loadbalancer_balancednics.json"))
	nics, _, err := m.c.LoadBalancers.ListBalancedNICs(context.Background(), dcID, netLBID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lbPathT+"/balancednics", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, nics, 1)
	assert.Equal(t, netNIC1ID, nics[0].ID)
	assert.Equal(t, []string{"203.0.113.20"}, nics[0].Properties.IPs, "the NIC has the balancer's IP")
}

func TestLoadBalancersAllBalancedNICs(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbPathT+"/balancednics", 200, fixture(t, "loadbalancer_balancednics.json"))
	var ids []string
	for n, err := range m.c.LoadBalancers.AllBalancedNICs(context.Background(), dcID, netLBID, WithPage(0, 10)) {
		require.NoError(t, err)
		ids = append(ids, n.ID)
	}
	assert.Equal(t, []string{netNIC1ID}, ids)
	assertCall(t, m.only(), http.MethodGet, lbPathT+"/balancednics", "depth", "1", "offset", "0", "limit", "10")
}

func TestLoadBalancersGetBalancedNIC(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lbPathT+"/balancednics/"+netNIC1ID, 200, fixture(t, "loadbalancer_balancednic.json"))
	n, _, err := m.c.LoadBalancers.GetBalancedNIC(context.Background(), dcID, netLBID, netNIC1ID, WithDepth(4))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lbPathT+"/balancednics/"+netNIC1ID, "depth", "4")
	assertNoBody(t, c)
	assert.Equal(t, netNIC1ID, n.ID)
	assert.Equal(t, "Public NIC", n.Properties.Name)
	require.Len(t, n.Entities.FirewallRules.Items, 1)
}

func TestLoadBalancersAddNIC(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, lbPathT+"/balancednics", fixture(t, "loadbalancer_nic_added.json"))
	n, resp, err := m.c.LoadBalancers.AddNIC(context.Background(), dcID, netLBID, netNIC2ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, lbPathT+"/balancednics")
	assertJSONBody(t, c, `{"id":"`+netNIC2ID+`"}`)
	assertAccepted(t, resp)
	assert.Equal(t, netNIC2ID, n.ID)
	assert.Equal(t, StateBusy, n.Metadata.State)
}

// An ID with quotes is escaped in the JSON body (the Python SDK built it by
// string concatenation).
func TestLoadBalancersAddNICEscapesID(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, lbPathT+"/balancednics", fixture(t, "loadbalancer_nic_added.json"))
	_, _, err := m.c.LoadBalancers.AddNIC(context.Background(), dcID, netLBID, `a"b`)
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"id":"a\"b"}`)
}

func TestLoadBalancersRemoveNIC(t *testing.T) {
	m := newMockAPI(t)
	netAcceptDelete(m, lbPathT+"/balancednics/"+netNIC1ID)
	resp, err := m.c.LoadBalancers.RemoveNIC(context.Background(), dcID, netLBID, netNIC1ID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, lbPathT+"/balancednics/"+netNIC1ID)
	assertNoBody(t, c)
	assertAccepted(t, resp)
}
