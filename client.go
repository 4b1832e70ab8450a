package ionos

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/hashicorp/go-retryablehttp"
)

// Version is the version of this SDK, sent in the User-Agent.
const Version = "0.2.0"

// DefaultBaseURL is the API endpoint used when no base URL is given: the
// live Cloud API v6.
const DefaultBaseURL = "https://api.ionos.com/cloudapi/v6"

// APIVersion is a version of the Cloud API.
type APIVersion string

// The Cloud API versions the client speaks. IONOS switched v5 off on the
// public endpoint on 1 February 2024; v5 is kept for private and legacy
// endpoints.
const (
	APIv6 APIVersion = "v6"
	APIv5 APIVersion = "v5"
)

func (v APIVersion) ops() opVersions {
	if v == APIv5 {
		return opV5
	}
	return opV6
}

// WithAPIVersion names the Cloud API version the client speaks. It is
// needed only when the base URL does not end in /v5 or /v6, which selects
// the version by itself; a version that contradicts the URL is refused. The
// default is APIv6.
func WithAPIVersion(v APIVersion) Option {
	return clientOption(func(c *config) error {
		if v != APIv5 && v != APIv6 {
			return fmt.Errorf("ionos: API version %q: want %q or %q", v, APIv5, APIv6)
		}
		c.version = v
		return nil
	})
}

// DefaultDepth is the depth sent on GET and list calls when neither the
// client ([WithDefaultDepth]) nor the call ([WithDepth]) sets one: 1, the
// resource with references to its children.
const DefaultDepth = 1

// DefaultMaxResponseBytes bounds the body of an answer the client reads.
const DefaultMaxResponseBytes = 256 << 20

// Client talks to the Cloud API. It is safe for concurrent use and does not
// change after [NewClient] returns.
type Client struct {
	base        string // base URL without a trailing slash
	baseURL     *url.URL
	auth        string // the Authorization header
	userAgent   string
	contract    string
	depth       int
	logger      *slog.Logger
	retry       RetryPolicy
	wait        WaitPolicy
	lookup      OutcomeLookup
	maxBody     int64
	hc          *http.Client // sends one attempt
	idleCloser  interface{ CloseIdleConnections() }
	unsafeHTTP  bool
	credentials []string // for scrubbing
	version     APIVersion
	authBase    string // the Auth API's base URL
	rc          *retryablehttp.Client
	// Header values made once.
	hdrAuth, hdrUserAgent, hdrContract []string
	limiter                            *limiter

	// Datacenters manages virtual data centers.
	Datacenters *DatacentersService
	// Locations lists the API's physical locations.
	Locations *LocationsService
	// Requests reads the API's records of asynchronous requests.
	Requests *RequestsService
	// Servers manages servers, their attached volumes and CD-ROMs, and starts, stops and reboots them.
	Servers *ServersService
	// Volumes manages block storage volumes and their snapshots.
	Volumes *VolumesService
	// Images reads and changes HDD and CD-ROM images.
	Images *ImagesService
	// Snapshots reads, changes and deletes volume snapshots.
	Snapshots *SnapshotsService
	// IPBlocks reserves and releases blocks of public IPs.
	IPBlocks *IPBlocksService
	// LANs manages a data center's LANs.
	LANs *LANsService
	// NICs manages a server's network interfaces.
	NICs *NICsService
	// FirewallRules manages the firewall rules of a NIC.
	FirewallRules *FirewallRulesService
	// LoadBalancers manages load balancers and the NICs they balance.
	LoadBalancers *LoadBalancersService
	// NATGateways manages NAT gateways and their rules (Cloud API v6).
	NATGateways *NATGatewaysService
	// ApplicationLoadBalancers manages application load balancers and their
	// forwarding rules (v6).
	ApplicationLoadBalancers *ApplicationLoadBalancersService
	// TargetGroups manages the target groups of application load balancers
	// (v6).
	TargetGroups *TargetGroupsService
	// Groups manages user groups, their members and their shares.
	Groups *GroupsService
	// Users manages the users of the contract.
	Users *UsersService
	// Resources lists the resources the user can reach.
	Resources *ResourcesService
	// Contracts reads the contract and its limits.
	Contracts *ContractsService
	// Kubernetes manages Kubernetes clusters and their node pools.
	Kubernetes *KubernetesService
	// CrossConnects manages private cross-connects between data centers.
	CrossConnects *CrossConnectsService
	// S3Keys manages a user's S3 object storage keys.
	S3Keys *S3KeysService
	// BackupUnits manages backup units.
	BackupUnits *BackupUnitsService
	// Labels manages the labels of data centers, servers, volumes,
	// snapshots and IP blocks.
	Labels *LabelsService
	// FlowLogs manages the flow logs of NICs, NAT gateways and load
	// balancers (Cloud API v6).
	FlowLogs *FlowLogsService
	// SecurityGroups manages network security groups, their rules and
	// where they apply (Cloud API v6).
	SecurityGroups *SecurityGroupsService
	// Tokens generates, lists and revokes API tokens (the Auth API).
	Tokens *TokensService
	// Templates lists the fixed sizes of CUBE servers (v6).
	Templates *TemplatesService
	// NetworkLoadBalancers manages network load balancers and their
	// forwarding rules (Cloud API v6).
	NetworkLoadBalancers *NetworkLoadBalancersService
}

