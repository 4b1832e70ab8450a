package ionos

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"strconv"
	"time"
)

// Group is a user group as the API returns it: a set of privileges given to
// its members, and the resources shared with it. At depth 1 and more,
// Entities lists its users and resources.
type Group struct {
	ID         string          `json:"id"`
	Type       string          `json:"type,omitempty"`
	Href       string          `json:"href,omitempty"`
	Properties GroupProperties `json:"properties,omitzero"`
	Entities   GroupEntities   `json:"entities,omitzero"`
}

// GroupProperties are a group's name and privileges. The privileges after
// CreateK8sCluster are API v6's; a v5 group reads them false.
type GroupProperties struct {
	Name                 string `json:"name,omitempty"`
	CreateDataCenter     bool   `json:"createDataCenter"`
	CreateSnapshot       bool   `json:"createSnapshot"`
	ReserveIP            bool   `json:"reserveIp"`
	AccessActivityLog    bool   `json:"accessActivityLog"`
	CreatePCC            bool   `json:"createPcc"`
	S3Privilege          bool   `json:"s3Privilege"`
	CreateBackupUnit     bool   `json:"createBackupUnit"`
	CreateInternetAccess bool   `json:"createInternetAccess"`
	CreateK8sCluster     bool   `json:"createK8sCluster"`
	// API v6 (v5 groups do not have them):
	CreateFlowLog               bool `json:"createFlowLog"`
	AccessAndManageMonitoring   bool `json:"accessAndManageMonitoring"`
	AccessAndManageCertificates bool `json:"accessAndManageCertificates"`
	ManageDBaaS                 bool `json:"manageDBaaS"`
	// The live API v6 (added after its published document):
	AccessAndManageDNS                bool `json:"accessAndManageDns"`
	ManageRegistry                    bool `json:"manageRegistry"`
	ManageDataPlatform                bool `json:"manageDataplatform"`
	AccessAndManageLogging            bool `json:"accessAndManageLogging"`
	AccessAndManageCDN                bool `json:"accessAndManageCdn"`
	AccessAndManageVPN                bool `json:"accessAndManageVpn"`
	AccessAndManageAPIGateway         bool `json:"accessAndManageApiGateway"`
	AccessAndManageKaaS               bool `json:"accessAndManageKaas"`
	AccessAndManageNetworkFileStorage bool `json:"accessAndManageNetworkFileStorage"`
	AccessAndManageAIModelHub         bool `json:"accessAndManageAiModelHub"`
	AccessAndManageIAMResources       bool `json:"accessAndManageIamResources"`
	CreateNetworkSecurityGroups       bool `json:"createNetworkSecurityGroups"`
}

// GroupSpec describes a group to create. Name is required. Every privilege
// the client's API version has is sent, false included, so a group is
// created with exactly the privileges set here. The privileges after
// CreateK8sCluster are API v6's: a v5 client refuses one that is set, before
// sending.
type GroupSpec struct {
	Name                 string
	CreateDataCenter     bool
	CreateSnapshot       bool
	ReserveIP            bool
	AccessActivityLog    bool
	CreatePCC            bool
	S3Privilege          bool
	CreateBackupUnit     bool
	CreateInternetAccess bool
	CreateK8sCluster     bool
	// API v6 (v5 groups do not have them):
	CreateFlowLog               bool
	AccessAndManageMonitoring   bool
	AccessAndManageCertificates bool
	ManageDBaaS                 bool
	// The live API v6 (added after its published document):
	AccessAndManageDNS                bool
	ManageRegistry                    bool
	ManageDataPlatform                bool
	AccessAndManageLogging            bool
	AccessAndManageCDN                bool
	AccessAndManageVPN                bool
	AccessAndManageAPIGateway         bool
	AccessAndManageKaaS               bool
	AccessAndManageNetworkFileStorage bool
	AccessAndManageAIModelHub         bool
	AccessAndManageIAMResources       bool
	CreateNetworkSecurityGroups       bool
}

