package ionos

// S3KeysService manages a user's S3 object storage keys.
type S3KeysService struct{ c *Client }
