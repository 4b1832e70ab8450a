package ionos

// GroupsService manages user groups, their members and their shares.
type GroupsService struct{ c *Client }

// UsersService manages the users of the contract.
type UsersService struct{ c *Client }

// ResourcesService lists the resources the user can reach.
type ResourcesService struct{ c *Client }
