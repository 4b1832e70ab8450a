package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// Volume is a block storage volume as the API returns it.
type Volume struct {
	ID         string           `json:"id"`
	Type       string           `json:"type,omitempty"`
	Href       string           `json:"href,omitempty"`
	Metadata   Metadata         `json:"metadata,omitzero"`
	Properties VolumeProperties `json:"properties,omitzero"`
}

// VolumeProperties are a volume's settings. ImagePassword is never returned
// by the API.
type VolumeProperties struct {
	Name             string           `json:"name,omitempty"`
	Type             VolumeType       `json:"type,omitempty"` // HDD, SSD, ...
	Size             float64          `json:"size"`           // GB
	AvailabilityZone AvailabilityZone `json:"availabilityZone,omitempty"`
	Image            string           `json:"image,omitempty"`
	ImageAlias       string           `json:"imageAlias,omitempty"`
	SSHKeys          []string         `json:"sshKeys,omitempty"`
	Bus              Bus              `json:"bus,omitempty"`
	LicenceType      LicenceType      `json:"licenceType,omitempty"`
	HotPlug
	DeviceNumber int64  `json:"deviceNumber"`
	BackupUnitID string `json:"backupunitId,omitempty"`
	UserData     string `json:"userData,omitempty"`

	// The fields below come from Cloud API v6 and are empty on v5.

	// BootOrder is AUTO, NONE or PRIMARY; empty when the API sends null
	// (which means AUTO).
	BootOrder BootOrder `json:"bootOrder,omitempty"`
	// BootServer is the ID of the server that boots from the volume.
	BootServer string `json:"bootServer,omitempty"`
	// PCISlot is the PCI slot the volume is attached at.
	PCISlot int `json:"pciSlot"`
	// ApplicationType is the application on the volume's image (only
	// public images have one other than UNKNOWN).
	ApplicationType string `json:"applicationType,omitempty"`
	// ExposeSerial says whether the server sees the disk's serial ID;
	// RequireLegacyBios whether the volume needs legacy BIOS. nil when the
	// API does not say.
	ExposeSerial      *bool `json:"exposeSerial,omitempty"`
	RequireLegacyBios *bool `json:"requireLegacyBios,omitempty"`
}

// VolumeSpec describes a volume to create, alone (Volumes.Create) or inside a
// server or data center ([ServerSpec].Volumes, [DatacenterSpec].Volumes). Size is
// required (except for the DAS volume of a CUBE server on Cloud API v6,
// which the server's template sizes), and one of Image, ImageAlias or
// LicenceType. Unset fields are
// left out, so the API's defaults apply (bus VIRTIO, type HDD, zone AUTO).
// A DAS volume exists only inside the [ServerSpec] of a CUBE server.
//
// BootOrder, ExposeSerial and RequireLegacyBios are Cloud API v6 fields; a
// client that speaks v5 refuses them before sending.
type VolumeSpec struct {
	Name string
	// Size is the size in GB (> 0). On v6 a DAS volume may leave it 0 (not
	// sent): its CUBE server's template sets it.
	Size int
	// Type is HDD, SSD, SSD Standard, SSD Premium, DAS or ISO.
	Type VolumeType
	// Bus is VIRTIO or IDE.
	Bus Bus
	// Image is the ID of an image or snapshot to copy; ImageAlias an alias
	// such as "ubuntu:latest". Without either, LicenceType is required.
	Image      string
	ImageAlias string
	// LicenceType is LINUX, WINDOWS, WINDOWS2016, WINDOWS2022, OTHER or
	// UNKNOWN; an image brings its own.
	LicenceType LicenceType
	// ImagePassword is the root or administrator password for a public
	// image, 8 to 50 characters. It is never printed or logged.
	ImagePassword Secret
	// SSHKeys are public keys for a public Linux image.
	SSHKeys []string
	// AvailabilityZone is AUTO, ZONE_1, ZONE_2 or ZONE_3.
	AvailabilityZone AvailabilityZone
	// BackupUnitID and UserData (base64 cloud-init) can only be set on
	// creation, with a public image.
	BackupUnitID string
	UserData     string
	// Hot plug capabilities; nil leaves the API's (or the image's) default.
	CPUHotPlug          *bool
	RAMHotPlug          *bool
	NICHotPlug          *bool
	NICHotUnplug        *bool
	DiscVirtioHotPlug   *bool
	DiscVirtioHotUnplug *bool
	// BootOrder is AUTO, NONE or PRIMARY (v6); empty leaves the API's
	// default, AUTO.
	BootOrder BootOrder
	// ExposeSerial shows the disk's serial ID to the server (v6; the API's
	// default is false). Some software needs it; it can affect licensed
	// software such as Windows.
	ExposeSerial *bool
	// RequireLegacyBios boots the volume with legacy BIOS (v6; the API's
	// default is true).
	RequireLegacyBios *bool
}

