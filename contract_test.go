package ionos

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The v6 tests talk to httpmock through this base URL; record strips
// "/cloudapi/v6" as it does "/cloudapi/v5" (same length).
const v6MockBase = "https://api.ionos.test/cloudapi/v6"

// v6Mock is newMockAPI on a Cloud API v6 base URL.
func v6Mock(t *testing.T, opts ...Option) *mockAPI {
	t.Helper()
	m := newMockAPI(t, append([]Option{WithBaseURL(v6MockBase)}, opts...)...)
	require.Equal(t, APIv6, m.c.APIVersion())
	return m
}

// answerAs answers method+path below the client's base URL (v5 or v6) with
// status, body as contentType (no Content-Type when empty) and headers, and
// records each matching request.
func (m *mockAPI) answerAs(method, path string, status int, contentType string, body []byte, header ...string) {
	m.t.Helper()
	require.True(m.t, len(header)%2 == 0, "header wants key/value pairs")
	m.mt.RegisterResponder(method, m.c.BaseURL()+path, func(r *http.Request) (*http.Response, error) {
		m.record(r)
		resp := &http.Response{StatusCode: status, Status: http.StatusText(status), Header: http.Header{},
			Body: http.NoBody, ContentLength: int64(len(body)), Request: r}
		if len(body) > 0 {
			resp = newJSONResponse(status, body)
			resp.Header.Del("Content-Type")
		}
		if contentType != "" {
			resp.Header.Set("Content-Type", contentType)
		}
		for i := 0; i < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	})
}

func TestContractsGet(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/contracts", 200, fixture(t, "contract.json"))
	ct, _, err := m.c.Contracts.Get(context.Background(), WithCallContractNumber("31721385"))
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/contracts", "depth", "1")
	assertNoBody(t, c)
	assert.Equal(t, "31721385", c.Header.Get("X-Contract-Number"))
	assert.Equal(t, "contract", ct.Type)
	assert.Equal(t, int64(31721385), ct.Properties.ContractNumber)
	assert.Equal(t, "BILLABLE", ct.Properties.Status)
	assert.Equal(t, "ionos.de", ct.Properties.RegDomain)
	l := ct.Properties.ResourceLimits
	assert.Equal(t, 62, l.CoresPerServer)
	assert.Equal(t, 1048576, l.RAMPerContract)
	assert.Equal(t, int64(4194304), l.SSDLimitPerVolume)
	assert.Equal(t, 6, l.ReservedIPsOnContract)
	assert.Equal(t, 1, l.K8sClustersProvisioned)
	assert.Zero(t, l.NATGatewayLimitTotal, "not in v5")
}

// v5 answers one contract: List returns it, alone; Get without a contract
// number takes it.
func TestContractsV5ListAndGetWithoutNumber(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/contracts", 200, fixture(t, "contract.json"))
	cs, _, err := m.c.Contracts.List(context.Background())
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, int64(31721385), cs[0].Properties.ContractNumber)
	assert.Equal(t, 200, cs[0].Properties.ResourceLimits.CoresPerContract)
	ct, _, err := m.c.Contracts.Get(context.Background())
	require.NoError(t, err)
	assert.Equal(t, cs[0], *ct)
	for _, c := range m.all() {
		assertCall(t, c, http.MethodGet, "/contracts", "depth", "1")
		assertNoBody(t, c)
		assert.Empty(t, c.Header.Get("X-Contract-Number"))
	}
}

// The limits of the v6 collection's first contract, in full.
var wantLimitsV6 = ResourceLimits{
	CoresPerServer: 62, CoresPerContract: 200, CoresProvisioned: 14, RAMPerServer: 245760, RAMPerContract: 1048576,
	RAMProvisioned: 30720, HDDLimitPerVolume: 4194304, HDDLimitPerContract: 10485760, HDDVolumeProvisioned: 620,
	SSDLimitPerVolume: 4194304, SSDLimitPerContract: 5242880, SSDVolumeProvisioned: 100, ReservableIPs: 50,
	ReservedIPsOnContract: 6, ReservedIPsInUse: 4, K8sClusterLimitTotal: 10, K8sClustersProvisioned: 1,
	DASVolumeProvisioned: 400, NATGatewayLimitTotal: 5, NATGatewayProvisioned: 1, NLBLimitTotal: 5, NLBProvisioned: 2,
	SecurityGroupsPerVDC: 100, SecurityGroupsPerResource: 10, RulesPerSecurityGroup: 50,
}

