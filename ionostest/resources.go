package ionostest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// entityName is the collection a type lives in under its parent.
var entityName = map[string]string{
	"datacenter": "datacenters", "server": "servers", "volume": "volumes", "nic": "nics",
	"firewall-rule": "firewallrules", "lan": "lans", "loadbalancer": "loadbalancers",
	"ipblock": "ipblocks", "group": "groups", "user": "users", "s3key": "s3keys",
	"k8s": "k8s", "nodepool": "nodepools", "pcc": "pccs", "backupunit": "backupunits",
}

func init() {
	// Writable in v5 (the Python SDK 5.2.0 sends it, and the API requires
	// it for a volume without an image) though the spec marks it read-only.
	// The Python SDK's cpuHotUnplug, ramHotUnplug, discScsiHotPlug and
	// discScsiHotUnplug are not volume properties of the spec: ignored, as
	// every unknown attribute.
	schemas["volume"]["licenceType"] = schemas["image"]["licenceType"]
	if _, ok := schemasV6["volume"]["licenceType"]; !ok {
		schemasV6["volume"]["licenceType"] = schemasV6["image"]["licenceType"]
	}
}

// hCreate creates a resource (with nested entities where the API allows)
// under the collection of the path.
func hCreate(typ string) handler {
	return func(c *rctx) {
		parent := c.st.node(parentOf(c.path()))
		if parent == nil {
			c.fail(errNotFound())
			return
		}
		var body map[string]any
		if typ == "s3key" {
			body = map[string]any{"properties": map[string]any{}}
		} else if e := c.decode(&body); e != nil {
			c.fail(e)
			return
		}
		t := c.begin()
		n, e := c.build(t, parent, typ, body)
		if e != nil {
			c.st.rollback(t.undo)
			c.fail(e)
			return
		}
		t.targets = append(t.targets, n)
		c.touchDC(t, n.Path)
		c.finish(t)
		_, nested := body["entities"]
		def := 1
		if nested {
			def = 5
		}
		status := 202
		if typ == "s3key" {
			// The spec declares 200: the key exists (with its secret) at once.
			status = 200
		}
		c.ok(status, c.resource(n, c.writeDepth(def)))
	}
}

func items(body map[string]any, entity string) ([]map[string]any, *apiErr) {
	ents, _ := body["entities"].(map[string]any)
	if ents == nil {
		return nil, nil
	}
	coll, ok := ents[entity].(map[string]any)
	if !ok {
		if ents[entity] != nil {
			return nil, errInvalid("Attribute 'entities.%s' has an invalid type: expected object", entity)
		}
		return nil, nil
	}
	raw, ok := coll["items"].([]any)
	if !ok && coll["items"] != nil {
		return nil, errInvalid("Attribute 'entities.%s.items' has an invalid type: expected array", entity)
	}
	out := make([]map[string]any, 0, len(raw))
	for _, it := range raw {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, errInvalid("Attribute 'entities.%s.items' must hold objects", entity)
		}
		out = append(out, m)
	}
	return out, nil
}

// build validates body and creates a node of typ under parent, with its
// nested entities.
func (c *rctx) build(t *tx, parent *node, typ string, body map[string]any) (*node, *apiErr) {
	props, ok := body["properties"].(map[string]any)
	if !ok {
		if body["properties"] != nil {
			return nil, errInvalid("Attribute 'properties' has an invalid type: expected object")
		}
		if typ != "lan" && typ != "loadbalancer" && typ != "pcc" && typ != "s3key" {
			return nil, errRequired("properties")
		}
		props = map[string]any{}
	}
	if e := c.checkProps(typ, props, true); e != nil {
		return nil, e
	}
	id := newUUID()
	switch typ {
	case "lan":
		parent.Seq++
		id = fmt.Sprint(parent.Seq)
	case "s3key":
		id = strings.ToUpper(randHex(20))
	}
	n := &node{ID: id, Type: typ, Path: parent.Path + "/" + entityName[typ] + "/" + id, Props: props}
	if e := c.prepare(t, parent, n); e != nil {
		return nil, e
	}
	t.add(parent, entityName[typ], n)
	if t.busy == "DEPLOYING" {
		n.State = "ACTIVE"
	}
	return n, c.nested(t, n, body)
}

