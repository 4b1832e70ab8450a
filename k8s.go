package ionos

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
)

// KubernetesCluster is a managed Kubernetes cluster as the API returns it.
// It is ready when Metadata.State is ACTIVE (see WaitForClusterActive). At
// depth 1 and more, Entities lists its node pools.
type KubernetesCluster struct {
	ID         string                      `json:"id"`
	Type       string                      `json:"type,omitempty"`
	Href       string                      `json:"href,omitempty"`
	Metadata   Metadata                    `json:"metadata,omitzero"`
	Properties KubernetesClusterProperties `json:"properties,omitzero"`
	Entities   KubernetesClusterEntities   `json:"entities,omitzero"`
}

// KubernetesClusterProperties are a cluster's settings.
type KubernetesClusterProperties struct {
	Name                     string            `json:"name,omitempty"`
	K8sVersion               string            `json:"k8sVersion,omitempty"`
	MaintenanceWindow        MaintenanceWindow `json:"maintenanceWindow,omitzero"`
	AvailableUpgradeVersions []string          `json:"availableUpgradeVersions,omitempty"`
	ViableNodePoolVersions   []string          `json:"viableNodePoolVersions,omitempty"`
	Public                   bool              `json:"public"`
	APISubnetAllowList       []string          `json:"apiSubnetAllowList,omitempty"`
	S3Buckets                []S3Bucket        `json:"s3Buckets,omitempty"`
	// Location, NATGatewayIP and NodeSubnet describe a private cluster
	// (Cloud API v6; empty on v5 and for public clusters).
	Location     string `json:"location,omitempty"`
	NATGatewayIP string `json:"natGatewayIp,omitempty"`
	NodeSubnet   string `json:"nodeSubnet,omitempty"`
}

// KubernetesClusterEntities are a cluster's node pools.
type KubernetesClusterEntities struct {
	NodePools Collection[KubernetesNodePool] `json:"nodepools,omitzero"`
}

// MaintenanceWindow is when the API may update a cluster or node pool: a
// day of the week (Monday..Sunday) and a time of day, "HH:mm:ss" with an
// optional "Z" (UTC).
type MaintenanceWindow struct {
	DayOfTheWeek string `json:"dayOfTheWeek,omitempty"`
	Time         string `json:"time,omitempty"`
}

// S3Bucket names an S3 bucket a cluster uses (for its API audit logs).
type S3Bucket struct {
	Name string `json:"name,omitempty"`
}

// kubernetesConfig is the API's envelope of a cluster's kubeconfig.
type kubernetesConfig struct {
	Properties struct {
		Kubeconfig Secret `json:"kubeconfig"`
	} `json:"properties"`
}

// KubernetesNodePool is a node pool of a cluster as the API returns it. It
// is ready when Metadata.State is ACTIVE (see WaitForNodePoolActive).
type KubernetesNodePool struct {
	ID         string                       `json:"id"`
	Type       string                       `json:"type,omitempty"`
	Href       string                       `json:"href,omitempty"`
	Metadata   Metadata                     `json:"metadata,omitzero"`
	Properties KubernetesNodePoolProperties `json:"properties,omitzero"`
}

// KubernetesNodePoolProperties are a node pool's settings.
type KubernetesNodePoolProperties struct {
	Name                     string                  `json:"name,omitempty"`
	DatacenterID             string                  `json:"datacenterId,omitempty"`
	NodeCount                int                     `json:"nodeCount"`
	CPUFamily                CPUFamily               `json:"cpuFamily,omitempty"`
	CoresCount               int                     `json:"coresCount"`
	RAMSize                  int                     `json:"ramSize"`
	AvailabilityZone         AvailabilityZone        `json:"availabilityZone,omitempty"`
	StorageType              StorageType             `json:"storageType,omitempty"`
	StorageSize              int                     `json:"storageSize"`
	K8sVersion               string                  `json:"k8sVersion,omitempty"`
	MaintenanceWindow        MaintenanceWindow       `json:"maintenanceWindow,omitzero"`
	AutoScaling              AutoScaling             `json:"autoScaling,omitzero"`
	LANs                     []KubernetesNodePoolLAN `json:"lans,omitempty"`
	Labels                   map[string]string       `json:"labels,omitempty"`
	Annotations              map[string]string       `json:"annotations,omitempty"`
	PublicIPs                []string                `json:"publicIps,omitempty"`
	AvailableUpgradeVersions []string                `json:"availableUpgradeVersions,omitempty"`
	// GatewayIP is the NAT gateway IP of a private cluster's nodes (Cloud
	// API v5 only; v6 has it on the cluster, NATGatewayIP).
	GatewayIP string `json:"gatewayIp,omitempty"`
	// ServerType is the kind of server the nodes run on (later Cloud API
	// v6; the API defaults to DedicatedCore).
	ServerType KubernetesServerType `json:"serverType,omitempty"`
	// Taints are put on the nodes (later Cloud API v6).
	Taints []KubernetesTaint `json:"taints,omitempty"`
}

