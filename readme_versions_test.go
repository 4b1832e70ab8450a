package ionos

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// httpCell finds the first "METHOD /path" of a README cell.
var httpCell = regexp.MustCompile("`(GET|POST|PUT|PATCH|DELETE|HEAD) ([^` ?]+)")

// readmeVersions says which API versions have the operation a README row
// names by its HTTP cell: "v5, v6", "v6", "v5", "Auth v1", or "—" when the
// cell names no single HTTP call. A path may start with "…" (a suffix of the
// full path); its {names} match any parameter.
func readmeVersions(t *testing.T, cell string) string {
	m := httpCell.FindStringSubmatch(cell)
	if m == nil {
		return "—"
	}
	method, path := m[1], m[2]
	var got []string
	for _, key := range matchingOperations(method, path) {
		op := operations[key]
		var v []string
		if op.in(opV5) {
			v = append(v, "v5")
		}
		if op.in(opV6) {
			v = append(v, "v6")
		}
		if op.in(opAuthV1) {
			v = append(v, "Auth v1")
		}
		got = append(got, strings.Join(v, ", "))
	}
	require.NotEmpty(t, got, "no operation of the specs matches %s %s", method, m[2])
	for _, g := range got[1:] {
		require.Equal(t, got[0], g, "%s %s matches operations of different versions: write more of the path", method, m[2])
	}
	return got[0]
}

// TestREADMEOperationVersions checks the API column of every operation
// table against the operation table generated from the specs.
func TestREADMEOperationVersions(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	require.NoError(t, err)
	inTable, rows := false, 0
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "| Python SDK 5.2.0 | Go | HTTP |") {
			require.Equal(t, "| Python SDK 5.2.0 | Go | HTTP | API |", line)
			inTable = true
			continue
		}
		if !inTable || strings.HasPrefix(line, "|---") {
			continue
		}
		if !strings.HasPrefix(line, "| ") {
			inTable = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		require.Len(t, cells, 4, line)
		want := readmeVersions(t, cells[2])
		assert.Equal(t, want, strings.TrimSpace(cells[3]), line)
		rows++
	}
	assert.Greater(t, rows, 150)
}

// TestREADMECoversEveryOperation: every operation of the API documents
// (Cloud API v5, v6 with what the live v6 gained, Auth v1) has a row in the
// README's operation tables. A row that says "(and the other targets)" or
// "(and the other owners)" covers its label or flow-log calls on every
// resource that has them.
func TestREADMECoversEveryOperation(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	require.NoError(t, err)
	covered := map[string]bool{}
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		for _, m := range httpCell.FindAllStringSubmatch(line, -1) {
			method, path := m[1], m[2]
			if strings.Contains(line, "(and the other targets)") || strings.Contains(line, "(and the other owners)") {
				for _, kind := range []string{"/labels", "/flowlogs"} {
					if i := strings.Index(path, kind); i >= 0 {
						path = "…" + path[i:]
					}
				}
			}
			for _, op := range matchingOperations(method, path) {
				covered[op] = true
			}
		}
	}
	var missing []string
	for op := range operations {
		if !covered[op] {
			missing = append(missing, op)
		}
	}
	slices.Sort(missing)
	assert.Empty(t, missing, "operations of the API documents without a README row")
}

// matchingOperations are the operations (METHOD template) that a README
// path names; a path may start with "…" (a suffix), and its {names} match
// any parameter.
func matchingOperations(method, path string) []string {
	suffix := strings.HasPrefix(path, "…")
	path = strings.TrimPrefix(path, "…")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var out []string
	for _, tmpl := range operationRoutes[method] {
		ts := strings.Split(strings.Trim(tmpl, "/"), "/")
		if suffix {
			if len(ts) < len(segs) {
				continue
			}
			ts = ts[len(ts)-len(segs):]
		} else if len(ts) != len(segs) {
			continue
		}
		ok := true
		for i := range segs {
			wr, wt := strings.HasPrefix(segs[i], "{"), strings.HasPrefix(ts[i], "{")
			if wr != wt || (!wr && segs[i] != ts[i]) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, method+" "+tmpl)
		}
	}
	return out
}