// GroupUpdate changes the name and privileges of a group that are set
// (non-nil); the others keep their value, see [GroupsService.Update]. The
// privileges after CreateK8sCluster are API v6's: a v5 client refuses one
// that is set, before sending.
type GroupUpdate struct {
	Name                 *string
	CreateDataCenter     *bool
	CreateSnapshot       *bool
	ReserveIP            *bool
	AccessActivityLog    *bool
	CreatePCC            *bool
	S3Privilege          *bool
	CreateBackupUnit     *bool
	CreateInternetAccess *bool
	CreateK8sCluster     *bool
	// API v6 (v5 groups do not have them):
	CreateFlowLog               *bool
	AccessAndManageMonitoring   *bool
	AccessAndManageCertificates *bool
	ManageDBaaS                 *bool
	// The live API v6 (added after its published document):
	AccessAndManageDNS                *bool
	ManageRegistry                    *bool
	ManageDataPlatform                *bool
	AccessAndManageLogging            *bool
	AccessAndManageCDN                *bool
	AccessAndManageVPN                *bool
	AccessAndManageAPIGateway         *bool
	AccessAndManageKaaS               *bool
	AccessAndManageNetworkFileStorage *bool
	AccessAndManageAIModelHub         *bool
	AccessAndManageIAMResources       *bool
	CreateNetworkSecurityGroups       *bool
}

// groupPrivilege is one privilege of a group: its JSON name, the API
// versions that have it, and where GroupSpec and GroupUpdate keep it.
type groupPrivilege struct {
	key, field string
	v6Only     bool
	spec       func(*GroupSpec) bool
	upd        func(*GroupUpdate) *bool
}

// groupPrivileges lists every privilege the SDK knows, in the API's order.
var groupPrivileges = [...]groupPrivilege{
	{"createDataCenter", "CreateDataCenter", false, func(s *GroupSpec) bool { return s.CreateDataCenter }, func(u *GroupUpdate) *bool { return u.CreateDataCenter }},
	{"createSnapshot", "CreateSnapshot", false, func(s *GroupSpec) bool { return s.CreateSnapshot }, func(u *GroupUpdate) *bool { return u.CreateSnapshot }},
	{"reserveIp", "ReserveIP", false, func(s *GroupSpec) bool { return s.ReserveIP }, func(u *GroupUpdate) *bool { return u.ReserveIP }},
	{"accessActivityLog", "AccessActivityLog", false, func(s *GroupSpec) bool { return s.AccessActivityLog }, func(u *GroupUpdate) *bool { return u.AccessActivityLog }},
	{"createPcc", "CreatePCC", false, func(s *GroupSpec) bool { return s.CreatePCC }, func(u *GroupUpdate) *bool { return u.CreatePCC }},
	{"s3Privilege", "S3Privilege", false, func(s *GroupSpec) bool { return s.S3Privilege }, func(u *GroupUpdate) *bool { return u.S3Privilege }},
	{"createBackupUnit", "CreateBackupUnit", false, func(s *GroupSpec) bool { return s.CreateBackupUnit }, func(u *GroupUpdate) *bool { return u.CreateBackupUnit }},
	{"createInternetAccess", "CreateInternetAccess", false, func(s *GroupSpec) bool { return s.CreateInternetAccess }, func(u *GroupUpdate) *bool { return u.CreateInternetAccess }},
	{"createK8sCluster", "CreateK8sCluster", false, func(s *GroupSpec) bool { return s.CreateK8sCluster }, func(u *GroupUpdate) *bool { return u.CreateK8sCluster }},
	{"createFlowLog", "CreateFlowLog", true, func(s *GroupSpec) bool { return s.CreateFlowLog }, func(u *GroupUpdate) *bool { return u.CreateFlowLog }},
	{"accessAndManageMonitoring", "AccessAndManageMonitoring", true, func(s *GroupSpec) bool { return s.AccessAndManageMonitoring }, func(u *GroupUpdate) *bool { return u.AccessAndManageMonitoring }},
	{"accessAndManageCertificates", "AccessAndManageCertificates", true, func(s *GroupSpec) bool { return s.AccessAndManageCertificates }, func(u *GroupUpdate) *bool { return u.AccessAndManageCertificates }},
	{"manageDBaaS", "ManageDBaaS", true, func(s *GroupSpec) bool { return s.ManageDBaaS }, func(u *GroupUpdate) *bool { return u.ManageDBaaS }},
	{"accessAndManageDns", "AccessAndManageDNS", true, func(s *GroupSpec) bool { return s.AccessAndManageDNS }, func(u *GroupUpdate) *bool { return u.AccessAndManageDNS }},
	{"manageRegistry", "ManageRegistry", true, func(s *GroupSpec) bool { return s.ManageRegistry }, func(u *GroupUpdate) *bool { return u.ManageRegistry }},
	{"manageDataplatform", "ManageDataPlatform", true, func(s *GroupSpec) bool { return s.ManageDataPlatform }, func(u *GroupUpdate) *bool { return u.ManageDataPlatform }},
	{"accessAndManageLogging", "AccessAndManageLogging", true, func(s *GroupSpec) bool { return s.AccessAndManageLogging }, func(u *GroupUpdate) *bool { return u.AccessAndManageLogging }},
	{"accessAndManageCdn", "AccessAndManageCDN", true, func(s *GroupSpec) bool { return s.AccessAndManageCDN }, func(u *GroupUpdate) *bool { return u.AccessAndManageCDN }},
	{"accessAndManageVpn", "AccessAndManageVPN", true, func(s *GroupSpec) bool { return s.AccessAndManageVPN }, func(u *GroupUpdate) *bool { return u.AccessAndManageVPN }},
	{"accessAndManageApiGateway", "AccessAndManageAPIGateway", true, func(s *GroupSpec) bool { return s.AccessAndManageAPIGateway }, func(u *GroupUpdate) *bool { return u.AccessAndManageAPIGateway }},
	{"accessAndManageKaas", "AccessAndManageKaaS", true, func(s *GroupSpec) bool { return s.AccessAndManageKaaS }, func(u *GroupUpdate) *bool { return u.AccessAndManageKaaS }},
	{"accessAndManageNetworkFileStorage", "AccessAndManageNetworkFileStorage", true, func(s *GroupSpec) bool { return s.AccessAndManageNetworkFileStorage }, func(u *GroupUpdate) *bool { return u.AccessAndManageNetworkFileStorage }},
	{"accessAndManageAiModelHub", "AccessAndManageAIModelHub", true, func(s *GroupSpec) bool { return s.AccessAndManageAIModelHub }, func(u *GroupUpdate) *bool { return u.AccessAndManageAIModelHub }},
	{"accessAndManageIamResources", "AccessAndManageIAMResources", true, func(s *GroupSpec) bool { return s.AccessAndManageIAMResources }, func(u *GroupUpdate) *bool { return u.AccessAndManageIAMResources }},
	{"createNetworkSecurityGroups", "CreateNetworkSecurityGroups", true, func(s *GroupSpec) bool { return s.CreateNetworkSecurityGroups }, func(u *GroupUpdate) *bool { return u.CreateNetworkSecurityGroups }},
}

