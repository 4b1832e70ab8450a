package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"unicode/utf8"
)

// SecurityGroup is a network security group as the API returns it: a named
// set of firewall rules of a data center that applies to every server and
// NIC it is attached to. Cloud API v6 only (the later v6 API).
type SecurityGroup struct {
	ID         string                  `json:"id"`
	Type       string                  `json:"type,omitempty"`
	Href       string                  `json:"href,omitempty"`
	Metadata   Metadata                `json:"metadata,omitzero"`
	Properties SecurityGroupProperties `json:"properties,omitzero"`
	Entities   SecurityGroupEntities   `json:"entities,omitzero"`
}

// SecurityGroupProperties are a security group's settings.
type SecurityGroupProperties struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

// SecurityGroupEntities are the children of a security group, returned at
// depth 1 and more: its rules and the NICs and servers it is attached to.
type SecurityGroupEntities struct {
	Rules   Collection[FirewallRule] `json:"rules,omitzero"`
	NICs    Collection[NIC]          `json:"nics,omitzero"`
	Servers Collection[Server]       `json:"servers,omitzero"`
}

// Documented limits of a security group's properties.
const (
	securityGroupNameMax        = 60
	securityGroupDescriptionMax = 300
)

// SecurityGroupSpec describes a security group to create
// ([SecurityGroupsService.Create]) or the properties that replace a
// group's ([SecurityGroupsService.Replace]). Name is required (at most 60
// characters); Description takes at most 300.
type SecurityGroupSpec struct {
	Name        string
	Description string
	// Rules are created with the group (Create only: Replace sets the
	// properties; add rules with [SecurityGroupsService.CreateRule]).
	Rules []FirewallRuleSpec
}

type securityGroupPost = post[SecurityGroupProperties, securityGroupPostEntities]

type securityGroupPostEntities struct {
	Rules *postCollection[firewallRulePost] `json:"rules,omitempty"`
}

// checkSecurityGroupProps checks the documented limits of a name and a
// description.
func checkSecurityGroupProps(field string, name, description *string) error {
	if name != nil {
		if *name == "" {
			return invalid(field+".Name", "is required")
		}
		if utf8.RuneCountInString(*name) > securityGroupNameMax {
			return invalid(field+".Name", "has more than %d characters", securityGroupNameMax)
		}
	}
	if description != nil && utf8.RuneCountInString(*description) > securityGroupDescriptionMax {
		return invalid(field+".Description", "has more than %d characters", securityGroupDescriptionMax)
	}
	return nil
}

// body checks the spec and builds the POST (and PUT) body.
func (s *SecurityGroupSpec) body(field string) (*securityGroupPost, error) {
	if err := checkSecurityGroupProps(field, &s.Name, &s.Description); err != nil {
		return nil, err
	}
	p := &securityGroupPost{Properties: SecurityGroupProperties{Name: s.Name, Description: s.Description}}
	if len(s.Rules) > 0 {
		rules := make([]firewallRulePost, 0, len(s.Rules))
		for i := range s.Rules {
			r, err := s.Rules[i].bodyFor(APIv6, fmt.Sprintf("%s.Rules[%d]", field, i))
			if err != nil {
				return nil, err
			}
			rules = append(rules, *r)
		}
		p.Entities = &securityGroupPostEntities{Rules: &postCollection[firewallRulePost]{Items: rules}}
	}
	return p, nil
}

// SecurityGroupUpdate changes the fields of a security group that are set
// (PATCH); the others keep their value. The API takes the properties
// themselves as the body, not wrapped in "properties".
type SecurityGroupUpdate struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}

// SecurityGroupsService manages the security groups of data centers
// (/datacenters/{dc}/securitygroups), their rules, and which groups apply
// to a server or a NIC. Cloud API v6 only: a client that speaks v5
// refuses every call before sending, with a *[VersionError]. Writes answer
// with a request to wait for ([Client.WaitForCompletion]); a write the API
// accepts without a body succeeds with a nil result, no error and the
// *Response.
type SecurityGroupsService struct{ c *Client }

func securityGroupsPath(datacenterID string) (string, error) {
	return pathOf("/datacenters/{}/securitygroups", id("datacenterID", datacenterID))
}

func securityGroupPath(datacenterID, securityGroupID string) (string, error) {
	return pathOf("/datacenters/{}/securitygroups/{}", id("datacenterID", datacenterID), id("securityGroupID", securityGroupID))
}