type volumePost = post[volumePostProperties, noEntities]

type volumePostProperties struct {
	Name                string           `json:"name,omitempty"`
	Size                *int             `json:"size,omitempty"`
	Type                VolumeType       `json:"type,omitempty"`
	Bus                 Bus              `json:"bus,omitempty"`
	Image               string           `json:"image,omitempty"`
	ImageAlias          string           `json:"imageAlias,omitempty"`
	LicenceType         LicenceType      `json:"licenceType,omitempty"`
	ImagePassword       string           `json:"imagePassword,omitempty"`
	SSHKeys             []string         `json:"sshKeys,omitempty"`
	AvailabilityZone    AvailabilityZone `json:"availabilityZone,omitempty"`
	BackupUnitID        string           `json:"backupunitId,omitempty"`
	UserData            string           `json:"userData,omitempty"`
	CPUHotPlug          *bool            `json:"cpuHotPlug,omitempty"`
	RAMHotPlug          *bool            `json:"ramHotPlug,omitempty"`
	NICHotPlug          *bool            `json:"nicHotPlug,omitempty"`
	NICHotUnplug        *bool            `json:"nicHotUnplug,omitempty"`
	DiscVirtioHotPlug   *bool            `json:"discVirtioHotPlug,omitempty"`
	DiscVirtioHotUnplug *bool            `json:"discVirtioHotUnplug,omitempty"`
	BootOrder           BootOrder        `json:"bootOrder,omitempty"`
	ExposeSerial        *bool            `json:"exposeSerial,omitempty"`
	RequireLegacyBios   *bool            `json:"requireLegacyBios,omitempty"`
}

// bodyFor validates the spec for the API version v and builds the POST
// body; field prefixes the names in errors ("VolumeSpec",
// "ServerSpec.Volumes[0]").
func (s *VolumeSpec) bodyFor(v APIVersion, field string) (*volumePost, error) {
	return s.build(v, field, true)
}

// build checks spec and makes its body; the rules of a create apply when
// create is set (a licence type without an image).
func (s *VolumeSpec) build(v APIVersion, field string, create bool) (*volumePost, error) {
	if err := checkServerName(fieldOf{field, ".Name"}, s.Name, false); err != nil {
		return nil, err
	}
	if err := firstError(
		sinceV6(v, fieldOf{field, ".BootOrder"}, s.BootOrder != ""),
		sinceV6(v, fieldOf{field, ".ExposeSerial"}, s.ExposeSerial != nil),
		sinceV6(v, fieldOf{field, ".RequireLegacyBios"}, s.RequireLegacyBios != nil),
	); err != nil {
		return nil, err
	}
	var size *int
	switch {
	case s.Size > 0:
		size = &s.Size
	case s.Size == 0 && s.Type == VolumeTypeDAS && v != APIv5:
		// The CUBE server's template sizes its DAS volume.
	default:
		return nil, invalid(field+".Size", "must be more than 0 GB (got %d)", s.Size)
	}
	if create && s.Image == "" && s.ImageAlias == "" && s.LicenceType == "" {
		return nil, invalid(field+".LicenceType", "is required when neither Image nor ImageAlias is set")
	}
	if err := checkImagePassword(field+".ImagePassword", s.ImagePassword.Reveal()); err != nil {
		return nil, err
	}
	for i, k := range s.SSHKeys {
		if k == "" {
			return nil, invalid(fmt.Sprintf("%s.SSHKeys[%d]", field, i), "must not be empty")
		}
	}
	return &volumePost{Properties: volumePostProperties{
		Name: s.Name, Size: size, Type: s.Type, Bus: s.Bus, Image: s.Image, ImageAlias: s.ImageAlias,
		LicenceType: s.LicenceType, ImagePassword: s.ImagePassword.Reveal(), SSHKeys: s.SSHKeys,
		AvailabilityZone: s.AvailabilityZone, BackupUnitID: s.BackupUnitID, UserData: s.UserData,
		CPUHotPlug: s.CPUHotPlug, RAMHotPlug: s.RAMHotPlug, NICHotPlug: s.NICHotPlug, NICHotUnplug: s.NICHotUnplug,
		DiscVirtioHotPlug: s.DiscVirtioHotPlug, DiscVirtioHotUnplug: s.DiscVirtioHotUnplug,
		BootOrder: s.BootOrder, ExposeSerial: s.ExposeSerial, RequireLegacyBios: s.RequireLegacyBios,
	}}, nil
}

