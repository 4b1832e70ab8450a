package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKubernetesOnEmulator(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithK8sDelay(300 * time.Millisecond)) // long enough to see DEPLOYING on a loaded machine
	defer srv.Close()
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, srv.Client(), &out, true))
	s := out.String()
	assert.Contains(t, s, "cluster: DEPLOYING")
	assert.Contains(t, s, "cluster: ACTIVE")
	assert.Contains(t, s, "node pool: ACTIVE")
	assert.Contains(t, s, `node pool "pool-1": 2 nodes of 2 cores, 4096 MB`)
	assert.Contains(t, s, "kubeconfig: [redacted] (")
	assert.Contains(t, s, "cluster deletion: gone")
	assert.True(t, strings.HasSuffix(s, "cleaned up\n"))
	clusters, _, err := srv.Client().Kubernetes.ListClusters(ctx)
	require.NoError(t, err)
	assert.Empty(t, clusters)
}
