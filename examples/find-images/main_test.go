package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindImagesOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	found, err := findImages(ctx, srv.Client(), "ubuntu", "us/las")
	require.NoError(t, err)
	require.NotEmpty(t, found)
	for _, img := range found {
		assert.Equal(t, "us/las", img.Properties.Location)
		assert.Equal(t, "HDD", img.Properties.ImageType)
		assert.Contains(t, img.Properties.Name, "Ubuntu")
	}
	var out bytes.Buffer
	require.NoError(t, run(ctx, srv.Client(), &out, "no-such-os", "de/fra"))
	assert.Equal(t, "no HDD image named like \"no-such-os\" in de/fra\n", out.String())
}
