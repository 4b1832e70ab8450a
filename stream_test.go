package ionos

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// lanJSON is one LAN of a collection.
func lanJSON(i int) string {
	return fmt.Sprintf(`{"id":"%d","type":"lan","href":"https://api.ionos.com/cloudapi/v6/datacenters/dc/lans/%d","properties":{"name":"lan-%d","public":false}}`, i, i, i)
}

// noLeaks fails t if goroutines it started outlive it (checked after its
// server and client are closed).
func noLeaks(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

func streamClient(t *testing.T, srv *httptest.Server) *Client {
	t.Helper()
	c, err := NewClient(WithToken("t"), WithBaseURL(srv.URL+"/cloudapi/v6"),
		WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond}))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// An iterator hands over each item as it is decoded: the loop sees the
// first LAN while the server is still holding back the rest of the page,
// with a Content-Length or without (a page is never read whole first).
func TestAllYieldsItemsBeforeThePageEnds(t *testing.T) {
	for _, withLength := range []bool{false, true} {
		t.Run(fmt.Sprintf("Content-Length=%v", withLength), func(t *testing.T) {
			head, tail := `{"id":"dc/lans","type":"collection","items":[`+lanJSON(1)+`,`, lanJSON(2)+`],"_links":{}}`
			release := make(chan struct{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if withLength {
					w.Header().Set("Content-Length", fmt.Sprint(len(head)+len(tail)))
				}
				fmt.Fprint(w, head)
				w.(http.Flusher).Flush()
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
				fmt.Fprint(w, tail)
			}))
			defer srv.Close()
			c := streamClient(t, srv)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			var names []string
			for lan, err := range c.LANs.All(ctx, "dc") {
				require.NoError(t, err, "the first LAN did not come before the end of the page")
				names = append(names, lan.Properties.Name)
				if len(names) == 1 {
					close(release) // the second LAN is sent only now
				}
			}
			assert.Equal(t, []string{"lan-1", "lan-2"}, names)
		})
	}
}

// Breaking out of the loop stops reading the page at once, even when the
// server has more to send and is slow to send it.
func TestAllBreakStopsReadingThePage(t *testing.T) {
	noLeaks(t)
	stalled := make(chan struct{})
	defer close(stalled)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"items":[`+lanJSON(1)+`,`)
		w.(http.Flusher).Flush()
		select { // never sends the rest
		case <-stalled:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	c := streamClient(t, srv)
	done := make(chan []string)
	go func() {
		var names []string
		for lan, err := range c.LANs.All(context.Background(), "dc") {
			if err != nil {
				names = append(names, "error: "+err.Error())
				break
			}
			names = append(names, lan.Properties.Name)
			break
		}
		done <- names
	}()
	select {
	case names := <-done:
		assert.Equal(t, []string{"lan-1"}, names, "no error after a break")
	case <-time.After(5 * time.Second):
		t.Fatal("the iterator kept reading after the loop broke")
	}
}

// A page cut off after some items were handed over is fetched again, and
// those items are not handed over twice.
func TestAllCutPageResumesWithoutDuplicates(t *testing.T) {
	var calls atomic.Int32
	page := `{"items":[` + lanJSON(1) + `,` + lanJSON(2) + `,` + lanJSON(3) + `],"_links":{}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if calls.Add(1) == 1 {
			// Two LANs, then the connection drops.
			cut := strings.Index(page, lanJSON(3))
			fmt.Fprint(w, page[:cut])
			w.(http.Flusher).Flush()
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
			return
		}
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	c := streamClient(t, srv)
	var names []string
	for lan, err := range c.LANs.All(context.Background(), "dc") {
		require.NoError(t, err)
		names = append(names, lan.Properties.Name)
	}
	assert.Equal(t, []string{"lan-1", "lan-2", "lan-3"}, names)
	assert.Equal(t, int32(2), calls.Load(), "the cut page was fetched again")
}

// A page cut off on every attempt ends the loop with the error, after the
// items that did arrive.
func TestAllCutEveryTimeYieldsTheErrorLast(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"items":[`+lanJSON(1)+`,`)
		w.(http.Flusher).Flush()
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			_ = conn.Close()
		}
	}))
	defer srv.Close()
	c := streamClient(t, srv)
	var names []string
	var last error
	for lan, err := range c.LANs.All(context.Background(), "dc") {
		if err != nil {
			last = err
			continue
		}
		names = append(names, lan.Properties.Name)
	}
	assert.Equal(t, []string{"lan-1"}, names, "the first LAN once, though the page came three times")
	assert.ErrorIs(t, last, ErrTruncatedBody)
}

// A panic in the loop's body reaches the caller, and the answer being read
// is closed rather than left holding the connection.
func TestAllPanicInTheLoopClosesTheAnswer(t *testing.T) {
	noLeaks(t)
	closed := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"items":[`+lanJSON(1)+`,`)
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the client closed the connection
		close(closed)
	}))
	defer srv.Close()
	c := streamClient(t, srv)
	func() {
		defer func() { assert.Equal(t, "boom", recover()) }()
		for range c.LANs.All(context.Background(), "dc") {
			panic("boom")
		}
	}()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		srv.CloseClientConnections() // so that srv.Close does not wait for the handler
		t.Fatal("the answer was left open after the panic")
	}
}
