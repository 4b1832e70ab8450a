package main

import (
	"context"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// emulate points the program's IONOS_* environment at srv (the emulator's
// own credentials are used on loopback).
func emulate(t *testing.T, srv *ionostest.Server) {
	t.Setenv("IONOS_API_URL", srv.URL)
	for _, k := range []string{"IONOS_USERNAME", "IONOS_PASSWORD", "IONOS_TOKEN", "IONOS_CONTRACT_NUMBER", "IONOS_EMULATE"} {
		t.Setenv(k, "")
	}
}

// TestComponentBuildOnEmulator runs the program as it is (a failure ends it
// with log.Fatal, which fails the test) and checks what it built.
func TestComponentBuildOnEmulator(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithCompletionDelay(20 * time.Millisecond))
	defer srv.Close()
	emulate(t, srv)
	main()

	for path, n := range map[string]int{
		"/datacenters": 1, "/datacenters/{}/lans": 1, "/datacenters/{}/servers": 1, "/datacenters/{}/servers/{}/nics": 1,
		"/datacenters/{}/servers/{}/nics/{}/firewallrules": 1, "/datacenters/{}/volumes": 2, "/datacenters/{}/servers/{}/volumes": 2,
	} {
		assert.Equal(t, n, srv.Hits("POST", path), path)
	}
	assert.GreaterOrEqual(t, srv.Hits("GET", "/requests/{}/status"), 9, "every step waited for")

	ctx := context.Background()
	dcs, _, err := srv.Client().Datacenters.List(ctx, ionos.WithDepth(5))
	require.NoError(t, err)
	require.Len(t, dcs, 1)
	s := dcs[0].Entities.Servers.Items[0]
	assert.Len(t, s.Entities.Volumes.Items, 2)
	require.Len(t, s.Entities.NICs.Items, 1)
	nic := s.Entities.NICs.Items[0]
	assert.Equal(t, dcs[0].Entities.LANs.Items[0].ID, nic.Properties.LAN, "the NIC is on the LAN made for it")
	assert.Len(t, nic.Entities.FirewallRules.Items, 1)
}