// replaceBodyFor is the body of a volume's PUT: spec's properties, without
// what only a create can set.
func (s *VolumeSpec) replaceBodyFor(v APIVersion) (*putBody[volumePostProperties], error) {
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"Image", s.Image != ""}, {"ImageAlias", s.ImageAlias != ""}, {"ImagePassword", s.ImagePassword != ""},
		{"SSHKeys", len(s.SSHKeys) > 0}, {"BackupUnitID", s.BackupUnitID != ""}, {"UserData", s.UserData != ""},
	} {
		if f.set {
			return nil, invalid("VolumeSpec."+f.name, "is set only when a volume is created; Replace cannot change it")
		}
	}
	p, err := s.build(v, "VolumeSpec", false)
	if err != nil {
		return nil, err
	}
	return &putBody[volumePostProperties]{Properties: p.Properties}, nil
}

// checkImagePassword applies the API's documented length, 8 to 50
// characters. Which characters it takes is for the API to say. The
// password itself never appears in the error.
func checkImagePassword(field, pw string) error {
	if pw == "" {
		return nil
	}
	if n := len(pw); n < 8 || n > 50 {
		return invalid(field, "must be 8 to 50 characters long (got %d)", len([]rune(pw)))
	}
	return nil
}

// VolumeUpdate changes the fields of a volume that are set (non-nil); the
// others keep their value. The API refuses changes of image, type and
// availability zone, so they are not here. Size can only grow: the SDK
// checks that it is more than 0, and the API refuses a size below the
// current one (fetch the volume first to check it yourself).
//
// BootOrder, ExposeSerial and RequireLegacyBios are Cloud API v6 fields; a
// client that speaks v5 refuses them before sending.
type VolumeUpdate struct {
	Name                *string      `json:"name,omitempty"`
	Size                *int         `json:"size,omitempty"` // GB
	Bus                 *Bus         `json:"bus,omitempty"`
	LicenceType         *LicenceType `json:"licenceType,omitempty"`
	CPUHotPlug          *bool        `json:"cpuHotPlug,omitempty"`
	RAMHotPlug          *bool        `json:"ramHotPlug,omitempty"`
	NICHotPlug          *bool        `json:"nicHotPlug,omitempty"`
	NICHotUnplug        *bool        `json:"nicHotUnplug,omitempty"`
	DiscVirtioHotPlug   *bool        `json:"discVirtioHotPlug,omitempty"`
	DiscVirtioHotUnplug *bool        `json:"discVirtioHotUnplug,omitempty"`
	// BootOrder is AUTO, NONE or PRIMARY (v6).
	BootOrder *BootOrder `json:"bootOrder,omitempty"`
	// ExposeSerial shows or hides the disk's serial ID (v6).
	ExposeSerial *bool `json:"exposeSerial,omitempty"`
	// RequireLegacyBios boots the volume with legacy BIOS or not (v6).
	RequireLegacyBios *bool `json:"requireLegacyBios,omitempty"`
}

