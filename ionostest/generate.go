package ionostest

// The schema tables (schema_gen.go) are generated from the OpenAPI
// documents in ../api/; run go generate ./... after changing them.
//go:generate go run ../internal/cmd/opgen -api ../api -o schema_gen.go schemas
