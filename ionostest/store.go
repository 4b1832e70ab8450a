package ionostest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// node is one resource of the fake: a generic tree node with map-based
// properties. Its Path (relative to the base URL) is its identity.
type node struct {
	ID        string              `json:"id"`
	Type      string              `json:"type"`
	Path      string              `json:"path"`
	Props     map[string]any      `json:"props,omitempty"`
	Kids      map[string][]string `json:"kids,omitempty"` // entity name -> child (or referenced) paths, in order
	Created   time.Time           `json:"created"`
	Modified  time.Time           `json:"modified"`
	Etag      string              `json:"etag"`
	State     string              `json:"state"`               // resting state: AVAILABLE, ACTIVE, ...
	BusyState string              `json:"busyState,omitempty"` // state until BusyUntil: BUSY, DEPLOYING, ...
	BusyUntil time.Time           `json:"busyUntil,omitzero"`
	Seq       int                 `json:"seq,omitempty"` // next LAN number of a data center
	Hidden    bool                `json:"hidden,omitempty"`
	Labels    map[string]string   `json:"labels,omitempty"` // key -> value
}

func (n *node) stateAt(now time.Time) string {
	if now.Before(n.BusyUntil) && n.BusyState != "" {
		return n.BusyState
	}
	return n.State
}

func (n *node) clone() *node {
	c := *n
	c.Props, _ = deepCopy(n.Props).(map[string]any)
	c.Labels = maps.Clone(n.Labels)
	if n.Kids != nil {
		c.Kids = make(map[string][]string, len(n.Kids))
		for k, v := range n.Kids {
			c.Kids[k] = slices.Clone(v)
		}
	}
	return &c
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = deepCopy(x)
		}
		return s
	default:
		return v
	}
}

