package ionos

// The values the API owns (types, zones, protocols, states) are open enums:
// a named string type with the values known when this SDK was written as
// constants. Any string converts (ionos.VolumeType("SSD Premium Plus")), so
// a value the API adds tomorrow can be sent and read today; the SDK never
// refuses one.

// VolumeType is the hardware type of a volume ([VolumeSpec].Type).
type VolumeType string

// Volume types the API lists.
const (
	VolumeTypeHDD         VolumeType = "HDD"
	VolumeTypeSSD         VolumeType = "SSD"
	VolumeTypeSSDStandard VolumeType = "SSD Standard"
	VolumeTypeSSDPremium  VolumeType = "SSD Premium"
	VolumeTypeDAS         VolumeType = "DAS"
	VolumeTypeISO         VolumeType = "ISO"
)

// Bus is the bus a volume is attached with ([VolumeSpec].Bus).
type Bus string

// Volume buses.
const (
	BusVIRTIO Bus = "VIRTIO"
	BusIDE    Bus = "IDE"
)

// LicenceType is the operating system licence of a volume, image or
// snapshot.
type LicenceType string

// Licence types the API listed when this SDK was written.
const (
	LicenceLinux       LicenceType = "LINUX"
	LicenceWindows     LicenceType = "WINDOWS"
	LicenceWindows2016 LicenceType = "WINDOWS2016"
	LicenceWindows2022 LicenceType = "WINDOWS2022"
	LicenceOther       LicenceType = "OTHER"
	LicenceUnknown     LicenceType = "UNKNOWN"
)

// AvailabilityZone is where in a location a server, volume or node pool
// runs. ZONE_3 exists for volumes only.
type AvailabilityZone string

// Availability zones.
const (
	ZoneAuto AvailabilityZone = "AUTO"
	Zone1    AvailabilityZone = "ZONE_1"
	Zone2    AvailabilityZone = "ZONE_2"
	Zone3    AvailabilityZone = "ZONE_3"
)

// CPUFamily is the CPU of a server or a node pool's nodes. The families a
// location offers are in its properties (cpuArchitecture).
type CPUFamily string

// CPU families the API offered when this SDK was written.
const (
	CPUFamilyAMDOpteron   CPUFamily = "AMD_OPTERON"
	CPUFamilyIntelXeon    CPUFamily = "INTEL_XEON"
	CPUFamilyIntelSkylake CPUFamily = "INTEL_SKYLAKE"
)

// StorageType is the storage of a Kubernetes node pool's nodes.
type StorageType string

// Storage types of node pools.
const (
	StorageHDD StorageType = "HDD"
	StorageSSD StorageType = "SSD"
)

// Protocol is the protocol a firewall rule matches.
type Protocol string

// Firewall rule protocols.
const (
	ProtocolTCP  Protocol = "TCP"
	ProtocolUDP  Protocol = "UDP"
	ProtocolICMP Protocol = "ICMP"
	ProtocolANY  Protocol = "ANY"
	// ICMPv6, GRE, VRRP, ESP and AH are taken by the live API v6 only.
	ProtocolICMPv6 Protocol = "ICMPv6"
	ProtocolGRE    Protocol = "GRE"
	ProtocolVRRP   Protocol = "VRRP"
	ProtocolESP    Protocol = "ESP"
	ProtocolAH     Protocol = "AH"
)

// FirewallType is the direction of traffic a NIC's firewall filters
// ([NICSpec].FirewallType, API v6 only).
type FirewallType string

// NIC firewall types.
const (
	FirewallTypeIngress       FirewallType = "INGRESS"
	FirewallTypeEgress        FirewallType = "EGRESS"
	FirewallTypeBidirectional FirewallType = "BIDIRECTIONAL"
)

// FirewallRuleType is the direction of traffic a firewall rule matches
// ([FirewallRuleSpec].Type, API v6 only); the API's default is INGRESS.
type FirewallRuleType string

// Firewall rule types.
const (
	FirewallRuleIngress FirewallRuleType = "INGRESS"
	FirewallRuleEgress  FirewallRuleType = "EGRESS"
)

// IPVersion is the IP version a firewall rule applies to
// ([FirewallRuleSpec].IPVersion, API v6 only).
type IPVersion string

// IP versions.
const (
	IPv4 IPVersion = "IPv4"
	IPv6 IPVersion = "IPv6"
)

// State is the state of a resource ([Metadata].State).
type State string

// States of resources. Kubernetes clusters and node pools go through more
// of them than the others; a state that starts with FAILED is a failure.
const (
	StateAvailable        State = "AVAILABLE"
	StateBusy             State = "BUSY"
	StateInactive         State = "INACTIVE"
	StateDeploying        State = "DEPLOYING"
	StateActive           State = "ACTIVE"
	StateFailed           State = "FAILED"
	StateSuspended        State = "SUSPENDED"
	StateFailedSuspended  State = "FAILED_SUSPENDED"
	StateUpdating         State = "UPDATING"
	StateFailedUpdating   State = "FAILED_UPDATING"
	StateDestroying       State = "DESTROYING"
	StateFailedDestroying State = "FAILED_DESTROYING"
	StateTerminated       State = "TERMINATED"
)

// ServerType is the kind of a server (Cloud API v6; [ServerSpec].Type).
// ENTERPRISE servers (dedicated cores) are sized by cores and RAM; CUBE
// servers take their size from a template; VCPU servers have shared cores;
// GPU servers come from a template with GPUs.
type ServerType string

// Server types the API listed when this SDK was written.
const (
	ServerTypeEnterprise ServerType = "ENTERPRISE"
	ServerTypeCube       ServerType = "CUBE"
	ServerTypeVCPU       ServerType = "VCPU"
	ServerTypeGPU        ServerType = "GPU"
)

// BootOrder says whether and how a volume is offered as a boot device
// (Cloud API v6; [VolumeSpec].BootOrder).
type BootOrder string

// Boot orders. AUTO (the API's default) lets the API choose; PRIMARY makes
// the volume the server's boot device; NONE never boots from it.
const (
	BootOrderAuto    BootOrder = "AUTO"
	BootOrderNone    BootOrder = "NONE"
	BootOrderPrimary BootOrder = "PRIMARY"
)
