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

// The scenario benchmarks (BenchmarkScenario*) measure the SDK against the
// practical floor in the same run: plain net/http with the SDK's transport
// settings, reading the body into one buffer sized from Content-Length and
// unmarshalling it with encoding/json into small structs of the fields the
// answer has. Each scenario has an "ionos" and a "floor" sub-benchmark;
// `make bench` runs them in interleaved rounds and prints the ratios
// (internal/cmd/benchtable).

// benchAPI is a loopback server answering the calls the scenarios make, as
// the API does (with a Content-Length), counting the TCP connections it
// accepts.
type benchAPI struct {
	srv      *httptest.Server
	newConns atomic.Int64
	dc       []byte
	created  []byte
	servers  map[int][]byte // depth-3 server lists by size
}

const benchBase = "/cloudapi/v6"

func newBenchAPI(b testing.TB, tls bool, listSizes ...int) *benchAPI {
	b.Helper()
	a := &benchAPI{dc: fixture(b, "datacenter_depth1.json"), created: fixture(b, "server_created.json"), servers: map[int][]byte{}}
	for _, n := range listSizes {
		a.servers[n] = benchServersJSON(b, n)
	}
	answer := func(w http.ResponseWriter, status int, body []byte) {
		h := w.Header()
		h["Content-Type"] = []string{"application/json"}
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+benchBase+"/datacenters/{id}", func(w http.ResponseWriter, r *http.Request) {
		answer(w, http.StatusOK, a.dc)
	})
	mux.HandleFunc("GET "+benchBase+"/datacenters/{id}/servers", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		body, ok := a.servers[n]
		if !ok || r.URL.Query().Get("depth") != "3" {
			http.Error(w, "unexpected "+r.URL.String(), http.StatusNotFound)
			return
		}
		answer(w, http.StatusOK, body)
	})
	mux.HandleFunc("POST "+benchBase+"/datacenters/{id}/servers", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Location", "http://"+r.Host+benchBase+"/requests/"+testRequestID+"/status")
		answer(w, http.StatusAccepted, a.created)
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

// transportFor returns a transport with the SDK's default settings,
// trusting the server's certificate.
func transportFor(a *benchAPI) *http.Transport {
	t := newTransport()
	if st, ok := a.srv.Client().Transport.(*http.Transport); ok && st.TLSClientConfig != nil {
		t.TLSClientConfig = st.TLSClientConfig.Clone()
	}
	return t
}

// benchClient is the SDK as a user makes it, with the transport trusting
// the test server's certificate.
func benchClient(b testing.TB, a *benchAPI) *Client {
	c, err := NewClient(WithBasicAuth(testUser, testPassword), WithBaseURL(a.srv.URL+benchBase),
		WithHTTPClient(&http.Client{Transport: transportFor(a)}))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(c.CloseIdleConnections)
	return c
}

// floor is the practical floor: what a careful hand-written client does
// with net/http and encoding/json.
type floor struct {
	hc   *http.Client
	base string
}

func newFloor(b testing.TB, a *benchAPI) *floor {
	f := &floor{hc: &http.Client{Transport: transportFor(a)}, base: a.srv.URL + benchBase}
	b.Cleanup(f.hc.CloseIdleConnections)
	return f
}

func (f *floor) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, f.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", testAuth)
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 || resp.ContentLength < 0 {
		return fmt.Errorf("status %d, length %d", resp.StatusCode, resp.ContentLength)
	}
	buf := make([]byte, resp.ContentLength)
	if _, err := io.ReadFull(resp.Body, buf); err != nil {
		return err
	}
	return json.Unmarshal(buf, out)
}

// The floor's small structs for a data center at depth 1 and a created
// server: the fields the answers have.
type floorDatacenter struct {
	floorHead
	Properties struct {
		Name              string   `json:"name"`
		Description       string   `json:"description"`
		Location          string   `json:"location"`
		Version           int      `json:"version"`
		Features          []string `json:"features"`
		SecAuthProtection bool     `json:"secAuthProtection"`
	} `json:"properties"`
	Entities struct {
		Servers       floorColl[floorRef] `json:"servers"`
		Volumes       floorColl[floorRef] `json:"volumes"`
		LoadBalancers floorColl[floorRef] `json:"loadbalancers"`
		LANs          floorColl[floorRef] `json:"lans"`
	} `json:"entities"`
}

type floorServerCreated struct {
	floorHead
	Properties floorServerProps `json:"properties"`
}

type floorServerProps struct {
	Name             string    `json:"name"`
	Cores            int       `json:"cores"`
	RAM              int       `json:"ram"`
	AvailabilityZone string    `json:"availabilityZone"`
	VMState          string    `json:"vmState"`
	BootCDROM        *floorRef `json:"bootCdrom"`
	BootVolume       *floorRef `json:"bootVolume"`
	CPUFamily        string    `json:"cpuFamily"`
}

type floorServerPost struct {
	Properties struct {
		Name             string `json:"name"`
		Cores            int    `json:"cores"`
		RAM              int    `json:"ram"`
		AvailabilityZone string `json:"availabilityZone,omitempty"`
		CPUFamily        string `json:"cpuFamily,omitempty"`
	} `json:"properties"`
}

var schemes = []struct {
	name string
	tls  bool
}{{"http", false}, {"https", true}}

