package ionos

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// Server is a virtual server as the API returns it. At depth 1 and more,
// Entities lists its attached volumes, CD-ROMs and NICs.
type Server struct {
	ID         string           `json:"id"`
	Type       string           `json:"type,omitempty"`
	Href       string           `json:"href,omitempty"`
	Metadata   Metadata         `json:"metadata,omitzero"`
	Properties ServerProperties `json:"properties,omitzero"`
	Entities   ServerEntities   `json:"entities,omitzero"`
}

// ServerProperties are a server's settings. Type, TemplateID, Hostname,
// PlacementGroupID, NICMultiQueue and EnabledFeatures come from Cloud API
// v6 and are empty on v5.
type ServerProperties struct {
	Name             string             `json:"name,omitempty"`
	Cores            int                `json:"cores"`
	RAM              int                `json:"ram"` // MB
	AvailabilityZone AvailabilityZone   `json:"availabilityZone,omitempty"`
	VMState          string             `json:"vmState,omitempty"`
	BootCDROM        *ResourceReference `json:"bootCdrom,omitempty"`
	BootVolume       *ResourceReference `json:"bootVolume,omitempty"`
	CPUFamily        CPUFamily          `json:"cpuFamily,omitempty"`
	// Type is ENTERPRISE, CUBE, VCPU or GPU.
	Type ServerType `json:"type,omitempty"`
	// TemplateID is the template a CUBE or GPU server was made from; the
	// template fixes its cores, RAM and storage.
	TemplateID string `json:"templateUuid,omitempty"`
	// Hostname is the server's host name.
	Hostname string `json:"hostname,omitempty"`
	// PlacementGroupID is the placement group the server is in, visible to
	// system users only.
	PlacementGroupID string `json:"placementGroupId,omitempty"`
	// NICMultiQueue says whether multi-queue is on for all the server's
	// NICs; nil when the API does not say.
	NICMultiQueue *bool `json:"nicMultiQueue,omitempty"`
	// EnabledFeatures are features turned on for the server, such as
	// SEV-SNP (Confidential Computing).
	EnabledFeatures []string `json:"enabledFeatures,omitempty"`
}

// ServerEntities are a server's children.
type ServerEntities struct {
	CDROMs  Collection[Image]  `json:"cdroms,omitzero"`
	Volumes Collection[Volume] `json:"volumes,omitzero"`
	NICs    Collection[NIC]    `json:"nics,omitzero"`
	// SecurityGroups are the security groups attached to the server (Cloud
	// API v6, [SecurityGroupsService.AttachToServer]).
	SecurityGroups Collection[SecurityGroup] `json:"securitygroups,omitzero"`
}

// ServerSpec describes a server to create, alone (Servers.Create) or inside a
// data center ([DatacenterSpec].Servers). Name is required. A server without
// a template (ENTERPRISE, the default type, or VCPU) needs Cores and RAM; a
// CUBE server needs TemplateID instead, and a server made from a template
// must leave Cores, RAM and CPUFamily unset.
// Volumes, AttachVolumes and NICs are created or attached in the same call:
// a CUBE server gets its DAS volume this way.
//
// Type, TemplateID, Hostname and NICMultiQueue are Cloud API v6 fields; a
// client that speaks v5 refuses them before sending.
type ServerSpec struct {
	Name string
	// Cores is the number of cores (>= 1); not with a template.
	Cores int
	// RAM is the memory in MB: a multiple of 256, at least 256, and at
	// least 1024 when one of Volumes sets RAMHotPlug; not with a template.
	RAM int
	// AvailabilityZone is AUTO, ZONE_1 or ZONE_2; empty leaves the API's
	// default (AUTO, the only zone of CUBE and GPU servers).
	AvailabilityZone AvailabilityZone
	// CPUFamily is AMD_OPTERON, INTEL_XEON, INTEL_SKYLAKE or another family
	// the location offers ([LocationProperties].CPUArchitecture); empty
	// leaves the API's choice. Not for CUBE and VCPU servers, nor with a
	// template.
	CPUFamily CPUFamily
	// BootVolume is the ID of an existing volume to boot from; BootCDROM the
	// ID of a CD-ROM image. At most one of them may be set.
	BootVolume string
	BootCDROM  string
	// Type is ENTERPRISE, CUBE, VCPU or GPU (v6); empty leaves the API's
	// default, ENTERPRISE.
	Type ServerType
	// TemplateID is the ID of the template that sizes a CUBE or GPU server
	// (v6); required for CUBE servers.
	TemplateID string
	// Hostname is the server's host name (v6): a-z, 0-9 and '-', not
	// starting with '-', at most 63 characters.
	Hostname string
	// NICMultiQueue turns multi-queue on for all the server's NICs (v6);
	// nil leaves the API's default. Not for CUBE servers.
	NICMultiQueue *bool
	// Volumes are new volumes to create and attach.
	Volumes []VolumeSpec
	// AttachVolumes are IDs of existing volumes to attach.
	AttachVolumes []string
	// NICs are network interfaces to create, with their firewall rules.
	NICs []NICSpec
}