type config struct {
	username, password, token string
	baseURL                   string
	httpClient                *http.Client
	tlsConfig                 *tls.Config
	depth                     int
	contract                  string
	appName                   string
	logger                    *slog.Logger
	retry                     RetryPolicy
	wait                      WaitPolicy
	maxBody                   int64
	allowHTTP                 bool
	noPacing                  bool
	lookup                    OutcomeLookup
	version                   APIVersion
	authURL                   string
	authSet                   int // how many credential options were given
}

// Option configures a Client in [NewClient]. Options validate their argument;
// NewClient returns the first error. Some options, such as [WithWaitPolicy],
// also apply to a single call.
type Option interface {
	applyClient(*config) error
}

// clientOption is an [Option] made of a function.
type clientOption func(*config) error

func (f clientOption) applyClient(c *config) error { return f(c) }

// WithBasicAuth authenticates with a user name and password (HTTP Basic).
func WithBasicAuth(username, password string) Option {
	return clientOption(func(c *config) error {
		c.username, c.password = username, password
		c.authSet++
		return nil
	})
}

// WithToken authenticates with a bearer token. A trailing newline, as a
// token read from a file has, is trimmed.
func WithToken(token string) Option {
	return clientOption(func(c *config) error {
		c.token = token
		c.authSet++
		return nil
	})
}

// WithBaseURL sets the API endpoint (default [DefaultBaseURL]). It must be an
// absolute http or https URL without credentials, query or fragment.
func WithBaseURL(u string) Option {
	return clientOption(func(c *config) error { c.baseURL = u; return nil })
}

