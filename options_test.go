package ionos

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOptionKinds pins which calls each option compiles on: an option that
// does not apply to a call must not be accepted there.
func TestOptionKinds(t *testing.T) {
	kinds := map[string]reflect.Type{
		"read":         reflect.TypeFor[ReadOption](),
		"list":         reflect.TypeFor[ListOption](),
		"write":        reflect.TypeFor[WriteOption](),
		"requestList":  reflect.TypeFor[RequestListOption](),
		"serverDelete": reflect.TypeFor[ServerDeleteOption](),
	}
	for name, tc := range map[string]struct {
		opt  any
		want []string
	}{
		"WithDepth":              {WithDepth(2), []string{"read", "list", "write", "requestList", "serverDelete"}},
		"WithCallContractNumber": {WithCallContractNumber("31"), []string{"read", "list", "write", "requestList", "serverDelete"}},
		"WithDeleteVolumes":      {WithDeleteVolumes(), []string{"serverDelete"}},
		"WithPage":               {WithPage(0, 10), []string{"list", "requestList"}},
		"WithRequestFilter":      {WithRequestFilter(RequestFilter{Status: RequestDone}), []string{"requestList"}},
	} {
		var got []string
		for _, k := range []string{"read", "list", "write", "requestList", "serverDelete"} {
			if reflect.TypeOf(tc.opt).Implements(kinds[k]) {
				got = append(got, k)
			}
		}
		assert.Equal(t, tc.want, got, name)
	}
}
