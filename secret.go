package ionos

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/mail"
	"strings"
)

// redacted is what a Secret shows instead of its value.
const redacted = "[redacted]"

// Secret is a string that must not be shown: a user's or a backup unit's
// password, an S3 secret key, a kubeconfig. Printing it with fmt (any verb:
// %v, %+v, %#v, %s, %q, %x...), logging it with log/slog (text or JSON
// handler), calling String or GoString, and encoding it with encoding/json
// all give "[redacted]", and so do the structs, slices and maps that hold
// it. Reveal returns the value.
//
// The client sends the real value to the API: its request bodies carry the
// revealed string, never a Secret. Decoding JSON into a Secret (an answer of
// the API) reads the real value. To store a secret, store Reveal().
type Secret string

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

// String returns "[redacted]".
func (Secret) String() string { return redacted }

// GoString returns "[redacted]" (for %#v).
func (Secret) GoString() string { return `"` + redacted + `"` }

// LogValue returns "[redacted]" for log/slog.
func (Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// Format prints "[redacted]" whatever the verb and flags.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, s.GoString())
		return
	}
	_, _ = io.WriteString(f, redacted)
}

// MarshalJSON encodes "[redacted]", so that a value holding a Secret can be
// logged or dumped as JSON without leaking it. The client's request bodies
// carry Reveal() instead.
func (Secret) MarshalJSON() ([]byte, error) { return json.Marshal(redacted) }

// UnmarshalJSON decodes a JSON string (or null, as "").
func (s *Secret) UnmarshalJSON(b []byte) error {
	var v *string
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("ionos: a secret must be a JSON string") // never echo the value
	}
	if v == nil {
		*s = ""
		return nil
	}
	*s = Secret(*v)
	return nil
}

// scrubSecrets removes secret values that an API error may echo (a
// validation message quoting the password, say) from err's messages and
// body, so that they never reach an error string.
func scrubSecrets(err error, secrets ...Secret) error {
	ae, ok := err.(*APIError)
	if !ok {
		return err
	}
	for _, s := range secrets {
		v := string(s)
		if v == "" {
			continue
		}
		for i := range ae.Messages {
			ae.Messages[i].Message = strings.ReplaceAll(ae.Messages[i].Message, v, redacted)
		}
		ae.Body = strings.ReplaceAll(ae.Body, v, redacted)
	}
	return err
}

// checkEmail checks that s has the shape of a bare e-mail address
// (local@domain, no display name).
func checkEmail(field, s string, required bool) error {
	if s == "" {
		if required {
			return invalid(field, "is required")
		}
		return nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return invalid(field, "%q is not an e-mail address", s)
	}
	return nil
}