// List returns every security group of a data center, following the pages
// of the collection until it is complete ([WithPage] asks for one page),
// at the client's default depth unless [WithDepth] is given.
func (s *SecurityGroupsService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]SecurityGroup, *Response, error) {
	return list[SecurityGroup](ctx, s.c, at(securityGroupsPath(datacenterID)), opts)
}

// All iterates over the security groups of a data center page by page;
// breaking out of the loop stops fetching.
func (s *SecurityGroupsService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[SecurityGroup, error] {
	return all[SecurityGroup](ctx, s.c, at(securityGroupsPath(datacenterID)), opts)
}

// Get returns one security group; at depth 1 and more its Entities list
// its rules, NICs and servers.
func (s *SecurityGroupsService) Get(ctx context.Context, datacenterID, securityGroupID string, opts ...ReadOption) (*SecurityGroup, *Response, error) {
	return get[SecurityGroup](ctx, s.c, at(securityGroupPath(datacenterID, securityGroupID)), opts)
}

// Create adds a security group (and spec's rules) to a data center and
// returns it as the API accepted it, with its new ID.
func (s *SecurityGroupsService) Create(ctx context.Context, datacenterID string, spec SecurityGroupSpec, opts ...WriteOption) (*SecurityGroup, *Response, error) {
	return write[SecurityGroup](ctx, s.c, http.MethodPost, at(securityGroupsPath(datacenterID)), with(spec.body("SecurityGroupSpec")), opts)
}

// Update changes the fields of a security group that upd sets (PATCH).
func (s *SecurityGroupsService) Update(ctx context.Context, datacenterID, securityGroupID string, upd SecurityGroupUpdate, opts ...WriteOption) (*SecurityGroup, *Response, error) {
	return write[SecurityGroup](ctx, s.c, http.MethodPatch, at(securityGroupPath(datacenterID, securityGroupID)), with(&upd, checkSecurityGroupProps("SecurityGroupUpdate", upd.Name, upd.Description)), opts)
}

// Replace replaces the properties of a security group with spec's (PUT);
// a description spec leaves empty is reset. spec.Rules must be empty: add
// rules with CreateRule.
func (s *SecurityGroupsService) Replace(ctx context.Context, datacenterID, securityGroupID string, spec SecurityGroupSpec, opts ...WriteOption) (*SecurityGroup, *Response, error) {
	return write[SecurityGroup](ctx, s.c, http.MethodPut, at(securityGroupPath(datacenterID, securityGroupID)), with(spec.body("SecurityGroupSpec")).propsOnly("SecurityGroupSpec.Rules", "add rules with CreateRule"), opts)
}

// Delete deletes a security group.
func (s *SecurityGroupsService) Delete(ctx context.Context, datacenterID, securityGroupID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(securityGroupPath(datacenterID, securityGroupID)), opts)
}

func securityGroupRulesPath(datacenterID, securityGroupID string) (string, error) {
	return pathOf("/datacenters/{}/securitygroups/{}/rules", id("datacenterID", datacenterID), id("securityGroupID", securityGroupID))
}

func securityGroupRulePath(datacenterID, securityGroupID, ruleID string) (string, error) {
	return pathOf("/datacenters/{}/securitygroups/{}/rules/{}", id("datacenterID", datacenterID), id("securityGroupID", securityGroupID), id("ruleID", ruleID))
}

// ListRules returns every rule of a security group, following the pages of
// the collection until it is complete. The rules are firewall rules: the
// same [FirewallRule] as a NIC's.
func (s *SecurityGroupsService) ListRules(ctx context.Context, datacenterID, securityGroupID string, opts ...ListOption) ([]FirewallRule, *Response, error) {
	return list[FirewallRule](ctx, s.c, at(securityGroupRulesPath(datacenterID, securityGroupID)), opts)
}

// AllRules iterates over the rules of a security group page by page.
func (s *SecurityGroupsService) AllRules(ctx context.Context, datacenterID, securityGroupID string, opts ...ListOption) iter.Seq2[FirewallRule, error] {
	return all[FirewallRule](ctx, s.c, at(securityGroupRulesPath(datacenterID, securityGroupID)), opts)
}

// GetRule returns one rule of a security group.
func (s *SecurityGroupsService) GetRule(ctx context.Context, datacenterID, securityGroupID, ruleID string, opts ...ReadOption) (*FirewallRule, *Response, error) {
	return get[FirewallRule](ctx, s.c, at(securityGroupRulePath(datacenterID, securityGroupID, ruleID)), opts)
}

