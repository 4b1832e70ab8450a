package ionos

import (
	"context"
	"net/http"
)

// CrossConnect is a private cross-connect (PCC) as the API returns it: a
// private network joining LANs of several data centers.
type CrossConnect struct {
	ID         string                 `json:"id"`
	Type       string                 `json:"type,omitempty"`
	Href       string                 `json:"href,omitempty"`
	Metadata   Metadata               `json:"metadata,omitzero"`
	Properties CrossConnectProperties `json:"properties,omitzero"`
}

// CrossConnectProperties are a cross-connect's settings, with the LANs it
// joins (Peers) and the data centers it could join; both are read-only
// (a LAN joins through its PCC property).
type CrossConnectProperties struct {
	Name                   string                  `json:"name,omitempty"`
	Description            string                  `json:"description,omitempty"`
	Peers                  []CrossConnectPeer      `json:"peers,omitempty"`
	ConnectableDatacenters []ConnectableDatacenter `json:"connectableDatacenters,omitempty"`
}

// CrossConnectPeer is a LAN joined to a cross-connect.
type CrossConnectPeer struct {
	ID             string `json:"id,omitempty"`
	Name           string `json:"name,omitempty"`
	DatacenterID   string `json:"datacenterId,omitempty"`
	DatacenterName string `json:"datacenterName,omitempty"`
	Location       string `json:"location,omitempty"`
}

// ConnectableDatacenter is a data center whose LANs can join a
// cross-connect.
type ConnectableDatacenter struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Location string `json:"location,omitempty"`
}

// CrossConnectSpec describes a cross-connect to create. Both fields are
// optional.
type CrossConnectSpec struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

// CrossConnectUpdate changes the fields of a cross-connect that are set
// (non-nil); "" is sent.
type CrossConnectUpdate struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}

// CrossConnectsService manages private cross-connects between data centers
// (/pccs).
type CrossConnectsService struct{ c *Client }

// List returns every cross-connect.
func (s *CrossConnectsService) List(ctx context.Context, opts ...ListOption) ([]CrossConnect, *Response, error) {
	return list[CrossConnect](ctx, s.c, fixed("/pccs"), opts)
}

// Get returns one cross-connect.
func (s *CrossConnectsService) Get(ctx context.Context, pccID string, opts ...ReadOption) (*CrossConnect, *Response, error) {
	return get[CrossConnect](ctx, s.c, at(pathOf("/pccs/{}", id("pccID", pccID))), opts)
}

// Create creates a cross-connect; LANs join it through their PCC property
// ([LANSpec].PCC).
func (s *CrossConnectsService) Create(ctx context.Context, spec CrossConnectSpec, opts ...WriteOption) (*CrossConnect, *Response, error) {
	var err error
	if hasControl(spec.Name) {
		err = invalid("CrossConnectSpec.Name", "%q contains control characters", spec.Name)
	}
	return write[CrossConnect](ctx, s.c, http.MethodPost, fixed("/pccs"), with(&putBody[CrossConnectSpec]{Properties: spec}, err), opts)
}

// Update changes the fields of a cross-connect that upd sets (PATCH, flat
// body).
func (s *CrossConnectsService) Update(ctx context.Context, pccID string, upd CrossConnectUpdate, opts ...WriteOption) (*CrossConnect, *Response, error) {
	return write[CrossConnect](ctx, s.c, http.MethodPatch, at(pathOf("/pccs/{}", id("pccID", pccID))), with(&upd, nil), opts)
}

// Delete deletes a cross-connect.
func (s *CrossConnectsService) Delete(ctx context.Context, pccID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/pccs/{}", id("pccID", pccID))), opts)
}
