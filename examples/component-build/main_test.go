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

func TestComponentBuildOnEmulator(t *testing.T) {
	srv := ionostest.NewServer(ionostest.WithCompletionDelay(20 * time.Millisecond))
	defer srv.Close()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), srv.Client(), &out))
	s := out.String()
	assert.Equal(t, 9, strings.Count(s, "DONE"), "nine steps, each waited for:\n%s", s)
	assert.Contains(t, s, `server "Go SDK Server" has 2 volume(s) and 1 NIC(s); NIC "Public NIC" has 1 firewall rule(s)`)
	assert.Equal(t, 2, srv.Hits("POST", "/datacenters/{}/servers/{}/volumes"))
}
