package ionos

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeTargets are the types answers are decoded into, for the tests that
// compare the client's decoder with encoding/json.
var decodeTargets = []func() any{
	func() any { return new(Datacenter) }, func() any { return new(Collection[Datacenter]) },
	func() any { return new(Server) }, func() any { return new(Collection[Server]) },
	func() any { return new(Volume) }, func() any { return new(Collection[Volume]) },
	func() any { return new(NIC) }, func() any { return new(FirewallRule) }, func() any { return new(LAN) },
	func() any { return new(Collection[LAN]) }, func() any { return new(Image) }, func() any { return new(Snapshot) },
	func() any { return new(IPBlock) }, func() any { return new(LoadBalancer) }, func() any { return new(Location) },
	func() any { return new(Request) }, func() any { return new(Collection[Request]) }, func() any { return new(RequestStatus) },
	func() any { return new(KubernetesCluster) }, func() any { return new(KubernetesNodePool) }, func() any { return new(KubernetesNode) },
	func() any { return new(User) }, func() any { return new(Group) }, func() any { return new(Resource) },
	func() any { return new(Contract) }, func() any { return new(BackupUnit) }, func() any { return new(CrossConnect) },
	func() any { return new(NATGateway) }, func() any { return new(NetworkLoadBalancer) }, func() any { return new(ApplicationLoadBalancer) },
	func() any { return new(TargetGroup) }, func() any { return new(FlowLog) }, func() any { return new(SecurityGroup) },
	func() any { return new(Template) }, func() any { return new(Label) }, func() any { return new(Token) },
	func() any { return new(APIInfo) }, func() any { return new(GPU) },
}

// sameAsEncodingJSON checks that wherever encoding/json decodes raw into a
// target, the client's decoder (both its paths: a buffer of known size and
// the stream) decodes it too, to the same value. It returns how many
// targets it compared.
func sameAsEncodingJSON(t *testing.T, c *Client, raw []byte) (compared int) {
	t.Helper()
	for _, target := range decodeTargets {
		want := target()
		if json.Unmarshal(raw, want) != nil {
			continue
		}
		sized := target()
		if err := decodeSized(bytes.NewReader(raw), len(raw), sized); err != nil {
			t.Fatalf("%T: encoding/json decodes %q, the client fails: %v", want, raw, err)
		}
		if !reflect.DeepEqual(want, sized) {
			t.Fatalf("%T from %q:\nencoding/json %+v\nclient        %+v", want, raw, want, sized)
		}
		streamed := target()
		if err := c.decode(iotestOneByte(raw), streamed); err != nil {
			t.Fatalf("%T: encoding/json decodes %q, the client's stream fails: %v", want, raw, err)
		}
		if !reflect.DeepEqual(want, streamed) {
			t.Fatalf("%T from the stream %q:\nencoding/json %+v\nclient        %+v", want, raw, want, streamed)
		}
		compared++
	}
	return compared
}

// iotestOneByte reads raw a byte at a time, as a slow connection would
// deliver it.
func iotestOneByte(raw []byte) io.Reader { return &oneByteReader{r: bytes.NewReader(raw)} }

type oneByteReader struct{ r *bytes.Reader }

func (o *oneByteReader) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}

// TestDecodeFixturesAsEncodingJSON decodes every JSON answer in testdata into
// every answer type, and requires the client's decoder to agree with
// encoding/json wherever that succeeds.
func TestDecodeFixturesAsEncodingJSON(t *testing.T) {
	c, err := NewClient(WithToken("t"))
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		t.Run(filepath.Base(f), func(t *testing.T) {
			if !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
				return // a JSON array or string answer: no struct target takes it
			}
			// An object decodes into most targets (unknown members are
			// ignored); none means the comparison did not take place.
			assert.Positive(t, sameAsEncodingJSON(t, c, raw), "compared with no target")
		})
	}
}

