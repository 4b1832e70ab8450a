package ionostest

import (
	"net/url"
	"slices"
	"strings"
	"time"
)

// Labels: key/value pairs on data centers, servers, volumes, snapshots and
// IP blocks. Unlike other writes they take effect at once and answer with
// the label, not with a request.

// labelled are the types that carry labels.
var labelled = map[string]bool{"datacenter": true, "server": true, "volume": true, "snapshot": true, "ipblock": true, "image": true}

// labelURN is the API's identifier of a label across resources.
func labelURN(n *node, key string) string {
	return "urn:label:" + n.Type + ":" + n.ID + ":" + key
}

// labelOwner returns the resource whose labels path p (".../labels" or
// ".../labels/{key}") addresses.
func (c *rctx) labelOwner(p string) *node {
	i := strings.LastIndex(p, "/labels")
	if i < 0 {
		return nil
	}
	n := c.st.node(p[:i])
	if n == nil || n.Hidden || !labelled[n.Type] {
		return nil
	}
	return n
}

func (c *rctx) labelResource(n *node, key string) map[string]any {
	ts := n.Modified.UTC().Format(time.RFC3339)
	return map[string]any{
		"id":   key,
		"type": "label",
		"href": c.base + n.Path + "/labels/" + url.PathEscape(key),
		"metadata": map[string]any{
			"etag": n.Etag, "createdDate": ts, "createdBy": c.s.cfg.user, "createdByUserId": c.s.owner,
			"lastModifiedDate": ts, "lastModifiedBy": c.s.cfg.user, "lastModifiedByUserId": c.s.owner,
		},
		"properties": map[string]any{"key": key, "value": n.Labels[key]},
	}
}

func (c *rctx) labelGlobal(n *node, key string) map[string]any {
	urn := labelURN(n, key)
	return map[string]any{
		"id":   urn,
		"type": "label",
		"href": c.base + "/labels/" + urn,
		"properties": map[string]any{
			"key": key, "value": n.Labels[key],
			"resourceId": n.ID, "resourceType": n.Type, "resourceHref": c.base + n.Path,
		},
	}
}

// hLabelsAll lists every label of every resource (GET /labels).
func hLabelsAll(c *rctx) {
	paths := make([]string, 0, len(c.st.Nodes))
	for p, n := range c.st.Nodes {
		if len(n.Labels) > 0 && !n.Hidden {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	items := []any{}
	for _, p := range paths {
		n := c.st.Nodes[p]
		for _, k := range sortedKeys(n.Labels) {
			items = append(items, c.labelGlobal(n, k))
		}
	}
	c.ok(200, map[string]any{"id": "labels", "type": "collection", "href": c.base + "/labels", "items": items})
}

// hLabelByURN reads one label by its URN (GET /labels/{urn}).
func hLabelByURN(c *rctx) {
	urn := c.params[0]
	parts := strings.SplitN(urn, ":", 5)
	if len(parts) != 5 || parts[0] != "urn" || parts[1] != "label" {
		c.fail(errNotFound())
		return
	}
	typ, id, key := parts[2], parts[3], parts[4]
	for _, n := range c.st.Nodes {
		if n.Type == typ && n.ID == id && !n.Hidden {
			if _, ok := n.Labels[key]; ok {
				c.ok(200, c.labelGlobal(n, key))
				return
			}
		}
	}
	c.fail(errNotFound())
}

// hLabels lists (GET) or adds (POST) the labels of one resource.
func hLabels(c *rctx) {
	n := c.labelOwner(c.path())
	if n == nil {
		c.fail(errNotFound())
		return
	}
	if c.r.Method == "GET" {
		keys := sortedKeys(n.Labels)
		total := len(keys)
		lo := min(c.offset, total)
		hi := min(lo+c.limit, total)
		items := []any{}
		for _, k := range keys[lo:hi] {
			items = append(items, c.labelResource(n, k))
		}
		links := map[string]any{"self": c.pageLink(c.path(), c.offset)}
		if hi < total {
			links["next"] = c.pageLink(c.path(), hi)
		}
		c.ok(200, map[string]any{"id": n.ID + "/labels", "type": "collection", "href": c.base + c.path(),
			"items": items, "offset": c.offset, "limit": c.limit, "_links": links})
		return
	}
	key, value, e := c.labelBody("")
	if e != nil {
		c.fail(e)
		return
	}
	if _, ok := n.Labels[key]; ok {
		c.fail(errInvalid("Label with key '%s' already exists", key))
		return
	}
	c.setLabel(n, key, value)
	c.ok(201, c.labelResource(n, key))
}

// hLabel reads (GET), sets (PUT) or removes (DELETE) one label.
func hLabel(c *rctx) {
	n := c.labelOwner(c.path())
	if n == nil {
		c.fail(errNotFound())
		return
	}
	key := lastSeg(c.path())
	if k, err := url.PathUnescape(key); err == nil {
		key = k
	}
	_, exists := n.Labels[key]
	switch c.r.Method {
	case "GET":
		if !exists {
			c.fail(errNotFound())
			return
		}
		c.ok(200, c.labelResource(n, key))
	case "PUT":
		_, value, e := c.labelBody(key)
		if e != nil {
			c.fail(e)
			return
		}
		c.setLabel(n, key, value)
		c.ok(200, c.labelResource(n, key))
	case "DELETE":
		if !exists {
			c.fail(errNotFound())
			return
		}
		delete(n.Labels, key)
		n.Modified = c.now
		c.changed = true
		c.ok(200, nil)
	}
}

// labelBody reads {"properties": {"key", "value"}}; pathKey, when set, is
// the key the path names, which the body may repeat but not contradict.
func (c *rctx) labelBody(pathKey string) (key, value string, e *apiErr) {
	var body map[string]any
	if e := c.decode(&body); e != nil {
		return "", "", e
	}
	props, ok := body["properties"].(map[string]any)
	if !ok {
		return "", "", errRequired("properties")
	}
	k, kok := props["key"].(string)
	v, vok := props["value"].(string)
	if props["key"] != nil && !kok || props["value"] != nil && !vok {
		return "", "", errInvalid("Attributes 'key' and 'value' must be strings")
	}
	if pathKey != "" {
		if k != "" && k != pathKey {
			return "", "", errInvalid("Attribute 'key' does not match the key in the URL")
		}
		k = pathKey
	}
	if k == "" {
		return "", "", errRequired("key")
	}
	if props["value"] == nil {
		return "", "", errRequired("value")
	}
	return k, v, nil
}

func (c *rctx) setLabel(n *node, key, value string) {
	if n.Labels == nil {
		n.Labels = map[string]string{}
	}
	n.Labels[key] = value
	n.Modified = c.now
	c.changed = true
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
