package ionos

import (
	"context"
	"strings"
)

// Location is a physical site where data centers can live, such as "de/fra".
type Location struct {
	ID         string             `json:"id"`
	Type       string             `json:"type,omitempty"`
	Href       string             `json:"href,omitempty"`
	Metadata   Metadata           `json:"metadata,omitzero"`
	Properties LocationProperties `json:"properties,omitzero"`
}

// LocationProperties describe a location. CPUArchitecture, GPUArchitecture
// and MetroRegion come from Cloud API v6 and are empty on v5.
type LocationProperties struct {
	Name         string   `json:"name,omitempty"`
	Features     []string `json:"features,omitempty"`
	ImageAliases []string `json:"imageAliases,omitempty"`
	// CPUArchitecture lists the CPU families servers can have here, with
	// their limits.
	CPUArchitecture []CPUArchitecture `json:"cpuArchitecture,omitempty"`
	// GPUArchitecture lists the GPU models GPU servers can have here.
	GPUArchitecture []GPUArchitecture `json:"gpuArchitecture,omitempty"`
	// MetroRegion is the metro region the location belongs to.
	MetroRegion string `json:"metroRegion,omitempty"`
}

// CPUArchitecture is a CPU family a location or data center offers
// (read-only, Cloud API v6): the most cores and RAM a server with it can
// have, and its vendor.
type CPUArchitecture struct {
	CPUFamily CPUFamily `json:"cpuFamily,omitempty"`
	MaxCores  int       `json:"maxCores"`
	MaxRAM    int       `json:"maxRam"` // MB
	Vendor    string    `json:"vendor,omitempty"`
	// EnabledFeatures are CPU features turned on, such as SEV-SNP
	// (Confidential Computing).
	EnabledFeatures []string `json:"enabledFeatures,omitempty"`
}

// GPUArchitecture is a GPU model a location or data center offers
// (read-only, Cloud API v6).
type GPUArchitecture struct {
	Vendor string `json:"vendor,omitempty"`
	Model  string `json:"model,omitempty"`
}

// LocationsService lists the API's locations (/locations).
type LocationsService struct{ c *Client }

// List returns every location. The client's default depth is sent unless
// [WithDepth] is given.
func (s *LocationsService) List(ctx context.Context, opts ...ListOption) ([]Location, *Response, error) {
	return list[Location](ctx, s.c, fixed("/locations"), opts)
}

// ListRegion returns the locations of one region, such as "de".
func (s *LocationsService) ListRegion(ctx context.Context, regionID string, opts ...ListOption) ([]Location, *Response, error) {
	if strings.Contains(regionID, "/") {
		return nil, nil, invalid("regionID", "%q is a location, not a region (use Get)", regionID)
	}
	return list[Location](ctx, s.c, at(pathOf("/locations/{}", id("regionID", regionID))), opts)
}

// Get returns one location by its ID, "region/city" such as "de/fra" (the
// slash is part of the path: /locations/de/fra).
func (s *LocationsService) Get(ctx context.Context, locationID string, opts ...ReadOption) (*Location, *Response, error) {
	region, city, ok := strings.Cut(locationID, "/")
	if !ok || strings.Contains(city, "/") {
		return nil, nil, invalid("locationID", "%q is not a location ID such as \"de/fra\"", locationID)
	}
	return get[Location](ctx, s.c, at(pathOf("/locations/{}/{}", id("locationID region", region), id("locationID city", city))), opts)
}
