package ionos

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClientConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []Option
		want string
	}{
		{"no credentials", nil, "no credentials"},
		{"empty credentials", []Option{WithBasicAuth("", "")}, "no credentials"},
		{"token and password", []Option{WithToken("tok"), WithBasicAuth("u", "p")}, "both a token and a user name/password"},
		{"user without password", []Option{WithBasicAuth("u", "")}, "needs both a user name and a password"},
		{"control character in password", []Option{WithBasicAuth("u", "pa\x00ss")}, "control characters"},
		{"newline inside token", []Option{WithToken("ab\ncd")}, "control characters"},
		{"colon in user", []Option{WithBasicAuth("a:b", "p")}, "':'"},
		{"relative base URL", []Option{WithToken("t"), WithBaseURL("/cloudapi/v5")}, "not absolute"},
		{"host-less base URL", []Option{WithToken("t"), WithBaseURL("api.ionos.com/cloudapi/v5")}, "not absolute"},
		{"ftp base URL", []Option{WithToken("t"), WithBaseURL("ftp://api.ionos.com/")}, "scheme must be https or http"},
		{"credentials in base URL", []Option{WithToken("t"), WithBaseURL("https://u:p@api.ionos.com/")}, "must not carry credentials"},
		{"query in base URL", []Option{WithToken("t"), WithBaseURL("https://api.ionos.com/?x=1")}, "query or fragment"},
		{"plain http to a remote host", []Option{WithToken("t"), WithBaseURL("http://api.ionos.com/cloudapi/v5")}, "refusing to send credentials over plain http"},
		{"depth too deep", []Option{WithToken("t"), WithDefaultDepth(11)}, "depth"},
		{"negative depth", []Option{WithToken("t"), WithDefaultDepth(-1)}, "depth"},
		{"bad contract number", []Option{WithToken("t"), WithContractNumber("12a")}, "contract number"},
		{"nil http client", []Option{WithToken("t"), WithHTTPClient(nil)}, "nil *http.Client"},
		{"negative retries", []Option{WithToken("t"), WithRetryPolicy(RetryPolicy{MaxRetries: -1})}, "MaxRetries"},
		{"bad wait policy", []Option{WithToken("t"), WithWaitPolicy(WaitPolicy{})}, "MinInterval"},
		{"zero body limit", []Option{WithToken("t"), WithMaxResponseBytes(0)}, "limit must be positive"},
		{"empty app name", []Option{WithToken("t"), WithAppName("")}, "app name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(tc.opts...)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "pa\x00ss")
		})
	}
}

func TestNewClientAccepts(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []Option
		base string
	}{
		{"default base URL", []Option{WithToken("t")}, DefaultBaseURL},
		{"trailing slash trimmed", []Option{WithToken("t"), WithBaseURL("https://api.example.com/cloudapi/v5/")}, "https://api.example.com/cloudapi/v5"},
		{"plain http on loopback", []Option{WithToken("t"), WithBaseURL("http://127.0.0.1:8080/cloudapi/v5")}, "http://127.0.0.1:8080/cloudapi/v5"},
		{"plain http on localhost", []Option{WithToken("t"), WithBaseURL("http://localhost:8080/cloudapi/v5")}, "http://localhost:8080/cloudapi/v5"},
		{"plain http on IPv6 loopback", []Option{WithToken("t"), WithBaseURL("http://[::1]:8080/cloudapi/v5")}, "http://[::1]:8080/cloudapi/v5"},
		{"plain http allowed explicitly", []Option{WithToken("t"), WithBaseURL("http://10.0.0.1/cloudapi/v5"), WithInsecureHTTP()}, "http://10.0.0.1/cloudapi/v5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(tc.opts...)
			require.NoError(t, err)
			assert.Equal(t, tc.base, c.BaseURL())
		})
	}
}

