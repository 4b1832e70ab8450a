package ionos

// IPBlocksService reserves and releases blocks of public IPs.
type IPBlocksService struct{ c *Client }
