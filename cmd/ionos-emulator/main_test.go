package main

import (
	"bytes"
	"io"
	"net/http"
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
	out := &safeBuf{}
	stop := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() { done <- run(append([]string{"-addr", "127.0.0.1:0"}, args...), out, io.Discard, stop) }()
	re := regexp.MustCompile(`serving (\S+)`)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1], func() error { stop <- syscall.SIGTERM; return <-done }
		}
		select {
		case err := <-done:
			t.Fatalf("run ended: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatal("the emulator did not start")
	return "", nil
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
}

func TestRunFailureSettings(t *testing.T) {
	base, stop := start(t, "-user", "me@example.com", "-password", "pw", "-fail", "^POST /datacenters$", "-rate-limit", "600", "-burst", "100")
	code, _ := do(t, "POST", base+"/datacenters", `{"properties":{"name":"x","location":"de/fra"}}`)
	require.Equal(t, 202, code)
	code, body := do(t, "GET", base+"/requests?depth=2&filter.status=FAILED", "")
	assert.Equal(t, 200, code)
	assert.Contains(t, body, `"FAILED"`)
	require.NoError(t, stop())
}
