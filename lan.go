package ionos

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/netip"
	"strconv"
)

// LAN is a data center's network as the API returns it. Its ID is the API's
// numeric LAN ID, the value every LAN reference takes ([NICSpec].LAN, the
// lanID parameters). At depth 1 and more, Entities lists its NICs.
type LAN struct {
	ID         LANID         `json:"id"`
	Type       string        `json:"type,omitempty"`
	Href       string        `json:"href,omitempty"`
	Metadata   Metadata      `json:"metadata,omitzero"`
	Properties LANProperties `json:"properties,omitzero"`
	Entities   LANEntities   `json:"entities,omitzero"`
}

// LANID is the ID of a LAN. The API's LAN IDs are positive integers,
// unique within a data center ("1", "2", ...); the SDK refuses anything
// else before sending. A LANID is sent as a JSON number where the API wants
// one (a NIC's or a node pool's LAN) and as a string in LAN.ID and in paths;
// it is read from either.
type LANID string

// MarshalJSON sends the ID as a JSON number when it is one, as the API
// wants LAN references.
func (id LANID) MarshalJSON() ([]byte, error) {
	if n, err := strconv.ParseUint(string(id), 10, 31); err == nil {
		return strconv.AppendUint(nil, n, 10), nil
	}
	return json.Marshal(string(id))
}

// UnmarshalJSON reads the ID from a JSON number or string.
func (id *LANID) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*id = LANID(n.String())
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("ionos: a LAN ID must be a number or a string: %s", b)
	}
	*id = LANID(s)
	return nil
}

// MarshalJSON keeps the LAN's "id" a string, as the API sends it.
func (l LAN) MarshalJSON() ([]byte, error) {
	type plain LAN
	return json.Marshal(struct {
		ID string `json:"id"`
		plain
	}{string(l.ID), plain(l)})
}

// LANProperties are a LAN's settings.
type LANProperties struct {
	Name       string       `json:"name,omitempty"`
	IPFailover []IPFailover `json:"ipFailover,omitempty"`
	PCC        string       `json:"pcc,omitempty"`
	Public     bool         `json:"public"`
	// IPv4CIDRBlock is the private IPv4 range of a private LAN (the live
	// API v6, read-only); empty for a public LAN.
	IPv4CIDRBlock string `json:"ipv4CidrBlock,omitempty"`
	// IPv6CIDRBlock is the LAN's /64 IPv6 block (the live API v6); empty
	// when the LAN has none.
	IPv6CIDRBlock string `json:"ipv6CidrBlock,omitempty"`
}

// IPFailover moves an IP between the NICs of a LAN: the IP is served by the
// NIC NICUUID and fails over to another NIC of the LAN that has the IP.
// Both fields are required when sending one.
type IPFailover struct {
	IP      string `json:"ip"`
	NICUUID string `json:"nicUuid"`
}

// LANEntities are a LAN's children.
type LANEntities struct {
	NICs Collection[NIC] `json:"nics,omitzero"`
}

// LANSpec describes a LAN to create, alone (LANs.Create) or inside a data
// center ([DatacenterSpec].LANs).
type LANSpec struct {
	Name string
	// Public connects the LAN to the internet; it is always sent.
	Public bool
	// NICs are IDs of existing NICs to put on the LAN.
	NICs []string
	// PCC is the ID of a private cross-connect to join.
	PCC string
	// IPFailover lists IP failover groups; each needs an IP and a NIC ID.
	IPFailover []IPFailover
	// IPv6CIDRBlock gives the LAN an IPv6 block: "AUTO" lets the API pick
	// one (and /80 blocks for its NICs), or a /64 inside the data center's
	// /56 ("2001:db8:0:1::/64"). Empty sends nothing: no IPv6. The live API
	// v6 only: refused before sending on a v5 client.
	IPv6CIDRBlock string
}