func TestTokenTrailingNewlineIsTrimmed(t *testing.T) {
	mt := httpmock.NewMockTransport()
	var got string
	mt.RegisterResponder(http.MethodGet, testBase+"/locations", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Get("Authorization")
		return httpmock.NewBytesResponse(200, fixture(t, "locations.json")), nil
	})
	c, err := NewClient(WithToken("eyJ0b2tlbiI6MX0\n"), WithBaseURL(testBase), WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	_, _, err = c.Locations.List(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer eyJ0b2tlbiI6MX0", got)
}

func TestNewClientFromEnv(t *testing.T) {
	t.Setenv("IONOS_USERNAME", testUser)
	t.Setenv("IONOS_PASSWORD", testPassword)
	t.Setenv("IONOS_TOKEN", "")
	t.Setenv("IONOS_API_URL", testBase)
	t.Setenv("IONOS_CONTRACT_NUMBER", "31415926")
	mt := httpmock.NewMockTransport()
	var hdr http.Header
	mt.RegisterResponder(http.MethodGet, testBase+"/locations", func(r *http.Request) (*http.Response, error) {
		hdr = r.Header.Clone()
		return httpmock.NewBytesResponse(200, fixture(t, "locations.json")), nil
	})
	c, err := NewClientFromEnv(WithHTTPClient(&http.Client{Transport: mt}), WithAppName("inventory/2.1"))
	require.NoError(t, err)
	assert.Equal(t, testBase, c.BaseURL())
	_, _, err = c.Locations.List(context.Background())
	require.NoError(t, err)
	assert.Equal(t, testAuth, hdr.Get("Authorization"))
	assert.Equal(t, "31415926", hdr.Get("X-Contract-Number"))
	assert.Equal(t, "inventory/2.1 ionos-go/"+Version, hdr.Get("User-Agent"))

	// Credentials given as options replace the environment's.
	c, err = NewClientFromEnv(WithToken("tok"))
	require.NoError(t, err)
	assert.Equal(t, "Bearer tok", c.auth)

	// Both in the environment is refused.
	t.Setenv("IONOS_TOKEN", "tok")
	_, err = NewClientFromEnv()
	assert.ErrorContains(t, err, "both a token")

	// Nothing in the environment.
	t.Setenv("IONOS_TOKEN", "")
	t.Setenv("IONOS_USERNAME", "")
	t.Setenv("IONOS_PASSWORD", "")
	_, err = NewClientFromEnv()
	assert.ErrorContains(t, err, "no credentials")
}

func TestCallerHTTPClientIsNotChanged(t *testing.T) {
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodGet, testBase+"/locations", httpmock.NewBytesResponder(200, fixture(t, "locations.json")))
	hc := &http.Client{Transport: mt}
	before := *hc
	c, err := NewClient(WithToken("t"), WithBaseURL(testBase), WithHTTPClient(hc))
	require.NoError(t, err)
	_, _, err = c.Locations.List(context.Background())
	require.NoError(t, err)
	assert.Equal(t, before.Transport, hc.Transport)
	assert.Equal(t, before.Timeout, hc.Timeout)
	assert.Nil(t, hc.CheckRedirect)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestDefaultTransportSizedForConcurrency(t *testing.T) {
	c, err := NewClient(WithToken("t"))
	require.NoError(t, err)
	tr, ok := c.hc.Transport.(*attemptTransport).base.(*http.Transport)
	require.True(t, ok)
	assert.GreaterOrEqual(t, tr.MaxIdleConnsPerHost, 64)
	assert.NotSame(t, http.DefaultTransport, tr, "the shared default transport is never changed")
	assert.Equal(t, 0, http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost)
}

func TestContractNumberPerCall(t *testing.T) {
	m := newMockAPI(t, WithContractNumber("111"))
	m.on(http.MethodGet, "/locations", 200, fixture(t, "locations.json"))
	_, _, err := m.c.Locations.List(context.Background(), WithCallContractNumber("222"))
	require.NoError(t, err)
	_, _, err = m.c.Locations.List(context.Background())
	require.NoError(t, err)
	calls := m.all()
	assert.Equal(t, "222", calls[0].Header.Get("X-Contract-Number"))
	assert.Equal(t, "111", calls[1].Header.Get("X-Contract-Number"))
	_, _, err = m.c.Locations.List(context.Background(), WithCallContractNumber("x"))
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestDepthOptionValidated(t *testing.T) {
	m := newMockAPI(t)
	for _, d := range []int{-1, 11} {
		_, _, err := m.c.Datacenters.Get(context.Background(), dcID, WithDepth(d))
		var inv *InvalidInputError
		require.ErrorAs(t, err, &inv)
		assert.Equal(t, "depth", inv.Field)
	}
	m.none()
}

// TestCredentialsNeverLeak runs failing and succeeding calls with a debug
// logger and checks that neither the password nor its basic-auth encoding
// shows up in any log line or error string.
func TestCredentialsNeverLeak(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	m := newMockAPI(t, WithLogger(logger))
	// An API that echoes the credentials back in its error message.
	echo := fmt.Sprintf(`{"httpStatus":401,"messages":[{"errorCode":"315","message":"bad credentials %s / %s"}]}`, testPassword, strings.TrimPrefix(testAuth, "Basic "))
	m.on(http.MethodGet, "/datacenters/"+dcID, 401, []byte(echo))
	m.on(http.MethodGet, "/datacenters", 200, fixture(t, "datacenters.json"))
	m.on(http.MethodGet, "/locations", 502, fixture(t, "error_502.html"))

	_, _, err1 := m.c.Datacenters.Get(context.Background(), dcID)
	require.ErrorIs(t, err1, ErrNotAuthorized)
	_, _, err2 := m.c.Datacenters.List(context.Background())
	require.NoError(t, err2)
	_, _, err3 := m.c.Locations.List(context.Background())
	require.Error(t, err3)
	logger.Info("error", "err", err1)

	all := logs.String() + err1.Error() + err3.Error() + fmt.Sprintf("%+v %#v", err1, err1)
	require.NotEmpty(t, logs.String(), "debug logging produced lines")
	assert.Contains(t, logs.String(), "ionos: http attempt")
	for _, secret := range []string{testPassword, strings.TrimPrefix(testAuth, "Basic ")} {
		assert.NotContains(t, all, secret)
	}
	assert.Contains(t, err1.Error(), "[redacted]")
}

func TestOneLogLinePerAttempt(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	m := newMockAPI(t, WithLogger(logger), WithRetryPolicy(RetryPolicy{MaxRetries: 2}))
	m.on(http.MethodGet, "/locations", 503, fixture(t, "error_500.json"))
	_, resp, err := m.c.Locations.List(context.Background())
	require.Error(t, err)
	assert.Equal(t, 3, resp.Attempts)
	assert.Equal(t, 3, strings.Count(logs.String(), `"msg":"ionos: http attempt"`))
}

// TestWithTLSConfig: a private CA is trusted through the SDK's own
// transport, which keeps its pool of idle connections; the option does not
// combine with WithHTTPClient.
func TestWithTLSConfig(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"href":"x","name":"CLOUD API","version":"5.0"}`))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake below
	srv.StartTLS()
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())

	plain, err := NewClient(WithToken("t"), WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, _, err = plain.Info(context.Background())
	require.Error(t, err, "the test server's CA is not trusted by default")

	cfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL), WithTLSConfig(cfg))
	require.NoError(t, err)
	info, _, err := c.Info(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "CLOUD API", info.Name)
	tr, ok := c.hc.Transport.(*attemptTransport).base.(*http.Transport)
	require.True(t, ok, "the SDK's own transport")
	assert.Equal(t, 100, tr.MaxIdleConnsPerHost)
	assert.NotSame(t, cfg, tr.TLSClientConfig, "the caller's config is cloned")

	_, err = NewClient(WithToken("t"), WithBaseURL(srv.URL), WithTLSConfig(cfg), WithHTTPClient(&http.Client{}))
	assert.Error(t, err)
	_, err = NewClient(WithToken("t"), WithTLSConfig(nil))
	assert.Error(t, err)
}

func TestAPIVersionFromURLAndOption(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []Option
		want APIVersion
	}{
		{"default is v6", nil, APIv6},
		{"v5 URL", []Option{WithBaseURL("https://api.example.com/cloudapi/v5")}, APIv5},
		{"v6 URL", []Option{WithBaseURL("https://api.example.com/cloudapi/v6/")}, APIv6},
		{"private URL, v5 named", []Option{WithBaseURL("https://cloud.example.com/api"), WithAPIVersion(APIv5)}, APIv5},
		{"private URL, nothing named", []Option{WithBaseURL("https://cloud.example.com/api")}, APIv6},
		{"URL and option agree", []Option{WithBaseURL("https://api.example.com/cloudapi/v5"), WithAPIVersion(APIv5)}, APIv5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(append([]Option{WithToken("t")}, tc.opts...)...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.APIVersion())
		})
	}
	_, err := NewClient(WithToken("t"), WithBaseURL("https://api.example.com/cloudapi/v5"), WithAPIVersion(APIv6))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is for API v5")
	_, err = NewClient(WithToken("t"), WithAPIVersion("v7"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"v7"`)
	assert.Equal(t, "https://api.ionos.com/cloudapi/v6", DefaultBaseURL)
}

