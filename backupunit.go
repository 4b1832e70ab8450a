package ionos

import (
	"context"
	"net/http"
)

// BackupUnit is a backup unit as the API returns it: an account for the
// backup service, with its own login. The API does not return the
// password.
type BackupUnit struct {
	ID         string               `json:"id"`
	Type       string               `json:"type,omitempty"`
	Href       string               `json:"href,omitempty"`
	Metadata   Metadata             `json:"metadata,omitzero"`
	Properties BackupUnitProperties `json:"properties,omitzero"`
}

// BackupUnitProperties are a backup unit's settings.
type BackupUnitProperties struct {
	Name     string `json:"name,omitempty"`
	Password Secret `json:"password,omitempty"`
	Email    string `json:"email,omitempty"`
}

// BackupUnitSpec describes a backup unit to create or replace. Name, Password
// (on create) and Email are required.
type BackupUnitSpec struct {
	// Name holds only letters and digits; it is the login of the backup
	// unit.
	Name string
	// Password of the backup unit's login; it never appears in logs or
	// errors. Replace leaves it out when empty.
	Password Secret
	// Email receives the backup service's notices; it need not be the
	// user's.
	Email string
}

type backupUnitBody struct {
	Name     string `json:"name"`
	Password string `json:"password,omitempty"`
	Email    string `json:"email"`
}

func (s *BackupUnitSpec) body(field string, needPassword bool) (*putBody[backupUnitBody], error) {
	if err := checkBackupUnitName(field+".Name", s.Name); err != nil {
		return nil, err
	}
	if needPassword && s.Password == "" {
		return nil, invalid(field+".Password", "is required")
	}
	if err := checkEmail(field+".Email", s.Email, true); err != nil {
		return nil, err
	}
	return &putBody[backupUnitBody]{Properties: backupUnitBody{Name: s.Name, Password: s.Password.Reveal(), Email: s.Email}}, nil
}

func checkBackupUnitName(field, name string) error {
	if name == "" {
		return invalid(field, "is required")
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return invalid(field, "%q may hold only letters and digits", name)
		}
	}
	return nil
}

// BackupUnitUpdate changes the fields of a backup unit that are set
// (non-nil), with PATCH.
type BackupUnitUpdate struct {
	Name     *string
	Password *Secret
	Email    *string
}

type backupUnitPatch struct {
	Name     *string `json:"name,omitempty"`
	Password *string `json:"password,omitempty"`
	Email    *string `json:"email,omitempty"`
}

func (u *BackupUnitUpdate) body(field string) (*backupUnitPatch, error) {
	if err := u.check(field); err != nil {
		return nil, err
	}
	p := &backupUnitPatch{Name: u.Name, Email: u.Email}
	if u.Password != nil {
		p.Password = Ptr(u.Password.Reveal())
	}
	return p, nil
}

func (u *BackupUnitUpdate) check(field string) error {
	if u.Name != nil {
		if err := checkBackupUnitName(field+".Name", *u.Name); err != nil {
			return err
		}
	}
	if u.Password != nil && *u.Password == "" {
		return invalid(field+".Password", "must not be empty when set")
	}
	if u.Email != nil {
		if err := checkEmail(field+".Email", *u.Email, true); err != nil {
			return err
		}
	}
	return nil
}

// BackupUnitsService manages backup units (/backupunits).
type BackupUnitsService struct{ c *Client }

// List returns every backup unit.
func (s *BackupUnitsService) List(ctx context.Context, opts ...ListOption) ([]BackupUnit, *Response, error) {
	return list[BackupUnit](ctx, s.c, fixed("/backupunits"), opts)
}

// Get returns one backup unit.
func (s *BackupUnitsService) Get(ctx context.Context, backupUnitID string, opts ...ReadOption) (*BackupUnit, *Response, error) {
	return get[BackupUnit](ctx, s.c, at(pathOf("/backupunits/{}", id("backupUnitID", backupUnitID))), opts)
}

// Create creates a backup unit. The password is sent to the API and nowhere
// else.
func (s *BackupUnitsService) Create(ctx context.Context, spec BackupUnitSpec, opts ...WriteOption) (*BackupUnit, *Response, error) {
	b, resp, err := write[BackupUnit](ctx, s.c, http.MethodPost, fixed("/backupunits"), with(spec.body("BackupUnitSpec", true)), opts)
	return b, resp, scrubSecrets(err, spec.Password)
}

// Update changes the fields of a backup unit that upd sets (PATCH, flat
// body).
func (s *BackupUnitsService) Update(ctx context.Context, backupUnitID string, upd BackupUnitUpdate, opts ...WriteOption) (*BackupUnit, *Response, error) {
	b, resp, err := write[BackupUnit](ctx, s.c, http.MethodPatch, at(pathOf("/backupunits/{}", id("backupUnitID", backupUnitID))), with(upd.body("BackupUnitUpdate")), opts)
	var secret Secret
	if upd.Password != nil {
		secret = *upd.Password
	}
	return b, resp, scrubSecrets(err, secret)
}

// Replace replaces a backup unit's settings with spec (PUT,
// {"properties": ...}); an empty Password is left out.
func (s *BackupUnitsService) Replace(ctx context.Context, backupUnitID string, spec BackupUnitSpec, opts ...WriteOption) (*BackupUnit, *Response, error) {
	b, resp, err := write[BackupUnit](ctx, s.c, http.MethodPut, at(pathOf("/backupunits/{}", id("backupUnitID", backupUnitID))), with(spec.body("BackupUnitSpec", false)), opts)
	return b, resp, scrubSecrets(err, spec.Password)
}

// Delete deletes a backup unit.
func (s *BackupUnitsService) Delete(ctx context.Context, backupUnitID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/backupunits/{}", id("backupUnitID", backupUnitID))), opts)
}

// SSOURL returns a single sign-on URL into the backup unit's console. The API
// takes no depth here, so none is sent unless [WithDepth] asks.
func (s *BackupUnitsService) SSOURL(ctx context.Context, backupUnitID string, opts ...ReadOption) (*SSOURL, *Response, error) {
	return getRaw[SSOURL](ctx, s.c, at(pathOf("/backupunits/{}/ssourl", id("backupUnitID", backupUnitID))), opts)
}
