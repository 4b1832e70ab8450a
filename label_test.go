package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLabelsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/labels", 200, fixture(t, "labels.json"))
	ls, _, err := m.c.Labels.List(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/labels", "depth", "1")
	require.Len(t, ls, 1)
	assert.Equal(t, "urn:label:datacenter:"+dcID+":env", ls[0].ID)
	assert.Equal(t, "datacenter", ls[0].Properties.ResourceType)
	assert.Equal(t, dcID, ls[0].Properties.ResourceID)
}

func TestLabelsGetByURN(t *testing.T) {
	m := newMockAPI(t)
	urn := "urn:label:datacenter:" + dcID + ":env"
	m.on(http.MethodGet, "/labels/"+urn, 200, fixture(t, "label_resource.json"))
	l, _, err := m.c.Labels.GetByURN(context.Background(), urn)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/labels/"+urn, "depth", "1")
	assert.Equal(t, "production", l.Properties.Value)
}

func TestLabelsOnEachTarget(t *testing.T) {
	for _, tc := range []struct {
		target LabelTarget
		path   string
	}{
		{DatacenterLabels(dcID), "/datacenters/" + dcID + "/labels"},
		{ServerLabels(dcID, "srv"), "/datacenters/" + dcID + "/servers/srv/labels"},
		{VolumeLabels(dcID, "vol"), "/datacenters/" + dcID + "/volumes/vol/labels"},
		{SnapshotLabels("snap"), "/snapshots/snap/labels"},
		{IPBlockLabels("ipb"), "/ipblocks/ipb/labels"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			m := newMockAPI(t)
			ctx := context.Background()
			m.on(http.MethodGet, tc.path, 200, fixture(t, "label_resources.json"))
			m.on(http.MethodPost, tc.path, 201, fixture(t, "label_resource.json"))
			m.on(http.MethodGet, tc.path+"/env", 200, fixture(t, "label_resource.json"))
			m.on(http.MethodPut, tc.path+"/env", 200, fixture(t, "label_resource.json"))
			m.on(http.MethodDelete, tc.path+"/env", 200, nil)

			ls, _, err := m.c.Labels.ListOn(ctx, tc.target)
			require.NoError(t, err)
			require.Len(t, ls, 2)
			assert.Equal(t, ResourceLabelProperties{Key: "team", Value: "web"}, ls[1].Properties)

			l, resp, err := m.c.Labels.Add(ctx, tc.target, "env", "production")
			require.NoError(t, err)
			assert.Equal(t, 201, resp.StatusCode)
			assert.Equal(t, "env", l.ID)

			_, _, err = m.c.Labels.Get(ctx, tc.target, "env")
			require.NoError(t, err)
			_, _, err = m.c.Labels.Set(ctx, tc.target, "env", "")
			require.NoError(t, err)
			_, err = m.c.Labels.Remove(ctx, tc.target, "env")
			require.NoError(t, err)

			calls := m.all()
			require.Len(t, calls, 5)
			assertCall(t, calls[0], http.MethodGet, tc.path, "depth", "1")
			assertCall(t, calls[1], http.MethodPost, tc.path)
			assertJSONBody(t, calls[1], `{"properties":{"key":"env","value":"production"}}`)
			assertCall(t, calls[2], http.MethodGet, tc.path+"/env", "depth", "1")
			assertCall(t, calls[3], http.MethodPut, tc.path+"/env")
			assertJSONBody(t, calls[3], `{"properties":{"key":"env","value":""}}`)
			assertCall(t, calls[4], http.MethodDelete, tc.path+"/env")
			assertNoBody(t, calls[4])
		})
	}
}

func TestLabelsRefuseEmptyIDs(t *testing.T) {
	m := newMockAPI(t)
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"zero target":    func() error { _, _, err := m.c.Labels.ListOn(ctx, LabelTarget{}); return err },
		"empty dc":       func() error { _, _, err := m.c.Labels.ListOn(ctx, DatacenterLabels("")); return err },
		"empty server":   func() error { _, _, err := m.c.Labels.Get(ctx, ServerLabels(dcID, ""), "k"); return err },
		"empty key get":  func() error { _, _, err := m.c.Labels.Get(ctx, DatacenterLabels(dcID), ""); return err },
		"empty key add":  func() error { _, _, err := m.c.Labels.Add(ctx, DatacenterLabels(dcID), "", "v"); return err },
		"empty key set":  func() error { _, _, err := m.c.Labels.Set(ctx, DatacenterLabels(dcID), "", "v"); return err },
		"empty key del":  func() error { _, err := m.c.Labels.Remove(ctx, VolumeLabels(dcID, "v"), ""); return err },
		"empty urn":      func() error { _, _, err := m.c.Labels.GetByURN(ctx, ""); return err },
		"empty snapshot": func() error { _, _, err := m.c.Labels.ListOn(ctx, SnapshotLabels("")); return err },
		"empty ip block": func() error { _, _, err := m.c.Labels.ListOn(ctx, IPBlockLabels("")); return err },
		"iterator target": func() error {
			var e error
			for _, err := range m.c.Labels.AllOn(ctx, LabelTarget{}) {
				e = err
			}
			return e
		},
	} {
		assert.ErrorIs(t, call(), ErrInvalidInput, name)
	}
	m.none()
}

func TestInfo(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/", 200, fixture(t, "info.json"))
	info, _, err := m.c.Info(context.Background())
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/")
	assert.Equal(t, "CLOUD API", info.Name)
	assert.Equal(t, "5.0", info.Version)
}
