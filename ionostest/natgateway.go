package ionostest

import (
	"fmt"
	"net/http"
	"net/netip"
	"slices"
)

// NAT gateways (Cloud API v6): /datacenters/{dc}/natgateways and their
// rules. The emulator keeps the API's referential rules: a gateway's public
// IPs come from the contract's IP blocks in the data center's location, the
// LANs it attaches to exist in its data center, and a rule's publicIp is
// one of its gateway's public IPs.

func init() {
	entityName["natgateway"] = "natgateways"
	entityName["natgateway-rule"] = "rules"
	entities["natgateway"] = append(entities["natgateway"], "rules")
}

// natGatewayRoutes registers the NAT gateway routes (buildRoutes calls it).
func natGatewayRoutes(add func(pattern string, page int, m map[string]handler)) {
	type H = map[string]handler
	const G, P, PA, PU, D = http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete
	add("/datacenters/{}/natgateways", 1000, H{G: hList, P: hNATGatewayCreate})
	add("/datacenters/{}/natgateways/{}", 0, H{G: hGet, PA: hNATGatewayUpdate(false), PU: hNATGatewayUpdate(true), D: hDelete})
	// The rules of a gateway are one collection without pages (NatGatewayRules
	// has no offset, limit or links).
	add("/datacenters/{}/natgateways/{}/rules", 0, H{G: hList, P: hNATGatewayRuleCreate})
	add("/datacenters/{}/natgateways/{}/rules/{}", 0, H{G: hGet, PA: hNATGatewayRuleUpdate(false), PU: hNATGatewayRuleUpdate(true), D: hDelete})
}

// natRequired refuses a create body whose properties lack what the v6
// schema of typ requires.
func natRequired(typ string, body map[string]any) *apiErr {
	props, ok := body["properties"].(map[string]any)
	if !ok {
		return nil // build says what is wrong
	}
	for _, r := range requiredV6[typ] {
		if props[r] == nil {
			return errRequired(r)
		}
	}
	return nil
}

// hNATGatewayCreate creates a NAT gateway, with the rules of
// entities.rules.
var hNATGatewayCreate = hCreateWithRules("natgateway",
	func(_ *rctx, body map[string]any) *apiErr { return natRequired("natgateway", body) },
	(*rctx).checkNATGateway, (*rctx).buildNATGatewayRule, 2)

// hNATGatewayUpdate changes a NAT gateway: PATCH merges the flat
// properties, PUT replaces them with body.properties.
func hNATGatewayUpdate(replace bool) handler {
	return hNATUpdate(replace, func(c *rctx, n, parent *node, merged, _ map[string]any) *apiErr {
		return c.checkNATGateway(parent, n, merged)
	})
}

// hNATGatewayRuleCreate adds a rule to a NAT gateway.
var hNATGatewayRuleCreate = hCreateUnder(202, (*rctx).buildNATGatewayRule)

// hNATGatewayRuleUpdate changes a rule: PATCH merges, PUT replaces (and
// sets the defaults of what it leaves out).
func hNATGatewayRuleUpdate(replace bool) handler {
	return hNATUpdate(replace, func(_ *rctx, _, parent *node, merged, props map[string]any) *apiErr {
		if e := checkNATGatewayRule(parent, merged); e != nil {
			return e
		}
		if replace {
			natRuleDefaults(props)
		}
		return nil
	})
}

// hNATUpdate changes (PATCH) or replaces (PUT) a NAT gateway or one of its
// rules after check has vetted the properties it will have (merged) and the
// body's (props); parent is the resource the changed one belongs to.
func hNATUpdate(replace bool, check func(c *rctx, n, parent *node, merged, props map[string]any) *apiErr) handler {
	return func(c *rctx) {
		n := c.st.node(c.path())
		if n == nil || n.Hidden {
			c.fail(errNotFound())
			return
		}
		props, e := c.natUpdateBody(n.Type, replace)
		if e != nil {
			c.fail(e)
			return
		}
		merged := props
		if !replace {
			merged = mergedProps(n.Props, props)
		}
		if e := check(c, n, c.st.Nodes[parentOf(parentOf(n.Path))], merged, props); e != nil {
			c.fail(e)
			return
		}
		c.update(n, props, replace)
	}
}

