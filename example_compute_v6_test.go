package ionos_test

import (
	"context"
	"fmt"

	"github.com/ionos-go/ionos"
)

// Create a CUBE server (Cloud API v6): its template sets the cores, RAM and
// the size of its DAS volume, which is created with it in the same call.
// Cores, RAM and CPU family stay unset.
func ExampleServersService_Create_cube() {
	ctx := context.Background()
	c, err := ionos.NewClientFromEnv()
	if err != nil {
		fmt.Println(err)
		return
	}
	dcID, templateID := "your-data-center-id", "your-cube-template-id"
	srv, resp, err := c.Servers.Create(ctx, dcID, ionos.ServerSpec{
		Name:       "cube-1",
		Type:       ionos.ServerTypeCube,
		TemplateID: templateID,
		Volumes: []ionos.VolumeSpec{{
			Name: "system", Type: ionos.VolumeTypeDAS, ImageAlias: "ubuntu:latest",
			SSHKeys: []string{"ssh-ed25519 AAAA... you@example.com"},
		}},
		NICs: []ionos.NICSpec{{LAN: "1"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("CUBE server", srv.ID, "is ready")
}

// Delete a server and the volumes attached to it in one call (Cloud API v6).
func ExampleWithDeleteVolumes() {
	ctx := context.Background()
	c, err := ionos.NewClientFromEnv()
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := c.Servers.Delete(ctx, "your-data-center-id", "your-server-id", ionos.WithDeleteVolumes())
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = c.WaitForCompletion(ctx, resp)
	fmt.Println(err)
}
