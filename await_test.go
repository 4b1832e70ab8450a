package ionos_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Await turns a write's BUSY answer into the resource in its final state.
func TestAwaitReturnsTheFinalState(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithCompletionDelay(50 * time.Millisecond))
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "await", Location: "de/fra"})
	require.NoError(t, err)
	assert.Equal(t, ionos.StateBusy, dc.Metadata.State, "the write's answer is the BUSY copy")
	got, err := ionos.Await(dc, resp, err).Wait(ctx)
	require.NoError(t, err)
	assert.Equal(t, dc.ID, got.ID)
	assert.Equal(t, ionos.StateAvailable, got.Metadata.State)

	// In one line, for a server.
	srvr, err := ionos.Await(c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{Name: "s", Cores: 1, RAM: 1024})).Wait(ctx)
	require.NoError(t, err)
	assert.Equal(t, ionos.StateAvailable, srvr.Metadata.State)
	assert.Equal(t, "s", srvr.Properties.Name)

	// The write's error comes back as it is, and nothing is waited for.
	_, err = ionos.Await(c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "x", Location: "xx/nowhere"})).Wait(ctx)
	assert.ErrorIs(t, err, ionos.ErrValidation)

	// A FAILED request is the wait's error.
	srv.FailRequests(func(method, path string) bool { return method == http.MethodPatch })
	_, err = ionos.Await(c.Datacenters.Update(ctx, dc.ID, ionos.DatacenterUpdate{Name: ionos.Ptr("y")})).Wait(ctx)
	var failed *ionos.RequestFailedError
	assert.ErrorAs(t, err, &failed)
}