// prepare checks a new node's properties against the state and sets the
// API's defaults.
func (c *rctx) prepare(t *tx, parent *node, n *node) *apiErr {
	p := n.Props
	def := func(k string, v any) {
		if _, ok := p[k]; !ok {
			p[k] = v
		}
	}
	switch n.Type {
	case "datacenter":
		loc := str(p["location"])
		if c.st.Nodes["/locations/"+loc] == nil {
			return errInvalid("Attribute 'location' has an invalid value '%s': unknown location", loc)
		}
		def("name", nil)
		def("description", nil)
		def("secAuthProtection", false)
		p["version"] = int64(1)
		p["features"] = c.st.Nodes["/locations/"+loc].Props["features"]
	case "server":
		fromTemplate, e := c.applyTemplate(p)
		if e != nil {
			return e
		}
		if !fromTemplate {
			if e := checkRAM(p["ram"]); e != nil {
				return e
			}
			if v, _ := toInt(p["cores"]); v < 1 {
				return errInvalid("Attribute 'cores' must be at least 1")
			}
			def("cpuFamily", c.defaultCPUFamily(parent))
		}
		def("availabilityZone", "AUTO")
		delete(p, "vmState") // RUNNING once created
		for _, k := range []string{"bootVolume", "bootCdrom"} {
			if v, ok := p[k]; ok {
				n.Path = parent.Path + "/servers/" + n.ID
				ref, e := c.bootRefIn(parent, k, v)
				if e != nil {
					return e
				}
				p[k] = ref
				if k == "bootCdrom" { // the boot CD-ROM is attached
					n.Kids = map[string][]string{"cdroms": {str(ref["path"])}}
				}
			}
		}
	case "volume":
		return c.prepareVolume(parent, n)
	case "nic":
		lan, _ := toInt(p["lan"])
		if lan < 1 {
			return errInvalid("Attribute 'lan' must be at least 1")
		}
		def("dhcp", true)
		def("firewallActive", false)
		p["mac"] = fmt.Sprintf("02:01:%s:%s:%s:%s", randHex(2), randHex(2), randHex(2), randHex(2))
		if ips, _ := p["ips"].([]any); len(ips) == 0 {
			p["ips"] = []any{fmt.Sprintf("10.%d.%d.%d", randByte(), randByte(), randByte()%250+2)}
		}
		if e := c.prepareIPv6NIC(parent, n); e != nil {
			return e
		}
	case "firewall-rule":
		s, _ := toInt(p["portRangeStart"])
		e, hasEnd := toInt(p["portRangeEnd"])
		if hasEnd && s > e {
			return errInvalid("Attribute 'portRangeStart' must not be greater than 'portRangeEnd'")
		}
		if (s != 0 && (s < 1 || s > 65535)) || (hasEnd && (e < 1 || e > 65535)) {
			return errInvalid("Attribute 'portRangeStart' and 'portRangeEnd' must be between 1 and 65535")
		}
	case "lan":
		def("public", false)
		p["ipFailover"] = []any{}
		if e := c.prepareIPv6LAN(parent, n); e != nil {
			return e
		}
	case "loadbalancer":
		def("dhcp", true)
		def("ip", fmt.Sprintf("203.0.113.%d", randByte()%250+2))
	case "ipblock":
		loc := str(p["location"])
		if c.st.Nodes["/locations/"+loc] == nil {
			return errInvalid("Attribute 'location' has an invalid value '%s': unknown location", loc)
		}
		size, _ := toInt(p["size"])
		if size < 1 || size > 64 {
			return errInvalid("Attribute 'size' must be between 1 and 64")
		}
		ips := make([]any, size)
		a, b := randByte(), randByte()
		for i := range ips {
			ips[i] = fmt.Sprintf("198.51.%d.%d", a, (int(b)+i)%256)
		}
		p["ips"] = ips
		def("name", nil)
	case "group":
		for k, ps := range c.schema("group") {
			if ps.kind == "boolean" {
				def(k, false)
			}
		}
	case "user":
		email := str(p["email"])
		if !strings.Contains(email, "@") {
			return errInvalid("Attribute 'email' is not a valid e-mail address")
		}
		for _, u := range c.st.Nodes["/um"].Kids["users"] {
			if x := c.st.Nodes[u]; x != nil && strings.EqualFold(str(x.Props["email"]), email) {
				return errInvalid("Attribute 'email': a user with this e-mail address exists")
			}
		}
		if _, ok := p["password"]; !ok {
			return errRequired("password")
		}
		def("administrator", false)
		def("forceSecAuth", false)
		def("secAuthActive", false)
		def("active", true)
		p["s3CanonicalUserId"] = randHex(32)
	case "s3key":
		p["secretKey"] = randHex(40)
		def("active", true)
	case "k8s":
		def("k8sVersion", "1.18.5")
		def("maintenanceWindow", map[string]any{"dayOfTheWeek": "Monday", "time": "02:00:00Z"})
		def("public", true)
		p["availableUpgradeVersions"] = []any{}
		p["viableNodePoolVersions"] = []any{"1.18.5", "1.18.9"}
	case "nodepool":
		if c.st.Nodes["/datacenters/"+str(p["datacenterId"])] == nil {
			return errInvalid("Attribute 'datacenterId' has an invalid value: the data center does not exist")
		}
		if v, _ := toInt(p["nodeCount"]); v < 1 {
			return errInvalid("Attribute 'nodeCount' must be at least 1")
		}
		if v, _ := toInt(p["ramSize"]); v < 2048 || v%1024 != 0 {
			return errInvalid("Attribute 'ramSize' must be at least 2048 and a multiple of 1024")
		}
		def("k8sVersion", parent.Props["k8sVersion"])
		def("maintenanceWindow", map[string]any{"dayOfTheWeek": "Monday", "time": "02:00:00Z"})
	case "pcc":
		p["peers"] = []any{}
		p["connectableDatacenters"] = []any{}
	case "backupunit":
		def("email", nil)
	}
	return nil
}

