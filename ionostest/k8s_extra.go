package ionostest

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strconv"
	"time"
)

// k8sVersions are the Kubernetes versions the fake offers, oldest first.
var k8sVersions = []string{"1.19.16", "1.20.15", "1.21.14", "1.22.17"}

// k8sDefaultVersion is what GET /k8s/versions/default answers.
const k8sDefaultVersion = "1.21.14"

func hK8sVersions(c *rctx) { c.ok(200, slices.Clone(k8sVersions)) }

func hK8sDefaultVersion(c *rctx) { c.ok(200, k8sDefaultVersion) }

// hK8sCompatibilities lists the versions a cluster of a version can run
// node pools of: the same version and the older ones of the same major.
func hK8sCompatibilities(c *rctx) {
	v := c.params[0]
	i := slices.Index(k8sVersions, v)
	if i < 0 {
		c.fail(errNotFound())
		return
	}
	c.ok(200, slices.Clone(k8sVersions[:i+1]))
}

// Nodes are not stored: a node pool has nodeCount of them, with IDs derived
// from the pool's, as long as it exists. Deleting or replacing a node
// answers 202 and the pool keeps its size, as the API rebuilds it.

func nodeID(poolID string, i int) string {
	h := sha1.Sum([]byte(poolID + "/node/" + strconv.Itoa(i)))
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-5" + x[13:16] + "-8" + x[17:20] + "-" + x[20:32]
}

// poolNodes renders the nodes of the node pool at path p, or nil when there
// is no such pool.
func (c *rctx) poolNodes(p string) ([]map[string]any, bool) {
	pool := c.st.node(p)
	if pool == nil || pool.Hidden || pool.Type != "nodepool" {
		return nil, false
	}
	n, _ := toInt(pool.Props["nodeCount"])
	state := "READY"
	if c.now.Before(pool.BusyUntil) {
		state = "PROVISIONING"
	}
	version := str(pool.Props["k8sVersion"])
	if version == "" {
		version = k8sDefaultVersion
	}
	ts := pool.Created.UTC().Format(time.RFC3339)
	out := make([]map[string]any, 0, n)
	for i := 0; i < int(n); i++ {
		id := nodeID(pool.ID, i)
		out = append(out, map[string]any{
			"id": id, "type": "node", "href": c.base + p + "/nodes/" + id,
			"metadata": map[string]any{"etag": pool.Etag, "createdDate": ts, "lastModifiedDate": ts, "lastSoftwareUpdatedDate": ts, "state": state},
			"properties": map[string]any{
				"name":       str(pool.Props["name"]) + "-" + strconv.Itoa(i),
				"publicIP":   "198.51.100." + strconv.Itoa(10+i%240),
				"privateIP":  "10.7.222." + strconv.Itoa(10+i%240),
				"k8sVersion": version,
			},
		})
	}
	return out, true
}

// hK8sNodes lists a node pool's nodes.
func hK8sNodes(c *rctx) {
	p := parentOf(c.path())
	nodes, ok := c.poolNodes(p)
	if !ok {
		c.fail(errNotFound())
		return
	}
	items := make([]any, 0, len(nodes))
	for _, n := range nodes {
		if c.depth == 0 {
			items = append(items, map[string]any{"id": n["id"], "type": "node", "href": n["href"]})
			continue
		}
		items = append(items, n)
	}
	pool := c.st.node(p)
	c.ok(200, map[string]any{"id": pool.ID + "/nodes", "type": "collection", "href": c.base + c.path(), "items": items})
}

// hK8sNode reads (GET) or deletes (DELETE) one node; hK8sNodeReplace
// replaces it. Both writes answer 202 with no request, as the API: on v5
// with an empty object, on v6 with no body (its document declares none).
func hK8sNode(c *rctx) {
	node, ok := c.findNode(parentOf(parentOf(c.path())), lastSeg(c.path()))
	if !ok {
		c.fail(errNotFound())
		return
	}
	if c.r.Method == "DELETE" {
		c.nodeAccepted()
		return
	}
	c.ok(200, node)
}

// nodeAccepted answers a node's delete or replace.
func (c *rctx) nodeAccepted() {
	if c.v6 {
		c.ok(202, nil)
		return
	}
	c.ok(202, map[string]any{})
}

func hK8sNodeReplace(c *rctx) {
	nodePath := parentOf(c.path())
	if _, ok := c.findNode(parentOf(parentOf(nodePath)), lastSeg(nodePath)); !ok {
		c.fail(errNotFound())
		return
	}
	c.nodeAccepted()
}

func (c *rctx) findNode(poolPath, id string) (map[string]any, bool) {
	nodes, ok := c.poolNodes(poolPath)
	if !ok {
		return nil, false
	}
	for _, n := range nodes {
		if n["id"] == id {
			return n, true
		}
	}
	return nil, false
}
