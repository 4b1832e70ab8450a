package ionos

import (
	"context"
	"iter"
	"net/http"
)

// LoadBalancer is a data center's load balancer as the API returns it. At
// depth 1 and more, Entities lists the NICs it balances.
type LoadBalancer struct {
	ID         string                 `json:"id"`
	Type       string                 `json:"type,omitempty"`
	Href       string                 `json:"href,omitempty"`
	Metadata   Metadata               `json:"metadata,omitzero"`
	Properties LoadBalancerProperties `json:"properties,omitzero"`
	Entities   LoadBalancerEntities   `json:"entities,omitzero"`
}

// LoadBalancerProperties are a load balancer's settings.
type LoadBalancerProperties struct {
	Name string `json:"name,omitempty"`
	IP   string `json:"ip,omitempty"`
	DHCP bool   `json:"dhcp"`
}

// LoadBalancerEntities are a load balancer's children.
type LoadBalancerEntities struct {
	BalancedNICs Collection[NIC] `json:"balancednics,omitzero"`
}

// LoadBalancerSpec describes a load balancer to create, alone
// (LoadBalancers.Create) or inside a data center
// ([DatacenterSpec].LoadBalancers).
type LoadBalancerSpec struct {
	Name string
	// IP is the IPv4 address the balanced NICs share; empty lets the API or
	// DHCP choose.
	IP string
	// DHCP is sent when set; nil leaves the API's default.
	DHCP *bool
	// BalancedNICs are IDs of existing NICs to balance.
	BalancedNICs []string
}

type loadBalancerPost = post[loadBalancerPostProperties, loadBalancerPostEntities]

type loadBalancerPostProperties struct {
	Name string `json:"name,omitempty"`
	IP   string `json:"ip,omitempty"`
	DHCP *bool  `json:"dhcp,omitempty"`
}

type loadBalancerPostEntities struct {
	BalancedNICs *postCollection[idRef] `json:"balancednics,omitempty"`
}

// body validates the spec and builds the POST body; field prefixes the
// names in errors.
func (s *LoadBalancerSpec) body(field string) (*loadBalancerPost, error) {
	if s.IP != "" && !isSpecIPv4(s.IP) {
		return nil, invalid(field+".IP", "%q is not an IPv4 address", s.IP)
	}
	p := &loadBalancerPost{Properties: loadBalancerPostProperties{Name: s.Name, IP: s.IP, DHCP: s.DHCP}}
	if len(s.BalancedNICs) > 0 {
		refs, err := idRefs(field+".BalancedNICs", s.BalancedNICs)
		if err != nil {
			return nil, err
		}
		p.Entities = &loadBalancerPostEntities{BalancedNICs: &postCollection[idRef]{Items: refs}}
	}
	return p, nil
}

// LoadBalancerUpdate changes the fields of a load balancer that are set
// (non-nil); the others keep their value.
type LoadBalancerUpdate struct {
	Name *string `json:"name,omitempty"`
	// IP is an IPv4 address; the balanced NICs take it over.
	IP *string `json:"ip,omitempty"`
	// DHCP is sent as a JSON boolean, false included.
	DHCP *bool `json:"dhcp,omitempty"`
}

func (u *LoadBalancerUpdate) check() error {
	if u.IP != nil && !isSpecIPv4(*u.IP) {
		return invalid("LoadBalancerUpdate.IP", "%q is not an IPv4 address", *u.IP)
	}
	return nil
}

// LoadBalancersService manages load balancers and the NICs they balance
// (/datacenters/{dc}/loadbalancers).
type LoadBalancersService struct{ c *Client }

func loadBalancersPath(datacenterID string) (string, error) {
	return pathOf("/datacenters/{}/loadbalancers", id("datacenterID", datacenterID))
}

func loadBalancerPath(datacenterID, loadBalancerID string) (string, error) {
	return pathOf("/datacenters/{}/loadbalancers/{}", id("datacenterID", datacenterID), id("loadBalancerID", loadBalancerID))
}

func balancedNICsPath(datacenterID, loadBalancerID string) (string, error) {
	return pathOf("/datacenters/{}/loadbalancers/{}/balancednics", id("datacenterID", datacenterID), id("loadBalancerID", loadBalancerID))
}

func balancedNICPath(datacenterID, loadBalancerID, nicID string) (string, error) {
	return pathOf("/datacenters/{}/loadbalancers/{}/balancednics/{}",
		id("datacenterID", datacenterID), id("loadBalancerID", loadBalancerID), id("nicID", nicID))
}

// List returns every load balancer of a data center, following the pages of
// the collection until it is complete ([WithPage] asks for one page). The
// client's default depth is sent unless [WithDepth] is given.
func (s *LoadBalancersService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]LoadBalancer, *Response, error) {
	return list[LoadBalancer](ctx, s.c, at(loadBalancersPath(datacenterID)), opts)
}