// A call the client's version lacks fails before anything is sent, with an
// error that names the version.
func TestVersionGate(t *testing.T) {
	m := newMockAPI(t, WithBaseURL("https://api.example.com/cloudapi/v6"))
	_, _, err := m.c.Kubernetes.CompatibleVersions(context.Background(), "1.18.5")
	require.ErrorIs(t, err, ErrUnsupportedVersion)
	var ve *VersionError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, APIv6, ve.Version)
	assert.Equal(t, []APIVersion{APIv5}, ve.Available)
	assert.Equal(t, "ionos: GET /k8s/versions/{clusterVersion}/compatibilities is not in Cloud API v6 (only in API v5)", err.Error())
	m.none()

	// A v6 family on a v5 client.
	c5, err := NewClient(WithToken("t"), WithBaseURL("https://api.example.com/cloudapi/v5"))
	require.NoError(t, err)
	err = c5.checkVersion(http.MethodGet, "/datacenters/1/natgateways")
	require.ErrorIs(t, err, ErrUnsupportedVersion)
	assert.Contains(t, err.Error(), "GET /datacenters/{datacenterId}/natgateways is not in Cloud API v5 (only in API v6)")
	// Operations of both, and paths the table does not know (the escape
	// hatch), pass.
	require.NoError(t, c5.checkVersion(http.MethodGet, "/datacenters/1/servers"))
	require.NoError(t, c5.checkVersion(http.MethodGet, "/not/an/api/path"))
}

