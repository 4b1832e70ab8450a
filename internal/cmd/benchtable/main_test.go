package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkScenarioGet/http/ionos-2         	   26172	     46000 ns/op	   11300 B/op	     108 allocs/op
BenchmarkScenarioGet/http/floor-2         	   18975	     40000 ns/op	   12491 B/op	     100 allocs/op
BenchmarkScenarioList5000/ionos-2          	     8	 131416827 ns/op	        35.15 peak-heap-MB	49249973 B/op	  321343 allocs/op
BenchmarkScenarioList5000/ionos-all-2      	     8	 135351987 ns/op	        36.00 peak-heap-MB	49249695 B/op	  321352 allocs/op
BenchmarkScenarioList5000/floor-2          	     5	 246646316 ns/op	        59.33 peak-heap-MB	68973028 B/op	  520134 allocs/op
BenchmarkScenarioGet/http/ionos-2         	   26172	     50000 ns/op	   11300 B/op	     108 allocs/op
BenchmarkScenarioGet/http/floor-2         	   18975	     42000 ns/op	   12491 B/op	     100 allocs/op
BenchmarkScenarioGet/http/ionos-2         	   26172	     48000 ns/op	   11300 B/op	     108 allocs/op
BenchmarkScenarioGet/http/floor-2         	   18975	     41000 ns/op	   12491 B/op	     100 allocs/op
BenchmarkOther-2  10  5 ns/op
PASS
`

func TestTable(t *testing.T) {
	res, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	missed := res.table(&out)
	got := out.String()
	for _, want := range []string{
		// medians 48000/41000 = 1.17x: above 1.15x
		"| Get/http | time | 41.0 µs | 48.0 µs | 1.17x | MISSED <= 1.15x |",
		"| Get/http | allocations | 100 | 108 | 1.08x | met <= 1.6x |",
		"| List5000 | peak heap | 59.3 MiB | 35.1 MiB | 0.59x | met <= 1.5x |",
		"| List5000 (all) | peak heap | 59.3 MiB | 36.0 MiB | 0.61x | met <= 1.5x |",
		"Medians of 3 round(s).",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "Other") {
		t.Errorf("a benchmark that is not a scenario made it into the table:\n%s", got)
	}
	if missed != 1 {
		t.Errorf("missed = %d, want 1", missed)
	}
}
