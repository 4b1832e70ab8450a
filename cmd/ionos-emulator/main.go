// Command ionos-emulator runs the ionostest fake of the IONOS Cloud API v5 as
// a standalone server, for any client: curl, another language's SDK, or this
// SDK (IONOS_API_URL=<printed URL>).
//
//	ionos-emulator -addr 127.0.0.1:8080 -user me@example.com -password secret -state emu.json
//
// Its defaults behave like the live API for any client: an asynchronous
// request is QUEUED, then RUNNING, and DONE about a second after the write
// (-delay 1s; -delay 0 makes every request DONE at once), and Kubernetes
// clusters and node pools stay DEPLOYING, UPDATING or DESTROYING for a few
// seconds (-k8s-delay 3s).
//
// It listens on 127.0.0.1:8080. -addr, or the environment variable
// IONOS_EMULATOR_ADDR when -addr is not given, chooses another address;
// listening on a non-loopback address (0.0.0.0:8080 in a container beside a
// test suite, say) works but prints a warning, since anyone who can reach it
// can use the fake with its well-known credentials.
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
	"net"
	"os"
	"os/signal"
	"regexp"
	"strings"
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

// Defaults of the standalone emulator: realistic, unlike the in-process
// ionostest.NewServer, whose requests are DONE at once.
const (
	defaultAddr     = "127.0.0.1:8080"
	defaultDelay    = time.Second
	defaultK8sDelay = 3 * time.Second
	// addrEnv names the environment variable that sets the address when
	// -addr is not given.
	addrEnv = "IONOS_EMULATOR_ADDR"
)

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
	addr := defaultAddr
	if v := os.Getenv(addrEnv); v != "" {
		addr = v
	}
	fs.StringVar(&o.addr, "addr", addr, "address to listen on (default from $"+addrEnv+" if set); a non-loopback address works, with a warning")
	fs.StringVar(&o.user, "user", ionostest.DefaultUsername, "basic-auth user name accepted (empty: token only)")
	fs.StringVar(&o.password, "password", ionostest.DefaultPassword, "basic-auth password accepted")
	fs.StringVar(&o.token, "token", "", "bearer token accepted as well (optional)")
	fs.StringVar(&o.state, "state", "", "file to load the state from and save it to (optional)")
	fs.DurationVar(&o.delay, "delay", defaultDelay, "how long an asynchronous request takes (QUEUED half, RUNNING half); 0: DONE at once")
	fs.DurationVar(&o.k8sDelay, "k8s-delay", defaultK8sDelay, "how long Kubernetes clusters and node pools stay DEPLOYING/UPDATING/DESTROYING; 0: at once")
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
	if _, err := isLoopback(o.addr); err != nil {
		return nil, fmt.Errorf("-addr: %w", err)
	}
	return o, nil
}

// isLoopback reports whether addr ("host:port") names only loopback
// interfaces: localhost or a loopback IP. An empty host, an unspecified IP
// (0.0.0.0, ::) or any other name or IP is not.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
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
	shown := srv.URL
	if local, _ := isLoopback(o.addr); !local {
		// Name the address as asked (0.0.0.0, not the [::] Go reports),
		// with the port actually bound.
		host, _, _ := net.SplitHostPort(o.addr)
		if host == "" {
			host = "0.0.0.0"
		}
		_, port, _ := net.SplitHostPort(srv.Addr().String())
		hp := net.JoinHostPort(host, port)
		shown = "http://" + hp + ionostest.BasePathV6
		fmt.Fprintf(stderr, "ionos-emulator: WARNING: listening on %s, which is not a loopback address: anyone who can reach it can use this fake API with its credentials. Use it only on a trusted network (a container beside your tests), never on the internet.\n", hp)
	}
	fmt.Fprintf(stdout, "ionos-emulator: serving %s (user %q, requests take %s, Kubernetes %s); Cloud API v5 at %s, tokens at %s\n",
		shown, o.user, o.delay, o.k8sDelay, strings.TrimSuffix(shown, ionostest.BasePathV6)+ionostest.BasePath, strings.TrimSuffix(shown, ionostest.BasePathV6)+ionostest.AuthPath)

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
