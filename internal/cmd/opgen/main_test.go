package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "schema_gen.go")
	require.NoError(t, run("../../../api", out, []string{"schemas"}))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("../../../ionostest/schema_gen.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	assert.ErrorContains(t, run("../../../api", out, nil), "want one argument")
	assert.ErrorContains(t, run("../../../api", out, []string{"routes"}), "unknown output")
	assert.Error(t, run(t.TempDir(), out, []string{"operations"}), "no documents")
}
