package ionos

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultAuthURL is the Auth API endpoint of the public cloud. A client
// derives its Auth API URL from its Cloud API URL (same scheme and host,
// path /auth/v1) unless WithAuthURL sets one.
const DefaultAuthURL = "https://api.ionos.com/auth/v1"

// WithAuthURL sets the Auth API endpoint that Tokens talks to. Without it
// the client uses its Cloud API URL's scheme and host with the path
// /auth/v1. The same rules as for WithBaseURL apply.
func WithAuthURL(u string) Option {
	return clientOption(func(c *config) error { c.authURL = u; return nil })
}

// authBaseFor derives the Auth API URL from a Cloud API URL.
func authBaseFor(cloud *url.URL) string {
	u := *cloud
	p := u.Path
	if i := strings.LastIndex(p, "/cloudapi/"); i >= 0 {
		p = p[:i]
	} else {
		p = ""
	}
	u.Path = p + "/auth/v1"
	return u.String()
}

// Token is what the Auth API tells of a token (never the token itself).
type Token struct {
	// ID identifies the token (the JWT's key ID).
	ID   string `json:"id"`
	Href string `json:"href,omitempty"`
	// CreatedDate and ExpirationDate bound the token's life.
	CreatedDate    time.Time `json:"createdDate"`
	ExpirationDate time.Time `json:"expirationDate"`
}

// TokenCriteria chooses the tokens Tokens.DeleteMatching deletes.
type TokenCriteria string

// The criteria the Auth API takes.
const (
	// TokensExpired are the contract's tokens that have expired.
	TokensExpired TokenCriteria = "EXPIRED"
	// TokensCurrent is the token the client authenticates with (the client
	// must use WithToken).
	TokensCurrent TokenCriteria = "CURRENT"
	// TokensAll are all of the contract's tokens.
	TokensAll TokenCriteria = "ALL"
)

// TokensService manages API tokens (JSON Web Tokens) through the Auth API
// v1. A token authenticates every IONOS Cloud API in place of a user name
// and password: accounts with two-factor authentication can use nothing
// else. Get one with Generate, then build clients from it with
// WithToken(jwt.Reveal()).
type TokensService struct{ c *Client }

// Generate creates a token for the client's credentials and returns it.
// lifetime is how long it is valid, in whole seconds; 0 leaves it to the
// API (one year by default). The token is a Secret: it never prints or
// logs, and Reveal returns the JWT. For an account with several contracts,
// the client's contract number (WithContractNumber) says which one the
// token is for.
func (s *TokensService) Generate(ctx context.Context, lifetime time.Duration) (Secret, *Response, error) {
	q := url.Values{}
	if lifetime != 0 {
		if lifetime < time.Second || lifetime%time.Second != 0 || lifetime/time.Second > math.MaxInt32 {
			return "", nil, invalid("lifetime", "%s is not a whole number of seconds between 1 s and %d s", lifetime, math.MaxInt32)
		}
		q.Set("ttl", strconv.FormatInt(int64(lifetime/time.Second), 10))
	}
	var jwt struct {
		Token Secret `json:"token"`
	}
	resp, err := s.c.do(ctx, &request{method: http.MethodGet, path: "/tokens/generate", query: q, authAPI: true}, &jwt, nil)
	if err != nil {
		return "", resp, err
	}
	if jwt.Token == "" {
		return "", resp, fmt.Errorf("ionos: GET /tokens/generate: the answer holds no token")
	}
	return jwt.Token, resp, nil
}

// List returns the contract's tokens (their IDs and dates, not the tokens
// themselves).
func (s *TokensService) List(ctx context.Context) ([]Token, *Response, error) {
	var out struct {
		Tokens []Token `json:"tokens"`
	}
	resp, err := s.c.do(ctx, &request{method: http.MethodGet, path: "/tokens", authAPI: true}, &out, nil)
	if err != nil {
		return nil, resp, err
	}
	return out.Tokens, resp, nil
}

// Get returns one token's ID and dates.
func (s *TokensService) Get(ctx context.Context, tokenID string) (*Token, *Response, error) {
	p, err := pathOf("/tokens/{}", id("tokenID", tokenID))
	if err != nil {
		return nil, nil, err
	}
	var t Token
	resp, err := s.c.do(ctx, &request{method: http.MethodGet, path: p, authAPI: true}, &t, nil)
	if err != nil {
		return nil, resp, err
	}
	return &t, resp, nil
}

// Delete revokes one token.
func (s *TokensService) Delete(ctx context.Context, tokenID string) (*Response, error) {
	p, err := pathOf("/tokens/{}", id("tokenID", tokenID))
	if err != nil {
		return nil, err
	}
	return s.deleted(ctx, &request{method: http.MethodDelete, path: p, authAPI: true})
}

// DeleteMatching revokes the tokens that match criteria: TokensExpired,
// TokensCurrent (the client's own token) or TokensAll.
func (s *TokensService) DeleteMatching(ctx context.Context, criteria TokenCriteria) (*Response, error) {
	if criteria == "" {
		return nil, invalid("criteria", "is empty")
	}
	return s.deleted(ctx, &request{method: http.MethodDelete, path: "/tokens", authAPI: true,
		query: url.Values{"criteria": {string(criteria)}}})
}

func (s *TokensService) deleted(ctx context.Context, req *request) (*Response, error) {
	var out struct {
		Success *bool `json:"success"`
	}
	resp, err := s.c.do(ctx, req, &out, nil)
	if err != nil {
		return resp, err
	}
	if out.Success != nil && !*out.Success {
		return resp, fmt.Errorf("ionos: %s %s: the Auth API answered success: false", req.method, req.path)
	}
	return resp, nil
}