// IPv6CIDRAuto is the value of [LANSpec].IPv6CIDRBlock and
// [LANUpdate].IPv6CIDRBlock that lets the API pick the LAN's IPv6 block.
const IPv6CIDRAuto = "AUTO"

// lanPost is the body of a LAN's POST: v5's LanPost and the live v6's Lan
// (which replaced LanPost) have the same shape, properties and entities
// (NICs given by ID) alike; only ipv6CidrBlock is v6's.
type lanPost = post[lanPostProperties, lanPostEntities]

type lanPostProperties struct {
	Name          string       `json:"name,omitempty"`
	Public        bool         `json:"public"`
	PCC           string       `json:"pcc,omitempty"`
	IPFailover    []IPFailover `json:"ipFailover,omitempty"`
	IPv6CIDRBlock string       `json:"ipv6CidrBlock,omitempty"`
}

type lanPostEntities struct {
	NICs *postCollection[idRef] `json:"nics,omitempty"`
}

// bodyFor checks the spec for the API version v ([LANSpec.checkFor]) and
// builds the POST body.
func (s *LANSpec) bodyFor(v APIVersion, field string) (*lanPost, error) {
	if err := s.checkFor(v, field); err != nil {
		return nil, err
	}
	return s.body(field)
}

// checkFor refuses what the API version v lacks: IPv6CIDRBlock on v5.
// Composite creates (LANs inside a data center) must call it on each LAN,
// as [LANsService] does.
func (s *LANSpec) checkFor(v APIVersion, field string) error {
	if v == APIv5 && s.IPv6CIDRBlock != "" {
		return unsupportedField(field+".IPv6CIDRBlock", v)
	}
	return nil
}

// checkIPv6CIDRBlock accepts "AUTO" or an IPv6 /64, as the API documents
// a LAN's ipv6CidrBlock.
func checkIPv6CIDRBlock(field, block string) error {
	if block == IPv6CIDRAuto {
		return nil
	}
	p, err := netip.ParsePrefix(block)
	if err != nil || !p.Addr().Is6() || p.Addr().Is4In6() || p.Bits() != 64 {
		return invalid(field, "%q is neither %q nor an IPv6 /64 block", block, IPv6CIDRAuto)
	}
	return nil
}

// body validates what holds for every API version and builds the POST
// body; field prefixes the names in errors. Public is sent as a JSON
// boolean. What depends on the version is checked by checkFor (bodyFor
// does both).
func (s *LANSpec) body(field string) (*lanPost, error) {
	if err := checkIPFailover(field+".IPFailover", s.IPFailover); err != nil {
		return nil, err
	}
	if s.IPv6CIDRBlock != "" {
		if err := checkIPv6CIDRBlock(field+".IPv6CIDRBlock", s.IPv6CIDRBlock); err != nil {
			return nil, err
		}
	}
	p := &lanPost{Properties: lanPostProperties{Name: s.Name, Public: s.Public, PCC: s.PCC, IPFailover: s.IPFailover, IPv6CIDRBlock: s.IPv6CIDRBlock}}
	if len(s.NICs) > 0 {
		refs, err := idRefs(field+".NICs", s.NICs)
		if err != nil {
			return nil, err
		}
		p.Entities = &lanPostEntities{NICs: &postCollection[idRef]{Items: refs}}
	}
	return p, nil
}

// checkIPFailover requires an IP and a NIC ID in every entry.
func checkIPFailover(field string, groups []IPFailover) error {
	for i, g := range groups {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case g.IP == "":
			return invalid(f+".IP", "is required")
		case !isIP(g.IP):
			return invalid(f+".IP", "%q is not an IP address", g.IP)
		}
		if err := id(f+".NICUUID", g.NICUUID).check(); err != nil {
			return err
		}
	}
	return nil
}