type serverPost = post[serverPostProperties, serverPostEntities]

type serverPostProperties struct {
	Name             string           `json:"name"`
	Cores            *int             `json:"cores,omitempty"`
	RAM              *int             `json:"ram,omitempty"`
	AvailabilityZone AvailabilityZone `json:"availabilityZone,omitempty"`
	CPUFamily        CPUFamily        `json:"cpuFamily,omitempty"`
	BootVolume       *idRef           `json:"bootVolume,omitempty"`
	BootCDROM        *idRef           `json:"bootCdrom,omitempty"`
	Type             ServerType       `json:"type,omitempty"`
	TemplateID       string           `json:"templateUuid,omitempty"`
	Hostname         string           `json:"hostname,omitempty"`
	NICMultiQueue    *bool            `json:"nicMultiQueue,omitempty"`
}

// serverPostEntities holds the children of a new server. Volume items are
// either *volumePost (new volumes) or idRef (existing volumes), in one list
// as the API wants them.
type serverPostEntities struct {
	Volumes *postCollection[any]     `json:"volumes,omitempty"`
	NICs    *postCollection[nicPost] `json:"nics,omitempty"`
}

// bodyFor validates the spec for the API version v and builds the POST
// body; field prefixes the names in errors ("ServerSpec",
// "DatacenterSpec.Servers[0]"). Its volumes and NICs are checked for v too.
func (s *ServerSpec) bodyFor(v APIVersion, field string) (*serverPost, error) {
	if err := checkServerName(fieldOf{field, ".Name"}, s.Name, true); err != nil {
		return nil, err
	}
	if err := firstError(
		sinceV6(v, fieldOf{field, ".Type"}, s.Type != ""),
		sinceV6(v, fieldOf{field, ".TemplateID"}, s.TemplateID != ""),
		sinceV6(v, fieldOf{field, ".Hostname"}, s.Hostname != ""),
		sinceV6(v, fieldOf{field, ".NICMultiQueue"}, s.NICMultiQueue != nil),
		checkHostname(fieldOf{field, ".Hostname"}, s.Hostname),
	); err != nil {
		return nil, err
	}
	if s.TemplateID != "" {
		if err := id(field+".TemplateID", s.TemplateID).check(); err != nil {
			return nil, err
		}
	}
	ramHotPlug := false
	for i := range s.Volumes {
		if hp := s.Volumes[i].RAMHotPlug; hp != nil && *hp {
			ramHotPlug = true
		}
	}
	if err := checkServerSize(field, s.Type, s.TemplateID, s.Cores, s.RAM, s.CPUFamily, s.NICMultiQueue, ramHotPlug); err != nil {
		return nil, err
	}
	p := &serverPost{Properties: serverPostProperties{
		Name: s.Name, AvailabilityZone: s.AvailabilityZone, CPUFamily: s.CPUFamily,
		Type: s.Type, TemplateID: s.TemplateID, Hostname: s.Hostname, NICMultiQueue: s.NICMultiQueue,
	}}
	if !templated(s.Type, s.TemplateID) {
		p.Properties.Cores, p.Properties.RAM = &s.Cores, &s.RAM
	}
	var bootVol, bootCD *string
	if s.BootVolume != "" {
		bootVol = &s.BootVolume
	}
	if s.BootCDROM != "" {
		bootCD = &s.BootCDROM
	}
	var err error
	if p.Properties.BootVolume, p.Properties.BootCDROM, err = bootRefs(field, bootVol, bootCD); err != nil {
		return nil, err
	}
	var ent serverPostEntities
	if n := len(s.Volumes) + len(s.AttachVolumes); n > 0 {
		items := make([]any, 0, n)
		for i := range s.Volumes {
			vol, err := s.Volumes[i].bodyFor(v, fmt.Sprintf("%s.Volumes[%d]", field, i))
			if err != nil {
				return nil, err
			}
			items = append(items, vol)
		}
		refs, err := idRefs(field+".AttachVolumes", s.AttachVolumes)
		if err != nil {
			return nil, err
		}
		for _, r := range refs {
			items = append(items, r)
		}
		ent.Volumes = &postCollection[any]{Items: items}
	}
	if len(s.NICs) > 0 {
		nics := make([]nicPost, len(s.NICs))
		for i := range s.NICs {
			n, err := s.NICs[i].bodyFor(v, fmt.Sprintf("%s.NICs[%d]", field, i))
			if err != nil {
				return nil, err
			}
			nics[i] = *n
		}
		ent.NICs = &postCollection[nicPost]{Items: nics}
	}
	if ent.Volumes != nil || ent.NICs != nil {
		e := ent // on the heap only when there are entities
		p.Entities = &e
	}
	return p, nil
}

