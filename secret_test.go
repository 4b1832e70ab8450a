package ionos

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	userPassword   = "Engine-1843-secret"
	backupPassword = "Hunter2-Backup!"
	kubeToken      = "k8s-token-very-secret"
)

// everyFormat prints v with the verbs a careless caller might use.
func everyFormat(v any) string {
	return fmt.Sprintf("%v|%+v|%#v|%s|%q|%x|%X|%d|%10.3v", v, v, v, v, v, v, v, v, v)
}

func TestSecretFormatting(t *testing.T) {
	s := Secret(userPassword)
	assert.Equal(t, userPassword, s.Reveal())
	assert.Equal(t, "[redacted]", s.String())
	assert.Equal(t, `"[redacted]"`, s.GoString())
	assert.Equal(t, "[redacted]", fmt.Sprint(s))
	assert.Equal(t, `"[redacted]"`, fmt.Sprintf("%#v", s))
	assert.Equal(t, "[redacted]", s.LogValue().String())
	for _, v := range []any{s, &s, []Secret{s}, map[string]Secret{"k": s}} {
		out := everyFormat(v)
		assert.NotContains(t, out, "Engine", "%T", v)
		assert.NotContains(t, out, fmt.Sprintf("%x", userPassword), "%T", v)
	}
	assert.Contains(t, everyFormat(s), "[redacted]")
}

func TestSecretJSON(t *testing.T) {
	b, err := json.Marshal(struct {
		P Secret `json:"p"`
	}{Secret(userPassword)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"p":"[redacted]"}`, string(b), "encoding/json never reveals it")

	var back struct {
		P Secret `json:"p"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"p":"a\"b<c"}`), &back))
	assert.Equal(t, `a"b<c`, back.P.Reveal(), "decoding reads the real value")

	require.NoError(t, json.Unmarshal([]byte(`{"p":null}`), &back))
	assert.Equal(t, "", back.P.Reveal())

	err = json.Unmarshal([]byte(`{"p":12345678}`), &back)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "12345678", "a decoding error does not echo the value")
}