// defaultCPUFamily is the first CPU family of the data center's location.
func (c *rctx) defaultCPUFamily(dc *node) string {
	if loc := c.st.Nodes["/locations/"+str(dc.Props["location"])]; loc != nil {
		if cpus, _ := loc.Props["cpuArchitecture"].([]any); len(cpus) > 0 {
			if f := str(m0(cpus[0])["cpuFamily"]); f != "" {
				return f
			}
		}
	}
	return "AMD_OPTERON"
}

func m0(v any) map[string]any { x, _ := v.(map[string]any); return x }

func randByte() byte {
	var b [1]byte
	_, _ = rand.Read(b[:])
	return b[0]
}

func checkRAM(v any) *apiErr {
	r, ok := toInt(v)
	if !ok {
		return errInvalid("Attribute 'ram' has an invalid type: expected integer")
	}
	if r < 256 || r%256 != 0 {
		return errInvalid("Attribute 'ram' must be at least 256 and a multiple of 256")
	}
	return nil
}

func (c *rctx) prepareVolume(dc *node, n *node) *apiErr {
	p := n.Props
	size, _ := toFloat(p["size"])
	if size <= 0 {
		return errInvalid("Attribute 'size' must be greater than 0")
	}
	loc := str(dc.Props["location"])
	if alias := str(p["imageAlias"]); alias != "" {
		for _, im := range c.st.Nodes[""].Kids["images"] {
			x := c.st.Nodes[im]
			if x != nil && str(x.Props["location"]) == loc && str(x.Props["imageType"]) == "HDD" && containsAny(x.Props["imageAliases"], alias) {
				p["image"] = x.ID
				break
			}
		}
		if str(p["image"]) == "" {
			return errInvalid("Attribute 'imageAlias' has an invalid value '%s': no such image in %s", alias, loc)
		}
	}
	if img := str(p["image"]); img != "" {
		x := c.st.Nodes["/images/"+img]
		if x == nil {
			x = c.st.Nodes["/snapshots/"+img]
		}
		if x == nil {
			return errInvalid("Attribute 'image' has an invalid value '%s': the image does not exist", img)
		}
		if str(x.Props["location"]) != loc {
			return errInvalid("Attribute 'image': the image is in %s, the data center in %s", str(x.Props["location"]), loc)
		}
		if x.Type == "image" && x.Props["public"] == true && str(x.Props["imageType"]) == "HDD" {
			keys, _ := p["sshKeys"].([]any)
			if str(p["imagePassword"]) == "" && len(keys) == 0 {
				return errRequired("imagePassword' or 'sshKeys")
			}
		}
		if im, _ := toFloat(x.Props["size"]); size < im {
			return errInvalid("Attribute 'size' must be at least the image's size")
		}
		p["licenceType"] = x.Props["licenceType"]
		for _, k := range volumeHotPlug {
			if v, ok := x.Props[k]; ok {
				if _, set := p[k]; !set {
					p[k] = v
				}
			}
		}
	}
	delete(p, "imagePassword")
	if p["licenceType"] == nil {
		p["licenceType"] = "UNKNOWN"
	}
	for k, v := range map[string]any{"type": "HDD", "bus": "VIRTIO", "availabilityZone": "AUTO", "name": nil} {
		if _, ok := p[k]; !ok {
			p[k] = v
		}
	}
	// Without an image (or where the image has no flag) the volume is
	// capable of nothing until told otherwise: every flag false.
	for _, k := range volumeHotPlug {
		if _, ok := p[k]; !ok {
			p[k] = false
		}
	}
	return nil
}

