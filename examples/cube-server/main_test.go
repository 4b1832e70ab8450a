package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCubeServerOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, srv.Client(), &out, "de/fra", true))
	s := out.String()
	assert.Contains(t, s, `template "Basic Cube XS": 1 cores, 1024 MB, 30 GB`)
	assert.Contains(t, s, "server cube-1: CUBE, 1 cores, 1024 MB")
	assert.Contains(t, s, "security groups of the server: 1 (ssh-in, 1 rule)")
	assert.Contains(t, s, "suspended: vmState SUSPENDED")
	assert.Contains(t, s, "resumed: vmState RUNNING")
	assert.Contains(t, s, "server token: [redacted] (")
	assert.True(t, strings.HasSuffix(s, "cleaned up\n"), s)
	dcs, _, err := srv.Client().Datacenters.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, dcs, "cleaned up")
}

func TestCubeServerNeedsV6(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithAPIVersion("v5"))
	defer srv.Close()
	err := run(context.Background(), srv.Client(), &bytes.Buffer{}, "de/fra", true)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "v6")
}
