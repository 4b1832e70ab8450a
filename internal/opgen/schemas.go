package opgen

import (
	"fmt"
	"slices"
)

// Resource names the schemas whose writable properties make up what the
// emulator accepts for one resource type. The first schema is the create
// body's properties; the others add what other writes (PUT, PATCH) take.
type Resource struct {
	Type    string // the emulator's resource type: the API's "type" value
	Schemas []string
}

// ResourcesV5 are the v5 tables of ionostest/schema_gen.go. The choice of
// schema per type is the one the original one-off script made (it shows in
// the properties it produced): mostly XxxProperties, but UserPropertiesPost
// for users and KubernetesClusterPropertiesForPost for clusters, while node
// pools use KubernetesNodePoolProperties, not its ForPost variant, and so
// accept availableUpgradeVersions.
var ResourcesV5 = []Resource{
	{"backupunit", []string{"BackupUnitProperties"}},
	{"datacenter", []string{"DatacenterProperties"}},
	{"firewall-rule", []string{"FirewallruleProperties"}},
	{"group", []string{"GroupProperties"}},
	{"image", []string{"ImageProperties"}},
	{"ipblock", []string{"IpBlockProperties"}},
	{"k8s", []string{"KubernetesClusterPropertiesForPost"}},
	{"lan", []string{"LanProperties"}},
	{"loadbalancer", []string{"LoadbalancerProperties"}},
	{"nic", []string{"NicProperties"}},
	{"nodepool", []string{"KubernetesNodePoolProperties"}},
	{"pcc", []string{"PrivateCrossConnectProperties"}},
	{"resource", []string{"GroupShareProperties"}},
	{"s3key", []string{"S3KeyProperties"}},
	{"server", []string{"ServerProperties"}},
	{"snapshot", []string{"SnapshotProperties"}},
	{"user", []string{"UserPropertiesPost"}},
	{"volume", []string{"VolumeProperties"}},
}

// ResourcesV6 are the v6 tables of ionostest/schema_gen.go, from the live
// v6 schemas (cloudapi-v6.yaml amended by cloudapi-v6-later.yaml): the v5
// types, with the live create and update schemas of data centers and the
// create schema of node pools, and the resource types v6 added. Network
// and application load balancers' forwarding rules share the API type
// "forwarding-rule"; they are keyed by their parent's type here.
var ResourcesV6 = []Resource{
	{"applicationloadbalancer", []string{"ApplicationLoadBalancerProperties"}},
	{"applicationloadbalancer-forwarding-rule", []string{"ApplicationLoadBalancerForwardingRuleProperties"}},
	{"backupunit", []string{"BackupUnitProperties"}},
	{"datacenter", []string{"DatacenterPropertiesPost", "DatacenterPropertiesPut"}},
	{"firewall-rule", []string{"FirewallruleProperties"}},
	{"flow-log", []string{"FlowLogProperties"}},
	{"group", []string{"GroupProperties"}},
	{"image", []string{"ImageProperties"}},
	{"ipblock", []string{"IpBlockProperties"}},
	{"k8s", []string{"KubernetesClusterPropertiesForPost", "KubernetesClusterPropertiesForPut"}},
	{"label", []string{"LabelResourceProperties"}},
	{"lan", []string{"LanProperties"}},
	{"loadbalancer", []string{"LoadbalancerProperties"}},
	{"natgateway", []string{"NatGatewayProperties"}},
	{"natgateway-rule", []string{"NatGatewayRuleProperties"}},
	{"networkloadbalancer", []string{"NetworkLoadBalancerProperties"}},
	{"networkloadbalancer-forwarding-rule", []string{"NetworkLoadBalancerForwardingRuleProperties"}},
	{"nic", []string{"NicProperties"}},
	{"nodepool", []string{"KubernetesNodePoolPropertiesForPost", "KubernetesNodePoolPropertiesForPut"}},
	{"pcc", []string{"PrivateCrossConnectProperties"}},
	{"resource", []string{"GroupShareProperties"}},
	{"s3key", []string{"S3KeyProperties"}},
	{"security-group", []string{"SecurityGroupProperties"}},
	{"server", []string{"ServerProperties"}},
	{"snapshot", []string{"SnapshotProperties"}},
	{"target-group", []string{"TargetGroupProperties"}},
	{"user", []string{"UserPropertiesPost", "UserPropertiesPut"}},
	{"volume", []string{"VolumeProperties"}},
}

