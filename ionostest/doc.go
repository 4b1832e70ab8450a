// Package ionostest is a stateful, in-process fake of the IONOS Cloud API
// for tests: a real HTTP server on loopback that serves every operation of
// the SDK on Cloud API v6 (BasePathV6, the default) and v5 (BasePath), on
// one state, with the API's envelopes, depth rendering, pagination,
// asynchronous requests, errors and rate-limit headers, the Auth API's
// tokens (AuthPath), plus fault injection. The command ionos-emulator serves
// the same fake standalone.
//
// # Versions
//
// On v6 it behaves as the live v6 where that differs from v5: /contracts is
// a collection; a kubeconfig is the YAML file itself (a JSON string when
// the Accept header asks for JSON); PUT /k8s/{id} answers 202; the
// Kubernetes compatibilities call is gone; /templates lists the fixed sizes
// of CUBE servers, and a CUBE server needs a template and takes its cores
// and RAM from it; deleting a server with deleteVolumes=true deletes its
// attached volumes; snapshot create and restore take JSON; bodies are
// checked against the live v6 schemas. WithAPIVersion chooses which version
// Server.URL and Client speak.
//
// Application load balancers, their forwarding rules and target groups are
// v6 only, with the API's rules: an ALB's listenerLan and targetLan are
// LANs of its data center; a FORWARD HTTP rule's targetGroup exists; a
// target group that an HTTP rule forwards to cannot be deleted (422); an
// ALB created with entities.forwardingrules has them at once.
//
//	srv := ionostest.NewServer()
//	defer srv.Close()
//	c := srv.Client()
//	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "x", Location: "us/las"})
//	_, err = c.WaitForCompletion(ctx, resp)
//
// # Model
//
// Resources are kept as a generic tree of JSON properties. Resources carry
// the API's envelope (id, type, href, metadata, properties, entities), and
// hrefs are absolute, built from the Host of each request. depth (default
// 0) is rendered as the API documents it: 0 has no entities, 1 has entities
// holding references, 2 the children's properties, 3 the grandchildren's,
// and so on. The lists the spec paginates take offset and limit (default
// 1000; 100 for /ipblocks, /um/users and /targetgroups, which takes at most
// 200) and carry _links prev/self/next.
//
// Writes answer 202 (as the spec declares: 200 for S3 keys and cluster
// PUTs) with a Location header naming a request that goes QUEUED, RUNNING,
// then DONE (or FAILED, see FailRequests) on the schedule set by
// WithCompletionDelay (default: DONE at once, for fast unit tests; the
// ionos-emulator command defaults to a second, as the live API takes for
// small writes); the written resources,
// and the data center they live in, show metadata.state BUSY until then.
// PATCH merges flat properties, PUT replaces body.properties. Deletions
// (and detachments) take effect when their request is DONE; a request that
// FAILED undoes its changes at that moment. Kubernetes clusters and node
// pools have no request URL: they go DEPLOYING (or UPDATING, DESTROYING)
// then ACTIVE (or gone) after WithK8sDelay. Time comes from WithClock.
//
// Creating a data center with entities (servers with volumes, NICs with
// firewall rules, CD-ROMs; volumes; LANs; load balancers) creates them all in
// one atomic change; {"id": ...} items attach existing volumes; a NIC's
// missing LAN is created, as the API does; the first volume becomes the boot
// volume.
//
// Mistakes get the API's answers and error body {"httpStatus": N,
// "messages": [{"errorCode", "message"}]}: 401 for wrong credentials, 404
// "Resource does not exist" for unknown IDs and their children, 405 for a
// method a known path does not serve, 400 for invalid JSON, 422 "Attribute
// 'x' is required" and 422 for values of the wrong JSON type or outside an
// enum of the spec (types and enums are generated from cloudapi-v5.yaml) and
// for the rules the API enforces (RAM a multiple of 256, a known location,
// an image in the data center's location, imagePassword or sshKeys for a
// public HDD image, unique user e-mail...). Unknown and read-only attributes
// are ignored. As the live v5 API did, a JSON string that holds a valid
// number or boolean is accepted where the spec wants one ("public": "true",
// "size": "2", "lan": "1", as the Python SDK sends them) and stored with its
// proper type; a string that holds none ("yes", "2.5" for an integer) is a
// 422.
//
// Answers follow the live API where the spec's descriptions say more than
// its schemas: unset optional attributes read null (a volume's image, a
// firewall rule's filters, a NIC's nat), a volume attached to no server has
// bus and deviceNumber null, sshKeys always reads null, an IP block lists
// its ipConsumers. A conformance test validates every answer of a
// walkthrough of all operations against the response schemas of
// api/cloudapi-v5.yaml, strictly, except for the places where the document
// itself is wrong (specErrata in conformance_test.go).
//
// The fake starts with the public locations us/las, us/ewr, de/fra,
// de/fkb, de/txl, gb/lhr, es/vit and fr/par, each with its CPU families (the
// first is a server's default cpuFamily) and the same public images: Ubuntu
// 22.04 and 20.04, Debian 12 and 11, CentOS 7, Rocky Linux 9 and Windows
// Server 2022 and 2019 HDD images, and Ubuntu, Debian, Rocky and Windows
// ISOs, with the API's aliases ("ubuntu:latest", "debian:12",
// "windows:2022", "ubuntu:latest_iso", ...); and a contract whose limits
// count what exists.
//
// # Network load balancers
//
// Cloud API v6 serves network load balancers and their forwarding rules
// (/datacenters/{dc}/networkloadbalancers/...) with every operation, depth
// and the usual asynchronous requests; v5 answers 404. Besides the
// schema's types, enums and required attributes, it refuses with 422:
// a listenerLan or targetLan that is not a LAN of the data center, or the
// same LAN for both; a listenerPort outside 1..65535; a target whose ip is
// not an IP of a NIC of a server in the data center, whose port is outside
// 1..65535 or whose weight is outside 0..256; health check retries outside
// 0..65535. It does not check that the load balancer's ips are reserved by
// the contract, nor that a rule's listenerIp is one of them. A load
// balancer created without lbPrivateIps gets a made-up /24 one; unset
// health check settings read the API's documented defaults; a write of a
// forwarding rule keeps its load balancer BUSY until the request is DONE;
// the v6 contract's nlbProvisioned counts them.
//
// # Tokens
//
// The Auth API v1 is served on the same host under AuthPath (/auth/v1), so
// that a client's derived Auth API URL reaches it: Tokens.Generate returns
// a JWT-shaped token (not signed) that authenticates this server's Cloud
// and Auth APIs until it expires or is deleted; list, get and delete (by ID
// or by the criteria EXPIRED, CURRENT and ALL) work as the API documents.
// Tokens are not part of Snapshot.
//
// # Faults and counters
//
// InjectFault makes chosen or random requests answer 5xx (JSON or a
// gateway's HTML page), reset the connection before or after processing,
// truncate the body, or wait. WithRateLimit answers 429 with Retry-After
// beyond a budget; X-RateLimit-Limit, -Remaining and -Burst are always sent
// (without a rate limit they describe a bucket of 10000 that refills at a
// million a minute, which no test empties).
// Connections counts accepted TCP connections and Hits the requests per
// route.
//
// # Limits of fidelity
//
// The fake is not the API: it does not provision anything, so IPs, MACs,
// kubeconfigs and SSO URLs are made up; it keeps no per-user permissions
// (every user is the contract owner; shares are stored but not enforced);
// it does not enforce the contract's resource limits; a node pool's nodes
// are derived from its node count, so deleting or replacing one answers 202
// and changes nothing; labels take effect at once, as the API's label writes
// do; request filters match substrings; a server's cpuFamily is not checked
// against its location's CPU families, which v5 answers do not show (they
// are v6's cpuArchitecture); every request takes the same time.
//
// The state lives in memory behind one mutex; each request's change is
// atomic. Snapshot and Restore export and import it.
package ionostest
