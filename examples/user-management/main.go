// Command user-management creates a group with privileges, a user in it,
// shares a data center with the group, lists what the group can reach, and
// with -cleanup removes it all again: the Python SDK's user management
// example.
//
//	go run ./examples/user-management -emulate -cleanup
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

var cleanup = flag.Bool("cleanup", false, "delete the group, user and data center at the end")

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout, *cleanup); err != nil {
		log.Fatal(err)
	}
}

// wait waits for the request resp names, if any.
func wait(ctx context.Context, c *ionos.Client, resp *ionos.Response) error {
	if resp == nil || resp.RequestID == "" {
		return nil
	}
	_, err := c.WaitForCompletion(ctx, resp)
	return err
}

func run(ctx context.Context, c *ionos.Client, out io.Writer, cleanup bool) error {
	group, resp, err := c.Groups.Create(ctx, ionos.GroupSpec{Name: "go-sdk-operators", CreateDataCenter: true, CreateSnapshot: true, ReserveIP: true})
	if err != nil {
		return err
	}
	if err := wait(ctx, c, resp); err != nil {
		return err
	}
	fmt.Fprintf(out, "group %q (%s)\n", group.Properties.Name, group.ID)

	user, resp, err := c.Users.Create(ctx, ionos.UserSpec{
		FirstName: "Ada", LastName: "Lovelace", Email: "ada.lovelace@example.com",
		Password: ionos.Secret("correct-horse-battery-staple"),
	})
	if err != nil {
		return err
	}
	if err := wait(ctx, c, resp); err != nil {
		return err
	}
	fmt.Fprintf(out, "user %s %s <%s> (%s)\n", user.Properties.FirstName, user.Properties.LastName, user.Properties.Email, user.ID)

	_, resp, err = c.Groups.AddUser(ctx, group.ID, user.ID)
	if err != nil {
		return err
	}
	if err := wait(ctx, c, resp); err != nil {
		return err
	}

	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "shared", Location: "de/fra"})
	if err != nil {
		return err
	}
	if err := wait(ctx, c, resp); err != nil {
		return err
	}
	_, resp, err = c.Groups.AddShare(ctx, group.ID, dc.ID, ionos.ShareSpec{EditPrivilege: true})
	if err != nil {
		return err
	}
	if err := wait(ctx, c, resp); err != nil {
		return err
	}

	members, _, err := c.Groups.ListUsers(ctx, group.ID, ionos.WithDepth(1))
	if err != nil {
		return err
	}
	shares, _, err := c.Groups.ListShares(ctx, group.ID, ionos.WithDepth(1))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "group has %d member(s) and %d share(s)\n", len(members), len(shares))
	for _, s := range shares {
		fmt.Fprintf(out, "  share %s: edit=%t share=%t\n", s.ID, s.Properties.EditPrivilege, s.Properties.SharePrivilege)
	}

	if !cleanup {
		return nil
	}
	steps := []func() (*ionos.Response, error){
		func() (*ionos.Response, error) { return c.Groups.RemoveShare(ctx, group.ID, dc.ID) },
		func() (*ionos.Response, error) { return c.Groups.RemoveUser(ctx, group.ID, user.ID) },
		func() (*ionos.Response, error) { return c.Users.Delete(ctx, user.ID) },
		func() (*ionos.Response, error) { return c.Groups.Delete(ctx, group.ID) },
		func() (*ionos.Response, error) { return c.Datacenters.Delete(ctx, dc.ID) },
	}
	for _, step := range steps {
		resp, err := step()
		if err != nil {
			return err
		}
		if err := wait(ctx, c, resp); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "cleaned up")
	return nil
}
