// Package ionostest is a stateful, in-process fake of the IONOS Cloud API v5
// for tests: a real HTTP server on loopback that serves every operation of
// the Python SDK 5.2.0 surface (121 verb and path pairs, plus the spec's PUTs
// and a few reads) with the API's envelopes, depth rendering, pagination,
// asynchronous requests, errors and rate-limit headers, plus fault
// injection. The command ionos-emulator serves the same fake standalone.
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
// 1000; 100 for /ipblocks and /um/users) and carry _links prev/self/next.
//
// Writes answer 202 with a Location header naming a request that goes
// QUEUED, RUNNING, then DONE (or FAILED, see FailRequests) on the schedule
// set by WithCompletionDelay (default: DONE at once); the written resources,
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
// are ignored.
//
// The fake starts with the locations us/las, us/ewr, de/fra, de/fkb, de/txl
// and gb/lhr, each with public Ubuntu, Debian, CentOS and Windows HDD and
// CD-ROM images (aliases such as "ubuntu:latest" on the locations), and a
// contract whose limits count what exists.
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
// do; request
// filters match substrings; the Python SDK's string-typed booleans and
// integers ("true", "2"), which the real API tolerated, are refused with 422
// as the spec's types say.
//
// The state lives in memory behind one mutex; each request's change is
// atomic. Snapshot and Restore export and import it.
package ionostest
