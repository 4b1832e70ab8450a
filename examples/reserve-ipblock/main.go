// Command reserve-ipblock reserves a block of public IPs, waits until it is
// ready and prints its addresses: the Python SDK's "Reserve an IP Block"
// example. With -release it gives the block back afterwards.
//
//	go run ./examples/reserve-ipblock -emulate -release
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

var (
	location = flag.String("location", "us/las", "location ID")
	size     = flag.Int("size", 5, "number of IPs")
	release  = flag.Bool("release", false, "release the block again at the end")
)

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout, *location, *size, *release); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, c *ionos.Client, out io.Writer, location string, size int, release bool) error {
	block, resp, err := c.IPBlocks.Reserve(ctx, ionos.IPBlockSpec{Name: "Go SDK IP block", Location: location, Size: size})
	if err != nil {
		return err
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		return err
	}
	block, _, err = c.IPBlocks.Get(ctx, block.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "IP block %s in %s: %s\n", block.ID, block.Properties.Location, strings.Join(block.Properties.IPs, " "))
	if !release {
		return nil
	}
	resp, err = c.IPBlocks.Delete(ctx, block.ID)
	if err != nil {
		return err
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		return err
	}
	fmt.Fprintf(out, "released %s\n", block.ID)
	return nil
}
