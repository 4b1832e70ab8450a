package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const lansPathT = "/datacenters/" + dcID + "/lans"

func TestLANsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lansPathT, 200, fixture(t, "lan_list.json"))
	lans, resp, err := m.c.LANs.List(context.Background(), dcID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lansPathT, "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, lans, 2)
	assert.Equal(t, LANID("1"), lans[0].ID)
	assert.Equal(t, "lan", lans[0].Type)
	assert.True(t, lans[0].Properties.Public)
	assert.Empty(t, lans[0].Properties.IPFailover)
	require.Len(t, lans[0].Entities.NICs.Items, 1)
	assert.Equal(t, netNIC1ID, lans[0].Entities.NICs.Items[0].ID)
	assert.Equal(t, LANID("2"), lans[1].ID)
	assert.False(t, lans[1].Properties.Public)
	assert.Equal(t, netPCCID, lans[1].Properties.PCC)
}

func TestLANsListOnePage(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lansPathT, 200, fixture(t, "lan_list.json"))
	_, _, err := m.c.LANs.List(context.Background(), dcID, WithPage(2, 2), WithDepth(0))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, lansPathT, "depth", "0", "offset", "2", "limit", "2")
}

func TestLANsAll(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lansPathT, 200, fixture(t, "lan_list.json"))
	var ids []LANID
	for l, err := range m.c.LANs.All(context.Background(), dcID) {
		require.NoError(t, err)
		ids = append(ids, l.ID)
	}
	assert.Equal(t, []LANID{"1", "2"}, ids)
	assertCall(t, m.only(), http.MethodGet, lansPathT, "depth", "1")
}

func TestLANsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lansPathT+"/2", 200, fixture(t, "lan_get.json"))
	l, _, err := m.c.LANs.Get(context.Background(), dcID, "2")
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lansPathT+"/2", "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, LANID("2"), l.ID)
	assert.Equal(t, "Backend", l.Properties.Name)
	assert.Equal(t, []IPFailover{{IP: "10.0.0.5", NICUUID: netNIC2ID}}, l.Properties.IPFailover)
	assert.Equal(t, netPCCID, l.Properties.PCC)
	assert.Equal(t, StateAvailable, l.Metadata.State)
}

func TestLANsCreate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, lansPathT, fixture(t, "lan_created.json"))
	l, resp, err := m.c.LANs.Create(context.Background(), dcID, LANSpec{Name: "Public LAN", Public: true})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, lansPathT)
	assertJSONBody(t, c, `{"properties":{"name":"Public LAN","public":true}}`)
	assertAccepted(t, resp)
	assert.Equal(t, LANID("3"), l.ID)
	assert.Equal(t, StateBusy, l.Metadata.State)
	assert.True(t, l.Properties.Public)
}

func TestLANsCreateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec LANSpec
		want string
	}{
		{"private: public false is a boolean, always sent", LANSpec{}, `{"properties":{"public":false}}`},
		{"with NICs, PCC and failover", LANSpec{
			Name: "Backend", NICs: []string{netNIC1ID, netNIC2ID}, PCC: netPCCID,
			IPFailover: []IPFailover{{IP: "10.0.0.5", NICUUID: netNIC2ID}},
		}, `{"properties":{"name":"Backend","public":false,"pcc":"` + netPCCID + `","ipFailover":[{"ip":"10.0.0.5","nicUuid":"` + netNIC2ID + `"}]},
		    "entities":{"nics":{"items":[{"id":"` + netNIC1ID + `"},{"id":"` + netNIC2ID + `"}]}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPost, lansPathT, fixture(t, "lan_created.json"))
			_, _, err := m.c.LANs.Create(context.Background(), dcID, tc.spec)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestLANsCreateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spec  LANSpec
		field string
	}{
		{"empty NIC ID", LANSpec{NICs: []string{netNIC1ID, ""}}, "LANSpec.NICs[1]"},
		{"failover without IP", LANSpec{IPFailover: []IPFailover{{NICUUID: netNIC2ID}}}, "LANSpec.IPFailover[0].IP"},
		{"failover without NIC", LANSpec{IPFailover: []IPFailover{{IP: "10.0.0.5", NICUUID: netNIC2ID}, {IP: "10.0.0.6"}}}, "LANSpec.IPFailover[1].NICUUID"},
		{"failover bad IP", LANSpec{IPFailover: []IPFailover{{IP: "10.0.0", NICUUID: netNIC2ID}}}, "LANSpec.IPFailover[0].IP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.LANs.Create(context.Background(), dcID, tc.spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

// The field prefix is what the composite builders (DatacenterSpec.LANs) pass.
func TestLANSpecBodyFieldPrefix(t *testing.T) {
	s := LANSpec{IPFailover: []IPFailover{{IP: "10.0.0.1"}}}
	_, err := s.body("DatacenterSpec.LANs[1]")
	assertInvalid(t, err, "DatacenterSpec.LANs[1].IPFailover[0].NICUUID")
}

func TestLANsUpdate(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, lansPathT+"/2", fixture(t, "lan_updated.json"))
	l, resp, err := m.c.LANs.Update(context.Background(), dcID, "2", LANUpdate{Name: Ptr("Backend v2"), Public: Ptr(true), ClearIPFailover: true})
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPatch, lansPathT+"/2")
	assertJSONBody(t, c, `{"name":"Backend v2","public":true,"ipFailover":[]}`)
	assertAccepted(t, resp)
	assert.Equal(t, "Backend v2", l.Properties.Name)
	assert.Empty(t, l.Properties.IPFailover)
}

func TestLANsUpdateWireValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		upd  LANUpdate
		want string
	}{
		{"nothing", LANUpdate{}, `{}`},
		{"public false is a boolean", LANUpdate{Public: Ptr(false)}, `{"public":false}`},
		{"empty name", LANUpdate{Name: Ptr("")}, `{"name":""}`},
		{"failover list", LANUpdate{IPFailover: []IPFailover{{IP: "10.0.0.5", NICUUID: netNIC2ID}, {IP: "10.0.0.6", NICUUID: netNIC1ID}}},
			`{"ipFailover":[{"ip":"10.0.0.5","nicUuid":"` + netNIC2ID + `"},{"ip":"10.0.0.6","nicUuid":"` + netNIC1ID + `"}]}`},
		{"empty failover list is unchanged", LANUpdate{IPFailover: []IPFailover{}, PCC: Ptr(netPCCID)}, `{"pcc":"` + netPCCID + `"}`},
		{"clear failover", LANUpdate{ClearIPFailover: true}, `{"ipFailover":[]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onAccepted(http.MethodPatch, lansPathT+"/2", fixture(t, "lan_updated.json"))
			_, _, err := m.c.LANs.Update(context.Background(), dcID, "2", tc.upd)
			require.NoError(t, err)
			assertJSONBody(t, m.only(), tc.want)
		})
	}
}

func TestLANsUpdateValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		upd   LANUpdate
		field string
	}{
		{"failover without NIC", LANUpdate{IPFailover: []IPFailover{{IP: "10.0.0.5"}}}, "LANUpdate.IPFailover[0].NICUUID"},
		{"failover without IP", LANUpdate{IPFailover: []IPFailover{{NICUUID: netNIC1ID}}}, "LANUpdate.IPFailover[0].IP"},
		{"failover bad IP", LANUpdate{IPFailover: []IPFailover{{IP: "x", NICUUID: netNIC1ID}}}, "LANUpdate.IPFailover[0].IP"},
		{"clear and set", LANUpdate{ClearIPFailover: true, IPFailover: []IPFailover{{IP: "10.0.0.5", NICUUID: netNIC1ID}}}, "LANUpdate.ClearIPFailover"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			_, _, err := m.c.LANs.Update(context.Background(), dcID, "2", tc.upd)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}

func TestLANsDelete(t *testing.T) {
	m := newMockAPI(t)
	netAcceptDelete(m, lansPathT+"/2")
	resp, err := m.c.LANs.Delete(context.Background(), dcID, "2")
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodDelete, lansPathT+"/2")
	assertNoBody(t, c)
	assertAccepted(t, resp)
}

func TestLANsListMembers(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, lansPathT+"/2/nics", 200, fixture(t, "lan_members.json"))
	nics, _, err := m.c.LANs.ListMembers(context.Background(), dcID, "2")
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, lansPathT+"/2/nics", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, nics, 1)
	assert.Equal(t, netNIC2ID, nics[0].ID)
	assert.Equal(t, LANID("2"), nics[0].Properties.LAN)
}