// GroupEntities are a group's members and the resources shared with it.
type GroupEntities struct {
	Users     Collection[User]     `json:"users,omitzero"`
	Resources Collection[Resource] `json:"resources,omitzero"`
}

// bodyFor builds the POST body for the API version v: the name and every
// privilege v has, false included. A v6 privilege set on a v5 client is
// refused.
func (s *GroupSpec) bodyFor(v APIVersion, field string) (*post[map[string]any, noEntities], error) {
	if err := checkUMName(field+".Name", s.Name); err != nil {
		return nil, err
	}
	props := map[string]any{"name": s.Name}
	for _, p := range groupPrivileges {
		val := p.spec(s)
		if p.v6Only && v == APIv5 {
			if val {
				return nil, unsupportedField(field+"."+p.field, v)
			}
			continue
		}
		props[p.key] = val
	}
	return &post[map[string]any, noEntities]{Properties: props}, nil
}

// check refuses an update that the API version v would refuse: a bad name,
// or a v6 privilege on a v5 client.
func (u *GroupUpdate) check(v APIVersion) error {
	if u.Name != nil {
		if err := checkUMName("GroupUpdate.Name", *u.Name); err != nil {
			return err
		}
	}
	if v == APIv5 {
		for _, p := range groupPrivileges {
			if p.v6Only && p.upd(u) != nil {
				return unsupportedField("GroupUpdate."+p.field, v)
			}
		}
	}
	return nil
}

// apply sets what the update sets in a group's properties as the API
// returned them; every other property, one this SDK does not know
// included, keeps the value read.
func (u *GroupUpdate) apply(props map[string]json.RawMessage) {
	if u.Name != nil {
		props["name"], _ = json.Marshal(*u.Name)
	}
	for _, p := range groupPrivileges {
		if b := p.upd(u); b != nil {
			props[p.key] = json.RawMessage(strconv.FormatBool(*b))
		}
	}
}

