package ionos

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAPIErrorsMatchSentinels(t *testing.T) {
	for _, tc := range []struct {
		status   int
		fixture  string
		sentinel error
		message  string
	}{
		{401, "error_401.json", ErrNotAuthorized, "Unauthorized"},
		{403, "error_401.json", ErrForbidden, "Unauthorized"},
		{404, "error_404.json", ErrNotFound, "Resource does not exist"},
		{422, "error_422.json", ErrValidation, "[(root).properties.location] Attribute 'location' is required"},
		{429, "error_429.json", ErrRateLimited, "Rate limit exceeded for request: wait and try again"},
		{500, "error_500.json", nil, "Internal server error"},
	} {
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			m := newMockAPI(t, WithRetryPolicy(RetryPolicy{}))
			m.on(http.MethodPost, "/datacenters", tc.status, fixture(t, tc.fixture))
			_, resp, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "x", Location: "de/fra"})
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, tc.message, apiErr.Message())
			assert.Equal(t, http.MethodPost, apiErr.Method)
			assert.Equal(t, testBase+"/datacenters", apiErr.URL)
			for _, s := range []error{ErrNotAuthorized, ErrForbidden, ErrNotFound, ErrValidation, ErrRateLimited} {
				assert.Equal(t, s == tc.sentinel, errors.Is(err, s), "errors.Is(%v)", s)
			}
			assert.Contains(t, err.Error(), tc.message)
			assert.Contains(t, err.Error(), "POST "+testBase+"/datacenters")
		})
	}
}

func TestHTMLGatewayPageIsAPIError(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/"+dcID, 502, fixture(t, "error_502.html"), "Content-Type", "text/html")
	_, _, err := m.c.Datacenters.Get(context.Background(), dcID)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 502, apiErr.StatusCode)
	assert.Empty(t, apiErr.Messages)
	assert.Equal(t, "502 Bad Gateway 502 Bad Gateway nginx", apiErr.Body)
	assert.Equal(t, 3, apiErr.Attempts, "a GET rides through 502s within its retry budget")
	assert.Contains(t, err.Error(), "502 Bad Gateway")
	assert.NotContains(t, err.Error(), "<html>")
}

func TestErrorBodyWithoutMessages(t *testing.T) {
	msgs, body := parseErrorBody([]byte(`{"httpStatus": 500}`))
	assert.Empty(t, msgs)
	assert.Equal(t, `{"httpStatus": 500}`, body)
	msgs, body = parseErrorBody(nil)
	assert.Empty(t, msgs)
	assert.Empty(t, body)
	long := strings.Repeat("x", 1000)
	_, body = parseErrorBody([]byte(long))
	assert.LessOrEqual(t, len(body), 304)
}

func TestAPIErrorLogValue(t *testing.T) {
	e := &APIError{StatusCode: 404, Method: "GET", URL: testBase + "/x", Attempts: 1, Messages: []ErrorMessage{{"309", "Resource does not exist"}}}
	v := e.LogValue()
	assert.Equal(t, slog.KindGroup, v.Kind())
	assert.Contains(t, v.String(), "Resource does not exist")
	assert.Equal(t, "ionos: GET "+testBase+"/x: 404 Not Found: [309] Resource does not exist", e.Error())
}

func TestRequestFailedError(t *testing.T) {
	e := &RequestFailedError{RequestID: "r1", Message: "no capacity"}
	assert.Equal(t, "ionos: request r1 failed: no capacity", e.Error())
	assert.Equal(t, "ionos: request r1 failed: no message", (&RequestFailedError{RequestID: "r1"}).Error())
}

func TestResponseTooLarge(t *testing.T) {
	m := newMockAPI(t, WithMaxResponseBytes(1024))
	m.on(http.MethodGet, "/datacenters/"+dcID, 200, fixture(t, "datacenter_depth3.json"))
	_, _, err := m.c.Datacenters.Get(context.Background(), dcID)
	assert.ErrorIs(t, err, ErrResponseTooLarge)
	assert.Len(t, m.all(), 1, "not retried")
}

func TestEmptyOrBrokenSuccessBody(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters/empty", 200, nil)
	m.on(http.MethodGet, "/datacenters/broken", 200, []byte(`{"id": "x", "properties": {`))
	_, _, err := m.c.Datacenters.Get(context.Background(), "empty")
	assert.ErrorContains(t, err, "empty response body")
	_, _, err = m.c.Datacenters.Get(context.Background(), "broken")
	assert.ErrorContains(t, err, "decoding the response")
}

func TestEmptyIDsAreRefused(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	for name, call := range map[string]func(string) error{
		"Datacenters.Get":    func(s string) error { _, _, err := m.c.Datacenters.Get(ctx, s); return err },
		"Datacenters.Update": func(s string) error { _, _, err := m.c.Datacenters.Update(ctx, s, DatacenterUpdate{}); return err },
		"Datacenters.Delete": func(s string) error { _, err := m.c.Datacenters.Delete(ctx, s); return err },
		"Locations.Get":      func(s string) error { _, _, err := m.c.Locations.Get(ctx, s+"/"+s); return err },
		"Locations.ListRegion": func(s string) error {
			_, _, err := m.c.Locations.ListRegion(ctx, s)
			return err
		},
		"Requests.Get":       func(s string) error { _, _, err := m.c.Requests.Get(ctx, s); return err },
		"Requests.GetStatus": func(s string) error { _, _, err := m.c.Requests.GetStatus(ctx, s); return err },
		"WaitForRequest":     func(s string) error { _, err := m.c.WaitForRequest(ctx, s); return err },
	} {
		for _, bad := range []string{"", " ", ".", ".."} {
			err := call(bad)
			assert.ErrorIs(t, err, ErrInvalidInput, "%s(%q)", name, bad)
		}
	}
	m.none()
}
