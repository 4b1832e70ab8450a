package ionos

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// pagedAPI serves a collection of total data centers in pages of pageSize,
// with next links, like the API.
func pagedAPI(b *testing.B, total, pageSize int) *httptest.Server {
	raw := fixture(b, "datacenter_depth1.json")
	var dc Datacenter
	if err := json.Unmarshal(raw, &dc); err != nil {
		b.Fatal(err)
	}
	pages := map[int][]byte{}
	var srv *httptest.Server
	build := func(base string) {
		for off := 0; off < total; off += pageSize {
			var buf bytes.Buffer
			buf.WriteString(`{"id":"datacenters","type":"collection","href":"` + base + `/datacenters","items":[`)
			for i := off; i < min(off+pageSize, total); i++ {
				if i > off {
					buf.WriteByte(',')
				}
				buf.Write(bytes.ReplaceAll(raw, []byte(dc.ID), []byte(fmt.Sprintf("00000000-0000-4000-8000-%012d", i))))
			}
			fmt.Fprintf(&buf, `],"offset":%d,"limit":%d,"_links":{"self":"%s/datacenters?offset=%d&limit=%d"`, off, pageSize, base, off, pageSize)
			if off+pageSize < total {
				fmt.Fprintf(&buf, `,"next":"%s/datacenters?offset=%d&limit=%d"`, base, off+pageSize, pageSize)
			}
			buf.WriteString("}}")
			pages[off] = buf.Bytes()
		}
	}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		p, ok := pages[off]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(p)))
		_, _ = w.Write(p)
	}))
	b.Cleanup(srv.Close)
	build(srv.URL + "/cloudapi/v5")
	return srv
}

// peakHeap runs f while sampling the heap every 100 µs and returns the
// highest heap in use seen above what was in use before, in MB. The garbage
// collector runs at GOGC=10 meanwhile, so that the figure follows what is
// live rather than the collector's pacing.
func peakHeap(f func()) float64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-stopped
	if p := peak.Load(); p > base {
		return float64(p-base) / (1 << 20)
	}
	return 0
}

// BenchmarkList5000Paged lists 5,000 data centers served in pages of 1,000:
// the whole list, the iterator (which keeps one page at a time), and a plain
// floor (net/http and encoding/json) that follows the offsets, with time and peak heap.
func BenchmarkList5000Paged(b *testing.B) {
	srv := pagedAPI(b, 5000, 1000)
	ctx := context.Background()
	c, err := NewClient(WithBasicAuth(testUser, testPassword), WithBaseURL(srv.URL+"/cloudapi/v5"))
	if err != nil {
		b.Fatal(err)
	}
	report := func(b *testing.B, run func() int) {
		b.ReportAllocs()
		var peak float64
		for i := 0; i < b.N; i++ {
			var n int
			p := peakHeap(func() { n = run() })
			peak = max(peak, p)
			if n != 5000 {
				b.Fatalf("got %d items", n)
			}
		}
		b.ReportMetric(peak, "peak-heap-MB")
	}
	b.Run("ionos-list", func(b *testing.B) {
		report(b, func() int {
			dcs, _, err := c.Datacenters.List(ctx)
			if err != nil {
				b.Fatal(err)
			}
			return len(dcs)
		})
	})
	b.Run("ionos-iterator", func(b *testing.B) {
		report(b, func() int {
			n := 0
			for _, err := range c.Datacenters.All(ctx) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			return n
		})
	})
	b.Run("floor-list", func(b *testing.B) {
		p := &floor{hc: &http.Client{Transport: newTransport()}, base: srv.URL + "/cloudapi/v5"}
		report(b, func() int {
			var all []Datacenter
			for off := 0; ; off += 1000 {
				var page Collection[Datacenter]
				if err := p.call(ctx, http.MethodGet, fmt.Sprintf("/datacenters?depth=1&offset=%d&limit=1000", off), nil, &page); err != nil {
					b.Fatal(err)
				}
				all = append(all, page.Items...)
				if page.Links.Next == "" {
					break
				}
			}
			return len(all)
		})
	})
}
