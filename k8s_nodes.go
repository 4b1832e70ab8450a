package ionos

import (
	"context"
	"net/http"
	"time"
)

// KubernetesNode is one node of a node pool as the API returns it.
type KubernetesNode struct {
	ID         string                   `json:"id"`
	Type       string                   `json:"type,omitempty"`
	Href       string                   `json:"href,omitempty"`
	Metadata   KubernetesNodeMetadata   `json:"metadata,omitzero"`
	Properties KubernetesNodeProperties `json:"properties,omitzero"`
}

// KubernetesNodeMetadata tells a node's state: PROVISIONING, PROVISIONED,
// READY, TERMINATING, REBUILDING, BUSY or UNKNOWN.
type KubernetesNodeMetadata struct {
	Etag                    string    `json:"etag,omitempty"`
	CreatedDate             time.Time `json:"createdDate,omitzero"`
	LastModifiedDate        time.Time `json:"lastModifiedDate,omitzero"`
	LastSoftwareUpdatedDate time.Time `json:"lastSoftwareUpdatedDate,omitzero"`
	State                   State     `json:"state,omitempty"`
}

// KubernetesNodeProperties are a node's name, IPs and Kubernetes version.
type KubernetesNodeProperties struct {
	Name       string `json:"name,omitempty"`
	PublicIP   string `json:"publicIP,omitempty"`
	PrivateIP  string `json:"privateIP,omitempty"`
	K8sVersion string `json:"k8sVersion,omitempty"`
}

func nodePath(clusterID, nodePoolID, nodeID, suffix string) (string, error) {
	return pathOf("/k8s/{}/nodepools/{}/nodes/{}"+suffix, id("clusterID", clusterID), id("nodePoolID", nodePoolID), id("nodeID", nodeID))
}

// ListNodes returns the nodes of a node pool.
func (s *KubernetesService) ListNodes(ctx context.Context, clusterID, nodePoolID string, opts ...ListOption) ([]KubernetesNode, *Response, error) {
	return list[KubernetesNode](ctx, s.c, at(pathOf("/k8s/{}/nodepools/{}/nodes", id("clusterID", clusterID), id("nodePoolID", nodePoolID))), opts)
}

// GetNode returns one node of a node pool.
func (s *KubernetesService) GetNode(ctx context.Context, clusterID, nodePoolID, nodeID string, opts ...ReadOption) (*KubernetesNode, *Response, error) {
	return get[KubernetesNode](ctx, s.c, at(nodePath(clusterID, nodePoolID, nodeID, "")), opts)
}

// DeleteNode deletes a node; the node pool replaces it to keep its size. Like
// every Kubernetes write it returns no request: watch the node pool's nodes
// (ListNodes) to follow it.
func (s *KubernetesService) DeleteNode(ctx context.Context, clusterID, nodePoolID, nodeID string, opts ...WriteOption) (*Response, error) {
	return del(ctx, s.c, at(nodePath(clusterID, nodePoolID, nodeID, "")), opts)
}

// ReplaceNode rebuilds a node from scratch (POST .../nodes/{id}/replace).
func (s *KubernetesService) ReplaceNode(ctx context.Context, clusterID, nodePoolID, nodeID string, opts ...WriteOption) (*Response, error) {
	return act(ctx, s.c, http.MethodPost, at(nodePath(clusterID, nodePoolID, nodeID, "/replace")), noBody, opts)
}

// ListVersions returns the Kubernetes versions clusters can run (GET
// /k8s/versions).
func (s *KubernetesService) ListVersions(ctx context.Context, opts ...ReadOption) ([]string, *Response, error) {
	v, resp, err := getRaw[[]string](ctx, s.c, fixed("/k8s/versions"), opts)
	if err != nil {
		return nil, resp, err
	}
	return *v, resp, nil
}

// DefaultVersion returns the version a new cluster gets when none is given
// (GET /k8s/versions/default).
func (s *KubernetesService) DefaultVersion(ctx context.Context, opts ...ReadOption) (string, *Response, error) {
	v, resp, err := getRaw[string](ctx, s.c, fixed("/k8s/versions/default"), opts)
	if err != nil {
		return "", resp, err
	}
	return *v, resp, nil
}

// CompatibleVersions returns the versions that node pools of a cluster
// running clusterVersion can run (GET
// /k8s/versions/{clusterVersion}/compatibilities). It is Cloud API v5 only:
// v6 removed the call, so on a v6 client it fails before sending with a
// *[VersionError] ([ErrUnsupportedVersion]); read a cluster's
// ViableNodePoolVersions instead.
func (s *KubernetesService) CompatibleVersions(ctx context.Context, clusterVersion string, opts ...ReadOption) ([]string, *Response, error) {
	v, resp, err := getRaw[[]string](ctx, s.c, at(pathOf("/k8s/versions/{}/compatibilities", id("clusterVersion", clusterVersion))), opts)
	if err != nil {
		return nil, resp, err
	}
	return *v, resp, nil
}
