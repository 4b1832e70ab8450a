// Package ionos is a Go client for the IONOS Cloud API (formerly
// IonosEnterprise).
//
// The client speaks Cloud API v6 unless its base URL or [WithAPIVersion]
// says v5; a call the version lacks fails before sending.
//
// Create a [Client] with [NewClient] or [NewClientFromEnv] and reach each
// family of resources through its service: c.Datacenters, c.Servers,
// c.Volumes, c.LANs, c.NICs, c.Kubernetes and so on. Every call that
// touches the network takes a context first and returns (T, *[Response],
// error), or (*Response, error) where there is no body.
//
// Writes are asynchronous in the API: they answer at once with the URL of a
// request to poll. [Client.WaitForCompletion] waits for one,
// [Client.WaitForAll] for several on one schedule, and [Client.WaitFor] for
// a condition with no request (a Kubernetes cluster's state). The context
// is the only timeout.
//
// Errors match sentinels with errors.Is ([ErrNotFound], [ErrValidation],
// [ErrRateLimited], ...) and hold the API's answer in an *[APIError]. Input
// the API would refuse for sure is refused before sending with an
// *[InvalidInputError], which matches [ErrValidation] too. Retries never send
// a write twice: a write that may have reached the API without an answer
// fails with [ErrUnknownOutcome], and [RequestsService.FindUnknown] looks
// it up.
//
// A List method returns the whole collection, following the API's pages.
// An All method is an iterator (range over it) that hands over each item as
// it is decoded, holding one at a time, and stops reading when the loop
// breaks; an error comes once, last.
//
// Call options come in kinds ([ReadOption], [ListOption], [WriteOption],
// [RequestListOption]), so an option compiles only where it applies.
// [Client.NewRequest] and [Client.Do] reach endpoints the API gains after
// this SDK.
//
// A complete program: create a data center with a server on a public LAN,
// wait until it is built, and tell the failures apart.
//
//	package main
//
//	import (
//		"context"
//		"errors"
//		"fmt"
//		"log"
//		"os"
//		"os/signal"
//		"syscall"
//
//		"github.com/ionos-go/ionos"
//	)
//
//	func main() {
//		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
//		defer stop()
//
//		c, err := ionos.NewClientFromEnv() // IONOS_USERNAME and IONOS_PASSWORD, or IONOS_TOKEN
//		if err != nil {
//			log.Fatal(err)
//		}
//		dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{
//			Name: "shop", Location: "de/fra",
//			LANs: []ionos.LANSpec{{Name: "public", Public: true}},
//			Servers: []ionos.ServerSpec{{
//				Name: "web", Cores: 2, RAM: 4096,
//				Volumes: []ionos.VolumeSpec{{Name: "system", Size: 20, ImageAlias: "ubuntu:latest",
//					ImagePassword: ionos.Secret(os.Getenv("ROOT_PASSWORD"))}},
//				NICs: []ionos.NICSpec{{Name: "eth0", LAN: "1"}},
//			}},
//		})
//		var invalid *ionos.InvalidInputError
//		switch {
//		case errors.As(err, &invalid):
//			log.Fatalf("fix %s: %s", invalid.Field, invalid.Reason) // nothing was sent
//		case errors.Is(err, ionos.ErrValidation):
//			log.Fatal("the API refused the data center: ", err)
//		case errors.Is(err, ionos.ErrUnknownOutcome):
//			log.Fatal("look it up with c.Requests.FindUnknown before trying again: ", err)
//		case err != nil:
//			log.Fatal(err)
//		}
//		if _, err := c.WaitForCompletion(ctx, resp); err != nil {
//			var failed *ionos.RequestFailedError
//			if errors.As(err, &failed) {
//				log.Fatalf("the API could not build %s: %s", dc.ID, failed.Message)
//			}
//			log.Fatal(err)
//		}
//		fmt.Println("data center", dc.ID, "is ready")
//	}
package ionos
