package ionostest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// Network load balancers (Cloud API v6): /datacenters/{dc}/networkloadbalancers
// and their forwarding rules. Besides the schema's property kinds and
// required attributes, the fake checks, as the API does, with a 422 and the
// API's error body:
//
//   - listenerLan and targetLan name LANs of the load balancer's data
//     center, and differ (also after a PATCH that sets one of them);
//   - a forwarding rule's listenerPort is in 1..65535; every target has an
//     ip that is an IP of a NIC of a server in the same data center, a port
//     in 1..65535 and a weight in 0..256 (the spec's ranges); the health
//     check's retries are in 0..65535.
//
// It does not check that the load balancer's ips are reserved by the
// contract, nor that a rule's listenerIp is one of them. Unset health check
// settings take the API's documented defaults.

func init() {
	entityName["networkloadbalancer"] = "networkloadbalancers"
	entityName["networkloadbalancer-forwarding-rule"] = "forwardingrules"
	entities["networkloadbalancer"] = []string{"forwardingrules"}
	// The routes are v6 only: the v6 schema's required attributes.
	requiredProps["networkloadbalancer"] = requiredV6["networkloadbalancer"]
	requiredProps["networkloadbalancer-forwarding-rule"] = requiredV6["networkloadbalancer-forwarding-rule"]
}

// wireTypes are the types the API answers for node types whose name in the
// fake differs (the fake names them by their schema in schema_gen.go).
var wireTypes = map[string]string{
	"networkloadbalancer-forwarding-rule": "forwarding-rule",
}

// wireType is the "type" the API answers for a node of type t.
func wireType(t string) string {
	if w, ok := wireTypes[t]; ok {
		return w
	}
	return t
}

const (
	nlbType     = "networkloadbalancer"
	nlbRuleType = "networkloadbalancer-forwarding-rule"
)

// networkLoadBalancerRoutes adds the routes of network load balancers and
// their forwarding rules.
func networkLoadBalancerRoutes(add func(pattern string, page int, m map[string]handler)) {
	const G, P, PA, PU, D = http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete
	add("/datacenters/{}/networkloadbalancers", 1000, map[string]handler{G: hList, P: hCreateNLB})
	add("/datacenters/{}/networkloadbalancers/{}", 0, map[string]handler{G: hGet, PA: nlbChecked(nlbType, false, hPatch), PU: nlbChecked(nlbType, true, hPut), D: hDelete})
	add("/datacenters/{}/networkloadbalancers/{}/forwardingrules", 0, map[string]handler{G: hList, P: nlbChecked(nlbRuleType, true, hCreate(nlbRuleType))})
	add("/datacenters/{}/networkloadbalancers/{}/forwardingrules/{}", 0, map[string]handler{G: hGet, PA: nlbChecked(nlbRuleType, false, hPatch), PU: nlbChecked(nlbRuleType, true, hPut), D: nlbRuleDelete})
}

// nlbRuleDelete deletes a forwarding rule; its load balancer is busy
// meanwhile.
func nlbRuleDelete(c *rctx) {
	hDelete(c)
	if c.err == nil {
		c.nlbBusyWith(c.st.node(c.path()))
	}
}

// nlbBusyWith makes the load balancer of a forwarding rule being written
// busy as long as the rule, as the API does: a rule change reconfigures
// its load balancer.
func (c *rctx) nlbBusyWith(rule *node) {
	if rule == nil || rule.Type != nlbRuleType {
		return
	}
	if n := c.st.node(parentOf(parentOf(rule.Path))); n != nil {
		n.Modified, n.Etag = rule.Modified, newEtag()
		n.BusyState, n.BusyUntil = rule.BusyState, laterOf(n.BusyUntil, rule.BusyUntil)
	}
}

// nlbDC is the data center of the load balancer the path is in or under.
func (c *rctx) nlbDC() *node {
	segs := strings.Split(strings.Trim(c.path(), "/"), "/")
	if len(segs) < 2 {
		return nil
	}
	return c.st.Nodes["/datacenters/"+segs[1]]
}

