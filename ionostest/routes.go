package ionostest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// rctx is one request being handled (under Server.mu).
type rctx struct {
	s        *Server
	st       *state
	r        *http.Request
	w        http.ResponseWriter
	rt       *route
	now      time.Time
	rel      string
	base     string
	params   []string
	raw      []byte
	depth    int
	depthSet bool
	offset   int
	limit    int
	pageSet  bool

	status   int
	reply    any
	err      *apiErr
	location string
	changed  bool

	// v6: the request came in under BasePathV6 and gets v6's behaviour.
	v6 bool
	// rawReply, when set, is sent as it is with rawType (a kubeconfig file).
	rawReply []byte
	rawType  string
}

type handler func(c *rctx)

type route struct {
	pattern string
	segs    []string
	page    int // default limit when the list is paginated; 0 if not
	methods map[string]handler
}

func (s *Server) match(rel string) (*route, []string) {
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	if rel == "/" {
		segs = nil
	}
	var best *route
	var bestParams []string
	bestLit := -1
	for _, rt := range s.routes {
		if len(rt.segs) != len(segs) {
			continue
		}
		lit, ok := 0, true
		var params []string
		for i, p := range rt.segs {
			if p == "{}" {
				if segs[i] == "" {
					ok = false
					break
				}
				params = append(params, segs[i])
				continue
			}
			if p != segs[i] {
				ok = false
				break
			}
			lit++
		}
		if ok && lit > bestLit {
			best, bestParams, bestLit = rt, params, lit
		}
	}
	return best, bestParams
}

func (c *rctx) parseQuery() *apiErr {
	q := c.r.URL.Query()
	if v := q.Get("depth"); v != "" {
		d, err := strconv.Atoi(v)
		if err != nil || d < 0 || d > 10 {
			return errInvalid("Query parameter 'depth' must be an integer from 0 to 10")
		}
		c.depth, c.depthSet = d, true
	}
	c.limit = c.rt.page
	if v := q.Get("offset"); v != "" {
		o, err := strconv.Atoi(v)
		if err != nil || o < 0 {
			return errInvalid("Query parameter 'offset' must be a non-negative integer")
		}
		c.offset, c.pageSet = o, true
	}
	if v := q.Get("limit"); v != "" {
		l, err := strconv.Atoi(v)
		max := 10000
		if c.rt.page == 100 {
			max = 1000
			if strings.HasPrefix(c.rt.pattern, "/um/") {
				max = 100
			}
			if c.rt.pattern == "/targetgroups" {
				max = targetGroupsMaxPage
			}
		}
		if err != nil || l < 1 || l > max {
			return errInvalid("Query parameter 'limit' must be an integer from 1 to %d", max)
		}
		c.limit, c.pageSet = l, true
	}
	return nil
}

func (c *rctx) fail(e *apiErr) { c.err = e }

func (c *rctx) ok(status int, body any) { c.status, c.reply = status, body }

// path is the request path relative to the base URL, without a trailing slash.
func (c *rctx) path() string { return strings.TrimRight(c.rel, "/") }

// ---- rendering ----

func (c *rctx) ref(n *node) map[string]any {
	return map[string]any{"id": n.ID, "type": wireType(n.Type), "href": c.base + n.Path}
}

func (c *rctx) metadata(n *node) map[string]any {
	if n.Type == "resource" || n.Type == "group" {
		return nil
	}
	ts := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	m := map[string]any{
		"etag":        n.Etag,
		"createdDate": ts(n.Created),
		"state":       n.stateAt(c.now),
	}
	switch n.Type {
	case "user": // UserMetadata
		delete(m, "state")
		m["lastLogin"] = nil
		return m
	case "s3key": // S3KeyMetadata
		delete(m, "state")
		return m
	}
	if n.Type == "location" {
		return nil
	}
	m["createdBy"] = c.s.cfg.user
	m["createdByUserId"] = c.s.owner
	m["lastModifiedDate"] = ts(n.Modified)
	m["lastModifiedBy"] = c.s.cfg.user
	m["lastModifiedByUserId"] = c.s.owner
	if n.Type == "image" && n.Props["public"] == true {
		m["createdBy"], m["lastModifiedBy"] = "System", "System"
	}
	return m
}

func (c *rctx) props(n *node) map[string]any {
	p := make(map[string]any, len(n.Props)+4)
	for k, v := range n.Props {
		p[k] = deepCopy(v)
	}
	for _, k := range hiddenProps[n.Type] {
		delete(p, k)
	}
	// As the API: a server being created has no vmState yet, a snapshot
	// being taken no size.
	busy := c.now.Before(n.BusyUntil)
	switch {
	case n.Type == "server" && p["vmState"] == nil && !busy:
		p["vmState"] = "RUNNING"
	case n.Type == "snapshot" && busy && n.Created.Equal(n.Modified):
		p["size"] = nil
	}
	switch n.Type {
	case "volume":
		// The bus and the LUN belong to an attachment: null while the
		// volume is attached to no server.
		if !c.st.attached(n) {
			p["bus"], p["deviceNumber"] = nil, nil
		}
		for _, k := range volumeHotPlug { // false unless set, also after a PUT
			if p[k] == nil {
				p[k] = false
			}
		}
	case "ipblock":
		p["ipConsumers"] = c.ipConsumers(n)
	}
	for _, k := range nullProps[n.Type] {
		if _, ok := p[k]; !ok && !(c.v6 && n.Type == "nic" && k == "nat") { // v6 NICs have no nat
			p[k] = nil
		}
	}
	for _, k := range []string{"bootVolume", "bootCdrom"} {
		if ref, ok := p[k].(map[string]any); ok {
			p[k] = map[string]any{"id": ref["id"], "type": ref["type"], "href": c.base + str(ref["path"])}
		}
	}
	return p
}