// natUpdateBody decodes the body of a PATCH (flat properties) or a PUT
// ({"properties": ...}, with the create's required properties) and checks
// it against the v6 schema of typ.
func (c *rctx) natUpdateBody(typ string, replace bool) (map[string]any, *apiErr) {
	var body map[string]any
	if e := c.decode(&body); e != nil {
		return nil, e
	}
	if !replace {
		return body, c.checkProps(typ, body, false)
	}
	props, ok := body["properties"].(map[string]any)
	if !ok {
		if _, present := body["properties"]; present {
			return nil, errInvalid("Attribute 'properties' has an invalid type: expected object")
		}
		return nil, errRequired("properties")
	}
	return props, c.checkPropsReq(typ, props, requiredV6[typ])
}

// mergedProps is what a node's properties would be after a PATCH.
func mergedProps(old, patch map[string]any) map[string]any {
	out := make(map[string]any, len(old)+len(patch))
	for k, v := range old {
		out[k] = v
	}
	for k, v := range patch {
		out[k] = v
	}
	return out
}

// buildNATGatewayRule creates a rule of gw from a create body.
func (c *rctx) buildNATGatewayRule(t *tx, gw *node, body map[string]any) (*node, *apiErr) {
	if e := natRequired("natgateway-rule", body); e != nil {
		return nil, e
	}
	r, e := c.build(t, gw, "natgateway-rule", body)
	if e != nil {
		return nil, e
	}
	if e := checkNATGatewayRule(gw, r.Props); e != nil {
		return nil, e
	}
	natRuleDefaults(r.Props)
	return r, nil
}

func natRuleDefaults(p map[string]any) {
	if p["type"] == nil {
		p["type"] = "SNAT"
	}
	if p["protocol"] == nil {
		p["protocol"] = "ALL"
	}
}

// checkNATGateway checks a NAT gateway's properties p (what it will have)
// against the state and normalises them: every public IP belongs to an IP
// block of the contract in the data center's location, every LAN exists in
// the data center (a LAN without gateway IPs gets one with a /24), and
// the rules of an existing gateway keep a public IP of the gateway.
func (c *rctx) checkNATGateway(dc, n *node, p map[string]any) *apiErr {
	ips, _ := p["publicIps"].([]any)
	if len(ips) == 0 {
		return errInvalid("Attribute 'publicIps' must hold at least one IP address")
	}
	loc := str(dc.Props["location"])
	seen := map[string]bool{}
	for _, v := range ips {
		ip, ok := v.(string)
		if !ok {
			return errInvalid("Attribute 'publicIps' must hold strings")
		}
		if seen[ip] {
			return errInvalid("Attribute 'publicIps' has the IP %s twice", ip)
		}
		seen[ip] = true
		block := c.ipBlockOf(ip)
		if block == nil {
			return errInvalid("Attribute 'publicIps' has an invalid value '%s': the IP is not reserved in an IP block of the contract", ip)
		}
		if bl := str(block.Props["location"]); bl != loc {
			return errInvalid("Attribute 'publicIps' has an invalid value '%s': the IP block is in %s, the data center in %s", ip, bl, loc)
		}
		if other := c.natGatewayUsing(ip, n); other != nil {
			return errInvalid("Attribute 'publicIps' has an invalid value '%s': the IP is used by the NAT gateway %s", ip, other.ID)
		}
	}
	lans, ok := p["lans"].([]any)
	if !ok && p["lans"] != nil {
		return errInvalid("Attribute 'lans' has an invalid type: expected array")
	}
	for i, v := range lans {
		l, ok := v.(map[string]any)
		if !ok {
			return errInvalid("Attribute 'lans' must hold objects")
		}
		id, ok := toInt(l["id"])
		if !ok {
			return errRequired("lans.id")
		}
		if c.st.Nodes[fmt.Sprintf("%s/lans/%d", dc.Path, id)] == nil {
			return errInvalid("Attribute 'lans' has an invalid value: the LAN %d does not exist in the data center", id)
		}
		gips, ok := l["gatewayIps"].([]any)
		if !ok && l["gatewayIps"] != nil {
			return errInvalid("Attribute 'lans.gatewayIps' has an invalid type: expected array")
		}
		for _, g := range gips {
			s, _ := g.(string)
			if _, err := netip.ParsePrefix(s); err != nil {
				if _, err := netip.ParseAddr(s); err != nil {
					return errInvalid("Attribute 'lans.gatewayIps' has an invalid value '%v'", g)
				}
			}
		}
		if len(gips) == 0 {
			gips = []any{fmt.Sprintf("10.%d.%d.1/24", randByte(), randByte())}
		}
		lans[i] = map[string]any{"id": id, "gatewayIps": gips}
	}
	if n != nil && c.st.Nodes[n.Path] != nil {
		for _, rp := range n.Kids["rules"] {
			if r := c.st.Nodes[rp]; r != nil && !seen[str(r.Props["publicIp"])] {
				return errInvalid("Attribute 'publicIps': the IP %s is used by the rule %s", str(r.Props["publicIp"]), r.ID)
			}
		}
	}
	return nil
}