// checkUMName refuses an empty name (of a group, a user's first or last
// name) or one with control characters.
func checkUMName(field, name string) error {
	if name == "" {
		return invalid(field, "is required")
	}
	if hasControl(name) {
		return invalid(field, "%q contains control characters", name)
	}
	return nil
}

// GroupShare is a resource shared with a group, and what the group's members
// may do with it. Its ID is the resource's ID.
type GroupShare struct {
	ID         string               `json:"id"`
	Type       string               `json:"type,omitempty"`
	Href       string               `json:"href,omitempty"`
	Properties GroupShareProperties `json:"properties,omitzero"`
}

// GroupShareProperties are the privileges a group has on a shared resource.
type GroupShareProperties struct {
	EditPrivilege  bool `json:"editPrivilege"`
	SharePrivilege bool `json:"sharePrivilege"`
}

// ShareSpec gives a group privileges on a shared resource. Both are always
// sent; false means the members may only read the resource.
type ShareSpec struct {
	// EditPrivilege lets the members change the resource.
	EditPrivilege bool `json:"editPrivilege"`
	// SharePrivilege lets the members share the resource further.
	SharePrivilege bool `json:"sharePrivilege"`
}

// User is a user of the contract as the API returns it. At depth 1 and
// more, Entities lists the resources it owns and its groups.
type User struct {
	ID         string         `json:"id"`
	Type       string         `json:"type,omitempty"`
	Href       string         `json:"href,omitempty"`
	Metadata   UserMetadata   `json:"metadata,omitzero"`
	Properties UserProperties `json:"properties,omitzero"`
	Entities   UserEntities   `json:"entities,omitzero"`
}

// UserMetadata is what the API records of a user.
type UserMetadata struct {
	Etag        string    `json:"etag,omitempty"`
	CreatedDate time.Time `json:"createdDate,omitzero"`
	LastLogin   time.Time `json:"lastLogin,omitzero"`
}

// UserProperties are a user's settings. The API never returns the
// password.
type UserProperties struct {
	FirstName         string `json:"firstname,omitempty"`
	LastName          string `json:"lastname,omitempty"`
	Email             string `json:"email,omitempty"`
	Administrator     bool   `json:"administrator"`
	ForceSecAuth      bool   `json:"forceSecAuth"`
	SecAuthActive     bool   `json:"secAuthActive"`
	S3CanonicalUserID string `json:"s3CanonicalUserId,omitempty"`
	Active            bool   `json:"active"`
}

// UserEntities are the resources a user owns and the groups it belongs to.
type UserEntities struct {
	Owns   Collection[Resource] `json:"owns,omitzero"`
	Groups Collection[Group]    `json:"groups,omitzero"`
}

// UserSpec describes a user to create. FirstName, LastName, Email and
// Password are required. Administrator and ForceSecAuth are always sent,
// false included.
type UserSpec struct {
	FirstName string
	LastName  string
	Email     string
	// Password is the user's initial password; it never appears in logs or
	// errors.
	Password Secret
	// Administrator gives the user every privilege.
	Administrator bool
	// ForceSecAuth requires two-factor authentication for the user.
	ForceSecAuth bool
	// Active, when set, creates the user active or inactive; nil leaves
	// the API's default (active).
	Active *bool
}

type userPost = post[userPostProperties, noEntities]

type userPostProperties struct {
	FirstName     string `json:"firstname"`
	LastName      string `json:"lastname"`
	Email         string `json:"email"`
	Password      string `json:"password"`
	Administrator bool   `json:"administrator"`
	ForceSecAuth  bool   `json:"forceSecAuth"`
	Active        *bool  `json:"active,omitempty"`
}

func (s *UserSpec) body(field string) (*userPost, error) {
	if err := checkUMName(field+".FirstName", s.FirstName); err != nil {
		return nil, err
	}
	if err := checkUMName(field+".LastName", s.LastName); err != nil {
		return nil, err
	}
	if err := checkEmail(field+".Email", s.Email, true); err != nil {
		return nil, err
	}
	if s.Password == "" {
		return nil, invalid(field+".Password", "is required")
	}
	return &userPost{Properties: userPostProperties{
		FirstName: s.FirstName, LastName: s.LastName, Email: s.Email, Password: s.Password.Reveal(),
		Administrator: s.Administrator, ForceSecAuth: s.ForceSecAuth, Active: s.Active,
	}}, nil
}