// ListMembers and AllMembers follow the API's next links.
func TestLANsMembersPaginated(t *testing.T) {
	m := newMockAPI(t)
	pages := map[string][]byte{"": fixture(t, "lan_members_page1.json"), "1": fixture(t, "lan_members_page2.json")}
	m.mt.RegisterResponder(http.MethodGet, testBase+lansPathT+"/2/nics", func(r *http.Request) (*http.Response, error) {
		m.record(r)
		return httpmock.NewBytesResponse(200, pages[r.URL.Query().Get("offset")]), nil
	})
	nics, _, err := m.c.LANs.ListMembers(context.Background(), dcID, "2")
	require.NoError(t, err)
	require.Len(t, nics, 2)
	assert.Equal(t, netNIC1ID, nics[0].ID)
	assert.Equal(t, netNIC2ID, nics[1].ID)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, lansPathT+"/2/nics", "depth", "1")
	assertCall(t, calls[1], http.MethodGet, lansPathT+"/2/nics", "depth", "1", "offset", "1", "limit", "1")

	var ids []string
	for n, err := range m.c.LANs.AllMembers(context.Background(), dcID, "2") {
		require.NoError(t, err)
		ids = append(ids, n.ID)
	}
	assert.Equal(t, []string{netNIC1ID, netNIC2ID}, ids)
	assert.Len(t, m.all(), 4)
}

func TestLANsRefuseNonNumericLANID(t *testing.T) {
	for _, lanID := range []LANID{"abc", "0", "-1", "1.5", "1e3", " 1", "0x10", "99999999999"} {
		t.Run(string(lanID), func(t *testing.T) {
			m := newMockAPI(t)
			ctx := context.Background()
			_, _, err := m.c.LANs.Get(ctx, dcID, lanID)
			assertInvalid(t, err, "lanID")
			_, _, err = m.c.LANs.Update(ctx, dcID, lanID, LANUpdate{Name: Ptr("x")})
			assertInvalid(t, err, "lanID")
			_, err = m.c.LANs.Delete(ctx, dcID, lanID)
			assertInvalid(t, err, "lanID")
			_, _, err = m.c.LANs.ListMembers(ctx, dcID, lanID)
			assertInvalid(t, err, "lanID")
			yields := 0
			for _, err := range m.c.LANs.AllMembers(ctx, dcID, lanID) {
				assertInvalid(t, err, "lanID")
				yields++
			}
			assert.Equal(t, 1, yields, "the error is yielded once")
			m.none()
		})
	}
}

// TestLANIDJSON: a LAN ID is read from a number or a string, stays a string
// in LAN.ID and is a number in a NIC's properties, so that a fetched LAN or
// NIC encodes as the API sent it.
func TestLANIDJSON(t *testing.T) {
	var l LAN
	require.NoError(t, json.Unmarshal([]byte(`{"id":"4","properties":{"name":"x","public":false}}`), &l))
	assert.Equal(t, LANID("4"), l.ID)
	out, err := json.Marshal(l)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"id":"4"`)

	var n NIC
	require.NoError(t, json.Unmarshal([]byte(`{"id":"n","properties":{"lan":4}}`), &n))
	assert.Equal(t, l.ID, n.Properties.LAN, "the same type and value on both sides")
	out, err = json.Marshal(n.Properties)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"lan":4`)

	var bad LANID
	assert.Error(t, json.Unmarshal([]byte(`{"x":1}`), &bad))
}

// AddMember puts an existing NIC on the LAN: POST …/lans/{lan}/nics with
// {"id": nic}, answered 202 with the NIC.
func TestLANsAddMember(t *testing.T) {
	m := newMockAPI(t)
	answer := fixture(t, "nic_get.json")
	m.onAccepted(http.MethodPost, lansPathT+"/2/nics", answer)
	nic, resp, err := m.c.LANs.AddMember(context.Background(), dcID, "2", "nic-7")
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, lansPathT+"/2/nics")
	assertJSONBody(t, c, `{"id":"nic-7"}`)
	assertAccepted(t, resp)
	var want NIC
	require.NoError(t, json.Unmarshal(answer, &want))
	require.NotEmpty(t, want.ID)
	assert.Equal(t, &want, nic)

	m = newMockAPI(t)
	for name, call := range map[string]func() error{
		"nicID":        func() error { _, _, err := m.c.LANs.AddMember(context.Background(), dcID, "2", ""); return err },
		"lanID":        func() error { _, _, err := m.c.LANs.AddMember(context.Background(), dcID, "0", "nic"); return err },
		"datacenterID": func() error { _, _, err := m.c.LANs.AddMember(context.Background(), "..", "2", "nic"); return err },
	} {
		assertInvalid(t, call(), name)
	}
	m.none()
}
