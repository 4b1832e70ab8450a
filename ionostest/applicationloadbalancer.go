package ionostest

import (
	"net/http"
	"strconv"
	"strings"
)

// Application load balancers (v6): /datacenters/{dc}/applicationloadbalancers
// with their forwarding rules, whose HTTP rules forward to target groups
// (targetgroup.go).
//
// The rules the API enforces and the emulator keeps: an ALB's listenerLan
// and targetLan are LANs of its data center; a FORWARD HTTP rule's
// targetGroup exists; a target group that an HTTP rule forwards to cannot
// be deleted (422).

// albRuleType is the emulator's type of an ALB forwarding rule (the key of
// its v6 schema); the API calls it "forwarding-rule".
const albRuleType = "applicationloadbalancer-forwarding-rule"

func init() {
	entityName["applicationloadbalancer"] = "applicationloadbalancers"
	entityName[albRuleType] = "forwardingrules"
	entities["applicationloadbalancer"] = []string{"forwardingrules"}
	requiredProps["applicationloadbalancer"] = requiredV6["applicationloadbalancer"]
	requiredProps[albRuleType] = requiredV6[albRuleType]
	wireTypes[albRuleType] = "forwarding-rule"
}

// albRoutes registers the application load balancer routes.
func albRoutes(add func(pattern string, page int, m map[string]handler)) {
	const base = "/datacenters/{}/applicationloadbalancers"
	add(base, 1000, map[string]handler{http.MethodGet: hList, http.MethodPost: hALBCreate})
	add(base+"/{}", 0, map[string]handler{http.MethodGet: hGet, http.MethodPatch: hALBWrite(false), http.MethodPut: hALBWrite(true), http.MethodDelete: hDelete})
	add(base+"/{}/forwardingrules", 1000, map[string]handler{http.MethodGet: hList, http.MethodPost: hALBRuleCreate})
	add(base+"/{}/forwardingrules/{}", 0, map[string]handler{http.MethodGet: hGet, http.MethodPatch: hALBRuleWrite(false), http.MethodPut: hALBRuleWrite(true), http.MethodDelete: hDelete})
	targetGroupRoutes(add)
}

// bodyProps decodes the request body and returns its properties: the body
// itself for a PATCH, body.properties otherwise. ok is false when the body
// is not for the checks here (the generic handler reports what is wrong).
func (c *rctx) bodyProps(flat bool) (map[string]any, bool) {
	var body map[string]any
	if c.decode(&body) != nil {
		return nil, false
	}
	if flat {
		return body, true
	}
	p, ok := body["properties"].(map[string]any)
	return p, ok
}

// checkALBLANs checks that the LANs an ALB names are LANs of its data
// center.
func (c *rctx) checkALBLANs(dcPath string, props map[string]any) *apiErr {
	for _, k := range []string{"listenerLan", "targetLan"} {
		v, ok := props[k]
		if !ok || v == nil {
			continue
		}
		lan, isInt := toInt(v)
		if !isInt {
			continue // the schema check reports it
		}
		n := c.st.Nodes[dcPath+"/lans/"+strconv.FormatInt(lan, 10)]
		if n == nil || n.Hidden {
			return errInvalid("Attribute '%s' has an invalid value '%v': the LAN does not exist in the data center", k, v)
		}
	}
	return nil
}

// dcOf is the path of the data center a path lies in.
func dcOf(p string) string {
	segs := strings.SplitN(p, "/", 4)
	if len(segs) < 3 {
		return ""
	}
	return "/datacenters/" + segs[2]
}

// hALBCreate creates an ALB after checking its LANs.
func hALBCreate(c *rctx) {
	if props, ok := c.bodyProps(false); ok {
		if e := c.checkALBLANs(dcOf(c.path()), props); e != nil {
			c.fail(e)
			return
		}
	}
	hCreate("applicationloadbalancer")(c)
	c.withDefaults(map[string]any{"ips": []any{}, "lbPrivateIps": []any{}, "centralLogging": false})
}

// hALBWrite updates (PATCH) or replaces (PUT) an ALB after checking its
// LANs.
func hALBWrite(replace bool) handler {
	return func(c *rctx) {
		if n := c.st.node(c.path()); n != nil && !n.Hidden {
			if props, ok := c.bodyProps(!replace); ok {
				if e := c.checkALBLANs(dcOf(c.path()), props); e != nil {
					c.fail(e)
					return
				}
			}
		}
		if replace {
			hPut(c)
		} else {
			hPatch(c)
		}
		c.withDefaults(map[string]any{"ips": []any{}, "lbPrivateIps": []any{}, "centralLogging": false})
	}
}