// UserUpdate changes a user (PUT).
type UserUpdate struct {
	FirstName *string
	LastName  *string
	Email     *string
	// Password, when set, changes the user's password.
	Password      *Secret
	Administrator *bool
	ForceSecAuth  *bool
	SecAuthActive *bool
	Active        *bool
}

type userPut struct {
	FirstName     *string `json:"firstname,omitempty"`
	LastName      *string `json:"lastname,omitempty"`
	Email         *string `json:"email,omitempty"`
	Password      *string `json:"password,omitempty"`
	Administrator *bool   `json:"administrator,omitempty"`
	ForceSecAuth  *bool   `json:"forceSecAuth,omitempty"`
	SecAuthActive *bool   `json:"secAuthActive,omitempty"`
	Active        *bool   `json:"active,omitempty"`
}

func (u *UserUpdate) body(field string) (*putBody[userPut], error) {
	if err := u.check(field); err != nil {
		return nil, err
	}
	p := userPut{FirstName: u.FirstName, LastName: u.LastName, Email: u.Email, Administrator: u.Administrator,
		ForceSecAuth: u.ForceSecAuth, SecAuthActive: u.SecAuthActive, Active: u.Active}
	if u.Password != nil {
		p.Password = Ptr(u.Password.Reveal())
	}
	return &putBody[userPut]{Properties: p}, nil
}

func (u *UserUpdate) check(field string) error {
	if u.FirstName != nil {
		if err := checkUMName(field+".FirstName", *u.FirstName); err != nil {
			return err
		}
	}
	if u.LastName != nil {
		if err := checkUMName(field+".LastName", *u.LastName); err != nil {
			return err
		}
	}
	if u.Email != nil {
		if err := checkEmail(field+".Email", *u.Email, true); err != nil {
			return err
		}
	}
	if u.Password != nil && *u.Password == "" {
		return invalid(field+".Password", "must not be empty when set")
	}
	return nil
}

func (u *UserUpdate) secret() Secret {
	if u.Password == nil {
		return ""
	}
	return *u.Password
}

// Resource is a resource the user can reach (the API's user-management
// view of a data center, image, snapshot, IP block, cross-connect, backup
// unit or Kubernetes cluster). At depth 1 and more, Entities lists the
// groups it is shared with.
type Resource struct {
	ID         string             `json:"id"`
	Type       string             `json:"type,omitempty"`
	Href       string             `json:"href,omitempty"`
	Metadata   Metadata           `json:"metadata,omitzero"`
	Properties ResourceProperties `json:"properties,omitzero"`
	Entities   ResourceEntities   `json:"entities,omitzero"`
}

// ResourceProperties are a resource's name and protection.
type ResourceProperties struct {
	Name              string `json:"name,omitempty"`
	SecAuthProtection bool   `json:"secAuthProtection"`
}

// ResourceEntities are the groups a resource is shared with.
type ResourceEntities struct {
	Groups Collection[Group] `json:"groups,omitzero"`
}

// Resource types for Resources.ListByType and Resources.Get.
const (
	ResourceTypeDatacenter = "datacenter"
	ResourceTypeSnapshot   = "snapshot"
	ResourceTypeImage      = "image"
	ResourceTypeIPBlock    = "ipblock"
	ResourceTypePCC        = "pcc"
	ResourceTypeBackupUnit = "backupunit"
	ResourceTypeK8s        = "k8s"
)

// GroupsService manages user groups, their members and their shares
// (/um/groups).
type GroupsService struct{ c *Client }

// List returns every group.
func (s *GroupsService) List(ctx context.Context, opts ...ListOption) ([]Group, *Response, error) {
	return list[Group](ctx, s.c, fixed("/um/groups"), opts)
}

// Get returns one group.
func (s *GroupsService) Get(ctx context.Context, groupID string, opts ...ReadOption) (*Group, *Response, error) {
	return get[Group](ctx, s.c, at(pathOf("/um/groups/{}", id("groupID", groupID))), opts)
}

// Create creates a group with the privileges of spec: every privilege the
// client's API version has is sent, false included.
func (s *GroupsService) Create(ctx context.Context, spec GroupSpec, opts ...WriteOption) (*Group, *Response, error) {
	return write[Group](ctx, s.c, http.MethodPost, fixed("/um/groups"), with(spec.bodyFor(s.c.version, "GroupSpec")), opts)
}

