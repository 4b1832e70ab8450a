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

func TestReserveIPBlockOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, srv.Client(), &out, "de/fra", 3, true))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], "in de/fra: ")
	assert.Len(t, strings.Fields(strings.SplitN(lines[0], ": ", 2)[1]), 3, "three IPs")
	assert.True(t, strings.HasPrefix(lines[1], "released "))
	blocks, _, err := srv.Client().IPBlocks.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, blocks, "the block was released")
}