// LANUpdate changes the fields of a LAN that are set; the others keep their
// value. IPFailover replaces the LAN's IP failover groups when it is
// non-empty; to remove them all, set ClearIPFailover instead (an empty list
// is sent), since an empty IPFailover means "unchanged".
type LANUpdate struct {
	Name *string `json:"name,omitempty"`
	// Public connects the LAN to the internet (true) or not (false).
	Public *bool `json:"public,omitempty"`
	// IPFailover, when non-empty, replaces the LAN's IP failover groups;
	// each needs an IP and a NIC ID.
	IPFailover []IPFailover `json:"ipFailover,omitempty"`
	// ClearIPFailover removes every IP failover group (sends
	// "ipFailover": []). It cannot be combined with IPFailover.
	ClearIPFailover bool `json:"-"`
	// PCC is the ID of a private cross-connect to join.
	PCC *string `json:"pcc,omitempty"`
	// IPv6CIDRBlock gives the LAN an IPv6 block: "AUTO" or a /64 (see
	// [LANSpec].IPv6CIDRBlock). The live API v6 only.
	IPv6CIDRBlock *string `json:"ipv6CidrBlock,omitempty"`
}

type lanPatch struct {
	*LANUpdate
	// IPFailover shadows [LANUpdate].IPFailover: nil is left out, an empty
	// non-nil list is sent as [].
	IPFailover []IPFailover `json:"ipFailover,omitzero"`
}

// bodyFor checks the update for the API version v and builds the PATCH
// body.
func (u *LANUpdate) bodyFor(v APIVersion) (*lanPatch, error) {
	if u.IPv6CIDRBlock != nil {
		if v == APIv5 {
			return nil, unsupportedField("LANUpdate.IPv6CIDRBlock", v)
		}
		if err := checkIPv6CIDRBlock("LANUpdate.IPv6CIDRBlock", *u.IPv6CIDRBlock); err != nil {
			return nil, err
		}
	}
	return u.body()
}

func (u *LANUpdate) body() (*lanPatch, error) {
	groups, err := replacedList("LANUpdate.ClearIPFailover", u.IPFailover, u.ClearIPFailover)
	if err == nil {
		err = checkIPFailover("LANUpdate.IPFailover", u.IPFailover)
	}
	return &lanPatch{LANUpdate: u, IPFailover: groups}, err
}

// lanIDArg is a LAN ID for pathOf: the API's LAN IDs are positive
// integers ("1", "2", ...), so anything else names no LAN and is refused
// before sending.
func lanIDArg(lanID LANID) idArg { return idArg{name: "lanID", val: string(lanID), positive: true} }

// LANsService manages a data center's LANs
// (/datacenters/{dc}/lans). LAN IDs are the API's numeric IDs as strings
// ("1"); a LAN's ID is LAN.ID.
type LANsService struct{ c *Client }

func lansPath(datacenterID string) (string, error) {
	return pathOf("/datacenters/{}/lans", id("datacenterID", datacenterID))
}

func lanPath(datacenterID string, lanID LANID, suffix string) (string, error) {
	return pathOf("/datacenters/{}/lans/{}"+suffix, id("datacenterID", datacenterID), lanIDArg(lanID))
}

// List returns every LAN of a data center, following the pages of the
// collection until it is complete ([WithPage] asks for one page). The client's
// default depth is sent unless [WithDepth] is given.
func (s *LANsService) List(ctx context.Context, datacenterID string, opts ...ListOption) ([]LAN, *Response, error) {
	return list[LAN](ctx, s.c, at(lansPath(datacenterID)), opts)
}

// All iterates over the LANs of a data center page by page; breaking out
// of the loop stops fetching. An invalid ID is yielded as the only error.
func (s *LANsService) All(ctx context.Context, datacenterID string, opts ...ListOption) iter.Seq2[LAN, error] {
	return all[LAN](ctx, s.c, at(lansPath(datacenterID)), opts)
}

// Get returns one LAN, at the client's default depth unless [WithDepth] is
// given. lanID is the LAN's numeric ID ("1").
func (s *LANsService) Get(ctx context.Context, datacenterID string, lanID LANID, opts ...ReadOption) (*LAN, *Response, error) {
	return get[LAN](ctx, s.c, at(lanPath(datacenterID, lanID, "")), opts)
}