// TestDecodeRules pins the decoding rules encoding/json users rely on.
func TestDecodeRules(t *testing.T) {
	c, err := NewClient(WithToken("t"))
	require.NoError(t, err)
	decode := func(raw string, out any) error {
		if err := decodeSized(strings.NewReader(raw), len(raw), out); err != nil {
			return err
		}
		return c.decode(strings.NewReader(raw), out)
	}
	t.Run("unknown members are ignored", func(t *testing.T) {
		var dc Datacenter
		require.NoError(t, decode(`{"id":"a","novel":{"x":[1,2,{"y":null}]},"properties":{"name":"n","later":true}}`, &dc))
		assert.Equal(t, "a", dc.ID)
		assert.Equal(t, "n", dc.Properties.Name)
	})
	t.Run("null leaves the zero value", func(t *testing.T) {
		var s Server
		require.NoError(t, decode(`{"id":null,"properties":{"name":null,"cores":null,"bootVolume":null},"entities":null}`, &s))
		assert.Equal(t, Server{}, s)
	})
	t.Run("a number too big for its field is an error", func(t *testing.T) {
		var s Server
		assert.Error(t, decodeSized(strings.NewReader(`{"properties":{"cores":99999999999999999999}}`), 45, &s))
		assert.Error(t, c.decode(strings.NewReader(`{"properties":{"cores":99999999999999999999}}`), &s))
		var dc Datacenter
		assert.Error(t, c.decode(strings.NewReader(`{"properties":{"version":1.5}}`), &dc))
	})
	t.Run("names match regardless of case", func(t *testing.T) {
		var dc Datacenter
		require.NoError(t, decode(`{"ID":"a","Properties":{"NAME":"n"}}`, &dc))
		assert.Equal(t, "a", dc.ID)
		assert.Equal(t, "n", dc.Properties.Name)
	})
	t.Run("a repeated member takes the last value", func(t *testing.T) {
		var dc Datacenter
		require.NoError(t, decode(`{"id":"a","id":"b"}`, &dc))
		assert.Equal(t, "b", dc.ID)
	})
	t.Run("invalid UTF-8 becomes U+FFFD", func(t *testing.T) {
		var dc Datacenter
		require.NoError(t, decode("{\"id\":\"a\xffb\"}", &dc))
		assert.Equal(t, "a\uFFFDb", dc.ID)
	})
	t.Run("an empty body", func(t *testing.T) {
		var dc Datacenter
		assert.ErrorIs(t, c.decode(strings.NewReader(""), &dc), errEmptyBody)
		assert.ErrorIs(t, c.decode(strings.NewReader("  \n"), &dc), io.ErrUnexpectedEOF)
	})
	t.Run("a cut body", func(t *testing.T) {
		raw := fixture(t, "datacenter_depth1.json")
		for _, n := range []int{1, len(raw) / 2, len(raw) - 2} {
			var dc Datacenter
			err := c.decode(bytes.NewReader(raw[:n]), &dc)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "cut at %d", n)
			assert.True(t, isCutBody(err), "cut at %d", n)
		}
	})
	t.Run("a broken body is not a cut one", func(t *testing.T) {
		var dc Datacenter
		err := c.decode(strings.NewReader(`{"id":"a",}`), &dc)
		require.Error(t, err)
		assert.False(t, isCutBody(err))
	})
	t.Run("text after the value", func(t *testing.T) {
		var dc Datacenter
		assert.Error(t, c.decode(strings.NewReader(`{"id":"a"} {"id":"b"}`), &dc))
	})
	t.Run("the size bound holds on the stream", func(t *testing.T) {
		small, err := NewClient(WithToken("t"), WithMaxResponseBytes(100))
		require.NoError(t, err)
		var dc Datacenter
		err = small.decode(strings.NewReader(`{"id":"`+strings.Repeat("x", 200)+`"}`), &dc)
		assert.True(t, errors.Is(err, ErrResponseTooLarge), "%v", err)
		assert.Empty(t, dc.ID)
	})
}

// FuzzDecodeAsEncodingJSON: for any answer, wherever encoding/json decodes
// it into an answer type, the client's decoder decodes it to the same value.
func FuzzDecodeAsEncodingJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files[:min(len(files), 40)] {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"id":"a","ID":"b","properties":{"cores":1e2,"ram":-0,"name":"\ud800"}}`))
	f.Add([]byte(`{"metadata":{"createdDate":"2020-08-25T10:14:27.5+01:00","state":"BUSY"},"properties":{"lan":"7"}}`))
	c, err := NewClient(WithToken("fuzz"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) { _ = sameAsEncodingJSON(t, c, raw) })
}

// The decoder shares equal strings within and across answers through a
// small cache; a Secret is decoded by its own method and never enters it,
// so no pooled cache keeps a secret alive after the answer that carried it.
func TestSecretsBypassTheStringCache(t *testing.T) {
	const secret = "0123456789abcdef0123456789abcdef0123" // cacheable length
	raw := `{"id":"` + secret + `","href":"` + secret + `","properties":{"secretKey":"` + secret + `","active":true}}`
	var first, second S3Key
	require.NoError(t, decodeSized(strings.NewReader(raw), len(raw), &first))
	require.NoError(t, decodeSized(strings.NewReader(raw), len(raw), &second))
	require.Equal(t, secret, first.Properties.SecretKey.Reveal())
	// Plain strings come from the cache: one copy for both fields.
	assert.Same(t, unsafe.StringData(first.ID), unsafe.StringData(first.Href), "plain strings are shared")
	// The secret is a copy of its own in each answer, and not the cached ID.
	assert.NotSame(t, unsafe.StringData(first.ID), unsafe.StringData(first.Properties.SecretKey.Reveal()))
	assert.NotSame(t, unsafe.StringData(first.Properties.SecretKey.Reveal()), unsafe.StringData(second.Properties.SecretKey.Reveal()))
}

// Nothing decoded from a pooled buffer points into it: a later answer read
// into the same buffer leaves earlier values as they were (strings, raw
// JSON, byte slices are copies).
func TestDecodedValuesDoNotAliasThePooledBuffer(t *testing.T) {
	type answer struct {
		ID    string                     `json:"id"`
		Props map[string]json.RawMessage `json:"properties"`
		Blob  []byte                     `json:"blob"`
	}
	first := `{"id":"aaaa","properties":{"k":{"x":"aaaa"}},"blob":"YWFhYQ=="}`
	second := strings.ReplaceAll(first, "a", "b")
	second = strings.ReplaceAll(second, "YWFhYQ==", "YmJiYg==")
	require.Len(t, second, len(first))
	var a answer
	require.NoError(t, decodeSized(strings.NewReader(first), len(first), &a))
	for range 10 { // the same pooled buffer, most likely
		var b answer
		require.NoError(t, decodeSized(strings.NewReader(second), len(second), &b))
		require.Equal(t, "bbbb", b.ID)
	}
	assert.Equal(t, "aaaa", a.ID)
	assert.JSONEq(t, `{"x":"aaaa"}`, string(a.Props["k"]))
	assert.Equal(t, "aaaa", string(a.Blob))
}