// apiRequest is the record of one asynchronous write.
type apiRequest struct {
	ID      string            `json:"id"`
	Method  string            `json:"method"`
	URL     string            `json:"url"` // path relative to the base URL, with query
	Body    string            `json:"body,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
	Created time.Time         `json:"created"`
	Running time.Time         `json:"running"` // QUEUED before, RUNNING from
	Done    time.Time         `json:"done"`    // DONE or FAILED from
	Failed  bool              `json:"failed,omitempty"`
	Message string            `json:"message,omitempty"`
	Targets []target          `json:"targets,omitempty"`
}

type target struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Path string `json:"path"`
}

func (r *apiRequest) status(now time.Time) (string, string) {
	switch {
	case now.Before(r.Running):
		return "QUEUED", "Request has been queued"
	case now.Before(r.Done):
		return "RUNNING", "Request is being processed"
	case r.Failed:
		msg := r.Message
		if msg == "" {
			msg = "Request has failed"
		}
		return "FAILED", msg
	default:
		return "DONE", "Request has been successfully executed"
	}
}

// undoEntry reverts one change of a write: remove a created node, restore
// the properties of a changed one, or unlink a reference.
type undoEntry struct {
	Op     string `json:"op"` // remove, restore, unlink
	Path   string `json:"path"`
	Entity string `json:"entity,omitempty"`
	Target string `json:"target,omitempty"`
	Old    *node  `json:"old,omitempty"`
}

// pendingOp is a change applied when its request completes: a deletion, an
// unlink, or the rollback of a request that FAILED.
type pendingOp struct {
	Due    time.Time   `json:"due"`
	Op     string      `json:"op"` // delete, unlink, undo
	Path   string      `json:"path,omitempty"`
	Entity string      `json:"entity,omitempty"`
	Target string      `json:"target,omitempty"`
	Undo   []undoEntry `json:"undo,omitempty"`
}

// state is everything the fake knows. It is guarded by Server.mu.
type state struct {
	Nodes    map[string]*node `json:"nodes"`
	Requests []*apiRequest    `json:"requests"`
	Pending  []*pendingOp     `json:"pending,omitempty"`
	reqByID  map[string]*apiRequest
}

func newState() *state {
	return &state{Nodes: map[string]*node{}, reqByID: map[string]*apiRequest{}}
}

func (st *state) node(path string) *node { return st.Nodes[path] }

// kids returns the child paths of an entity of n, stored or derived.
func (st *state) kids(n *node, entity string) []string {
	switch {
	case n.Type == "lan" && entity == "nics":
		// The NICs of a data center connected to this LAN.
		dc := parentOf(parentOf(n.Path))
		var out []string
		for _, srv := range st.Nodes[dc].Kids["servers"] {
			if s := st.Nodes[srv]; s != nil {
				for _, nic := range s.Kids["nics"] {
					if x := st.Nodes[nic]; x != nil && numString(x.Props["lan"]) == n.ID {
						out = append(out, nic)
					}
				}
			}
		}
		return out
	case n.Type == "user" && entity == "groups":
		var out []string
		for _, g := range st.Nodes["/um"].Kids["groups"] {
			if gn := st.Nodes[g]; gn != nil && slices.Contains(gn.Kids["users"], n.Path) {
				out = append(out, g)
			}
		}
		return out
	case n.Type == "user" && entity == "owns":
		return nil
	case n.Type == "group" && entity == "resources":
		var out []string
		for _, sh := range n.Kids["shares"] {
			if p := shareable(st, lastSeg(sh)); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	return n.Kids[entity]
}

// attached reports whether a volume is attached to a server of its data
// center.
func (st *state) attached(vol *node) bool {
	dc := st.Nodes[parentOf(parentOf(vol.Path))]
	if dc == nil {
		return false
	}
	for _, s := range dc.Kids["servers"] {
		if srv := st.Nodes[s]; srv != nil && slices.Contains(srv.Kids["volumes"], vol.Path) {
			return true
		}
	}
	return false
}

// shareable finds a resource that can be shared with a group by its ID.
func shareable(st *state, id string) string {
	for _, top := range []string{"datacenters", "images", "snapshots", "ipblocks", "k8s", "pccs", "backupunits"} {
		p := "/" + top + "/" + id
		if st.Nodes[p] != nil {
			return p
		}
	}
	return ""
}

// entities lists the entities rendered for a type, in order.
var entities = map[string][]string{
	"datacenter":   {"servers", "volumes", "loadbalancers", "lans"},
	"server":       {"cdroms", "volumes", "nics"},
	"nic":          {"firewallrules"},
	"lan":          {"nics"},
	"loadbalancer": {"balancednics"},
	"group":        {"users", "resources"},
	"user":         {"owns", "groups"},
	"k8s":          {"nodepools"},
}

// hiddenProps are write-only properties, never rendered.
var hiddenProps = map[string][]string{
	"volume":     {"sshKeys", "userData"},
	"user":       {"password"},
	"backupunit": {"password"},
	"location":   {"cpuArchitecture"}, // v6 only: the v5 API has no field for it
}

// nullProps are rendered as null when unset.
var nullProps = map[string][]string{
	"server":        {"vmState", "bootVolume", "bootCdrom"},
	"volume":        {"imagePassword", "image", "imageAlias", "deviceNumber", "backupunitId", "sshKeys"},
	"firewall-rule": {"sourceMac", "sourceIp", "targetIp", "icmpCode", "icmpType", "portRangeStart", "portRangeEnd"},
	"snapshot":      {"size"},
	"nic":           {"name", "nat"},
	"lan":           {"name", "pcc"},
}

func parentOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return ""
	}
	return p[:i]
}

func lastSeg(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func newEtag() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func randHex(n int) string {
	b := make([]byte, (n+1)/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)[:n]
}

// toInt reads an integral JSON number (json.Number, float64 or int).
func toInt(v any) (int64, bool) {
	switch t := v.(type) {
	case json.Number:
		i, err := strconv.ParseInt(string(t), 10, 64)
		return i, err == nil
	case float64:
		if t == float64(int64(t)) {
			return int64(t), true
		}
	case int:
		return int64(t), true
	case int64:
		return t, true
	}
	return 0, false
}

func toFloat(v any) (float64, bool) {
	switch t := v.(type) {
	case json.Number:
		f, err := t.Float64()
		return f, err == nil
	case float64:
		return t, true
	case int:
		return float64(t), true
	case int64:
		return float64(t), true
	}
	return 0, false
}

func numString(v any) string {
	switch t := v.(type) {
	case json.Number:
		return string(t)
	case string:
		return t
	case nil:
		return ""
	default:
		return fmt.Sprint(t)
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// tx collects the changes of one write so that they can be undone, at once
// when validation fails or later when the request is made to fail.
type tx struct {
	st       *state
	now      time.Time
	done     time.Time
	busy     string
	undo     []undoEntry
	restored map[string]bool
	targets  []*node
}

// add stores a new node under parent's entity and marks it busy.
func (t *tx) add(parent *node, entity string, n *node) {
	n.Created, n.Modified, n.Etag = t.now, t.now, newEtag()
	if n.State == "" {
		n.State = "AVAILABLE"
	}
	n.BusyState, n.BusyUntil = t.busy, t.done
	t.st.Nodes[n.Path] = n
	t.link(parent, entity, n.Path)
	t.undo = append(t.undo, undoEntry{Op: "remove", Path: n.Path})
}

// link adds a reference (or an owned child) to parent's entity.
func (t *tx) link(parent *node, entity, p string) {
	if parent.Kids == nil {
		parent.Kids = map[string][]string{}
	}
	parent.Kids[entity] = append(parent.Kids[entity], p)
	t.undo = append(t.undo, undoEntry{Op: "unlink", Path: parent.Path, Entity: entity, Target: p})
}

// change records n's properties before a change and marks it busy.
func (t *tx) change(n *node) {
	if t.restored == nil {
		t.restored = map[string]bool{}
	}
	if !t.restored[n.Path] {
		t.restored[n.Path] = true
		t.undo = append(t.undo, undoEntry{Op: "restore", Path: n.Path, Old: n.clone()})
	}
	t.touch(n)
}

// touch marks n modified and busy without recording it.
func (t *tx) touch(n *node) {
	n.Modified, n.Etag = t.now, newEtag()
	n.BusyState, n.BusyUntil = t.busy, laterOf(n.BusyUntil, t.done)
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// rollback applies undo entries in reverse.
func (st *state) rollback(undo []undoEntry) {
	for i := len(undo) - 1; i >= 0; i-- {
		u := undo[i]
		switch u.Op {
		case "remove":
			st.removeTree(u.Path)
		case "unlink":
			if p := st.Nodes[u.Path]; p != nil && p.Kids != nil {
				p.Kids[u.Entity] = slices.DeleteFunc(p.Kids[u.Entity], func(s string) bool { return s == u.Target })
			}
		case "restore":
			if n := st.Nodes[u.Path]; n != nil && u.Old != nil {
				n.Props = u.Old.Props
				n.State = u.Old.State
				n.BusyUntil = time.Time{}
			}
		}
	}
}

// removeTree deletes a node, everything below it, and every reference to
// them.
func (st *state) removeTree(p string) {
	gone := map[string]bool{}
	for k := range st.Nodes {
		if k == p || strings.HasPrefix(k, p+"/") {
			gone[k] = true
			delete(st.Nodes, k)
		}
	}
	if len(gone) == 0 {
		return
	}
	// Shares of a deleted top-level resource go with it.
	if strings.Count(p, "/") == 2 {
		for k, n := range st.Nodes {
			if n.Type == "resource" && n.ID == lastSeg(p) {
				gone[k] = true
				delete(st.Nodes, k)
			}
		}
	}
	for _, n := range st.Nodes {
		for e, list := range n.Kids {
			n.Kids[e] = slices.DeleteFunc(list, func(s string) bool { return gone[s] })
		}
		for _, k := range []string{"bootVolume", "bootCdrom"} {
			if ref, ok := n.Props[k].(map[string]any); ok {
				if gone[str(ref["path"])] {
					delete(n.Props, k)
				}
			}
		}
	}
}

// tick applies the pending operations that are due.
func (st *state) tick(now time.Time) bool {
	changed := false
	keep := st.Pending[:0]
	for _, op := range st.Pending {
		if now.Before(op.Due) {
			keep = append(keep, op)
			continue
		}
		changed = true
		switch op.Op {
		case "delete":
			st.removeTree(op.Path)
		case "unlink":
			st.rollback([]undoEntry{{Op: "unlink", Path: op.Path, Entity: op.Entity, Target: op.Target}})
		case "undo":
			st.rollback(op.Undo)
		}
	}
	clear(st.Pending[len(keep):])
	st.Pending = keep
	return changed
}
