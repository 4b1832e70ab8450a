package ionos

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Contract is a contract of the account and its resource limits. Cloud API
// v5 answers GET /contracts with one contract; v6 with a collection of them
// (see [ContractsService]).
type Contract struct {
	Type       string             `json:"type,omitempty"`
	Properties ContractProperties `json:"properties,omitzero"`
}

// ContractProperties describe a contract.
type ContractProperties struct {
	// ContractNumber is the contract's number, an integer in the API (the
	// X-Contract-Number header carries it as text).
	ContractNumber int64          `json:"contractNumber"`
	Owner          string         `json:"owner,omitempty"`
	Status         string         `json:"status,omitempty"`
	RegDomain      string         `json:"regDomain,omitempty"`
	ResourceLimits ResourceLimits `json:"resourceLimits,omitzero"`
}

// ResourceLimits are the limits of a contract and what is in use. RAM is in
// MB, storage in GB. The NAT gateway, network load balancer and DAS fields
// are answered by Cloud API v6 only, the security group fields by the later
// v6; a v5 answer leaves them 0.
type ResourceLimits struct {
	CoresPerServer         int   `json:"coresPerServer"`
	CoresPerContract       int   `json:"coresPerContract"`
	CoresProvisioned       int   `json:"coresProvisioned"`
	RAMPerServer           int   `json:"ramPerServer"`
	RAMPerContract         int   `json:"ramPerContract"`
	RAMProvisioned         int   `json:"ramProvisioned"`
	HDDLimitPerVolume      int64 `json:"hddLimitPerVolume"`
	HDDLimitPerContract    int64 `json:"hddLimitPerContract"`
	HDDVolumeProvisioned   int64 `json:"hddVolumeProvisioned"`
	SSDLimitPerVolume      int64 `json:"ssdLimitPerVolume"`
	SSDLimitPerContract    int64 `json:"ssdLimitPerContract"`
	SSDVolumeProvisioned   int64 `json:"ssdVolumeProvisioned"`
	ReservableIPs          int   `json:"reservableIps"`
	ReservedIPsOnContract  int   `json:"reservedIpsOnContract"`
	ReservedIPsInUse       int   `json:"reservedIpsInUse"`
	K8sClusterLimitTotal   int   `json:"k8sClusterLimitTotal"`
	K8sClustersProvisioned int   `json:"k8sClustersProvisioned"`
	// DASVolumeProvisioned is the storage of direct-attached (DAS) volumes
	// in use, in GB (v6).
	DASVolumeProvisioned int64 `json:"dasVolumeProvisioned"`
	// NATGatewayLimitTotal and NATGatewayProvisioned count NAT gateways (v6).
	NATGatewayLimitTotal  int `json:"natGatewayLimitTotal"`
	NATGatewayProvisioned int `json:"natGatewayProvisioned"`
	// NLBLimitTotal and NLBProvisioned count network load balancers (v6).
	NLBLimitTotal  int `json:"nlbLimitTotal"`
	NLBProvisioned int `json:"nlbProvisioned"`
	// SecurityGroupsPerVDC, SecurityGroupsPerResource and
	// RulesPerSecurityGroup limit network security groups (later v6).
	SecurityGroupsPerVDC      int `json:"securityGroupsPerVdc"`
	SecurityGroupsPerResource int `json:"securityGroupsPerResource"`
	RulesPerSecurityGroup     int `json:"rulesPerSecurityGroup"`
}

// ContractsService reads the contracts of the account and their limits
// (GET /contracts).
//
// Cloud API v5 answers one contract (the one of the X-Contract-Number header
// for users with several); v6 answers a collection. The service reads either
// shape, whatever the client's version: List returns every contract, Get
// the one the client means.
type ContractsService struct{ c *Client }

// contractsAnswer is either shape of GET /contracts: one contract (v5) or
// the collection {"type": "collection", "items": [...]} (v6).
type contractsAnswer struct {
	Type       string              `json:"type"`
	Properties *ContractProperties `json:"properties"`
	Items      []Contract          `json:"items"`
}

