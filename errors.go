package ionos

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors. Match them with errors.Is; every error this package
// returns for an HTTP answer is an *APIError, which errors.As extracts.
var (
	// ErrNotAuthorized matches an *APIError with status 401: the credentials
	// are wrong or missing.
	ErrNotAuthorized = errors.New("ionos: not authorized")
	// ErrForbidden matches an *APIError with status 403: the credentials are
	// valid but lack the privilege.
	ErrForbidden = errors.New("ionos: forbidden")
	// ErrNotFound matches an *APIError with status 404 (ICNotFoundError), and
	// the error of a lookup by name that found nothing.
	ErrNotFound = errors.New("ionos: not found")
	// ErrValidation matches wrong input, wherever it was found: an *APIError
	// with status 422 (the API refused the request body), and an
	// *InvalidInputError (the SDK refused the call before sending it).
	ErrValidation = errors.New("ionos: validation failed")
	// ErrRateLimited matches an *APIError with status 429
	// (ICRateLimitExceededError). APIError.RetryAfter says how long the API
	// asked to wait.
	ErrRateLimited = errors.New("ionos: rate limited")
	// ErrUnknownOutcome matches an *UnknownOutcomeError: a write may have
	// been carried out by the API, but no answer came back, or the answer
	// (500, 502, 504, a gateway's 503) proves nothing; it was not sent again.
	ErrUnknownOutcome = errors.New("ionos: outcome of the request is unknown")
	// ErrAmbiguousOutcome matches an *AmbiguousOutcomeError:
	// Requests.FindUnknown found more than one identical write.
	ErrAmbiguousOutcome = errors.New("ionos: more than one request matches the write of unknown outcome")
	// ErrUnsupportedVersion matches a *VersionError: the call is not in the
	// client's Cloud API version; nothing was sent.
	ErrUnsupportedVersion = errors.New("ionos: the call is not in this API version")
	// ErrInvalidInput matches an *InvalidInputError alone: the call was
	// refused before anything was sent. ErrValidation matches it too.
	ErrInvalidInput = errors.New("ionos: invalid input")
	// ErrAmbiguousName matches an *AmbiguousNameError: a lookup by name found
	// more than one candidate.
	ErrAmbiguousName = errors.New("ionos: ambiguous name")
	// ErrNoRequest is returned by WaitForCompletion for a response that names
	// no asynchronous request (no Location header) to wait for.
	ErrNoRequest = errors.New("ionos: the response names no request to wait for")
	// ErrTruncatedBody matches the error of a call whose answer said the
	// call succeeded but whose body was cut off before its end. Reads are
	// retried when that happens; a write's body is not, since the write
	// was accepted: its *Response (with RequestID to wait on) comes with
	// the error.
	ErrTruncatedBody = errors.New("ionos: the answer's body was cut off")
	// ErrResponseTooLarge is returned when an answer's body is larger than the
	// client's limit (see WithMaxResponseBytes).
	ErrResponseTooLarge = errors.New("ionos: response body too large")
)

// ErrorMessage is one entry of the API's error body.
type ErrorMessage struct {
	ErrorCode string `json:"errorCode"`
	Message   string `json:"message"`
}

// APIError is an answer of the API with a status of 400 or more.
// errors.Is matches it against ErrNotAuthorized (401), ErrForbidden
// (403), ErrNotFound (404), ErrValidation (422) and ErrRateLimited (429);
// any other status is still an *APIError, including a gateway's HTML error
// page, whose text is kept in Body.
type APIError struct {
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Messages are the API's messages ({errorCode, message}); empty when the
	// body was not the API's JSON error.
	Messages []ErrorMessage
	// Method and URL of the call. The URL carries no credentials.
	Method string
	URL    string
	// RequestID is the API's identifier of the call, when the answer carried
	// one (the X-Request-Id header).
	RequestID string
	// Attempts is how many times the call was sent.
	Attempts int
	// RetryAfter is the wait the API asked for (the Retry-After header), or 0.
	RetryAfter time.Duration
	// Body is the start of a body that was not the API's JSON error (an HTML
	// page from a proxy, say), trimmed to a few hundred bytes.
	Body string
}

// Error describes the failure in one line: method, URL, status and the API's
// messages.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("ionos: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.URL)
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	for i, m := range e.Messages {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		if m.ErrorCode != "" {
			b.WriteString("[" + m.ErrorCode + "] ")
		}
		b.WriteString(m.Message)
	}
	if len(e.Messages) == 0 && e.Body != "" {
		b.WriteString(": ")
		b.WriteString(e.Body)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	return b.String()
}

// Is reports whether the error matches one of the status sentinels.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotAuthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrValidation:
		return e.StatusCode == http.StatusUnprocessableEntity
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	}
	return false
}

// Message returns the first of the API's messages, or "".
func (e *APIError) Message() string {
	if len(e.Messages) == 0 {
		return ""
	}
	return e.Messages[0].Message
}

