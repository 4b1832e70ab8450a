package ionos

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testAuthBase = "https://api.ionos.test/auth/v1"

// onAuth answers an Auth API call and records its request.
func onAuth(t *testing.T, m *mockAPI, method, path string, status int, body []byte) *[]*http.Request {
	t.Helper()
	var got []*http.Request
	m.mt.RegisterResponder(method, testAuthBase+path, func(r *http.Request) (*http.Response, error) {
		if r.Body != nil {
			_, _ = io.ReadAll(r.Body)
		}
		got = append(got, r)
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
	return &got
}

func TestAuthURLDerivedFromTheCloudAPI(t *testing.T) {
	for base, want := range map[string]string{
		"https://api.ionos.com/cloudapi/v6":        DefaultAuthURL,
		"https://api.ionos.com/cloudapi/v5/":       DefaultAuthURL,
		"http://127.0.0.1:8080/cloudapi/v6":        "http://127.0.0.1:8080/auth/v1",
		"https://cloud.example.com/api":            "https://cloud.example.com/auth/v1",
		"https://gw.example.com/ionos/cloudapi/v6": "https://gw.example.com/ionos/auth/v1",
	} {
		c, err := NewClient(WithToken("t"), WithBaseURL(base))
		require.NoError(t, err)
		assert.Equal(t, want, c.authBase, base)
	}
	c, err := NewClient(WithToken("t"), WithAuthURL("https://auth.example.com/v1/"))
	require.NoError(t, err)
	assert.Equal(t, "https://auth.example.com/v1", c.authBase)
	_, err = NewClient(WithToken("t"), WithAuthURL("http://auth.example.com/v1"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "plain http")
}

func TestTokensGenerate(t *testing.T) {
	m := newMockAPI(t, WithContractNumber("31415"))
	got := onAuth(t, m, http.MethodGet, "/tokens/generate", 200, fixture(t, "token_generated.json"))
	jwt, resp, err := m.c.Tokens.Generate(context.Background(), time.Hour)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	require.Len(t, *got, 1)
	r := (*got)[0]
	assert.Equal(t, "/auth/v1/tokens/generate", r.URL.Path)
	assert.Equal(t, "ttl=3600", r.URL.RawQuery, "no depth on the Auth API")
	assert.Equal(t, testAuth, r.Header.Get("Authorization"))
	assert.Equal(t, "31415", r.Header.Get("X-Contract-Number"))
	assert.Regexp(t, `^eyJ[\w-]+\.[\w-]+\.[\w-]+$`, jwt.Reveal())
	assert.Equal(t, "[redacted]", fmt.Sprint(jwt))

	// Without a lifetime the API's default applies: no ttl is sent.
	_, _, err = m.c.Tokens.Generate(context.Background(), 0)
	require.NoError(t, err)
	assert.Empty(t, (*got)[1].URL.RawQuery)

	for _, bad := range []time.Duration{-time.Second, 500 * time.Millisecond, 1500 * time.Millisecond, 1 << 62} {
		_, _, err = m.c.Tokens.Generate(context.Background(), bad)
		assertInvalid(t, err, "lifetime")
	}
	assert.Len(t, *got, 2, "nothing sent for a bad lifetime")
}

func TestTokensListGetDelete(t *testing.T) {
	m := newMockAPI(t)
	onAuth(t, m, http.MethodGet, "/tokens", 200, fixture(t, "tokens.json"))
	list, _, err := m.c.Tokens.List(context.Background())
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", list[0].ID)
	assert.Equal(t, time.Date(2027, 1, 5, 10, 15, 0, 0, time.UTC), list[0].ExpirationDate)
	assert.Equal(t, time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC), list[1].CreatedDate)

	get := onAuth(t, m, http.MethodGet, "/tokens/0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", 200, fixture(t, "token.json"))
	tok, _, err := m.c.Tokens.Get(context.Background(), "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")
	require.NoError(t, err)
	assert.Equal(t, DefaultAuthURL+"/tokens/0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", tok.Href)
	assert.Empty(t, (*get)[0].URL.RawQuery)

	del := onAuth(t, m, http.MethodDelete, "/tokens/0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", 200, fixture(t, "token_deleted.json"))
	_, err = m.c.Tokens.Delete(context.Background(), "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")
	require.NoError(t, err)
	require.Len(t, *del, 1)

	crit := onAuth(t, m, http.MethodDelete, "/tokens", 200, fixture(t, "token_deleted.json"))
	_, err = m.c.Tokens.DeleteMatching(context.Background(), TokensExpired)
	require.NoError(t, err)
	require.Len(t, *crit, 1)
	assert.Equal(t, "criteria=EXPIRED", (*crit)[0].URL.RawQuery)

	_, _, err = m.c.Tokens.Get(context.Background(), "")
	assertInvalid(t, err, "tokenID")
	_, err = m.c.Tokens.Delete(context.Background(), "..")
	assertInvalid(t, err, "tokenID")
	_, err = m.c.Tokens.DeleteMatching(context.Background(), "")
	assertInvalid(t, err, "criteria")
}

func TestTokensDeleteUnsuccessful(t *testing.T) {
	m := newMockAPI(t)
	onAuth(t, m, http.MethodDelete, "/tokens", 200, []byte(`{"success": false}`))
	_, err := m.c.Tokens.DeleteMatching(context.Background(), TokensAll)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "success: false")

	onAuth(t, m, http.MethodGet, "/tokens/x1", 404, []byte(`{"httpStatus":404,"messages":[{"errorCode":"404","message":"Token not found"}]}`))
	_, _, err = m.c.Tokens.Get(context.Background(), "x1")
	assert.ErrorIs(t, err, ErrNotFound)
}