// natGatewayUsing returns a NAT gateway other than self that has ip among
// its public IPs.
func (c *rctx) natGatewayUsing(ip string, self *node) *node {
	for _, dp := range c.st.Nodes[""].Kids["datacenters"] {
		dc := c.st.Nodes[dp]
		if dc == nil {
			continue
		}
		for _, gp := range dc.Kids["natgateways"] {
			if g := c.st.Nodes[gp]; g != nil && g != self {
				if ips, _ := g.Props["publicIps"].([]any); slices.Contains(ips, any(ip)) {
					return g
				}
			}
		}
	}
	return nil
}

// ipBlockOf returns the IP block of the contract that holds ip.
func (c *rctx) ipBlockOf(ip string) *node {
	for _, bp := range c.st.Nodes[""].Kids["ipblocks"] {
		b := c.st.Nodes[bp]
		if b == nil {
			continue
		}
		if ips, _ := b.Props["ips"].([]any); slices.Contains(ips, any(ip)) {
			return b
		}
	}
	return nil
}

// checkNATGatewayRule checks a rule's properties p against its gateway:
// the public IP is the gateway's, the subnets are CIDRs, the port range is
// in 1..65535 and not for ICMP.
func checkNATGatewayRule(gw *node, p map[string]any) *apiErr {
	ip := str(p["publicIp"])
	if ips, _ := gw.Props["publicIps"].([]any); !slices.Contains(ips, any(ip)) {
		return errInvalid("Attribute 'publicIp' has an invalid value '%s': it is not a public IP of the NAT gateway", ip)
	}
	for _, k := range []string{"sourceSubnet", "targetSubnet"} {
		if v, ok := p[k]; ok {
			if _, err := netip.ParsePrefix(str(v)); err != nil {
				if _, err := netip.ParseAddr(str(v)); err != nil {
					return errInvalid("Attribute '%s' has an invalid value '%v': expected a subnet", k, v)
				}
			}
		}
	}
	if r, ok := p["targetPortRange"].(map[string]any); ok {
		if str(p["protocol"]) == "ICMP" {
			return errInvalid("Attribute 'targetPortRange' cannot be set for the protocol ICMP")
		}
		s, okS := toInt(r["start"])
		e, okE := toInt(r["end"])
		if !okS || !okE || s < 1 || e > 65535 || s > e {
			return errInvalid("Attribute 'targetPortRange' must have a start and an end between 1 and 65535, start not above end")
		}
	}
	return nil
}
