package ionos

import (
	"context"
	"iter"
	"net/http"
)

// Label is a key/value label as GET /labels lists it: with the resource it
// is on. Its ID is the label's URN.
type Label struct {
	ID         string          `json:"id"`
	Type       string          `json:"type,omitempty"`
	Href       string          `json:"href,omitempty"`
	Metadata   Metadata        `json:"metadata,omitzero"`
	Properties LabelProperties `json:"properties,omitzero"`
}

// LabelProperties are a label's key, value and resource.
type LabelProperties struct {
	Key          string `json:"key,omitempty"`
	Value        string `json:"value,omitempty"`
	ResourceID   string `json:"resourceId,omitempty"`
	ResourceType string `json:"resourceType,omitempty"`
	ResourceHref string `json:"resourceHref,omitempty"`
}

// ResourceLabel is a label as a resource's own label list shows it; its ID
// is the key.
type ResourceLabel struct {
	ID         string                  `json:"id"`
	Type       string                  `json:"type,omitempty"`
	Href       string                  `json:"href,omitempty"`
	Metadata   Metadata                `json:"metadata,omitzero"`
	Properties ResourceLabelProperties `json:"properties,omitzero"`
}

// ResourceLabelProperties are a label's key and value.
type ResourceLabelProperties struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// LabelTarget names a resource that carries labels. Make one with
// DatacenterLabels, ServerLabels, VolumeLabels, SnapshotLabels or
// IPBlockLabels.
type LabelTarget struct {
	pattern string
	ids     []idArg
}

// DatacenterLabels targets the labels of a data center.
func DatacenterLabels(datacenterID string) LabelTarget {
	return LabelTarget{"/datacenters/{}/labels", []idArg{id("datacenterID", datacenterID)}}
}

// ServerLabels targets the labels of a server.
func ServerLabels(datacenterID, serverID string) LabelTarget {
	return LabelTarget{"/datacenters/{}/servers/{}/labels", []idArg{id("datacenterID", datacenterID), id("serverID", serverID)}}
}

// VolumeLabels targets the labels of a volume.
func VolumeLabels(datacenterID, volumeID string) LabelTarget {
	return LabelTarget{"/datacenters/{}/volumes/{}/labels", []idArg{id("datacenterID", datacenterID), id("volumeID", volumeID)}}
}

// SnapshotLabels targets the labels of a snapshot.
func SnapshotLabels(snapshotID string) LabelTarget {
	return LabelTarget{"/snapshots/{}/labels", []idArg{id("snapshotID", snapshotID)}}
}

// IPBlockLabels targets the labels of an IP block.
func IPBlockLabels(ipBlockID string) LabelTarget {
	return LabelTarget{"/ipblocks/{}/labels", []idArg{id("ipBlockID", ipBlockID)}}
}

// ImageLabels targets the labels of an image (Cloud API v6 only: a v5
// client refuses these calls before sending).
func ImageLabels(imageID string) LabelTarget {
	return LabelTarget{"/images/{}/labels", []idArg{id("imageID", imageID)}}
}

// collection is the path of the target's label list.
func (t LabelTarget) collection() (string, error) {
	if t.pattern == "" {
		return "", invalid("LabelTarget", "is empty: use DatacenterLabels, ServerLabels, ...")
	}
	return pathOf(t.pattern, t.ids...)
}

// item is the path of the label with key on the target.
func (t LabelTarget) item(key string) (string, error) {
	if t.pattern == "" {
		return "", invalid("LabelTarget", "is empty: use DatacenterLabels, ServerLabels, ...")
	}
	return pathOf(t.pattern+"/{}", append(append([]idArg(nil), t.ids...), id("key", key))...)
}

// LabelsService manages the labels of data centers, servers, volumes,
// snapshots and IP blocks. Label writes take effect at once: they answer with
// the label, not with a request to wait for.
type LabelsService struct{ c *Client }

// List returns every label of the account (GET /labels).
func (s *LabelsService) List(ctx context.Context, opts ...ListOption) ([]Label, *Response, error) {
	return list[Label](ctx, s.c, fixed("/labels"), opts)
}

// GetByURN returns one label by its URN (GET /labels/{urn}).
func (s *LabelsService) GetByURN(ctx context.Context, urn string, opts ...ReadOption) (*Label, *Response, error) {
	return get[Label](ctx, s.c, at(pathOf("/labels/{}", id("urn", urn))), opts)
}

// ListOn returns the labels of one resource, following pages.
func (s *LabelsService) ListOn(ctx context.Context, t LabelTarget, opts ...ListOption) ([]ResourceLabel, *Response, error) {
	return list[ResourceLabel](ctx, s.c, at(t.collection()), opts)
}

// AllOn iterates over the labels of one resource page by page.
func (s *LabelsService) AllOn(ctx context.Context, t LabelTarget, opts ...ListOption) iter.Seq2[ResourceLabel, error] {
	return all[ResourceLabel](ctx, s.c, at(t.collection()), opts)
}

// Get returns the label with key on one resource.
func (s *LabelsService) Get(ctx context.Context, t LabelTarget, key string, opts ...ReadOption) (*ResourceLabel, *Response, error) {
	return get[ResourceLabel](ctx, s.c, at(t.item(key)), opts)
}

// Add puts a new label on a resource (POST).
func (s *LabelsService) Add(ctx context.Context, t LabelTarget, key, value string, opts ...WriteOption) (*ResourceLabel, *Response, error) {
	var err error
	if key == "" {
		err = invalid("key", "must not be empty")
	}
	return write[ResourceLabel](ctx, s.c, http.MethodPost, at(t.collection()), with(&putBody[ResourceLabelProperties]{ResourceLabelProperties{Key: key, Value: value}}, err), opts)
}

// Set creates or replaces the label with key on a resource (PUT).
func (s *LabelsService) Set(ctx context.Context, t LabelTarget, key, value string, opts ...WriteOption) (*ResourceLabel, *Response, error) {
	return write[ResourceLabel](ctx, s.c, http.MethodPut, at(t.item(key)), with(&putBody[ResourceLabelProperties]{ResourceLabelProperties{Key: key, Value: value}}, nil), opts)
}

// Remove deletes the label with key from a resource.
func (s *LabelsService) Remove(ctx context.Context, t LabelTarget, key string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(t.item(key)), opts)
}