// WithHTTPClient sends requests with hc's transport, timeout, redirect policy
// and cookie jar. hc is never changed. The caller takes over the
// connections: the SDK's own transport, which keeps up to 100 idle
// connections per host, is not used, and a clone of
// http.DefaultTransport keeps only 2, so that a busy client opens a new
// connection for most calls. To trust a private CA or set other TLS
// options, use [WithTLSConfig] instead, which keeps the SDK's transport.
func WithHTTPClient(hc *http.Client) Option {
	return clientOption(func(c *config) error {
		if hc == nil {
			return errors.New("ionos: WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	})
}

// WithTLSConfig sets the TLS configuration of the SDK's own transport (a
// private CA in RootCAs, a client certificate, a minimum version), keeping
// its connection pool. cfg is cloned; later changes to it have no effect. It
// cannot be combined with [WithHTTPClient], whose transport brings its own
// TLS configuration.
func WithTLSConfig(cfg *tls.Config) Option {
	return clientOption(func(c *config) error {
		if cfg == nil {
			return errors.New("ionos: WithTLSConfig: nil *tls.Config")
		}
		c.tlsConfig = cfg.Clone()
		return nil
	})
}

// WithDefaultDepth sets the depth sent on every GET and list call that does
// not set its own with [WithDepth]. It must be within 0..10; the default is
// [DefaultDepth] (1).
func WithDefaultDepth(depth int) Option {
	return clientOption(func(c *config) error {
		if err := checkDepth(depth); err != nil {
			return err
		}
		c.depth = depth
		return nil
	})
}

// WithContractNumber sends the X-Contract-Number header on every call, for
// users with more than one contract.
func WithContractNumber(n string) Option {
	return clientOption(func(c *config) error {
		if _, err := strconv.ParseUint(n, 10, 31); err != nil {
			return fmt.Errorf("ionos: contract number %q is not a positive integer", n)
		}
		c.contract = n
		return nil
	})
}

// WithAppName prefixes the User-Agent with name ("myapp/1.2"), so that the
// API's operators can tell your traffic apart.
func WithAppName(name string) Option {
	return clientOption(func(c *config) error {
		if name == "" || hasControl(name) {
			return errors.New("ionos: app name must be non-empty printable text")
		}
		c.appName = name
		return nil
	})
}

// WithLogger logs one line per HTTP attempt at debug level (method, URL,
// status or error, duration, attempt number), and one line before each retry
// with its wait. Credentials and bodies are never logged. The default
// discards everything.
func WithLogger(l *slog.Logger) Option {
	return clientOption(func(c *config) error {
		if l == nil {
			return errors.New("ionos: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	})
}

// WithRetryPolicy sets how failed attempts are retried; see [RetryPolicy].
func WithRetryPolicy(p RetryPolicy) Option {
	return clientOption(func(c *config) error {
		if err := p.validate(); err != nil {
			return err
		}
		c.retry = p
		return nil
	})
}

// WithMaxResponseBytes bounds the size of an answer's body (default
// [DefaultMaxResponseBytes]); a larger body fails with [ErrResponseTooLarge].
func WithMaxResponseBytes(n int64) Option {
	return clientOption(func(c *config) error {
		if n <= 0 {
			return errors.New("ionos: WithMaxResponseBytes: limit must be positive")
		}
		c.maxBody = n
		return nil
	})
}

// WithInsecureHTTP allows a plain http:// base URL on a host other than
// loopback. Without it, [NewClient] refuses to send credentials unencrypted
// over the network.
func WithInsecureHTTP() Option {
	return clientOption(func(c *config) error { c.allowHTTP = true; return nil })
}

// NewClient returns a client configured by opts. It needs credentials
// ([WithBasicAuth] or [WithToken], not both), and refuses a base URL that is not
// absolute, credentials with control characters, and credentials over plain
// http:// to a host other than loopback unless [WithInsecureHTTP] is given.
func NewClient(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if err := o.applyClient(&cfg); err != nil {
			return nil, err
		}
	}
	return newClient(cfg)
}

// NewClientFromEnv is [NewClient] with the configuration of the environment:
// IONOS_USERNAME and IONOS_PASSWORD, or IONOS_TOKEN; IONOS_API_URL; and
// IONOS_CONTRACT_NUMBER. Options given here override the environment;
// credentials given as options replace those of the environment.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	var env []Option
	if u := os.Getenv("IONOS_API_URL"); u != "" {
		env = append(env, WithBaseURL(u))
	}
	if n := os.Getenv("IONOS_CONTRACT_NUMBER"); n != "" {
		env = append(env, WithContractNumber(n))
	}
	for _, o := range append(env, opts...) {
		if err := o.applyClient(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.authSet == 0 {
		user, pass, token := os.Getenv("IONOS_USERNAME"), os.Getenv("IONOS_PASSWORD"), os.Getenv("IONOS_TOKEN")
		cfg.username, cfg.password, cfg.token = user, pass, token
		if user != "" || pass != "" {
			cfg.authSet++
		}
		if token != "" {
			cfg.authSet++
		}
	}
	return newClient(cfg)
}

func defaultConfig() config {
	return config{
		baseURL: DefaultBaseURL,
		depth:   DefaultDepth,
		retry:   DefaultRetryPolicy(),
		wait:    DefaultWaitPolicy(),
		lookup:  DefaultOutcomeLookup(),
		maxBody: DefaultMaxResponseBytes,
	}
}

func newClient(cfg config) (*Client, error) {
	c := &Client{
		depth:    cfg.depth,
		contract: cfg.contract,
		logger:   cfg.logger,
		retry:    cfg.retry,
		wait:     cfg.wait,
		lookup:   cfg.lookup,
		maxBody:  cfg.maxBody,
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	c.limiter = &limiter{pacing: !cfg.noPacing}

	// Credentials.
	user, pass, token := trimNewline(cfg.username), trimNewline(cfg.password), trimNewline(cfg.token)
	switch {
	case cfg.authSet == 0 || (user == "" && pass == "" && token == ""):
		return nil, errors.New("ionos: no credentials: use WithBasicAuth or WithToken (or set IONOS_USERNAME and IONOS_PASSWORD, or IONOS_TOKEN)")
	case token != "" && (user != "" || pass != ""):
		return nil, errors.New("ionos: both a token and a user name/password were given: use one")
	case token != "":
		if hasControl(token) || strings.ContainsAny(token, " ") {
			return nil, errors.New("ionos: the token contains control characters or spaces")
		}
		c.auth = "Bearer " + token
		c.credentials = []string{token}
	default:
		if user == "" || pass == "" {
			return nil, errors.New("ionos: basic auth needs both a user name and a password")
		}
		if hasControl(user) || hasControl(pass) {
			return nil, errors.New("ionos: the user name or password contains control characters")
		}
		if strings.Contains(user, ":") {
			return nil, errors.New("ionos: the user name contains ':', which basic auth cannot carry")
		}
		c.auth = "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
		c.credentials = []string{pass, c.auth[len("Basic "):]}
	}

	// Base URL.
	u, err := parseBaseURL("base URL", cfg.baseURL, cfg.allowHTTP)
	if err != nil {
		return nil, err
	}
	c.version = cfg.version
	urlVersion := APIVersion("")
	switch {
	case strings.HasSuffix(u.Path, "/v5"):
		urlVersion = APIv5
	case strings.HasSuffix(u.Path, "/v6"):
		urlVersion = APIv6
	}
	switch {
	case urlVersion != "" && c.version != "" && urlVersion != c.version:
		return nil, fmt.Errorf("ionos: the base URL %q is for API %s, but WithAPIVersion says %s", cfg.baseURL, urlVersion, c.version)
	case c.version == "":
		c.version = urlVersion
	}
	if c.version == "" {
		c.version = APIv6
	}
	c.baseURL = u
	c.base = u.String()
	c.authBase = authBaseFor(u)
	if cfg.authURL != "" {
		au, err := parseBaseURL("Auth API URL", cfg.authURL, cfg.allowHTTP)
		if err != nil {
			return nil, err
		}
		c.authBase = au.String()
	}
	c.unsafeHTTP = cfg.allowHTTP

	c.userAgent = "ionos-go/" + Version
	if cfg.appName != "" {
		c.userAgent = cfg.appName + " " + c.userAgent
	}

	// The HTTP client for one attempt. The caller's client is copied, never
	// changed; its transport is wrapped to log attempts and to see whether a
	// write reached the network.
	var base http.RoundTripper
	hc := &http.Client{}
	if cfg.httpClient != nil && cfg.tlsConfig != nil {
		return nil, errors.New("ionos: WithTLSConfig and WithHTTPClient cannot be combined: set the TLS configuration on the transport of your *http.Client")
	}
	if cfg.httpClient != nil {
		*hc = *cfg.httpClient
		base = cfg.httpClient.Transport
		if base == nil {
			base = http.DefaultTransport
		}
	} else {
		t := newTransport()
		if cfg.tlsConfig != nil {
			t.TLSClientConfig = cfg.tlsConfig
		}
		base = t
	}
	if ic, ok := base.(interface{ CloseIdleConnections() }); ok {
		c.idleCloser = ic
	}
	hc.Transport = &attemptTransport{base: base, c: c}
	c.hc = hc
	c.rc = c.newRetryClient()
	c.hdrAuth, c.hdrUserAgent = []string{c.auth}, []string{c.userAgent}
	if c.contract != "" {
		c.hdrContract = []string{c.contract}
	}

	c.Datacenters = &DatacentersService{c: c}
	c.Locations = &LocationsService{c: c}
	c.Requests = &RequestsService{c: c}
	c.Servers = &ServersService{c: c}
	c.Volumes = &VolumesService{c: c}
	c.Images = &ImagesService{c: c}
	c.Snapshots = &SnapshotsService{c: c}
	c.IPBlocks = &IPBlocksService{c: c}
	c.LANs = &LANsService{c: c}
	c.NICs = &NICsService{c: c}
	c.FirewallRules = &FirewallRulesService{c: c}
	c.LoadBalancers = &LoadBalancersService{c: c}
	c.NATGateways = &NATGatewaysService{c: c}
	c.ApplicationLoadBalancers = &ApplicationLoadBalancersService{c: c}
	c.TargetGroups = &TargetGroupsService{c: c}
	c.Groups = &GroupsService{c: c}
	c.Users = &UsersService{c: c}
	c.Resources = &ResourcesService{c: c}
	c.Contracts = &ContractsService{c: c}
	c.Kubernetes = &KubernetesService{c: c}
	c.CrossConnects = &CrossConnectsService{c: c}
	c.S3Keys = &S3KeysService{c: c}
	c.BackupUnits = &BackupUnitsService{c: c}
	c.Labels = &LabelsService{c: c}
	c.FlowLogs = &FlowLogsService{c: c}
	c.SecurityGroups = &SecurityGroupsService{c: c}
	c.Tokens = &TokensService{c: c}
	c.Templates = &TemplatesService{c: c}
	c.NetworkLoadBalancers = &NetworkLoadBalancersService{c: c}
	return c, nil
}

// parseBaseURL checks an API endpoint: absolute http or https, without
// credentials, query or fragment, and https unless loopback or allowHTTP.
func parseBaseURL(what, raw string, allowHTTP bool) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("ionos: %s: %w", what, err)
	}
	switch {
	case !u.IsAbs() || u.Host == "":
		return nil, fmt.Errorf("ionos: %s %q is not absolute (want https://host/path)", what, raw)
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, fmt.Errorf("ionos: %s %q: scheme must be https or http", what, raw)
	case u.User != nil:
		return nil, fmt.Errorf("ionos: %s must not carry credentials; use WithBasicAuth or WithToken", what)
	case u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("ionos: %s %q must not have a query or fragment", what, raw)
	case u.Scheme == "http" && !allowHTTP && !isLoopback(u.Hostname()):
		return nil, fmt.Errorf("ionos: refusing to send credentials over plain http to %s; use https, or WithInsecureHTTP to allow it", u.Host)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// CloseIdleConnections closes the idle keep-alive connections of the
// client's transport.
func (c *Client) CloseIdleConnections() {
	if c.idleCloser != nil {
		c.idleCloser.CloseIdleConnections()
	}
}

// BaseURL returns the API endpoint the client talks to.
func (c *Client) BaseURL() string { return c.base }

// APIVersion returns the Cloud API version the client speaks.
func (c *Client) APIVersion() APIVersion { return c.version }

// VersionError is returned, before anything is sent, for a call that the
// client's API version does not have (a v6 family on a v5 client, or a
// call that v6 removed).
type VersionError struct {
	// Method and Path name the operation as the API documents it
	// ("GET /k8s/versions/{clusterVersion}/compatibilities").
	Method, Path string
	// Version is the client's API version.
	Version APIVersion
	// Available lists the versions that have the operation.
	Available []APIVersion
}

// Error names the operation and the versions that have it.
func (e *VersionError) Error() string {
	var have []string
	for _, v := range e.Available {
		have = append(have, string(v))
	}
	where := "no Cloud API version"
	if len(have) > 0 {
		where = "API " + strings.Join(have, ", ")
	}
	return fmt.Sprintf("ionos: %s %s is not in Cloud API %s (only in %s)", e.Method, e.Path, e.Version, where)
}

// Is matches ErrUnsupportedVersion.
func (e *VersionError) Is(target error) bool { return target == ErrUnsupportedVersion }

// checkVersion refuses a call that the client's version lacks. Paths the
// operation table does not know (the escape hatch) pass.
func (c *Client) checkVersion(method, path string) error {
	op, ok := operationMatching(method, path)
	if !ok || op.in(c.version.ops()) {
		return nil
	}
	e := &VersionError{Method: method, Path: op.path, Version: c.version}
	if op.in(opV5) {
		e.Available = append(e.Available, APIv5)
	}
	if op.in(opV6) {
		e.Available = append(e.Available, APIv6)
	}
	return e
}

func newTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 200
	t.MaxIdleConnsPerHost = 100
	t.IdleConnTimeout = 90 * time.Second
	return t
}

func trimNewline(s string) string { return strings.TrimRight(s, "\r\n") }

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}

func isLoopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Response is the answer to a call. It embeds the *http.Response (whose body
// has been read and closed) and adds what the API tells about the call.
type Response struct {
	*http.Response

	// RequestURL is the status URL of the asynchronous request the call
	// started (the Location header), or "".
	RequestURL string
	// RequestID is the ID of that request, or "".
	RequestID string
	// RateLimit holds the X-RateLimit-* headers.
	RateLimit RateLimit
	// Attempts is how many times the call was sent (1 without retries).
	Attempts int

	// noBody: the API answered the call with no body (v6 answers many
	// writes 202 with no content), so there is no resource to return.
	noBody bool
	// client made the call (for Await).
	client *Client
}

// RateLimit is what the API says of the caller's rate limit.
type RateLimit struct {
	// Remaining is X-RateLimit-Remaining: calls that can still be made.
	Remaining int
	// Limit is X-RateLimit-Limit: calls allowed per minute on average.
	Limit int
	// Burst is X-RateLimit-Burst: the most concurrent calls allowed.
	Burst int
}

func newResponse(hr *http.Response, attempts int) *Response {
	r := &Response{Response: hr, Attempts: attempts}
	if vs := hr.Header["Location"]; len(vs) > 0 && vs[0] != "" {
		loc := vs[0]
		if id, ok := parseRequestLocation(loc); ok {
			r.RequestURL = loc
			r.RequestID = id
		}
	}
	r.RateLimit.Remaining, _ = headerValue(hr.Header, "X-Ratelimit-Remaining")
	r.RateLimit.Limit, _ = headerValue(hr.Header, "X-Ratelimit-Limit")
	r.RateLimit.Burst, _ = headerValue(hr.Header, "X-Ratelimit-Burst")
	return r
}

// parseRequestLocation extracts the request ID from the Location header of an
// asynchronous write (".../requests/{id}/status"). It reports false when the
// value does not name a request.
func parseRequestLocation(loc string) (string, bool) {
	const marker = "/requests/"
	i := strings.LastIndex(loc, marker)
	if i < 0 {
		return "", false
	}
	rest := loc[i+len(marker):]
	j := strings.IndexAny(rest, "/?#")
	id := rest
	if j >= 0 {
		id = rest[:j]
		tail := rest[j:]
		if tail != "/status" && !strings.HasPrefix(tail, "/status?") && !strings.HasPrefix(tail, "?") {
			if !(tail == "/" || strings.HasPrefix(tail, "/?")) {
				return "", false
			}
		}
	}
	if id == "" || len(id) > 64 {
		return "", false
	}
	for _, r := range id {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return "", false
		}
	}
	return id, true
}

// request describes one API call.
type request struct {
	method string
	path   string // escaped, relative to the base URL, starting with "/"
	query  url.Values
	body   any        // marshalled as JSON when non-nil
	form   url.Values // sent form-encoded when non-nil
	// getDepth: the call reads a resource, so the default depth is sent.
	getDepth bool
	// maxLimit is the largest page ([WithPage]'s limit) the list takes; 0
	// means the spec's usual 10000.
	maxLimit int
	// authAPI: the call goes to the Auth API, not the Cloud API.
	authAPI bool
	// accept replaces the Accept header (application/json).
	accept string
	// callerType: the answer is decoded into a type of the caller's ([Client.Do]),
	// with encoding/json itself, so that whatever that type relies on holds.
	callerType bool
	// list: the answer is a page of a collection, always decoded from the
	// body stream, so that the page's text and its items are never both
	// held.
	list bool
}

// do sends req with the call options and decodes a successful answer into
// out (when out is non-nil). It is the one place where calls are built, sent
// and decoded.
func (c *Client) do(ctx context.Context, req *request, out any, opts []CallOption) (*Response, error) {
	co, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	return c.doWith(ctx, req, out, &co)
}

func (c *Client) doWith(ctx context.Context, req *request, out any, co *callOptions) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("ionos: nil context")
	}
	if !req.authAPI {
		if err := c.checkVersion(req.method, req.path); err != nil {
			return nil, err
		}
	}
	u := c.buildURL(req, co)
	var body []byte
	var contentType string
	switch {
	case req.body != nil:
		var err error
		body, err = json.Marshal(req.body)
		if err != nil {
			return nil, fmt.Errorf("ionos: encoding the request body: %w", err)
		}
		contentType = "application/json"
	case req.form != nil:
		body = []byte(req.form.Encode())
		contentType = "application/x-www-form-urlencoded"
	}
	st := &callState{method: req.method, write: req.method != http.MethodGet && req.method != http.MethodHead, accept: req.accept}
	for {
		hr, err := c.send(ctx, st, u, body, contentType, co)
		if err != nil {
			return nil, err
		}
		resp := newResponse(hr, st.attempts)
		resp.client = c
		if hr.StatusCode >= 400 {
			apiErr := c.apiError(hr, req.method, u, st.attempts)
			closeBody(hr.Body)
			if st.write && maybeDone(hr) {
				return resp, &UnknownOutcomeError{Method: req.method, URL: u, SentAt: st.sentAt, Attempts: st.attempts, Err: apiErr, body: body}
			}
			return resp, apiErr
		}
		if out == nil || hr.StatusCode == http.StatusNoContent || (st.write && hr.ContentLength == 0) {
			closeBody(hr.Body)
			resp.noBody = out != nil
			return resp, nil
		}
		switch rb, raw := out.(*rawBody); {
		case raw:
			err = c.readRaw(hr.Body, rb)
		case req.callerType:
			err = c.decodeStd(hr.Body, out)
		case !req.list && hr.ContentLength > 0 && hr.ContentLength <= smallBody && hr.ContentLength <= c.maxBody:
			err = decodeSized(hr.Body, int(hr.ContentLength), out)
		default:
			err = c.decode(hr.Body, out)
		}
		if errors.Is(err, errStopped) {
			// The loop over an iterator broke: drop the rest unread.
			_ = hr.Body.Close()
			return resp, err
		}
		closeBody(hr.Body)
		if err == nil {
			return resp, nil
		}
		if st.write && errors.Is(err, errEmptyBody) {
			// v6 answers many writes 202 with no content.
			resp.noBody = true
			return resp, nil
		}
		cutOff := isCutBody(err) || (ctx.Err() != nil && errors.Is(err, ctx.Err()))
		if !cutOff || (ctx.Err() != nil && !st.write) {
			return resp, fmt.Errorf("ionos: %s %s: %w", req.method, u, err)
		}
		// The answer was cut off. Reading it is part of the attempt: a read
		// or an idempotent write is sent again within the retry policy; a
		// POST was accepted, so the caller gets its response to wait on.
		cut := fmt.Errorf("ionos: %s %s: %w (%v)", req.method, u, ErrTruncatedBody, err)
		if req.method == http.MethodPost || st.attempts > c.retry.MaxRetries || ctx.Err() != nil {
			return resp, attemptsNote(cut, st.attempts)
		}
		if werr := sleepCtx(ctx, c.retry.backoff(st.attempts-1)); werr != nil {
			return resp, cut
		}
		zeroOut(out)
	}
}

// isCutBody reports whether a decoding error means that the body ended (or
// the connection broke) before the value was complete.
func isCutBody(err error) bool {
	if errors.Is(err, ErrResponseTooLarge) {
		return false
	}
	var netErr net.Error
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, errEmptyBody) || errors.As(err, &netErr) ||
		errors.Is(err, syscall.ECONNRESET)
}

// zeroOut sets *out to its zero value before a value is decoded into it again
// (or, for a target that keeps state across attempts, prepares it).
func zeroOut(out any) {
	if r, ok := out.(interface{ retrying() }); ok {
		r.retrying()
		return
	}
	v := reflect.ValueOf(out)
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		v.Elem().SetZero()
	}
}

func (c *Client) buildURL(req *request, co *callOptions) string {
	base := c.base
	if req.authAPI {
		base = c.authBase
	}
	q := req.query
	depth, sendDepth := c.depth, req.getDepth
	if co.depthSet {
		depth, sendDepth = co.depth, true
	}
	if len(q) == 0 && len(co.query) == 0 {
		if !sendDepth {
			return base + req.path
		}
		// The common case, without building url.Values.
		return base + req.path + "?depth=" + strconv.Itoa(depth)
	}
	{
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		for k, vs := range co.query {
			v[k] = vs
		}
		if sendDepth {
			v.Set("depth", strconv.Itoa(depth))
		}
		return base + req.path + "?" + v.Encode()
	}
}

// rawBody receives an answer's body as it is, for answers that are not
// JSON (a kubeconfig file).
type rawBody struct{ b []byte }

// readRaw reads the whole body, refusing more than the client's limit.
func (c *Client) readRaw(body io.Reader, rb *rawBody) error {
	lr := &limitedReader{r: body, n: c.maxBody}
	b, err := io.ReadAll(lr)
	if err != nil {
		if lr.exceeded {
			return fmt.Errorf("%w (limit %d bytes)", ErrResponseTooLarge, c.maxBody)
		}
		return err
	}
	if len(b) == 0 {
		return errEmptyBody
	}
	rb.b = b
	return nil
}

// maxErrorBody bounds what is read of an error answer.
const maxErrorBody = 64 << 10

func (c *Client) apiError(hr *http.Response, method, u string, attempts int) *APIError {
	e := &APIError{
		StatusCode: hr.StatusCode,
		Method:     method,
		URL:        u,
		Attempts:   attempts,
		RequestID:  hr.Header.Get("X-Request-Id"),
	}
	if d, ok := parseRetryAfter(hr.Header.Get("Retry-After"), time.Now()); ok {
		e.RetryAfter = d
	}
	raw, _ := io.ReadAll(io.LimitReader(hr.Body, maxErrorBody))
	e.Messages, e.Body = parseErrorBody(raw)
	e.Body = c.scrub(e.Body)
	for i := range e.Messages {
		e.Messages[i].Message = c.scrub(e.Messages[i].Message)
	}
	return e
}

// parseErrorBody reads the API's error body {httpStatus, messages:[...]}.
// When the body is not that (an HTML page from a gateway), it returns the
// start of the text instead.
func parseErrorBody(raw []byte) ([]ErrorMessage, string) {
	var eb struct {
		HTTPStatus int            `json:"httpStatus"`
		Messages   []ErrorMessage `json:"messages"`
	}
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &eb) == nil && len(eb.Messages) > 0 {
		return eb.Messages, ""
	}
	return nil, snippet(trimmed)
}

// snippet returns printable text of at most 300 bytes, with HTML tags and
// runs of white space folded, for an error string.
func snippet(raw []byte) string {
	var b strings.Builder
	inTag, space := false, false
	for _, r := range string(raw) {
		switch {
		case r == '<':
			inTag = true
			continue
		case r == '>' && inTag:
			inTag = false
			space = true
			continue
		case inTag:
			continue
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		if b.Len() >= 300 {
			b.WriteString("…")
			break
		}
	}
	return b.String()
}

// scrub removes the client's credentials from text that may be shown.
// Secrets shorter than 6 bytes are left alone: replacing them would mangle
// ordinary words.
func (c *Client) scrub(s string) string {
	for _, cred := range c.credentials {
		if len(cred) >= 6 && strings.Contains(s, cred) {
			s = strings.ReplaceAll(s, cred, "[redacted]")
		}
	}
	return s
}

func closeBody(b io.ReadCloser) {
	// Drain a little so that the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(b, 4<<10))
	_ = b.Close()
}

// newRetryableRequest wraps an HTTP request for go-retryablehttp.
func newRetryableRequest(ctx context.Context, method, u string, body []byte) (*retryablehttp.Request, error) {
	var raw any
	if body != nil {
		raw = body
	}
	return retryablehttp.NewRequestWithContext(ctx, method, u, raw)
}