// Update changes the name and privileges of a group that upd sets and
// keeps every other one as it is.
//
// The API has no partial update for groups: its PUT replaces the group's
// properties, and a privilege left out of it may be revoked. So Update
// costs two calls: it reads the group (GET, at depth 0), changes in what it
// read what upd sets, and writes the whole back (PUT). Privileges the SDK
// does not know yet, which the API may add at any time, are written back
// as they were read.
//
// The two calls are not atomic, and the API offers no way to make the PUT
// conditional: if someone else changes the group between the GET and the
// PUT, their change is overwritten with the values Update read (except
// for what upd sets). Do not update one group from several places at once.
//
// opts apply to the PUT; the GET sends only their contract number. When
// the GET fails, its error and Response are returned and nothing is
// written. The returned Group and Response are the PUT's.
func (s *GroupsService) Update(ctx context.Context, groupID string, upd GroupUpdate, opts ...WriteOption) (*Group, *Response, error) {
	p, err := pathOf("/um/groups/{}", id("groupID", groupID))
	if err == nil {
		err = upd.check(s.c.version)
	}
	if err != nil {
		return nil, nil, err
	}
	co, err := applyOptions(opts)
	if err != nil {
		return nil, nil, err
	}
	var cur struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	readOpts := callOptions{depth: 0, depthSet: true, contract: co.contract}
	resp, err := s.c.doWith(ctx, &request{method: http.MethodGet, path: p}, &cur, &readOpts)
	if err != nil {
		return nil, resp, err
	}
	if cur.Properties == nil {
		cur.Properties = map[string]json.RawMessage{}
	}
	upd.apply(cur.Properties)
	return write[Group](ctx, s.c, http.MethodPut, at(p, nil), with(&putBody[map[string]json.RawMessage]{Properties: cur.Properties}, nil), opts)
}

// Delete deletes a group.
func (s *GroupsService) Delete(ctx context.Context, groupID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/um/groups/{}", id("groupID", groupID))), opts)
}

// ListShares returns the resources shared with a group.
func (s *GroupsService) ListShares(ctx context.Context, groupID string, opts ...ListOption) ([]GroupShare, *Response, error) {
	return list[GroupShare](ctx, s.c, at(pathOf("/um/groups/{}/shares", id("groupID", groupID))), opts)
}

// GetShare returns the share of one resource with a group.
func (s *GroupsService) GetShare(ctx context.Context, groupID, resourceID string, opts ...ReadOption) (*GroupShare, *Response, error) {
	return get[GroupShare](ctx, s.c, at(sharePath(groupID, resourceID)), opts)
}

// AddShare shares a resource with a group, with the privileges of spec.
func (s *GroupsService) AddShare(ctx context.Context, groupID, resourceID string, spec ShareSpec, opts ...WriteOption) (*GroupShare, *Response, error) {
	return write[GroupShare](ctx, s.c, http.MethodPost, at(sharePath(groupID, resourceID)), with(&putBody[ShareSpec]{Properties: spec}, nil), opts)
}

// UpdateShare sets the privileges a group has on a shared resource (PUT; both
// privileges are sent).
func (s *GroupsService) UpdateShare(ctx context.Context, groupID, resourceID string, spec ShareSpec, opts ...WriteOption) (*GroupShare, *Response, error) {
	return write[GroupShare](ctx, s.c, http.MethodPut, at(sharePath(groupID, resourceID)), with(&putBody[ShareSpec]{Properties: spec}, nil), opts)
}

// RemoveShare stops sharing a resource with a group.
func (s *GroupsService) RemoveShare(ctx context.Context, groupID, resourceID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(sharePath(groupID, resourceID)), opts)
}

func sharePath(groupID, resourceID string) (string, error) {
	return pathOf("/um/groups/{}/shares/{}", id("groupID", groupID), id("resourceID", resourceID))
}

// ListUsers returns the members of a group.
func (s *GroupsService) ListUsers(ctx context.Context, groupID string, opts ...ListOption) ([]User, *Response, error) {
	return list[User](ctx, s.c, at(pathOf("/um/groups/{}/users", id("groupID", groupID))), opts)
}

// AddUser adds an existing user to a group and returns the user.
func (s *GroupsService) AddUser(ctx context.Context, groupID, userID string, opts ...WriteOption) (*User, *Response, error) {
	return write[User](ctx, s.c, http.MethodPost, at(pathOf("/um/groups/{}/users", id("groupID", groupID))), with(&idRef{ID: userID}, id("userID", userID).check()), opts)
}