// templated says whether a server takes its size from a template: it names
// one, or it is a CUBE server, which always has one.
func templated(t ServerType, templateID string) bool {
	return templateID != "" || t == ServerTypeCube
}

// checkServerSize applies the rules of a new server's size: a CUBE server
// names a template; a server with a template leaves cores, RAM and CPU
// family to it; any other needs cores and RAM; CUBE and VCPU servers have
// no CPU family to choose, and CUBE servers no NIC multi-queue.
func checkServerSize(field string, t ServerType, templateID string, cores, ram int, cpu CPUFamily, multiQueue *bool, ramHotPlug bool) error {
	if t == ServerTypeCube && templateID == "" {
		return invalid(field+".TemplateID", "is required for a CUBE server (it sets the cores, RAM and storage)")
	}
	if t == ServerTypeCube && multiQueue != nil {
		return invalid(field+".NICMultiQueue", "must not be set for a CUBE server")
	}
	if templated(t, templateID) {
		switch {
		case cores != 0:
			return invalid(field+".Cores", "must not be set for a server made from a template (got %d): the template sets it", cores)
		case ram != 0:
			return invalid(field+".RAM", "must not be set for a server made from a template (got %d): the template sets it", ram)
		case cpu != "":
			return invalid(field+".CPUFamily", "must not be set for a server made from a template (got %q)", cpu)
		}
		return nil
	}
	if t == ServerTypeVCPU && cpu != "" {
		return invalid(field+".CPUFamily", "must not be set for a VCPU server (got %q)", cpu)
	}
	if err := checkServerCores(fieldOf{field, ".Cores"}, cores); err != nil {
		return err
	}
	return checkServerRAM(fieldOf{field, ".RAM"}, ram, ramHotPlug)
}

// checkHostname applies the API's documented rule for host names: a-z, 0-9
// and '-', not starting with '-', at most 63 characters. Empty is not set.
func checkHostname(field fieldOf, h string) error {
	if h == "" {
		return nil
	}
	if len(h) > 63 {
		return invalid(field.String(), "%q is longer than 63 characters", h)
	}
	if h[0] == '-' {
		return invalid(field.String(), "%q starts with '-'", h)
	}
	for _, r := range h {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return invalid(field.String(), "%q may contain only a-z, 0-9 and '-' (found %q)", h, r)
		}
	}
	return nil
}

// bootRefs turns the boot volume and CD-ROM IDs (nil when unset) into
// {"id"} references, refusing empty IDs and both at once.
func bootRefs(field string, vol, cdrom *string) (*idRef, *idRef, error) {
	var v, c *idRef
	if vol != nil {
		if err := id(field+".BootVolume", *vol).check(); err != nil {
			return nil, nil, err
		}
		v = &idRef{ID: *vol}
	}
	if cdrom != nil {
		if err := id(field+".BootCDROM", *cdrom).check(); err != nil {
			return nil, nil, err
		}
		c = &idRef{ID: *cdrom}
	}
	if v != nil && c != nil {
		return nil, nil, invalid(field+".BootCDROM", "cannot be set together with BootVolume: a server boots from one or the other")
	}
	return v, c, nil
}

// checkName refuses a missing required name and control characters.
func checkServerName(field fieldOf, name string, required bool) error {
	if name == "" {
		if required {
			return invalid(field.String(), "is required")
		}
		return nil
	}
	if hasControl(name) {
		return invalid(field.String(), "%q contains control characters", name)
	}
	return nil
}

