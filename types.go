package ionos

import (
	"fmt"
	"net/netip"
	"time"
)

// Ptr returns a pointer to v, for the optional fields of the Update types:
// ionos.DatacenterUpdate{Name: ionos.Ptr("web")}.
func Ptr[T any](v T) *T { return &v }

// Metadata is what the API records of a resource: its entity tag, who made
// and changed it and when, and its state (AVAILABLE, BUSY, INACTIVE, and for
// Kubernetes resources DEPLOYING, ACTIVE, FAILED and so on).
type Metadata struct {
	Etag                 string    `json:"etag,omitempty"`
	CreatedDate          time.Time `json:"createdDate,omitzero"`
	CreatedBy            string    `json:"createdBy,omitempty"`
	CreatedByUserID      string    `json:"createdByUserId,omitempty"`
	LastModifiedDate     time.Time `json:"lastModifiedDate,omitzero"`
	LastModifiedBy       string    `json:"lastModifiedBy,omitempty"`
	LastModifiedByUserID string    `json:"lastModifiedByUserId,omitempty"`
	State                State     `json:"state,omitempty"`
}

// idRef is the {"id": ...} body that attaches an existing resource.
type idRef struct {
	ID string `json:"id"`
}

// postCollection is the {"items": [...]} envelope of children in a POST
// body.
type postCollection[T any] struct {
	Items []T `json:"items"`
}

// idRefs turns IDs into {"id": ...} references, refusing empty ones.
func idRefs(field string, ids []string) ([]idRef, error) {
	refs := make([]idRef, len(ids))
	for i, v := range ids {
		if err := id(fmt.Sprintf("%s[%d]", field, i), v).check(); err != nil {
			return nil, err
		}
		refs[i] = idRef{ID: v}
	}
	return refs, nil
}

func isIP(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}