// resource renders n at depth d, as the API documents depth: d 0 has no
// entities; d 1 has entities with references; d 2 has the children's
// properties (and references to the grandchildren); d 3 the grandchildren's
// properties, and so on.
func (c *rctx) resource(n *node, d int) map[string]any {
	out := c.ref(n)
	if m := c.metadata(n); m != nil {
		out["metadata"] = m
	}
	out["properties"] = c.props(n)
	if ents := c.entitiesOf(n.Type); len(ents) > 0 && d >= 1 {
		e := map[string]any{}
		for _, name := range ents {
			e[name] = c.collection(n.Path+"/"+name, n.ID+"/"+name, c.st.kids(n, name), d-1, false)
		}
		out["entities"] = e
	}
	return out
}

// item renders a collection item at a level: 0 is a reference, more is the
// resource at that depth.
func (c *rctx) item(n *node, level int) map[string]any {
	if level <= 0 {
		return c.ref(n)
	}
	return c.resource(n, level)
}

func (c *rctx) collection(path, id string, kids []string, level int, paginate bool) map[string]any {
	nodes := make([]*node, 0, len(kids))
	for _, k := range kids {
		if n := c.st.Nodes[k]; n != nil {
			nodes = append(nodes, n)
		}
	}
	out := map[string]any{"id": id, "type": "collection", "href": c.base + path}
	if paginate {
		total := len(nodes)
		lo := min(c.offset, total)
		hi := min(lo+c.limit, total)
		nodes = nodes[lo:hi]
		out["offset"], out["limit"] = c.offset, c.limit
		links := map[string]any{"self": c.pageLink(path, c.offset)}
		if c.offset > 0 {
			links["prev"] = c.pageLink(path, max(0, c.offset-c.limit))
		}
		if hi < total {
			links["next"] = c.pageLink(path, hi)
		}
		out["_links"] = links
	}
	shaped := c.resourceShaped(path)
	items := make([]any, 0, len(nodes))
	for _, n := range nodes {
		if shaped && level > 0 {
			items = append(items, c.asResource(n))
			continue
		}
		items = append(items, c.item(n, level))
	}
	out["items"] = items
	return out
}

// resourceShaped reports whether the items of the collection at path are
// rendered as the spec's Resource (id, type, href, metadata, properties
// {name, secAuthProtection}) rather than as themselves: a group's
// resources, a user's owned resources, and the top-level list of a user's
// groups (the spec's ResourceGroups; as an entity of a user they are Groups).
func (c *rctx) resourceShaped(path string) bool {
	switch p := parentOf(path); {
	case !strings.HasPrefix(p, "/um/"):
		return false
	case strings.HasSuffix(path, "/resources"), strings.HasSuffix(path, "/owns"):
		return strings.HasPrefix(p, "/um/groups/") || strings.HasPrefix(p, "/um/users/")
	case strings.HasSuffix(path, "/groups"):
		return strings.HasPrefix(p, "/um/users/") && c.path() == path
	}
	return false
}

// asResource renders n as the spec's Resource.
func (c *rctx) asResource(n *node) map[string]any {
	out := c.ref(n)
	if m := c.metadata(n); m != nil {
		out["metadata"] = m
	}
	out["properties"] = map[string]any{"name": n.Props["name"], "secAuthProtection": n.Props["secAuthProtection"] == true}
	return out
}

func (c *rctx) pageLink(path string, offset int) string {
	q := c.r.URL.Query()
	q.Set("offset", strconv.Itoa(offset))
	q.Set("limit", strconv.Itoa(c.limit))
	return c.base + path + "?" + q.Encode()
}

// writeDepth is the depth a write's answer is rendered at.
func (c *rctx) writeDepth(def int) int {
	if c.depthSet {
		return c.depth
	}
	return def
}

// ---- generic handlers ----

// hList lists an entity of the parent node: the path is parent/entity.
func hList(c *rctx) {
	p := c.path()
	parent := c.st.node(parentOf(p))
	if parent == nil {
		c.fail(errNotFound())
		return
	}
	entity := lastSeg(p)
	id := entity
	if parent.ID != "" {
		id = parent.ID + "/" + entity
	}
	c.ok(200, c.collection(p, id, c.st.kids(parent, entity), c.depth, c.rt.page > 0))
}

func hGet(c *rctx) {
	n := c.st.node(c.path())
	if n == nil || n.Hidden {
		c.fail(errNotFound())
		return
	}
	c.ok(200, c.resource(n, c.depth))
}

// hGetRef reads a referenced child: parent/entity/id.
func hGetRef(c *rctx) {
	p := c.path()
	parent := c.st.node(parentOf(parentOf(p)))
	if parent == nil {
		c.fail(errNotFound())
		return
	}
	id := lastSeg(p)
	for _, k := range c.st.kids(parent, lastSeg(parentOf(p))) {
		if lastSeg(k) == id {
			if n := c.st.Nodes[k]; n != nil {
				c.ok(200, c.resource(n, c.depth))
				return
			}
		}
	}
	c.fail(errNotFound())
}

