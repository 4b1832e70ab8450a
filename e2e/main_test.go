// Package e2e runs the SDK end to end against the emulator (ionostest) on
// loopback: failure drills and a test that every SDK operation works against
// it. Nothing here reaches a real cloud.
package e2e

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any test leaves a goroutine behind.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
