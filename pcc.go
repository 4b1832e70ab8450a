package ionos

// CrossConnectsService manages private cross-connects between data centers.
type CrossConnectsService struct{ c *Client }
