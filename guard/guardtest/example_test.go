package guardtest_test

import (
	"fmt"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/guard/guardtest"
)

// Example checks a payment service's rule over drawn policies, transfers and
// assessments: whenever the policy asks for a challenge, the service's
// wrapper (here a stand-in) does not let the money move without one. In a
// real test, draw inside rapid.Check with Draw(t, label) instead of Example.
func Example() {
	mayPayWithoutChallenge := func(d guard.Decision) bool {
		return d.Action <= guard.ActionConfirm // the service's rule under test
	}
	held := 0
	for seed := range 200 {
		p := guardtest.Policy().Example(seed)
		tr := guardtest.Transfer().Example(seed)
		a := guardtest.Assessment().Example(seed)
		d, err := p.Evaluate(tr, a)
		if err != nil {
			fmt.Println("Evaluate:", err)
			return
		}
		if d.Challenge.IsValid() && mayPayWithoutChallenge(d) {
			fmt.Println("challenged transfer would pass:", tr)
			return
		}
		held++
	}
	fmt.Println("rule held for", held, "draws")
	// Output:
	// rule held for 200 draws
}