// KubernetesServerType is the kind of server a node pool's nodes run on
// (later Cloud API v6).
type KubernetesServerType string

// Node pool server types.
const (
	// KubernetesDedicatedCore nodes have dedicated cores (the default).
	KubernetesDedicatedCore KubernetesServerType = "DedicatedCore"
	// KubernetesVCPU nodes share their cores.
	KubernetesVCPU KubernetesServerType = "VCPU"
)

// KubernetesTaint is a Kubernetes taint put on a node pool's nodes (later
// Cloud API v6): pods that do not tolerate it are kept off (or evicted
// from) the nodes, as Effect says.
type KubernetesTaint struct {
	// Key is required, in Kubernetes label-key syntax.
	Key string `json:"key"`
	// Value is optional, in Kubernetes label-value syntax.
	Value string `json:"value,omitempty"`
	// Effect is required.
	Effect TaintEffect `json:"effect"`
}

// TaintEffect is what a [KubernetesTaint] does to pods that do not
// tolerate it.
type TaintEffect string

// Taint effects.
const (
	// TaintNoSchedule: no new pods without a toleration.
	TaintNoSchedule TaintEffect = "NoSchedule"
	// TaintNoExecute: pods without a toleration are evicted.
	TaintNoExecute TaintEffect = "NoExecute"
	// TaintPreferNoSchedule: pods without a toleration are kept off where
	// possible.
	TaintPreferNoSchedule TaintEffect = "PreferNoSchedule"
)

// AutoScaling lets the API scale a node pool between MinNodeCount and
// MaxNodeCount nodes (1 <= MinNodeCount <= MaxNodeCount).
type AutoScaling struct {
	MinNodeCount int `json:"minNodeCount"`
	MaxNodeCount int `json:"maxNodeCount"`
}

// KubernetesNodePoolLAN is an additional LAN attached to a node pool's
// nodes, as the API returns it and as a [KubernetesNodePoolSpec] or
// [KubernetesNodePoolUpdate] sends it. Only ID is in Cloud API v5; a v5
// client refuses the other fields before sending.
type KubernetesNodePoolLAN struct {
	// ID is the LAN's ID in the node pool's data center (required).
	ID LANID `json:"id"`
	// DHCP, when set, says whether the nodes take their IP in the LAN by
	// DHCP (v6).
	DHCP *bool `json:"dhcp,omitempty"`
	// Routes are routes through the LAN (v6).
	Routes []KubernetesRoute `json:"routes,omitempty"`
	// DatacenterID is the LAN's data center (later v6, for internal use:
	// setting it needs system privileges).
	DatacenterID string `json:"datacenterId,omitempty"`
}

// KubernetesRoute is a route of a node pool's LAN (v6): traffic to Network
// goes through GatewayIP. Both are required, IPv4 or IPv6.
type KubernetesRoute struct {
	// Network is a CIDR, as "198.51.100.0/24".
	Network string `json:"network"`
	// GatewayIP is an IP in the LAN.
	GatewayIP string `json:"gatewayIp"`
}

// KubernetesClusterSpec describes a cluster to create. Name is required.
type KubernetesClusterSpec struct {
	// Name: at most 63 characters, alphanumeric at both ends, with dashes,
	// underscores, dots and alphanumerics between.
	Name string
	// K8sVersion is the Kubernetes version; empty lets the API choose its
	// default.
	K8sVersion string
	// MaintenanceWindow, when set, is when the API may update the cluster.
	MaintenanceWindow *MaintenanceWindow
	// Public, when set, makes the cluster public or private (the API
	// defaults to public).
	Public *bool
	// APISubnetAllowList restricts access to the cluster's API server to
	// these CIDRs.
	APISubnetAllowList []string
	// S3Buckets for the cluster's API audit logs.
	S3Buckets []S3Bucket
	// Location, NATGatewayIP and NodeSubnet set up a private cluster (Public
	// false) in Cloud API v6; a v5 client refuses them before sending.
	// Location ("de/fra") is where the cluster runs; the API requires it for
	// a private cluster. NATGatewayIP is the public IP of the nodes' NAT
	// gateway; NodeSubnet the nodes' subnet as a CIDR ("192.168.0.0/16").
	// The API does not change them after creation.
	Location     string
	NATGatewayIP string
	NodeSubnet   string
}

type clusterPostProperties struct {
	Name               string             `json:"name"`
	K8sVersion         string             `json:"k8sVersion,omitempty"`
	MaintenanceWindow  *MaintenanceWindow `json:"maintenanceWindow,omitempty"`
	Public             *bool              `json:"public,omitempty"`
	APISubnetAllowList []string           `json:"apiSubnetAllowList,omitempty"`
	S3Buckets          []S3Bucket         `json:"s3Buckets,omitempty"`
	Location           string             `json:"location,omitempty"`
	NATGatewayIP       string             `json:"natGatewayIp,omitempty"`
	NodeSubnet         string             `json:"nodeSubnet,omitempty"`
}

