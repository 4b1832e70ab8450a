package ionos

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onPages serves the three pages of datacenters_page*.json, chosen by the
// offset of the query, with the next links rewritten to the test base URL.
func (m *mockAPI) onPages(rewrite func(string) string) {
	pages := map[string][]byte{}
	for i, off := range []string{"", "2", "4"} {
		b := fixture(m.t, "datacenters_page"+itoa(i+1)+".json")
		b = []byte(rewrite(strings.ReplaceAll(string(b), "https://api.ionos.com/cloudapi/v5", testBase)))
		pages[off] = b
	}
	pages["0"] = pages[""]
	m.mt.RegisterResponder(http.MethodGet, testBase+"/datacenters", func(r *http.Request) (*http.Response, error) {
		m.record(r)
		b, ok := pages[r.URL.Query().Get("offset")]
		if !ok {
			return httpmock.NewStringResponse(404, `{"httpStatus":404,"messages":[{"errorCode":"309","message":"Resource does not exist"}]}`), nil
		}
		return httpmock.NewBytesResponse(200, b), nil
	})
}

func same(s string) string { return s }

func TestListJoinsPagesInOrder(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(same)
	dcs, _, err := m.c.Datacenters.List(context.Background(), WithDepth(2))
	require.NoError(t, err)
	require.Len(t, dcs, 6)
	for i, dc := range dcs {
		assert.Equal(t, "dc-"+itoa(i+1), dc.Properties.Name)
	}
	calls := m.all()
	require.Len(t, calls, 3)
	assertCall(t, calls[0], http.MethodGet, "/datacenters", "depth", "2")
	assertCall(t, calls[1], http.MethodGet, "/datacenters", "depth", "2", "limit", "2", "offset", "2")
	assertCall(t, calls[2], http.MethodGet, "/datacenters", "depth", "2", "limit", "2", "offset", "4")
}

func TestListOnePage(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(same)
	dcs, _, err := m.c.Datacenters.List(context.Background(), WithPage(2, 2))
	require.NoError(t, err)
	require.Len(t, dcs, 2)
	assert.Equal(t, "dc-3", dcs[0].Properties.Name)
	assertCall(t, m.only(), http.MethodGet, "/datacenters", "depth", "1", "offset", "2", "limit", "2")
}

func TestWithPageValidated(t *testing.T) {
	m := newMockAPI(t)
	for _, o := range []ListOption{WithPage(-1, 10), WithPage(0, 0), WithPage(0, 10001)} {
		_, _, err := m.c.Datacenters.List(context.Background(), o)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
	m.none()
}

func TestListRefusesForeignNextLink(t *testing.T) {
	for name, rewrite := range map[string]func(string) string{
		"other host": func(s string) string {
			return strings.ReplaceAll(s, `"next": "`+testBase, `"next": "https://evil.example.com/cloudapi/v5`)
		},
		"other scheme": func(s string) string { return strings.ReplaceAll(s, `"next": "https://`, `"next": "http://`) },
		"other path": func(s string) string {
			return strings.ReplaceAll(s, `"next": "`+testBase+"/datacenters", `"next": "https://api.ionos.test/other`)
		},
	} {
		t.Run(name, func(t *testing.T) {
			m := newMockAPI(t)
			m.onPages(rewrite)
			dcs, _, err := m.c.Datacenters.List(context.Background())
			require.Error(t, err)
			assert.Contains(t, err.Error(), "refusing to follow")
			assert.Nil(t, dcs, "no partial list passed off as complete")
			assert.Len(t, m.all(), 1)
		})
	}
}

func TestListDetectsLinkLoop(t *testing.T) {
	m := newMockAPI(t)
	// Page 2 links back to itself.
	m.onPages(func(s string) string {
		return strings.ReplaceAll(s, `"next": "`+testBase+`/datacenters?offset=4&limit=2"`, `"next": "`+testBase+`/datacenters?offset=2&limit=2"`)
	})
	_, _, err := m.c.Datacenters.List(context.Background())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "loop")
	assert.Len(t, m.all(), 2, "the loop is caught before page 2 is fetched again")
}

func TestListErrorOnLaterPage(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(func(s string) string { return strings.ReplaceAll(s, "offset=4", "offset=6") })
	dcs, _, err := m.c.Datacenters.List(context.Background())
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, err.Error(), "page 3")
	assert.Nil(t, dcs)
}

func TestIteratorStopsFetchingOnBreak(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(same)
	var names []string
	for dc, err := range m.c.Datacenters.All(context.Background()) {
		require.NoError(t, err)
		names = append(names, dc.Properties.Name)
		break
	}
	assert.Equal(t, []string{"dc-1"}, names)
	assert.Len(t, m.all(), 1, "breaking after the first item makes no further request")
}

