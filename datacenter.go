package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"strings"
)

// Datacenter is a virtual data center as the API returns it. At depth 1 and
// more, Entities lists its servers, volumes, load balancers and LANs.
type Datacenter struct {
	ID         string               `json:"id"`
	Type       string               `json:"type,omitempty"`
	Href       string               `json:"href,omitempty"`
	Metadata   Metadata             `json:"metadata,omitzero"`
	Properties DatacenterProperties `json:"properties,omitzero"`
	Entities   DatacenterEntities   `json:"entities,omitzero"`
}

// DatacenterProperties are a data center's settings. CPUArchitecture,
// GPUArchitecture, IPv6CIDRBlock and DefaultSecurityGroupID come from Cloud
// API v6 and are empty on v5.
type DatacenterProperties struct {
	Name              string   `json:"name,omitempty"`
	Description       string   `json:"description,omitempty"`
	Location          string   `json:"location,omitempty"`
	Version           int      `json:"version"`
	Features          []string `json:"features,omitempty"`
	SecAuthProtection bool     `json:"secAuthProtection"`
	// CPUArchitecture lists the CPU families servers here can have, with
	// their limits.
	CPUArchitecture []CPUArchitecture `json:"cpuArchitecture,omitempty"`
	// GPUArchitecture lists the GPU models GPU servers here can have.
	GPUArchitecture []GPUArchitecture `json:"gpuArchitecture,omitempty"`
	// IPv6CIDRBlock is the /56 IPv6 block of the data center once IPv6 is
	// enabled in one of its LANs; empty before.
	IPv6CIDRBlock string `json:"ipv6CidrBlock,omitempty"`
	// DefaultSecurityGroupID is the ID of the data center's default
	// security group, if it has one.
	DefaultSecurityGroupID string `json:"defaultSecurityGroupId,omitempty"`
}

// DatacenterEntities are a data center's children.
type DatacenterEntities struct {
	Servers       Collection[Server]       `json:"servers,omitzero"`
	Volumes       Collection[Volume]       `json:"volumes,omitzero"`
	LoadBalancers Collection[LoadBalancer] `json:"loadbalancers,omitzero"`
	LANs          Collection[LAN]          `json:"lans,omitzero"`

	// The collections below come from Cloud API v6 and are empty on v5.

	NetworkLoadBalancers Collection[NetworkLoadBalancer] `json:"networkloadbalancers,omitzero"`
	NATGateways          Collection[NATGateway]          `json:"natgateways,omitzero"`
	SecurityGroups       Collection[SecurityGroup]       `json:"securitygroups,omitzero"`
}

// DatacenterSpec describes a data center to create. Name and Location are
// required. Servers (with their volumes, NICs and firewall rules), Volumes,
// LANs and LoadBalancers are created with it in one call, a "composite"
// creation.
type DatacenterSpec struct {
	// Name may not contain @ / \ | ' ‘ ’.
	Name string
	// Location is where the data center lives, as "de/fra" (see
	// Locations.List).
	Location    string
	Description string
	// SecAuthProtection requires two-factor authentication for changes.
	SecAuthProtection bool
	// CreateDefaultSecurityGroup creates a default security group with
	// predefined rules (Cloud API v6; a client that speaks v5 refuses it
	// before sending).
	CreateDefaultSecurityGroup bool
	// Servers are created in the data center, each with its own volumes,
	// NICs and firewall rules.
	Servers []ServerSpec
	// Volumes are created in the data center, attached to no server.
	Volumes []VolumeSpec
	// LANs are created in the data center.
	LANs []LANSpec
	// LoadBalancers are created in the data center.
	LoadBalancers []LoadBalancerSpec
}

type datacenterPost = post[datacenterPostProperties, datacenterPostEntities]

type datacenterPostEntities struct {
	Servers       *postCollection[serverPost]       `json:"servers,omitempty"`
	Volumes       *postCollection[volumePost]       `json:"volumes,omitempty"`
	LANs          *postCollection[lanPost]          `json:"lans,omitempty"`
	LoadBalancers *postCollection[loadBalancerPost] `json:"loadbalancers,omitempty"`
}

// datacenterPostProperties are the properties of a data center's POST and
// PUT. On v6, Location may be left out of a PUT (it cannot change).
type datacenterPostProperties struct {
	Name                       string `json:"name"`
	Location                   string `json:"location,omitempty"`
	Description                string `json:"description,omitempty"`
	SecAuthProtection          bool   `json:"secAuthProtection,omitempty"`
	CreateDefaultSecurityGroup bool   `json:"createDefaultSecurityGroup,omitempty"`
}

