package ionostest

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// seedLocation is a location the fake starts with, with the CPU families
// its servers can have (v6's cpuArchitecture; the first is the default).
type seedLocation struct {
	id, name string
	cpus     []seedCPU
}

// seedCPU is a CPU family of a location and its limits per server.
type seedCPU struct {
	family, vendor   string
	maxCores, maxRAM int
}

var (
	cpuOpteron = seedCPU{"AMD_OPTERON", "AuthenticAMD", 62, 245760}
	cpuXeon    = seedCPU{"INTEL_XEON", "GenuineIntel", 62, 245760}
	cpuSkylake = seedCPU{"INTEL_SKYLAKE", "GenuineIntel", 62, 245760}
	cpuIcelake = seedCPU{"INTEL_ICELAKE", "GenuineIntel", 120, 524288}
)

// seedLocations are the public locations of the API, with their CPU
// families.
var seedLocations = []seedLocation{
	{"us/las", "lasvegas", []seedCPU{cpuOpteron, cpuXeon, cpuSkylake}},
	{"us/ewr", "newark", []seedCPU{cpuOpteron, cpuXeon, cpuSkylake}},
	{"de/fra", "frankfurt", []seedCPU{cpuOpteron, cpuSkylake, cpuIcelake}},
	{"de/fkb", "karlsruhe", []seedCPU{cpuOpteron, cpuXeon, cpuSkylake}},
	{"de/txl", "berlin", []seedCPU{cpuOpteron, cpuSkylake, cpuIcelake}},
	{"gb/lhr", "london", []seedCPU{cpuXeon, cpuSkylake, cpuIcelake}},
	{"es/vit", "logrono", []seedCPU{cpuSkylake, cpuIcelake}},
	{"fr/par", "paris", []seedCPU{cpuSkylake, cpuIcelake}},
}

// seedImage is a public image, present in every location.
type seedImage struct {
	name, licence, kind string
	size                float64
	aliases             []string
}

// seedImages are public images as the API names them: HDD images (with
// cloud-init) and installation ISOs, each in every location.
var seedImages = []seedImage{
	{"Ubuntu-22.04-LTS-server-2026-11-01", "LINUX", "HDD", 3.5, []string{"ubuntu:latest", "ubuntu:22.04"}},
	{"Ubuntu-20.04-LTS-server-2026-11-01", "LINUX", "HDD", 2.5, []string{"ubuntu:20.04"}},
	{"Debian-12-genericcloud-amd64-20261101", "LINUX", "HDD", 2.0, []string{"debian:latest", "debian:12"}},
	{"Debian-11-genericcloud-amd64-20261101", "LINUX", "HDD", 2.0, []string{"debian:11"}},
	{"CentOS-7-server-2026-11-01", "LINUX", "HDD", 4.0, []string{"centos:latest", "centos:7"}},
	{"Rocky-9-GenericCloud-Base-9.4-20261101.x86_64", "LINUX", "HDD", 10.0, []string{"rockylinux:latest", "rockylinux:9"}},
	{"Windows-2022-Server-2026-11-01", "WINDOWS2022", "HDD", 25.0, []string{"windows:latest", "windows:2022"}},
	{"Windows-2019-Server-2026-11-01", "WINDOWS2016", "HDD", 25.0, []string{"windows:2019"}},
	{"ubuntu-22.04.5-live-server-amd64.iso", "LINUX", "CDROM", 2.0, []string{"ubuntu:latest_iso", "ubuntu:22.04_iso"}},
	{"debian-12.8.0-amd64-netinst.iso", "LINUX", "CDROM", 0.6, []string{"debian:latest_iso", "debian:12_iso"}},
	{"Rocky-9.4-x86_64-minimal.iso", "LINUX", "CDROM", 1.7, []string{"rockylinux:latest_iso", "rockylinux:9_iso"}},
	{"Windows-Server-2022-en-us.iso", "WINDOWS2022", "CDROM", 5.0, []string{"windows:latest_iso", "windows:2022_iso"}},
}

// SeedUbuntuImageLasVegas is the ID of the Ubuntu HDD image seeded in us/las
// (ubuntu:latest): the image ID of the Python SDK README's Composite Build
// example.
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
	var aliases []any
	for _, im := range seedImages {
		for _, a := range im.aliases {
			aliases = append(aliases, a)
		}
	}
	for _, l := range seedLocations {
		var cpus []any
		for _, c := range l.cpus {
			cpus = append(cpus, map[string]any{"cpuFamily": c.family, "vendor": c.vendor, "maxCores": c.maxCores, "maxRam": c.maxRAM})
		}
		n := &node{ID: l.id, Type: "location", Path: "/locations/" + l.id, Created: t0, Modified: t0, Etag: newEtag(), State: "AVAILABLE",
			Props: map[string]any{"name": l.name, "features": []any{"SSD", "MULTIPLE_CPU"}, "imageAliases": slices.Clone(aliases), "cpuArchitecture": cpus}}
		s.st.Nodes[n.Path] = n
		root.Kids["locations"] = append(root.Kids["locations"], n.Path)
		for _, im := range seedImages {
			id := seedImageID(l.id, im.name)
			windows := strings.HasPrefix(im.licence, "WINDOWS")
			props := map[string]any{
				"name": im.name, "description": nil, "location": l.id, "size": im.size,
				"licenceType": im.licence, "imageType": im.kind, "public": true, "cloudInit": "NONE",
				"imageAliases": toAny(im.aliases),
				"cpuHotPlug":   true, "cpuHotUnplug": false, "ramHotPlug": true, "ramHotUnplug": false,
				"nicHotPlug": true, "nicHotUnplug": true, "discVirtioHotPlug": true, "discVirtioHotUnplug": !windows,
				"discScsiHotPlug": false, "discScsiHotUnplug": false,
			}
			if im.kind == "HDD" && !windows {
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
