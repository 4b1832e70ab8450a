package ionostest

import (
	"context"
	"strings"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test: a security group attached to a NIC shows in the NIC's
// answer at depth 1 (and the NIC in the group's), and detaching empties
// both.
func TestSecurityGroupAttachedToNICShowsAtDepth1(t *testing.T) {
	srv := newV6(t, WithStrictBodies())
	_, dcID, serverID, nicID := flowLogNIC(t, srv)
	nicPath := "/datacenters/" + dcID + "/servers/" + serverID + "/nics/" + nicID
	_, sg := call(t, srv, "POST", "/datacenters/"+dcID+"/securitygroups", map[string]any{"properties": map[string]any{"name": "web"}})
	sgID := str(sg["id"])

	resp, out := call(t, srv, "PUT", nicPath+"/securitygroups", map[string]any{"ids": []any{sgID}})
	require.Equal(t, 200, resp.StatusCode)
	items, _ := out["items"].([]any)
	require.Len(t, items, 1)

	_, nic := call(t, srv, "GET", nicPath+"?depth=1", nil)
	ents, _ := nic["entities"].(map[string]any)
	groups, _ := ents["securitygroups"].(map[string]any)
	gi, _ := groups["items"].([]any)
	require.Len(t, gi, 1)
	assert.Equal(t, sgID, str(gi[0].(map[string]any)["id"]))

	c := srv.Client()
	ctx := context.Background()
	g, _, err := c.SecurityGroups.Get(ctx, dcID, sgID, ionos.WithDepth(1))
	require.NoError(t, err)
	require.Len(t, g.Entities.NICs.Items, 1)
	assert.Equal(t, nicID, g.Entities.NICs.Items[0].ID)

	_, _, err = c.SecurityGroups.AttachToNIC(ctx, dcID, serverID, nicID, nil)
	require.NoError(t, err)
	n, _, err := c.NICs.Get(ctx, dcID, serverID, nicID, ionos.WithDepth(1))
	require.NoError(t, err)
	assert.Empty(t, n.Entities.SecurityGroups.Items)
	g, _, err = c.SecurityGroups.Get(ctx, dcID, sgID, ionos.WithDepth(1))
	require.NoError(t, err)
	assert.Empty(t, g.Entities.NICs.Items)

	// A deleted group leaves the server it was attached to.
	_, err = func() (*ionos.Response, error) {
		_, resp, err := c.SecurityGroups.AttachToServer(ctx, dcID, serverID, []string{sgID})
		return resp, err
	}()
	require.NoError(t, err)
	resp2, err := c.SecurityGroups.Delete(ctx, dcID, sgID)
	require.NoError(t, err)
	_, err = c.WaitForCompletion(ctx, resp2)
	require.NoError(t, err)
	s, _, err := c.Servers.Get(ctx, dcID, serverID, ionos.WithDepth(1))
	require.NoError(t, err)
	assert.Empty(t, s.Entities.SecurityGroups.Items)
}

// Referential rules: an unknown group ID is refused with 422, a rule's
// ports keep 1..65535, a group needs a name.
func TestSecurityGroupRules422(t *testing.T) {
	srv := newV6(t)
	_, dcID, serverID, _ := flowLogNIC(t, srv)
	resp, _ := call(t, srv, "PUT", "/datacenters/"+dcID+"/servers/"+serverID+"/securitygroups", map[string]any{"ids": []any{"0d0d0d0d-0000-4000-8000-000000000000"}})
	assert.Equal(t, 422, resp.StatusCode)
	resp, _ = call(t, srv, "PUT", "/datacenters/"+dcID+"/servers/"+serverID+"/securitygroups", map[string]any{})
	assert.Equal(t, 422, resp.StatusCode)
	resp, _ = call(t, srv, "POST", "/datacenters/"+dcID+"/securitygroups", map[string]any{"properties": map[string]any{"description": "x"}})
	assert.Equal(t, 422, resp.StatusCode)
	resp, _ = call(t, srv, "POST", "/datacenters/"+dcID+"/securitygroups", map[string]any{"properties": map[string]any{"name": strings.Repeat("n", 61)}})
	assert.Equal(t, 422, resp.StatusCode)
	_, sg := call(t, srv, "POST", "/datacenters/"+dcID+"/securitygroups", map[string]any{"properties": map[string]any{"name": "web"}})
	resp, _ = call(t, srv, "PATCH", "/datacenters/"+dcID+"/securitygroups/"+str(sg["id"]), map[string]any{"description": strings.Repeat("d", 301)})
	assert.Equal(t, 422, resp.StatusCode)
	rules := "/datacenters/" + dcID + "/securitygroups/" + str(sg["id"]) + "/rules"
	resp, _ = call(t, srv, "POST", rules, map[string]any{"properties": map[string]any{"protocol": "TCP", "portRangeStart": 1, "portRangeEnd": 70000}})
	assert.Equal(t, 422, resp.StatusCode)
	resp, r := call(t, srv, "POST", rules, map[string]any{"properties": map[string]any{"protocol": "TCP", "portRangeStart": 80, "portRangeEnd": 80}})
	require.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "firewall-rule", str(r["type"]))
	resp, _ = call(t, srv, "PATCH", rules+"/"+str(r["id"]), map[string]any{"portRangeStart": 81})
	assert.Equal(t, 422, resp.StatusCode)

}
