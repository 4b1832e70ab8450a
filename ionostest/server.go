package ionostest

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ionos-go/ionos"
)

// BasePath is the path under which the Cloud API v5 is served.
const BasePath = "/cloudapi/v5"

// BasePathV6 is the path under which the Cloud API v6 is served. A Server
// serves both versions on one state; Server.URL points at the one chosen
// with WithAPIVersion (v6 by default).
const BasePathV6 = "/cloudapi/v6"

// Default credentials of a Server.
const (
	DefaultUsername = "user@example.com"
	DefaultPassword = "secret"
)

// Server is a running fake of the Cloud API. Its methods are safe for
// concurrent use, also while it serves.
type Server struct {
	// URL is the base URL of the API, e.g. http://127.0.0.1:41234/cloudapi/v5.
	URL string

	cfg      config
	hs       *http.Server
	ln       net.Listener
	served   chan struct{}
	routes   []*route
	clientMu sync.Mutex
	client   *ionos.Client

	mu    sync.Mutex // guards st
	st    *state
	owner string // the account's user ID

	ctl         sync.Mutex // guards the fields below
	faults      []*faultEntry
	failFn      func(method, path string) bool
	conns       int
	hits        map[string]int
	tokens      float64
	tokensAt    time.Time
	rateLimit   int
	rateBurst   int
	delayQueued time.Duration
	delayRun    time.Duration
	k8sDelay    time.Duration

	authTokens authTokens // the Auth API's tokens
}

type config struct {
	version           string // "v5" or "v6"
	strict            bool
	user, pass, token string
	queued, running   time.Duration
	k8sDelay          time.Duration
	rateLimit         int
	rateBurst         int
	failFn            func(method, path string) bool
	onChange          func()
	noSeed            bool
	clock             func() time.Time
}

// Option configures a Server.
type Option func(*config)

// WithCredentials sets the basic-auth user name and password the server
// accepts (default DefaultUsername, DefaultPassword).
func WithCredentials(username, password string) Option {
	return func(c *config) { c.user, c.pass = username, password }
}

// WithToken makes the server also accept "Authorization: Bearer token".
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithCompletionDelay sets how long a request takes: QUEUED for the first
// half, RUNNING for the second, then DONE. The default is 0: requests are
// DONE at once.
func WithCompletionDelay(d time.Duration) Option {
	return func(c *config) { c.queued, c.running = d/2, d-d/2 }
}

// WithRequestTiming sets how long a request stays QUEUED and then RUNNING.
func WithRequestTiming(queued, running time.Duration) Option {
	return func(c *config) { c.queued, c.running = queued, running }
}

// WithK8sDelay sets how long Kubernetes clusters and node pools stay
// DEPLOYING, UPDATING or DESTROYING (default 0).
func WithK8sDelay(d time.Duration) Option { return func(c *config) { c.k8sDelay = d } }

// WithRateLimit enables rate limiting: a bucket of burst requests refilled at
// perMinute requests a minute. Requests beyond it get 429 with Retry-After.
// Off by default (the headers are still sent).
func WithRateLimit(perMinute, burst int) Option {
	return func(c *config) { c.rateLimit, c.rateBurst = perMinute, burst }
}

// WithFailRequests makes the asynchronous requests of the writes for which
// fn returns true end FAILED (and their changes undone). path is relative to
// the base URL, e.g. "/datacenters".
func WithFailRequests(fn func(method, path string) bool) Option {
	return func(c *config) { c.failFn = fn }
}

// WithOnChange calls fn (outside the server's lock) after every request that
// changed the state. fn must not block for long.
func WithOnChange(fn func()) Option { return func(c *config) { c.onChange = fn } }

// WithClock makes the server read the time from now instead of the system
// clock, so that tests can move request and Kubernetes state transitions
// along without sleeping. now must be safe for concurrent use.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithAPIVersion chooses the Cloud API version that Server.URL, Client and
// NewClient speak: "v6" (the default) or "v5". Both are always served, on
// BasePathV6 and BasePath.
func WithAPIVersion(v string) Option { return func(c *config) { c.version = v } }

// WithStrictBodies refuses (422) a property that the version's schema does
// not list as writable, where the API itself ignores some of them: for
// checking that a client sends only what the API documents.
func WithStrictBodies() Option { return func(c *config) { c.strict = true } }

// WithoutSeed starts with no locations and no images (a Restore is
// expected to provide them).
func WithoutSeed() Option { return func(c *config) { c.noSeed = true } }

