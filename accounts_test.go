package ionos

import (
	"context"
	"testing"
)

// TestAccountsRefuseEmptyIDs checks that every operation of the accounts
// family that takes an ID refuses an empty, blank or dot ID, naming the
// parameter, without sending anything.
func TestAccountsRefuseEmptyIDs(t *testing.T) {
	ctx := context.Background()
	g, u, r, k, np, key := umGroupID, umUserID, dcID, k8sID, npID, s3KeyID
	okPool := validNodePool()
	okSpec := BackupUnitSpec{Name: "nightly", Password: "pw", Email: "b@example.com"}
	type op struct {
		name, field string
		call        func(c *Client, bad string) error
	}
	e1 := func(_ any, _ *Response, err error) error { return err }
	e0 := func(_ *Response, err error) error { return err }
	ops := []op{
		{"Groups.Get", "groupID", func(c *Client, b string) error { return e1(c.Groups.Get(ctx, b)) }},
		{"Groups.Update", "groupID", func(c *Client, b string) error { return e1(c.Groups.Update(ctx, b, GroupUpdate{})) }},
		{"Groups.Delete", "groupID", func(c *Client, b string) error { return e0(c.Groups.Delete(ctx, b)) }},
		{"Groups.ListShares", "groupID", func(c *Client, b string) error { return e1(c.Groups.ListShares(ctx, b)) }},
		{"Groups.GetShare/group", "groupID", func(c *Client, b string) error { return e1(c.Groups.GetShare(ctx, b, r)) }},
		{"Groups.GetShare/resource", "resourceID", func(c *Client, b string) error { return e1(c.Groups.GetShare(ctx, g, b)) }},
		{"Groups.AddShare/group", "groupID", func(c *Client, b string) error { return e1(c.Groups.AddShare(ctx, b, r, ShareSpec{})) }},
		{"Groups.AddShare/resource", "resourceID", func(c *Client, b string) error { return e1(c.Groups.AddShare(ctx, g, b, ShareSpec{})) }},
		{"Groups.UpdateShare/group", "groupID", func(c *Client, b string) error { return e1(c.Groups.UpdateShare(ctx, b, r, ShareSpec{})) }},
		{"Groups.UpdateShare/resource", "resourceID", func(c *Client, b string) error { return e1(c.Groups.UpdateShare(ctx, g, b, ShareSpec{})) }},
		{"Groups.RemoveShare/group", "groupID", func(c *Client, b string) error { return e0(c.Groups.RemoveShare(ctx, b, r)) }},
		{"Groups.RemoveShare/resource", "resourceID", func(c *Client, b string) error { return e0(c.Groups.RemoveShare(ctx, g, b)) }},
		{"Groups.ListUsers", "groupID", func(c *Client, b string) error { return e1(c.Groups.ListUsers(ctx, b)) }},
		{"Groups.AddUser/group", "groupID", func(c *Client, b string) error { return e1(c.Groups.AddUser(ctx, b, u)) }},
		{"Groups.AddUser/user", "userID", func(c *Client, b string) error { return e1(c.Groups.AddUser(ctx, g, b)) }},
		{"Groups.RemoveUser/group", "groupID", func(c *Client, b string) error { return e0(c.Groups.RemoveUser(ctx, b, u)) }},
		{"Groups.RemoveUser/user", "userID", func(c *Client, b string) error { return e0(c.Groups.RemoveUser(ctx, g, b)) }},
		{"Users.Get", "userID", func(c *Client, b string) error { return e1(c.Users.Get(ctx, b)) }},
		{"Users.Update", "userID", func(c *Client, b string) error { return e1(c.Users.Update(ctx, b, UserUpdate{})) }},
		{"Users.Delete", "userID", func(c *Client, b string) error { return e0(c.Users.Delete(ctx, b)) }},
		{"Resources.ListByType", "resourceType", func(c *Client, b string) error { return e1(c.Resources.ListByType(ctx, b)) }},
		{"Resources.Get/type", "resourceType", func(c *Client, b string) error { return e1(c.Resources.Get(ctx, b, r)) }},
		{"Resources.Get/id", "resourceID", func(c *Client, b string) error { return e1(c.Resources.Get(ctx, ResourceTypeDatacenter, b)) }},
		{"Kubernetes.GetCluster", "clusterID", func(c *Client, b string) error { return e1(c.Kubernetes.GetCluster(ctx, b)) }},
		{"Kubernetes.UpdateCluster", "clusterID", func(c *Client, b string) error {
			return e1(c.Kubernetes.UpdateCluster(ctx, b, KubernetesClusterUpdate{Name: "k"}))
		}},
		{"Kubernetes.DeleteCluster", "clusterID", func(c *Client, b string) error { return e0(c.Kubernetes.DeleteCluster(ctx, b)) }},
		{"Kubernetes.GetKubeconfig", "clusterID", func(c *Client, b string) error { return e1(c.Kubernetes.GetKubeconfig(ctx, b)) }},
		{"Kubernetes.ListNodePools", "clusterID", func(c *Client, b string) error { return e1(c.Kubernetes.ListNodePools(ctx, b)) }},
		{"Kubernetes.GetNodePool/cluster", "clusterID", func(c *Client, b string) error { return e1(c.Kubernetes.GetNodePool(ctx, b, np)) }},
		{"Kubernetes.GetNodePool/pool", "nodePoolID", func(c *Client, b string) error { return e1(c.Kubernetes.GetNodePool(ctx, k, b)) }},
		{"Kubernetes.CreateNodePool", "clusterID", func(c *Client, b string) error { return e1(c.Kubernetes.CreateNodePool(ctx, b, okPool)) }},
		{"Kubernetes.CreateNodePool/datacenter", "KubernetesNodePoolSpec.DatacenterID", func(c *Client, b string) error {
			s := okPool
			s.DatacenterID = b
			return e1(c.Kubernetes.CreateNodePool(ctx, k, s))
		}},
		{"Kubernetes.UpdateNodePool/cluster", "clusterID", func(c *Client, b string) error {
			return e1(c.Kubernetes.UpdateNodePool(ctx, b, np, KubernetesNodePoolUpdate{NodeCount: 1}))
		}},
		{"Kubernetes.UpdateNodePool/pool", "nodePoolID", func(c *Client, b string) error {
			return e1(c.Kubernetes.UpdateNodePool(ctx, k, b, KubernetesNodePoolUpdate{NodeCount: 1}))
		}},
		{"Kubernetes.DeleteNodePool/cluster", "clusterID", func(c *Client, b string) error { return e0(c.Kubernetes.DeleteNodePool(ctx, b, np)) }},
		{"Kubernetes.DeleteNodePool/pool", "nodePoolID", func(c *Client, b string) error { return e0(c.Kubernetes.DeleteNodePool(ctx, k, b)) }},
		{"Kubernetes.WaitForClusterActive", "clusterID", func(c *Client, b string) error {
			_, err := c.Kubernetes.WaitForClusterActive(ctx, b, k8sFastPoll)
			return err
		}},
		{"Kubernetes.WaitForClusterDeleted", "clusterID", func(c *Client, b string) error {
			return c.Kubernetes.WaitForClusterDeleted(ctx, b, k8sFastPoll)
		}},
		{"Kubernetes.WaitForNodePoolActive/cluster", "clusterID", func(c *Client, b string) error {
			_, err := c.Kubernetes.WaitForNodePoolActive(ctx, b, np, k8sFastPoll)
			return err
		}},
		{"Kubernetes.WaitForNodePoolActive/pool", "nodePoolID", func(c *Client, b string) error {
			_, err := c.Kubernetes.WaitForNodePoolActive(ctx, k, b, k8sFastPoll)
			return err
		}},
		{"Kubernetes.WaitForNodePoolDeleted/cluster", "clusterID", func(c *Client, b string) error {
			return c.Kubernetes.WaitForNodePoolDeleted(ctx, b, np, k8sFastPoll)
		}},
		{"Kubernetes.WaitForNodePoolDeleted/pool", "nodePoolID", func(c *Client, b string) error {
			return c.Kubernetes.WaitForNodePoolDeleted(ctx, k, b, k8sFastPoll)
		}},
		{"CrossConnects.Get", "pccID", func(c *Client, b string) error { return e1(c.CrossConnects.Get(ctx, b)) }},
		{"CrossConnects.Update", "pccID", func(c *Client, b string) error { return e1(c.CrossConnects.Update(ctx, b, CrossConnectUpdate{})) }},
		{"CrossConnects.Delete", "pccID", func(c *Client, b string) error { return e0(c.CrossConnects.Delete(ctx, b)) }},
		{"S3Keys.List", "userID", func(c *Client, b string) error { return e1(c.S3Keys.List(ctx, b)) }},
		{"S3Keys.Get/user", "userID", func(c *Client, b string) error { return e1(c.S3Keys.Get(ctx, b, key)) }},
		{"S3Keys.Get/key", "keyID", func(c *Client, b string) error { return e1(c.S3Keys.Get(ctx, u, b)) }},
		{"S3Keys.Create", "userID", func(c *Client, b string) error { return e1(c.S3Keys.Create(ctx, b)) }},
		{"S3Keys.Update/user", "userID", func(c *Client, b string) error { return e1(c.S3Keys.Update(ctx, b, key, true)) }},
		{"S3Keys.Update/key", "keyID", func(c *Client, b string) error { return e1(c.S3Keys.Update(ctx, u, b, false)) }},
		{"S3Keys.Delete/user", "userID", func(c *Client, b string) error { return e0(c.S3Keys.Delete(ctx, b, key)) }},
		{"S3Keys.Delete/key", "keyID", func(c *Client, b string) error { return e0(c.S3Keys.Delete(ctx, u, b)) }},
		{"S3Keys.SSOURL", "userID", func(c *Client, b string) error { return e1(c.S3Keys.SSOURL(ctx, b)) }},
		{"BackupUnits.Get", "backupUnitID", func(c *Client, b string) error { return e1(c.BackupUnits.Get(ctx, b)) }},
		{"BackupUnits.Update", "backupUnitID", func(c *Client, b string) error { return e1(c.BackupUnits.Update(ctx, b, BackupUnitUpdate{})) }},
		{"BackupUnits.Replace", "backupUnitID", func(c *Client, b string) error { return e1(c.BackupUnits.Replace(ctx, b, okSpec)) }},
		{"BackupUnits.Delete", "backupUnitID", func(c *Client, b string) error { return e0(c.BackupUnits.Delete(ctx, b)) }},
		{"BackupUnits.SSOURL", "backupUnitID", func(c *Client, b string) error { return e1(c.BackupUnits.SSOURL(ctx, b)) }},
	}
	for _, o := range ops {
		for _, bad := range []string{"", "  ", ".."} {
			t.Run(o.name+"/"+map[string]string{"": "empty", "  ": "blank", "..": "dotdot"}[bad], func(t *testing.T) {
				m := newMockAPI(t)
				assertInvalid(t, o.call(m.c, bad), o.field)
				m.none()
			})
		}
	}
}