// hUnlink detaches a referenced child when its request is DONE.
func hUnlink(c *rctx) {
	p := c.path()
	parent := c.st.node(parentOf(parentOf(p)))
	if parent == nil {
		c.fail(errNotFound())
		return
	}
	entity, id := lastSeg(parentOf(p)), lastSeg(p)
	for _, k := range parent.Kids[entity] {
		if lastSeg(k) == id {
			t := c.begin()
			t.touch(parent)
			t.targets = append(t.targets, parent)
			req := c.finish(t)
			if !req.Failed {
				c.st.Pending = append(c.st.Pending, &pendingOp{Due: t.done, Op: "unlink", Path: parent.Path, Entity: entity, Target: k})
			}
			c.ok(202, nil)
			return
		}
	}
	c.fail(errNotFound())
}

// hDelete deletes a resource when its request is DONE.
func hDelete(c *rctx) {
	n := c.st.node(c.path())
	if n == nil || n.Hidden {
		c.fail(errNotFound())
		return
	}
	t := c.begin()
	if n.Type == "k8s" || n.Type == "nodepool" {
		t.busy = "DESTROYING"
	}
	t.touch(n)
	t.targets = append(t.targets, n)
	c.touchDC(t, n.Path)
	var alsoVolumes []string
	if c.v6 && n.Type == "server" && c.r.URL.Query().Get("deleteVolumes") == "true" {
		// v6: the server's attached volumes go with it.
		for _, vp := range n.Kids["volumes"] {
			if v := c.st.Nodes[vp]; v != nil {
				t.touch(v)
				t.targets = append(t.targets, v)
				alsoVolumes = append(alsoVolumes, vp)
			}
		}
	}
	req := c.finish(t)
	if req == nil || !req.Failed {
		c.st.Pending = append(c.st.Pending, &pendingOp{Due: t.done, Op: "delete", Path: n.Path})
		for _, vp := range alsoVolumes {
			c.st.Pending = append(c.st.Pending, &pendingOp{Due: t.done, Op: "delete", Path: vp})
		}
	}
	c.ok(202, nil)
}

// hPatch merges flat properties.
func hPatch(c *rctx) {
	n := c.st.node(c.path())
	if n == nil || n.Hidden {
		c.fail(errNotFound())
		return
	}
	var body map[string]any
	if e := c.decode(&body); e != nil {
		c.fail(e)
		return
	}
	if e := c.checkProps(n.Type, body, false); e != nil {
		c.fail(e)
		return
	}
	c.update(n, body, false)
}

// hPut replaces the writable properties with body.properties.
func hPut(c *rctx) {
	n := c.st.node(c.path())
	if n == nil || n.Hidden {
		c.fail(errNotFound())
		return
	}
	var body map[string]any
	if e := c.decode(&body); e != nil {
		c.fail(e)
		return
	}
	props, ok := body["properties"].(map[string]any)
	if !ok {
		if _, present := body["properties"]; present {
			c.fail(errInvalid("Attribute 'properties' has an invalid type: expected object"))
		} else {
			c.fail(errRequired("properties"))
		}
		return
	}
	req, ok := putRequired[n.Type]
	if !ok {
		req = c.required(n.Type, props)
	}
	if e := c.checkPropsReq(n.Type, props, req); e != nil {
		c.fail(e)
		return
	}
	if keep, ok := putReplaces[n.Type]; ok {
		keep = append(slices.Clone(keep), putKeeps[n.Type]...)
		for k := range props {
			if !slices.Contains(keep, k) && k != "password" {
				delete(props, k)
			}
		}
	}
	c.update(n, props, true)
}

