package ionos

// ContractsService reads the contract and its limits.
type ContractsService struct{ c *Client }
