package ionostest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// The Cloud API versions of cloudOperations (schema_gen.go).
const (
	versionV5 uint8 = 1 << iota
	versionV6
)

// servedIn reports whether the version asked has the operation of method
// on the route, as the generated operation table says. What the table does
// not know (HEAD) is served as in both.
func (r *route) servedIn(method string, v6 bool) bool {
	vs, ok := cloudOperations[method+" "+r.pattern]
	if !ok {
		return true
	}
	if v6 {
		return vs&versionV6 != 0
	}
	return vs&versionV5 != 0
}

// schema returns the writable properties of a type in the request's
// version (v6: the live v6 document's, falling back to v5's for types the
// generated v6 table lacks).
func (c *rctx) schema(typ string) map[string]propSpec {
	if c.v6 {
		if s, ok := schemasV6[typ]; ok {
			return s
		}
	}
	return schemas[typ]
}

// required returns the attributes a create must have in the request's
// version. On v6 a server made from a template (or a CUBE server) takes its
// cores and RAM from the template, and a node pool's CPU family is
// optional.
func (c *rctx) required(typ string, props map[string]any) []string {
	if !c.v6 {
		return requiredProps[typ]
	}
	switch typ {
	case "server":
		if props["templateUuid"] != nil || strings.EqualFold(str(props["type"]), "CUBE") {
			return nil
		}
	case "nodepool":
		return requiredV6["nodepool"]
	}
	return requiredProps[typ]
}

// seedTemplates adds the fixed sizes of CUBE servers (GET /templates, v6).
func (s *Server) seedTemplates() {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	root := s.st.Nodes[""]
	for i, tp := range []struct {
		name              string
		cores, ram, store int
	}{
		{"Basic Cube XS", 1, 1024, 30},
		{"Basic Cube S", 1, 2048, 50},
		{"Basic Cube M", 2, 4096, 80},
		{"Basic Cube L", 4, 8192, 160},
		{"Basic Cube XL", 6, 16384, 320},
		{"Memory Cube M", 2, 16384, 80},
		{"Memory Cube L", 4, 32768, 160},
	} {
		id := fmt.Sprintf("15c6dd2f-02d2-4987-b439-%012x", i+1)
		n := &node{ID: id, Type: "template", Path: "/templates/" + id, Created: t0, Modified: t0, Etag: newEtag(), State: "AVAILABLE",
			Props: map[string]any{"name": tp.name, "cores": tp.cores, "ram": tp.ram, "storageSize": tp.store}}
		s.st.Nodes[n.Path] = n
		root.Kids["templates"] = append(root.Kids["templates"], n.Path)
	}
}

// applyTemplate enforces v6's rules for servers of a type and from a
// template: a CUBE server needs a template; a server from a template takes
// its cores and RAM from it and may not name cores, RAM or a CPU family. It
// reports whether the server is made from a template.
func (c *rctx) applyTemplate(p map[string]any) (bool, *apiErr) {
	if !c.v6 {
		return false, nil
	}
	typ := strings.ToUpper(str(p["type"]))
	if typ == "" {
		typ = "ENTERPRISE"
		p["type"] = typ
	}
	tid := str(p["templateUuid"])
	if tid == "" {
		if typ == "CUBE" {
			return false, errInvalid("Attribute 'templateUuid' is required for a server of type CUBE")
		}
		return false, nil
	}
	tp := c.st.Nodes["/templates/"+tid]
	if tp == nil {
		return false, errInvalid("Attribute 'templateUuid' has an invalid value '%s': unknown template", tid)
	}
	for _, k := range []string{"cores", "ram", "cpuFamily"} {
		if _, ok := p[k]; ok {
			return false, errInvalid("Attribute '%s' can not be supplied for a server based on a template", k)
		}
	}
	p["cores"], p["ram"] = tp.Props["cores"], tp.Props["ram"]
	p["cpuFamily"] = "INTEL_SKYLAKE"
	return true, nil
}

// hContract answers the contract: v5 one resource, v6 the collection of the
// account's contracts.
func hContract(c *rctx) {
	contractOf(c)
	if !c.v6 || c.err != nil {
		return
	}
	one, _ := c.reply.(map[string]any)
	limits := m0(m0(one["properties"])["resourceLimits"])
	nlbLimits(c, limits)
	if limits != nil {
		// v6's ResourceLimits also has NAT gateways and DAS storage.
		nat, das := 0, 0.0
		for _, x := range c.st.Nodes {
			switch {
			case x.Type == "natgateway":
				nat++
			case x.Type == "volume" && strings.EqualFold(str(x.Props["type"]), "DAS"):
				f, _ := toFloat(x.Props["size"])
				das += f
			}
		}
		limits["natGatewayLimitTotal"], limits["natGatewayProvisioned"], limits["dasVolumeProvisioned"] = 5, nat, das
	}
	c.ok(200, map[string]any{"id": "contracts", "type": "collection", "href": c.base + "/contracts", "items": []any{one}})
}

