package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// compositeBuild is the seed README's "Composite Build" example in Go.
func compositeBuild() DatacenterSpec {
	fwrule1 := FirewallRuleSpec{
		Name: "Allow SSH", Protocol: "TCP", SourceIP: "0.0.0.0",
		PortRangeStart: 22, PortRangeEnd: 22,
	}
	nic1 := NICSpec{
		Name: "Public NIC", DHCP: Ptr(true), LAN: "1", FirewallActive: true,
		FirewallRules: []FirewallRuleSpec{fwrule1}, NAT: false,
	}
	nic2 := NICSpec{Name: "Private NIC", DHCP: Ptr(true), LAN: "2"}
	volume1 := VolumeSpec{
		Name: "System Volume", Size: 20, Image: "0d4f97f0-1689-11e7-97ce-525400f64d8d", Bus: "VIRTIO", Type: "HDD",
		SSHKeys: []string{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQ..."}, ImagePassword: "s3cr3tpass0rd", AvailabilityZone: "ZONE_3",
	}
	volume2 := VolumeSpec{Name: "Data Volume", Size: 100, Type: "SSD", Bus: "VIRTIO", LicenceType: "OTHER"}
	server := ServerSpec{
		Name: "Python SDK Server", RAM: 4096, Cores: 4, CPUFamily: "INTEL_XEON",
		NICs: []NICSpec{nic1, nic2}, Volumes: []VolumeSpec{volume1, volume2},
	}
	return DatacenterSpec{
		Name: "Python SDK Data Center", Description: "Python SDK data center", Location: "us/las",
		Servers: []ServerSpec{server},
	}
}

func TestDatacentersCreateCompositeBuild(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))
	dc, resp, err := m.c.Datacenters.Create(context.Background(), compositeBuild())
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, "/datacenters")
	assertJSONBody(t, c, string(fixture(t, "composite_build.golden.json")))
	assert.NotContains(t, string(c.Body), "null", "unset fields are left out, never null")
	assert.NotContains(t, string(c.Body), `"true"`, "booleans go out as JSON booleans")
	assert.NotContains(t, string(c.Body), `"22"`, "integers go out as JSON integers")
	assertAccepted(t, resp)
	assert.NotEmpty(t, dc.ID)
}

// The golden file must itself be what the test compares: a sanity check
// that it parses and holds the nested parts.
func TestDatacentersCompositeGoldenShape(t *testing.T) {
	var g struct {
		Entities struct {
			Servers struct {
				Items []struct {
					Entities struct {
						Volumes struct{ Items []json.RawMessage } `json:"volumes"`
						NICs    struct{ Items []json.RawMessage } `json:"nics"`
					} `json:"entities"`
				} `json:"items"`
			} `json:"servers"`
		} `json:"entities"`
	}
	require.NoError(t, json.Unmarshal(fixture(t, "composite_build.golden.json"), &g))
	require.Len(t, g.Entities.Servers.Items, 1)
	assert.Len(t, g.Entities.Servers.Items[0].Entities.Volumes.Items, 2)
	assert.Len(t, g.Entities.Servers.Items[0].Entities.NICs.Items, 2)
}

func TestDatacentersCreateCompositeAllKinds(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))
	_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{
		Name: "full", Location: "de/fra",
		Servers: []ServerSpec{{
			Name: "app", Cores: 2, RAM: 2048, BootVolume: csVolID, AttachVolumes: []string{csVolID},
		}},
		Volumes:       []VolumeSpec{{Name: "spare", Size: 10, LicenceType: "LINUX"}},
		LANs:          []LANSpec{{Name: "public", Public: true}, {Name: "private"}},
		LoadBalancers: []LoadBalancerSpec{{Name: "lb", DHCP: Ptr(false)}},
	})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{
		"properties":{"name":"full","location":"de/fra"},
		"entities":{
			"servers":{"items":[{"properties":{"name":"app","cores":2,"ram":2048,"bootVolume":{"id":"`+csVolID+`"}},
				"entities":{"volumes":{"items":[{"id":"`+csVolID+`"}]}}}]},
			"volumes":{"items":[{"properties":{"name":"spare","size":10,"licenceType":"LINUX"}}]},
			"lans":{"items":[{"properties":{"name":"public","public":true}},{"properties":{"name":"private","public":false}}]},
			"loadbalancers":{"items":[{"properties":{"name":"lb","dhcp":false}}]}
		}}`)
}

func TestDatacentersCreateWithoutChildrenHasNoEntities(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))
	_, _, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{
		Name: "x", Location: "de/fra", Servers: []ServerSpec{}, LANs: nil,
	})
	require.NoError(t, err)
	assertJSONBody(t, m.only(), `{"properties":{"name":"x","location":"de/fra"}}`)
}

func TestDatacentersCreateCompositeValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mod   func(*DatacenterSpec)
		field string
	}{
		{"server RAM", func(d *DatacenterSpec) { d.Servers[0].RAM = 4000 }, "DatacenterSpec.Servers[0].RAM"},
		{"server NIC LAN", func(d *DatacenterSpec) { d.Servers[0].NICs[1].LAN = "0" }, "DatacenterSpec.Servers[0].NICs[1].LAN"},
		{"firewall rule", func(d *DatacenterSpec) { d.Servers[0].NICs[0].FirewallRules[0].Protocol = "" },
			"DatacenterSpec.Servers[0].NICs[0].FirewallRules[0].Protocol"},
		{"server volume password", func(d *DatacenterSpec) { d.Servers[0].Volumes[0].ImagePassword = "short" },
			"DatacenterSpec.Servers[0].Volumes[0].ImagePassword"},
		{"server volume licence", func(d *DatacenterSpec) { d.Servers[0].Volumes[1].LicenceType = "" },
			"DatacenterSpec.Servers[0].Volumes[1].LicenceType"},
		{"second server", func(d *DatacenterSpec) { d.Servers = append(d.Servers, ServerSpec{Name: "b", Cores: 1}) },
			"DatacenterSpec.Servers[1].RAM"},
		{"data center volume", func(d *DatacenterSpec) { d.Volumes = []VolumeSpec{{LicenceType: "LINUX"}} }, "DatacenterSpec.Volumes[0].Size"},
		{"LAN NIC", func(d *DatacenterSpec) { d.LANs = []LANSpec{{NICs: []string{""}}} }, "DatacenterSpec.LANs[0].NICs[0]"},
		{"load balancer IP", func(d *DatacenterSpec) { d.LoadBalancers = []LoadBalancerSpec{{IP: "::1"}} }, "DatacenterSpec.LoadBalancers[0].IP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			spec := compositeBuild()
			tc.mod(&spec)
			_, _, err := m.c.Datacenters.Create(context.Background(), spec)
			assertInvalid(t, err, tc.field)
			m.none()
		})
	}
}
