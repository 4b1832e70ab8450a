package ionos

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests talk to httpmock through this base URL; nothing leaves the
// process.
const (
	testBase      = "https://api.ionos.test/cloudapi/v5"
	testUser      = "ops@example.com"
	testPassword  = "s3cret-Passw0rd"
	testAuth      = "Basic b3BzQGV4YW1wbGUuY29tOnMzY3JldC1QYXNzdzByZA=="
	testRequestID = "a3e2c5d1-6f7b-4c8a-9d0e-1f2a3b4c5d6e"
)

// captured is one request as it reached the mock transport.
type captured struct {
	Method string
	Path   string // escaped path below testBase
	Query  url.Values
	Header http.Header
	Body   []byte
}

// mockAPI is a client wired to an httpmock transport that records every
// request.
type mockAPI struct {
	t  *testing.T
	mt *httpmock.MockTransport
	c  *Client

	mu    sync.Mutex
	calls []captured
}

// newMockAPI returns a client on a fresh httpmock transport (no global
// state, so tests can run in parallel). Unmatched requests fail the test.
func newMockAPI(t *testing.T, opts ...Option) *mockAPI {
	t.Helper()
	m := &mockAPI{t: t, mt: httpmock.NewMockTransport()}
	m.mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(599, "no responder"), nil
	})
	base := []Option{
		WithBasicAuth(testUser, testPassword),
		WithBaseURL(testBase),
		WithHTTPClient(&http.Client{Transport: m.mt}),
		WithRetryPolicy(RetryPolicy{MaxRetries: 2}),
	}
	c, err := NewClient(append(base, opts...)...)
	require.NoError(t, err)
	m.c = c
	return m
}

// on answers method+path (path below testBase, any query) with status,
// body and headers, and records each matching request.
func (m *mockAPI) on(method, path string, status int, body []byte, header ...string) {
	m.t.Helper()
	require.True(m.t, len(header)%2 == 0, "header wants key/value pairs")
	m.mt.RegisterResponder(method, testBase+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	})
}

// onAccepted answers a write with 202, the body and a Location header that
// names testRequestID, as the API does.
func (m *mockAPI) onAccepted(method, path string, body []byte) {
	m.on(method, path, http.StatusAccepted, body, "Location", testBase+"/requests/"+testRequestID+"/status")
}

func (m *mockAPI) record(r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	u := r.URL
	c := captured{Method: r.Method, Path: u.EscapedPath()[len("/cloudapi/v5"):], Query: u.Query(), Header: r.Header.Clone(), Body: body}
	m.mu.Lock()
	m.calls = append(m.calls, c)
	m.mu.Unlock()
}

// only returns the one request recorded, failing if there were more or none.
func (m *mockAPI) only() captured {
	m.t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	require.Len(m.t, m.calls, 1, "want exactly one request")
	return m.calls[0]
}

// all returns the requests recorded so far.
func (m *mockAPI) all() []captured {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]captured(nil), m.calls...)
}

// none asserts that nothing was sent.
func (m *mockAPI) none() {
	m.t.Helper()
	assert.Empty(m.t, m.all(), "nothing should have been sent")
	assert.Zero(m.t, m.mt.GetTotalCallCount(), "nothing should have reached the transport")
}

// fixture reads testdata/name.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// assertCall checks the verb, path and query of a request and the headers
// every call carries. wantQuery lists key/value pairs, and nothing else may
// be in the query.
func assertCall(t *testing.T, c captured, method, path string, wantQuery ...string) {
	t.Helper()
	assert.Equal(t, method, c.Method, "method")
	assert.Equal(t, path, c.Path, "path")
	want := url.Values{}
	for i := 0; i+1 < len(wantQuery); i += 2 {
		want.Add(wantQuery[i], wantQuery[i+1])
	}
	if len(want) == 0 {
		assert.Empty(t, c.Query, "query")
	} else {
		assert.Equal(t, want, c.Query, "query")
	}
	assert.Equal(t, testAuth, c.Header.Get("Authorization"), "Authorization")
	assert.Equal(t, "ionos-go/"+Version, c.Header.Get("User-Agent"), "User-Agent")
	assert.Equal(t, "application/json", c.Header.Get("Accept"), "Accept")
}

// assertJSONBody checks that a request carried exactly the JSON want, as
// application/json.
func assertJSONBody(t *testing.T, c captured, want string) {
	t.Helper()
	assert.Equal(t, "application/json", c.Header.Get("Content-Type"), "Content-Type")
	assert.JSONEq(t, want, string(c.Body), "body")
}

// assertNoBody checks that a request carried no body and no Content-Type.
func assertNoBody(t *testing.T, c captured) {
	t.Helper()
	assert.Empty(t, bytes.TrimSpace(c.Body), "body")
	assert.Empty(t, c.Header.Get("Content-Type"), "Content-Type")
}

// assertAccepted checks the Response of a write answered 202 by onAccepted.
func assertAccepted(t *testing.T, resp *Response) {
	t.Helper()
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testRequestID, resp.RequestID)
	assert.Equal(t, testBase+"/requests/"+testRequestID+"/status", resp.RequestURL)
	assert.Equal(t, 1, resp.Attempts)
}

func itoa(i int) string { return strconv.Itoa(i) }

// assertInvalid checks that err is an *InvalidInputError that names field,
// in its Field and in its message.
func assertInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var inv *InvalidInputError
	require.ErrorAs(t, err, &inv)
	assert.Equal(t, field, inv.Field)
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, err, ErrValidation, "wrong input is one class, caught here or by the API")
	assert.Contains(t, err.Error(), field)
}
