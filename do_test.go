package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDo sends a request the SDK has no method for, with the client's
// authentication and headers, and decodes the answer.
func TestDo(t *testing.T) {
	m := newMockAPI(t, WithContractNumber("31"))
	m.onAccepted(http.MethodPost, "/ipblocks", []byte(`{"id":"ipb-1","properties":{"name":"nat","location":"de/fra","size":1}}`))
	req, err := m.c.NewRequest(context.Background(), http.MethodPost, "/ipblocks?depth=2",
		map[string]any{"properties": map[string]any{"name": "nat", "location": "de/fra", "size": 1}})
	require.NoError(t, err)
	var block struct {
		ID         string `json:"id"`
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	}
	resp, err := m.c.Do(req, &block)
	require.NoError(t, err)
	assert.Equal(t, "ipb-1", block.ID)
	assert.Equal(t, "nat", block.Properties.Name)
	assert.Equal(t, testRequestID, resp.RequestID, "the request to wait for")

	c := m.only()
	assertCall(t, c, http.MethodPost, "/ipblocks", "depth", "2")
	assert.Equal(t, testAuth, c.Header.Get("Authorization"))
	assert.Equal(t, "31", c.Header.Get("X-Contract-Number"))
	assert.Equal(t, "application/json", c.Header.Get("Content-Type"))
	assert.Contains(t, c.Header.Get("User-Agent"), "ionos-go/"+Version)
	assertJSONBody(t, c, `{"properties":{"name":"nat","location":"de/fra","size":1}}`)
}

func TestDoRawBodyAndNoDecode(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodPut, "/um/groups/g1", 202, []byte(`{}`))
	req, err := m.c.NewRequest(context.Background(), http.MethodPut, "/um/groups/g1", json.RawMessage(`{"properties":{"name":"ops"}}`))
	require.NoError(t, err)
	_, err = m.c.Do(req, nil)
	require.NoError(t, err)
	c := m.only()
	assert.Empty(t, c.Query, "no depth unless the path asks")
	assertJSONBody(t, c, `{"properties":{"name":"ops"}}`)
}

func TestDoAPIError(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/ipblocks/x", 404, fixture(t, "error_404.json"))
	req, err := m.c.NewRequest(context.Background(), http.MethodGet, "/ipblocks/x", nil)
	require.NoError(t, err)
	_, err = m.c.Do(req, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, http.MethodGet, apiErr.Method)
}

func TestDoRefuses(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	for _, p := range []string{"datacenters", "https://evil.example.com/x", "//evil.example.com/x"} {
		_, err := m.c.NewRequest(ctx, http.MethodGet, p, nil)
		assert.ErrorIs(t, err, ErrInvalidInput, p)
	}
	_, err := m.c.NewRequest(ctx, "GE T", "/x", nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = m.c.NewRequest(ctx, http.MethodPost, "/x", func() {})
	assert.Error(t, err, "a body that is not JSON")

	other, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://evil.example.com/cloudapi/v5/datacenters", nil)
	require.NoError(t, err)
	_, err = m.c.Do(other, nil)
	assert.ErrorIs(t, err, ErrInvalidInput, "credentials go to the base URL only")
	outside, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.ionos.test/other/datacenters", nil)
	require.NoError(t, err)
	_, err = m.c.Do(outside, nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = m.c.Do(nil, nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
	m.none()
}

// Do decodes into the caller's own type exactly as encoding/json does,
// whatever that type relies on: here an array shorter than the JSON one
// (encoding/json drops the rest) and base64 bytes broken by a newline
// (which encoding/json skips).
func TestDoDecodesCallerTypesAsEncodingJSON(t *testing.T) {
	const body = `{"id":"x","pair":[1,2,3],"blob":"aG\nk="}`
	type mine struct {
		ID   string `json:"id"`
		Pair [2]int `json:"pair"`
		Blob []byte `json:"blob"`
	}
	var want mine
	require.NoError(t, json.Unmarshal([]byte(body), &want))
	require.Equal(t, "hi", string(want.Blob))

	m := newMockAPI(t)
	m.on(http.MethodGet, "/things/x", 200, []byte(body))
	req, err := m.c.NewRequest(context.Background(), http.MethodGet, "/things/x", nil)
	require.NoError(t, err)
	var got mine
	_, err = m.c.Do(req, &got)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}