// body validates the spec for API version v and builds the POST body, or
// with replace set, what becomes the PUT's properties.
func (s *DatacenterSpec) body(v APIVersion, replace bool) (*datacenterPost, error) {
	if err := checkDatacenterName("DatacenterSpec.Name", s.Name, true); err != nil {
		return nil, err
	}
	// v6 takes a PUT without the location, which cannot change anyway.
	if !replace || v == APIv5 || s.Location != "" {
		if err := checkLocation("DatacenterSpec.Location", s.Location); err != nil {
			return nil, err
		}
	}
	if err := sinceV6(v, fieldOf{name: "DatacenterSpec.CreateDefaultSecurityGroup"}, s.CreateDefaultSecurityGroup); err != nil {
		return nil, err
	}
	p := &datacenterPost{Properties: datacenterPostProperties{
		Name:                       s.Name,
		Location:                   s.Location,
		Description:                s.Description,
		SecAuthProtection:          s.SecAuthProtection,
		CreateDefaultSecurityGroup: s.CreateDefaultSecurityGroup,
	}}
	var ent datacenterPostEntities
	var err error
	if ent.Servers, err = specItems(v, "DatacenterSpec.Servers", s.Servers, (*ServerSpec).bodyFor); err != nil {
		return nil, err
	}
	if ent.Volumes, err = specItems(v, "DatacenterSpec.Volumes", s.Volumes, (*VolumeSpec).bodyFor); err != nil {
		return nil, err
	}
	if ent.LANs, err = specItems(v, "DatacenterSpec.LANs", s.LANs, (*LANSpec).bodyFor); err != nil {
		return nil, err
	}
	lbBody := func(lb *LoadBalancerSpec, _ APIVersion, field string) (*loadBalancerPost, error) {
		return lb.body(field)
	}
	if ent.LoadBalancers, err = specItems(v, "DatacenterSpec.LoadBalancers", s.LoadBalancers, lbBody); err != nil {
		return nil, err
	}
	if ent.Servers != nil || ent.Volumes != nil || ent.LANs != nil || ent.LoadBalancers != nil {
		p.Entities = &ent
	}
	return p, nil
}

// specItems builds the {"items": [...]} of children from their specs for
// the API version v, or nil when there are none. field names the list in
// errors.
func specItems[S, P any](v APIVersion, field string, specs []S, body func(*S, APIVersion, string) (*P, error)) (*postCollection[P], error) {
	if len(specs) == 0 {
		return nil, nil
	}
	items := make([]P, len(specs))
	for i := range specs {
		p, err := body(&specs[i], v, fmt.Sprintf("%s[%d]", field, i))
		if err != nil {
			return nil, err
		}
		items[i] = *p
	}
	return &postCollection[P]{Items: items}, nil
}

// DatacenterUpdate changes the fields of a data center that are set (non-nil);
// the others keep their value.
//
// DefaultSecurityGroupID and CreateDefaultSecurityGroup are Cloud API v6
// fields, and exclude each other; a client that speaks v5 refuses them
// before sending.
type DatacenterUpdate struct {
	Name              *string `json:"name,omitempty"`
	Description       *string `json:"description,omitempty"`
	SecAuthProtection *bool   `json:"secAuthProtection,omitempty"`
	// DefaultSecurityGroupID makes an existing security group the data
	// center's default one, in place of any previous default (v6).
	DefaultSecurityGroupID *string `json:"defaultSecurityGroupId,omitempty"`
	// CreateDefaultSecurityGroup, true, creates a default security group
	// with predefined rules if the data center has none (v6).
	CreateDefaultSecurityGroup *bool `json:"createDefaultSecurityGroup,omitempty"`
}

func (u *DatacenterUpdate) check(v APIVersion) error {
	const f = "DatacenterUpdate"
	if err := firstError(
		sinceV6(v, fieldOf{f, ".DefaultSecurityGroupID"}, u.DefaultSecurityGroupID != nil),
		sinceV6(v, fieldOf{f, ".CreateDefaultSecurityGroup"}, u.CreateDefaultSecurityGroup != nil),
	); err != nil {
		return err
	}
	if u.Name != nil {
		if err := checkDatacenterName(f+".Name", *u.Name, true); err != nil {
			return err
		}
	}
	if u.DefaultSecurityGroupID != nil {
		if err := id(f+".DefaultSecurityGroupID", *u.DefaultSecurityGroupID).check(); err != nil {
			return err
		}
		if u.CreateDefaultSecurityGroup != nil && *u.CreateDefaultSecurityGroup {
			return invalid(f+".CreateDefaultSecurityGroup", "cannot be true together with DefaultSecurityGroupID")
		}
	}
	return nil
}

// datacenterNameForbidden are the characters the API refuses in a data
// center's name.
const datacenterNameForbidden = "@/\\|'‘’"

