package ionos

import (
	"context"
	"net/http"
)

// Snapshot is a copy of a volume as the API returns it. A snapshot can
// serve as the image of a new volume ([VolumeSpec].Image) or be restored onto
// a volume (Volumes.RestoreSnapshot).
type Snapshot struct {
	ID         string             `json:"id"`
	Type       string             `json:"type,omitempty"`
	Href       string             `json:"href,omitempty"`
	Metadata   Metadata           `json:"metadata,omitzero"`
	Properties SnapshotProperties `json:"properties,omitzero"`
}

// SnapshotProperties are a snapshot's settings. Size is 0 while a new
// snapshot is being taken (the API sends null).
type SnapshotProperties struct {
	Name              string  `json:"name,omitempty"`
	Description       string  `json:"description,omitempty"`
	Location          string  `json:"location,omitempty"`
	Size              float64 `json:"size"` // GB
	SecAuthProtection bool    `json:"secAuthProtection"`
	HotPlug
	LicenceType LicenceType `json:"licenceType,omitempty"`

	// The fields below come from Cloud API v6 and are empty on v5.

	// ApplicationType is the application on the snapshot; only snapshots
	// of public images have one other than UNKNOWN.
	ApplicationType string `json:"applicationType,omitempty"`
	// ExposeSerial says whether servers see the serial ID of volumes made
	// from the snapshot; RequireLegacyBios whether it needs legacy BIOS.
	// nil when the API does not say.
	ExposeSerial      *bool `json:"exposeSerial,omitempty"`
	RequireLegacyBios *bool `json:"requireLegacyBios,omitempty"`
}

// SnapshotUpdate changes the fields of a snapshot that are set (non-nil);
// the others keep their value.
type SnapshotUpdate struct {
	Name                *string      `json:"name,omitempty"`
	Description         *string      `json:"description,omitempty"`
	LicenceType         *LicenceType `json:"licenceType,omitempty"`
	SecAuthProtection   *bool        `json:"secAuthProtection,omitempty"`
	CPUHotPlug          *bool        `json:"cpuHotPlug,omitempty"`
	CPUHotUnplug        *bool        `json:"cpuHotUnplug,omitempty"`
	RAMHotPlug          *bool        `json:"ramHotPlug,omitempty"`
	RAMHotUnplug        *bool        `json:"ramHotUnplug,omitempty"`
	NICHotPlug          *bool        `json:"nicHotPlug,omitempty"`
	NICHotUnplug        *bool        `json:"nicHotUnplug,omitempty"`
	DiscVirtioHotPlug   *bool        `json:"discVirtioHotPlug,omitempty"`
	DiscVirtioHotUnplug *bool        `json:"discVirtioHotUnplug,omitempty"`
	DiscSCSIHotPlug     *bool        `json:"discScsiHotPlug,omitempty"`
	DiscSCSIHotUnplug   *bool        `json:"discScsiHotUnplug,omitempty"`
}

func (u *SnapshotUpdate) check() error {
	if u.LicenceType != nil {
		if *u.LicenceType == "" {
			return invalid("SnapshotUpdate.LicenceType", "must not be empty")
		}
	}
	return nil
}

// SnapshotSettings are every setting of a snapshot that can be changed, for
// [SnapshotsService.Replace]: what is left empty or false is reset. Name,
// Description and LicenceType are left out when empty.
type SnapshotSettings struct {
	Name              string      `json:"name,omitempty"`
	Description       string      `json:"description,omitempty"`
	LicenceType       LicenceType `json:"licenceType,omitempty"`
	SecAuthProtection bool        `json:"secAuthProtection"`
	// HotPlug is the capabilities servers get from volumes made of the
	// snapshot; each is sent, false included.
	HotPlug
}

func (s *SnapshotSettings) body() (*putBody[*SnapshotSettings], error) {
	if err := checkServerName(fieldOf{name: "SnapshotSettings.Name"}, s.Name, false); err != nil {
		return nil, err
	}
	return &putBody[*SnapshotSettings]{Properties: s}, nil
}

// SnapshotsService reads, changes and deletes volume snapshots.
type SnapshotsService struct{ c *Client }

// List returns every snapshot of the account, at the client's default depth
// unless [WithDepth] is given.
func (s *SnapshotsService) List(ctx context.Context, opts ...ListOption) ([]Snapshot, *Response, error) {
	return list[Snapshot](ctx, s.c, fixed("/snapshots"), opts)
}

// Get returns one snapshot, at the client's default depth unless [WithDepth] is
// given.
func (s *SnapshotsService) Get(ctx context.Context, snapshotID string, opts ...ReadOption) (*Snapshot, *Response, error) {
	return get[Snapshot](ctx, s.c, snapshotRoute(snapshotID), opts)
}

// Update changes the fields of a snapshot that upd sets (PATCH).
func (s *SnapshotsService) Update(ctx context.Context, snapshotID string, upd SnapshotUpdate, opts ...WriteOption) (*Snapshot, *Response, error) {
	return write[Snapshot](ctx, s.c, http.MethodPatch, snapshotRoute(snapshotID), with(&upd, upd.check()), opts)
}

// Replace replaces every setting of a snapshot with settings (PUT): unlike
// [SnapshotsService.Update], what settings leaves false or empty is reset.
func (s *SnapshotsService) Replace(ctx context.Context, snapshotID string, settings SnapshotSettings, opts ...WriteOption) (*Snapshot, *Response, error) {
	return write[Snapshot](ctx, s.c, http.MethodPut, snapshotRoute(snapshotID), with(settings.body()), opts)
}

// Delete deletes a snapshot.
func (s *SnapshotsService) Delete(ctx context.Context, snapshotID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, snapshotRoute(snapshotID), opts)
}

// snapshotRoute is the route of one snapshot.
func snapshotRoute(snapshotID string) route {
	return at(pathOf("/snapshots/{}", id("snapshotID", snapshotID)))
}
