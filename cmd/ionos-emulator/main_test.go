package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestSaveStateAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "state.json")
	require.NoError(t, saveState(p, []byte(`{"a":1}`)))
	require.NoError(t, saveState(p, []byte(`{"a":2}`)))
	data, ok, err := loadState(p)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, `{"a":2}`, string(data))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	_, ok, err = loadState(filepath.Join(dir, "missing.json"))
	assert.NoError(t, err)
	assert.False(t, ok)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.json"), nil, 0o600))
	_, _, err = loadState(filepath.Join(dir, "empty.json"))
	assert.Error(t, err)

	assert.Error(t, saveState(filepath.Join(dir, "no", "such", "dir.json"), []byte("x")))
}

// safeBuf is a concurrency-safe output buffer.
type safeBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs the emulator and returns its base URL and a stop function
// that returns run's error.
func start(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	base, stop, _ := startErr(t, args...)
	return base, stop
}

// startErr is start that also returns what the emulator wrote to stderr.
func startErr(t *testing.T, args ...string) (string, func() error, *safeBuf) {
	t.Helper()
	out, errOut := &safeBuf{}, &safeBuf{}
	stop := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() { done <- run(append([]string{"-addr", "127.0.0.1:0"}, args...), out, errOut, stop) }()
	re := regexp.MustCompile(`serving (\S+)`)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1], func() error { stop <- syscall.SIGTERM; return <-done }, errOut
		}
		select {
		case err := <-done:
			t.Fatalf("run ended: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatal("the emulator did not start")
	return "", nil, nil
}

func do(t *testing.T, method, u, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth("me@example.com", "pw")
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

func TestRunPersistsState(t *testing.T) {
	p := filepath.Join(t.TempDir(), "emu.json")
	base, stop := start(t, "-user", "me@example.com", "-password", "pw", "-state", p)
	code, body := do(t, "POST", base+"/datacenters", `{"properties":{"name":"kept","location":"de/fra"}}`)
	require.Equal(t, 202, code, body)
	require.NoError(t, stop())

	base, stop = start(t, "-user", "me@example.com", "-password", "pw", "-state", p)
	code, body = do(t, "GET", base+"/datacenters?depth=1", "")
	assert.Equal(t, 200, code)
	assert.Contains(t, body, `"name":"kept"`)
	code, _ = do(t, "GET", base+"/locations/us/las", "")
	assert.Equal(t, 200, code)
	require.NoError(t, stop())
}

func TestRunRefusesCorruptState(t *testing.T) {
	p := filepath.Join(t.TempDir(), "emu.json")
	require.NoError(t, os.WriteFile(p, []byte(`{"format":1,"nodes":{`), 0o600))
	err := run([]string{"-addr", "127.0.0.1:0", "-state", p}, io.Discard, io.Discard, make(chan os.Signal))
	require.Error(t, err)
	assert.Contains(t, err.Error(), p)
	data, _ := os.ReadFile(p)
	assert.Equal(t, `{"format":1,"nodes":{`, string(data), "the corrupt file is left alone")
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-user", "", "-token", ""},
		{"-fail-rate", "2"},
		{"-rate-limit", "-1"},
		{"extra"},
		{"-fail", "("},
	} {
		err := run(append([]string{"-addr", "127.0.0.1:0"}, args...), io.Discard, io.Discard, make(chan os.Signal))
		assert.Error(t, err, "%v", args)
	}
	o, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:8080", o.addr)
	assert.Equal(t, time.Second, o.delay, "requests take about a second, as small writes do live")
	assert.Equal(t, 3*time.Second, o.k8sDelay)
	o, err = parseFlags([]string{"-delay", "0", "-k8s-delay", "0"}, io.Discard)
	require.NoError(t, err)
	assert.Zero(t, o.delay)
	assert.Zero(t, o.k8sDelay)
	_, err = parseFlags([]string{"-addr", "no-port"}, io.Discard)
	assert.Error(t, err)
}

func TestRunFailureSettings(t *testing.T) {
	base, stop := start(t, "-user", "me@example.com", "-password", "pw", "-fail", "^POST /datacenters$", "-rate-limit", "600", "-burst", "100", "-delay", "0")
	code, _ := do(t, "POST", base+"/datacenters", `{"properties":{"name":"x","location":"de/fra"}}`)
	require.Equal(t, 202, code)
	code, body := do(t, "GET", base+"/requests?depth=2&filter.status=FAILED", "")
	assert.Equal(t, 200, code)
	assert.Contains(t, body, `"FAILED"`)
	require.NoError(t, stop())
}

func TestListenAddress(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "127.0.0.2:0": true, "localhost:8080": true, "[::1]:8080": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:8080": false, "192.0.2.10:8080": false, "emulator:8080": false,
	} {
		got, err := isLoopback(addr)
		require.NoError(t, err, addr)
		assert.Equal(t, want, got, addr)
	}
	_, err := isLoopback("8080")
	assert.Error(t, err)

	// The environment sets the default; the flag wins over it.
	t.Setenv(addrEnv, "0.0.0.0:9999")
	o, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "0.0.0.0:9999", o.addr)
	o, err = parseFlags([]string{"-addr", "127.0.0.1:1234"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:1234", o.addr)
}

// TestListenNonLoopback listens on every interface (bound only for the test)
// and talks to it through 127.0.0.1: it serves, and it warned.
func TestListenNonLoopback(t *testing.T) {
	base, stop, errOut := startErr(t, "-user", "me@example.com", "-password", "pw", "-addr", "0.0.0.0:0")
	u, err := url.Parse(base)
	require.NoError(t, err)
	require.Equal(t, "0.0.0.0", u.Hostname())
	u.Host = "127.0.0.1:" + u.Port()
	code, body := do(t, "GET", u.String()+"/locations", "")
	assert.Equal(t, 200, code)
	assert.Contains(t, body, `"href":"http://127.0.0.1:`+u.Port(), "hrefs follow the Host the client used")
	require.NoError(t, stop())
	assert.Contains(t, errOut.String(), "WARNING: listening on 0.0.0.0:")
	assert.Contains(t, errOut.String(), "not a loopback address")

	// The same switch through the environment.
	t.Setenv(addrEnv, "0.0.0.0:0")
	errOut = &safeBuf{}
	sig := make(chan os.Signal, 1)
	sig <- syscall.SIGTERM
	require.NoError(t, run([]string{"-user", "me@example.com", "-password", "pw"}, io.Discard, errOut, sig))
	assert.Contains(t, errOut.String(), "WARNING: listening on 0.0.0.0:")

	// On loopback, no warning.
	_, stop, errOut = startErr(t, "-user", "me@example.com", "-password", "pw")
	require.NoError(t, stop())
	assert.NotContains(t, errOut.String(), "WARNING")
}

// TestDefaultsBehaveLikeTheLiveAPI runs the binary with its defaults (only
// the credentials are given) and checks issue 13's items on it: requests are
// QUEUED, RUNNING and DONE about a second later, with the resource BUSY
// meanwhile; and -delay 0 is DONE at once.
func TestDefaultsBehaveLikeTheLiveAPI(t *testing.T) {
	base, stop := start(t, "-user", "me@example.com", "-password", "pw")
	defer func() { require.NoError(t, stop()) }()
	t0 := time.Now()
	code, loc, body := doLoc(t, "POST", base+"/datacenters", `{"properties":{"name":"slow","location":"de/fra"}}`)
	require.Equal(t, 202, code, body)
	require.NotEmpty(t, loc)
	_, status := do(t, "GET", loc, "")
	if time.Since(t0) < 450*time.Millisecond { // QUEUED for the first half second
		assert.Contains(t, status, `"status":"QUEUED"`, "a request just made is queued")
	}
	assert.NotContains(t, status, `"status":"DONE"`, "not done before the 202 is read")
	dcID := topID(t, body)
	_, dc := do(t, "GET", base+"/datacenters/"+dcID, "")
	assert.Contains(t, dc, `"state":"BUSY"`)
	seen := map[string]bool{}
	for time.Since(t0) < 10*time.Second {
		_, status = do(t, "GET", loc, "")
		st := regexp.MustCompile(`"status":"(\w+)"`).FindStringSubmatch(status)[1]
		seen[st] = true
		if st == "DONE" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	elapsed := time.Since(t0)
	require.True(t, seen["DONE"], "%v", seen)
	assert.True(t, seen["RUNNING"], "the request went RUNNING before DONE: %v", seen)
	assert.GreaterOrEqual(t, elapsed, 900*time.Millisecond, "DONE about a second after the write")
	_, dc = do(t, "GET", base+"/datacenters/"+dcID, "")
	assert.Contains(t, dc, `"state":"AVAILABLE"`)

	// The other items hold in the binary too: coercion, catalogue, S3 key.
	code, body = do(t, "POST", base+"/datacenters/"+dcID+"/lans", `{"properties":{"name":null,"public":"true"}}`)
	assert.Equal(t, 202, code, body)
	assert.Contains(t, body, `"public":true`)
	_, imgs := do(t, "GET", base+"/images?depth=1", "")
	assert.Contains(t, imgs, `"name":"Ubuntu-22.04-LTS-server-`)
	assert.Contains(t, imgs, `"location":"fr/par"`)
	code, body = do(t, "POST", base+"/um/users", `{"properties":{"firstname":"a","lastname":"b","email":"a@example.com","password":"secretsecret"}}`)
	require.Equal(t, 202, code, body)
	uid := topID(t, body)
	code, _ = do(t, "POST", base+"/um/users/"+uid+"/s3keys", "")
	assert.Equal(t, 200, code)

	fast, stopFast := start(t, "-user", "me@example.com", "-password", "pw", "-delay", "0")
	defer func() { require.NoError(t, stopFast()) }()
	code, loc, body = doLoc(t, "POST", fast+"/datacenters", `{"properties":{"location":"de/fra"}}`)
	require.Equal(t, 202, code, body)
	_, status = do(t, "GET", loc, "")
	assert.Contains(t, status, `"status":"DONE"`, "-delay 0: DONE at once")
}

// topID returns the id of a JSON answer.
func topID(t *testing.T, body string) string {
	t.Helper()
	var v struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(body), &v), body)
	require.NotEmpty(t, v.ID, body)
	return v.ID
}

// doLoc is do that also returns the Location header.
func doLoc(t *testing.T, method, u, body string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth("me@example.com", "pw")
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(raw)
}