// Create creates a LAN and returns it as the API accepted it, with its new
// ID; the LAN is ready once the request in the Response is DONE
// ([Client.WaitForCompletion]). Public is sent as a JSON boolean.
// IPv6CIDRBlock is refused before sending on a v5 client.
func (s *LANsService) Create(ctx context.Context, datacenterID string, spec LANSpec, opts ...WriteOption) (*LAN, *Response, error) {
	return write[LAN](ctx, s.c, http.MethodPost, at(lansPath(datacenterID)), with(spec.bodyFor(s.c.version, "LANSpec")), opts)
}

// Update changes the fields of a LAN that upd sets (PATCH): its name, whether
// it is public, its IP failover groups and its private cross-connect.
func (s *LANsService) Update(ctx context.Context, datacenterID string, lanID LANID, upd LANUpdate, opts ...WriteOption) (*LAN, *Response, error) {
	return write[LAN](ctx, s.c, http.MethodPatch, at(lanPath(datacenterID, lanID, "")), with(upd.bodyFor(s.c.version)), opts)
}

// Replace replaces every property of a LAN with spec's (PUT); properties spec
// leaves empty are reset.
func (s *LANsService) Replace(ctx context.Context, datacenterID string, lanID LANID, spec LANSpec, opts ...WriteOption) (*LAN, *Response, error) {
	return write[LAN](ctx, s.c, http.MethodPut, at(lanPath(datacenterID, lanID, "")), with(spec.bodyFor(s.c.version, "LANSpec")).propsOnly("LANSpec", "put NICs on the LAN by creating or updating them"), opts)
}

// Delete deletes a LAN.
func (s *LANsService) Delete(ctx context.Context, datacenterID string, lanID LANID, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(lanPath(datacenterID, lanID, "")), opts)
}

// ListMembers returns the NICs on a LAN, following the pages of the
// collection until it is complete ([WithPage] asks for one page), at the
// client's default depth unless [WithDepth] is given.
func (s *LANsService) ListMembers(ctx context.Context, datacenterID string, lanID LANID, opts ...ListOption) ([]NIC, *Response, error) {
	return list[NIC](ctx, s.c, at(lanPath(datacenterID, lanID, "/nics")), opts)
}

// GetMember returns one NIC on a LAN (GET
// /datacenters/{dc}/lans/{lan}/nics/{nic}), at the client's default depth
// unless [WithDepth] is given.
func (s *LANsService) GetMember(ctx context.Context, datacenterID string, lanID LANID, nicID string, opts ...ReadOption) (*NIC, *Response, error) {
	return get[NIC](ctx, s.c, at(pathOf("/datacenters/{}/lans/{}/nics/{}", id("datacenterID", datacenterID), lanIDArg(lanID), id("nicID", nicID))), opts)
}

// AddMember puts an existing NIC of the data center on the LAN (POST
// /datacenters/{dc}/lans/{lan}/nics with {"id": nicID}). A NIC is on one
// LAN, so this moves it from the LAN it was on; [NICsService.Update] with
// NICUpdate.LAN does the same from the NIC's side.
func (s *LANsService) AddMember(ctx context.Context, datacenterID string, lanID LANID, nicID string, opts ...WriteOption) (*NIC, *Response, error) {
	return write[NIC](ctx, s.c, http.MethodPost, at(lanPath(datacenterID, lanID, "/nics")), with(&idRef{ID: nicID}, id("nicID", nicID).check()), opts)
}

// AllMembers iterates over the NICs on a LAN page by page; breaking out of
// the loop stops fetching. An invalid ID is yielded as the only error.
func (s *LANsService) AllMembers(ctx context.Context, datacenterID string, lanID LANID, opts ...ListOption) iter.Seq2[NIC, error] {
	return all[NIC](ctx, s.c, at(lanPath(datacenterID, lanID, "/nics")), opts)
}
