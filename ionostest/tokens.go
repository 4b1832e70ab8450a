package ionostest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// AuthPath is the path under which the Auth API v1 (tokens) is served, on
// the same host as the Cloud API.
const AuthPath = "/auth/v1"

// authTokens are the tokens the fake Auth API generated. A generated token
// authenticates the Cloud API and the Auth API of the same server until it
// expires or is deleted.
type authTokens struct {
	mu     sync.Mutex
	byID   map[string]*authToken
	byJWT  map[string]*authToken
	issued int
}

type authToken struct {
	id      string
	jwt     string
	created time.Time
	expires time.Time
}

// valid reports whether jwt is a live token of this server.
func (a *authTokens) valid(jwt string, now time.Time) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	t := a.byJWT[jwt]
	return t != nil && now.Before(t.expires)
}

// serveAuth serves the Auth API: generate, list, get and delete tokens.
func (s *Server) serveAuth(w http.ResponseWriter, r *http.Request, rel string) {
	now := s.cfg.clock()
	limit, remaining, burst, wait := s.takeToken(now)
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
	w.Header().Set("X-RateLimit-Burst", strconv.Itoa(burst))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds()+0.999)))
		writeJSON(w, 429, errorBody(429, "429", "Too many requests: the rate limit is exceeded"))
		return
	}
	if !s.authorized(r) {
		writeJSON(w, 401, errorBody(401, "401", "Unauthorized"))
		return
	}
	a := &s.authTokens
	base := "http://" + r.Host + AuthPath
	if r.TLS != nil {
		base = "https://" + r.Host + AuthPath
	}
	view := func(t *authToken) map[string]any {
		return map[string]any{"id": t.id, "href": base + "/tokens/" + t.id,
			"createdDate": t.created.UTC().Format(time.RFC3339), "expirationDate": t.expires.UTC().Format(time.RFC3339)}
	}
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	switch {
	case r.Method == http.MethodGet && rel == "/tokens/generate":
		ttl := 365 * 24 * time.Hour
		if v := r.URL.Query().Get("ttl"); v != "" {
			n, err := strconv.ParseInt(v, 10, 32)
			if err != nil || n <= 0 {
				writeJSON(w, 400, errorBody(400, "400", "ttl must be a positive number of seconds"))
				return
			}
			ttl = time.Duration(n) * time.Second
		}
		t := &authToken{id: newUUID(), created: now.Truncate(time.Second), expires: now.Add(ttl).Truncate(time.Second)}
		t.jwt = fakeJWT(t)
		a.mu.Lock()
		if a.byID == nil {
			a.byID, a.byJWT = map[string]*authToken{}, map[string]*authToken{}
		}
		a.byID[t.id], a.byJWT[t.jwt] = t, t
		a.issued++
		a.mu.Unlock()
		writeJSON(w, 200, map[string]any{"token": t.jwt})
	case r.Method == http.MethodGet && rel == "/tokens":
		a.mu.Lock()
		list := make([]*authToken, 0, len(a.byID))
		for _, t := range a.byID {
			list = append(list, t)
		}
		a.mu.Unlock()
		sort.Slice(list, func(i, j int) bool {
			if !list[i].created.Equal(list[j].created) {
				return list[i].created.Before(list[j].created)
			}
			return list[i].id < list[j].id
		})
		items := make([]any, len(list))
		for i, t := range list {
			items[i] = view(t)
		}
		writeJSON(w, 200, map[string]any{"tokens": items})
	case r.Method == http.MethodDelete && rel == "/tokens":
		criteria := r.URL.Query().Get("criteria")
		current := ""
		if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			current = tok
		}
		a.mu.Lock()
		switch criteria {
		case "ALL":
			a.byID, a.byJWT = map[string]*authToken{}, map[string]*authToken{}
		case "EXPIRED":
			for id, t := range a.byID {
				if !now.Before(t.expires) {
					delete(a.byID, id)
					delete(a.byJWT, t.jwt)
				}
			}
		case "CURRENT":
			t := a.byJWT[current]
			if t == nil {
				a.mu.Unlock()
				writeJSON(w, 400, errorBody(400, "400", "criteria CURRENT needs token authentication with a generated token"))
				return
			}
			delete(a.byID, t.id)
			delete(a.byJWT, t.jwt)
		default:
			a.mu.Unlock()
			writeJSON(w, 400, errorBody(400, "400", "criteria must be EXPIRED, CURRENT or ALL"))
			return
		}
		a.mu.Unlock()
		writeJSON(w, 200, map[string]any{"success": true})
	case len(segs) == 2 && segs[0] == "tokens" && (r.Method == http.MethodGet || r.Method == http.MethodDelete):
		a.mu.Lock()
		t := a.byID[segs[1]]
		if t != nil && r.Method == http.MethodDelete {
			delete(a.byID, t.id)
			delete(a.byJWT, t.jwt)
		}
		a.mu.Unlock()
		switch {
		case t == nil:
			writeJSON(w, 404, errorBody(404, "404", "Token not found"))
		case r.Method == http.MethodGet:
			writeJSON(w, 200, view(t))
		default:
			writeJSON(w, 200, map[string]any{"success": true})
		}
	default:
		writeJSON(w, 404, errorBody(404, "404", "Resource does not exist"))
	}
}

// fakeJWT makes a token shaped like the Auth API's: three base64url parts,
// the payload naming the key ID and the expiry. It is not signed.
func fakeJWT(t *authToken) string {
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]any{"alg": "RS256", "typ": "JWT", "kid": t.id})
	payload, _ := json.Marshal(map[string]any{"iss": "ionoscloud", "iat": t.created.Unix(), "exp": t.expires.Unix(),
		"identity": map[string]any{"role": "owner"}})
	sig := make([]byte, 32)
	_, _ = rand.Read(sig)
	return enc.EncodeToString(header) + "." + enc.EncodeToString(payload) + "." + enc.EncodeToString(sig)
}