// CreateRule adds a rule to a security group and returns it. spec is
// checked as a NIC's firewall rule on v6 (ports 1..65535, ICMP type and
// code 0..254, IPv4 or IPv6 addresses or CIDR blocks); the API documents
// the answer as 200.
func (s *SecurityGroupsService) CreateRule(ctx context.Context, datacenterID, securityGroupID string, spec FirewallRuleSpec, opts ...WriteOption) (*FirewallRule, *Response, error) {
	return write[FirewallRule](ctx, s.c, http.MethodPost, at(securityGroupRulesPath(datacenterID, securityGroupID)), with(spec.bodyFor(s.c.version, "FirewallRuleSpec")), opts)
}

// UpdateRule changes the fields of a security group's rule that upd sets
// (PATCH).
func (s *SecurityGroupsService) UpdateRule(ctx context.Context, datacenterID, securityGroupID, ruleID string, upd FirewallRuleUpdate, opts ...WriteOption) (*FirewallRule, *Response, error) {
	return write[FirewallRule](ctx, s.c, http.MethodPatch, at(securityGroupRulePath(datacenterID, securityGroupID, ruleID)), with(upd.bodyFor(s.c.version)), opts)
}

// ReplaceRule replaces every property of a security group's rule with
// spec's (PUT); properties spec leaves empty are reset.
func (s *SecurityGroupsService) ReplaceRule(ctx context.Context, datacenterID, securityGroupID, ruleID string, spec FirewallRuleSpec, opts ...WriteOption) (*FirewallRule, *Response, error) {
	return write[FirewallRule](ctx, s.c, http.MethodPut, at(securityGroupRulePath(datacenterID, securityGroupID, ruleID)), with(spec.bodyFor(s.c.version, "FirewallRuleSpec")).propsOnly("FirewallRuleSpec", ""), opts)
}

// DeleteRule removes a rule from a security group.
func (s *SecurityGroupsService) DeleteRule(ctx context.Context, datacenterID, securityGroupID, ruleID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(securityGroupRulePath(datacenterID, securityGroupID, ruleID)), opts)
}

// securityGroupIDs is the body of the attach calls (ListOfIds): the IDs,
// [] when there are none.
type securityGroupIDs struct {
	IDs []string `json:"ids"`
}

// idsBody checks every ID and builds the body.
func idsBody(ids []string) (*securityGroupIDs, error) {
	out := make([]string, 0, len(ids))
	for i, v := range ids {
		if err := id(fmt.Sprintf("securityGroupIDs[%d]", i), v).check(); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return &securityGroupIDs{IDs: out}, nil
}

// attach sends the IDs to path and returns the groups of the answer.
func (s *SecurityGroupsService) attach(ctx context.Context, r route, ids []string, opts []WriteOption) ([]SecurityGroup, *Response, error) {
	coll, resp, err := write[Collection[SecurityGroup]](ctx, s.c, http.MethodPut, r, with(idsBody(ids)), opts)
	if coll == nil {
		return nil, resp, err
	}
	return coll.Items, resp, err
}

// AttachToServer sets the security groups of a server to the groups of
// securityGroupIDs (PUT): the list replaces the server's groups, so an
// empty list detaches every group. It returns the server's groups as the
// API answers them (200).
func (s *SecurityGroupsService) AttachToServer(ctx context.Context, datacenterID, serverID string, securityGroupIDs []string, opts ...WriteOption) ([]SecurityGroup, *Response, error) {
	return s.attach(ctx, at(pathOf("/datacenters/{}/servers/{}/securitygroups", id("datacenterID", datacenterID), id("serverID", serverID))), securityGroupIDs, opts)
}

// AttachToNIC sets the security groups of a server's NIC to the groups of
// securityGroupIDs (PUT): the list replaces the NIC's groups, so an empty
// list detaches every group. The NIC's groups show in its
// [NICEntities].SecurityGroups at depth 1 and more.
func (s *SecurityGroupsService) AttachToNIC(ctx context.Context, datacenterID, serverID, nicID string, securityGroupIDs []string, opts ...WriteOption) ([]SecurityGroup, *Response, error) {
	return s.attach(ctx, at(pathOf("/datacenters/{}/servers/{}/nics/{}/securitygroups", id("datacenterID", datacenterID), id("serverID", serverID), id("nicID", nicID))), securityGroupIDs, opts)
}