func (s *KubernetesClusterSpec) body(field string, v APIVersion) (*putBody[clusterPostProperties], error) {
	if err := checkK8sName(field+".Name", s.Name); err != nil {
		return nil, err
	}
	if err := s.MaintenanceWindow.check(field + ".MaintenanceWindow"); err != nil {
		return nil, err
	}
	if v == APIv5 {
		for _, f := range []struct{ name, val string }{{"Location", s.Location}, {"NATGatewayIP", s.NATGatewayIP}, {"NodeSubnet", s.NodeSubnet}} {
			if f.val != "" {
				return nil, notInK8sAPI(field+"."+f.name, v)
			}
		}
	}
	if s.NATGatewayIP != "" && !isIP(s.NATGatewayIP) {
		return nil, invalid(field+".NATGatewayIP", "%q is not an IP address", s.NATGatewayIP)
	}
	if err := checkCIDR(field+".NodeSubnet", s.NodeSubnet); err != nil {
		return nil, err
	}
	return &putBody[clusterPostProperties]{Properties: clusterPostProperties{
		Name: s.Name, K8sVersion: s.K8sVersion, MaintenanceWindow: s.MaintenanceWindow, Public: s.Public,
		APISubnetAllowList: s.APISubnetAllowList, S3Buckets: s.S3Buckets,
		Location: s.Location, NATGatewayIP: s.NATGatewayIP, NodeSubnet: s.NodeSubnet,
	}}, nil
}

// notInK8sAPI refuses a field that the client's API version does not have.
func notInK8sAPI(field string, v APIVersion) error {
	return invalid(field, "is not in Cloud API %s", v)
}

// checkCIDR accepts "" and an IPv4 or IPv6 CIDR.
func checkCIDR(field, s string) error {
	if s == "" {
		return nil
	}
	if _, err := netip.ParsePrefix(s); err != nil {
		return invalid(field, "%q is not a CIDR (as 192.168.0.0/16)", s)
	}
	return nil
}

// KubernetesClusterUpdate is what UpdateCluster sends (PUT): the name is
// required; the other fields are sent when set. A nil APISubnetAllowList or
// S3Buckets is left out; an empty, non-nil one is sent as [] (clearing the
// list).
type KubernetesClusterUpdate struct {
	Name               string             `json:"name"`
	K8sVersion         string             `json:"k8sVersion,omitempty"`
	MaintenanceWindow  *MaintenanceWindow `json:"maintenanceWindow,omitempty"`
	APISubnetAllowList []string           `json:"apiSubnetAllowList,omitzero"`
	S3Buckets          []S3Bucket         `json:"s3Buckets,omitzero"`
}

var k8sNameRE = regexp.MustCompile(`^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$`)

func checkK8sName(field, name string) error {
	if name == "" {
		return invalid(field, "is required")
	}
	if len(name) > 63 {
		return invalid(field, "%q is longer than 63 characters", name)
	}
	if !k8sNameRE.MatchString(name) {
		return invalid(field, "%q must begin and end with a letter or digit and hold only letters, digits, '-', '_' and '.'", name)
	}
	return nil
}