// LogValue renders the error for log/slog.
func (e *APIError) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.Int("status", e.StatusCode),
		slog.String("method", e.Method),
		slog.String("url", e.URL),
		slog.Int("attempts", e.Attempts),
	}
	if m := e.Message(); m != "" {
		attrs = append(attrs, slog.String("message", m))
	}
	if e.RequestID != "" {
		attrs = append(attrs, slog.String("request_id", e.RequestID))
	}
	return slog.GroupValue(attrs...)
}

// UnknownOutcomeError is returned when a write (POST, PUT, PATCH, DELETE)
// may have been carried out by the API, but the client cannot tell:
//
//   - no answer came back (the connection broke after the request was sent,
//     or the context ended while the answer was awaited);
//   - the answer was 500, 502 or 504, or 503 that is not the API's own JSON
//     error (a gateway's page): a gateway may have timed out or failed
//     after the API carried the write out. Err is then the *APIError, which
//     errors.As still finds.
//
// An answer that proves nothing was done is a definite failure, never an
// unknown outcome: 429, any 4xx, 501, and 503 with the API's JSON error.
// The SDK never sends a write of unknown outcome again on its own, since
// that could do it twice. Ask the API with Client.Requests.FindUnknown
// whether it received it.
type UnknownOutcomeError struct {
	// Method and URL of the write (no credentials).
	Method string
	URL    string
	// SentAt is when the last attempt was sent, by the local clock.
	SentAt time.Time
	// Attempts is how many times the call was sent (a POST: once).
	Attempts int
	// Err is the transport's error, the context's, or the *APIError of a
	// 500, 502, 503 or 504 answer.
	Err error

	// body is what the last attempt sent, for FindUnknown to compare with
	// the API's records. It is kept out of the exported fields because it
	// may carry passwords.
	body []byte
}

// Error says that the outcome is unknown and why.
func (e *UnknownOutcomeError) Error() string {
	return fmt.Sprintf("ionos: %s %s: outcome unknown, not retried (the API may have carried it out; look it up with Requests.FindUnknown): %v",
		e.Method, e.URL, e.Err)
}

// Is matches ErrUnknownOutcome.
func (e *UnknownOutcomeError) Is(target error) bool { return target == ErrUnknownOutcome }

// Unwrap returns the underlying error, so that errors.Is(err,
// context.Canceled) and errors.As(err, &apiErr) work too.
func (e *UnknownOutcomeError) Unwrap() error { return e.Err }

// AmbiguousOutcomeError is returned by Requests.FindUnknown when the API
// recorded more than one request that matches the write of unknown outcome
// (same method, URL and body, made since it was sent): two identical writes
// were made, and only the caller can tell which one was the lost one.
// Matches holds them, oldest first.
type AmbiguousOutcomeError struct {
	Matches []Request
}

// Error says how many requests match.
func (e *AmbiguousOutcomeError) Error() string {
	ids := make([]string, len(e.Matches))
	for i, r := range e.Matches {
		ids[i] = r.ID
	}
	return fmt.Sprintf("ionos: %d identical requests match the write of unknown outcome (%s): cannot tell which one it was",
		len(e.Matches), strings.Join(ids, ", "))
}

// Is matches ErrAmbiguousOutcome.
func (e *AmbiguousOutcomeError) Is(target error) bool { return target == ErrAmbiguousOutcome }

// InvalidInputError is returned before anything is sent when an argument is
// one the API would refuse for sure, or one that cannot be sent at all (an
// empty ID). Field names the argument, in Go terms ("ServerSpec.RAM",
// "datacenterID"). The SDK checks only what cannot go stale: required
// fields, empty or malformed IDs, documented numeric ranges and fields that
// exclude each other; the values the API owns (types, zones, protocols) are
// the API's to refuse. It matches both ErrInvalidInput and ErrValidation,
// so that errors.Is(err, ErrValidation) finds wrong input wherever it was
// caught.
type InvalidInputError struct {
	Field  string
	Reason string
}

// Error names the field and the reason.
func (e *InvalidInputError) Error() string {
	return "ionos: invalid " + e.Field + ": " + e.Reason
}

// Is matches ErrInvalidInput and ErrValidation.
func (e *InvalidInputError) Is(target error) bool {
	return target == ErrInvalidInput || target == ErrValidation
}

func invalid(field, format string, args ...any) *InvalidInputError {
	return &InvalidInputError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// RequestFailedError is returned by WaitForCompletion when the API reports
// that an asynchronous request ended FAILED.
type RequestFailedError struct {
	RequestID string
	Message   string
	Targets   []RequestTarget
}

// Error names the request and the API's message.
func (e *RequestFailedError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "no message"
	}
	return "ionos: request " + e.RequestID + " failed: " + msg
}

// AmbiguousNameError is returned by lookups by name that match more than one
// resource.
type AmbiguousNameError struct {
	// Kind is what was looked up ("data center").
	Kind string
	Name string
	// Candidates are the matches, as "name (id)".
	Candidates []string
}

// Error names the candidates.
func (e *AmbiguousNameError) Error() string {
	return fmt.Sprintf("ionos: %d %ss match the name %q: %s", len(e.Candidates), e.Kind, e.Name, strings.Join(e.Candidates, ", "))
}

// Is matches ErrAmbiguousName.
func (e *AmbiguousNameError) Is(target error) bool { return target == ErrAmbiguousName }
