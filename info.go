package ionos

import (
	"context"
)

// APIInfo describes the API endpoint (GET /).
type APIInfo struct {
	Href    string `json:"href"`
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Info returns the name and version of the API at the client's base URL. It
// is a cheap way to check that the endpoint and the credentials work.
func (c *Client) Info(ctx context.Context, opts ...ReadOption) (*APIInfo, *Response, error) {
	return getRaw[APIInfo](ctx, c, fixed("/"), opts)
}