// checkHTTPRules checks the HTTP rules of a forwarding rule: each has a
// name and a type, and a FORWARD rule's target group exists.
func (c *rctx) checkHTTPRules(props map[string]any) *apiErr {
	raw, ok := props["httpRules"]
	if !ok || raw == nil {
		return nil
	}
	rules, ok := raw.([]any)
	if !ok {
		return nil // the schema check reports it
	}
	names := map[string]bool{}
	for i, it := range rules {
		r, ok := it.(map[string]any)
		if !ok {
			return errInvalid("Attribute 'httpRules[%d]' has an invalid type: expected object", i)
		}
		for _, k := range []string{"name", "type"} {
			if s, _ := r[k].(string); s == "" {
				return errRequired("httpRules[" + strconv.Itoa(i) + "]." + k)
			}
		}
		name := str(r["name"])
		if names[name] {
			return errInvalid("Attribute 'httpRules[%d].name' has an invalid value '%s': HTTP rule names must be unique", i, name)
		}
		names[name] = true
		switch str(r["type"]) {
		case "FORWARD":
			tg, _ := r["targetGroup"].(string)
			if tg == "" {
				return errRequired("httpRules[" + strconv.Itoa(i) + "].targetGroup")
			}
			if n := c.st.Nodes["/targetgroups/"+tg]; n == nil || n.Hidden {
				return errInvalid("Attribute 'httpRules[%d].targetGroup' has an invalid value '%s': the target group does not exist", i, tg)
			}
		case "REDIRECT":
			if s, _ := r["location"].(string); s == "" {
				return errRequired("httpRules[" + strconv.Itoa(i) + "].location")
			}
		case "STATIC":
			if s, _ := r["responseMessage"].(string); s == "" {
				return errRequired("httpRules[" + strconv.Itoa(i) + "].responseMessage")
			}
		}
	}
	return nil
}

// checkListenerPort checks the documented range of a listener port.
func checkListenerPort(props map[string]any) *apiErr {
	if v, ok := props["listenerPort"]; ok && v != nil {
		if p, isInt := toInt(v); isInt && (p < 1 || p > 65535) {
			return errInvalid("Attribute 'listenerPort' must be from 1 to 65535")
		}
	}
	return nil
}

var albRuleDefaults = map[string]any{"clientTimeout": 50000, "httpRules": []any{}, "serverCertificates": []any{}}

// hALBRuleCreate creates a forwarding rule after checking its HTTP rules.
func hALBRuleCreate(c *rctx) {
	if props, ok := c.bodyProps(false); ok {
		if e := cmpErr(checkListenerPort(props), c.checkHTTPRules(props)); e != nil {
			c.fail(e)
			return
		}
	}
	hCreate(albRuleType)(c)
	c.withDefaults(albRuleDefaults)
}

// hALBRuleWrite updates (PATCH) or replaces (PUT) a forwarding rule after
// checking its HTTP rules.
func hALBRuleWrite(replace bool) handler {
	return func(c *rctx) {
		if n := c.st.node(c.path()); n != nil && !n.Hidden {
			if props, ok := c.bodyProps(!replace); ok {
				if e := cmpErr(checkListenerPort(props), c.checkHTTPRules(props)); e != nil {
					c.fail(e)
					return
				}
			}
		}
		if replace {
			hPut(c)
		} else {
			hPatch(c)
		}
		c.withDefaults(albRuleDefaults)
	}
}

// withDefaults sets the API's defaults on the resource a successful write
// made or changed, where it has no value, and renders the answer again.
func (c *rctx) withDefaults(defs map[string]any) {
	if c.err != nil {
		return
	}
	reply, _ := c.reply.(map[string]any)
	if reply == nil {
		return
	}
	id, _ := reply["id"].(string)
	p := c.path()
	if lastSeg(p) != id {
		p += "/" + id
	}
	n := c.st.node(p)
	if n == nil {
		return
	}
	for k, v := range defs {
		if _, ok := n.Props[k]; !ok {
			n.Props[k] = deepCopy(v)
		}
	}
	c.reply = c.resource(n, c.writeDepth(1))
}

// nestedALB creates the forwarding rules a new ALB's body holds, checked
// as a POST of each would be.
func (c *rctx) nestedALB(t *tx, alb *node, body map[string]any) *apiErr {
	rules, err := items(body, "forwardingrules")
	if err != nil {
		return err
	}
	for _, it := range rules {
		if props, ok := it["properties"].(map[string]any); ok {
			if e := cmpErr(checkListenerPort(props), c.checkHTTPRules(props)); e != nil {
				return e
			}
		}
		r, e := c.build(t, alb, albRuleType, it)
		if e != nil {
			return e
		}
		for k, v := range albRuleDefaults {
			if _, ok := r.Props[k]; !ok {
				r.Props[k] = deepCopy(v)
			}
		}
	}
	return nil
}
