package ionos

import (
	"fmt"
	"net/netip"
	"time"
)

// Ptr returns a pointer to v. Pointers appear where a value must be told
// apart from its absence: in the Update types (PATCH), where nil leaves a
// field unchanged and Ptr(false), Ptr(0) and Ptr("") are sent
// (ionos.DatacenterUpdate{Name: ionos.Ptr("web")}), and in a few Spec
// fields whose API default is not the zero value ([NICSpec].DHCP, on by
// default; [FirewallRuleSpec].ICMPType, where 0 is a real type). Elsewhere
// the zero value is the API's default and plain values are used.
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

// HotPlug says what a server running on a volume (or on a volume made from
// an image or snapshot) can add (plug) or remove (unplug) without a reboot.
// It is part of the properties of images, snapshots and volumes as the API
// returns them: img.Properties.CPUHotPlug.
type HotPlug struct {
	CPUHotPlug          bool `json:"cpuHotPlug"`
	CPUHotUnplug        bool `json:"cpuHotUnplug"`
	RAMHotPlug          bool `json:"ramHotPlug"`
	RAMHotUnplug        bool `json:"ramHotUnplug"`
	NICHotPlug          bool `json:"nicHotPlug"`
	NICHotUnplug        bool `json:"nicHotUnplug"`
	DiscVirtioHotPlug   bool `json:"discVirtioHotPlug"`
	DiscVirtioHotUnplug bool `json:"discVirtioHotUnplug"`
	DiscSCSIHotPlug     bool `json:"discScsiHotPlug"`
	DiscSCSIHotUnplug   bool `json:"discScsiHotUnplug"`
}

// sinceV6 refuses, on a client that speaks v5, a field that only Cloud API
// v6 has: set says whether the caller set it. Nothing is sent: the field
// cannot be expressed on v5, and dropping it silently would do something
// other than asked.
func sinceV6(v APIVersion, field fieldOf, set bool) error {
	if set && v == APIv5 {
		return unsupportedField(field.String(), v)
	}
	return nil
}

// fieldOf names a field of the caller's input in an error: the path of its
// parent and its own name (".Cores"), joined only when an error is made, so
// that checking valid input allocates nothing.
type fieldOf struct{ parent, name string }

func (f fieldOf) String() string { return f.parent + f.name }
