package ionos

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fastPoll = WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Millisecond, Factor: 1})

// onStatusSequence answers the status of testRequestID with the fixtures in
// turn, repeating the last one.
func (m *mockAPI) onStatusSequence(fixtures ...string) *atomic.Int32 {
	var n atomic.Int32
	bodies := make([][]byte, len(fixtures))
	for i, f := range fixtures {
		bodies[i] = fixture(m.t, f)
	}
	m.mt.RegisterResponder(http.MethodGet, testBase+"/requests/"+testRequestID+"/status", func(r *http.Request) (*http.Response, error) {
		m.record(r)
		i := int(n.Add(1)) - 1
		return httpmock.NewBytesResponse(200, bodies[min(i, len(bodies)-1)]), nil
	})
	return &n
}

func TestWaitForCompletionDone(t *testing.T) {
	m := newMockAPI(t)
	m.onAccepted(http.MethodPost, "/datacenters", fixture(t, "datacenter_created.json"))
	polls := m.onStatusSequence("request_status_queued.json", "request_status_running.json", "request_status_running.json", "request_status_done.json")
	_, resp, err := m.c.Datacenters.Create(context.Background(), DatacenterSpec{Name: "staging", Location: "us/las"})
	require.NoError(t, err)

	var progress []WaitProgress
	st, err := m.c.WaitForCompletion(context.Background(), resp, fastPoll, WithProgress(func(p WaitProgress) { progress = append(progress, p) }))
	require.NoError(t, err)
	assert.Equal(t, RequestDone, st.Metadata.Status)
	assert.Equal(t, int32(4), polls.Load())
	require.Len(t, progress, 4)
	assert.Equal(t, []string{"QUEUED", "RUNNING", "RUNNING", "DONE"}, []string{progress[0].Status, progress[1].Status, progress[2].Status, progress[3].Status})
	for i, p := range progress {
		assert.Equal(t, i+1, p.Poll)
		assert.Equal(t, i == 3, p.Done)
	}
	calls := m.all()
	assertCall(t, calls[1], http.MethodGet, "/requests/"+testRequestID+"/status")
}

func TestWaitForCompletionFailed(t *testing.T) {
	m := newMockAPI(t)
	m.onStatusSequence("request_status_running.json", "request_status_failed.json")
	st, err := m.c.WaitForCompletion(context.Background(), &Response{RequestID: testRequestID}, fastPoll)
	var failed *RequestFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, testRequestID, failed.RequestID)
	assert.Equal(t, "Failed to provision server: not enough resources in zone ZONE_1", failed.Message)
	require.Len(t, failed.Targets, 1)
	assert.Equal(t, RequestFailed, st.Metadata.Status)
}

func TestWaitForCompletionCancelled(t *testing.T) {
	m := newMockAPI(t)
	polls := m.onStatusSequence("request_status_running.json")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for polls.Load() < 2 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	start := time.Now()
	// A slow policy: the cancel must cut the sleep short.
	_, err := m.c.WaitForCompletion(ctx, &Response{RequestID: testRequestID},
		WithWaitPolicy(WaitPolicy{MinInterval: time.Millisecond, MaxInterval: time.Hour, Factor: 1000}))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestWaitForCompletionNoRequest(t *testing.T) {
	m := newMockAPI(t)
	_, err := m.c.WaitForCompletion(context.Background(), nil)
	assert.ErrorIs(t, err, ErrNoRequest)
	_, err = m.c.WaitForCompletion(context.Background(), &Response{})
	assert.ErrorIs(t, err, ErrNoRequest)
	m.none()
}

func TestWaitForCompletionPollError(t *testing.T) {
	m := newMockAPI(t)
	m.on(http.MethodGet, "/requests/"+testRequestID+"/status", 404, fixture(t, "error_404.json"))
	_, err := m.c.WaitForCompletion(context.Background(), &Response{RequestID: testRequestID}, fastPoll)
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestWaitFor(t *testing.T) {
	c := newMockAPI(t).c
	var n int
	var seen []int
	err := c.WaitFor(context.Background(), func(context.Context) (bool, error) {
		n++
		return n == 3, nil
	}, fastPoll, WithProgress(func(p WaitProgress) { seen = append(seen, p.Poll) }))
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	assert.Equal(t, []int{1, 2, 3}, seen)

	boom := errors.New("boom")
	err = c.WaitFor(context.Background(), func(context.Context) (bool, error) { return false, boom }, fastPoll)
	assert.ErrorIs(t, err, boom)

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err = c.WaitFor(ctx, func(context.Context) (bool, error) { return false, nil }, fastPoll)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// fakeClock advances only when slept on.
type fakeClock struct{ now time.Time }

func (f *fakeClock) Now() time.Time { return f.now }
func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.now = f.now.Add(d)
	return nil
}

func TestPollIntervalsGrowGeometricallyWithinBounds(t *testing.T) {
	p := WaitPolicy{MinInterval: 100 * time.Millisecond, MaxInterval: 2 * time.Second, Factor: 1.5, Jitter: 0.2}
	clk := &fakeClock{now: time.Unix(0, 0)}
	var times []time.Duration
	err := newMockAPI(t).c.WaitFor(context.Background(), func(context.Context) (bool, error) {
		times = append(times, clk.now.Sub(time.Unix(0, 0)))
		return len(times) == 20, nil
	}, WithWaitPolicy(p), withClock(clk))
	require.NoError(t, err)
	prev := time.Duration(0)
	ceil := float64(p.MinInterval)
	for i, at := range times {
		gap := at - prev
		prev = at
		assert.LessOrEqual(t, gap, time.Duration(ceil), "poll %d", i+1)
		assert.GreaterOrEqual(t, gap, time.Duration(ceil*(1-p.Jitter))-time.Nanosecond, "poll %d", i+1)
		ceil = min(ceil*p.Factor, float64(p.MaxInterval))
	}
}

func TestWaitPolicyValidation(t *testing.T) {
	assert.NoError(t, DefaultWaitPolicy().validate())
	for _, p := range []WaitPolicy{
		{},
		{MinInterval: time.Second, MaxInterval: time.Millisecond, Factor: 2},
		{MinInterval: time.Second, MaxInterval: time.Second, Factor: 0.5},
		{MinInterval: time.Second, MaxInterval: time.Second, Factor: 1, Jitter: 1},
	} {
		assert.Error(t, p.validate(), "%+v", p)
	}
}
