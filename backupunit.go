package ionos

// BackupUnitsService manages backup units.
type BackupUnitsService struct{ c *Client }
