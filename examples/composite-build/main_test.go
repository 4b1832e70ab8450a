package main

import (
	"context"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompositeBuildOnEmulator runs the program as it is (a failure ends it
// with log.Fatal, which fails the test) and checks what it built.
func TestCompositeBuildOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	t.Setenv("IONOS_API_URL", srv.URL)
	for _, k := range []string{"IONOS_USERNAME", "IONOS_PASSWORD", "IONOS_TOKEN", "IONOS_CONTRACT_NUMBER", "IONOS_EMULATE"} {
		t.Setenv(k, "")
	}
	main()
	assert.Equal(t, 1, srv.Hits("POST", "/datacenters"), "one request builds everything")

	dcs, _, err := srv.Client().Datacenters.List(context.Background(), ionos.WithDepth(5))
	require.NoError(t, err)
	require.Len(t, dcs, 1)
	dc := dcs[0]
	assert.Equal(t, "Go SDK Data Center", dc.Properties.Name)
	require.NotEmpty(t, dc.Entities.LANs.Items)
	assert.True(t, dc.Entities.LANs.Items[0].Properties.Public)
	s := dc.Entities.Servers.Items[0]
	assert.Equal(t, ionos.CPUFamilyIntelXeon, s.Properties.CPUFamily)
	require.Len(t, s.Entities.Volumes.Items, 2)
	require.Len(t, s.Entities.NICs.Items, 2)
	rules := 0
	for _, n := range s.Entities.NICs.Items {
		rules += len(n.Entities.FirewallRules.Items)
	}
	assert.Equal(t, 1, rules)
}