// BenchmarkScenarioGet: one data center at depth 1 (2.3 KB), over HTTP and HTTPS.
func BenchmarkScenarioGet(b *testing.B) {
	ctx := context.Background()
	for _, s := range schemes {
		a := newBenchAPI(b, s.tls)
		b.Run(s.name+"/ionos", func(b *testing.B) {
			c := benchClient(b, a)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := c.Datacenters.Get(ctx, dcID, WithDepth(1)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(s.name+"/floor", func(b *testing.B) {
			f := newFloor(b, a)
			b.ReportAllocs()
			for b.Loop() {
				var dc floorDatacenter
				if err := f.call(ctx, http.MethodGet, "/datacenters/"+dcID+"?depth=1", nil, &dc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchServerSpec is the server the create scenario makes.
var benchServerSpec = ServerSpec{Name: "web-1", Cores: 4, RAM: 4096, AvailabilityZone: "AUTO", CPUFamily: "INTEL_XEON"}

// BenchmarkScenarioCreate: a server created, answered 202 with a Location.
func BenchmarkScenarioCreate(b *testing.B) {
	ctx := context.Background()
	a := newBenchAPI(b, false)
	b.Run("ionos", func(b *testing.B) {
		c := benchClient(b, a)
		b.ReportAllocs()
		for b.Loop() {
			if _, resp, err := c.Servers.Create(ctx, dcID, benchServerSpec); err != nil || resp.RequestID == "" {
				b.Fatal(err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		f := newFloor(b, a)
		b.ReportAllocs()
		for b.Loop() {
			var in floorServerPost
			p := &in.Properties
			p.Name, p.Cores, p.RAM, p.AvailabilityZone, p.CPUFamily = benchServerSpec.Name, benchServerSpec.Cores, benchServerSpec.RAM, string(benchServerSpec.AvailabilityZone), string(benchServerSpec.CPUFamily)
			var out floorServerCreated
			if err := f.call(ctx, http.MethodPost, "/datacenters/"+dcID+"/servers", &in, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchListServers lists n servers at depth 3 with the SDK.
func benchListServers(b testing.TB, c *Client, n int) int {
	servers, _, err := c.Servers.List(context.Background(), dcID, WithDepth(3), WithPage(0, n))
	if err != nil {
		b.Fatal(err)
	}
	return len(servers)
}

// floorListServers lists n servers at depth 3 at the floor.
func floorListServers(b testing.TB, f *floor, n int) int {
	var page floorServers
	if err := f.call(context.Background(), http.MethodGet, "/datacenters/"+dcID+"/servers?depth=3&offset=0&limit="+strconv.Itoa(n), nil, &page); err != nil {
		b.Fatal(err)
	}
	return len(page.Items)
}

// BenchmarkScenarioList200: 200 servers at depth 3 (1.2 MB), each with a
// volume, a CD-ROM and a NIC with two firewall rules.
func BenchmarkScenarioList200(b *testing.B) { benchScenarioList(b, 200) }

// BenchmarkScenarioList5000: 5,000 such servers (30 MB), with the peak heap
// of a call; ionos-all ranges over the All iterator instead.
func BenchmarkScenarioList5000(b *testing.B) { benchScenarioList(b, 5000) }

func benchScenarioList(b *testing.B, n int) {
	a := newBenchAPI(b, false, n)
	b.Run("ionos", func(b *testing.B) {
		c := benchClient(b, a)
		benchLoop(b, n, func() int { return benchListServers(b, c, n) })
	})
	if n >= 5000 {
		b.Run("ionos-all", func(b *testing.B) {
			c := benchClient(b, a)
			benchLoop(b, n, func() int {
				got := 0
				for _, err := range c.Servers.All(context.Background(), dcID, WithDepth(3), WithPage(0, n)) {
					if err != nil {
						b.Fatal(err)
					}
					got++
				}
				return got
			})
		})
	}
	b.Run("floor", func(b *testing.B) {
		f := newFloor(b, a)
		benchLoop(b, n, func() int { return floorListServers(b, f, n) })
	})
}

// benchLoop times run, then measures its peak heap in a few untimed calls.
func benchLoop(b *testing.B, want int, run func() int) {
	if got := run(); got != want { // warm up the connection, check the answer
		b.Fatalf("listed %d servers, want %d", got, want)
	}
	runtime.GC() // do not charge the setup's garbage to the timed calls
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		run()
	}
	b.StopTimer()
	var peak float64
	for range 3 {
		peak = max(peak, peakHeap(func() { run() }))
	}
	b.ReportMetric(peak, "peak-heap-MB")
}

// BenchmarkScenarioParallel64 shares one client among 64 goroutines and
// reports the TCP connections the server accepted per 1,000 requests after
// a warm-up, over HTTP and HTTPS.
func BenchmarkScenarioParallel64(b *testing.B) {
	ctx := context.Background()
	for _, s := range schemes {
		a := newBenchAPI(b, s.tls)
		run := func(b *testing.B, get func() error) {
			// Warm up: open the connections 64 goroutines need.
			warm := make(chan struct{})
			for range 64 {
				go func() {
					for range 20 {
						_ = get()
					}
					warm <- struct{}{}
				}()
			}
			for range 64 {
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
			run(b, func() error { _, _, err := c.Datacenters.Get(ctx, dcID, WithDepth(1)); return err })
		})
		b.Run(s.name+"/floor", func(b *testing.B) {
			f := newFloor(b, a)
			run(b, func() error {
				var dc floorDatacenter
				return f.call(ctx, http.MethodGet, "/datacenters/"+dcID+"?depth=1", nil, &dc)
			})
		})
	}
}
