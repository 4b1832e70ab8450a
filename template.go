package ionos

import (
	"context"
	"iter"
)

// Template is one of the fixed sizes of CUBE servers (Cloud API v6): a
// server of type CUBE is created from a template ([ServerSpec].TemplateID)
// and takes its cores, RAM and storage size from it.
type Template struct {
	ID         string             `json:"id"`
	Type       string             `json:"type,omitempty"`
	Href       string             `json:"href,omitempty"`
	Metadata   Metadata           `json:"metadata,omitzero"`
	Properties TemplateProperties `json:"properties"`
}

// TemplateProperties are a template's sizes. The API types them as numbers.
type TemplateProperties struct {
	Name string `json:"name"`
	// Cores is the number of CPU cores.
	Cores float64 `json:"cores"`
	// RAM is the memory in MB.
	RAM float64 `json:"ram"`
	// StorageSize is the size of the server's DAS volume in GB.
	StorageSize float64 `json:"storageSize"`
}

// TemplatesService lists the templates of CUBE servers (Cloud API v6; a v5
// client refuses these calls before sending).
type TemplatesService struct{ c *Client }

// List returns every template.
func (s *TemplatesService) List(ctx context.Context, opts ...ListOption) ([]Template, *Response, error) {
	return list[Template](ctx, s.c, fixed("/templates"), opts)
}

// All iterates over the templates page by page.
func (s *TemplatesService) All(ctx context.Context, opts ...ListOption) iter.Seq2[Template, error] {
	return all[Template](ctx, s.c, fixed("/templates"), opts)
}

// Get returns one template.
func (s *TemplatesService) Get(ctx context.Context, templateID string, opts ...ReadOption) (*Template, *Response, error) {
	return get[Template](ctx, s.c, at(pathOf("/templates/{}", id("templateID", templateID))), opts)
}
