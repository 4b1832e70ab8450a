package ionos

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// Answers are decoded with the encoding/json/v2 prototype
// (github.com/go-json-experiment/json): it unmarshals in one pass, without
// the separate validation scan of encoding/json, and keeps the strings of
// one answer in a small cache, so that the values a list repeats in every
// item ("server", "AVAILABLE", the creator's e-mail) are allocated once per
// answer rather than once per item. Requests are still encoded with
// encoding/json.
//
// The options keep the decoding rules of encoding/json: member names match
// regardless of case (but "_" and "-" count), a repeated member takes the
// last value, invalid UTF-8 is accepted (as U+FFFD), and times are read as
// time.Time.UnmarshalJSON reads them. Unknown members and null are ignored
// by default. decode_test.go holds the decoder to encoding/json's results.
var decodeOpts = jsonv2.JoinOptions(
	jsonv2.MatchCaseInsensitiveNames(true),
	jsonv1.MatchCaseSensitiveDelimiter(true),
	jsonv1.ParseTimeWithLooseRFC3339(true),
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
)

// decode reads one JSON value from body, refusing more than the client's
// limit. The value is decoded as it arrives: a long list is never held as
// text and as decoded items at once.
func (c *Client) decode(body io.Reader, out any) error {
	lr := &limitedReader{r: body, n: c.maxBody}
	if err := jsonv2.UnmarshalRead(lr, out, decodeOpts); err != nil {
		switch {
		case lr.exceeded:
			return fmt.Errorf("%w (limit %d bytes)", ErrResponseTooLarge, c.maxBody)
		case lr.read == 0 && lr.eof:
			return errEmptyBody
		}
		return fmt.Errorf("decoding the response: %w", err)
	}
	return nil
}

// decodeStd decodes with encoding/json, for types of the caller's ([Client.Do]):
// they may rely on its rules where the options above are not enough (an
// array shorter than the JSON one, base64 with line breaks).
func (c *Client) decodeStd(body io.Reader, out any) error {
	lr := &limitedReader{r: body, n: c.maxBody}
	if err := json.NewDecoder(lr).Decode(out); err != nil {
		switch {
		case lr.exceeded:
			return fmt.Errorf("%w (limit %d bytes)", ErrResponseTooLarge, c.maxBody)
		case errors.Is(err, io.EOF):
			return errEmptyBody
		}
		return fmt.Errorf("decoding the response: %w", err)
	}
	return nil
}

var errEmptyBody = errors.New("empty response body")

// smallBody is the largest answer read whole into a pooled buffer before it
// is decoded; larger ones, and every page of a list, are decoded from the
// stream, so that the body and the decoded value are not both held.
const smallBody = 256 << 10

var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// decodeSized reads a body of a known length into a pooled buffer and
// unmarshals it: one read into a buffer of the right size, then one pass.
func decodeSized(body io.Reader, n int, out any) error {
	bp := bodyPool.Get().(*[]byte)
	defer bodyPool.Put(bp)
	if cap(*bp) < n {
		*bp = make([]byte, n)
	}
	b := (*bp)[:n]
	if _, err := io.ReadFull(body, b); err != nil {
		if errors.Is(err, io.EOF) {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	if err := jsonv2.Unmarshal(b, out, decodeOpts); err != nil {
		return fmt.Errorf("decoding the response: %w", err)
	}
	return nil
}

// limitedReader is io.LimitReader that remembers running into the limit,
// and whether anything was read before the end.
type limitedReader struct {
	r        io.Reader
	n        int64
	read     int64
	exceeded bool
	eof      bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		l.exceeded = true
		return 0, ErrResponseTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	l.read += int64(n)
	if err == io.EOF {
		l.eof = true
	}
	return n, err
}