func checkServerCores(field fieldOf, cores int) error {
	if cores < 1 {
		return invalid(field.String(), "must be at least 1 (got %d)", cores)
	}
	return nil
}

// checkServerRAM applies the API's rule: a multiple of 256 MB, at least 256 MB,
// and at least 1024 MB with RAM hot plug.
func checkServerRAM(field fieldOf, ram int, hotPlug bool) error {
	switch {
	case ram < 256:
		return invalid(field.String(), "must be at least 256 MB (got %d)", ram)
	case ram%256 != 0:
		return invalid(field.String(), "%d is not a multiple of 256 MB", ram)
	case hotPlug && ram < 1024:
		return invalid(field.String(), "must be at least 1024 MB with RAM hot plug (got %d)", ram)
	}
	return nil
}

// ServerUpdate changes the fields of a server that are set (non-nil); the
// others keep their value. BootVolume and BootCDROM are IDs, sent as
// {"id": ...} references; at most one of them may be set.
//
// Type, Hostname and NICMultiQueue are Cloud API v6 fields; a client that
// speaks v5 refuses them before sending. A server's template cannot be
// changed, so it is not here. Setting Type to CUBE leaves Cores, RAM and
// CPUFamily to the server's template: they must then be nil, and so must
// CPUFamily with Type VCPU.
type ServerUpdate struct {
	Name             *string
	Cores            *int
	RAM              *int // MB, a multiple of 256, at least 256
	AvailabilityZone *AvailabilityZone
	CPUFamily        *CPUFamily
	BootVolume       *string
	BootCDROM        *string
	// Type is ENTERPRISE, CUBE, VCPU or GPU (v6).
	Type *ServerType
	// Hostname is the server's host name (v6): a-z, 0-9 and '-', not
	// starting with '-', at most 63 characters.
	Hostname *string
	// NICMultiQueue turns multi-queue on or off for all the server's NICs
	// (v6); changing it restarts the server.
	NICMultiQueue *bool
}

type serverPatch struct {
	Name             *string           `json:"name,omitempty"`
	Cores            *int              `json:"cores,omitempty"`
	RAM              *int              `json:"ram,omitempty"`
	AvailabilityZone *AvailabilityZone `json:"availabilityZone,omitempty"`
	CPUFamily        *CPUFamily        `json:"cpuFamily,omitempty"`
	BootVolume       *idRef            `json:"bootVolume,omitempty"`
	BootCDROM        *idRef            `json:"bootCdrom,omitempty"`
	Type             *ServerType       `json:"type,omitempty"`
	Hostname         *string           `json:"hostname,omitempty"`
	NICMultiQueue    *bool             `json:"nicMultiQueue,omitempty"`
}

func (u *ServerUpdate) body(v APIVersion) (*serverPatch, error) {
	const f = "ServerUpdate"
	if err := firstError(
		sinceV6(v, fieldOf{f, ".Type"}, u.Type != nil),
		sinceV6(v, fieldOf{f, ".Hostname"}, u.Hostname != nil),
		sinceV6(v, fieldOf{f, ".NICMultiQueue"}, u.NICMultiQueue != nil),
	); err != nil {
		return nil, err
	}
	if u.Name != nil {
		if err := checkServerName(fieldOf{f, ".Name"}, *u.Name, true); err != nil {
			return nil, err
		}
	}
	if u.Type != nil {
		switch *u.Type {
		case "":
			return nil, invalid(f+".Type", "must not be empty")
		case ServerTypeCube:
			switch {
			case u.Cores != nil:
				return nil, invalid(f+".Cores", "must not be set for a CUBE server: its template sets it")
			case u.RAM != nil:
				return nil, invalid(f+".RAM", "must not be set for a CUBE server: its template sets it")
			case u.CPUFamily != nil:
				return nil, invalid(f+".CPUFamily", "must not be set for a CUBE server")
			case u.NICMultiQueue != nil:
				return nil, invalid(f+".NICMultiQueue", "must not be set for a CUBE server")
			}
		case ServerTypeVCPU:
			if u.CPUFamily != nil {
				return nil, invalid(f+".CPUFamily", "must not be set for a VCPU server")
			}
		}
	}
	if u.Hostname != nil {
		if *u.Hostname == "" {
			return nil, invalid(f+".Hostname", "must not be empty")
		}
		if err := checkHostname(fieldOf{f, ".Hostname"}, *u.Hostname); err != nil {
			return nil, err
		}
	}
	if u.Cores != nil {
		if err := checkServerCores(fieldOf{f, ".Cores"}, *u.Cores); err != nil {
			return nil, err
		}
	}
	if u.RAM != nil {
		// Whether the server's volumes have RAM hot plug is not known here,
		// so only the 256 MB rules apply.
		if err := checkServerRAM(fieldOf{f, ".RAM"}, *u.RAM, false); err != nil {
			return nil, err
		}
	}
	if u.AvailabilityZone != nil && *u.AvailabilityZone == "" {
		return nil, invalid(f+".AvailabilityZone", "must not be empty")
	}
	if u.CPUFamily != nil {
		if *u.CPUFamily == "" {
			return nil, invalid(f+".CPUFamily", "must not be empty")
		}
	}
	vol, cd, err := bootRefs(f, u.BootVolume, u.BootCDROM)
	if err != nil {
		return nil, err
	}
	return &serverPatch{
		Name: u.Name, Cores: u.Cores, RAM: u.RAM, AvailabilityZone: u.AvailabilityZone, CPUFamily: u.CPUFamily,
		BootVolume: vol, BootCDROM: cd, Type: u.Type, Hostname: u.Hostname, NICMultiQueue: u.NICMultiQueue,
	}, nil
}

