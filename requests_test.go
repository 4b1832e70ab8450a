package ionos

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRequestsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	reqs, _, err := m.c.Requests.List(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/requests", "depth", "1")
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, testRequestID, r.ID)
	assert.Equal(t, "POST", r.Properties.Method)
	assert.Equal(t, "https://api.ionos.com/cloudapi/v5/datacenters", r.Properties.URL)
	assert.Equal(t, RequestDone, r.Metadata.RequestStatus.Metadata.Status)
	assert.Equal(t, time.Date(2020, 8, 26, 9, 0, 0, 0, time.UTC), r.Metadata.CreatedDate)
}

func TestRequestsListFilters(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	after := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	before := time.Date(2021, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))
	_, _, err := m.c.Requests.List(context.Background(), WithRequestFilter(RequestFilter{
		Status: RequestFailed, CreatedAfter: after, CreatedBefore: before,
		Method: "post", URL: "/datacenters", Body: "staging", CreatedBy: "ops@example.com",
	}), WithDepth(2))
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/requests",
		"depth", "2",
		"filter.status", "FAILED",
		"filter.createdAfter", "2021-01-01 00:00:00",
		"filter.createdBefore", "2021-01-02 02:04:05",
		"filter.method", "POST",
		"filter.url", "/datacenters",
		"filter.body", "staging",
		"filter.createdBy", "ops@example.com",
	)
}

func TestRequestFilterValidation(t *testing.T) {
	m := newMockAPI(t)
	now := time.Now()
	_, _, err := m.c.Requests.List(context.Background(), WithRequestFilter(RequestFilter{CreatedAfter: now, CreatedBefore: now.Add(-time.Hour)}))
	assert.ErrorIs(t, err, ErrInvalidInput)
	m.none()
}

func TestRequestsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests/"+testRequestID, 200, fixture(t, "request.json"))
	r, _, err := m.c.Requests.Get(context.Background(), testRequestID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/requests/"+testRequestID, "depth", "1")
	assert.Equal(t, `{"properties":{"name":"staging","location":"us/las"}}`, r.Properties.Body)
	assert.Equal(t, "application/json", r.Properties.Headers["Content-Type"])
}

func TestRequestsGetStatus(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests/"+testRequestID+"/status", 200, fixture(t, "request_status_failed.json"))
	st, _, err := m.c.Requests.GetStatus(context.Background(), testRequestID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/requests/"+testRequestID+"/status")
	assert.Equal(t, testRequestID+"/status", st.ID)
	assert.Equal(t, "request-status", st.Type)
	assert.Equal(t, RequestFailed, st.Metadata.Status)
	assert.Contains(t, st.Metadata.Message, "not enough resources")
	require.Len(t, st.Metadata.Targets, 1)
	assert.Equal(t, "datacenter", st.Metadata.Targets[0].Target.Type)
}

func TestFindUnknown(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	sent := time.Date(2020, 8, 26, 9, 0, 1, 0, time.UTC)
	unknown := &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters", SentAt: sent, Attempts: 1}
	found, err := m.c.Requests.FindUnknown(context.Background(), unknown)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, testRequestID, found[0].ID)
	assertCall(t, m.only(), http.MethodGet, "/requests",
		"depth", "1",
		"filter.method", "POST",
		"filter.url", "/datacenters",
		"filter.createdAfter", "2020-08-26 08:58:01")

	// A request on another path recorded by the API is not taken for it.
	m2 := newMockAPI(t)
	m2.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	found, err = m2.c.Requests.FindUnknown(context.Background(), &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters/x/servers", SentAt: sent})
	require.NoError(t, err)
	assert.Empty(t, found)

	_, err = m2.c.Requests.FindUnknown(context.Background(), context.Canceled)
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestParseRequestLocation(t *testing.T) {
	for loc, want := range map[string]string{
		"https://api.ionos.com/cloudapi/v5/requests/a3e2c5d1-6f7b-4c8a-9d0e-1f2a3b4c5d6e/status": "a3e2c5d1-6f7b-4c8a-9d0e-1f2a3b4c5d6e",
		"/cloudapi/v5/requests/ABCDEF01-2345/status":                                             "ABCDEF01-2345",
		"https://api.ionos.com/cloudapi/v5/requests/abc123":                                      "abc123",
		"https://api.ionos.com/cloudapi/v5/requests/abc123/status?x=1":                           "abc123",
	} {
		id, ok := parseRequestLocation(loc)
		assert.True(t, ok, loc)
		assert.Equal(t, want, id, loc)
	}
	for _, bad := range []string{"", "https://api.ionos.com/cloudapi/v5/datacenters/x", "/requests//status", "/requests/zz-not-hex/status", "/requests/abc/other"} {
		_, ok := parseRequestLocation(bad)
		assert.False(t, ok, bad)
	}
}
