package ionos

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// The benchmarks list the servers of a data center at depth 3 (each with
// its volumes, CD-ROMs and NICs with firewall rules) from an httptest
// server on loopback, with the SDK and with a plain net/http +
// encoding/json baseline decoding into equivalent typed structs. Besides
// time and allocations they report peak-heap-MB: the most live heap seen
// above the heap before the call, sampled during a few untimed calls.

func BenchmarkServersList200Depth3(b *testing.B)  { benchServersList(b, 200) }
func BenchmarkServersList5000Depth3(b *testing.B) { benchServersList(b, 5000) }

func benchServersList(b *testing.B, n int) {
	body := benchServersJSON(b, n)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/cloudapi/v5/datacenters/"+dcID+"/servers" || r.URL.Query().Get("depth") != "3" {
			http.Error(w, "unexpected "+r.URL.String(), http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	b.Logf("%d servers, %.2f MB of JSON", n, float64(len(body))/1e6)

	b.Run("ionos", func(b *testing.B) {
		c, err := NewClient(WithBasicAuth(testUser, testPassword), WithBaseURL(srv.URL+"/cloudapi/v5"))
		if err != nil {
			b.Fatal(err)
		}
		defer c.CloseIdleConnections()
		run := func() int {
			servers, _, err := c.Servers.List(context.Background(), dcID, WithDepth(3))
			if err != nil {
				b.Fatal(err)
			}
			return len(servers)
		}
		benchLoop(b, n, run)
	})

	b.Run("baseline", func(b *testing.B) {
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		defer hc.CloseIdleConnections()
		url := srv.URL + "/cloudapi/v5/datacenters/" + dcID + "/servers?depth=3"
		run := func() int {
			req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
			if err != nil {
				b.Fatal(err)
			}
			req.SetBasicAuth(testUser, testPassword)
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Fatalf("status %d", resp.StatusCode)
			}
			var page baseServers
			if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
				b.Fatal(err)
			}
			return len(page.Items)
		}
		benchLoop(b, n, run)
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

// Children of each benchmark server: with one CD-ROM, a server is about
// 6 KB of JSON, so 200 servers make about 1.2 MB and 5000 about 30 MB.
const (
	benchVolumes = 1
	benchNICs    = 1
	benchRules   = 2
)

// benchServersJSON builds a depth-3 server collection of n servers.
func benchServersJSON(b *testing.B, n int) []byte {
	b.Helper()
	const base = "https://api.ionos.com/cloudapi/v5"
	t0 := time.Date(2020, 8, 25, 10, 20, 0, 0, time.UTC)
	md := func(i int) Metadata {
		return Metadata{
			Etag: fmt.Sprintf("%032x", i), CreatedDate: t0, CreatedBy: "ops@example.com",
			CreatedByUserID: "63cef532-26fe-4a64-a4e0-de7c8a506c90", LastModifiedDate: t0.Add(time.Hour),
			LastModifiedBy: "ops@example.com", LastModifiedByUserID: "63cef532-26fe-4a64-a4e0-de7c8a506c90", State: StateAvailable,
		}
	}
	uuid := func(kind, i int) string { return fmt.Sprintf("%08x-%04x-4000-8000-%012x", i, kind, i) }
	servers := make([]Server, n)
	for i := range servers {
		sid := uuid(1, i)
		sh := base + "/datacenters/" + dcID + "/servers/" + sid
		vols := make([]Volume, benchVolumes)
		for j := range vols {
			vid := uuid(2+j, i)
			vols[j] = Volume{ID: vid, Type: "volume", Href: base + "/datacenters/" + dcID + "/volumes/" + vid, Metadata: md(i),
				Properties: VolumeProperties{Name: fmt.Sprintf("vol-%d-%d", i, j), Type: "HDD", Size: 20, AvailabilityZone: "AUTO",
					Image: csImgID, Bus: "VIRTIO", LicenceType: "LINUX", HotPlug: benchHotPlug, DeviceNumber: int64(j + 1)}}
		}
		cd := Image{ID: csCDID, Type: "image", Href: base + "/images/" + csCDID, Metadata: md(i),
			Properties: ImageProperties{Name: "ubuntu-20.04-live-server-amd64.iso", Location: "us/las", Size: 0.88,
				HotPlug: benchHotPlug, LicenceType: "LINUX", ImageType: "CDROM", Public: true, CloudInit: "NONE"}}
		nics := make([]NIC, benchNICs)
		for j := range nics {
			nid := uuid(4+j, i)
			nh := sh + "/nics/" + nid
			rules := make([]FirewallRule, benchRules)
			for k := range rules {
				rid := uuid(6+2*j+k, i)
				rules[k] = FirewallRule{ID: rid, Type: "firewall-rule", Href: nh + "/firewallrules/" + rid, Metadata: md(i),
					Properties: FirewallRuleProperties{Name: "allow", Protocol: "TCP", SourceIP: "10.0.0.1",
						PortRangeStart: 22 + k, PortRangeEnd: 22 + k}}
			}
			nics[j] = NIC{ID: nid, Type: "nic", Href: nh, Metadata: md(i),
				Properties: NICProperties{Name: "nic", MAC: "02:01:2e:4f:5a:6b", IPs: []string{fmt.Sprintf("10.%d.%d.%d", j, i/256%256, i%256)},
					DHCP: true, LAN: LANID(strconv.Itoa(j + 1)), FirewallActive: true},
				Entities: NICEntities{FirewallRules: Collection[FirewallRule]{ID: nid + "/firewallrules", Type: "collection", Href: nh + "/firewallrules", Items: rules}}}
		}
		servers[i] = Server{ID: sid, Type: "server", Href: sh, Metadata: md(i),
			Properties: ServerProperties{Name: fmt.Sprintf("web-%d", i), Cores: 4, RAM: 4096, AvailabilityZone: "ZONE_1",
				VMState: "RUNNING", BootVolume: &ResourceReference{ID: vols[0].ID, Type: "volume", Href: vols[0].Href}, CPUFamily: "INTEL_XEON"},
			Entities: ServerEntities{
				CDROMs:  Collection[Image]{ID: sid + "/cdroms", Type: "collection", Href: sh + "/cdroms", Items: []Image{cd}},
				Volumes: Collection[Volume]{ID: sid + "/volumes", Type: "collection", Href: sh + "/volumes", Items: vols},
				NICs:    Collection[NIC]{ID: sid + "/nics", Type: "collection", Href: sh + "/nics", Items: nics},
			}}
	}
	page := Collection[Server]{ID: dcID + "/servers", Type: "collection", Href: base + "/datacenters/" + dcID + "/servers", Items: servers}
	out, err := json.Marshal(page)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// The baseline's own types: what a user of net/http + encoding/json would
// write for the same answer.
type baseServers struct {
	Items []baseServer `json:"items"`
}

type baseMeta struct {
	Etag                 string    `json:"etag"`
	CreatedDate          time.Time `json:"createdDate"`
	CreatedBy            string    `json:"createdBy"`
	CreatedByUserID      string    `json:"createdByUserId"`
	LastModifiedDate     time.Time `json:"lastModifiedDate"`
	LastModifiedBy       string    `json:"lastModifiedBy"`
	LastModifiedByUserID string    `json:"lastModifiedByUserId"`
	State                string    `json:"state"`
}

type baseRef struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Href string `json:"href"`
}

type baseServer struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Href       string   `json:"href"`
	Metadata   baseMeta `json:"metadata"`
	Properties struct {
		Name             string   `json:"name"`
		Cores            int      `json:"cores"`
		RAM              int      `json:"ram"`
		AvailabilityZone string   `json:"availabilityZone"`
		VMState          string   `json:"vmState"`
		BootCDROM        *baseRef `json:"bootCdrom"`
		BootVolume       *baseRef `json:"bootVolume"`
		CPUFamily        string   `json:"cpuFamily"`
	} `json:"properties"`
	Entities struct {
		CDROMs  baseColl[baseImage]  `json:"cdroms"`
		Volumes baseColl[baseVolume] `json:"volumes"`
		NICs    baseColl[baseNIC]    `json:"nics"`
	} `json:"entities"`
}

type baseColl[T any] struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Href  string `json:"href"`
	Items []T    `json:"items"`
}