// NewServer starts a fake on a random loopback port. It panics if it cannot
// listen, as httptest.NewServer does. Close it when done.
func NewServer(opts ...Option) *Server {
	s, err := Listen("127.0.0.1:0", opts...)
	if err != nil {
		panic("ionostest: " + err.Error())
	}
	return s
}

// Listen starts a fake on addr ("host:port").
func Listen(addr string, opts ...Option) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := newServer(opts...)
	s.ln = ln
	s.URL = "http://" + ln.Addr().String() + BasePathV6
	if s.cfg.version == "v5" {
		s.URL = "http://" + ln.Addr().String() + BasePath
	}
	s.hs = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 30 * time.Second,
		ConnState: func(_ net.Conn, cs http.ConnState) {
			if cs == http.StateNew {
				s.ctl.Lock()
				s.conns++
				s.ctl.Unlock()
			}
		},
	}
	s.served = make(chan struct{})
	go func() {
		defer close(s.served)
		_ = s.hs.Serve(ln)
	}()
	return s, nil
}

func newServer(opts ...Option) *Server {
	cfg := config{user: DefaultUsername, pass: DefaultPassword, clock: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.clock == nil {
		cfg.clock = time.Now
	}
	s := &Server{cfg: cfg, st: newState(), hits: map[string]int{}, owner: newUUID()}
	s.failFn = cfg.failFn
	s.rateLimit, s.rateBurst = cfg.rateLimit, cfg.rateBurst
	s.tokens, s.tokensAt = float64(cfg.rateBurst), cfg.clock()
	s.delayQueued, s.delayRun, s.k8sDelay = cfg.queued, cfg.running, cfg.k8sDelay
	s.routes = buildRoutes()
	s.st.Nodes[""] = &node{Path: "", Hidden: true}
	s.st.Nodes["/um"] = &node{Path: "/um", Hidden: true}
	if !cfg.noSeed {
		s.seed()
		s.seedTemplates()
	}
	return s
}

// Close stops the server at once, closing every connection, and waits for
// it to stop serving. It closes the idle connections of the Client too.
func (s *Server) Close() {
	_ = s.hs.Close()
	<-s.served
	s.closeClient()
}

// Shutdown stops the server gracefully: no new connections, and waits for
// the requests in flight until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.hs.Shutdown(ctx)
	if err != nil {
		_ = s.hs.Close()
	}
	<-s.served
	s.closeClient()
	return err
}

func (s *Server) closeClient() {
	s.clientMu.Lock()
	defer s.clientMu.Unlock()
	if s.client != nil {
		s.client.CloseIdleConnections()
	}
}

// Client returns an SDK client for this server: basic auth with its
// credentials, its URL, and a fast wait policy (5 ms polls). The same client
// is returned on every call.
func (s *Server) Client() *ionos.Client {
	s.clientMu.Lock()
	defer s.clientMu.Unlock()
	if s.client == nil {
		c, err := s.NewClient()
		if err != nil {
			panic("ionostest: " + err.Error())
		}
		s.client = c
	}
	return s.client
}

// NewClient returns a new SDK client for this server with the options of
// Client followed by opts. The caller closes its idle connections.
func (s *Server) NewClient(opts ...ionos.Option) (*ionos.Client, error) {
	base := []ionos.Option{
		ionos.WithBaseURL(s.URL),
		ionos.WithWaitPolicy(ionos.WaitPolicy{MinInterval: 5 * time.Millisecond, MaxInterval: 50 * time.Millisecond, Factor: 1.5}),
		ionos.WithRetryPolicy(ionos.RetryPolicy{MaxRetries: 2, MinBackoff: 5 * time.Millisecond, MaxBackoff: 50 * time.Millisecond}),
		// The emulator records a request before it answers: an empty
		// lookup can be trusted almost at once.
		ionos.WithOutcomeLookup(ionos.OutcomeLookup{ClockSkew: time.Minute, RecordDelay: 50 * time.Millisecond}),
	}
	if s.cfg.user != "" {
		base = append(base, ionos.WithBasicAuth(s.cfg.user, s.cfg.pass))
	} else {
		base = append(base, ionos.WithToken(s.cfg.token))
	}
	return ionos.NewClient(append(base, opts...)...)
}

// Addr returns the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Username and Password return the basic-auth credentials the server accepts.
func (s *Server) Username() string { return s.cfg.user }

// Password returns the basic-auth password the server accepts.
func (s *Server) Password() string { return s.cfg.pass }

// AuthHeader returns a valid Authorization header value for raw HTTP tests.
func (s *Server) AuthHeader() string {
	if s.cfg.user == "" {
		return "Bearer " + s.cfg.token
	}
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(s.cfg.user+":"+s.cfg.pass))
}

