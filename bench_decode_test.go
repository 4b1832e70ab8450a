package ionos

import (
	"encoding/json"
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
)

// BenchmarkDecode compares the JSON decoders considered for answers on the
// same bytes and types, without HTTP: encoding/json (v1), the
// encoding/json/v2 prototype with the client's options (what the client
// uses), and v1 into the floor's small structs.
func BenchmarkDecode(b *testing.B) {
	cases := []struct {
		name  string
		raw   []byte
		sdk   func() any
		floor func() any
	}{
		{"datacenter", fixture(b, "datacenter_depth1.json"), func() any { return new(Datacenter) }, func() any { return new(floorDatacenter) }},
		{"servers200", benchServersJSON(b, 200), func() any { return new(Collection[Server]) }, func() any { return new(floorServers) }},
	}
	for _, tc := range cases {
		run := func(name string, newOut func() any, unmarshal func([]byte, any) error) {
			b.Run(tc.name+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(tc.raw)))
				for b.Loop() {
					if err := unmarshal(tc.raw, newOut()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		run("encoding-json", tc.sdk, json.Unmarshal)
		run("json-v2", tc.sdk, func(raw []byte, out any) error { return jsonv2.Unmarshal(raw, out, decodeOpts) })
		run("floor-structs-encoding-json", tc.floor, json.Unmarshal)
	}
}
