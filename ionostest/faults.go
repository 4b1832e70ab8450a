package ionostest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FaultKind is what an injected fault does.
type FaultKind int

const (
	// FaultStatus answers Status (default 500) with the API's JSON error
	// body, without processing the request.
	FaultStatus FaultKind = iota + 1
	// FaultHTML answers Status (default 502) with a gateway's HTML page,
	// without processing the request.
	FaultHTML
	// FaultResetBefore resets the connection before the request is
	// processed: nothing changes.
	FaultResetBefore
	// FaultResetAfter processes the request (its change is made) and then
	// resets the connection instead of answering.
	FaultResetAfter
	// FaultTruncate processes the request and sends the headers (with the
	// full Content-Length) and half of the body, then closes the connection.
	FaultTruncate
	// FaultLatency waits Latency before processing the request normally.
	FaultLatency
	// FaultStatusAfter processes the request (its change is made), then
	// answers Status (default 502) with the API's JSON error body instead of
	// the real answer: a gateway that gave up after the API acted.
	FaultStatusAfter
	// FaultHTMLAfter processes the request, then answers Status (default
	// 502) with a gateway's HTML page instead of the real answer.
	FaultHTMLAfter
)

// Fault describes an injected failure. The zero Method and Path match every
// request.
type Fault struct {
	Kind FaultKind
	// Method matches the HTTP method; "" matches all.
	Method string
	// Path matches the path relative to the base URL, segment by segment;
	// "*" or "{}" matches one segment, a trailing "/**" any rest. "" matches
	// all. Example: "/datacenters/*/servers".
	Path string
	// Status for FaultStatus and FaultHTML.
	Status int
	// Latency for FaultLatency.
	Latency time.Duration
	// Times is how many requests the fault hits before it is spent; 0 is
	// forever.
	Times int
	// Probability, in (0, 1), hits matching requests at random; 0 means always.
	Probability float64
}

type faultEntry struct {
	f    Fault
	left int
	segs []string
}

// InjectFault adds a fault. Faults are tried in the order added; the first
// that matches and fires applies. The returned function removes it.
func (s *Server) InjectFault(f Fault) (remove func()) {
	e := &faultEntry{f: f, left: f.Times}
	if f.Path != "" {
		e.segs = strings.Split(strings.Trim(f.Path, "/"), "/")
	}
	s.ctl.Lock()
	s.faults = append(s.faults, e)
	s.ctl.Unlock()
	return func() {
		s.ctl.Lock()
		defer s.ctl.Unlock()
		for i, x := range s.faults {
			if x == e {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
				return
			}
		}
	}
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.ctl.Lock()
	s.faults = nil
	s.ctl.Unlock()
}