// contracts reads GET /contracts and returns the contracts in it.
func (s *ContractsService) contracts(ctx context.Context, opts []ReadOption) ([]Contract, *Response, error) {
	a, resp, err := get[contractsAnswer](ctx, s.c, fixed("/contracts"), opts)
	if err != nil {
		return nil, resp, err
	}
	switch {
	case a.Type == "collection" || a.Items != nil:
		if a.Items == nil {
			a.Items = []Contract{}
		}
		return a.Items, resp, nil
	case a.Properties != nil:
		return []Contract{{Type: a.Type, Properties: *a.Properties}}, resp, nil
	}
	return nil, resp, fmt.Errorf("ionos: GET /contracts: the answer is neither a contract nor a collection of contracts (type %q)", a.Type)
}

// List returns every contract the API answers: on Cloud API v6 the items of
// the collection, on v5 the one contract (that of X-Contract-Number when
// [WithContractNumber] or [WithCallContractNumber] sets one).
func (s *ContractsService) List(ctx context.Context, opts ...ReadOption) ([]Contract, *Response, error) {
	return s.contracts(ctx, opts)
}

// Get returns one contract: the one whose number is the call's contract
// number ([WithCallContractNumber]) or else the client's
// ([WithContractNumber]), or the only one the API answers when neither is
// set. On Cloud API v6, which answers a collection, several contracts and no
// contract number fail with a *[ContractChoiceError] rather than a guess, as
// does a contract number that is not among them ([ErrNotFound]); use List
// to see them all.
func (s *ContractsService) Get(ctx context.Context, opts ...ReadOption) (*Contract, *Response, error) {
	co, err := applyOptions(opts)
	if err != nil {
		return nil, nil, err
	}
	cs, resp, err := s.contracts(ctx, opts)
	if err != nil {
		return nil, resp, err
	}
	want := co.contract
	if want == "" {
		want = s.c.contract
	}
	e := &ContractChoiceError{}
	for _, ct := range cs {
		e.Available = append(e.Available, ct.Properties.ContractNumber)
	}
	if want != "" {
		e.Wanted, _ = strconv.ParseInt(want, 10, 64)
		for i := range cs {
			if cs[i].Properties.ContractNumber == e.Wanted {
				return &cs[i], resp, nil
			}
		}
		return nil, resp, e
	}
	if len(cs) == 1 {
		return &cs[0], resp, nil
	}
	return nil, resp, e
}

// ContractChoiceError is returned by [ContractsService.Get] when the answer
// of GET /contracts does not name one contract: several contracts and no
// contract number to choose by, no contract at all, or none with the
// contract number asked for. The last two match [ErrNotFound].
type ContractChoiceError struct {
	// Wanted is the contract number asked for, or 0 when none was set.
	Wanted int64
	// Available are the numbers of the contracts the API answered.
	Available []int64
}

// Error says what was answered and how to choose.
func (e *ContractChoiceError) Error() string {
	nums := make([]string, len(e.Available))
	for i, n := range e.Available {
		nums[i] = strconv.FormatInt(n, 10)
	}
	switch {
	case len(e.Available) == 0:
		return "ionos: GET /contracts answered no contract"
	case e.Wanted != 0:
		return fmt.Sprintf("ionos: GET /contracts answered no contract %d (only %s)", e.Wanted, strings.Join(nums, ", "))
	}
	return fmt.Sprintf("ionos: the account has %d contracts (%s): choose one with WithContractNumber or WithCallContractNumber, or read them all with Contracts.List",
		len(e.Available), strings.Join(nums, ", "))
}

// Is matches [ErrNotFound] when no contract or not the one asked for was
// answered.
func (e *ContractChoiceError) Is(target error) bool {
	return target == ErrNotFound && (len(e.Available) == 0 || e.Wanted != 0)
}