func (c *rctx) update(n *node, props map[string]any, replace bool) {
	t := c.begin()
	if n.Type == "k8s" || n.Type == "nodepool" {
		t.busy = "UPDATING"
	}
	t.change(n)
	if replace {
		keys := putReplaces[n.Type]
		if keys == nil {
			for k := range c.schema(n.Type) {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			if _, keep := props[k]; !keep && k != "location" && !slices.Contains(putKeeps[n.Type], k) {
				delete(n.Props, k)
			}
		}
	}
	if e := c.applyProps(t, n, props); e != nil {
		c.st.rollback(t.undo)
		c.fail(e)
		return
	}
	t.targets = append(t.targets, n)
	c.touchDC(t, n.Path)
	c.finish(t)
	status := 202
	if n.Type == "k8s" && replace && !c.v6 {
		status = 200 // as the v5 spec declares for PUT /k8s/{id}; v6 answers 202
	}
	c.ok(status, c.resource(n, c.writeDepth(1)))
}

// applyProps checks and stores properties of an existing node (update).
func (c *rctx) applyProps(t *tx, n *node, props map[string]any) *apiErr {
	for k, v := range props {
		switch {
		case n.Type == "server" && (k == "bootVolume" || k == "bootCdrom"):
			ref, e := c.bootRef(n, k, v)
			if e != nil {
				return e
			}
			n.Props[k] = ref
			if k == "bootCdrom" && !slices.Contains(n.Kids["cdroms"], str(ref["path"])) {
				t.link(n, "cdroms", str(ref["path"]))
			}
		case n.Type == "datacenter" && k == "location" && str(v) != str(n.Props["location"]):
			return errInvalid("Attribute 'location' cannot be changed")
		case n.Type == "server" && k == "ram":
			if e := checkRAM(v); e != nil {
				return e
			}
			n.Props[k] = v
		case n.Type == "volume" && k == "size":
			old, _ := toFloat(n.Props["size"])
			nw, _ := toFloat(v)
			if nw < old {
				return errInvalid("Attribute 'size' cannot be decreased")
			}
			n.Props[k] = v
		default:
			n.Props[k] = v
		}
	}
	if n.Type == "datacenter" {
		if v, ok := toInt(n.Props["version"]); ok {
			n.Props["version"] = v + 1
		}
	}
	return nil
}

// touchDC marks the data center containing p busy too.
func (c *rctx) touchDC(t *tx, p string) {
	if !strings.HasPrefix(p, "/datacenters/") {
		return
	}
	segs := strings.SplitN(p, "/", 4)
	if len(segs) >= 3 {
		if dc := c.st.Nodes["/datacenters/"+segs[2]]; dc != nil && dc.Path != p {
			t.touch(dc)
		}
	}
}

// decode parses a JSON object body. Invalid JSON is a 400; a body that is
// hCreateWithRules is the handler of a create under a data center whose
// body may carry rules in entities.rules (NAT gateways, security groups):
// check vets the body before anything is made, built (when non-nil) the new
// resource, and rule makes each rule. The answer shows the rules at
// ruleDepth when there are any.
func hCreateWithRules(typ string, check func(c *rctx, body map[string]any) *apiErr,
	built func(c *rctx, dc, n *node, props map[string]any) *apiErr,
	rule func(c *rctx, t *tx, parent *node, body map[string]any) (*node, *apiErr), ruleDepth int) handler {
	return func(c *rctx) {
		dc, body, ok := c.parentAndBody()
		if !ok {
			return
		}
		if e := check(c, body); e != nil {
			c.fail(e)
			return
		}
		t := c.begin()
		n, e := c.build(t, dc, typ, body)
		if e == nil && built != nil {
			e = built(c, dc, n, n.Props)
		}
		rules, ie := items(body, "rules")
		e = cmpErr(e, ie)
		for _, it := range rules {
			if e != nil {
				break
			}
			_, e = rule(c, t, n, it)
		}
		if e != nil {
			c.st.rollback(t.undo)
			c.fail(e)
			return
		}
		t.targets = append(t.targets, n)
		c.touchDC(t, n.Path)
		c.finish(t)
		depth := 1
		if len(rules) > 0 {
			depth = ruleDepth
		}
		c.ok(http.StatusAccepted, c.resource(n, c.writeDepth(depth)))
	}
}

// hCreateUnder is the handler of a create that build makes of the body
// under the resource the path is below (a gateway's rule, a security
// group's rule), answered with status and the new resource.
func hCreateUnder(status int, build func(c *rctx, t *tx, parent *node, body map[string]any) (*node, *apiErr)) handler {
	return func(c *rctx) {
		parent, body, ok := c.parentAndBody()
		if !ok {
			return
		}
		t := c.begin()
		n, e := build(c, t, parent, body)
		if e != nil {
			c.st.rollback(t.undo)
			c.fail(e)
			return
		}
		t.targets = append(t.targets, n)
		c.touchDC(t, n.Path)
		c.finish(t)
		c.ok(status, c.resource(n, c.writeDepth(1)))
	}
}

// parentAndBody returns the resource the request's path is directly below
// and the request's JSON body; when there is no such resource (404) or no
// valid body, it answers so and returns ok false.
func (c *rctx) parentAndBody() (parent *node, body map[string]any, ok bool) {
	if parent = c.st.node(parentOf(c.path())); parent == nil {
		c.fail(errNotFound())
		return nil, nil, false
	}
	if e := c.decode(&body); e != nil {
		c.fail(e)
		return nil, nil, false
	}
	return parent, body, true
}

// not an object a 422.
func (c *rctx) decode(out *map[string]any) *apiErr {
	raw := bytes.TrimSpace(c.raw)
	if len(raw) == 0 {
		return errInvalid("The request body is missing")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return &apiErr{400, "100", "The request body includes invalid JSON"}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return errInvalid("The request body must be a JSON object")
	}
	*out = m
	return nil
}

// checkProps checks the kind (and enum) of each property against the spec,
// coerces strings that hold a valid number or boolean where the spec wants
// one (see coerce.go), drops unknown and read-only ones and nulls, and, when
// required is set, the required attributes.
func (c *rctx) checkProps(typ string, props map[string]any, required bool) *apiErr {
	var req []string
	if required {
		req = c.required(typ, props)
	}
	return c.checkPropsReq(typ, props, req)
}

// checkPropsReq is checkProps with an explicit list of required attributes.
func (c *rctx) checkPropsReq(typ string, props map[string]any, req []string) *apiErr {
	spec := c.schema(typ)
	for k, v := range props {
		ps, ok := spec[k]
		if !ok && c.s.cfg.strict {
			return errInvalid("Attribute '%s' is not a writable property of %s in the API's schema", k, typ)
		}
		if !ok || v == nil {
			delete(props, k)
			continue
		}
		if s, isStr := v.(string); isStr && ps.kind != "string" {
			c, ok := coerceScalar(ps.kind, s)
			if ok {
				props[k], v = c, c
			} else if ps.kind == "integer" || ps.kind == "number" || ps.kind == "boolean" {
				return errInvalid("Attribute '%s' has an invalid value '%s': expected %s", k, s, ps.kind)
			}
		}
		good := true
		switch ps.kind {
		case "string":
			s, isStr := v.(string)
			good = isStr
			if good && len(ps.enum) > 0 && !slices.Contains(ps.enum, s) {
				return errInvalid("Attribute '%s' has an invalid value '%s': expected one of %s", k, s, strings.Join(ps.enum, ", "))
			}
		case "integer":
			_, good = toInt(v)
		case "number":
			_, good = toFloat(v)
		case "boolean":
			_, good = v.(bool)
		case "array":
			_, good = v.([]any)
		case "object":
			_, good = v.(map[string]any)
		}
		if typ == "server" && k == "bootCdrom" {
			_, isStr := v.(string)
			good = good || isStr
		}
		if !good {
			return errInvalid("Attribute '%s' has an invalid type: expected %s", k, ps.kind)
		}
	}
	if e := coerceNested(typ, props); e != nil {
		return e
	}
	for _, r := range req {
		if _, ok := props[r]; !ok {
			return errRequired(r)
		}
	}
	return nil
}

// putRequired overrides requiredProps for PUT where the spec's *ForPut
// schema differs.
var putRequired = map[string][]string{
	"nodepool": {"nodeCount"},
	"user":     {},
}

// putReplaces lists the properties a PUT replaces where not every writable
// one can change (the rest are kept).
var putReplaces = map[string][]string{
	"nodepool": {"nodeCount", "maintenanceWindow", "autoScaling", "lans", "labels", "annotations", "publicIps"},
	"user":     {"firstname", "lastname", "email", "administrator", "forceSecAuth"},
}

// putKeeps lists the properties a PUT keeps when its body leaves them out,
// as the API does for what is fixed at creation: a volume's image, licence
// and write-only secrets, a cluster's and a node pool's Kubernetes version
// and a node pool's name (which a PUT that names them may still change).
var putKeeps = map[string][]string{
	"k8s":      {"k8sVersion"},
	"nodepool": {"name", "k8sVersion"},
	"volume":   {"licenceType", "image", "imageAlias", "backupunitId", "userData", "sshKeys", "imagePassword", "availabilityZone"},
}

// requiredProps are the attributes a create (or PUT) must have.
var requiredProps = map[string][]string{
	"datacenter":    {"location"},
	"server":        {"cores", "ram"},
	"volume":        {"size"},
	"nic":           {"lan"},
	"firewall-rule": {"protocol"},
	"ipblock":       {"location", "size"},
	"group":         {"name"},
	"user":          {"firstname", "lastname", "email"},
	"k8s":           {"name"},
	"nodepool":      {"name", "datacenterId", "nodeCount", "cpuFamily", "coresCount", "ramSize", "availabilityZone", "storageType", "storageSize"},
	"backupunit":    {"name"},
}

// ---- requests ----

// begin starts the transaction of a write.
func (c *rctx) begin() *tx {
	c.s.ctl.Lock()
	q, r := c.s.delayQueued, c.s.delayRun
	k := c.s.k8sDelay
	c.s.ctl.Unlock()
	t := &tx{st: c.st, now: c.now, busy: "BUSY", done: c.now.Add(q + r)}
	if strings.HasPrefix(c.path(), "/k8s") {
		t.busy, t.done = "DEPLOYING", c.now.Add(k)
	}
	return t
}

// finish records the write's request (none for Kubernetes) and sets the
// Location header. A request chosen to fail has its changes undone when it
// turns FAILED.
func (c *rctx) finish(t *tx) *apiRequest {
	c.changed = true
	if strings.HasPrefix(c.path(), "/k8s") {
		return nil
	}
	c.s.ctl.Lock()
	q := c.s.delayQueued
	fail := c.s.failFn
	c.s.ctl.Unlock()
	req := &apiRequest{
		ID: newUUID(), Method: c.r.Method, URL: c.base + c.r.URL.RequestURI()[len(BasePath):],
		Body: string(c.raw), Created: c.now, Running: c.now.Add(q), Done: t.done,
		Headers: map[string]string{},
	}
	for _, h := range []string{"Content-Type", "User-Agent", "X-Contract-Number"} {
		if v := c.r.Header.Get(h); v != "" {
			req.Headers[h] = v
		}
	}
	for _, n := range t.targets {
		req.Targets = append(req.Targets, target{ID: n.ID, Type: wireType(n.Type), Path: n.Path})
	}
	if fail != nil && fail(c.r.Method, c.path()) {
		req.Failed = true
		req.Message = "Request has failed: injected failure"
		c.st.Pending = append(c.st.Pending, &pendingOp{Due: t.done, Op: "undo", Undo: t.undo})
	}
	c.st.Requests = append(c.st.Requests, req)
	c.st.reqByID[req.ID] = req
	c.location = c.base + "/requests/" + req.ID + "/status"
	return req
}

func (c *rctx) renderRequest(q *apiRequest, d int) map[string]any {
	status, msg := q.status(c.now)
	stat := map[string]any{"id": q.ID + "/status", "type": "request-status", "href": c.base + "/requests/" + q.ID + "/status"}
	if d >= 1 {
		stat["metadata"] = c.statusMeta(q, status, msg)
	}
	return map[string]any{
		"id": q.ID, "type": "request", "href": c.base + "/requests/" + q.ID,
		"metadata": map[string]any{
			"createdDate": q.Created.UTC().Format(time.RFC3339), "createdBy": c.s.cfg.user,
			"etag": randHex(32), "requestStatus": stat,
		},
		"properties": map[string]any{"method": q.Method, "url": q.URL, "body": q.Body, "headers": q.Headers},
	}
}

func (c *rctx) statusMeta(q *apiRequest, status, msg string) map[string]any {
	targets := []any{}
	for _, t := range q.Targets {
		targets = append(targets, map[string]any{
			"target": map[string]any{"id": t.ID, "type": wireType(t.Type), "href": c.base + t.Path},
			"status": status,
		})
	}
	return map[string]any{"status": status, "message": msg, "etag": randHex(32), "targets": targets}
}

func hRequests(c *rctx) {
	q := c.r.URL.Query()
	parseT := func(k string) (time.Time, bool, *apiErr) {
		v := q.Get(k)
		if v == "" {
			return time.Time{}, false, nil
		}
		for _, layout := range []string{"2006-01-02 15:04:05", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t, true, nil
			}
		}
		return time.Time{}, false, errInvalid("Query parameter '%s' must be a date", k)
	}
	after, hasAfter, e1 := parseT("filter.createdAfter")
	before, hasBefore, e2 := parseT("filter.createdBefore")
	if e := cmpErr(e1, e2); e != nil {
		c.fail(e)
		return
	}
	fStatus := strings.ToUpper(q.Get("filter.status"))
	fMethod := strings.ToUpper(q.Get("filter.method"))
	fURL, fBody := q.Get("filter.url"), q.Get("filter.body")
	var match []*apiRequest
	for i := len(c.st.Requests) - 1; i >= 0; i-- { // newest first
		r := c.st.Requests[i]
		st, _ := r.status(c.now)
		created := r.Created.Truncate(time.Second)
		switch {
		case fStatus != "" && st != fStatus,
			fMethod != "" && r.Method != fMethod,
			fURL != "" && !strings.Contains(r.URL, fURL),
			fBody != "" && !strings.Contains(r.Body, fBody),
			hasAfter && created.Before(after),
			hasBefore && created.After(before):
			continue
		}
		match = append(match, r)
	}
	total := len(match)
	lo := min(c.offset, total)
	hi := min(lo+c.limit, total)
	items := []any{}
	for _, r := range match[lo:hi] {
		if c.depth == 0 {
			items = append(items, map[string]any{"id": r.ID, "type": "request", "href": c.base + "/requests/" + r.ID})
		} else {
			items = append(items, c.renderRequest(r, c.depth))
		}
	}
	links := map[string]any{"self": c.pageLink("/requests", c.offset)}
	if c.offset > 0 {
		links["prev"] = c.pageLink("/requests", max(0, c.offset-c.limit))
	}
	if hi < total {
		links["next"] = c.pageLink("/requests", hi)
	}
	c.ok(200, map[string]any{"id": "requests", "type": "collection", "href": c.base + "/requests",
		"items": items, "offset": c.offset, "limit": c.limit, "_links": links})
}

