package ionos

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"
)

// waitDurations are the request durations the wait policy is measured on.
var waitDurations = []time.Duration{
	500 * time.Millisecond, 1300 * time.Millisecond, 3 * time.Second, 4700 * time.Millisecond,
	10 * time.Second, 60 * time.Second, 300 * time.Second,
}

// waitSchedule simulates one wait for a request that completes after T and
// returns the detection lag and the number of status polls.
type waitSchedule func(T time.Duration) (lag time.Duration, polls int)

// scheduleIonos runs the SDK's own poll loop on a simulated clock.
func scheduleIonos(p WaitPolicy) waitSchedule {
	return func(T time.Duration) (time.Duration, int) {
		start := time.Unix(0, 0)
		clk := &fakeClock{now: start}
		polls := 0
		_ = poll(context.Background(), waitConfig{policy: p, clock: clk}, func(context.Context) (bool, string, error) {
			polls++
			return clk.now.Sub(start) >= T, "", nil
		})
		return clk.now.Sub(start) - T, polls
	}
}

// scheduleFixed1s is the official v6 SDK's policy: a poll every second.
func scheduleFixed1s(T time.Duration) (time.Duration, int) {
	n := int(math.Ceil(T.Seconds()))
	return time.Duration(n)*time.Second - T, n
}

// scheduleSeed is the Python SDK 5.2.0's wait_for_completion: a first poll
// at once, then 5 s sleeps that double after growing windows (initial_wait
// 5, scaleup 10).
func scheduleSeed(T time.Duration) (time.Duration, int) {
	now, wait, scaleup := 0.0, 5.0, 10.0
	next := wait * scaleup
	polls := 0
	for {
		polls++
		if now >= T.Seconds() {
			return time.Duration((now - T.Seconds()) * float64(time.Second)), polls
		}
		now += wait
		if now > next {
			wait *= 2
			next = now + wait*scaleup
			scaleup *= 2
		}
	}
}

// BenchmarkWaitPolicy reports, for requests that complete after each T, the
// mean and worst detection lag (also as a percentage of T) and the mean
// number of status polls of the default policy, beside a fixed 1 s poller
// and the Python SDK's schedule. It runs on simulated time.
func BenchmarkWaitPolicy(b *testing.B) {
	policies := []struct {
		name string
		s    waitSchedule
	}{
		{"ionos", scheduleIonos(DefaultWaitPolicy())},
		{"fixed-1s", scheduleFixed1s},
		{"python-sdk", scheduleSeed},
	}
	for _, T := range waitDurations {
		for _, p := range policies {
			b.Run(fmt.Sprintf("T=%s/%s", T, p.name), func(b *testing.B) {
				var sumLag, maxLag time.Duration
				var sumPolls int
				for i := 0; i < b.N; i++ {
					lag, polls := p.s(T)
					sumLag += lag
					maxLag = max(maxLag, lag)
					sumPolls += polls
				}
				n := float64(b.N)
				b.ReportMetric(float64(sumLag.Milliseconds())/n, "lag-ms")
				b.ReportMetric(float64(maxLag.Milliseconds()), "max-lag-ms")
				b.ReportMetric(100*maxLag.Seconds()/T.Seconds(), "max-lag-%T")
				b.ReportMetric(float64(sumPolls)/n, "polls")
			})
		}
	}
}
