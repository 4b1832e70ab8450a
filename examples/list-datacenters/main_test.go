package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestListDatacentersOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	for _, name := range []string{"alpha", "beta"} {
		_, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: name, Location: "de/fra"})
		require.NoError(t, err)
		_, err = c.WaitForCompletion(ctx, resp)
		require.NoError(t, err)
	}
	var out bytes.Buffer
	require.NoError(t, run(ctx, c, &out))
	assert.Contains(t, out.String(), "\tde/fra\tAVAILABLE\talpha\n")
	assert.Contains(t, out.String(), "\tde/fra\tAVAILABLE\tbeta\n")
	assert.Contains(t, out.String(), "2 data center(s)\n")
}
