package ionos

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every operation of the compute and storage family refuses an empty (or
// blank) ID, naming it, without sending anything.
func TestComputeOperationsRefuseEmptyIDs(t *testing.T) {
	ctx := context.Background()
	srv := ServerSpec{Name: "a", Cores: 1, RAM: 256}
	vol := VolumeSpec{Size: 1, LicenceType: "LINUX"}
	type call func(c *Client, a, b, d string) error
	e2 := func(_ any, _ *Response, err error) error { return err }
	e1 := func(_ *Response, err error) error { return err }
	ops := []struct {
		name string
		ids  []string // names of the IDs, in order
		call call
	}{
		{"Servers.List", []string{"datacenterID"}, func(c *Client, a, _, _ string) error { return e2(c.Servers.List(ctx, a)) }},
		{"Servers.All", []string{"datacenterID"}, func(c *Client, a, _, _ string) error {
			for _, err := range c.Servers.All(ctx, a) {
				return err
			}
			return nil
		}},
		{"Servers.Get", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e2(c.Servers.Get(ctx, a, b)) }},
		{"Servers.Create", []string{"datacenterID"}, func(c *Client, a, _, _ string) error { return e2(c.Servers.Create(ctx, a, srv)) }},
		{"Servers.Update", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error {
			return e2(c.Servers.Update(ctx, a, b, ServerUpdate{Name: Ptr("x")}))
		}},
		{"Servers.Delete", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e1(c.Servers.Delete(ctx, a, b)) }},
		{"Servers.Start", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e1(c.Servers.Start(ctx, a, b)) }},
		{"Servers.Stop", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e1(c.Servers.Stop(ctx, a, b)) }},
		{"Servers.Reboot", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e1(c.Servers.Reboot(ctx, a, b)) }},
		{"Servers.ListVolumes", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e2(c.Servers.ListVolumes(ctx, a, b)) }},
		{"Servers.AllVolumes", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error {
			for _, err := range c.Servers.AllVolumes(ctx, a, b) {
				return err
			}
			return nil
		}},
		{"Servers.GetVolume", []string{"datacenterID", "serverID", "volumeID"}, func(c *Client, a, b, d string) error { return e2(c.Servers.GetVolume(ctx, a, b, d)) }},
		{"Servers.AttachVolume", []string{"datacenterID", "serverID", "volumeID"}, func(c *Client, a, b, d string) error {
			return e2(c.Servers.AttachVolume(ctx, a, b, d))
		}},
		{"Servers.DetachVolume", []string{"datacenterID", "serverID", "volumeID"}, func(c *Client, a, b, d string) error {
			return e1(c.Servers.DetachVolume(ctx, a, b, d))
		}},
		{"Servers.ListCDROMs", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error { return e2(c.Servers.ListCDROMs(ctx, a, b)) }},
		{"Servers.AllCDROMs", []string{"datacenterID", "serverID"}, func(c *Client, a, b, _ string) error {
			for _, err := range c.Servers.AllCDROMs(ctx, a, b) {
				return err
			}
			return nil
		}},
		{"Servers.GetCDROM", []string{"datacenterID", "serverID", "cdromID"}, func(c *Client, a, b, d string) error { return e2(c.Servers.GetCDROM(ctx, a, b, d)) }},
		{"Servers.AttachCDROM", []string{"datacenterID", "serverID", "cdromID"}, func(c *Client, a, b, d string) error {
			return e2(c.Servers.AttachCDROM(ctx, a, b, d))
		}},
		{"Servers.DetachCDROM", []string{"datacenterID", "serverID", "cdromID"}, func(c *Client, a, b, d string) error {
			return e1(c.Servers.DetachCDROM(ctx, a, b, d))
		}},
		{"Volumes.List", []string{"datacenterID"}, func(c *Client, a, _, _ string) error { return e2(c.Volumes.List(ctx, a)) }},
		{"Volumes.All", []string{"datacenterID"}, func(c *Client, a, _, _ string) error {
			for _, err := range c.Volumes.All(ctx, a) {
				return err
			}
			return nil
		}},
		{"Volumes.Get", []string{"datacenterID", "volumeID"}, func(c *Client, a, b, _ string) error { return e2(c.Volumes.Get(ctx, a, b)) }},
		{"Volumes.Create", []string{"datacenterID"}, func(c *Client, a, _, _ string) error { return e2(c.Volumes.Create(ctx, a, vol)) }},
		{"Volumes.Update", []string{"datacenterID", "volumeID"}, func(c *Client, a, b, _ string) error {
			return e2(c.Volumes.Update(ctx, a, b, VolumeUpdate{Size: Ptr(5)}))
		}},
		{"Volumes.Delete", []string{"datacenterID", "volumeID"}, func(c *Client, a, b, _ string) error { return e1(c.Volumes.Delete(ctx, a, b)) }},
		{"Volumes.CreateSnapshot", []string{"datacenterID", "volumeID"}, func(c *Client, a, b, _ string) error {
			return e2(c.Volumes.CreateSnapshot(ctx, a, b, SnapshotSpec{Name: "s"}))
		}},
		{"Volumes.RestoreSnapshot", []string{"datacenterID", "volumeID", "snapshotID"}, func(c *Client, a, b, d string) error {
			return e1(c.Volumes.RestoreSnapshot(ctx, a, b, d))
		}},
		{"Images.Get", []string{"imageID"}, func(c *Client, a, _, _ string) error { return e2(c.Images.Get(ctx, a)) }},
		{"Images.Update", []string{"imageID"}, func(c *Client, a, _, _ string) error { return e2(c.Images.Update(ctx, a, ImageUpdate{Name: Ptr("x")})) }},
		{"Images.Delete", []string{"imageID"}, func(c *Client, a, _, _ string) error { return e1(c.Images.Delete(ctx, a)) }},
		{"Snapshots.Get", []string{"snapshotID"}, func(c *Client, a, _, _ string) error { return e2(c.Snapshots.Get(ctx, a)) }},
		{"Snapshots.Update", []string{"snapshotID"}, func(c *Client, a, _, _ string) error {
			return e2(c.Snapshots.Update(ctx, a, SnapshotUpdate{Name: Ptr("x")}))
		}},
		{"Snapshots.Delete", []string{"snapshotID"}, func(c *Client, a, _, _ string) error { return e1(c.Snapshots.Delete(ctx, a)) }},
		{"IPBlocks.Get", []string{"ipBlockID"}, func(c *Client, a, _, _ string) error { return e2(c.IPBlocks.Get(ctx, a)) }},
		{"IPBlocks.Delete", []string{"ipBlockID"}, func(c *Client, a, _, _ string) error { return e1(c.IPBlocks.Delete(ctx, a)) }},
	}
	good := []string{"11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222", "33333333-3333-4333-8333-333333333333"}
	for _, op := range ops {
		for i, name := range op.ids {
			for _, bad := range []string{"", "  "} {
				t.Run(op.name+"/"+name+"/"+map[string]string{"": "empty", "  ": "blank"}[bad], func(t *testing.T) {
					m := newMockAPI(t)
					args := append([]string(nil), good...)
					args[i] = bad
					err := op.call(m.c, args[0], args[1], args[2])
					assertInvalid(t, err, name)
					m.none()
				})
			}
		}
	}
	assert.Len(t, ops, 35)
}
