// Command find-images lists the HDD images whose name contains a word (in
// any case) in one location: the Python SDK's "Search for Images" example.
//
//	go run ./examples/find-images -emulate -name ubuntu -location us/las
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
	name     = flag.String("name", "Ubuntu", "part of the image name, in any case")
	location = flag.String("location", "us/las", "location ID")
)

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout, *name, *location); err != nil {
		log.Fatal(err)
	}
}

// findImages returns the HDD images in location whose name contains name.
func findImages(ctx context.Context, c *ionos.Client, name, location string) ([]ionos.Image, error) {
	images, _, err := c.Images.List(ctx, ionos.WithDepth(1))
	if err != nil {
		return nil, err
	}
	var found []ionos.Image
	for _, img := range images {
		p := img.Properties
		if p.Location == location && p.ImageType == "HDD" && strings.Contains(strings.ToLower(p.Name), strings.ToLower(name)) {
			found = append(found, img)
		}
	}
	return found, nil
}

func run(ctx context.Context, c *ionos.Client, out io.Writer, name, location string) error {
	found, err := findImages(ctx, c, name, location)
	if err != nil {
		return err
	}
	for _, img := range found {
		fmt.Fprintf(out, "%s\t%s\t%s\n", img.ID, img.Properties.Name, img.Properties.Location)
	}
	if len(found) == 0 {
		fmt.Fprintf(out, "no HDD image named like %q in %s\n", name, location)
	}
	return nil
}
