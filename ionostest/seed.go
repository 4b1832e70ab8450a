package ionostest

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Location is a seeded location.
type seedLocation struct{ id, name string }

var seedLocations = []seedLocation{
	{"us/las", "lasvegas"}, {"us/ewr", "newark"}, {"de/fra", "frankfurt"},
	{"de/fkb", "karlsruhe"}, {"de/txl", "berlin"}, {"gb/lhr", "london"},
}

type seedImage struct {
	name, family, licence, kind string
	size                        float64
	aliases                     []string
}

var seedImages = []seedImage{
	{"Ubuntu-20.04-LTS-server-2026-11-01", "ubuntu", "LINUX", "HDD", 2.2, []string{"ubuntu:latest", "ubuntu:20.04"}},
	{"ubuntu-20.04.1-live-server-amd64.iso", "ubuntu", "LINUX", "CDROM", 0.9, nil},
	{"Debian-10-server-2026-11-01", "debian", "LINUX", "HDD", 2.0, []string{"debian:latest", "debian:10"}},
	{"debian-10.6.0-amd64-netinst.iso", "debian", "LINUX", "CDROM", 0.35, nil},
	{"CentOS-7-server-2026-11-01", "centos", "LINUX", "HDD", 4.0, []string{"centos:latest", "centos:7"}},
	{"CentOS-7-x86_64-DVD-2009.iso", "centos", "LINUX", "CDROM", 4.4, nil},
	{"Windows-2019-Server-2026-11-01", "windows", "WINDOWS2016", "HDD", 13.0, []string{"windows:latest", "windows:2019"}},
	{"Windows-Server-2019-en-us.iso", "windows", "WINDOWS2016", "CDROM", 5.3, nil},
}

// SeedUbuntuImageLasVegas is the ID of the Ubuntu HDD image seeded in us/las:
// the image ID of the Python SDK README's Composite Build example.
const SeedUbuntuImageLasVegas = "0d4f97f0-1689-11e7-97ce-525400f64d8d"

// seedImageID gives seeded images stable IDs.
func seedImageID(loc, name string) string {
	if loc == "us/las" && name == seedImages[0].name {
		return SeedUbuntuImageLasVegas
	}
	h := sha1.Sum([]byte(loc + "|" + name))
	x := hex.EncodeToString(h[:16])
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

func (s *Server) seed() {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	root := s.st.Nodes[""]
	root.Kids = map[string][]string{}
	for _, l := range seedLocations {
		var aliases []any
		for _, im := range seedImages {
			for _, a := range im.aliases {
				aliases = append(aliases, a)
			}
		}
		n := &node{ID: l.id, Type: "location", Path: "/locations/" + l.id, Created: t0, Modified: t0, Etag: newEtag(), State: "AVAILABLE",
			Props: map[string]any{"name": l.name, "features": []any{"SSD", "MULTIPLE_CPU"}, "imageAliases": aliases}}
		s.st.Nodes[n.Path] = n
		root.Kids["locations"] = append(root.Kids["locations"], n.Path)
		for _, im := range seedImages {
			id := seedImageID(l.id, im.name)
			props := map[string]any{
				"name": im.name, "description": im.family + " image", "location": l.id, "size": im.size,
				"licenceType": im.licence, "imageType": im.kind, "public": true, "cloudInit": "NONE",
				"imageAliases": toAny(im.aliases),
			}
			for i, k := range hotPlug {
				props[k] = i%2 == 0 || k == "nicHotUnplug" || k == "discVirtioHotUnplug"
			}
			if im.kind == "HDD" && im.family != "windows" {
				props["cloudInit"] = "V1"
			}
			n := &node{ID: id, Type: "image", Path: "/images/" + id, Created: t0, Modified: t0, Etag: newEtag(), State: "AVAILABLE", Props: props}
			s.st.Nodes[n.Path] = n
			root.Kids["images"] = append(root.Kids["images"], n.Path)
		}
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, v := range ss {
		out[i] = v
	}
	return out
}

// snapshotFormat is the version of the Snapshot format.
const snapshotFormat = 1

type snapshotDoc struct {
	Format int    `json:"format"`
	Owner  string `json:"owner"`
	*state
}

// Snapshot returns the whole state (resources, requests, pending changes)
// as JSON, for Restore.
func (s *Server) Snapshot() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(snapshotDoc{Format: snapshotFormat, Owner: s.owner, state: s.st})
}

// Restore replaces the state with one produced by Snapshot. It refuses (and
// keeps the current state) when data is not a valid snapshot.
func (s *Server) Restore(data []byte) error {
	st, owner, err := decodeSnapshot(data)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.st, s.owner = st, owner
	s.mu.Unlock()
	return nil
}

func decodeSnapshot(data []byte) (*state, string, error) {
	doc := snapshotDoc{state: newState()}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, "", fmt.Errorf("ionostest: not a valid state snapshot: %w", err)
	}
	if doc.Format != snapshotFormat {
		return nil, "", fmt.Errorf("ionostest: state snapshot format %d, want %d", doc.Format, snapshotFormat)
	}
	st := doc.state
	if st.Nodes == nil || st.Nodes[""] == nil || st.Nodes["/um"] == nil {
		return nil, "", errors.New("ionostest: state snapshot lacks its root nodes")
	}
	for p, n := range st.Nodes {
		if n == nil || n.Path != p {
			return nil, "", fmt.Errorf("ionostest: state snapshot: node %q is inconsistent", p)
		}
		fixNumbers(n.Props)
	}
	st.reqByID = map[string]*apiRequest{}
	for _, r := range st.Requests {
		if r == nil || r.ID == "" {
			return nil, "", errors.New("ionostest: state snapshot: a request has no ID")
		}
		st.reqByID[r.ID] = r
	}
	for _, op := range st.Pending {
		if op == nil {
			return nil, "", errors.New("ionostest: state snapshot: empty pending operation")
		}
	}
	return st, doc.Owner, nil
}

// fixNumbers turns float64 numbers (as encoding/json decodes them) into
// json.Number, as request bodies are decoded.
func fixNumbers(m map[string]any) {
	for k, v := range m {
		m[k] = fixNumber(v)
	}
}

func fixNumber(v any) any {
	switch t := v.(type) {
	case float64:
		return json.Number(strconv.FormatFloat(t, 'f', -1, 64))
	case map[string]any:
		fixNumbers(t)
	case []any:
		for i := range t {
			t[i] = fixNumber(t[i])
		}
	}
	return v
}