func (u *VolumeUpdate) check(v APIVersion) error {
	const f = "VolumeUpdate"
	if err := firstError(
		sinceV6(v, fieldOf{f, ".BootOrder"}, u.BootOrder != nil),
		sinceV6(v, fieldOf{f, ".ExposeSerial"}, u.ExposeSerial != nil),
		sinceV6(v, fieldOf{f, ".RequireLegacyBios"}, u.RequireLegacyBios != nil),
	); err != nil {
		return err
	}
	if u.BootOrder != nil && *u.BootOrder == "" {
		return invalid(f+".BootOrder", "must not be empty")
	}
	if u.Name != nil {
		if err := checkServerName(fieldOf{f, ".Name"}, *u.Name, false); err != nil {
			return err
		}
	}
	if u.Size != nil && *u.Size <= 0 {
		return invalid(f+".Size", "must be more than 0 GB (got %d)", *u.Size)
	}
	if u.Bus != nil {
		if *u.Bus == "" {
			return invalid(f+".Bus", "must not be empty")
		}
	}
	if u.LicenceType != nil {
		if *u.LicenceType == "" {
			return invalid(f+".LicenceType", "must not be empty")
		}
	}
	return nil
}

// SnapshotSpec describes a snapshot to take of a volume
// (Volumes.CreateSnapshot). Every field is optional; unset fields are not
// sent.
type SnapshotSpec struct {
	Name        string
	Description string
	// LicenceType overrides the volume's licence type.
	LicenceType LicenceType
	// SecAuthProtection turns two-factor protection on (off is the API's
	// default).
	SecAuthProtection bool
	// ApplicationType is the application on the snapshot (Cloud API v6; a
	// client that speaks v5 refuses it before sending).
	ApplicationType string
}

// snapshotPost is the JSON body of a snapshot create on v6.
type snapshotPost struct {
	Properties snapshotPostProperties `json:"properties"`
}

type snapshotPostProperties struct {
	Name              string      `json:"name,omitempty"`
	Description       string      `json:"description,omitempty"`
	SecAuthProtection bool        `json:"secAuthProtection,omitempty"`
	LicenceType       LicenceType `json:"licenceType,omitempty"`
	ApplicationType   string      `json:"applicationType,omitempty"`
}

// body builds what a snapshot create sends: on v6 the JSON
// {"properties": {...}} the live API takes, on v5 the form it took.
func (s *SnapshotSpec) body(v APIVersion) (any, error) {
	if err := checkServerName(fieldOf{name: "SnapshotSpec.Name"}, s.Name, false); err != nil {
		return nil, err
	}
	if err := sinceV6(v, fieldOf{name: "SnapshotSpec.ApplicationType"}, s.ApplicationType != ""); err != nil {
		return nil, err
	}
	if v != APIv5 {
		return &snapshotPost{Properties: snapshotPostProperties{
			Name: s.Name, Description: s.Description, SecAuthProtection: s.SecAuthProtection,
			LicenceType: s.LicenceType, ApplicationType: s.ApplicationType,
		}}, nil
	}
	f := url.Values{}
	if s.Name != "" {
		f.Set("name", s.Name)
	}
	if s.Description != "" {
		f.Set("description", s.Description)
	}
	if s.LicenceType != "" {
		f.Set("licenceType", string(s.LicenceType))
	}
	if s.SecAuthProtection {
		f.Set("secAuthProtection", "true")
	}
	return f, nil
}

// restoreSnapshotBody is what a snapshot restore sends: on v6 the JSON
// {"properties": {"snapshotId": ...}}, on v5 the form snapshotId=....
func restoreSnapshotBody(v APIVersion, snapshotID string) (any, error) {
	if err := id("snapshotID", snapshotID).check(); err != nil {
		return nil, err
	}
	if v != APIv5 {
		type props struct {
			SnapshotID string `json:"snapshotId"`
		}
		return &putBody[props]{Properties: props{SnapshotID: snapshotID}}, nil
	}
	return url.Values{"snapshotId": {snapshotID}}, nil
}

// VolumesService manages block storage volumes and their snapshots.
type VolumesService struct{ c *Client }

// List returns the volumes of a data center, following the pages of the
// collection until it is complete ([WithPage] asks for one page), at the
// client's default depth unless [WithDepth] is given.
func (s *VolumesService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]Volume, *Response, error) {
	return list[Volume](ctx, s.c, at(pathOf("/datacenters/{}/volumes", id("datacenterID", datacenterID))), opts)
}