func (e *faultEntry) matches(method, path string) bool {
	if e.f.Method != "" && !strings.EqualFold(e.f.Method, method) {
		return false
	}
	if e.segs == nil {
		return true
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, p := range e.segs {
		if p == "**" && i == len(e.segs)-1 {
			return true
		}
		if i >= len(segs) || (p != "*" && p != "{}" && p != segs[i]) {
			return false
		}
	}
	return len(segs) == len(e.segs)
}

// pickFault returns the fault that applies to a request, if any.
func (s *Server) pickFault(method, path string) *Fault {
	s.ctl.Lock()
	defer s.ctl.Unlock()
	for i, e := range s.faults {
		if !e.matches(method, path) {
			continue
		}
		if p := e.f.Probability; p > 0 && p < 1 && rand.Float64() >= p {
			continue
		}
		f := e.f
		if e.f.Times > 0 {
			e.left--
			if e.left <= 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
		}
		return &f
	}
	return nil
}

// ServeHTTP serves the API: counting, faults, rate limit, authentication,
// then the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rel, ok := strings.CutPrefix(r.URL.Path, AuthPath+"/"); ok {
		s.ctl.Lock()
		s.hits[r.Method+" "+AuthPath+"/"+rel]++
		s.ctl.Unlock()
		s.serveAuth(w, r, "/"+rel)
		return
	}
	now := s.cfg.clock()
	prefix, v6 := BasePath, false
	if strings.HasPrefix(r.URL.Path, BasePathV6) {
		prefix, v6 = BasePathV6, true
	}
	rel, inBase := strings.CutPrefix(r.URL.Path, prefix)
	if rel == "" {
		rel = "/"
	}
	rt, params := s.match(rel)
	if rt != nil && !rt.servedIn(r.Method, v6) {
		rt, params = nil, nil
	}
	key := r.Method + " " + rel
	if rt != nil {
		key = r.Method + " " + rt.pattern
	}
	s.ctl.Lock()
	s.hits[key]++
	s.ctl.Unlock()

	f := s.pickFault(r.Method, rel)
	if f != nil {
		switch f.Kind {
		case FaultLatency:
			t := time.NewTimer(f.Latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		case FaultStatus:
			st := f.Status
			if st == 0 {
				st = 500
			}
			writeJSON(w, st, errorBody(st, strconv.Itoa(st), http.StatusText(st)))
			return
		case FaultHTML:
			writeGatewayPage(w, f.Status)
			return
		case FaultResetBefore:
			reset(w)
			return
		}
	}

	rec := &recorder{header: http.Header{}}
	changed := s.serve(rec, r, now, prefix, v6, rel, inBase, rt, params)
	if changed && s.cfg.onChange != nil {
		s.cfg.onChange()
	}

	if f != nil {
		switch f.Kind {
		case FaultResetAfter:
			reset(w)
			return
		case FaultStatusAfter:
			st := f.Status
			if st == 0 {
				st = 502
			}
			writeJSON(w, st, errorBody(st, strconv.Itoa(st), http.StatusText(st)))
			return
		case FaultHTMLAfter:
			writeGatewayPage(w, f.Status)
			return
		}
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	body := rec.body.Bytes()
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if f != nil && f.Kind == FaultTruncate {
		w.WriteHeader(rec.status)
		_, _ = w.Write(body[:len(body)/2])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		reset(w)
		return
	}
	w.WriteHeader(rec.status)
	_, _ = w.Write(body)
}

// writeGatewayPage answers status (default 502) with a gateway's HTML page.
func writeGatewayPage(w http.ResponseWriter, status int) {
	if status == 0 {
		status = 502
	}
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", status, http.StatusText(status), status, http.StatusText(status))
}

// reset closes the client's connection abruptly (TCP RST where possible).
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(errHijack)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// recorder buffers an answer so that faults can cut it.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = 500
		buf.Reset()
		_ = json.NewEncoder(&buf).Encode(errorBody(500, "500", "Internal Server Error"))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// serve runs the rate limit, authentication and the route. It reports
// whether the state changed.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, now time.Time, prefix string, v6 bool, rel string, inBase bool, rt *route, params []string) (changed bool) {
	limit, remaining, burst, wait := s.takeToken(now)
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
	w.Header().Set("X-RateLimit-Burst", strconv.Itoa(burst))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		writeJSON(w, 429, errorBody(429, "429", "Too many requests: the rate limit is exceeded"))
		return false
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Authorization Required"`)
		writeJSON(w, 401, errorBody(401, "315", "Unauthorized"))
		return false
	}
	if !inBase || rt == nil {
		writeJSON(w, 404, errorBody(404, "309", "Resource does not exist"))
		return false
	}
	h := rt.methods[r.Method]
	if h == nil {
		if r.Method == http.MethodHead && rt.methods[http.MethodGet] != nil {
			h = rt.methods[http.MethodGet]
		} else {
			writeJSON(w, 405, errorBody(405, "308", fmt.Sprintf("Method %s is not allowed on %s", r.Method, rt.pattern)))
			return false
		}
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	if err != nil {
		writeJSON(w, 400, errorBody(400, "100", "Cannot read the request body"))
		return false
	}
	c := &rctx{s: s, r: r, w: w, now: now, rel: rel, params: params, raw: raw, rt: rt, v6: v6,
		base: "http://" + r.Host + prefix}
	if r.TLS != nil {
		c.base = "https://" + r.Host + prefix
	}
	if e := c.parseQuery(); e != nil {
		writeJSON(w, e.status, errorBody(e.status, e.code, e.msg))
		return false
	}
	s.mu.Lock()
	c.st = s.st
	changed = s.st.tick(now)
	func() {
		defer func() {
			if p := recover(); p != nil {
				c.reply = nil
				c.err = &apiErr{500, "500", fmt.Sprintf("Internal Server Error: %v", p)}
			}
		}()
		h(c)
	}()
	if c.err == nil && c.changed {
		changed = true
	}
	status, body := 0, any(nil)
	if c.err != nil {
		status, body = c.err.status, errorBody(c.err.status, c.err.code, c.err.msg)
	} else {
		status, body = c.status, c.reply
	}
	var out []byte
	if body != nil {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(body); err != nil {
			status = 500
			buf.Reset()
			_ = json.NewEncoder(&buf).Encode(errorBody(500, "500", "Internal Server Error"))
		}
		out = buf.Bytes()
	}
	s.mu.Unlock()
	if c.location != "" {
		w.Header().Set("Location", c.location)
	}
	if c.err == nil && c.rawReply != nil {
		out = c.rawReply
		w.Header().Set("Content-Type", c.rawType)
	} else if out != nil {
		w.Header().Set("Content-Type", "application/json")
	}
	if status == 0 {
		status = 200
	}
	w.WriteHeader(status)
	_, _ = w.Write(out)
	return changed
}
