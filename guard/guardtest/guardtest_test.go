package guardtest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/guard/guardtest"
	"github.com/transferguard/transferguard/identity"
)

func TestGenerators(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if err := guardtest.Policy().Draw(t, "policy").Validate(); err != nil {
			t.Fatalf("Policy drew an invalid policy: %v", err)
		}
		tr := guardtest.Transfer().Draw(t, "transfer")
		if _, err := tr.Total(); err != nil {
			t.Fatalf("Transfer drew an invalid transfer: %v", err)
		}
		if _, err := identity.Parse(tr.Payee.RealName); err != nil {
			t.Fatalf("payee name %+q does not parse: %v", tr.Payee.RealName, err)
		}
		if _, ok := guard.DefaultPolicy().Thresholds[tr.Amount.Currency]; !ok {
			t.Fatalf("currency %s not in the default policy", tr.Amount.Currency)
		}
		for _, s := range guardtest.Assessment().Draw(t, "assessment").Suspects {
			if _, err := identity.Parse(s.Contact.RealName); err != nil {
				t.Fatalf("suspect name %+q does not parse: %v", s.Contact.RealName, err)
			}
		}
	})
}