// All iterates over the volumes of a data center page by page; breaking
// out of the loop stops fetching.
func (s *VolumesService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[Volume, error] {
	return all[Volume](ctx, s.c, at(pathOf("/datacenters/{}/volumes", id("datacenterID", datacenterID))), opts)
}

// Get returns one volume, at the client's default depth unless [WithDepth] is
// given.
func (s *VolumesService) Get(ctx context.Context, datacenterID, volumeID string, opts ...ReadOption) (*Volume, *Response, error) {
	return get[Volume](ctx, s.c, at(volumePath(datacenterID, volumeID, "")), opts)
}

// Create creates a volume in a data center; it is not attached to any server
// (see Servers.AttachVolume).
func (s *VolumesService) Create(ctx context.Context, datacenterID string, spec VolumeSpec, opts ...WriteOption) (*Volume, *Response, error) {
	return write[Volume](ctx, s.c, http.MethodPost, at(pathOf("/datacenters/{}/volumes", id("datacenterID", datacenterID))), with(spec.bodyFor(s.c.version, "VolumeSpec")).hiding(imagePasswords(nil, spec)), opts)
}

// Update changes the fields of a volume that upd sets (PATCH).
func (s *VolumesService) Update(ctx context.Context, datacenterID, volumeID string, upd VolumeUpdate, opts ...WriteOption) (*Volume, *Response, error) {
	return write[Volume](ctx, s.c, http.MethodPatch, at(volumePath(datacenterID, volumeID, "")), with(&upd, upd.check(s.c.version)), opts)
}

// Replace replaces every property of a volume with spec's (PUT); properties
// spec leaves empty are reset. What only a create sets (Image, ImageAlias,
// ImagePassword, SSHKeys, BackupUnitID, UserData) is refused before sending;
// the API refuses changes of type and availability zone, and a size below
// the current one.
func (s *VolumesService) Replace(ctx context.Context, datacenterID, volumeID string, spec VolumeSpec, opts ...WriteOption) (*Volume, *Response, error) {
	return write[Volume](ctx, s.c, http.MethodPut, at(pathOf("/datacenters/{}/volumes/{}", id("datacenterID", datacenterID), id("volumeID", volumeID))), with(spec.replaceBodyFor(s.c.version)), opts)
}

// Delete deletes a volume.
func (s *VolumesService) Delete(ctx context.Context, datacenterID, volumeID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(volumePath(datacenterID, volumeID, "")), opts)
}

// CreateSnapshot takes a snapshot of a volume and returns it. Unset fields
// of spec are not sent. The body is JSON ({"properties": {...}}) on Cloud
// API v6, as the live API takes it, and form-encoded on v5.
func (s *VolumesService) CreateSnapshot(ctx context.Context, datacenterID, volumeID string, spec SnapshotSpec, opts ...WriteOption) (*Snapshot, *Response, error) {
	return write[Snapshot](ctx, s.c, http.MethodPost, at(volumePath(datacenterID, volumeID, "/create-snapshot")), with(spec.body(s.c.version)), opts)
}

// RestoreSnapshot restores a snapshot onto a volume. The body is JSON
// ({"properties": {"snapshotId": ...}}) on Cloud API v6 and form-encoded on
// v5. The Response names the request to hand to [Client.WaitForCompletion].
func (s *VolumesService) RestoreSnapshot(ctx context.Context, datacenterID, volumeID, snapshotID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(volumePath(datacenterID, volumeID, "/restore-snapshot")),
		with(restoreSnapshotBody(s.c.version, snapshotID)), opts)
}

func volumePath(datacenterID, volumeID, suffix string) (string, error) {
	return pathOf("/datacenters/{}/volumes/{}"+suffix, id("datacenterID", datacenterID), id("volumeID", volumeID))
}

// imagePasswords appends the image passwords of specs to secrets.
func imagePasswords(secrets []Secret, specs ...VolumeSpec) []Secret {
	for i := range specs {
		if specs[i].ImagePassword != "" {
			secrets = append(secrets, specs[i].ImagePassword)
		}
	}
	return secrets
}