// hotPlug are the hot-plug flags of images and snapshots.
var hotPlug = []string{"cpuHotPlug", "cpuHotUnplug", "ramHotPlug", "ramHotUnplug", "nicHotPlug", "nicHotUnplug", "discVirtioHotPlug", "discVirtioHotUnplug", "discScsiHotPlug", "discScsiHotUnplug"}

// volumeHotPlug are the hot-plug flags the spec declares for volumes.
var volumeHotPlug = []string{"cpuHotPlug", "ramHotPlug", "nicHotPlug", "nicHotUnplug", "discVirtioHotPlug", "discVirtioHotUnplug"}

func containsAny(list any, s string) bool {
	l, _ := list.([]any)
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// bootRef resolves a server's bootVolume or bootCdrom on update.
func (c *rctx) bootRef(srv *node, k string, v any) (map[string]any, *apiErr) {
	return c.bootRefIn(c.st.Nodes[parentOf(parentOf(srv.Path))], k, v)
}

func (c *rctx) bootRefIn(dc *node, k string, v any) (map[string]any, *apiErr) {
	id := str(v)
	if m, ok := v.(map[string]any); ok {
		id = str(m["id"])
	}
	if id == "" {
		return nil, errRequired(k + ".id")
	}
	if k == "bootVolume" {
		p := dc.Path + "/volumes/" + id
		if c.st.Nodes[p] == nil {
			return nil, errInvalid("Attribute 'bootVolume' refers to a volume that does not exist")
		}
		return map[string]any{"id": id, "type": "volume", "path": p}, nil
	}
	p := "/images/" + id
	if x := c.st.Nodes[p]; x == nil || str(x.Props["imageType"]) != "CDROM" {
		return nil, errInvalid("Attribute 'bootCdrom' refers to a CD-ROM image that does not exist")
	}
	return map[string]any{"id": id, "type": "image", "path": p}, nil
}

// nested creates the entities of a composite create.
func (c *rctx) nested(t *tx, n *node, body map[string]any) *apiErr {
	switch n.Type {
	case "applicationloadbalancer":
		return c.nestedALB(t, n, body)
	case "datacenter":
		for _, e := range []string{"lans", "volumes", "servers", "loadbalancers"} {
			list, err := items(body, e)
			if err != nil {
				return err
			}
			for _, it := range list {
				if _, err := c.build(t, n, strings.TrimSuffix(strings.TrimSuffix(e, "s"), "s"), it); err != nil {
					return err
				}
			}
		}
	case "server":
		dc := c.st.Nodes[parentOf(parentOf(n.Path))]
		vols, err := items(body, "volumes")
		if err != nil {
			return err
		}
		for _, it := range vols {
			var vp string
			if _, hasProps := it["properties"]; !hasProps && it["id"] != nil {
				vp = dc.Path + "/volumes/" + str(it["id"])
				if c.st.Nodes[vp] == nil {
					return errInvalid("Attribute 'entities.volumes.items.id' refers to a volume that does not exist")
				}
			} else {
				c.sizeFromTemplate(n, it)
				v, err := c.build(t, dc, "volume", it)
				if err != nil {
					return err
				}
				vp = v.Path
			}
			c.attachVolume(t, n, vp)
		}
		cds, err := items(body, "cdroms")
		if err != nil {
			return err
		}
		for _, it := range cds {
			ref, err := c.bootRefIn(dc, "bootCdrom", it)
			if err != nil {
				return err
			}
			t.link(n, "cdroms", str(ref["path"]))
		}
		nics, err := items(body, "nics")
		if err != nil {
			return err
		}
		for _, it := range nics {
			if _, err := c.build(t, n, "nic", it); err != nil {
				return err
			}
		}
	case "nic":
		dc := c.st.Nodes[parentOf(parentOf(parentOf(parentOf(n.Path))))]
		lan := numString(n.Props["lan"])
		if c.st.Nodes[dc.Path+"/lans/"+lan] == nil {
			// The API creates a missing private LAN a NIC is connected to.
			l := &node{ID: lan, Type: "lan", Path: dc.Path + "/lans/" + lan, Props: map[string]any{"name": nil, "public": false, "ipFailover": []any{}}}
			t.add(dc, "lans", l)
			if v, _ := toInt(n.Props["lan"]); int(v) > dc.Seq {
				dc.Seq = int(v)
			}
		} else if c.st.Nodes[dc.Path+"/lans/"+lan].Props["public"] == true {
			n.Props["ips"] = []any{fmt.Sprintf("198.51.100.%d", randByte()%250+2)}
		}
		rules, err := items(body, "firewallrules")
		if err != nil {
			return err
		}
		for _, it := range rules {
			if _, err := c.build(t, n, "firewall-rule", it); err != nil {
				return err
			}
		}
	case "lan", "loadbalancer":
		entity := "nics"
		if n.Type == "loadbalancer" {
			entity = "balancednics"
		}
		list, err := items(body, entity)
		if err != nil {
			return err
		}
		dc := c.st.Nodes[parentOf(parentOf(n.Path))]
		for _, it := range list {
			nic := c.findNIC(dc, str(it["id"]))
			if nic == nil {
				return errInvalid("Attribute 'entities.%s.items.id' refers to a NIC that does not exist", entity)
			}
			if n.Type == "lan" {
				t.change(nic)
				nic.Props["lan"] = mustNumber(n.ID)
			} else {
				t.link(n, entity, nic.Path)
			}
		}
	}
	return nil
}

func mustNumber(s string) any {
	var v int64
	_, _ = fmt.Sscan(s, &v)
	return v
}

func (c *rctx) findNIC(dc *node, id string) *node {
	if id == "" {
		return nil
	}
	for _, s := range dc.Kids["servers"] {
		if n := c.st.Nodes[s+"/nics/"+id]; n != nil {
			return n
		}
	}
	return nil
}

func (c *rctx) attachVolume(t *tx, srv *node, vp string) {
	t.link(srv, "volumes", vp)
	if v := c.st.Nodes[vp]; v != nil {
		t.touch(v)
		v.Props["deviceNumber"] = int64(len(srv.Kids["volumes"]))
	}
	if _, ok := srv.Props["bootVolume"]; !ok {
		srv.Props["bootVolume"] = map[string]any{"id": lastSeg(vp), "type": "volume", "path": vp}
	}
}

// hAttach attaches an existing resource by {"id": ...}: volumes and CD-ROMs
// to servers, NICs to load balancers and to LANs (which moves the NIC to that
// LAN), users to groups.
func hAttach(entity string) handler {
	return func(c *rctx) {
		parent, body, ok := c.parentAndBody()
		if !ok {
			return
		}
		id, ok := body["id"].(string)
		if !ok || id == "" {
			c.fail(errRequired("id"))
			return
		}
		dc := c.st.Nodes[parentOf(parentOf(parent.Path))]
		var tp string
		switch entity {
		case "volumes":
			tp = dc.Path + "/volumes/" + id
		case "cdroms":
			tp = "/images/" + id
			if x := c.st.Nodes[tp]; x != nil && str(x.Props["imageType"]) != "CDROM" {
				c.fail(errInvalid("The image %s is not a CD-ROM image", id))
				return
			}
		case "balancednics", "nics":
			if nic := c.findNIC(dc, id); nic != nil {
				tp = nic.Path
			}
		case "users":
			tp = "/um/users/" + id
		}
		x := c.st.Nodes[tp]
		if tp == "" || x == nil { // "" is the root's path: no such resource
			c.fail(errNotFound())
			return
		}
		for _, k := range c.st.kids(parent, entity) {
			if k == tp {
				c.fail(errInvalid("The resource %s is already attached", id))
				return
			}
		}
		t := c.begin()
		t.touch(parent)
		switch entity {
		case "volumes":
			c.attachVolume(t, parent, tp)
		case "nics":
			// A NIC is in one LAN: attaching it moves it there.
			t.change(x)
			x.Props["lan"] = json.Number(parent.ID)
		default:
			t.link(parent, entity, tp)
		}
		t.targets = append(t.targets, parent)
		c.touchDC(t, parent.Path)
		c.finish(t)
		c.ok(202, c.resource(x, c.writeDepth(1)))
	}
}

func hServerAction(action string) handler {
	return func(c *rctx) {
		srv := c.st.node(parentOf(c.path()))
		if srv == nil {
			c.fail(errNotFound())
			return
		}
		t := c.begin()
		t.change(srv)
		switch action {
		case "stop":
			srv.Props["vmState"] = "SHUTOFF"
		default:
			srv.Props["vmState"] = "RUNNING"
		}
		t.targets = append(t.targets, srv)
		c.finish(t)
		c.ok(202, nil)
	}
}

func (c *rctx) form() (url.Values, *apiErr) {
	if c.v6 && strings.HasPrefix(strings.TrimSpace(string(c.raw)), "{") {
		return c.jsonForm()
	}
	v, err := url.ParseQuery(string(c.raw))
	if err != nil {
		return nil, &apiErr{400, "100", "The request body is not a valid form"}
	}
	return v, nil
}

func hCreateSnapshot(c *rctx) {
	vol := c.st.node(parentOf(c.path()))
	if vol == nil {
		c.fail(errNotFound())
		return
	}
	f, e := c.form()
	if e != nil {
		c.fail(e)
		return
	}
	dc := c.st.Nodes[parentOf(parentOf(vol.Path))]
	name := f.Get("name")
	if name == "" {
		name = str(vol.Props["name"]) + "-snapshot"
	}
	id := newUUID()
	props := map[string]any{
		"name": name, "description": f.Get("description"), "location": dc.Props["location"],
		"size": vol.Props["size"], "licenceType": vol.Props["licenceType"], "secAuthProtection": false,
	}
	if props["licenceType"] == nil {
		props["licenceType"] = "UNKNOWN"
	}
	for _, k := range hotPlug {
		b, _ := vol.Props[k].(bool)
		props[k] = b
	}
	t := c.begin()
	t.touch(vol)
	n := &node{ID: id, Type: "snapshot", Path: "/snapshots/" + id, Props: props}
	t.add(c.st.Nodes[""], "snapshots", n)
	t.targets = append(t.targets, n, vol)
	c.touchDC(t, vol.Path)
	c.finish(t)
	c.ok(202, c.resource(n, c.writeDepth(1)))
}

func hRestoreSnapshot(c *rctx) {
	vol := c.st.node(parentOf(c.path()))
	if vol == nil {
		c.fail(errNotFound())
		return
	}
	f, e := c.form()
	if e != nil {
		c.fail(e)
		return
	}
	sid := f.Get("snapshotId")
	if sid == "" {
		c.fail(errRequired("snapshotId"))
		return
	}
	snap := c.st.Nodes["/snapshots/"+sid]
	if snap == nil {
		c.fail(errNotFound())
		return
	}
	t := c.begin()
	t.change(vol)
	vol.Props["image"] = sid
	t.targets = append(t.targets, vol)
	c.touchDC(t, vol.Path)
	c.finish(t)
	c.ok(202, nil)
}

// hCreateShare shares a resource with a group: POST /um/groups/{g}/shares/{id}.
func hCreateShare(c *rctx) {
	g := c.st.node(parentOf(parentOf(c.path())))
	rid := lastSeg(c.path())
	if g == nil || shareable(c.st, rid) == "" {
		c.fail(errNotFound())
		return
	}
	if c.st.Nodes[c.path()] != nil {
		c.fail(errInvalid("The resource %s is already shared with the group", rid))
		return
	}
	var body map[string]any
	if e := c.decode(&body); e != nil {
		c.fail(e)
		return
	}
	props, _ := body["properties"].(map[string]any)
	if props == nil {
		props = map[string]any{}
	}
	if e := c.checkProps("resource", props, false); e != nil {
		c.fail(e)
		return
	}
	for _, k := range []string{"editPrivilege", "sharePrivilege"} {
		if _, ok := props[k]; !ok {
			props[k] = false
		}
	}
	t := c.begin()
	n := &node{ID: rid, Type: "resource", Path: c.path(), Props: props}
	t.add(g, "shares", n)
	t.targets = append(t.targets, g)
	c.finish(t)
	c.ok(202, c.resource(n, c.writeDepth(1)))
}

// contractOf answers the contract as v5 does (one resource).
func contractOf(c *rctx) {
	var cores, ram, hdd, ssd, ips, k8s int64
	for _, n := range c.st.Nodes {
		switch n.Type {
		case "server":
			a, _ := toInt(n.Props["cores"])
			b, _ := toInt(n.Props["ram"])
			cores, ram = cores+a, ram+b
		case "volume":
			sz, _ := toFloat(n.Props["size"])
			if strings.HasPrefix(str(n.Props["type"]), "SSD") {
				ssd += int64(sz)
			} else {
				hdd += int64(sz)
			}
		case "ipblock":
			sz, _ := toInt(n.Props["size"])
			ips += sz
		case "k8s":
			k8s++
		}
	}
	c.ok(200, map[string]any{
		"type": "contract",
		"properties": map[string]any{
			"contractNumber": int64(31721234), "owner": c.s.cfg.user, "status": "BILLABLE", "regDomain": "ionos.de",
			"resourceLimits": map[string]any{
				"coresPerServer": 62, "coresPerContract": 500, "coresProvisioned": cores,
				"ramPerServer": 245760, "ramPerContract": 1024000, "ramProvisioned": ram,
				"hddLimitPerVolume": 4096000, "hddLimitPerContract": 10240000, "hddVolumeProvisioned": hdd,
				"ssdLimitPerVolume": 4096000, "ssdLimitPerContract": 10240000, "ssdVolumeProvisioned": ssd,
				"reservableIps": 50, "reservedIpsOnContract": ips, "reservedIpsInUse": ips,
				"k8sClusterLimitTotal": 10, "k8sClustersProvisioned": k8s,
			},
		},
	})
}