// jsonForm reads v6's JSON body of a snapshot create or restore
// ({"properties": {...}}) as the form v5 takes.
func (c *rctx) jsonForm() (url.Values, *apiErr) {
	var body struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(c.raw, &body); err != nil {
		return nil, &apiErr{400, "100", "The request body is not valid JSON"}
	}
	v := url.Values{}
	for k, x := range body.Properties {
		if x != nil {
			v.Set(k, fmt.Sprint(x))
		}
	}
	return v, nil
}

// sizeFromTemplate gives a CUBE server's DAS volume, created with it and
// without a size, the size of the server's template, as v6 does (the later
// document no longer requires the size there).
func (c *rctx) sizeFromTemplate(server *node, item map[string]any) {
	props, _ := item["properties"].(map[string]any)
	if !c.v6 || props == nil || props["size"] != nil || !strings.EqualFold(str(props["type"]), "DAS") {
		return
	}
	if tp := c.st.Nodes["/templates/"+str(server.Props["templateUuid"])]; tp != nil {
		props["size"] = tp.Props["storageSize"]
	}
}

// serverV6Routes adds v6's server calls: suspend and resume (CUBE servers
// only), the server's token and its remote console URL.
func serverV6Routes(add func(pattern string, page int, m map[string]handler)) {
	const base = "/datacenters/{}/servers/{}"
	add(base+"/suspend", 0, map[string]handler{http.MethodPost: hSuspendResume(true)})
	add(base+"/resume", 0, map[string]handler{http.MethodPost: hSuspendResume(false)})
	add(base+"/token", 0, map[string]handler{http.MethodGet: hServerToken})
	add(base+"/remoteconsole", 0, map[string]handler{http.MethodGet: hRemoteConsole})
}

// hSuspendResume suspends or resumes a CUBE server; other types are
// refused, as the API does.
func hSuspendResume(suspend bool) handler {
	return func(c *rctx) {
		srv := c.st.node(parentOf(c.path()))
		if srv == nil || srv.Type != "server" {
			c.fail(errNotFound())
			return
		}
		if !strings.EqualFold(str(srv.Props["type"]), "CUBE") {
			c.fail(errInvalid("Only servers of type CUBE can be suspended and resumed"))
			return
		}
		t := c.begin()
		t.change(srv)
		if suspend {
			srv.Props["vmState"] = "SUSPENDED"
		} else {
			srv.Props["vmState"] = "RUNNING"
		}
		t.targets = append(t.targets, srv)
		c.finish(t)
		c.ok(202, nil)
	}
}

func hServerToken(c *rctx) {
	srv := c.st.node(parentOf(c.path()))
	if srv == nil || srv.Type != "server" {
		c.fail(errNotFound())
		return
	}
	c.ok(200, map[string]any{"token": fakeJWT(&authToken{id: srv.ID, created: c.now, expires: c.now.Add(time.Hour)})})
}

func hRemoteConsole(c *rctx) {
	srv := c.st.node(parentOf(c.path()))
	if srv == nil || srv.Type != "server" {
		c.fail(errNotFound())
		return
	}
	c.ok(200, map[string]any{"url": "https://dcd.example.invalid/noVNC?token=" + fakeJWT(&authToken{id: srv.ID, created: c.now, expires: c.now.Add(time.Hour)})})
}

// gpuRoutes serves a server's GPU cards (v6). A server of type GPU has
// one NVIDIA card, derived from the server (the emulator provisions
// nothing); other servers have none.
func gpuRoutes(add func(pattern string, page int, m map[string]handler)) {
	const base = "/datacenters/{}/servers/{}/gpus"
	add(base, 0, map[string]handler{http.MethodGet: hGPUs})
	add(base+"/{}", 0, map[string]handler{http.MethodGet: hGPUs})
}

func (c *rctx) gpusOf(srv *node) []map[string]any {
	if !strings.EqualFold(str(srv.Props["type"]), "GPU") {
		return nil
	}
	id := srv.ID[:24] + "0000000a1000"
	return []map[string]any{{
		"id": id, "type": "gpu", "href": c.base + srv.Path + "/gpus/" + id,
		"metadata":   map[string]any{"etag": srv.Etag, "createdDate": srv.Created.UTC().Format(time.RFC3339), "state": "AVAILABLE"},
		"properties": map[string]any{"name": "NVIDIA H100", "vendor": "NVIDIA", "model": "H100", "type": "passThrough"},
	}}
}

