// Command list-datacenters prints the data centers of the account: the
// Python SDK's "List Data Centers" example.
//
//	go run ./examples/list-datacenters -emulate
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, c *ionos.Client, out io.Writer) error {
	n := 0
	for dc, err := range c.Datacenters.All(ctx) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", dc.ID, dc.Properties.Location, dc.Metadata.State, dc.Properties.Name)
	}
	fmt.Fprintf(out, "%d data center(s)\n", n)
	return nil
}