// v6 answers many writes 202 without a body: the call succeeds with no
// resource and the response to wait on; a read without a body is an error.
func TestWriteAcceptedWithoutBody(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodPatch, "/datacenters/"+dcID, http.StatusAccepted, nil, "Location", testBase+"/requests/"+testRequestID+"/status")
	dc, resp, err := m.c.Datacenters.Update(context.Background(), dcID, DatacenterUpdate{Name: Ptr("x")})
	require.NoError(t, err)
	assert.Nil(t, dc)
	assert.Equal(t, testRequestID, resp.RequestID)

	m.on(http.MethodGet, "/datacenters/"+dcID, http.StatusOK, nil)
	_, _, err = m.c.Datacenters.Get(context.Background(), dcID)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "empty response body")
}

// A kubeconfig-like answer is read as it is, with the Accept header asked.
func TestRawBodyAndAccept(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/raw", http.StatusOK, []byte("apiVersion: v1\nkind: Config\n"))
	var rb rawBody
	_, err := m.c.doWith(context.Background(), &request{method: http.MethodGet, path: "/raw", accept: "application/yaml"}, &rb, &callOptions{})
	require.NoError(t, err)
	assert.Equal(t, "apiVersion: v1\nkind: Config\n", string(rb.b))
	assert.Equal(t, "application/yaml", m.only().Header.Get("Accept"))
}