// holders are values of this package's types that hold secrets.
func holders() map[string]any {
	pw := Secret(userPassword)
	bpw := Secret(backupPassword)
	return map[string]any{
		"UserSpec":         UserSpec{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", Password: pw},
		"UserUpdate":       UserUpdate{Email: Ptr("ada@example.com"), Password: &pw},
		"BackupUnitSpec":   BackupUnitSpec{Name: "nightly", Password: bpw, Email: "backup@example.com"},
		"BackupUnitUpdate": BackupUnitUpdate{Password: &bpw},
		"BackupUnit":       BackupUnit{ID: backupUnitID, Properties: BackupUnitProperties{Name: "nightly", Password: bpw}},
		"S3Key":            S3Key{ID: s3KeyID, Properties: S3KeyProperties{SecretKey: s3SecretKey, Active: true}},
		"kubeconfig":       Secret("token: " + kubeToken),
		"VolumeSpec":       VolumeSpec{Size: 10, Image: "img", ImagePassword: Secret(userPassword)},
	}
}

var secretValues = []string{userPassword, backupPassword, s3SecretKey, kubeToken}

func assertNoSecrets(t *testing.T, out, what string) {
	t.Helper()
	for _, s := range secretValues {
		assert.NotContains(t, out, s, what)
	}
}

func TestSecretHoldersPrintRedacted(t *testing.T) {
	for name, v := range holders() {
		t.Run(name, func(t *testing.T) {
			assertNoSecrets(t, everyFormat(v), "fmt of the value")
			p := fmt.Sprintf("%v %+v %#v", &v, []any{v}, map[string]any{"v": v})
			assertNoSecrets(t, p, "fmt of a pointer, slice or map")
		})
	}
}

func TestSecretHoldersLogRedacted(t *testing.T) {
	var jsonBuf, textBuf bytes.Buffer
	opts := &slog.HandlerOptions{Level: slog.LevelDebug}
	loggers := []*slog.Logger{slog.New(slog.NewJSONHandler(&jsonBuf, opts)), slog.New(slog.NewTextHandler(&textBuf, opts))}
	for name, v := range holders() {
		for _, l := range loggers {
			l.Info("value", name, v)
			l.Debug("pointer", slog.Any(name, &v))
			l.Info("group", slog.Group("g", slog.Any("v", v)))
			l.Info("slice", "items", []any{v, v})
		}
	}
	s := Secret(userPassword)
	for _, l := range loggers {
		l.Info("secret", "password", s, "ptr", &s)
	}
	for _, buf := range []*bytes.Buffer{&jsonBuf, &textBuf} {
		out := buf.String()
		assert.Contains(t, out, "[redacted]")
		assert.Contains(t, out, "ada@example.com", "the rest is logged")
		assertNoSecrets(t, out, "log output")
	}
}

// TestSecretsNeverLeaveTheWire runs the calls that carry secrets through a
// client that logs everything at debug level, and checks that the API gets
// the real values while the log and the error strings do not.
func TestSecretsNeverLeaveTheWire(t *testing.T) {
	var logBuf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	m := newMockAPI(t, WithLogger(logger))
	m.onAccepted(http.MethodPost, "/um/users", fixture(t, "user_created.json"))
	m.onAccepted(http.MethodPut, "/um/users/"+umUserID, fixture(t, "user_ada.json"))
	m.onAccepted(http.MethodPost, "/backupunits", fixture(t, "backupunit_created.json"))
	m.on(http.MethodPost, "/um/users/"+umUserID+"/s3keys", 200, fixture(t, "s3key_created.json"))
	m.on(http.MethodGet, "/k8s/"+k8sID+"/kubeconfig", 200, fixture(t, "k8s_kubeconfig.json"))
	ctx := context.Background()

	spec := UserSpec{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", Password: userPassword}
	_, _, err := m.c.Users.Create(ctx, spec)
	require.NoError(t, err)
	_, _, err = m.c.Users.Update(ctx, umUserID, UserUpdate{Password: Ptr(Secret(userPassword))})
	require.NoError(t, err)
	_, _, err = m.c.BackupUnits.Create(ctx, BackupUnitSpec{Name: "nightly", Password: backupPassword, Email: "backup@example.com"})
	require.NoError(t, err)
	key, _, err := m.c.S3Keys.Create(ctx, umUserID)
	require.NoError(t, err)
	cfg, _, err := m.c.Kubernetes.GetKubeconfig(ctx, k8sID)
	require.NoError(t, err)

	calls := m.all()
	require.Len(t, calls, 5)
	assert.Contains(t, string(calls[0].Body), `"password":"`+userPassword+`"`, "the API gets the real password")
	assert.Contains(t, string(calls[1].Body), `"password":"`+userPassword+`"`)
	assert.Contains(t, string(calls[2].Body), `"password":"`+backupPassword+`"`)
	assert.Equal(t, s3SecretKey, key.Properties.SecretKey.Reveal())
	assert.Contains(t, cfg.Reveal(), kubeToken)

	logger.Info("results", "spec", spec, "key", key, "kubeconfig", cfg)
	out := logBuf.String()
	assert.Contains(t, out, "ionos: http attempt", "the client logged its attempts")
	assertNoSecrets(t, out, "client log")
	assertNoSecrets(t, fmt.Sprintf("%v %+v %#v", key, cfg, spec), "fmt of the results")
	dump, err := json.Marshal([]any{spec, key, cfg})
	require.NoError(t, err)
	assertNoSecrets(t, string(dump), "JSON of the results")
}

func TestSecretsSentEscaped(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPatch, "/backupunits/"+backupUnitID, fixture(t, "backupunit_nightly.json"))
	_, _, err := m.c.BackupUnits.Update(context.Background(), backupUnitID, BackupUnitUpdate{Password: Ptr(Secret(`a"b\c<d>`))})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"password":"a\"b\\c<d>"}`)
}

func TestSecretsScrubbedFromAPIErrors(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodPost, "/backupunits", 422, fixture(t, "backupunit_error_422.json"))
	m.on(http.MethodPatch, "/backupunits/"+backupUnitID, 422, fixture(t, "backupunit_error_422.json"))
	m.on(http.MethodPut, "/backupunits/"+backupUnitID, 422, fixture(t, "backupunit_error_422.json"))
	m.on(http.MethodPost, "/um/users", 422, fixture(t, "backupunit_error_422.json"))
	m.on(http.MethodPut, "/um/users/"+umUserID, 400, []byte("<html><body>bad password Hunter2-Backup! refused</body></html>"))
	ctx := context.Background()
	pw := Secret(backupPassword)
	errs := map[string]error{}
	_, _, errs["BackupUnits.Create"] = m.c.BackupUnits.Create(ctx, BackupUnitSpec{Name: "nightly", Password: pw, Email: "b@example.com"})
	_, _, errs["BackupUnits.Update"] = m.c.BackupUnits.Update(ctx, backupUnitID, BackupUnitUpdate{Password: &pw})
	_, _, errs["BackupUnits.Replace"] = m.c.BackupUnits.Replace(ctx, backupUnitID, BackupUnitSpec{Name: "nightly", Password: pw, Email: "b@example.com"})
	_, _, errs["Users.Create"] = m.c.Users.Create(ctx, UserSpec{FirstName: "A", LastName: "L", Email: "a@example.com", Password: pw})
	_, _, errs["Users.Update"] = m.c.Users.Update(ctx, umUserID, UserUpdate{Password: &pw})
	for name, err := range errs {
		var ae *APIError
		require.True(t, errors.As(err, &ae), name)
		assert.NotContains(t, err.Error(), backupPassword, name)
		assert.Contains(t, err.Error(), "[redacted]", name)
		assert.NotContains(t, fmt.Sprintf("%+v %#v", err, ae), backupPassword, name)
		assert.True(t, strings.Contains(ae.Message()+ae.Body, "[redacted]"), name)
	}
}

// FuzzSecretUnmarshalJSON checks that decoding never panics, that a JSON
// string decodes to its value, and that an error never echoes the input.
func FuzzSecretUnmarshalJSON(f *testing.F) {
	for _, seed := range []string{`"pw"`, `null`, `""`, `"a\"b\\c"`, `12345678`, `{"x":1}`, `"\u00e9"`, `[`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var s Secret
		err := s.UnmarshalJSON(in)
		if err != nil {
			if len(in) >= 6 && strings.Contains(err.Error(), string(in)) {
				t.Fatalf("error echoes the input: %v", err)
			}
			return
		}
		var want *string
		if json.Unmarshal(in, &want) != nil {
			t.Fatalf("accepted %q, which is not a JSON string or null", in)
		}
		if want != nil && s.Reveal() != *want {
			t.Fatalf("decoded %q, want %q", s.Reveal(), *want)
		}
		if out := fmt.Sprint(s); out != "[redacted]" {
			t.Fatalf("printed %q", out)
		}
	})
}