// hCreateNLB creates a network load balancer with the forwarding rules of
// its entities.
func hCreateNLB(c *rctx) {
	dc, body, ok := c.parentAndBody()
	if !ok {
		return
	}
	rules, e := items(body, "forwardingrules")
	if e != nil {
		c.fail(e)
		return
	}
	if props, ok := body["properties"].(map[string]any); ok {
		if e := c.checkNLB(dc, props, nil); e != nil {
			c.fail(e)
			return
		}
	}
	for _, r := range rules {
		if props, ok := r["properties"].(map[string]any); ok {
			if e := c.checkNLBRule(dc, props, true); e != nil {
				c.fail(e)
				return
			}
		}
	}
	t := c.begin()
	n, e := c.build(t, dc, nlbType, body)
	for i := 0; e == nil && i < len(rules); i++ {
		var r *node
		if r, e = c.build(t, n, nlbRuleType, rules[i]); e == nil {
			nlbDefaults(r)
		}
	}
	if e != nil {
		c.st.rollback(t.undo)
		c.fail(e)
		return
	}
	nlbDefaults(n)
	t.targets = append(t.targets, n)
	c.touchDC(t, n.Path)
	c.finish(t)
	def := 1
	if len(rules) > 0 {
		def = 2
	}
	c.ok(202, c.resource(n, c.writeDepth(def)))
}

// nlbChecked checks the body of a write of typ (its properties, or with
// wrapped its "properties") against the data center before next handles
// it, then sets the API's defaults on what next wrote.
func nlbChecked(typ string, wrapped bool, next handler) handler {
	return func(c *rctx) {
		dc := c.nlbDC()
		if dc == nil {
			c.fail(errNotFound())
			return
		}
		dec := json.NewDecoder(bytes.NewReader(c.raw))
		dec.UseNumber()
		var body map[string]any
		if dec.Decode(&body) == nil {
			props := body
			if wrapped {
				props, _ = body["properties"].(map[string]any)
			}
			if props != nil {
				full := wrapped && c.r.Method != http.MethodPatch
				var e *apiErr
				if typ == nlbType {
					var old map[string]any
					if n := c.st.node(c.path()); n != nil && c.r.Method == http.MethodPatch {
						old = n.Props
					}
					e = c.checkNLB(dc, props, old)
				} else {
					e = c.checkNLBRule(dc, props, full)
				}
				if e != nil {
					c.fail(e)
					return
				}
			}
		}
		next(c)
		if c.err != nil {
			return
		}
		p := c.path()
		if c.r.Method == http.MethodPost {
			reply, _ := c.reply.(map[string]any)
			p += "/" + str(reply["id"])
		}
		if n := c.st.node(p); n != nil {
			nlbDefaults(n)
			c.nlbBusyWith(n)
			c.reply = c.resource(n, c.writeDepth(1))
		}
	}
}

// checkNLB checks a load balancer's LANs against its data center; old are
// the properties a PATCH leaves as they are.
func (c *rctx) checkNLB(dc *node, props, old map[string]any) *apiErr {
	for _, k := range []string{"listenerLan", "targetLan"} {
		v, ok := props[k]
		if !ok || v == nil {
			continue
		}
		if c.st.Nodes[dc.Path+"/lans/"+numString(v)] == nil {
			return errInvalid("Attribute '%s' has an invalid value '%s': the LAN does not exist in the data center", k, numString(v))
		}
	}
	lan := func(k string) any {
		if v, ok := props[k]; ok {
			return v
		}
		return old[k]
	}
	if l, t := lan("listenerLan"), lan("targetLan"); l != nil && t != nil && numString(l) == numString(t) {
		return errInvalid("Attribute 'targetLan' must differ from 'listenerLan'")
	}
	return nil
}