func cmpErr(es ...*apiErr) *apiErr {
	for _, e := range es {
		if e != nil {
			return e
		}
	}
	return nil
}

func hRequest(c *rctx) {
	r := c.st.reqByID[c.params[0]]
	if r == nil {
		c.fail(errNotFound())
		return
	}
	c.ok(200, c.renderRequest(r, c.depth))
}

func hRequestStatus(c *rctx) {
	r := c.st.reqByID[c.params[0]]
	if r == nil {
		c.fail(errNotFound())
		return
	}
	status, msg := r.status(c.now)
	c.ok(200, map[string]any{"id": r.ID + "/status", "type": "request-status",
		"href": c.base + "/requests/" + r.ID + "/status", "metadata": c.statusMeta(r, status, msg)})
}

// ---- the route table ----

func buildRoutes() []*route {
	var rs []*route
	add := func(pattern string, page int, m map[string]handler) {
		segs := strings.Split(strings.Trim(pattern, "/"), "/")
		if pattern == "/" {
			segs = nil
		}
		rs = append(rs, &route{pattern: pattern, segs: segs, page: page, methods: m})
	}
	type H = map[string]handler
	const G, P, PA, PU, D = http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete
	crud := H{G: hGet, PA: hPatch, PU: hPut, D: hDelete}

	add("/", 0, H{G: hRoot})
	add("/datacenters", 1000, H{G: hList, P: hCreate("datacenter")})
	add("/datacenters/{}", 0, crud)
	add("/datacenters/{}/servers", 1000, H{G: hList, P: hCreate("server")})
	add("/datacenters/{}/servers/{}", 0, crud)
	for _, a := range []string{"start", "stop", "reboot", "upgrade"} {
		add("/datacenters/{}/servers/{}/"+a, 0, H{P: hServerAction(a)})
	}
	add("/datacenters/{}/servers/{}/volumes", 1000, H{G: hList, P: hAttach("volumes")})
	add("/datacenters/{}/servers/{}/volumes/{}", 0, H{G: hGetRef, D: hUnlink})
	add("/datacenters/{}/servers/{}/cdroms", 1000, H{G: hList, P: hAttach("cdroms")})
	add("/datacenters/{}/servers/{}/cdroms/{}", 0, H{G: hGetRef, D: hUnlink})
	add("/datacenters/{}/servers/{}/nics", 1000, H{G: hList, P: hCreate("nic")})
	add("/datacenters/{}/servers/{}/nics/{}", 0, crud)
	add("/datacenters/{}/servers/{}/nics/{}/firewallrules", 1000, H{G: hList, P: hCreate("firewall-rule")})
	add("/datacenters/{}/servers/{}/nics/{}/firewallrules/{}", 0, crud)
	add("/datacenters/{}/volumes", 1000, H{G: hList, P: hCreate("volume")})
	add("/datacenters/{}/volumes/{}", 0, crud)
	add("/datacenters/{}/volumes/{}/create-snapshot", 0, H{P: hCreateSnapshot})
	add("/datacenters/{}/volumes/{}/restore-snapshot", 0, H{P: hRestoreSnapshot})
	add("/datacenters/{}/lans", 1000, H{G: hList, P: hCreate("lan")})
	add("/datacenters/{}/lans/{}", 0, crud)
	add("/datacenters/{}/lans/{}/nics", 1000, H{G: hList, P: hAttach("nics")})
	add("/datacenters/{}/lans/{}/nics/{}", 0, H{G: hGetRef})
	add("/datacenters/{}/loadbalancers", 1000, H{G: hList, P: hCreate("loadbalancer")})
	add("/datacenters/{}/loadbalancers/{}", 0, crud)
	add("/datacenters/{}/loadbalancers/{}/balancednics", 1000, H{G: hList, P: hAttach("balancednics")})
	add("/datacenters/{}/loadbalancers/{}/balancednics/{}", 0, H{G: hGetRef, D: hUnlink})
	add("/locations", 0, H{G: hList})
	add("/locations/{}", 0, H{G: hLocationRegion})
	add("/locations/{}/{}", 0, H{G: hGet})
	add("/images", 0, H{G: hList})
	add("/images/{}", 0, crud)
	add("/snapshots", 0, H{G: hList})
	add("/snapshots/{}", 0, crud)
	add("/ipblocks", 100, H{G: hList, P: hCreate("ipblock")})
	add("/ipblocks/{}", 0, crud)
	add("/um/groups", 0, H{G: hList, P: hCreate("group")})
	add("/um/groups/{}", 0, H{G: hGet, PU: hPut, D: hDelete})
	add("/um/groups/{}/shares", 0, H{G: hList})
	add("/um/groups/{}/shares/{}", 0, H{G: hGet, P: hCreateShare, PU: hPut, D: hDelete})
	add("/um/groups/{}/users", 0, H{G: hList, P: hAttach("users")})
	add("/um/groups/{}/users/{}", 0, H{D: hUnlink})
	add("/um/groups/{}/resources", 0, H{G: hList})
	add("/um/users", 100, H{G: hList, P: hCreate("user")})
	add("/um/users/{}", 0, H{G: hGet, PU: hPut, D: hDelete})
	add("/um/users/{}/groups", 0, H{G: hList})
	add("/um/users/{}/owns", 0, H{G: hList})
	add("/um/users/{}/s3keys", 0, H{G: hList, P: hCreate("s3key")})
	add("/um/users/{}/s3keys/{}", 0, H{G: hGet, PU: hPut, D: hDelete})
	add("/um/users/{}/s3ssourl", 0, H{G: hSSOURL})
	add("/um/resources", 0, H{G: hResources})
	add("/um/resources/{}", 0, H{G: hResources})
	add("/um/resources/{}/{}", 0, H{G: hResources})
	add("/contracts", 0, H{G: hContract})
	add("/requests", 1000, H{G: hRequests})
	add("/requests/{}", 0, H{G: hRequest})
	add("/requests/{}/status", 0, H{G: hRequestStatus})
	add("/k8s", 0, H{G: hList, P: hCreate("k8s")})
	add("/k8s/{}", 0, H{G: hGet, PU: hPut, D: hDelete})
	add("/k8s/{}/kubeconfig", 0, H{G: hKubeconfig})
	add("/k8s/{}/nodepools", 0, H{G: hList, P: hCreate("nodepool")})
	add("/k8s/{}/nodepools/{}", 0, H{G: hGet, PU: hPut, D: hDelete})
	add("/k8s/{}/nodepools/{}/nodes", 0, H{G: hK8sNodes})
	add("/k8s/{}/nodepools/{}/nodes/{}", 0, H{G: hK8sNode, D: hK8sNode})
	add("/k8s/{}/nodepools/{}/nodes/{}/replace", 0, H{P: hK8sNodeReplace})
	add("/k8s/versions", 0, H{G: hK8sVersions})
	add("/k8s/versions/default", 0, H{G: hK8sDefaultVersion})
	add("/k8s/versions/{}/compatibilities", 0, H{G: hK8sCompatibilities})
	add("/templates", 0, H{G: hList})
	add("/templates/{}", 0, H{G: hGet})
	add("/pccs", 0, H{G: hList, P: hCreate("pcc")})
	add("/pccs/{}", 0, H{G: hGet, PA: hPatch, D: hDelete})
	add("/backupunits", 0, H{G: hList, P: hCreate("backupunit")})
	add("/backupunits/{}", 0, crud)
	add("/backupunits/{}/ssourl", 0, H{G: hSSOURL})
	albRoutes(add)
	add("/labels", 0, H{G: hLabelsAll})
	add("/labels/{}", 0, H{G: hLabelByURN})
	for _, owner := range []string{"/datacenters/{}", "/datacenters/{}/servers/{}", "/datacenters/{}/volumes/{}", "/snapshots/{}", "/ipblocks/{}", "/images/{}"} {
		add(owner+"/labels", 1000, H{G: hLabels, P: hLabels})
		add(owner+"/labels/{}", 0, H{G: hLabel, PU: hLabel, D: hLabel})
	}
	serverV6Routes(add)
	gpuRoutes(add)
	natGatewayRoutes(add)
	networkLoadBalancerRoutes(add)
	flowLogRoutes(add)
	securityGroupRoutes(add)
	return rs
}

