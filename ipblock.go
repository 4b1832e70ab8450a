package ionos

import (
	"context"
	"iter"
	"net/http"
)

// IPBlock is a block of reserved public IPs as the API returns it.
type IPBlock struct {
	ID         string            `json:"id"`
	Type       string            `json:"type,omitempty"`
	Href       string            `json:"href,omitempty"`
	Metadata   Metadata          `json:"metadata,omitzero"`
	Properties IPBlockProperties `json:"properties,omitzero"`
}

// IPBlockProperties are an IP block's settings and its IPs.
type IPBlockProperties struct {
	Name     string   `json:"name,omitempty"`
	Location string   `json:"location,omitempty"`
	Size     int      `json:"size"`
	IPs      []string `json:"ips,omitempty"`
	// IPConsumers tells which NIC uses each IP (read-only).
	IPConsumers []IPConsumer `json:"ipConsumers,omitempty"`
}

// IPConsumer is the NIC, server and data center (or Kubernetes node pool)
// that uses an IP of a block.
type IPConsumer struct {
	IP              string `json:"ip,omitempty"`
	MAC             string `json:"mac,omitempty"`
	NICID           string `json:"nicId,omitempty"`
	ServerID        string `json:"serverId,omitempty"`
	ServerName      string `json:"serverName,omitempty"`
	DatacenterID    string `json:"datacenterId,omitempty"`
	DatacenterName  string `json:"datacenterName,omitempty"`
	K8sNodePoolUUID string `json:"k8sNodePoolUuid,omitempty"`
	K8sClusterUUID  string `json:"k8sClusterUuid,omitempty"`
}

// IPBlockSpec describes a block of IPs to reserve. Location and Size are
// required.
type IPBlockSpec struct {
	Name string
	// Location is where the IPs can be used, as "de/fra".
	Location string
	// Size is the number of IPs (> 0).
	Size int
}

type ipBlockPost = post[ipBlockPostProperties, noEntities]

type ipBlockPostProperties struct {
	Name     string `json:"name,omitempty"`
	Location string `json:"location"`
	Size     int    `json:"size"`
}

func (s *IPBlockSpec) body() (*ipBlockPost, error) {
	if err := checkServerName(fieldOf{name: "IPBlockSpec.Name"}, s.Name, false); err != nil {
		return nil, err
	}
	if err := checkLocation("IPBlockSpec.Location", s.Location); err != nil {
		return nil, err
	}
	if s.Size <= 0 {
		return nil, invalid("IPBlockSpec.Size", "must be more than 0 (got %d)", s.Size)
	}
	return &ipBlockPost{Properties: ipBlockPostProperties{Name: s.Name, Location: s.Location, Size: s.Size}}, nil
}

// IPBlocksService reserves and releases blocks of public IPs.
type IPBlocksService struct{ c *Client }

// List returns every IP block of the account, following the pages of the
// collection until it is complete ([WithPage] asks for one page), at the
// client's default depth unless [WithDepth] is given.
func (s *IPBlocksService) List(ctx context.Context, opts ...ListOption) ([]IPBlock, *Response, error) {
	return list[IPBlock](ctx, s.c, fixed("/ipblocks").paged(1000), opts)
}

// All iterates over the IP blocks page by page; breaking out of the loop
// stops fetching.
func (s *IPBlocksService) All(ctx context.Context, opts ...ListOption) iter.Seq2[IPBlock, error] {
	return all[IPBlock](ctx, s.c, fixed("/ipblocks").paged(1000), opts)
}

// Get returns one IP block, at the client's default depth unless [WithDepth] is
// given.
func (s *IPBlocksService) Get(ctx context.Context, ipBlockID string, opts ...ReadOption) (*IPBlock, *Response, error) {
	return get[IPBlock](ctx, s.c, at(pathOf("/ipblocks/{}", id("ipBlockID", ipBlockID))), opts)
}

// IPBlockUpdate renames an IP block (PATCH); its location and size cannot
// change.
type IPBlockUpdate struct {
	Name *string `json:"name,omitempty"`
}

// Update changes the name of an IP block (PATCH /ipblocks/{id}).
func (s *IPBlocksService) Update(ctx context.Context, ipBlockID string, upd IPBlockUpdate, opts ...WriteOption) (*IPBlock, *Response, error) {
	return write[IPBlock](ctx, s.c, http.MethodPatch, at(pathOf("/ipblocks/{}", id("ipBlockID", ipBlockID))), with(&upd, nil), opts)
}

// Reserve reserves a block of public IPs in a location. The size goes out as
// a JSON integer.
func (s *IPBlocksService) Reserve(ctx context.Context, spec IPBlockSpec, opts ...WriteOption) (*IPBlock, *Response, error) {
	return write[IPBlock](ctx, s.c, http.MethodPost, fixed("/ipblocks"), with(spec.body()), opts)
}

// Replace replaces every property of an IP block with spec's (PUT); the
// location and size must stay as they are.
func (s *IPBlocksService) Replace(ctx context.Context, ipBlockID string, spec IPBlockSpec, opts ...WriteOption) (*IPBlock, *Response, error) {
	return write[IPBlock](ctx, s.c, http.MethodPut, at(pathOf("/ipblocks/{}", id("ipBlockID", ipBlockID))), with(spec.body()).propsOnly("IPBlockSpec", ""), opts)
}

// Delete releases an IP block.
func (s *IPBlocksService) Delete(ctx context.Context, ipBlockID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/ipblocks/{}", id("ipBlockID", ipBlockID))), opts)
}
