package ionostest

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// Security groups (Cloud API v6, the later v6 API):
// /datacenters/{dc}/securitygroups, their firewall rules under "rules",
// and their attachment to servers and NICs. A group keeps the paths of the
// servers and NICs it is attached to under "servers" and "nics"; those
// keep the group under "securitygroups".

// sgRuleType is the node type of a security group's rule: a firewall rule
// (the API answers "firewall-rule") that lives under "rules".
const sgRuleType = "security-group-rule"

func init() {
	entityName["security-group"] = "securitygroups"
	entityName[sgRuleType] = "rules"
	wireTypes[sgRuleType] = "firewall-rule"
	schemasV6[sgRuleType] = schemasV6["firewall-rule"]
	requiredProps["security-group"] = requiredV6["security-group"]
	entities["security-group"] = append(entities["security-group"], "rules", "nics", "servers")
}

// securityGroupHolders are the types whose v6 entities include their
// security groups (NicEntities and ServerEntities of the later v6 API).
var securityGroupHolders = map[string]string{"nic": "nics", "server": "servers"}

// securityGroupRoutes registers the security group routes (buildRoutes
// calls it).
func securityGroupRoutes(add func(pattern string, page int, m map[string]handler)) {
	type H = map[string]handler
	const G, P, PA, PU, D = http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete
	add("/datacenters/{}/securitygroups", 1000, H{G: hList, P: hSecurityGroupCreate})
	add("/datacenters/{}/securitygroups/{}", 0, H{G: hGet, PA: hSecurityGroupUpdate(false), PU: hSecurityGroupUpdate(true), D: hDelete})
	add("/datacenters/{}/servers/{}/securitygroups", 0, H{PU: hSecurityGroupsAttach})
	add("/datacenters/{}/servers/{}/nics/{}/securitygroups", 0, H{PU: hSecurityGroupsAttach})
	add("/datacenters/{}/securitygroups/{}/rules", 1000, H{G: hList, P: hSecurityGroupRuleCreate})
	add("/datacenters/{}/securitygroups/{}/rules/{}", 0, H{G: hGet, PA: hSecurityGroupRuleUpdate(false), PU: hSecurityGroupRuleUpdate(true), D: hDelete})
}

// hSecurityGroupCreate creates a security group, with the rules of
// entities.rules.
var hSecurityGroupCreate = hCreateWithRules("security-group",
	func(_ *rctx, body map[string]any) *apiErr {
		props, _ := body["properties"].(map[string]any)
		return cmpErr(natRequired("security-group", body), checkSGProps(props))
	}, nil, (*rctx).buildSGRule, 5)

// buildSGRule creates a rule of a security group from a create body.
func (c *rctx) buildSGRule(t *tx, sg *node, body map[string]any) (*node, *apiErr) {
	r, e := c.build(t, sg, sgRuleType, body)
	if e != nil {
		return nil, e
	}
	return r, checkSGRulePorts(r.Props)
}

// checkSGRulePorts applies the documented port range, 1..65535 with start
// <= end, as the NIC firewall rules do.
func checkSGRulePorts(p map[string]any) *apiErr {
	s, hasStart := toInt(p["portRangeStart"])
	e, hasEnd := toInt(p["portRangeEnd"])
	if hasStart && hasEnd && s > e {
		return errInvalid("Attribute 'portRangeStart' must not be greater than 'portRangeEnd'")
	}
	if (hasStart && (s < 1 || s > 65535)) || (hasEnd && (e < 1 || e > 65535)) {
		return errInvalid("Attribute 'portRangeStart' and 'portRangeEnd' must be between 1 and 65535")
	}
	return nil
}

// hSecurityGroupRuleCreate adds a rule to an existing security group; the
// API documents the answer as 200.
var hSecurityGroupRuleCreate = hCreateUnder(http.StatusOK, (*rctx).buildSGRule)

