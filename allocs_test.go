//go:build !race

// The race detector changes allocation counts (sync.Pool drops items at
// random under it), so these tests are built without it; `make test` runs
// them in a second, race-free pass.

package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The allocation targets of the performance scenarios, as ratios to the
// practical floor measured in the same test (see bench_test.go). Counts
// are averaged over runs, so a ratio is exact enough to guard.
const (
	allocTargetGet    = 1.6
	allocTargetList   = 3.0
	allocTargetCreate = 1.15
)

func allocRatio(t *testing.T, runs int, sdk, fl func()) (float64, float64) {
	t.Helper()
	sdk() // warm up: connections, pools
	fl()
	a := testing.AllocsPerRun(runs, sdk)
	f := testing.AllocsPerRun(runs, fl)
	require.NotZero(t, f)
	return a, f
}

func TestAllocsGetWithinTarget(t *testing.T) {
	a := newBenchAPI(t, false)
	c, f := benchClient(t, a), newFloor(t, a)
	ctx := context.Background()
	sdk, fl := allocRatio(t, 200, func() {
		if _, _, err := c.Datacenters.Get(ctx, dcID, WithDepth(1)); err != nil {
			t.Fatal(err)
		}
	}, func() {
		var dc floorDatacenter
		if err := f.call(ctx, http.MethodGet, "/datacenters/"+dcID+"?depth=1", nil, &dc); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("get a data center: %.0f allocations, floor %.0f (%.2fx)", sdk, fl, sdk/fl)
	assert.LessOrEqual(t, sdk/fl, allocTargetGet)
}

func TestAllocsCreateWithinTarget(t *testing.T) {
	a := newBenchAPI(t, false)
	c, f := benchClient(t, a), newFloor(t, a)
	ctx := context.Background()
	sdk, fl := allocRatio(t, 200, func() {
		if _, _, err := c.Servers.Create(ctx, dcID, benchServerSpec); err != nil {
			t.Fatal(err)
		}
	}, func() {
		var in floorServerPost
		p := &in.Properties
		p.Name, p.Cores, p.RAM = benchServerSpec.Name, benchServerSpec.Cores, benchServerSpec.RAM
		p.AvailabilityZone, p.CPUFamily = string(benchServerSpec.AvailabilityZone), string(benchServerSpec.CPUFamily)
		var out floorServerCreated
		if err := f.call(ctx, http.MethodPost, "/datacenters/"+dcID+"/servers", &in, &out); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("create a server: %.0f allocations, floor %.0f (%.2fx)", sdk, fl, sdk/fl)
	assert.LessOrEqual(t, sdk/fl, allocTargetCreate)
}

func TestAllocsList200WithinTarget(t *testing.T) {
	a := newBenchAPI(t, false, 200)
	c, f := benchClient(t, a), newFloor(t, a)
	sdk, fl := allocRatio(t, 10, func() { benchListServers(t, c, 200) }, func() { floorListServers(t, f, 200) })
	t.Logf("list 200 servers at depth 3: %.0f allocations, floor %.0f (%.2fx)", sdk, fl, sdk/fl)
	assert.LessOrEqual(t, sdk/fl, allocTargetList)
}

// Checking a valid ServerSpec builds no field names: they are made only
// for an error. What remains is the body itself.
func TestAllocsServerSpecCheck(t *testing.T) {
	spec := benchServerSpec
	n := testing.AllocsPerRun(100, func() {
		if _, err := spec.bodyFor(APIv6, "ServerSpec"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Equal(t, 1.0, n, "allocations to check and build a server's body")
	_, err := (&ServerSpec{Name: "x", Cores: 1, RAM: 100}).bodyFor(APIv6, "ServerSpec")
	assert.ErrorContains(t, err, "ServerSpec.RAM")
}
