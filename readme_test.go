package ionos

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEListsEveryOperation fails when a service method is added to the
// SDK but not to the README's operation table, where each appears as
// `c.Service.Method(`.
func TestREADMEListsEveryOperation(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	require.NoError(t, err)
	readme := string(raw)
	ct := reflect.TypeOf(Client{})
	n := 0
	var missing []string
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		for j := 0; j < f.Type.NumMethod(); j++ {
			m := f.Type.Method(j)
			call := "c." + f.Name + "." + m.Name + "("
			if !strings.Contains(readme, call) {
				missing = append(missing, call)
			}
			n++
		}
	}
	assert.Empty(t, missing, "the README's operation table lacks these calls")
	assert.Greater(t, n, 10)
}