type baseHotPlug struct {
	CPUHotPlug          bool `json:"cpuHotPlug"`
	CPUHotUnplug        bool `json:"cpuHotUnplug"`
	RAMHotPlug          bool `json:"ramHotPlug"`
	RAMHotUnplug        bool `json:"ramHotUnplug"`
	NICHotPlug          bool `json:"nicHotPlug"`
	NICHotUnplug        bool `json:"nicHotUnplug"`
	DiscVirtioHotPlug   bool `json:"discVirtioHotPlug"`
	DiscVirtioHotUnplug bool `json:"discVirtioHotUnplug"`
	DiscSCSIHotPlug     bool `json:"discScsiHotPlug"`
	DiscSCSIHotUnplug   bool `json:"discScsiHotUnplug"`
}

type baseVolume struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Href       string   `json:"href"`
	Metadata   baseMeta `json:"metadata"`
	Properties struct {
		baseHotPlug
		Name             string   `json:"name"`
		Type             string   `json:"type"`
		Size             float64  `json:"size"`
		AvailabilityZone string   `json:"availabilityZone"`
		Image            string   `json:"image"`
		ImageAlias       string   `json:"imageAlias"`
		SSHKeys          []string `json:"sshKeys"`
		Bus              string   `json:"bus"`
		LicenceType      string   `json:"licenceType"`
		DeviceNumber     int64    `json:"deviceNumber"`
		BackupUnitID     string   `json:"backupunitId"`
		UserData         string   `json:"userData"`
	} `json:"properties"`
}