func hRoot(c *rctx) {
	c.ok(200, map[string]any{"href": c.base + "/", "name": "CLOUD API", "version": "5.0"})
}

func hLocationRegion(c *rctx) {
	region := c.params[0]
	var kids []string
	for _, k := range c.st.Nodes[""].Kids["locations"] {
		if strings.HasPrefix(k, "/locations/"+region+"/") {
			kids = append(kids, k)
		}
	}
	if len(kids) == 0 {
		c.fail(errNotFound())
		return
	}
	c.ok(200, c.collection("/locations/"+region, region, kids, c.depth, false))
}

func hSSOURL(c *rctx) {
	n := c.st.node(parentOf(c.path()))
	if n == nil {
		c.fail(errNotFound())
		return
	}
	c.ok(200, map[string]any{"ssoUrl": "https://sso.example.invalid/login?token=" + randHex(24) + "&resource=" + url.QueryEscape(n.ID)})
}

func hKubeconfig(c *rctx) {
	n := c.st.node(parentOf(c.path()))
	if n == nil {
		c.fail(errNotFound())
		return
	}
	cfg := "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://" + n.ID + ".k8s.example.invalid:443\n  name: " + str(n.Props["name"]) +
		"\ncontexts:\n- context:\n    cluster: " + str(n.Props["name"]) + "\n    user: admin\n  name: default\ncurrent-context: default\nusers:\n- name: admin\n  user:\n    token: " + randHex(40) + "\n"
	if c.v6 {
		// v6 answers the file itself: YAML, or a JSON string when asked.
		if strings.Contains(c.r.Header.Get("Accept"), "json") {
			raw, _ := json.Marshal(cfg)
			c.rawReply, c.rawType = raw, "application/json"
		} else {
			c.rawReply, c.rawType = []byte(cfg), "application/yaml"
		}
		c.ok(200, nil)
		return
	}
	c.ok(200, map[string]any{"id": n.ID, "type": "kubeconfig", "href": c.base + c.path(), "properties": map[string]any{"kubeconfig": cfg}})
}

