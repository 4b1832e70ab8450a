// Command ionos-emulator runs the ionostest fake of the IONOS Cloud API v5 as
// a standalone server, for any client: curl, another language's SDK, or this
// SDK (IONOS_API_URL=<printed URL>).
//
//	ionos-emulator -addr 127.0.0.1:8080 -user me@example.com -password secret -state emu.json
//
// With -state, the state is loaded at start (a corrupt file is an error, never
// replaced), saved atomically after every change, and saved again on SIGINT
// or SIGTERM before it exits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"regexp"
	"sync"
	"syscall"
	"time"

	"github.com/ionos-go/ionos/ionostest"
)

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	if err := run(os.Args[1:], os.Stdout, os.Stderr, sig); err != nil {
		fmt.Fprintln(os.Stderr, "ionos-emulator:", err)
		os.Exit(1)
	}
}

type options struct {
	addr, user, password, token, state string
	delay, k8sDelay                    time.Duration
	fail                               string
	failRate                           float64
	errorRate                          float64
	rateLimit, burst                   int
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("ionos-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&o.user, "user", ionostest.DefaultUsername, "basic-auth user name accepted (empty: token only)")
	fs.StringVar(&o.password, "password", ionostest.DefaultPassword, "basic-auth password accepted")
	fs.StringVar(&o.token, "token", "", "bearer token accepted as well (optional)")
	fs.StringVar(&o.state, "state", "", "file to load the state from and save it to (optional)")
	fs.DurationVar(&o.delay, "delay", 0, "how long an asynchronous request takes (QUEUED half, RUNNING half)")
	fs.DurationVar(&o.k8sDelay, "k8s-delay", 0, "how long Kubernetes clusters and node pools stay DEPLOYING/UPDATING/DESTROYING")
	fs.StringVar(&o.fail, "fail", "", `regular expression on "METHOD /path" of writes whose request ends FAILED, e.g. "^POST /datacenters$"`)
	fs.Float64Var(&o.failRate, "fail-rate", 0, "fraction (0..1) of writes whose request ends FAILED at random")
	fs.Float64Var(&o.errorRate, "error-rate", 0, "fraction (0..1) of requests answered with a random 500/502/503/504")
	fs.IntVar(&o.rateLimit, "rate-limit", 0, "requests per minute before 429 (0: no limit)")
	fs.IntVar(&o.burst, "burst", 50, "rate-limit burst")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	switch {
	case o.user == "" && o.token == "":
		return nil, errors.New("give -user and -password, or -token")
	case o.failRate < 0 || o.failRate > 1 || o.errorRate < 0 || o.errorRate > 1:
		return nil, errors.New("-fail-rate and -error-rate must be within 0..1")
	case o.rateLimit < 0 || o.burst < 1:
		return nil, errors.New("-rate-limit must not be negative and -burst must be positive")
	case o.delay < 0 || o.k8sDelay < 0:
		return nil, errors.New("delays must not be negative")
	}
	return o, nil
}

// run serves until a signal arrives on stop.
func run(args []string, stdout, stderr io.Writer, stop <-chan os.Signal) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	opts := []ionostest.Option{
		ionostest.WithCredentials(o.user, o.password),
		ionostest.WithCompletionDelay(o.delay),
		ionostest.WithK8sDelay(o.k8sDelay),
	}
	if o.token != "" {
		opts = append(opts, ionostest.WithToken(o.token))
	}
	if o.rateLimit > 0 {
		opts = append(opts, ionostest.WithRateLimit(o.rateLimit, o.burst))
	}
	var failRE *regexp.Regexp
	if o.fail != "" {
		if failRE, err = regexp.Compile(o.fail); err != nil {
			return fmt.Errorf("-fail: %w", err)
		}
	}
	if failRE != nil || o.failRate > 0 {
		opts = append(opts, ionostest.WithFailRequests(func(method, path string) bool {
			if failRE != nil && failRE.MatchString(method+" "+path) {
				return true
			}
			return o.failRate > 0 && rand.Float64() < o.failRate
		}))
	}

	var initial []byte
	if o.state != "" {
		data, ok, err := loadState(o.state)
		if err != nil {
			return err
		}
		if ok {
			initial = data
			opts = append(opts, ionostest.WithoutSeed())
		}
	}
	dirty := make(chan struct{}, 1)
	if o.state != "" {
		opts = append(opts, ionostest.WithOnChange(func() {
			select {
			case dirty <- struct{}{}:
			default:
			}
		}))
	}
	srv, err := ionostest.Listen(o.addr, opts...)
	if err != nil {
		return err
	}
	if initial != nil {
		if err := srv.Restore(initial); err != nil {
			srv.Close()
			return fmt.Errorf("state file %s: %w", o.state, err)
		}
	}
	if o.errorRate > 0 {
		for _, st := range []int{500, 502, 503, 504} {
			srv.InjectFault(ionostest.Fault{Kind: ionostest.FaultStatus, Status: st, Probability: o.errorRate / 4})
		}
	}

	save := func() error {
		data, err := srv.Snapshot()
		if err != nil {
			return err
		}
		return saveState(o.state, data)
	}
	var wg sync.WaitGroup
	quit := make(chan struct{})
	if o.state != "" {
		if initial == nil {
			if err := save(); err != nil { // fail early on an unwritable path
				srv.Close()
				return err
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-quit:
					return
				case <-dirty:
					if err := save(); err != nil {
						fmt.Fprintln(stderr, "ionos-emulator:", err)
					}
				}
			}
		}()
	}
	fmt.Fprintf(stdout, "ionos-emulator: serving %s (user %q)\n", srv.URL, o.user)

	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	close(quit)
	wg.Wait()
	if o.state != "" {
		if err := save(); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, "ionos-emulator: stopped")
	return nil
}
