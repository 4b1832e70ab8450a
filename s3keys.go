package ionos

import (
	"context"
	"net/http"
)

// S3Key is an S3 object storage key of a user as the API returns it. Its ID
// is the access key; Properties.SecretKey is the secret key, a Secret that
// never prints or logs (Reveal returns it).
type S3Key struct {
	ID         string          `json:"id"`
	Type       string          `json:"type,omitempty"`
	Href       string          `json:"href,omitempty"`
	Metadata   Metadata        `json:"metadata,omitzero"`
	Properties S3KeyProperties `json:"properties,omitzero"`
}

// S3KeyProperties hold the secret key and whether the key is active.
type S3KeyProperties struct {
	SecretKey Secret `json:"secretKey,omitempty"`
	Active    bool   `json:"active"`
}

// SSOURL is a single sign-on URL into a web console (the S3 object storage
// manager, a backup unit's console).
type SSOURL struct {
	URL string `json:"ssoUrl"`
}

// S3KeysService manages a user's S3 object storage keys
// (/um/users/{userID}/s3keys).
type S3KeysService struct{ c *Client }

// List returns a user's S3 keys.
func (s *S3KeysService) List(ctx context.Context, userID string, opts ...ListOption) ([]S3Key, *Response, error) {
	return list[S3Key](ctx, s.c, at(pathOf("/um/users/{}/s3keys", id("userID", userID))), opts)
}

// Get returns one S3 key of a user.
func (s *S3KeysService) Get(ctx context.Context, userID, keyID string, opts ...ReadOption) (*S3Key, *Response, error) {
	return get[S3Key](ctx, s.c, at(s3KeyPath(userID, keyID)), opts)
}

// Create creates an S3 key for a user (POST with no body) and returns it with
// its secret key.
func (s *S3KeysService) Create(ctx context.Context, userID string, opts ...WriteOption) (*S3Key, *Response, error) {
	return write[S3Key](ctx, s.c, http.MethodPost, at(pathOf("/um/users/{}/s3keys", id("userID", userID))), noBody, opts)
}

// Update activates or deactivates an S3 key (PUT
// {"properties":{"active": ...}}; false is sent).
func (s *S3KeysService) Update(ctx context.Context, userID, keyID string, active bool, opts ...WriteOption) (*S3Key, *Response, error) {
	return write[S3Key](ctx, s.c, http.MethodPut, at(s3KeyPath(userID, keyID)), with(&putBody[s3KeyPut]{Properties: s3KeyPut{Active: active}}, nil), opts)
}

type s3KeyPut struct {
	Active bool `json:"active"`
}

// Delete deletes an S3 key.
func (s *S3KeysService) Delete(ctx context.Context, userID, keyID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(s3KeyPath(userID, keyID)), opts)
}

// SSOURL returns a single sign-on URL into the S3 object storage manager for
// a user. The API takes no depth here, so none is sent unless [WithDepth] asks.
func (s *S3KeysService) SSOURL(ctx context.Context, userID string, opts ...ReadOption) (*SSOURL, *Response, error) {
	return getRaw[SSOURL](ctx, s.c, at(pathOf("/um/users/{}/s3ssourl", id("userID", userID))), opts)
}

func s3KeyPath(userID, keyID string) (string, error) {
	return pathOf("/um/users/{}/s3keys/{}", id("userID", userID), id("keyID", keyID))
}
