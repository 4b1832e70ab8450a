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
	// The same body with the keys in another order and other spacing is the
	// same JSON value.
	unknown := &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters", SentAt: sent, Attempts: 1,
		body: []byte(`{"properties": {"location": "us/las", "name": "staging"}}`)}
	found, err := m.c.Requests.FindUnknown(context.Background(), unknown)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, testRequestID, found[0].ID)
	assertCall(t, m.only(), http.MethodGet, "/requests",
		"depth", "1",
		"filter.method", "POST",
		"filter.url", "/datacenters",
		"filter.createdAfter", "2020-08-26 08:59:00") // a minute's clock allowance and a second for the API's whole seconds
}

// A record of the same method and URL with another body is another write:
// never taken for the lost one, and an empty answer is only given once the
// record delay has passed since the write was sent.
func TestFindUnknownIgnoresOtherBodies(t *testing.T) {
	m := newMockAPI(t, WithOutcomeLookup(OutcomeLookup{ClockSkew: time.Hour * 24 * 365 * 10, RecordDelay: 30 * time.Millisecond}))
	m.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	start := time.Now()
	unknown := &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters", SentAt: start,
		body: []byte(`{"properties":{"name":"mine","location":"us/las"}}`)}
	found, err := m.c.Requests.FindUnknown(context.Background(), unknown)
	require.NoError(t, err)
	assert.Empty(t, found)
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond, "waited for the record delay")
	assert.GreaterOrEqual(t, len(m.all()), 2, "looked again before trusting the empty answer")

	// Another path, and a bodiless write against a recorded body.
	found, err = m.c.Requests.FindUnknown(context.Background(), &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters/x/servers", SentAt: start,
		body: []byte(`{"properties":{"name":"staging","location":"us/las"}}`)})
	require.NoError(t, err)
	assert.Empty(t, found)
	found, err = m.c.Requests.FindUnknown(context.Background(), &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters", SentAt: start})
	require.NoError(t, err)
	assert.Empty(t, found)

	_, err = m.c.Requests.FindUnknown(context.Background(), context.Canceled)
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// A record created before the write was sent (less the clock allowance) is
// not it, even with the same body.
func TestFindUnknownIgnoresEarlierRecords(t *testing.T) {
	m := newMockAPI(t, WithOutcomeLookup(OutcomeLookup{ClockSkew: time.Second, RecordDelay: 0}))
	m.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	found, err := m.c.Requests.FindUnknown(context.Background(), &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters",
		SentAt: time.Date(2020, 8, 26, 9, 0, 30, 0, time.UTC), body: []byte(`{"properties":{"name":"staging","location":"us/las"}}`)})
	require.NoError(t, err)
	assert.Empty(t, found)
}

// Two identical writes match: FindUnknown says so and does not guess.
func TestFindUnknownAmbiguous(t *testing.T) {
	m := newMockAPI(t)
	var page map[string]any
	require.NoError(t, json.Unmarshal(fixture(t, "requests.json"), &page))
	items := page["items"].([]any)
	twin := map[string]any{}
	for k, v := range items[0].(map[string]any) {
		twin[k] = v
	}
	twin["id"] = "b3e2c5d1-6f7b-4c8a-9d0e-1f2a3b4c5d6e"
	md := map[string]any{}
	for k, v := range items[0].(map[string]any)["metadata"].(map[string]any) {
		md[k] = v
	}
	md["createdDate"] = "2020-08-26T08:59:59Z" // older: listed first
	twin["metadata"] = md
	page["items"] = []any{items[0], twin}
	body, err := json.Marshal(page)
	require.NoError(t, err)
	m.on(http.MethodGet, "/requests", 200, body)
	found, err := m.c.Requests.FindUnknown(context.Background(), &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters",
		SentAt: time.Date(2020, 8, 26, 9, 0, 1, 0, time.UTC), body: []byte(`{"properties":{"name":"staging","location":"us/las"}}`)})
	require.ErrorIs(t, err, ErrAmbiguousOutcome)
	var amb *AmbiguousOutcomeError
	require.ErrorAs(t, err, &amb)
	require.Len(t, found, 2)
	assert.Equal(t, "b3e2c5d1-6f7b-4c8a-9d0e-1f2a3b4c5d6e", found[0].ID, "oldest first")
	assert.Equal(t, found, amb.Matches)
	assert.Contains(t, err.Error(), "2 identical requests")
}

// The context ending before the record delay has passed is an error, never
// an empty answer that could be taken for "not received".
func TestFindUnknownContextBeforeRecordDelay(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests", 200, fixture(t, "requests.json"))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	found, err := m.c.Requests.FindUnknown(ctx, &UnknownOutcomeError{Method: "POST", URL: testBase + "/datacenters", SentAt: time.Now(), body: []byte(`{}`)})
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Nil(t, found)
}

func TestSameBody(t *testing.T) {
	for _, c := range []struct {
		rec, sent string
		want      bool
	}{
		{`{"a":1,"b":[true,null]}`, `{ "b": [true, null], "a": 1 }`, true},
		{`{"a":1}`, `{"a":1.0}`, false}, // numbers compared as written: the API records what it received
		{`{"a":"x"}`, `{"a":"y"}`, false},
		{`{"a":{"b":1}}`, `{"a":{"b":1,"c":2}}`, false},
		{``, ``, true},
		{``, `{}`, false},
		{`name=x&size=2`, `size=2&name=x`, true},
		{`name=x`, `name=y`, false},
	} {
		assert.Equal(t, c.want, sameBody(c.rec, []byte(c.sent)), "%q vs %q", c.rec, c.sent)
	}
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