// Days of the week for MaintenanceWindow.DayOfTheWeek.
var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// The API accepts HH:mm:ss, HH:mm:ss"Z" and HH:mm:ssZ.
var maintenanceTimeRE = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|"Z")?$`)

func (w *MaintenanceWindow) check(field string) error {
	if w == nil {
		return nil
	}
	found := false
	for _, d := range weekdays {
		if w.DayOfTheWeek == d {
			found = true
		}
	}
	if !found {
		return invalid(field+".DayOfTheWeek", "%q is not one of %s", w.DayOfTheWeek, strings.Join(weekdays, ", "))
	}
	if !maintenanceTimeRE.MatchString(w.Time) {
		return invalid(field+".Time", "%q is not a time of day as HH:mm:ss (optionally followed by Z)", w.Time)
	}
	return nil
}

func (a *AutoScaling) check(field string) error {
	switch {
	case a == nil:
		return nil
	case a.MinNodeCount < 1:
		return invalid(field+".MinNodeCount", "%d is below 1", a.MinNodeCount)
	case a.MaxNodeCount < a.MinNodeCount:
		return invalid(field+".MaxNodeCount", "%d is below MinNodeCount (%d)", a.MaxNodeCount, a.MinNodeCount)
	}
	return nil
}

// KubernetesNodePoolSpec describes a node pool to create. Name, DatacenterID,
// NodeCount, CoresCount, RAMSize, StorageType and StorageSize are required,
// and so is CPUFamily on Cloud API v5. Fields that the client's API version
// lacks are refused before sending: GatewayIP on v6; ServerType, Taints and
// the LANs' DHCP, Routes and DatacenterID on v5.
type KubernetesNodePoolSpec struct {
	// Name follows the rules of [KubernetesClusterSpec].Name.
	Name string
	// DatacenterID is the data center the nodes run in.
	DatacenterID string
	// NodeCount is the number of nodes (>= 1).
	NodeCount int
	// CPUFamily of the nodes ("INTEL_SKYLAKE", "AMD_OPTERON", ... as the
	// data center offers); required on v5, and left to the API when empty
	// on v6.
	CPUFamily CPUFamily
	// CoresCount is the cores per node (>= 1).
	CoresCount int
	// RAMSize is the RAM per node in MB: at least 2048, a multiple of 1024.
	RAMSize int
	// AvailabilityZone is AUTO (the default when empty), ZONE_1 or ZONE_2.
	AvailabilityZone AvailabilityZone
	// StorageType is HDD or SSD.
	StorageType StorageType
	// StorageSize is the volume size per node in GB, more than 10.
	StorageSize int
	// K8sVersion; empty takes the cluster's.
	K8sVersion string
	// MaintenanceWindow, when set, is when the API may update the pool.
	MaintenanceWindow *MaintenanceWindow
	// AutoScaling, when set, lets the API scale the pool.
	AutoScaling *AutoScaling
	// LANs are additional LANs for the nodes: {ID: "2"}, and on v6 whether
	// they use DHCP and their routes.
	LANs []KubernetesNodePoolLAN
	// Labels and Annotations are attached to the nodes.
	Labels      map[string]string
	Annotations map[string]string
	// PublicIPs are reserved IPs for the nodes (one more than the most
	// nodes the pool can have).
	PublicIPs []string
	// GatewayIP is the public IP of the NAT gateway of a private cluster's
	// nodes: Cloud API v5 only (v6 refuses it; set
	// [KubernetesClusterSpec].NATGatewayIP instead).
	GatewayIP string
	// ServerType is the kind of server the nodes run on (later v6; the API
	// defaults to DedicatedCore).
	ServerType KubernetesServerType
	// Taints are put on the nodes (later v6; at most 50).
	Taints []KubernetesTaint
}

type nodePoolPostProperties struct {
	Name              string                  `json:"name"`
	DatacenterID      string                  `json:"datacenterId"`
	NodeCount         int                     `json:"nodeCount"`
	CPUFamily         CPUFamily               `json:"cpuFamily,omitempty"`
	ServerType        KubernetesServerType    `json:"serverType,omitempty"`
	CoresCount        int                     `json:"coresCount"`
	RAMSize           int                     `json:"ramSize"`
	AvailabilityZone  AvailabilityZone        `json:"availabilityZone"`
	StorageType       StorageType             `json:"storageType"`
	StorageSize       int                     `json:"storageSize"`
	K8sVersion        string                  `json:"k8sVersion,omitempty"`
	MaintenanceWindow *MaintenanceWindow      `json:"maintenanceWindow,omitempty"`
	AutoScaling       *AutoScaling            `json:"autoScaling,omitempty"`
	LANs              []KubernetesNodePoolLAN `json:"lans,omitempty"`
	Labels            map[string]string       `json:"labels,omitempty"`
	Annotations       map[string]string       `json:"annotations,omitempty"`
	Taints            []KubernetesTaint       `json:"taints,omitempty"`
	PublicIPs         []string                `json:"publicIps,omitempty"`
	GatewayIP         string                  `json:"gatewayIp,omitempty"`
}

func (s *KubernetesNodePoolSpec) body(field string, v APIVersion) (*putBody[nodePoolPostProperties], error) {
	if err := checkK8sName(field+".Name", s.Name); err != nil {
		return nil, err
	}
	if err := id(field+".DatacenterID", s.DatacenterID).check(); err != nil {
		return nil, err
	}
	if err := checkNodeCount(field+".NodeCount", s.NodeCount); err != nil {
		return nil, err
	}
	if s.CPUFamily == "" && v == APIv5 {
		return nil, invalid(field+".CPUFamily", "is required")
	}
	if s.CoresCount < 1 {
		return nil, invalid(field+".CoresCount", "%d is below 1", s.CoresCount)
	}
	switch {
	case s.RAMSize < 2048:
		return nil, invalid(field+".RAMSize", "%d MB is below the minimum of 2048 MB", s.RAMSize)
	case s.RAMSize%1024 != 0:
		return nil, invalid(field+".RAMSize", "%d MB is not a multiple of 1024 MB", s.RAMSize)
	}
	zone := s.AvailabilityZone
	if zone == "" {
		zone = "AUTO"
	}
	if s.StorageType == "" {
		return nil, invalid(field+".StorageType", "is required (HDD, SSD, ...)")
	}
	if s.StorageSize <= 10 {
		return nil, invalid(field+".StorageSize", "%d GB is not more than 10 GB", s.StorageSize)
	}
	if err := s.MaintenanceWindow.check(field + ".MaintenanceWindow"); err != nil {
		return nil, err
	}
	if err := s.AutoScaling.check(field + ".AutoScaling"); err != nil {
		return nil, err
	}
	if s.GatewayIP != "" && v != APIv5 {
		return nil, invalid(field+".GatewayIP", "is not in Cloud API %s (set KubernetesClusterSpec.NATGatewayIP when creating a private cluster)", v)
	}
	if err := checkNodePoolV6Fields(field, v, s.ServerType, s.Taints); err != nil {
		return nil, err
	}
	if err := checkNodePoolLANs(field+".LANs", v, s.LANs); err != nil {
		return nil, err
	}
	return &putBody[nodePoolPostProperties]{Properties: nodePoolPostProperties{
		Name: s.Name, DatacenterID: s.DatacenterID, NodeCount: s.NodeCount, CPUFamily: s.CPUFamily, ServerType: s.ServerType,
		CoresCount: s.CoresCount, RAMSize: s.RAMSize, AvailabilityZone: zone, StorageType: s.StorageType,
		StorageSize: s.StorageSize, K8sVersion: s.K8sVersion, MaintenanceWindow: s.MaintenanceWindow,
		AutoScaling: s.AutoScaling, LANs: s.LANs, Labels: s.Labels, Annotations: s.Annotations, Taints: s.Taints,
		PublicIPs: s.PublicIPs, GatewayIP: s.GatewayIP,
	}}, nil
}

// checkNodePoolV6Fields refuses ServerType and Taints on v5 and checks the
// taints: a key and an effect each, at most 50.
func checkNodePoolV6Fields(field string, v APIVersion, serverType KubernetesServerType, taints []KubernetesTaint) error {
	if v == APIv5 {
		switch {
		case serverType != "":
			return notInK8sAPI(field+".ServerType", v)
		case taints != nil:
			return notInK8sAPI(field+".Taints", v)
		}
	}
	if len(taints) > 50 {
		return invalid(field+".Taints", "%d taints are more than 50", len(taints))
	}
	for i, t := range taints {
		switch {
		case t.Key == "":
			return invalid(fmt.Sprintf("%s.Taints[%d].Key", field, i), "is required")
		case t.Effect == "":
			return invalid(fmt.Sprintf("%s.Taints[%d].Effect", field, i), "is required (NoSchedule, NoExecute, PreferNoSchedule)")
		}
	}
	return nil
}

func checkNodeCount(field string, n int) error {
	if n < 1 {
		return invalid(field, "%d is below 1", n)
	}
	return nil
}

// checkNodePoolLANs checks a node pool's LANs: positive IDs, routes with
// a CIDR and a gateway IP, and on v5 nothing but the ID.
func checkNodePoolLANs(field string, v APIVersion, lans []KubernetesNodePoolLAN) error {
	for i, l := range lans {
		f := fmt.Sprintf("%s[%d]", field, i)
		if err := (idArg{name: f + ".ID", val: string(l.ID), positive: true}).check(); err != nil {
			return err
		}
		if v == APIv5 {
			switch {
			case l.DHCP != nil:
				return notInK8sAPI(f+".DHCP", v)
			case l.Routes != nil:
				return notInK8sAPI(f+".Routes", v)
			case l.DatacenterID != "":
				return notInK8sAPI(f+".DatacenterID", v)
			}
		}
		for j, r := range l.Routes {
			rf := fmt.Sprintf("%s.Routes[%d]", f, j)
			if r.Network == "" {
				return invalid(rf+".Network", "is required")
			}
			if err := checkCIDR(rf+".Network", r.Network); err != nil {
				return err
			}
			if !isIP(r.GatewayIP) {
				return invalid(rf+".GatewayIP", "%q is not an IP address", r.GatewayIP)
			}
		}
	}
	return nil
}

// KubernetesNodePoolUpdate is what UpdateNodePool sends (PUT). NodeCount
// is required (>= 1); the other fields are sent when set. A nil slice or
// map is left out; an empty, non-nil one is sent empty
// (LANs: []KubernetesNodePoolLAN{} detaches every additional LAN). As in
// [KubernetesNodePoolSpec], ServerType, Taints and the LANs' v6 fields are
// refused on a Cloud API v5 client.
type KubernetesNodePoolUpdate struct {
	NodeCount         int
	Name              string
	K8sVersion        string
	MaintenanceWindow *MaintenanceWindow
	AutoScaling       *AutoScaling
	LANs              []KubernetesNodePoolLAN
	Labels            map[string]string
	Annotations       map[string]string
	PublicIPs         []string
	// ServerType changes the kind of server of the nodes (later v6).
	ServerType KubernetesServerType
	// Taints replace the nodes' taints (later v6); []KubernetesTaint{}
	// removes them all.
	Taints []KubernetesTaint
}

type nodePoolPutProperties struct {
	Name              string                  `json:"name,omitempty"`
	NodeCount         int                     `json:"nodeCount"`
	ServerType        KubernetesServerType    `json:"serverType,omitempty"`
	K8sVersion        string                  `json:"k8sVersion,omitempty"`
	MaintenanceWindow *MaintenanceWindow      `json:"maintenanceWindow,omitempty"`
	AutoScaling       *AutoScaling            `json:"autoScaling,omitempty"`
	LANs              []KubernetesNodePoolLAN `json:"lans,omitzero"`
	Labels            map[string]string       `json:"labels,omitzero"`
	Annotations       map[string]string       `json:"annotations,omitzero"`
	Taints            []KubernetesTaint       `json:"taints,omitzero"`
	PublicIPs         []string                `json:"publicIps,omitzero"`
}

func (u *KubernetesNodePoolUpdate) body(field string, v APIVersion) (*putBody[nodePoolPutProperties], error) {
	if err := checkNodeCount(field+".NodeCount", u.NodeCount); err != nil {
		return nil, err
	}
	if u.Name != "" {
		if err := checkK8sName(field+".Name", u.Name); err != nil {
			return nil, err
		}
	}
	if err := u.MaintenanceWindow.check(field + ".MaintenanceWindow"); err != nil {
		return nil, err
	}
	if err := u.AutoScaling.check(field + ".AutoScaling"); err != nil {
		return nil, err
	}
	if err := checkNodePoolV6Fields(field, v, u.ServerType, u.Taints); err != nil {
		return nil, err
	}
	if err := checkNodePoolLANs(field+".LANs", v, u.LANs); err != nil {
		return nil, err
	}
	return &putBody[nodePoolPutProperties]{Properties: nodePoolPutProperties{
		Name: u.Name, NodeCount: u.NodeCount, ServerType: u.ServerType, K8sVersion: u.K8sVersion, MaintenanceWindow: u.MaintenanceWindow,
		AutoScaling: u.AutoScaling, LANs: u.LANs, Labels: u.Labels, Annotations: u.Annotations, Taints: u.Taints, PublicIPs: u.PublicIPs,
	}}, nil
}

// KubernetesService manages Kubernetes clusters and their node pools
// (/k8s). Its writes answer no request to wait for: follow them with
// WaitForClusterActive, WaitForNodePoolActive and the Deleted waiters.
//
// A write that the API accepts without a body (Cloud API v6 answers some
// 202 with no content) succeeds with a nil resource, no error and the
// *Response: the create and update methods then return a nil cluster or
// node pool, so check for nil before using it, and read the resource (or
// wait on it) by its ID.
type KubernetesService struct{ c *Client }

// ListClusters returns every Kubernetes cluster.
func (s *KubernetesService) ListClusters(ctx context.Context, opts ...ListOption) ([]KubernetesCluster, *Response, error) {
	return list[KubernetesCluster](ctx, s.c, fixed("/k8s"), opts)
}

// GetCluster returns one cluster.
func (s *KubernetesService) GetCluster(ctx context.Context, clusterID string, opts ...ReadOption) (*KubernetesCluster, *Response, error) {
	return get[KubernetesCluster](ctx, s.c, at(pathOf("/k8s/{}", id("clusterID", clusterID))), opts)
}

// CreateCluster creates a cluster; it is ready when its state is ACTIVE
// (WaitForClusterActive). Location, NATGatewayIP and NodeSubnet of the spec
// (a private cluster) are Cloud API v6 only.
func (s *KubernetesService) CreateCluster(ctx context.Context, spec KubernetesClusterSpec, opts ...WriteOption) (*KubernetesCluster, *Response, error) {
	return write[KubernetesCluster](ctx, s.c, http.MethodPost, fixed("/k8s"), with(spec.body("KubernetesClusterSpec", s.c.version)), opts)
}

// UpdateCluster changes a cluster (PUT, with the {"properties": ...} body the
// API requires). Cloud API v5 answers 200 with the cluster; v6 answers 202
// (with the cluster, or without a body: then the cluster returned is nil)
// and names no request: wait for the change with WaitForClusterActive.
// The cluster may still read ACTIVE for a moment before the API starts the
// change.
func (s *KubernetesService) UpdateCluster(ctx context.Context, clusterID string, upd KubernetesClusterUpdate, opts ...WriteOption) (*KubernetesCluster, *Response, error) {
	err := firstError(checkK8sName("KubernetesClusterUpdate.Name", upd.Name), upd.MaintenanceWindow.check("KubernetesClusterUpdate.MaintenanceWindow"))
	return write[KubernetesCluster](ctx, s.c, http.MethodPut, at(pathOf("/k8s/{}", id("clusterID", clusterID))), with(&putBody[*KubernetesClusterUpdate]{Properties: &upd}, err), opts)
}

// DeleteCluster deletes a cluster (its node pools must be deleted first);
// WaitForClusterDeleted follows it.
func (s *KubernetesService) DeleteCluster(ctx context.Context, clusterID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(pathOf("/k8s/{}", id("clusterID", clusterID))), opts)
}

// GetKubeconfig returns the kubeconfig of a cluster, the YAML text that
// kubectl reads. It holds the cluster's credentials, so it is a [Secret]:
// Reveal gives the text, and it is never printed or logged.
//
// Cloud API v6 answers the file itself: the client asks for it with
// Accept: application/yaml (the API's default) and returns the body as it
// is. Should a v6 endpoint answer JSON instead (a JSON string, or v5's
// {"properties": {"kubeconfig": ...}}), the kubeconfig is taken from it; a
// kubeconfig written as a JSON object is returned as it is (kubectl reads
// JSON too). On v5 the client reads {"properties": {"kubeconfig": ...}}.
func (s *KubernetesService) GetKubeconfig(ctx context.Context, clusterID string, opts ...ReadOption) (Secret, *Response, error) {
	r := at(pathOf("/k8s/{}/kubeconfig", id("clusterID", clusterID)))
	if s.c.version == APIv5 {
		cfg, resp, err := get[kubernetesConfig](ctx, s.c, r, opts)
		if err != nil {
			return "", resp, err
		}
		return cfg.Properties.Kubeconfig, resp, nil
	}
	b, resp, err := getDocument(ctx, s.c, r, "application/yaml", opts)
	if err != nil {
		return "", resp, err
	}
	cfg, err := kubeconfigOf(b)
	if err != nil {
		return "", resp, fmt.Errorf("ionos: GET %s: %w", r.path, err)
	}
	return cfg, resp, nil
}

// kubeconfigOf takes the kubeconfig from the body of a v6 answer: the file
// itself, or a JSON string or v5 envelope holding it. Errors never quote the
// body, which holds credentials.
func kubeconfigOf(b []byte) (Secret, error) {
	trimmed := bytes.TrimSpace(b)
	var cfg Secret
	switch {
	case len(trimmed) == 0:
		return "", errors.New("the kubeconfig is empty")
	case trimmed[0] == '"':
		var s string
		if json.Unmarshal(trimmed, &s) != nil {
			return "", errors.New("the answer starts as a JSON string but is not one")
		}
		cfg = Secret(s)
	case trimmed[0] == '{':
		var env struct {
			Properties *struct {
				Kubeconfig Secret `json:"kubeconfig"`
			} `json:"properties"`
		}
		if json.Unmarshal(trimmed, &env) == nil && env.Properties != nil {
			cfg = env.Properties.Kubeconfig // v5's envelope
		} else {
			cfg = Secret(b) // the kubeconfig as JSON, or YAML in flow style
		}
	default:
		cfg = Secret(b)
	}
	if strings.TrimSpace(cfg.Reveal()) == "" {
		return "", errors.New("the kubeconfig is empty")
	}
	return cfg, nil
}

// getDocument reads the body at r as it is (GET, no depth unless the call
// sets one), asking for the media type accept: for answers that are files,
// not JSON resources.
func getDocument[O option](ctx context.Context, c *Client, r route, accept string, opts []O) ([]byte, *Response, error) {
	rb, resp, err := call[rawBody](ctx, c, &request{method: http.MethodGet, accept: accept}, r, noBody, opts)
	if err != nil {
		return nil, resp, err
	}
	if rb == nil {
		return nil, resp, fmt.Errorf("ionos: GET %s: %w", r.path, errEmptyBody)
	}
	return rb.b, resp, nil
}

// ListNodePools returns the node pools of a cluster.
func (s *KubernetesService) ListNodePools(ctx context.Context, clusterID string, opts ...ListOption) ([]KubernetesNodePool, *Response, error) {
	return list[KubernetesNodePool](ctx, s.c, at(pathOf("/k8s/{}/nodepools", id("clusterID", clusterID))), opts)
}

// GetNodePool returns one node pool.
func (s *KubernetesService) GetNodePool(ctx context.Context, clusterID, nodePoolID string, opts ...ReadOption) (*KubernetesNodePool, *Response, error) {
	return get[KubernetesNodePool](ctx, s.c, at(nodePoolPath(clusterID, nodePoolID)), opts)
}

// CreateNodePool creates a node pool in a cluster; it is ready when its state
// is ACTIVE (WaitForNodePoolActive).
func (s *KubernetesService) CreateNodePool(ctx context.Context, clusterID string, spec KubernetesNodePoolSpec, opts ...WriteOption) (*KubernetesNodePool, *Response, error) {
	return write[KubernetesNodePool](ctx, s.c, http.MethodPost, at(pathOf("/k8s/{}/nodepools", id("clusterID", clusterID))), with(spec.body("KubernetesNodePoolSpec", s.c.version)), opts)
}

// UpdateNodePool changes a node pool (PUT, {"properties": ...}); it is
// done when its state is ACTIVE again (WaitForNodePoolActive).
func (s *KubernetesService) UpdateNodePool(ctx context.Context, clusterID, nodePoolID string, upd KubernetesNodePoolUpdate, opts ...WriteOption) (*KubernetesNodePool, *Response, error) {
	return write[KubernetesNodePool](ctx, s.c, http.MethodPut, at(nodePoolPath(clusterID, nodePoolID)), with(upd.body("KubernetesNodePoolUpdate", s.c.version)), opts)
}

// DeleteNodePool deletes a node pool; WaitForNodePoolDeleted follows it.
func (s *KubernetesService) DeleteNodePool(ctx context.Context, clusterID, nodePoolID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(nodePoolPath(clusterID, nodePoolID)), opts)
}

func nodePoolPath(clusterID, nodePoolID string) (string, error) {
	return pathOf("/k8s/{}/nodepools/{}", id("clusterID", clusterID), id("nodePoolID", nodePoolID))
}

// ErrFailedState matches a *[FailedStateError].
var ErrFailedState = errors.New("ionos: the resource is in a failed state")

// FailedStateError is returned by the Kubernetes waiters when the cluster
// or node pool enters a FAILED state (FAILED, FAILED_SUSPENDED,
// FAILED_UPDATING, FAILED_DESTROYING): waiting longer would not help.
type FailedStateError struct {
	// Kind is "Kubernetes cluster" or "node pool".
	Kind  string
	ID    string
	State State
}

// Error names the resource and its state.
func (e *FailedStateError) Error() string {
	return "ionos: " + e.Kind + " " + e.ID + " is in state " + string(e.State)
}

// Is matches [ErrFailedState].
func (e *FailedStateError) Is(target error) bool { return target == ErrFailedState }

func isFailedState(state State) bool { return strings.HasPrefix(string(state), string(StateFailed)) }

// waitState polls get until the resource is ACTIVE (or, with gone, until
// get fails with [ErrNotFound]), failing at once on a FAILED* state.
func waitState[T any](ctx context.Context, c *Client, kind, resID string, gone bool, get func(ctx context.Context) (*T, State, error), opts []WaitOption) (*T, error) {
	return waitForState(ctx, c, kind, resID, StateActive, gone, get, opts)
}

// WaitForClusterActive polls a cluster until its state is ACTIVE and returns
// it. It fails at once with a *[FailedStateError] ([ErrFailedState]) when the
// state becomes FAILED, FAILED_SUSPENDED, FAILED_UPDATING or
// FAILED_DESTROYING, and with the API's error when a poll fails. It polls
// with the client's [WaitPolicy] (or [WithWaitPolicy]); the context is the only
// timeout. [WithProgress] sees the state at every poll.
func (s *KubernetesService) WaitForClusterActive(ctx context.Context, clusterID string, opts ...WaitOption) (*KubernetesCluster, error) {
	if err := id("clusterID", clusterID).check(); err != nil {
		return nil, err
	}
	return waitState(ctx, s.c, "Kubernetes cluster", clusterID, false, func(ctx context.Context) (*KubernetesCluster, State, error) {
		k, _, err := s.GetCluster(ctx, clusterID, WithDepth(0))
		if err != nil {
			return nil, "", err
		}
		return k, k.Metadata.State, nil
	}, opts)
}

// WaitForClusterDeleted polls a cluster until the API answers 404 for it. A
// FAILED* state (FAILED_DESTROYING) fails at once with a *[FailedStateError].
// Otherwise it behaves as WaitForClusterActive.
func (s *KubernetesService) WaitForClusterDeleted(ctx context.Context, clusterID string, opts ...WaitOption) error {
	if err := id("clusterID", clusterID).check(); err != nil {
		return err
	}
	_, err := waitState(ctx, s.c, "Kubernetes cluster", clusterID, true, func(ctx context.Context) (*KubernetesCluster, State, error) {
		k, _, err := s.GetCluster(ctx, clusterID, WithDepth(0))
		if err != nil {
			return nil, "", err
		}
		return k, k.Metadata.State, nil
	}, opts)
	return err
}

// WaitForNodePoolActive polls a node pool until its state is ACTIVE and
// returns it, as WaitForClusterActive does for a cluster.
func (s *KubernetesService) WaitForNodePoolActive(ctx context.Context, clusterID, nodePoolID string, opts ...WaitOption) (*KubernetesNodePool, error) {
	if _, err := nodePoolPath(clusterID, nodePoolID); err != nil {
		return nil, err
	}
	return waitState(ctx, s.c, "node pool", nodePoolID, false, func(ctx context.Context) (*KubernetesNodePool, State, error) {
		np, _, err := s.GetNodePool(ctx, clusterID, nodePoolID, WithDepth(0))
		if err != nil {
			return nil, "", err
		}
		return np, np.Metadata.State, nil
	}, opts)
}

// WaitForNodePoolDeleted polls a node pool until the API answers 404 for it,
// as WaitForClusterDeleted does for a cluster.
func (s *KubernetesService) WaitForNodePoolDeleted(ctx context.Context, clusterID, nodePoolID string, opts ...WaitOption) error {
	if _, err := nodePoolPath(clusterID, nodePoolID); err != nil {
		return err
	}
	_, err := waitState(ctx, s.c, "node pool", nodePoolID, true, func(ctx context.Context) (*KubernetesNodePool, State, error) {
		np, _, err := s.GetNodePool(ctx, clusterID, nodePoolID, WithDepth(0))
		if err != nil {
			return nil, "", err
		}
		return np, np.Metadata.State, nil
	}, opts)
	return err
}
