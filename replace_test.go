package ionos

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The full-replace PUTs, beyond the Python SDK 5.2.0.
func TestReplace(t *testing.T) {
	const srvID, nicID, ruleID, lbID, ipbID = "srv", "nic", "rule", "lb", "ipb"
	ctx := context.Background()
	for _, tc := range []struct {
		name, path, fixture, body string
		call                      func(c *Client) (string, *Response, error)
	}{
		{"Datacenters", "/datacenters/" + dcID, "datacenter_depth0.json",
			`{"properties":{"name":"production","location":"de/fra"}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.Datacenters.Replace(ctx, dcID, DatacenterSpec{Name: "production", Location: "de/fra"})
				return idOf(v, func(v *Datacenter) string { return v.ID }), r, err
			}},
		{"Servers", "/datacenters/" + dcID + "/servers/" + srvID, "server_depth2.json",
			`{"properties":{"name":"web","cores":2,"ram":2048,"bootVolume":{"id":"vol"}}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.Servers.Replace(ctx, dcID, srvID, ServerSpec{Name: "web", Cores: 2, RAM: 2048, BootVolume: "vol"})
				return idOf(v, func(v *Server) string { return v.ID }), r, err
			}},
		{"LANs", "/datacenters/" + dcID + "/lans/2", "lan_get.json",
			`{"properties":{"name":"back","public":false}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.LANs.Replace(ctx, dcID, "2", LANSpec{Name: "back"})
				return idOf(v, func(v *LAN) string { return string(v.ID) }), r, err
			}},
		{"NICs", "/datacenters/" + dcID + "/servers/" + srvID + "/nics/" + nicID, "nic_get.json",
			`{"properties":{"name":"eth0","lan":2,"dhcp":false}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.NICs.Replace(ctx, dcID, srvID, nicID, NICSpec{Name: "eth0", LAN: "2", DHCP: Ptr(false)})
				return idOf(v, func(v *NIC) string { return v.ID }), r, err
			}},
		{"FirewallRules", "/datacenters/" + dcID + "/servers/" + srvID + "/nics/" + nicID + "/firewallrules/" + ruleID, "firewall_get.json",
			`{"properties":{"name":"ssh","protocol":"TCP","portRangeStart":22,"portRangeEnd":22}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.FirewallRules.Replace(ctx, dcID, srvID, nicID, ruleID, FirewallRuleSpec{Name: "ssh", Protocol: ProtocolTCP, PortRangeStart: 22, PortRangeEnd: 22})
				return idOf(v, func(v *FirewallRule) string { return v.ID }), r, err
			}},
		{"LoadBalancers", "/datacenters/" + dcID + "/loadbalancers/" + lbID, "loadbalancer_get.json",
			`{"properties":{"name":"front","ip":"203.0.113.7","dhcp":false}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.LoadBalancers.Replace(ctx, dcID, lbID, LoadBalancerSpec{Name: "front", IP: "203.0.113.7", DHCP: Ptr(false)})
				return idOf(v, func(v *LoadBalancer) string { return v.ID }), r, err
			}},
		{"IPBlocks", "/ipblocks/" + ipbID, "ipblock.json",
			`{"properties":{"name":"edge","location":"de/fra","size":2}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.IPBlocks.Replace(ctx, ipbID, IPBlockSpec{Name: "edge", Location: "de/fra", Size: 2})
				return idOf(v, func(v *IPBlock) string { return v.ID }), r, err
			}},
		{"Volumes", "/datacenters/" + dcID + "/volumes/vol", "volume.json",
			`{"properties":{"name":"data","size":40,"bus":"VIRTIO","discVirtioHotPlug":true}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.Volumes.Replace(ctx, dcID, "vol", VolumeSpec{Name: "data", Size: 40, Bus: BusVIRTIO, DiscVirtioHotPlug: Ptr(true)})
				return idOf(v, func(v *Volume) string { return v.ID }), r, err
			}},
		{"Images", "/images/img", "image.json",
			`{"properties":{"name":"base","licenceType":"LINUX","cpuHotPlug":true,"cpuHotUnplug":false,"ramHotPlug":true,"ramHotUnplug":false,` +
				`"nicHotPlug":false,"nicHotUnplug":false,"discVirtioHotPlug":false,"discVirtioHotUnplug":false,"discScsiHotPlug":false,"discScsiHotUnplug":false,"cloudInit":"V1"}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.Images.Replace(ctx, "img", ImageSettings{Name: "base", LicenceType: LicenceLinux, HotPlug: HotPlug{CPUHotPlug: true, RAMHotPlug: true}, CloudInit: "V1"})
				return idOf(v, func(v *Image) string { return v.ID }), r, err
			}},
		{"Snapshots", "/snapshots/snap", "snapshot.json",
			`{"properties":{"name":"nightly","secAuthProtection":true,"cpuHotPlug":false,"cpuHotUnplug":false,"ramHotPlug":false,"ramHotUnplug":false,` +
				`"nicHotPlug":true,"nicHotUnplug":true,"discVirtioHotPlug":false,"discVirtioHotUnplug":false,"discScsiHotPlug":false,"discScsiHotUnplug":false}}`,
			func(c *Client) (string, *Response, error) {
				v, r, err := c.Snapshots.Replace(ctx, "snap", SnapshotSettings{Name: "nightly", SecAuthProtection: true, HotPlug: HotPlug{NICHotPlug: true, NICHotUnplug: true}})
				return idOf(v, func(v *Snapshot) string { return v.ID }), r, err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMockAPI(t)
			body := fixture(t, tc.fixture)
			m.onAccepted(http.MethodPut, tc.path, body)
			got, resp, err := tc.call(m.c)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPut, tc.path)
			assertJSONBody(t, c, tc.body)
			assertAccepted(t, resp)
			var want struct{ ID string }
			require.NoError(t, json.Unmarshal(body, &want))
			require.NotEmpty(t, want.ID)
			assert.Equal(t, want.ID, got, "the answer is decoded")
		})
	}
}

func idOf[T any](v *T, id func(*T) string) string {
	if v == nil {
		return ""
	}
	return id(v)
}

func TestReplaceRefusesChildrenAndBadInput(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	_, _, err := m.c.Datacenters.Replace(ctx, dcID, DatacenterSpec{Name: "x", Location: "de/fra", LANs: []LANSpec{{Name: "l"}}})
	assertInvalid(t, err, "DatacenterSpec")
	_, _, err = m.c.Servers.Replace(ctx, dcID, "srv", ServerSpec{Name: "x", Cores: 1, RAM: 1024, NICs: []NICSpec{{LAN: "1"}}})
	assertInvalid(t, err, "ServerSpec")
	_, _, err = m.c.LANs.Replace(ctx, dcID, "1", LANSpec{NICs: []string{"nic"}})
	assertInvalid(t, err, "LANSpec")
	_, _, err = m.c.NICs.Replace(ctx, dcID, "srv", "nic", NICSpec{LAN: "1", FirewallRules: []FirewallRuleSpec{{Protocol: "TCP"}}})
	assertInvalid(t, err, "NICSpec")
	_, _, err = m.c.LoadBalancers.Replace(ctx, dcID, "lb", LoadBalancerSpec{BalancedNICs: []string{"nic"}})
	assertInvalid(t, err, "LoadBalancerSpec")
	_, _, err = m.c.FirewallRules.Replace(ctx, dcID, "srv", "nic", "rule", FirewallRuleSpec{})
	assertInvalid(t, err, "FirewallRuleSpec.Protocol")
	_, _, err = m.c.Servers.Replace(ctx, dcID, "srv", ServerSpec{Name: "x", Cores: 1, RAM: 1000})
	assertInvalid(t, err, "ServerSpec.RAM")
	_, _, err = m.c.IPBlocks.Replace(ctx, "ipb", IPBlockSpec{Location: "de/fra"})
	assertInvalid(t, err, "IPBlockSpec.Size")
	for field, spec := range map[string]VolumeSpec{
		"Image": {Size: 10, Image: "img"}, "ImageAlias": {Size: 10, ImageAlias: "ubuntu:latest"},
		"ImagePassword": {Size: 10, ImagePassword: "secret-password"}, "SSHKeys": {Size: 10, SSHKeys: []string{"ssh-ed25519 AAAA"}},
		"BackupUnitID": {Size: 10, BackupUnitID: "bu"}, "UserData": {Size: 10, UserData: "I2Nsb3VkLWNvbmZpZw=="},
	} {
		_, _, err = m.c.Volumes.Replace(ctx, dcID, "vol", spec)
		assertInvalid(t, err, "VolumeSpec."+field)
	}
	_, _, err = m.c.Volumes.Replace(ctx, dcID, "vol", VolumeSpec{Name: "data"})
	assertInvalid(t, err, "VolumeSpec.Size")
	_, _, err = m.c.Images.Replace(ctx, "img", ImageSettings{Name: "base"})
	assertInvalid(t, err, "ImageSettings.LicenceType")
	_, _, err = m.c.Snapshots.Replace(ctx, "snap", SnapshotSettings{Name: "bad\nname"})
	assertInvalid(t, err, "SnapshotSettings.Name")
	for name, call := range map[string]func() error{
		"Datacenters": func() error { _, _, err := m.c.Datacenters.Replace(ctx, "", DatacenterSpec{}); return err },
		"Servers":     func() error { _, _, err := m.c.Servers.Replace(ctx, dcID, " ", ServerSpec{}); return err },
		"LANs":        func() error { _, _, err := m.c.LANs.Replace(ctx, "", "1", LANSpec{}); return err },
		"NICs":        func() error { _, _, err := m.c.NICs.Replace(ctx, dcID, "srv", "..", NICSpec{}); return err },
		"Firewall": func() error {
			_, _, err := m.c.FirewallRules.Replace(ctx, dcID, "srv", "nic", "", FirewallRuleSpec{})
			return err
		},
		"LBs":      func() error { _, _, err := m.c.LoadBalancers.Replace(ctx, dcID, "", LoadBalancerSpec{}); return err },
		"IPBlocks": func() error { _, _, err := m.c.IPBlocks.Replace(ctx, "", IPBlockSpec{}); return err },
		"Volumes":  func() error { _, _, err := m.c.Volumes.Replace(ctx, dcID, "", VolumeSpec{Size: 1}); return err },
		"Images": func() error {
			_, _, err := m.c.Images.Replace(ctx, "..", ImageSettings{LicenceType: LicenceLinux})
			return err
		},
		"Snapshots": func() error { _, _, err := m.c.Snapshots.Replace(ctx, " ", SnapshotSettings{}); return err },
	} {
		assert.ErrorIs(t, call(), ErrInvalidInput, name)
	}
	m.none()
}