func TestIteratorWalksAllPages(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(same)
	var names []string
	for dc, err := range m.c.Datacenters.All(context.Background()) {
		require.NoError(t, err)
		names = append(names, dc.Properties.Name)
	}
	assert.Equal(t, []string{"dc-1", "dc-2", "dc-3", "dc-4", "dc-5", "dc-6"}, names)
	assert.Len(t, m.all(), 3)
}

func TestIteratorYieldsErrorLast(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(func(s string) string { return strings.ReplaceAll(s, "offset=4", "offset=6") })
	var n int
	var lastErr error
	for _, err := range m.c.Datacenters.All(context.Background()) {
		if err != nil {
			lastErr = err
			continue
		}
		n++
	}
	assert.Equal(t, 4, n)
	assert.ErrorIs(t, lastErr, ErrNotFound)
}

func TestIteratorHonoursContext(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(same)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n int
	var lastErr error
	for _, err := range m.c.Datacenters.All(ctx) {
		if err != nil {
			lastErr = err
			break
		}
		n++
		if n == 2 {
			cancel()
		}
	}
	assert.Equal(t, 2, n)
	assert.ErrorIs(t, lastErr, context.Canceled)
}

func TestEmptyPageWithNextLinkIsAnError(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/datacenters", 200, []byte(`{"id":"datacenters","type":"collection","items":[],"_links":{"next":"`+testBase+`/datacenters?offset=2&limit=2"}}`))
	_, _, err := m.c.Datacenters.List(context.Background())
	assert.ErrorContains(t, err, "empty but links to a next page")
}

func TestLocationsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/locations/de/fra", 200, fixture(t, "location_de_fra.json"))
	loc, _, err := m.c.Locations.Get(context.Background(), "de/fra")
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, "/locations/de/fra", "depth", "1")
	assert.Equal(t, "de/fra", loc.ID)
	assert.Equal(t, "frankfurt", loc.Properties.Name)
	assert.Contains(t, loc.Properties.ImageAliases, "ubuntu:latest")

	for _, bad := range []string{"defra", "de/fra/x", "/fra", "de/"} {
		_, _, err := m.c.Locations.Get(context.Background(), bad)
		assert.ErrorIs(t, err, ErrInvalidInput, bad)
	}
}

func TestLocationsList(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/locations", 200, fixture(t, "locations.json"))
	m.on(http.MethodGet, "/locations/us", 200, fixture(t, "locations.json"))
	locs, _, err := m.c.Locations.List(context.Background(), WithDepth(0))
	require.NoError(t, err)
	require.Len(t, locs, 6)
	assert.Equal(t, "us/las", locs[0].ID)
	assert.Equal(t, "gb/lhr", locs[5].ID)
	_, _, err = m.c.Locations.ListRegion(context.Background(), "us")
	require.NoError(t, err)
	calls := m.all()
	assertCall(t, calls[0], http.MethodGet, "/locations", "depth", "0")
	assertCall(t, calls[1], http.MethodGet, "/locations/us", "depth", "1")
	_, _, err = m.c.Locations.ListRegion(context.Background(), "us/las")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWithPageHonoursPerListMaximum(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/ipblocks", 200, []byte(`{"id":"ipblocks","type":"collection","items":[]}`))
	m.on(http.MethodGet, "/um/users", 200, []byte(`{"id":"users","type":"collection","items":[]}`))
	ctx := context.Background()
	_, _, err := m.c.IPBlocks.List(ctx, WithPage(0, 1001))
	var inv *InvalidInputError
	require.ErrorAs(t, err, &inv)
	assert.Equal(t, "limit", inv.Field)
	_, _, err = m.c.Users.List(ctx, WithPage(0, 101))
	require.ErrorAs(t, err, &inv)
	for range m.c.Users.All(ctx, WithPage(0, 500)) {
	}
	assert.Empty(t, m.all(), "nothing sent above the maximum")
	_, _, err = m.c.IPBlocks.List(ctx, WithPage(0, 1000))
	require.NoError(t, err)
	_, _, err = m.c.Users.List(ctx, WithPage(100, 100))
	require.NoError(t, err)
	calls := m.all()
	require.Len(t, calls, 2)
	assertCall(t, calls[0], http.MethodGet, "/ipblocks", "depth", "1", "offset", "0", "limit", "1000")
	assertCall(t, calls[1], http.MethodGet, "/um/users", "depth", "1", "offset", "100", "limit", "100")
}

func TestListErrorOnSecondPage(t *testing.T) {
	m := newMockAPI(t)
	m.onPages(func(s string) string { return strings.ReplaceAll(s, "offset=2&limit=2\"", "offset=3&limit=2\"") })
	dcs, _, err := m.c.Datacenters.List(context.Background())
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, err.Error(), "page 2")
	assert.Nil(t, dcs, "no partial list passed off as complete")
	assert.Len(t, m.all(), 2)
}