// hSecurityGroupRuleUpdate changes (PATCH) or replaces (PUT) a rule; the
// ports it will have keep the documented range.
func hSecurityGroupRuleUpdate(replace bool) handler {
	return func(c *rctx) {
		n := c.st.node(c.path())
		if n == nil {
			c.fail(errNotFound())
			return
		}
		var body map[string]any
		if c.decode(&body) == nil {
			var props map[string]any
			if replace {
				props, _ = body["properties"].(map[string]any)
			} else {
				props = mergedProps(n.Props, body)
			}
			if e := checkSGRulePorts(props); e != nil {
				c.fail(e)
				return
			}
		}
		if replace {
			hPut(c)
		} else {
			hPatch(c)
		}
	}
}

// withSecurityGroups adds "securitygroups" to the entities of a server or
// NIC on v6.
func (c *rctx) withSecurityGroups(typ string, ents []string) []string {
	if _, ok := securityGroupHolders[typ]; ok && c.v6 && !slices.Contains(ents, "securitygroups") {
		return append(slices.Clone(ents), "securitygroups")
	}
	return ents
}

// hSecurityGroupsAttach sets the security groups of a server or a NIC to
// the groups of body.ids (ListOfIds): every ID names a security group of
// the same data center (422 otherwise); an empty list detaches them all.
// The answer is the holder's groups (200).
func hSecurityGroupsAttach(c *rctx) {
	holder, body, ok := c.parentAndBody()
	if !ok {
		return
	}
	raw, ok := body["ids"].([]any)
	if !ok {
		if body["ids"] == nil {
			c.fail(errRequired("ids"))
		} else {
			c.fail(errInvalid("Attribute 'ids' has an invalid type: expected array"))
		}
		return
	}
	dcPath := strings.Join(strings.SplitN(holder.Path, "/", 4)[:3], "/")
	var groups []string
	for _, v := range raw {
		id, _ := v.(string)
		gp := dcPath + "/securitygroups/" + id
		if g := c.st.Nodes[gp]; id == "" || g == nil || g.Type != "security-group" {
			c.fail(errInvalid("Attribute 'ids' has an invalid value '%v': no security group of the data center has this ID", v))
			return
		}
		if !slices.Contains(groups, gp) {
			groups = append(groups, gp)
		}
	}
	back := securityGroupHolders[holder.Type]
	t := c.begin()
	t.change(holder)
	for _, gp := range holder.Kids["securitygroups"] {
		if g := c.st.Nodes[gp]; g != nil && g.Kids != nil {
			g.Kids[back] = slices.DeleteFunc(g.Kids[back], func(s string) bool { return s == holder.Path })
		}
	}
	if holder.Kids != nil {
		delete(holder.Kids, "securitygroups")
	}
	for _, gp := range groups {
		t.link(holder, "securitygroups", gp)
		t.link(c.st.Nodes[gp], back, holder.Path)
	}
	t.targets = append(t.targets, holder)
	c.touchDC(t, holder.Path)
	c.finish(t)
	c.ok(http.StatusOK, c.collection(c.path(), holder.ID+"/securitygroups", c.st.kids(holder, "securitygroups"), c.writeDepth(1), false))
}

// checkSGProps applies the documented lengths: a name of at most 60
// characters, a description of at most 300.
func checkSGProps(p map[string]any) *apiErr {
	for k, max := range map[string]int{"name": 60, "description": 300} {
		if v, ok := p[k].(string); ok && utf8.RuneCountInString(v) > max {
			return errInvalid("Attribute '%s' must be at most %d characters long", k, max)
		}
	}
	return nil
}

// hSecurityGroupUpdate changes (PATCH) or replaces (PUT) a security group,
// within the documented lengths.
func hSecurityGroupUpdate(replace bool) handler {
	return func(c *rctx) {
		var body map[string]any
		if c.st.node(c.path()) != nil && c.decode(&body) == nil {
			props := body
			if replace {
				props, _ = body["properties"].(map[string]any)
			}
			if e := checkSGProps(props); e != nil {
				c.fail(e)
				return
			}
		}
		if replace {
			hPut(c)
		} else {
			hPatch(c)
		}
	}
}
