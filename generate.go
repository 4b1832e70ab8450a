package ionos

// The operation table (operations_gen.go) is generated from the OpenAPI
// documents in api/; run go generate ./... after changing them.
//go:generate go run ./internal/cmd/opgen -api api -o operations_gen.go operations
