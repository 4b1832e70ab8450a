package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/ionos-go/ionos/ionostest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUserManagementOnEmulator(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, srv.Client(), &out, false))
	s := out.String()
	assert.Contains(t, s, `group "go-sdk-operators"`)
	assert.Contains(t, s, "user Ada Lovelace <ada.lovelace@example.com>")
	assert.Contains(t, s, "group has 1 member(s) and 1 share(s)")
	assert.Contains(t, s, "edit=true share=false")
	assert.NotContains(t, s, "correct-horse", "the password is never printed")

	users, _, err := srv.Client().Users.List(ctx)
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Equal(t, "ada.lovelace@example.com", users[0].Properties.Email)
}

func TestUserManagementCleanup(t *testing.T) {
	srv := ionostest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, srv.Client(), &out, true))
	groups, _, err := srv.Client().Groups.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, groups)
	users, _, err := srv.Client().Users.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, users)
}
