// Command opgen generates the operation table of package ionos
// (operations_gen.go) or the emulator's schema tables
// (ionostest/schema_gen.go) from the OpenAPI documents in api/. It is run
// by go generate:
//
//	opgen -api api -o operations_gen.go operations
//	opgen -api ../api -o schema_gen.go schemas
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ionos-go/ionos/internal/opgen"
)

func main() {
	api := flag.String("api", "api", "directory of the OpenAPI documents")
	out := flag.String("o", "", "output file (default: standard output)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: opgen [-api dir] [-o file] operations|schemas")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(*api, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run generates the file named by args into out.
func run(api, out string, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("opgen: want one argument, operations or schemas")
	}
	specs, err := opgen.Load(api)
	if err != nil {
		return err
	}
	var src []byte
	switch args[0] {
	case "operations":
		src, err = specs.GenerateOperations()
	case "schemas":
		src, err = specs.GenerateSchemas()
	default:
		return fmt.Errorf("opgen: unknown output %q, want operations or schemas", args[0])
	}
	if err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.Write(src)
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