func hGPUs(c *rctx) {
	p := c.path()
	one := !strings.HasSuffix(p, "/gpus")
	sp := parentOf(p)
	if one {
		sp = parentOf(sp)
	}
	srv := c.st.node(sp)
	if srv == nil || srv.Type != "server" {
		c.fail(errNotFound())
		return
	}
	gpus := c.gpusOf(srv)
	if one {
		for _, g := range gpus {
			if g["id"] == c.params[len(c.params)-1] {
				c.ok(200, g)
				return
			}
		}
		c.fail(errNotFound())
		return
	}
	items := make([]any, len(gpus))
	for i, g := range gpus {
		items[i] = g
	}
	c.ok(200, map[string]any{"id": srv.ID + "/gpus", "type": "collection", "href": c.base + p, "items": items})
}

// dcIPv6 returns the data center's /56 IPv6 block, assigning one the first
// time a LAN of it asks for IPv6 (v6).
func (c *rctx) dcIPv6(dc *node) netip.Prefix {
	if p, err := netip.ParsePrefix(str(dc.Props["ipv6CidrBlock"])); err == nil {
		return p
	}
	var a [16]byte
	copy(a[:], []byte{0x20, 0x01, 0x0d, 0xb8, randByte(), randByte(), randByte()})
	p := netip.PrefixFrom(netip.AddrFrom16(a), 56)
	dc.Props["ipv6CidrBlock"] = p.String()
	return p
}

// prepareIPv6LAN gives a v6 LAN asking for IPv6 ("AUTO") the /64 of its
// number inside the data center's /56, or checks one chosen by hand.
func (c *rctx) prepareIPv6LAN(dc, lan *node) *apiErr {
	v := str(lan.Props["ipv6CidrBlock"])
	if !c.v6 || v == "" {
		return nil
	}
	dcp := c.dcIPv6(dc)
	if v == "AUTO" {
		n, _ := toInt(lan.ID)
		a := dcp.Addr().As16()
		a[7] = byte(n)
		lan.Props["ipv6CidrBlock"] = netip.PrefixFrom(netip.AddrFrom16(a), 64).String()
		return nil
	}
	p, err := netip.ParsePrefix(v)
	if err != nil || p.Bits() != 64 || !dcp.Contains(p.Addr()) || p.Masked() != p {
		return errInvalid("Attribute 'ipv6CidrBlock' must be AUTO or a /64 inside the data center's %s", dcp)
	}
	return nil
}

// prepareIPv6NIC gives a v6 NIC on an IPv6 LAN its /80 block (the next free
// one, unless chosen) and an address in it, or checks what was chosen.
func (c *rctx) prepareIPv6NIC(server, nic *node) *apiErr {
	if !c.v6 {
		return nil
	}
	dc := c.st.Nodes[parentOf(parentOf(server.Path))]
	lanID, _ := toInt(nic.Props["lan"])
	lan := c.st.Nodes[dc.Path+"/lans/"+fmt.Sprint(lanID)]
	lp, err := netip.ParsePrefix(lanIPv6(lan))
	if err != nil {
		if nic.Props["ipv6CidrBlock"] != nil || nic.Props["ipv6Ips"] != nil {
			return errInvalid("Attribute 'ipv6CidrBlock' can only be set on a LAN with an IPv6 block")
		}
		return nil
	}
	if v := str(nic.Props["ipv6CidrBlock"]); v != "" {
		p, err := netip.ParsePrefix(v)
		if err != nil || p.Bits() != 80 || !lp.Contains(p.Addr()) {
			return errInvalid("Attribute 'ipv6CidrBlock' must be a /80 inside the LAN's %s", lp)
		}
	} else {
		a := lp.Addr().As16()
		a[8], a[9] = randByte(), randByte()
		nic.Props["ipv6CidrBlock"] = netip.PrefixFrom(netip.AddrFrom16(a), 80).String()
	}
	block := netip.MustParsePrefix(str(nic.Props["ipv6CidrBlock"]))
	if ips, _ := nic.Props["ipv6Ips"].([]any); len(ips) > 0 {
		for _, x := range ips {
			a, err := netip.ParseAddr(str(x))
			if err != nil || !block.Contains(a) {
				return errInvalid("Attribute 'ipv6Ips' must hold addresses inside the NIC's %s", block)
			}
		}
	} else {
		a := block.Addr().As16()
		a[15] = 1
		nic.Props["ipv6Ips"] = []any{netip.AddrFrom16(a).String()}
	}
	return nil
}

func lanIPv6(lan *node) string {
	if lan == nil {
		return ""
	}
	return str(lan.Props["ipv6CidrBlock"])
}
