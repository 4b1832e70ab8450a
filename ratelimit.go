package ionos

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// WithRateLimitPacing turns the client's proactive pacing on (the default)
// or off. The API's rate limit is a bucket per contract: X-RateLimit-Burst
// requests at once, refilled at X-RateLimit-Limit a minute, with
// X-RateLimit-Remaining left. With pacing on, the client keeps an estimate
// of that bucket from the headers of every answer and spaces its attempts
// so that a burst of parallel calls rarely meets a 429 at all. Turn it off
// when you pace your calls yourself. The hold after a Retry-After (see
// RetryPolicy) applies either way.
func WithRateLimitPacing(on bool) Option {
	return clientOption(func(c *config) error { c.noPacing = !on; return nil })
}

// limiter is the client-wide gate in front of every attempt: it holds all
// attempts while a Retry-After that any call received is running, and
// paces attempts from the rate-limit headers.
type limiter struct {
	pacing bool

	mu        sync.Mutex
	holdUntil time.Time // no attempt before this
	known     bool      // the headers were seen
	rate      float64   // tokens a second
	capacity  float64
	tokens    float64 // may be negative: attempts reserved ahead of the refill
	at        time.Time
	inflight  int // attempts sent and not yet answered
	waiting   int // attempts of this epoch that reserved a token and wait
	// epoch changes when a 429 proves the estimate wrong: reservations of
	// an older epoch are void and are made again after the hold.
	epoch uint64
}

// paceReserve is how many tokens the estimate keeps back, so that the time
// an attempt takes to reach the API (during which a full bucket does not
// fill) does not make it arrive a hair early.
const paceReserve = 1

// holdError is returned when the wait for the client's gate cannot fit in
// the context's deadline.
type holdError struct{ wait time.Duration }

func (e *holdError) Error() string {
	return fmt.Sprintf("the client holds its calls for %s (the API's rate limit), past the context's deadline", e.wait.Round(time.Millisecond))
}

func (e *holdError) Is(target error) bool { return target == ErrRateLimited }

// acquire waits until an attempt may be sent: past any hold, and, with
// pacing, until the estimated bucket has a token for it. The returned
// function must be called once the attempt has its answer (or failed). A
// hold that cannot end before the context's deadline fails at once with an
// error matching ErrRateLimited; a pacing wait that cannot is skipped, since
// it is only the client's estimate.
func (l *limiter) acquire(ctx context.Context) (func(), error) {
	reserved := false // holds a token of epoch
	counted := false  // counted in l.waiting
	var epoch uint64
	for {
		now := time.Now()
		l.mu.Lock()
		if reserved && epoch != l.epoch {
			// A 429 voided the reservation: make it again.
			reserved, counted = false, false
		}
		var wait time.Duration
		hold := now.Before(l.holdUntil)
		if hold {
			wait = l.holdUntil.Sub(now)
		} else if !reserved && l.pacing && l.known {
			l.refill(now)
			l.tokens--
			reserved, epoch = true, l.epoch
			if l.tokens < 0 {
				wait = time.Duration(-l.tokens / l.rate * float64(time.Second))
			}
		} else if reserved {
			// Woken from a pacing wait: the slot has come.
			wait = 0
		}
		if dl, ok := ctx.Deadline(); ok && !hold && wait > 0 && time.Until(dl) < wait {
			wait = 0
		}
		if wait <= 0 {
			if counted {
				l.waiting--
			}
			l.inflight++
			l.mu.Unlock()
			return l.release, nil
		}
		if reserved && !counted {
			l.waiting++
			counted = true
		}
		l.mu.Unlock()
		if err := sleepCtx(ctx, wait); err != nil {
			if reserved {
				l.mu.Lock()
				if epoch == l.epoch {
					l.tokens++
					if counted {
						l.waiting--
					}
				}
				l.mu.Unlock()
			}
			return nil, err
		}
	}
}

func (l *limiter) release() {
	l.mu.Lock()
	l.inflight--
	l.mu.Unlock()
}

// refill adds the tokens earned since the last look. l.mu is held.
func (l *limiter) refill(now time.Time) {
	if !l.at.IsZero() {
		l.tokens += now.Sub(l.at).Seconds() * l.rate
		if l.tokens > l.capacity {
			l.tokens = l.capacity
		}
	}
	l.at = now
}

// observe learns from an answer: the bucket's state from the rate-limit
// headers, and a Retry-After of a 429 or 503 holds every attempt of the
// client until it has passed.
func (l *limiter) observe(resp *http.Response, now time.Time) {
	h := resp.Header
	limit, okL := headerValue(h, "X-Ratelimit-Limit")
	remaining, okR := headerValue(h, "X-Ratelimit-Remaining")
	burst, _ := headerValue(h, "X-Ratelimit-Burst")
	var hold time.Duration
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		hold, _ = parseRetryAfter(h.Get("Retry-After"), now)
	}
	if !okL && hold <= 0 && resp.StatusCode != http.StatusTooManyRequests {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if until := now.Add(hold); hold > 0 && until.After(l.holdUntil) {
		l.holdUntil = until
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		// The estimate was wrong: void the reservations made on it; they
		// are made again once the hold has passed.
		l.epoch++
		l.waiting = 0
	}
	if okL && limit > 0 {
		l.known = true
		l.rate = float64(limit) / 60
		l.capacity = float64(max(burst-paceReserve, 1))
		l.refill(now)
		if okR {
			// The API's count does not yet include the attempts still in
			// flight besides this one, nor those that reserved a token and
			// wait to be sent.
			l.tokens = min(float64(remaining-paceReserve), l.capacity) - float64(max(l.inflight-1, 0)) - float64(l.waiting)
		}
	}
	if resp.StatusCode == http.StatusTooManyRequests && l.tokens > 0 {
		l.tokens = 0
	}
}

// headerValue reads a non-negative integer header, looked up by its
// canonical key without allocating.
func headerValue(h http.Header, canonicalKey string) (int, bool) {
	vs := h[canonicalKey]
	if len(vs) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(vs[0])
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// sleepCtx sleeps d unless ctx ends first; a d that runs past ctx's
// deadline fails at once with a *holdError (ErrRateLimited).
func sleepCtx(ctx context.Context, d time.Duration) error {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
		return &holdError{wait: d}
	}
	return realClock{}.Sleep(ctx, d)
}