func TestContractsV6List(t *testing.T) {
	m := v6Mock(t)
	m.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contracts_v6.json"))
	cs, resp, err := m.c.Contracts.List(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	c := m.only()
	assertCall(t, c, http.MethodGet, "/contracts", "depth", "1")
	assertNoBody(t, c)
	require.Len(t, cs, 2)
	assert.Equal(t, Contract{Type: "contract", Properties: ContractProperties{
		ContractNumber: 31721385, Owner: "ops@example.com", Status: "BILLABLE", RegDomain: "ionos.de", ResourceLimits: wantLimitsV6,
	}}, cs[0])
	assert.Equal(t, int64(31811920), cs[1].Properties.ContractNumber)
	assert.Equal(t, 40, cs[1].Properties.ResourceLimits.CoresPerContract)
	assert.Equal(t, 5, cs[1].Properties.ResourceLimits.NLBLimitTotal)
}

func TestContractsV6Get(t *testing.T) {
	ctx := context.Background()
	t.Run("the only contract", func(t *testing.T) {
		m := v6Mock(t)
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contracts_v6_single.json"))
		ct, _, err := m.c.Contracts.Get(ctx)
		require.NoError(t, err)
		assertCall(t, m.only(), http.MethodGet, "/contracts", "depth", "1")
		assert.Equal(t, int64(31721385), ct.Properties.ContractNumber)
		assert.Equal(t, wantLimitsV6, ct.Properties.ResourceLimits, "not a zero-filled contract")
	})
	t.Run("the call's contract number", func(t *testing.T) {
		m := v6Mock(t, WithContractNumber("31721385"))
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contracts_v6.json"))
		ct, _, err := m.c.Contracts.Get(ctx, WithCallContractNumber("31811920"))
		require.NoError(t, err)
		assert.Equal(t, int64(31811920), ct.Properties.ContractNumber)
		assert.Equal(t, "ionos.com", ct.Properties.RegDomain)
		assert.Equal(t, "31811920", m.only().Header.Get("X-Contract-Number"))
	})
	t.Run("the client's contract number", func(t *testing.T) {
		m := v6Mock(t, WithContractNumber("31721385"))
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contracts_v6.json"))
		ct, _, err := m.c.Contracts.Get(ctx)
		require.NoError(t, err)
		assert.Equal(t, int64(31721385), ct.Properties.ContractNumber)
		assert.Equal(t, "31721385", m.only().Header.Get("X-Contract-Number"))
	})
	t.Run("several and no number", func(t *testing.T) {
		m := v6Mock(t)
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contracts_v6.json"))
		ct, resp, err := m.c.Contracts.Get(ctx)
		assert.Nil(t, ct)
		require.NotNil(t, resp)
		var ce *ContractChoiceError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, []int64{31721385, 31811920}, ce.Available)
		assert.Zero(t, ce.Wanted)
		assert.NotErrorIs(t, err, ErrNotFound)
		assert.Equal(t, "ionos: the account has 2 contracts (31721385, 31811920): choose one with WithContractNumber or WithCallContractNumber, or read them all with Contracts.List", err.Error())
	})
	t.Run("a number not answered", func(t *testing.T) {
		m := v6Mock(t)
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contracts_v6.json"))
		_, _, err := m.c.Contracts.Get(ctx, WithCallContractNumber("99"))
		assert.ErrorIs(t, err, ErrNotFound)
		assert.Contains(t, err.Error(), "no contract 99 (only 31721385, 31811920)")
	})
	t.Run("an empty collection", func(t *testing.T) {
		m := v6Mock(t)
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", []byte(`{"id":"contracts","type":"collection","items":[]}`))
		cs, _, err := m.c.Contracts.List(ctx)
		require.NoError(t, err)
		assert.Empty(t, cs)
		_, _, err = m.c.Contracts.Get(ctx)
		assert.ErrorIs(t, err, ErrNotFound)
		assert.EqualError(t, err, "ionos: GET /contracts answered no contract")
	})
	t.Run("a bad call option is refused before sending", func(t *testing.T) {
		m := v6Mock(t)
		_, _, err := m.c.Contracts.Get(ctx, WithCallContractNumber("x"))
		assertInvalid(t, err, "contract number")
		m.none()
	})
}

// The shape of the answer decides, not the client's version: a v6 client on
// an endpoint that answers v5's one contract, and a v5 client on one that
// answers v6's collection, both read the contract; an answer of neither
// shape is an error, never a zero-filled contract.
func TestContractsDecodeByShape(t *testing.T) {
	ctx := context.Background()
	m6 := v6Mock(t)
	m6.answerAs(http.MethodGet, "/contracts", 200, "application/json", fixture(t, "contract.json"))
	ct, _, err := m6.c.Contracts.Get(ctx)
	require.NoError(t, err)
	assert.Equal(t, 62, ct.Properties.ResourceLimits.CoresPerServer)

	m5 := newMockAPI(t)
	m5.on(http.MethodGet, "/contracts", 200, fixture(t, "contracts_v6_single.json"))
	ct, _, err = m5.c.Contracts.Get(ctx)
	require.NoError(t, err)
	assert.Equal(t, wantLimitsV6, ct.Properties.ResourceLimits)

	for _, body := range []string{`{}`, `{"type":"contract"}`, `{"id":"x","type":"datacenter"}`} {
		m := v6Mock(t)
		m.answerAs(http.MethodGet, "/contracts", 200, "application/json", []byte(body))
		ct, _, err := m.c.Contracts.Get(ctx)
		assert.Nil(t, ct, body)
		assert.ErrorContains(t, err, "neither a contract nor a collection", body)
	}
}