// All iterates over the load balancers of a data center page by page;
// breaking out of the loop stops fetching. An invalid ID is yielded as the
// only error.
func (s *LoadBalancersService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[LoadBalancer, error] {
	return all[LoadBalancer](ctx, s.c, at(loadBalancersPath(datacenterID)), opts)
}

// Get returns one load balancer, at the client's default depth unless
// [WithDepth] is given.
func (s *LoadBalancersService) Get(ctx context.Context, datacenterID, loadBalancerID string, opts ...ReadOption) (*LoadBalancer, *Response, error) {
	return get[LoadBalancer](ctx, s.c, at(loadBalancerPath(datacenterID, loadBalancerID)), opts)
}

// Create creates a load balancer, balancing spec.BalancedNICs from the start,
// and returns it as the API accepted it; it is ready once the request in the
// Response is DONE ([Client.WaitForCompletion]). DHCP is sent as a JSON boolean.
func (s *LoadBalancersService) Create(ctx context.Context, datacenterID string, spec LoadBalancerSpec, opts ...WriteOption) (*LoadBalancer, *Response, error) {
	return write[LoadBalancer](ctx, s.c, http.MethodPost, at(loadBalancersPath(datacenterID)), with(spec.body("LoadBalancerSpec")), opts)
}

// Update changes the fields of a load balancer that upd sets (PATCH).
func (s *LoadBalancersService) Update(ctx context.Context, datacenterID, loadBalancerID string, upd LoadBalancerUpdate, opts ...WriteOption) (*LoadBalancer, *Response, error) {
	return write[LoadBalancer](ctx, s.c, http.MethodPatch, at(loadBalancerPath(datacenterID, loadBalancerID)), with(&upd, upd.check()), opts)
}

// Replace replaces every property of a load balancer with spec's (PUT);
// properties spec leaves empty are reset.
func (s *LoadBalancersService) Replace(ctx context.Context, datacenterID, loadBalancerID string, spec LoadBalancerSpec, opts ...WriteOption) (*LoadBalancer, *Response, error) {
	return write[LoadBalancer](ctx, s.c, http.MethodPut, at(loadBalancerPath(datacenterID, loadBalancerID)), with(spec.body("LoadBalancerSpec")).propsOnly("LoadBalancerSpec", "balance NICs with AddNIC"), opts)
}

// Delete deletes a load balancer.
func (s *LoadBalancersService) Delete(ctx context.Context, datacenterID, loadBalancerID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(loadBalancerPath(datacenterID, loadBalancerID)), opts)
}

// ListBalancedNICs returns the NICs a load balancer balances, following the
// pages of the collection until it is complete ([WithPage] asks for one page),
// at the client's default depth unless [WithDepth] is given.
func (s *LoadBalancersService) ListBalancedNICs(ctx context.Context, datacenterID, loadBalancerID string, opts ...ListOption) ([]NIC, *Response, error) {
	return list[NIC](ctx, s.c, at(balancedNICsPath(datacenterID, loadBalancerID)), opts)
}

// AllBalancedNICs iterates over the NICs a load balancer balances page by
// page; breaking out of the loop stops fetching. An invalid ID is yielded
// as the only error.
func (s *LoadBalancersService) AllBalancedNICs(ctx context.Context, datacenterID, loadBalancerID string, opts ...ListOption) iter.Seq2[NIC, error] {
	return all[NIC](ctx, s.c, at(balancedNICsPath(datacenterID, loadBalancerID)), opts)
}

// GetBalancedNIC returns one NIC that a load balancer balances, at the
// client's default depth unless [WithDepth] is given.
func (s *LoadBalancersService) GetBalancedNIC(ctx context.Context, datacenterID, loadBalancerID, nicID string, opts ...ReadOption) (*NIC, *Response, error) {
	return get[NIC](ctx, s.c, at(balancedNICPath(datacenterID, loadBalancerID, nicID)), opts)
}

// AddNIC makes a load balancer balance an existing NIC (POST {"id": nicID})
// and returns the NIC as the API accepted it; the NIC takes the load
// balancer's IP.
func (s *LoadBalancersService) AddNIC(ctx context.Context, datacenterID, loadBalancerID, nicID string, opts ...WriteOption) (*NIC, *Response, error) {
	return write[NIC](ctx, s.c, http.MethodPost, at(balancedNICsPath(datacenterID, loadBalancerID)), with(&idRef{ID: nicID}, id("nicID", nicID).check()), opts)
}

// RemoveNIC stops a load balancer balancing a NIC; the NIC itself stays.
func (s *LoadBalancersService) RemoveNIC(ctx context.Context, datacenterID, loadBalancerID, nicID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(balancedNICPath(datacenterID, loadBalancerID, nicID)), opts)
}