// checkNLBRule checks a forwarding rule's port, health check and targets;
// full requires what a create or replace must send.
func (c *rctx) checkNLBRule(dc *node, props map[string]any, full bool) *apiErr {
	if v, ok := props["listenerPort"]; ok && v != nil {
		if p, ok := nlbInt(v); !ok || p < 1 || p > 65535 {
			return errInvalid("Attribute 'listenerPort' must be between 1 and 65535")
		}
	}
	if v, ok := props["listenerIp"]; ok && v != nil {
		if _, err := netip.ParseAddr(str(v)); err != nil {
			return errInvalid("Attribute 'listenerIp' has an invalid value '%v': expected an IP address", v)
		}
	}
	if hc, ok := props["healthCheck"].(map[string]any); ok {
		if v, ok := hc["retries"]; ok {
			if r, ok := nlbInt(v); !ok || r < 0 || r > 65535 {
				return errInvalid("Attribute 'healthCheck.retries' must be between 0 and 65535")
			}
		}
	}
	raw, present := props["targets"]
	if !present || raw == nil {
		return nil
	}
	targets, ok := raw.([]any)
	if !ok {
		return errInvalid("Attribute 'targets' has an invalid type: expected array")
	}
	if full && len(targets) == 0 {
		return errInvalid("Attribute 'targets' must list at least one target")
	}
	ips := c.nicIPs(dc)
	for i, it := range targets {
		tg, ok := it.(map[string]any)
		if !ok {
			return errInvalid("Attribute 'targets[%d]' has an invalid type: expected object", i)
		}
		for _, k := range []string{"ip", "port", "weight"} {
			if tg[k] == nil {
				return errRequired(fmt.Sprintf("targets[%d].%s", i, k))
			}
		}
		ip := str(tg["ip"])
		if !ips[ip] {
			return errInvalid("Attribute 'targets[%d].ip' has an invalid value '%s': no NIC of the data center has this IP", i, ip)
		}
		if p, ok := nlbInt(tg["port"]); !ok || p < 1 || p > 65535 {
			return errInvalid("Attribute 'targets[%d].port' must be between 1 and 65535", i)
		}
		if w, ok := nlbInt(tg["weight"]); !ok || w < 0 || w > 256 {
			return errInvalid("Attribute 'targets[%d].weight' must be between 0 and 256", i)
		}
	}
	return nil
}

// nicIPs are the IPs of the NICs of the data center's servers.
func (c *rctx) nicIPs(dc *node) map[string]bool {
	out := map[string]bool{}
	for _, sp := range dc.Kids["servers"] {
		srv := c.st.Nodes[sp]
		if srv == nil {
			continue
		}
		for _, np := range srv.Kids["nics"] {
			if nic := c.st.Nodes[np]; nic != nil {
				ips, _ := nic.Props["ips"].([]any)
				for _, ip := range ips {
					out[str(ip)] = true
				}
			}
		}
	}
	return out
}

// nlbInt reads an integer sent as a number or a numeric string.
func nlbInt(v any) (int64, bool) {
	if s, ok := v.(string); ok {
		i, err := strconv.ParseInt(s, 10, 64)
		return i, err == nil
	}
	return toInt(v)
}

// nlbDefaults sets what the API fills in when a write leaves it out.
func nlbDefaults(n *node) {
	p := n.Props
	switch n.Type {
	case nlbType:
		if _, ok := p["ips"]; !ok {
			p["ips"] = []any{}
		}
		if l, ok := p["lbPrivateIps"].([]any); !ok || len(l) == 0 {
			p["lbPrivateIps"] = []any{fmt.Sprintf("10.%d.%d.%d/24", randByte(), randByte(), randByte()%250+2)}
		}
		if _, ok := p["centralLogging"]; !ok {
			p["centralLogging"] = false
		}
	case nlbRuleType:
		hc, _ := p["healthCheck"].(map[string]any)
		if hc == nil {
			hc = map[string]any{}
		}
		for k, v := range map[string]any{"clientTimeout": 50000, "connectTimeout": 5000, "targetTimeout": 50000, "retries": 3} {
			if _, ok := hc[k]; !ok {
				hc[k] = v
			}
		}
		p["healthCheck"] = hc
		targets, _ := p["targets"].([]any)
		for _, it := range targets {
			tg, _ := it.(map[string]any)
			if tg == nil {
				continue
			}
			th, _ := tg["healthCheck"].(map[string]any)
			if th == nil {
				th = map[string]any{}
			}
			for k, v := range map[string]any{"check": false, "checkInterval": 2000, "maintenance": false} {
				if _, ok := th[k]; !ok {
					th[k] = v
				}
			}
			tg["healthCheck"] = th
		}
	}
}

// nlbLimits sets the v6 contract's network load balancer counters: a limit
// and the load balancers that exist.
func nlbLimits(c *rctx, limits map[string]any) {
	if limits == nil {
		return
	}
	n := 0
	for _, x := range c.st.Nodes {
		if x.Type == nlbType {
			n++
		}
	}
	limits["nlbLimitTotal"], limits["nlbProvisioned"] = 10, n
}
