// Package connect gives the examples their client: the real API configured
// by the IONOS_* environment, or an in-process emulator with -emulate.
package connect

import (
	"context"
	"errors"
	"flag"
	"net"
	"net/url"
	"os"
	"os/signal"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

var emulate = flag.Bool("emulate", false, "run against an in-process emulator of the API instead of the real one")

// Setup parses the flags and returns a context cancelled by Ctrl-C, a client
// and a function to call when done.
//
// With -emulate (or IONOS_EMULATE=1) the client talks to an in-process
// ionostest server whose requests take a little time, so that waiting shows.
// Otherwise the client is configured by IONOS_USERNAME and IONOS_PASSWORD
// (or IONOS_TOKEN), IONOS_API_URL and IONOS_CONTRACT_NUMBER, as the Python
// SDK's examples; when IONOS_API_URL points at a standalone emulator on
// loopback (go run ./cmd/ionos-emulator) and no credentials are set, the
// emulator's default ones are used.
func Setup() (context.Context, *ionos.Client, func(), error) {
	if !flag.Parsed() {
		flag.Parse()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	if *emulate || os.Getenv("IONOS_EMULATE") == "1" {
		srv := ionostest.NewServer(ionostest.WithCompletionDelay(300*time.Millisecond), ionostest.WithK8sDelay(time.Second))
		c, err := srv.NewClient(ionos.WithWaitPolicy(ionos.DefaultWaitPolicy()))
		if err != nil {
			srv.Close()
			stop()
			return nil, nil, nil, err
		}
		return ctx, c, func() { srv.Close(); stop() }, nil
	}
	var opts []ionos.Option
	if u := os.Getenv("IONOS_API_URL"); u != "" && onLoopback(u) && os.Getenv("IONOS_USERNAME") == "" && os.Getenv("IONOS_TOKEN") == "" {
		opts = append(opts, ionos.WithBasicAuth(ionostest.DefaultUsername, ionostest.DefaultPassword))
	}
	c, err := ionos.NewClientFromEnv(opts...)
	if err != nil {
		stop()
		return nil, nil, nil, errors.New(err.Error() + " (or run with -emulate to use the in-process emulator)")
	}
	return ctx, c, stop, nil
}

func onLoopback(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
