package ionos_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A composite CUBE data center, as the SDK builds it, is accepted by the
// emulator's strict v6 (every property checked against the v6 schemas and
// the template rules), and the server reads back with its template's size.
func TestCompositeCubeDatacenterOnTheV6Emulator(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithStrictBodies(), ionostest.WithCompletionDelay(0))
	defer srv.Close()
	c := srv.Client()
	require.Equal(t, ionos.APIv6, c.APIVersion())
	ctx := context.Background()

	req, err := c.NewRequest(ctx, http.MethodGet, "/templates?depth=1", nil)
	require.NoError(t, err)
	var templates struct {
		Items []struct {
			ID         string `json:"id"`
			Properties struct {
				Cores       int `json:"cores"`
				RAM         int `json:"ram"`
				StorageSize int `json:"storageSize"`
			} `json:"properties"`
		} `json:"items"`
	}
	_, err = c.Do(req, &templates)
	require.NoError(t, err)
	require.NotEmpty(t, templates.Items)
	tpl := templates.Items[0]
	require.NotZero(t, tpl.Properties.StorageSize)

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{
		Name: "cubes", Location: "de/fra",
		LANs: []ionos.LANSpec{{Name: "public", Public: true}},
		Servers: []ionos.ServerSpec{{
			Name: "cube-1", Type: ionos.ServerTypeCube, TemplateID: tpl.ID, Hostname: "cube-1",
			Volumes: []ionos.VolumeSpec{{Name: "das", Type: ionos.VolumeTypeDAS, Size: tpl.Properties.StorageSize, LicenceType: ionos.LicenceLinux, BootOrder: ionos.BootOrderPrimary}},
			NICs:    []ionos.NICSpec{{LAN: "1"}},
		}},
	})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)

	servers, _, err := c.Servers.List(ctx, dc.ID, ionos.WithDepth(3))
	require.NoError(t, err)
	require.Len(t, servers, 1)
	p := servers[0].Properties
	assert.Equal(t, ionos.ServerTypeCube, p.Type)
	assert.Equal(t, tpl.ID, p.TemplateID)
	assert.Equal(t, tpl.Properties.Cores, p.Cores)
	assert.Equal(t, tpl.Properties.RAM, p.RAM)
	require.Len(t, servers[0].Entities.Volumes.Items, 1)
	assert.Equal(t, ionos.VolumeTypeDAS, servers[0].Entities.Volumes.Items[0].Properties.Type)

	// The DAS volume may leave its size to the template.
	_, resp, err = c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{
		Name: "cube-2", Type: ionos.ServerTypeCube, TemplateID: tpl.ID,
		Volumes: []ionos.VolumeSpec{{Name: "das", Type: ionos.VolumeTypeDAS, LicenceType: ionos.LicenceLinux}},
	})
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp)
	require.NoError(t, err)
	vols, _, err := c.Volumes.List(ctx, dc.ID, ionos.WithDepth(1))
	require.NoError(t, err)
	sizes := map[string]float64{}
	for _, v := range vols {
		sizes[v.Properties.Name] = float64(v.Properties.Size)
	}
	assert.Len(t, vols, 2)
	for _, sz := range sizes {
		assert.EqualValues(t, tpl.Properties.StorageSize, sz, "the template's storage size")
	}
}
