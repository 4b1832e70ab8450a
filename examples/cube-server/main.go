// Command cube-server creates a CUBE server from the smallest template
// (Cloud API v6), with the DAS volume its template sizes, attaches a
// security group that lets SSH in, then suspends and resumes it, reads its
// token, and deletes everything it made unless -keep is given.
//
//	go run ./examples/cube-server -emulate
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

var (
	location = flag.String("location", "de/fra", "location ID")
	keep     = flag.Bool("keep", false, "keep the data center and its server")
)

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout, *location, !*keep); err != nil {
		log.Print(err)
		done()
		os.Exit(1)
	}
}

// wait waits for the request a write started.
func wait(ctx context.Context, c *ionos.Client, resp *ionos.Response, err error) error {
	if err != nil {
		return err
	}
	_, err = c.WaitForCompletion(ctx, resp)
	return err
}

func run(ctx context.Context, c *ionos.Client, out io.Writer, location string, cleanup bool) error {
	if c.APIVersion() != ionos.APIv6 {
		return errors.New("CUBE servers need Cloud API v6")
	}
	templates, _, err := c.Templates.List(ctx)
	if err != nil {
		return err
	}
	if len(templates) == 0 {
		return errors.New("the API offers no templates")
	}
	tpl := slices.MinFunc(templates, func(a, b ionos.Template) int {
		return int(a.Properties.RAM - b.Properties.RAM)
	})
	fmt.Fprintf(out, "template %q: %.0f cores, %.0f MB, %.0f GB\n", tpl.Properties.Name, tpl.Properties.Cores, tpl.Properties.RAM, tpl.Properties.StorageSize)

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "Go SDK cubes", Location: location})
	if err := wait(ctx, c, resp, err); err != nil {
		return err
	}
	if cleanup {
		defer func() {
			resp, err := c.Datacenters.Delete(ctx, dc.ID)
			if err = wait(ctx, c, resp, err); err == nil {
				fmt.Fprintln(out, "cleaned up")
			}
		}()
	}
	srv, resp, err := c.Servers.Create(ctx, dc.ID, ionos.ServerSpec{
		Name: "cube-1", Type: ionos.ServerTypeCube, TemplateID: tpl.ID,
		Volumes: []ionos.VolumeSpec{{Name: "system", Type: ionos.VolumeTypeDAS, ImageAlias: "ubuntu:latest", ImagePassword: ionos.Secret("Go-SDK-example-1")}},
	})
	if err := wait(ctx, c, resp, err); err != nil {
		return err
	}
	got, _, err := c.Servers.Get(ctx, dc.ID, srv.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "server %s: %s, %d cores, %d MB\n", got.Properties.Name, got.Properties.Type, got.Properties.Cores, got.Properties.RAM)

	// A security group that lets SSH in, attached to the server.
	sg, resp, err := c.SecurityGroups.Create(ctx, dc.ID, ionos.SecurityGroupSpec{
		Name: "ssh-in", Description: "SSH from anywhere",
		Rules: []ionos.FirewallRuleSpec{{Name: "ssh", Protocol: ionos.ProtocolTCP, Type: ionos.FirewallRuleIngress, PortRangeStart: 22, PortRangeEnd: 22}},
	})
	if err := wait(ctx, c, resp, err); err != nil {
		return err
	}
	groups, resp, err := c.SecurityGroups.AttachToServer(ctx, dc.ID, srv.ID, []string{sg.ID})
	if err := wait(ctx, c, resp, err); err != nil {
		return err
	}
	rules, _, err := c.SecurityGroups.ListRules(ctx, dc.ID, sg.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "security groups of the server: %d (%s, %d rule)\n", len(groups), sg.Properties.Name, len(rules))

	for _, step := range []struct {
		name string
		call func(context.Context, string, string, ...ionos.WriteOption) (*ionos.Response, error)
	}{{"suspended", c.Servers.Suspend}, {"resumed", c.Servers.Resume}} {
		resp, err := step.call(ctx, dc.ID, srv.ID)
		if err := wait(ctx, c, resp, err); err != nil {
			return err
		}
		got, _, err := c.Servers.Get(ctx, dc.ID, srv.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: vmState %s\n", step.name, got.Properties.VMState)
	}
	tok, _, err := c.Servers.Token(ctx, dc.ID, srv.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "server token: %v (%d bytes)\n", tok, len(tok.Reveal()))
	return nil
}
