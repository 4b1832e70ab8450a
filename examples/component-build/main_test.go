package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestComponentBuildOnEmulator(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithCompletionDelay(20 * time.Millisecond))
	defer srv.Close()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), srv.Client(), &out))
	assert.Equal(t, "server \"Go SDK Server\" has 2 volume(s) and 1 NIC(s)\n", out.String())
	for path, n := range map[string]int{
		"/datacenters": 1, "/datacenters/{}/lans": 1, "/datacenters/{}/servers": 1,
		"/datacenters/{}/volumes": 2, "/datacenters/{}/servers/{}/volumes": 2,
	} {
		assert.Equal(t, n, srv.Hits("POST", path), path)
	}
	assert.GreaterOrEqual(t, srv.Hits("GET", "/requests/{}/status"), 7, "every step waited for")
}