var resourceTypes = map[string]string{"datacenter": "datacenters", "image": "images", "snapshot": "snapshots", "ipblock": "ipblocks", "k8s": "k8s", "pcc": "pccs", "backupunit": "backupunits"}

func hResources(c *rctx) {
	render := func(p string) map[string]any {
		n := c.st.Nodes[p]
		out := map[string]any{"id": n.ID, "type": n.Type, "href": c.base + "/um/resources/" + n.Type + "/" + n.ID}
		if c.depth >= 1 || len(c.params) == 2 {
			out["metadata"] = c.metadata(n)
			out["properties"] = map[string]any{"name": n.Props["name"], "secAuthProtection": n.Props["secAuthProtection"] == true}
		}
		return out
	}
	if len(c.params) == 2 {
		top, ok := resourceTypes[c.params[0]]
		if !ok || c.st.Nodes["/"+top+"/"+c.params[1]] == nil {
			c.fail(errNotFound())
			return
		}
		c.ok(200, render("/"+top+"/"+c.params[1]))
		return
	}
	types := []string{"datacenter", "image", "snapshot", "ipblock", "k8s", "pcc", "backupunit"}
	id := "resources" // also for one type, as the API
	if len(c.params) == 1 {
		if _, ok := resourceTypes[c.params[0]]; !ok {
			c.fail(errNotFound())
			return
		}
		types = []string{c.params[0]}
	}
	items := []any{}
	for _, t := range types {
		for _, p := range c.st.Nodes[""].Kids[resourceTypes[t]] {
			if c.st.Nodes[p] != nil {
				items = append(items, render(p))
			}
		}
	}
	c.ok(200, map[string]any{"id": id, "type": "collection", "href": c.base + c.path(), "items": items})
}