type baseImage struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Href       string   `json:"href"`
	Metadata   baseMeta `json:"metadata"`
	Properties struct {
		baseHotPlug
		Name         string   `json:"name"`
		Description  string   `json:"description"`
		Location     string   `json:"location"`
		Size         float64  `json:"size"`
		LicenceType  string   `json:"licenceType"`
		ImageType    string   `json:"imageType"`
		Public       bool     `json:"public"`
		ImageAliases []string `json:"imageAliases"`
		CloudInit    string   `json:"cloudInit"`
	} `json:"properties"`
}

type baseNIC struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Href       string   `json:"href"`
	Metadata   baseMeta `json:"metadata"`
	Properties struct {
		Name           string   `json:"name"`
		MAC            string   `json:"mac"`
		IPs            []string `json:"ips"`
		DHCP           bool     `json:"dhcp"`
		LAN            int      `json:"lan"`
		FirewallActive bool     `json:"firewallActive"`
		NAT            bool     `json:"nat"`
	} `json:"properties"`
	Entities struct {
		FirewallRules baseColl[baseRule] `json:"firewallrules"`
	} `json:"entities"`
}

type baseRule struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Href       string   `json:"href"`
	Metadata   baseMeta `json:"metadata"`
	Properties struct {
		Name           string `json:"name"`
		Protocol       string `json:"protocol"`
		SourceMAC      string `json:"sourceMac"`
		SourceIP       string `json:"sourceIp"`
		TargetIP       string `json:"targetIp"`
		ICMPCode       *int   `json:"icmpCode"`
		ICMPType       *int   `json:"icmpType"`
		PortRangeStart *int   `json:"portRangeStart"`
		PortRangeEnd   *int   `json:"portRangeEnd"`
	} `json:"properties"`
}

var benchHotPlug = HotPlug{CPUHotPlug: true, RAMHotPlug: true, NICHotPlug: true, NICHotUnplug: true, DiscVirtioHotPlug: true, DiscVirtioHotUnplug: true}
