package ionos

import "context"

// Contract is the contract of the account and its resource limits. The v5
// API answers one contract object (type "contract"), not a collection.
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
// MB, storage in GB.
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
}

// ContractsService reads the contract and its limits (/contracts).
type ContractsService struct{ c *Client }

// Get returns the contract (of the X-Contract-Number given with
// [WithContractNumber] or [WithCallContractNumber], for users with more than
// one).
func (s *ContractsService) Get(ctx context.Context, opts ...ReadOption) (*Contract, *Response, error) {
	return get[Contract](ctx, s.c, fixed("/contracts"), opts)
}