// ServersService manages servers, their attached volumes and CD-ROMs, and starts, stops and reboots them.
type ServersService struct{ c *Client }

// List returns the servers of a data center, following the pages of the
// collection until it is complete ([WithPage] asks for one page), at the
// client's default depth unless [WithDepth] is given.
func (s *ServersService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]Server, *Response, error) {
	return list[Server](ctx, s.c, at(pathOf("/datacenters/{}/servers", id("datacenterID", datacenterID))), opts)
}

// All iterates over the servers of a data center page by page; breaking
// out of the loop stops fetching.
func (s *ServersService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[Server, error] {
	return all[Server](ctx, s.c, at(pathOf("/datacenters/{}/servers", id("datacenterID", datacenterID))), opts)
}

// Get returns one server, at the client's default depth unless [WithDepth] is
// given.
func (s *ServersService) Get(ctx context.Context, datacenterID, serverID string, opts ...ReadOption) (*Server, *Response, error) {
	return get[Server](ctx, s.c, at(serverPath(datacenterID, serverID, "")), opts)
}

// Create creates a server in a data center, with the volumes, attached
// volumes and NICs of spec, in one call. The server is ready once the request
// in the Response is DONE ([Client.WaitForCompletion]).
func (s *ServersService) Create(ctx context.Context, datacenterID string, spec ServerSpec, opts ...WriteOption) (*Server, *Response, error) {
	return write[Server](ctx, s.c, http.MethodPost, at(pathOf("/datacenters/{}/servers", id("datacenterID", datacenterID))), with(spec.bodyFor(s.c.version, "ServerSpec")).hiding(imagePasswords(nil, spec.Volumes...)), opts)
}

// Update changes the fields of a server that upd sets (PATCH).
func (s *ServersService) Update(ctx context.Context, datacenterID, serverID string, upd ServerUpdate, opts ...WriteOption) (*Server, *Response, error) {
	return write[Server](ctx, s.c, http.MethodPatch, at(serverPath(datacenterID, serverID, "")), with(upd.body(s.c.version)), opts)
}

// Replace replaces every property of a server with spec's (PUT); properties
// spec leaves empty are reset.
func (s *ServersService) Replace(ctx context.Context, datacenterID, serverID string, spec ServerSpec, opts ...WriteOption) (*Server, *Response, error) {
	return write[Server](ctx, s.c, http.MethodPut, at(serverPath(datacenterID, serverID, "")), with(spec.bodyFor(s.c.version, "ServerSpec")).propsOnly("ServerSpec", "attach volumes and create NICs separately"), opts)
}

// Delete deletes a server. Its volumes are kept (delete them with
// Volumes.Delete) unless [WithDeleteVolumes] is given, on Cloud API v6:
//
//	resp, err := c.Servers.Delete(ctx, dcID, serverID, ionos.WithDeleteVolumes())
func (s *ServersService) Delete(ctx context.Context, datacenterID, serverID string, opts ...ServerDeleteOption) (*Response, error) {
	for _, o := range opts {
		if _, ok := o.(DeleteVolumesOption); ok {
			if err := sinceV6(s.c.version, fieldOf{name: "WithDeleteVolumes"}, true); err != nil {
				return nil, err
			}
		}
	}
	return act(ctx, s.c, http.MethodDelete, at(serverPath(datacenterID, serverID, "")), noBody, opts)
}

// Start starts a server. The Response names the request to hand to
// [Client.WaitForCompletion].
func (s *ServersService) Start(ctx context.Context, datacenterID, serverID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/start")), noBody, opts)
}

// Stop powers a server off (forcefully; its DHCP public IP is released). The
// Response names the request to hand to [Client.WaitForCompletion].
func (s *ServersService) Stop(ctx context.Context, datacenterID, serverID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/stop")), noBody, opts)
}

// Reboot hard-reboots a server. The Response names the request to hand to
// [Client.WaitForCompletion].
func (s *ServersService) Reboot(ctx context.Context, datacenterID, serverID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/reboot")), noBody, opts)
}

// Upgrade upgrades a server to the newest hardware generation of its location
// (POST .../servers/{id}/upgrade). The Response names the request to hand to
// [Client.WaitForCompletion].
func (s *ServersService) Upgrade(ctx context.Context, datacenterID, serverID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/upgrade")), noBody, opts)
}

// Suspend suspends a CUBE server (Cloud API v6): it stops running and is
// not billed for its cores and RAM while suspended. The API refuses it for
// other server types. The Response names the request to hand to
// [Client.WaitForCompletion].
func (s *ServersService) Suspend(ctx context.Context, datacenterID, serverID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/suspend")), noBody, opts)
}

// Resume starts a suspended CUBE server again (Cloud API v6). The Response
// names the request to hand to [Client.WaitForCompletion].
func (s *ServersService) Resume(ctx context.Context, datacenterID, serverID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/resume")), noBody, opts)
}

// Token returns a JSON Web Token for the server (Cloud API v6), with which
// software on it can identify the server, for instance to its metadata. It
// is a [Secret]: it never prints or logs, and Reveal returns it.
func (s *ServersService) Token(ctx context.Context, datacenterID, serverID string, opts ...ReadOption) (Secret, *Response, error) {
	v, resp, err := getRaw[struct {
		Token Secret `json:"token"`
	}](ctx, s.c, at(serverPath(datacenterID, serverID, "/token")), opts)
	if err != nil {
		return "", resp, err
	}
	return v.Token, resp, nil
}

// RemoteConsoleURL returns the URL of the server's remote console (Cloud
// API v6). The URL carries a token that grants access to the console, so it
// is a [Secret]: it never prints or logs, and Reveal returns it.
func (s *ServersService) RemoteConsoleURL(ctx context.Context, datacenterID, serverID string, opts ...ReadOption) (Secret, *Response, error) {
	v, resp, err := getRaw[struct {
		URL Secret `json:"url"`
	}](ctx, s.c, at(serverPath(datacenterID, serverID, "/remoteconsole")), opts)
	if err != nil {
		return "", resp, err
	}
	return v.URL, resp, nil
}

// GPU is a GPU card of a GPU server (Cloud API v6; read-only).
type GPU struct {
	ID         string        `json:"id"`
	Type       string        `json:"type,omitempty"`
	Href       string        `json:"href,omitempty"`
	Metadata   Metadata      `json:"metadata,omitzero"`
	Properties GPUProperties `json:"properties"`
}

// GPUProperties describe a GPU card.
type GPUProperties struct {
	Name   string `json:"name"`
	Vendor string `json:"vendor"`
	Model  string `json:"model"`
	// Type is the kind of card ("passThrough").
	Type string `json:"type"`
}

// ListGPUs returns the GPU cards of a server of type GPU (Cloud API v6).
func (s *ServersService) ListGPUs(ctx context.Context, datacenterID, serverID string, opts ...ListOption) ([]GPU, *Response, error) {
	return list[GPU](ctx, s.c, at(serverPath(datacenterID, serverID, "/gpus")), opts)
}

// GetGPU returns one GPU card of a server (Cloud API v6).
func (s *ServersService) GetGPU(ctx context.Context, datacenterID, serverID, gpuID string, opts ...ReadOption) (*GPU, *Response, error) {
	p, err := serverPath(datacenterID, serverID, "")
	if err == nil {
		p, err = pathOf(p+"/gpus/{}", id("gpuID", gpuID))
	}
	return get[GPU](ctx, s.c, at(p, err), opts)
}

// ListVolumes returns the volumes attached to a server, following the pages
// of the collection.
func (s *ServersService) ListVolumes(ctx context.Context, datacenterID, serverID string, opts ...ListOption) ([]Volume, *Response, error) {
	return list[Volume](ctx, s.c, at(serverPath(datacenterID, serverID, "/volumes")), opts)
}

// AllVolumes iterates over the volumes attached to a server page by page.
func (s *ServersService) AllVolumes(ctx context.Context, datacenterID, serverID string, opts ...ListOption) iter.Seq2[Volume, error] {
	return all[Volume](ctx, s.c, at(serverPath(datacenterID, serverID, "/volumes")), opts)
}

// GetVolume returns a volume attached to a server, at the client's default
// depth.
func (s *ServersService) GetVolume(ctx context.Context, datacenterID, serverID, volumeID string, opts ...ReadOption) (*Volume, *Response, error) {
	return get[Volume](ctx, s.c, at(serverChildPath(datacenterID, serverID, "/volumes/{}", id("volumeID", volumeID))), opts)
}

// AttachVolume attaches an existing volume to a server and returns it.
func (s *ServersService) AttachVolume(ctx context.Context, datacenterID, serverID, volumeID string, opts ...WriteOption) (*Volume, *Response, error) {
	return write[Volume](ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/volumes")), with(&idRef{ID: volumeID}, id("volumeID", volumeID).check()), opts)
}

// DetachVolume detaches a volume from a server; the volume is kept.
func (s *ServersService) DetachVolume(ctx context.Context, datacenterID, serverID, volumeID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(serverChildPath(datacenterID, serverID, "/volumes/{}", id("volumeID", volumeID))), opts)
}

// ListCDROMs returns the CD-ROM images attached to a server, following the
// pages of the collection.
func (s *ServersService) ListCDROMs(ctx context.Context, datacenterID, serverID string, opts ...ListOption) ([]Image, *Response, error) {
	return list[Image](ctx, s.c, at(serverPath(datacenterID, serverID, "/cdroms")), opts)
}

// AllCDROMs iterates over the CD-ROMs attached to a server page by page.
func (s *ServersService) AllCDROMs(ctx context.Context, datacenterID, serverID string, opts ...ListOption) iter.Seq2[Image, error] {
	return all[Image](ctx, s.c, at(serverPath(datacenterID, serverID, "/cdroms")), opts)
}

// GetCDROM returns a CD-ROM attached to a server, at the client's default
// depth.
func (s *ServersService) GetCDROM(ctx context.Context, datacenterID, serverID, cdromID string, opts ...ReadOption) (*Image, *Response, error) {
	return get[Image](ctx, s.c, at(serverChildPath(datacenterID, serverID, "/cdroms/{}", id("cdromID", cdromID))), opts)
}

// AttachCDROM attaches a CD-ROM image to a server and returns it.
func (s *ServersService) AttachCDROM(ctx context.Context, datacenterID, serverID, cdromID string, opts ...WriteOption) (*Image, *Response, error) {
	return write[Image](ctx, s.c, http.MethodPost, at(serverPath(datacenterID, serverID, "/cdroms")), with(&idRef{ID: cdromID}, id("cdromID", cdromID).check()), opts)
}

// DetachCDROM detaches a CD-ROM from a server.
func (s *ServersService) DetachCDROM(ctx context.Context, datacenterID, serverID, cdromID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(serverChildPath(datacenterID, serverID, "/cdroms/{}", id("cdromID", cdromID))), opts)
}

// serverPath is /datacenters/{dc}/servers/{srv} followed by suffix.
func serverPath(datacenterID, serverID, suffix string) (string, error) {
	return pathOf("/datacenters/{}/servers/{}"+suffix, id("datacenterID", datacenterID), id("serverID", serverID))
}

// serverChildPath is serverPath with one more ID in suffix.
func serverChildPath(datacenterID, serverID, suffix string, child idArg) (string, error) {
	return pathOf("/datacenters/{}/servers/{}"+suffix, id("datacenterID", datacenterID), id("serverID", serverID), child)
}
