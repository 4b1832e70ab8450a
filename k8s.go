package ionos

// KubernetesService manages Kubernetes clusters and their node pools.
type KubernetesService struct{ c *Client }
