package e2e

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/ionostest"
)

// BenchmarkConcurrentCreatesRateLimited sends 100 creates at once through
// one client to the emulator with its rate limit on (100 a second, bursts of
// 10), with the client's pacing on and off. It reports the 429s received and
// the wall time beside the limit's theoretical minimum, (100 - burst) / rate.
func BenchmarkConcurrentCreatesRateLimited(b *testing.B) {
	const (
		creates   = 100
		perMinute = 6000
		burst     = 10
	)
	minimum := time.Duration(float64(creates-burst) / (perMinute / 60) * float64(time.Second))
	for _, pacing := range []bool{true, false} {
		b.Run(fmt.Sprintf("pacing=%v", pacing), func(b *testing.B) {
			var n429, wall float64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				srv := ionostest.NewServer()
				c, err := srv.NewClient(ionos.WithRateLimitPacing(pacing),
					ionos.WithRetryPolicy(ionos.RetryPolicy{MaxRetries: 20, MinBackoff: 10 * time.Millisecond, MaxBackoff: time.Second}))
				if err != nil {
					b.Fatal(err)
				}
				ctx := context.Background()
				// Learn the headers with the limit off, then turn it on with a
				// full bucket.
				if _, _, err := c.Locations.List(ctx); err != nil {
					b.Fatal(err)
				}
				srv.SetRateLimit(perMinute, burst)
				if _, _, err := c.Locations.List(ctx); err != nil {
					b.Fatal(err)
				}
				time.Sleep(200 * time.Millisecond) // refill the bucket
				srv.ResetCounters()
				b.StartTimer()
				start := time.Now()
				var wg sync.WaitGroup
				for g := 0; g < creates; g++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if _, _, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: fmt.Sprint("dc-", g), Location: "de/fra"}); err != nil {
							b.Error(err)
						}
					}()
				}
				wg.Wait()
				wall += time.Since(start).Seconds()
				b.StopTimer()
				n429 += float64(srv.Hits(http.MethodPost, "/datacenters") - creates)
				c.CloseIdleConnections()
				srv.Close()
				b.StartTimer()
			}
			b.ReportMetric(n429/float64(b.N), "429s/op")
			b.ReportMetric(wall/float64(b.N), "wall-s/op")
			b.ReportMetric(minimum.Seconds(), "min-s")
		})
	}
}