// ipConsumers lists what uses the IPs of an IP block: the NICs holding one
// (with their server and data center), the load balancers, and on v6 the
// NAT gateways and network and application load balancers.
func (c *rctx) ipConsumers(block *node) []any {
	in := map[string]bool{}
	ips, _ := block.Props["ips"].([]any)
	for _, ip := range ips {
		in[str(ip)] = true
	}
	out := []any{}
	for _, dp := range c.st.Nodes[""].Kids["datacenters"] {
		dc := c.st.Nodes[dp]
		if dc == nil {
			continue
		}
		for _, sp := range dc.Kids["servers"] {
			srv := c.st.Nodes[sp]
			if srv == nil {
				continue
			}
			for _, np := range srv.Kids["nics"] {
				nic := c.st.Nodes[np]
				if nic == nil {
					continue
				}
				nips, _ := nic.Props["ips"].([]any)
				for _, ip := range nips {
					if in[str(ip)] {
						out = append(out, map[string]any{
							"ip": str(ip), "mac": nic.Props["mac"], "nicId": nic.ID,
							"serverId": srv.ID, "serverName": str(srv.Props["name"]),
							"datacenterId": dc.ID, "datacenterName": str(dc.Props["name"]),
						})
					}
				}
			}
		}
		for _, lp := range dc.Kids["loadbalancers"] {
			if lb := c.st.Nodes[lp]; lb != nil && in[str(lb.Props["ip"])] {
				out = append(out, map[string]any{"ip": str(lb.Props["ip"]), "datacenterId": dc.ID, "datacenterName": str(dc.Props["name"])})
			}
		}
		// v6: the public IPs of NAT gateways and the listener IPs of
		// network and application load balancers.
		for _, ep := range [][2]string{{"natgateways", "publicIps"}, {"networkloadbalancers", "ips"}, {"applicationloadbalancers", "ips"}} {
			entity, prop := ep[0], ep[1]
			for _, gp := range dc.Kids[entity] {
				g := c.st.Nodes[gp]
				if g == nil {
					continue
				}
				gips, _ := g.Props[prop].([]any)
				for _, ip := range gips {
					if in[str(ip)] {
						out = append(out, map[string]any{"ip": str(ip), "datacenterId": dc.ID, "datacenterName": str(dc.Props["name"])})
					}
				}
			}
		}
	}
	return out
}
