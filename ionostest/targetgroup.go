package ionostest

import (
	"net/http"
	"strings"
)

// Target groups (v6): /targetgroups, the pools of targets behind the HTTP
// rules of application load balancers. A group that an HTTP rule forwards
// to cannot be deleted (422), as the API answers.

func init() {
	entityName["target-group"] = "targetgroups"
	requiredProps["target-group"] = requiredV6["target-group"]
}

// targetGroupsMaxPage is the largest page GET /targetgroups takes (its
// default is 100).
const targetGroupsMaxPage = 200

// targetGroupRoutes registers the target group routes.
func targetGroupRoutes(add func(pattern string, page int, m map[string]handler)) {
	add("/targetgroups", 100, map[string]handler{http.MethodGet: hList, http.MethodPost: hTargetGroupCreate})
	add("/targetgroups/{}", 0, map[string]handler{http.MethodGet: hGet, http.MethodPatch: hTargetGroupWrite(false),
		http.MethodPut: hTargetGroupWrite(true), http.MethodDelete: hTargetGroupDelete})
}

var targetGroupDefaults = map[string]any{
	"targets":     []any{},
	"healthCheck": map[string]any{"checkTimeout": 2000, "checkInterval": 2000, "retries": 3},
}

// checkTargets checks the documented ranges of targets: port 1..65535,
// weight 0..256, and that each has an IP.
func checkTargets(props map[string]any) *apiErr {
	ts, ok := props["targets"].([]any)
	if !ok {
		return nil
	}
	for i, it := range ts {
		t, ok := it.(map[string]any)
		if !ok {
			return errInvalid("Attribute 'targets[%d]' has an invalid type: expected object", i)
		}
		if s, _ := t["ip"].(string); s == "" {
			return errInvalid("Attribute 'targets[%d].ip' is required", i)
		}
		port, _ := toInt(t["port"])
		if port < 1 || port > 65535 {
			return errInvalid("Attribute 'targets[%d].port' must be from 1 to 65535", i)
		}
		w, hasW := toInt(t["weight"])
		if !hasW || w < 0 || w > 256 {
			return errInvalid("Attribute 'targets[%d].weight' must be from 0 to 256", i)
		}
		if _, ok := t["healthCheckEnabled"]; !ok {
			t["healthCheckEnabled"] = true
		}
		if _, ok := t["maintenanceEnabled"]; !ok {
			t["maintenanceEnabled"] = false
		}
	}
	return nil
}

// hTargetGroupCreate creates a target group after checking its targets.
func hTargetGroupCreate(c *rctx) {
	if props, ok := c.bodyProps(false); ok {
		if e := checkTargets(props); e != nil {
			c.fail(e)
			return
		}
	}
	hCreate("target-group")(c)
	c.withDefaults(targetGroupDefaults)
	c.targetDefaults()
}

// hTargetGroupWrite updates (PATCH) or replaces (PUT) a target group after
// checking its targets.
func hTargetGroupWrite(replace bool) handler {
	return func(c *rctx) {
		if n := c.st.node(c.path()); n != nil && !n.Hidden {
			if props, ok := c.bodyProps(!replace); ok {
				if e := checkTargets(props); e != nil {
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
		c.withDefaults(targetGroupDefaults)
		c.targetDefaults()
	}
}

// targetDefaults gives the targets of the group just written the API's
// defaults (health check on, maintenance off) where the body left them out.
func (c *rctx) targetDefaults() {
	if c.err != nil {
		return
	}
	reply, _ := c.reply.(map[string]any)
	if reply == nil {
		return
	}
	n := c.st.node("/targetgroups/" + str(reply["id"]))
	if n == nil {
		return
	}
	ts, _ := n.Props["targets"].([]any)
	for _, it := range ts {
		if t, ok := it.(map[string]any); ok {
			if _, ok := t["healthCheckEnabled"]; !ok {
				t["healthCheckEnabled"] = true
			}
			if _, ok := t["maintenanceEnabled"]; !ok {
				t["maintenanceEnabled"] = false
			}
		}
	}
	c.reply = c.resource(n, c.writeDepth(1))
}

// hTargetGroupDelete deletes a target group unless an HTTP rule of an
// application load balancer forwards to it.
func hTargetGroupDelete(c *rctx) {
	n := c.st.node(c.path())
	if n != nil && !n.Hidden {
		if rule := c.targetGroupUser(n.ID); rule != "" {
			c.fail(errInvalid("The target group %s is in use by the application load balancer forwarding rule %s and cannot be deleted", n.ID, rule))
			return
		}
	}
	hDelete(c)
}

// targetGroupUser returns the path of a forwarding rule whose HTTP rules
// forward to the target group, or "".
func (c *rctx) targetGroupUser(id string) string {
	for p, n := range c.st.Nodes {
		if n.Type != albRuleType || n.Hidden || !strings.HasPrefix(p, "/datacenters/") {
			continue
		}
		rules, _ := n.Props["httpRules"].([]any)
		for _, it := range rules {
			if r, ok := it.(map[string]any); ok && str(r["targetGroup"]) == id {
				return strings.TrimPrefix(p, "/")
			}
		}
	}
	return ""
}
