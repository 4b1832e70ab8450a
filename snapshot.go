package ionos

// SnapshotsService reads, changes and deletes volume snapshots.
type SnapshotsService struct{ c *Client }
