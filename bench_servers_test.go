package ionos

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"
)

// Children of each benchmark server: with one CD-ROM, a server is about
// 6 KB of JSON, so 200 servers make about 1.2 MB and 5000 about 30 MB.
const (
	benchVolumes = 1
	benchNICs    = 1
	benchRules   = 2
)

// benchServersJSON builds a depth-3 server collection of n servers.
func benchServersJSON(b testing.TB, n int) []byte {
	b.Helper()
	const base = "https://api.ionos.com/cloudapi/v6"
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

// The floor's own types: what a user of net/http + encoding/json would
// write for the same answer.
type floorServers struct {
	Items []floorServer `json:"items"`
}

type floorMeta struct {
	Etag                 string    `json:"etag"`
	CreatedDate          time.Time `json:"createdDate"`
	CreatedBy            string    `json:"createdBy"`
	CreatedByUserID      string    `json:"createdByUserId"`
	LastModifiedDate     time.Time `json:"lastModifiedDate"`
	LastModifiedBy       string    `json:"lastModifiedBy"`
	LastModifiedByUserID string    `json:"lastModifiedByUserId"`
	State                string    `json:"state"`
}

type floorRef struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Href string `json:"href"`
}

// floorHead is what every resource of an answer starts with.
type floorHead struct {
	floorRef
	Metadata floorMeta `json:"metadata"`
}

type floorServer struct {
	floorServerCreated
	Entities struct {
		CDROMs  floorColl[floorImage]  `json:"cdroms"`
		Volumes floorColl[floorVolume] `json:"volumes"`
		NICs    floorColl[floorNIC]    `json:"nics"`
	} `json:"entities"`
}

type floorColl[T any] struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Href  string `json:"href"`
	Items []T    `json:"items"`
}

type floorHotPlug struct {
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

type floorVolume struct {
	floorHead
	Properties struct {
		floorHotPlug
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

type floorImage struct {
	floorHead
	Properties struct {
		floorHotPlug
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

type floorNIC struct {
	floorHead
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
		FirewallRules floorColl[floorRule] `json:"firewallrules"`
	} `json:"entities"`
}

type floorRule struct {
	floorHead
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