// FailRequests makes the requests of later writes for which fn returns true
// end FAILED; nil turns it off. See WithFailRequests.
func (s *Server) FailRequests(fn func(method, path string) bool) {
	s.ctl.Lock()
	s.failFn = fn
	s.ctl.Unlock()
}

// SetCompletionDelay changes how long later requests take (see
// WithCompletionDelay).
func (s *Server) SetCompletionDelay(d time.Duration) {
	s.ctl.Lock()
	s.delayQueued, s.delayRun = d/2, d-d/2
	s.ctl.Unlock()
}

// SetRateLimit changes the rate limit (see WithRateLimit); perMinute 0 turns
// it off. The bucket is refilled.
func (s *Server) SetRateLimit(perMinute, burst int) {
	s.ctl.Lock()
	s.rateLimit, s.rateBurst = perMinute, burst
	s.tokens, s.tokensAt = float64(burst), s.cfg.clock()
	s.ctl.Unlock()
}

// Connections reports how many TCP connections the server has accepted.
func (s *Server) Connections() int {
	s.ctl.Lock()
	defer s.ctl.Unlock()
	return s.conns
}

// Hits reports how many requests reached a route, named by its method and
// pattern with {} for IDs, e.g. Hits("POST", "/datacenters") or
// Hits("GET", "/datacenters/{}/servers"). Requests that a fault cut short
// count too; requests to unknown paths count under their raw path.
func (s *Server) Hits(method, pattern string) int {
	s.ctl.Lock()
	defer s.ctl.Unlock()
	return s.hits[method+" "+pattern]
}

// HitCounts returns a copy of every route's count, keyed "METHOD pattern".
func (s *Server) HitCounts() map[string]int {
	s.ctl.Lock()
	defer s.ctl.Unlock()
	m := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		m[k] = v
	}
	return m
}

// ResetCounters sets the connection and hit counters to zero.
func (s *Server) ResetCounters() {
	s.ctl.Lock()
	s.conns = 0
	clear(s.hits)
	s.ctl.Unlock()
}

// apiErr is an error answer of the API.
type apiErr struct {
	status int
	code   string
	msg    string
}

func (e *apiErr) Error() string { return fmt.Sprintf("%d %s", e.status, e.msg) }

func errNotFound() *apiErr { return &apiErr{404, "309", "Resource does not exist"} }

func errRequired(attr string) *apiErr {
	return &apiErr{422, "100", fmt.Sprintf("Attribute '%s' is required", attr)}
}

func errInvalid(format string, args ...any) *apiErr {
	return &apiErr{422, "100", fmt.Sprintf(format, args...)}
}

func errorBody(status int, code, msg string) map[string]any {
	return map[string]any{"httpStatus": status, "messages": []any{map[string]any{"errorCode": code, "message": msg}}}
}

// authorized checks the Authorization header.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	if tok, ok := strings.CutPrefix(h, "Bearer "); ok {
		return (s.cfg.token != "" && tok == s.cfg.token) || s.authTokens.valid(tok, s.cfg.clock())
	}
	u, p, ok := r.BasicAuth()
	return ok && s.cfg.user != "" && u == s.cfg.user && p == s.cfg.pass
}

// Without WithRateLimit the headers describe a bucket that a test cannot
// empty, so that a client pacing itself from them never waits.
const (
	unlimitedPerMinute = 1_000_000
	unlimitedBurst     = 10_000
)

// takeToken applies the rate limit. It returns the header values and, when
// the budget is spent, how long to wait.
func (s *Server) takeToken(now time.Time) (limit, remaining, burst int, wait time.Duration) {
	s.ctl.Lock()
	defer s.ctl.Unlock()
	if s.rateLimit <= 0 {
		return unlimitedPerMinute, unlimitedBurst, unlimitedBurst, 0
	}
	rate := float64(s.rateLimit) / 60 // per second
	s.tokens += now.Sub(s.tokensAt).Seconds() * rate
	s.tokensAt = now
	if s.tokens > float64(s.rateBurst) {
		s.tokens = float64(s.rateBurst)
	}
	if s.tokens < 1 {
		wait = time.Duration((1 - s.tokens) / rate * float64(time.Second))
		return s.rateLimit, 0, s.rateBurst, wait
	}
	s.tokens--
	return s.rateLimit, int(s.tokens), s.rateBurst, 0
}

var errHijack = errors.New("ionostest: cannot hijack the connection")
