package identitytest_test

import (
	"fmt"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/identity/identitytest"
)

// In a property test, draw a name and a variant of it and check that your
// code treats them as the same payee:
//
//	func TestPayeeVariants(t *testing.T) {
//		rapid.Check(t, func(t *rapid.T) {
//			name := identitytest.Name().Draw(t, "name")
//			typed := identitytest.Variant(name).Draw(t, "typed")
//			// ... your check here, for example:
//			if r := identity.Compare(typed, name); r.Verdict != identity.Match {
//				t.Fatalf("Compare(%+q, %+q) = %v", typed, name, r)
//			}
//		})
//	}
//
// Outside a test, Example draws a single value from a seed.
func Example() {
	for seed := range 3 {
		name := identitytest.Name().Example(seed)
		typed := identitytest.Variant(name).Example(seed)
		fmt.Println(identity.Compare(typed, name).Verdict)
	}
	// Output:
	// Match
	// Match
	// Match
}
