package ionos

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseErrorBody feeds arbitrary error bodies to the parser: it must not
// panic, must return either messages or a short printable snippet, and the
// snippet never carries markup.
func FuzzParseErrorBody(f *testing.F) {
	for _, name := range []string{"error_401.json", "error_404.json", "error_422.json", "error_429.json", "error_500.json", "error_502.html"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(`{"httpStatus":"x","messages":{}}`))
	f.Add([]byte("\x00\xff<"))
	f.Fuzz(func(t *testing.T, body []byte) {
		msgs, snip := parseErrorBody(body)
		if len(msgs) > 0 && snip != "" {
			t.Fatalf("both messages and snippet: %v %q", msgs, snip)
		}
		if len(snip) > 310 {
			t.Fatalf("snippet too long: %d", len(snip))
		}
		if strings.ContainsAny(snip, "<\n\t") {
			t.Fatalf("snippet has markup or control characters: %q", snip)
		}
		if utf8.ValidString(string(body)) && !utf8.ValidString(snip) {
			t.Fatalf("snippet of valid text is not valid UTF-8: %q", snip)
		}
	})
}

// FuzzParseRequestLocation checks that any request ID the Location parser
// accepts is non-empty, short and made of hex digits and dashes, so it is
// safe to put in a path.
func FuzzParseRequestLocation(f *testing.F) {
	f.Add("https://api.ionos.com/cloudapi/v5/requests/a3e2c5d1-6f7b-4c8a-9d0e-1f2a3b4c5d6e/status")
	f.Add("/requests/x/status")
	f.Add("/requests/abc/../status")
	f.Add("")
	f.Fuzz(func(t *testing.T, loc string) {
		id, ok := parseRequestLocation(loc)
		if !ok {
			if id != "" {
				t.Fatalf("rejected but returned %q", id)
			}
			return
		}
		if id == "" || len(id) > 64 {
			t.Fatalf("bad id %q", id)
		}
		for _, r := range id {
			if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
				t.Fatalf("id %q has %q", id, r)
			}
		}
	})
}

// FuzzDecodeResource feeds arbitrary answers to the client's decoder: it
// must not panic, and a value that only ends past the size bound must be
// refused with ErrResponseTooLarge, never decoded in part.
func FuzzDecodeResource(f *testing.F) {
	for _, name := range []string{"datacenter_depth3.json", "datacenters.json", "request_status_done.json", "error_502.html"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(`{"id": 1, "properties": {"name": [], "version": "x"}}`))
	f.Add([]byte(`{"items": [{"entities": {"servers": {"items": [null, 3]}}}]}`))
	const limit = 4096
	c, err := NewClient(WithToken("fuzz"), WithMaxResponseBytes(limit))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var dc Datacenter
		_ = c.decode(bytes.NewReader(body), &dc)
		var page Collection[Server]
		_ = c.decode(bytes.NewReader(body), &page)

		// The same bytes as a name, padded past the bound.
		name, _ := json.Marshal(string(body) + strings.Repeat("x", limit))
		big := append(append([]byte(`{"id":"x","properties":{"name":`), name...), `}}`...)
		var whole Datacenter
		if err := c.decode(bytes.NewReader(big), &whole); !errors.Is(err, ErrResponseTooLarge) {
			t.Fatalf("a %d-byte answer decoded with limit %d: err %v", len(big), limit, err)
		}
	})
}
