package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompositeBuildOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), srv.Client(), &out))
	s := out.String()
	assert.Contains(t, s, `data center "Go SDK Data Center" in us/las: AVAILABLE`)
	assert.Contains(t, s, `LAN 1 "Public LAN" public=true`)
	assert.Contains(t, s, `server "Go SDK Server": 4 cores, 4096 MB RAM, INTEL_XEON`)
	assert.Contains(t, s, `volume "System Volume": 20 GB HDD, ZONE_3`)
	assert.Contains(t, s, `volume "Data Volume": 100 GB SSD`)
	assert.Contains(t, s, `NIC "Public NIC" on LAN 1, 1 firewall rule(s)`)
	assert.Contains(t, s, `NIC "Private NIC" on LAN 2, 0 firewall rule(s)`)
	assert.Equal(t, 1, srv.Hits("POST", "/datacenters"), "one request builds everything")
}