// Prop is the JSON kind (and string enum, if any) of a writable property.
type Prop struct {
	Name string
	Kind string // string, integer, number, boolean, array or object
	Enum []string
}

// ResourceProps is a resource type's writable properties (sorted by
// name) and the properties its create schema requires (in spec order).
type ResourceProps struct {
	Resource
	Props    []Prop
	Required []string
}

// resourceProps computes the tables of the given resources from a set of
// component schemas.
func resourceProps(rs []Resource, schemas map[string]*schema) ([]ResourceProps, error) {
	out := make([]ResourceProps, 0, len(rs))
	for _, r := range rs {
		rp := ResourceProps{Resource: r}
		byName := map[string]Prop{}
		for i, name := range r.Schemas {
			s := schemas[name]
			if s == nil {
				return nil, fmt.Errorf("opgen: %s: schema %s is not defined", r.Type, name)
			}
			if s.DefinedIn != "" {
				return nil, fmt.Errorf("opgen: %s: schema %s is a placeholder", r.Type, name)
			}
			if i == 0 {
				rp.Required = slices.Clone(s.Required)
			}
			for pname, ps := range s.Properties {
				if ps.ReadOnly {
					continue
				}
				p, err := propOf(pname, ps, schemas)
				if err != nil {
					return nil, fmt.Errorf("opgen: %s: %s.%s: %w", r.Type, name, pname, err)
				}
				if old, dup := byName[pname]; dup {
					if old.Kind != p.Kind || !slices.Equal(old.Enum, p.Enum) {
						return nil, fmt.Errorf("opgen: %s: property %s differs between %v", r.Type, pname, r.Schemas)
					}
					continue
				}
				byName[pname] = p
			}
		}
		if len(byName) == 0 {
			return nil, fmt.Errorf("opgen: %s: no writable properties in %v", r.Type, r.Schemas)
		}
		for _, p := range byName {
			rp.Props = append(rp.Props, p)
		}
		slices.SortFunc(rp.Props, func(a, b Prop) int {
			switch {
			case a.Name < b.Name:
				return -1
			case a.Name > b.Name:
				return 1
			}
			return 0
		})
		out = append(out, rp)
	}
	return out, nil
}

// propOf reads a property's kind and enum, following a $ref (or a single
// allOf of a $ref) to the schema that has them.
func propOf(name string, s *schema, schemas map[string]*schema) (Prop, error) {
	for depth := 0; ; depth++ {
		if depth > 8 {
			return Prop{}, fmt.Errorf("reference loop")
		}
		var ref string
		switch {
		case s.Ref != "":
			ref = s.Ref
		case len(s.AllOf) == 1 && s.AllOf[0].Ref != "" && (s.Type == "" || s.Type == "object"):
			// {allOf: [$ref]}, or the reference document's
			// {allOf: [$ref], type: object} for an enum, which the API
			// takes as the referenced type (a string).
			ref = s.AllOf[0].Ref
		}
		if ref == "" {
			break
		}
		target, err := refName(ref, "schemas")
		if err != nil {
			return Prop{}, err
		}
		if s = schemas[target]; s == nil {
			return Prop{}, fmt.Errorf("schema %s is not defined", target)
		}
	}
	p := Prop{Name: name, Kind: s.Type}
	switch s.Type {
	case "string", "integer", "number", "boolean", "array", "object":
	case "":
		if len(s.Properties) == 0 && len(s.AllOf) == 0 {
			return Prop{}, fmt.Errorf("no type")
		}
		p.Kind = "object"
	default:
		return Prop{}, fmt.Errorf("unsupported type %q", s.Type)
	}
	for _, v := range s.Enum {
		str, ok := v.(string)
		if !ok || s.Type != "string" {
			return Prop{}, fmt.Errorf("enum value %v is not a string", v)
		}
		p.Enum = append(p.Enum, str)
	}
	return p, nil
}

// ResourcesV5Props computes the v5 tables.
func (s *Specs) ResourcesV5Props() ([]ResourceProps, error) {
	return resourceProps(ResourcesV5, s.v5.Components.Schemas)
}

// ResourcesV6Props computes the v6 tables from the live v6 schemas.
func (s *Specs) ResourcesV6Props() ([]ResourceProps, error) {
	return resourceProps(ResourcesV6, s.v6Schemas)
}