// RemoveUser removes a user from a group; the user is not deleted.
func (s *GroupsService) RemoveUser(ctx context.Context, groupID, userID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/um/groups/{}/users/{}", id("groupID", groupID), id("userID", userID))), opts)
}

// UsersService manages the users of the contract (/um/users).
type UsersService struct{ c *Client }

// List returns every user, following the pages of the collection until it is
// complete ([WithPage] asks for one page).
func (s *UsersService) List(ctx context.Context, opts ...ListOption) ([]User, *Response, error) {
	return list[User](ctx, s.c, fixed("/um/users").paged(100), opts)
}

// All iterates over the users page by page; breaking out of the loop stops
// fetching.
func (s *UsersService) All(ctx context.Context, opts ...ListOption) iter.Seq2[User, error] {
	return all[User](ctx, s.c, fixed("/um/users").paged(100), opts)
}

// Get returns one user.
func (s *UsersService) Get(ctx context.Context, userID string, opts ...ReadOption) (*User, *Response, error) {
	return get[User](ctx, s.c, at(pathOf("/um/users/{}", id("userID", userID))), opts)
}

// Create creates a user. The password is sent to the API and nowhere else:
// not to logs, and not in errors, even when the API's answer quotes it.
func (s *UsersService) Create(ctx context.Context, spec UserSpec, opts ...WriteOption) (*User, *Response, error) {
	u, resp, err := write[User](ctx, s.c, http.MethodPost, fixed("/um/users"), with(spec.body("UserSpec")), opts)
	return u, resp, scrubSecrets(err, spec.Password)
}

// Update changes the fields of a user that upd sets (PUT, with the
// {"properties": ...} body the API wants).
func (s *UsersService) Update(ctx context.Context, userID string, upd UserUpdate, opts ...WriteOption) (*User, *Response, error) {
	u, resp, err := write[User](ctx, s.c, http.MethodPut, at(pathOf("/um/users/{}", id("userID", userID))), with(upd.body("UserUpdate")), opts)
	return u, resp, scrubSecrets(err, upd.secret())
}

// Delete deletes a user.
func (s *UsersService) Delete(ctx context.Context, userID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/um/users/{}", id("userID", userID))), opts)
}

// ResourcesService lists the resources the user can reach (/um/resources).
type ResourcesService struct{ c *Client }

// List returns every resource the user can reach.
func (s *ResourcesService) List(ctx context.Context, opts ...ListOption) ([]Resource, *Response, error) {
	return list[Resource](ctx, s.c, fixed("/um/resources"), opts)
}

// ListByType returns the resources of one type (ResourceTypeDatacenter,
// ResourceTypeImage,...).
func (s *ResourcesService) ListByType(ctx context.Context, resourceType string, opts ...ListOption) ([]Resource, *Response, error) {
	return list[Resource](ctx, s.c, at(pathOf("/um/resources/{}", id("resourceType", resourceType))), opts)
}

// Get returns one resource of a type.
func (s *ResourcesService) Get(ctx context.Context, resourceType, resourceID string, opts ...ReadOption) (*Resource, *Response, error) {
	return get[Resource](ctx, s.c, at(pathOf("/um/resources/{}/{}", id("resourceType", resourceType), id("resourceID", resourceID))), opts)
}

// ListResources returns the resources a group has been given a share of (GET
// /um/groups/{groupID}/resources).
func (s *GroupsService) ListResources(ctx context.Context, groupID string, opts ...ListOption) ([]Resource, *Response, error) {
	return list[Resource](ctx, s.c, at(pathOf("/um/groups/{}/resources", id("groupID", groupID))), opts)
}

// ListGroups returns the groups a user is a member of (GET
// /um/users/{userID}/groups); the API lists them as resources.
func (s *UsersService) ListGroups(ctx context.Context, userID string, opts ...ListOption) ([]Resource, *Response, error) {
	return list[Resource](ctx, s.c, at(pathOf("/um/users/{}/groups", id("userID", userID))), opts)
}

// ListOwned returns the resources a user owns (GET /um/users/{userID}/owns).
func (s *UsersService) ListOwned(ctx context.Context, userID string, opts ...ListOption) ([]Resource, *Response, error) {
	return list[Resource](ctx, s.c, at(pathOf("/um/users/{}/owns", id("userID", userID))), opts)
}