func checkDatacenterName(field, name string, required bool) error {
	if name == "" {
		if required {
			return invalid(field, "is required")
		}
		return nil
	}
	if i := strings.IndexAny(name, datacenterNameForbidden); i >= 0 {
		r := []rune(name[i:])[0]
		return invalid(field, "%q may not contain %q (the API refuses @ / \\ | ' ‘ ’)", name, r)
	}
	if hasControl(name) {
		return invalid(field, "%q contains control characters", name)
	}
	return nil
}

func checkLocation(field, loc string) error {
	if loc == "" {
		return invalid(field, "is required")
	}
	region, city, ok := strings.Cut(loc, "/")
	if !ok || region == "" || city == "" || strings.Contains(city, "/") || strings.ContainsAny(loc, " \t\n") {
		return invalid(field, "%q is not a location ID such as \"de/fra\"", loc)
	}
	return nil
}

// DatacentersService manages virtual data centers (/datacenters).
type DatacentersService struct{ c *Client }

// List returns every data center of the account, following the pages of the
// collection until it is complete ([WithPage] asks for one page). The client's
// default depth is sent unless [WithDepth] is given.
func (s *DatacentersService) List(ctx context.Context, opts ...ListOption) ([]Datacenter, *Response, error) {
	return list[Datacenter](ctx, s.c, fixed("/datacenters"), opts)
}

// All iterates over the data centers page by page; breaking out of the loop
// stops fetching.
func (s *DatacentersService) All(ctx context.Context, opts ...ListOption) iter.Seq2[Datacenter, error] {
	return all[Datacenter](ctx, s.c, fixed("/datacenters"), opts)
}

// Get returns one data center, at the client's default depth unless [WithDepth]
// is given.
func (s *DatacentersService) Get(ctx context.Context, datacenterID string, opts ...ReadOption) (*Datacenter, *Response, error) {
	return get[Datacenter](ctx, s.c, at(pathOf("/datacenters/{}", id("datacenterID", datacenterID))), opts)
}

// GetByName returns the one data center whose name matches name, trying in
// turn: the exact name, the name in any case, a prefix, a prefix in any case,
// a substring, a substring in any case; the first rule that matches anything
// decides. No match fails with [ErrNotFound]; more than one with an
// *[AmbiguousNameError] ([ErrAmbiguousName]) that names the candidates.
func (s *DatacentersService) GetByName(ctx context.Context, name string, opts ...ListOption) (*Datacenter, *Response, error) {
	if name == "" {
		return nil, nil, invalid("name", "must not be empty")
	}
	all, resp, err := s.List(ctx, opts...)
	if err != nil {
		return nil, resp, err
	}
	m, err := matchByName(all, name, "data center", func(d *Datacenter) (string, string) { return d.Properties.Name, d.ID })
	return m, resp, err
}

// Create creates a data center, with the servers, volumes, LANs and load
// balancers of spec, in one call, and returns it as the API accepted it; the
// data center is ready once the request in the Response is DONE
// ([Client.WaitForCompletion]). Nothing is sent if any part of spec is invalid; the
// error names the part ("DatacenterSpec.Servers[0].NICs[1].LAN").
func (s *DatacentersService) Create(ctx context.Context, spec DatacenterSpec, opts ...WriteOption) (*Datacenter, *Response, error) {
	secrets := imagePasswords(nil, spec.Volumes...)
	for i := range spec.Servers {
		secrets = imagePasswords(secrets, spec.Servers[i].Volumes...)
	}
	return write[Datacenter](ctx, s.c, http.MethodPost, fixed("/datacenters"), with(spec.body(s.c.version, false)).hiding(secrets), opts)
}

// Update changes the fields of a data center that upd sets (PATCH).
func (s *DatacentersService) Update(ctx context.Context, datacenterID string, upd DatacenterUpdate, opts ...WriteOption) (*Datacenter, *Response, error) {
	return write[Datacenter](ctx, s.c, http.MethodPatch, at(pathOf("/datacenters/{}", id("datacenterID", datacenterID))), with(&upd, upd.check(s.c.version)), opts)
}

// Replace replaces every property of a data center with spec's (PUT);
// properties spec leaves empty are reset. The location cannot change (on
// Cloud API v6 it may be left empty), and spec may not hold servers,
// volumes, LANs or load balancers.
func (s *DatacentersService) Replace(ctx context.Context, datacenterID string, spec DatacenterSpec, opts ...WriteOption) (*Datacenter, *Response, error) {
	return write[Datacenter](ctx, s.c, http.MethodPut, at(pathOf("/datacenters/{}", id("datacenterID", datacenterID))),
		with(spec.body(s.c.version, true)).propsOnly("DatacenterSpec", "create or attach servers, volumes, LANs and load balancers separately"), opts)
}

// Delete deletes a data center and everything in it.
func (s *DatacentersService) Delete(ctx context.Context, datacenterID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/datacenters/{}", id("datacenterID", datacenterID))), opts)
}
