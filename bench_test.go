package ionos

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
)

// benchAPI is a loopback server answering the calls the benchmarks make,
// counting the TCP connections it accepts.
type benchAPI struct {
	srv      *httptest.Server
	newConns atomic.Int64
	dc       []byte
	list     []byte
	created  []byte
}

func newBenchAPI(b *testing.B, tls bool) *benchAPI {
	b.Helper()
	a := &benchAPI{dc: fixture(b, "datacenter_depth1.json"), created: fixture(b, "datacenter_created.json"), list: benchDatacenterList(b, 1<<20)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /cloudapi/v5/datacenters/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(a.dc))) // as the API sends it
		_, _ = w.Write(a.dc)
	})
	mux.HandleFunc("GET /cloudapi/v5/datacenters", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(a.list)
	})
	mux.HandleFunc("POST /cloudapi/v5/datacenters", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Location", "http://"+r.Host+"/cloudapi/v5/requests/"+testRequestID+"/status")
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write(a.created)
	})
	a.srv = httptest.NewUnstartedServer(mux)
	a.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			a.newConns.Add(1)
		}
	}
	if tls {
		a.srv.StartTLS()
	} else {
		a.srv.Start()
	}
	b.Cleanup(a.srv.Close)
	return a
}

// benchDatacenterList builds a data center collection of about size bytes.
func benchDatacenterList(b *testing.B, size int) []byte {
	var dc Datacenter
	if err := json.Unmarshal(fixture(b, "datacenter_depth1.json"), &dc); err != nil {
		b.Fatal(err)
	}
	raw := fixture(b, "datacenter_depth1.json")
	var buf bytes.Buffer
	buf.WriteString(`{"id":"datacenters","type":"collection","href":"https://api.ionos.com/cloudapi/v5/datacenters","items":[`)
	for i := 0; buf.Len() < size; i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(bytes.ReplaceAll(raw, []byte(dc.ID), []byte(fmt.Sprintf("00000000-0000-4000-8000-%012d", i))))
	}
	buf.WriteString(`],"offset":0,"limit":10000,"_links":{}}`)
	return buf.Bytes()
}

// transportFor returns a transport sized like the SDK's default, trusting
// the server's certificate.
func transportFor(a *benchAPI) *http.Transport {
	t := newTransport()
	if st, ok := a.srv.Client().Transport.(*http.Transport); ok && st.TLSClientConfig != nil {
		t.TLSClientConfig = st.TLSClientConfig.Clone()
	}
	return t
}

func benchClient(b *testing.B, a *benchAPI) *Client {
	c, err := NewClient(WithBasicAuth(testUser, testPassword), WithBaseURL(a.srv.URL+"/cloudapi/v5"),
		WithHTTPClient(&http.Client{Transport: transportFor(a)}))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// baseline is what a careful hand-written client does with plain net/http
// and encoding/json: one request, one decode, the body drained for reuse.
type baseline struct {
	hc   *http.Client
	base string
}

func (p *baseline) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, p.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", testAuth)
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	err = json.NewDecoder(resp.Body).Decode(out)
	_, _ = io.Copy(io.Discard, resp.Body)
	return err
}

func newBaseline(a *benchAPI) *baseline {
	return &baseline{hc: &http.Client{Transport: transportFor(a)}, base: a.srv.URL + "/cloudapi/v5"}
}

var schemes = []struct {
	name string
	tls  bool
}{{"http", false}, {"https", true}}

// BenchmarkDatacenterGet: one data center at depth 1.
func BenchmarkDatacenterGet(b *testing.B) {
	for _, s := range schemes {
		a := newBenchAPI(b, s.tls)
		ctx := context.Background()
		b.Run(s.name+"/ionos", func(b *testing.B) {
			c := benchClient(b, a)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := c.Datacenters.Get(ctx, dcID); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(s.name+"/baseline", func(b *testing.B) {
			p := newBaseline(a)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var dc Datacenter
				if err := p.call(ctx, http.MethodGet, "/datacenters/"+dcID+"?depth=1", nil, &dc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDatacentersList1MB: a list of data centers of about 1 MB.
func BenchmarkDatacentersList1MB(b *testing.B) {
	a := newBenchAPI(b, false)
	ctx := context.Background()
	b.Run("ionos", func(b *testing.B) {
		c := benchClient(b, a)
		b.ReportAllocs()
		b.SetBytes(int64(len(a.list)))
		for i := 0; i < b.N; i++ {
			if _, _, err := c.Datacenters.List(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		p := newBaseline(a)
		b.ReportAllocs()
		b.SetBytes(int64(len(a.list)))
		for i := 0; i < b.N; i++ {
			var page Collection[Datacenter]
			if err := p.call(ctx, http.MethodGet, "/datacenters?depth=1", nil, &page); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDatacenterCreate: a POST answered 202 with a Location header.
func BenchmarkDatacenterCreate(b *testing.B) {
	a := newBenchAPI(b, false)
	ctx := context.Background()
	spec := DatacenterSpec{Name: "staging", Location: "us/las", Description: "staging environment"}
	b.Run("ionos", func(b *testing.B) {
		c := benchClient(b, a)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, resp, err := c.Datacenters.Create(ctx, spec); err != nil || resp.RequestID == "" {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		p := newBaseline(a)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var dc Datacenter
			body := map[string]any{"properties": map[string]string{"name": spec.Name, "location": spec.Location, "description": spec.Description}}
			if err := p.call(ctx, http.MethodPost, "/datacenters", body, &dc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParallel64 shares one client among 64 goroutines and reports the
// TCP connections the server accepted per 1000 requests after a warm-up.
func BenchmarkParallel64(b *testing.B) {
	for _, s := range schemes {
		a := newBenchAPI(b, s.tls)
		ctx := context.Background()
		run := func(b *testing.B, get func() error) {
			// Warm up: open the connections 64 goroutines need.
			warm := make(chan struct{})
			for g := 0; g < 64; g++ {
				go func() {
					for i := 0; i < 20; i++ {
						_ = get()
					}
					warm <- struct{}{}
				}()
			}
			for g := 0; g < 64; g++ {
				<-warm
			}
			before := a.newConns.Load()
			var reqs atomic.Int64
			b.ReportAllocs()
			b.SetParallelism(max(1, 64/runtime.GOMAXPROCS(0)))
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := get(); err != nil {
						b.Error(err)
						return
					}
					reqs.Add(1)
				}
			})
			b.StopTimer()
			b.ReportMetric(float64(a.newConns.Load()-before)*1000/float64(max(1, reqs.Load())), "new-conns/1000req")
		}
		b.Run(s.name+"/ionos", func(b *testing.B) {
			c := benchClient(b, a)
			run(b, func() error { _, _, err := c.Datacenters.Get(ctx, dcID); return err })
		})
		b.Run(s.name+"/baseline", func(b *testing.B) {
			p := newBaseline(a)
			run(b, func() error {
				var dc Datacenter
				return p.call(ctx, http.MethodGet, "/datacenters/"+dcID+"?depth=1", nil, &dc)
			})
		})
	}
}
