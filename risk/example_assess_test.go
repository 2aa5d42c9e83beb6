package risk_test

import (
	"fmt"
	"time"

	"github.com/transferguard/transferguard/risk"
)

// Assess judges a payee from the payer's contacts and what the service
// knows about the account.
func ExampleAssess() {
	contacts := risk.NewIndex([]risk.Profile{
		{ID: "c-1", Nickname: "阿伟", RealName: "张伟"},
		{ID: "c-2", Nickname: "芳芳", RealName: "王芳"},
	})
	now := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

	// A new account that took the cousin's nickname in traditional form.
	a := risk.Assess(risk.Profile{ID: "u-9", Nickname: "阿偉"}, contacts, risk.Signals{
		Now:             now,
		Known:           true, // no earlier transfer to this payee
		PayeeCreated:    now.Add(-72 * time.Hour),
		NicknameChanged: now.Add(-5 * time.Hour),
	})
	fmt.Println(a.Level, a.Reasons)
	fmt.Println(a.Suspects[0].Contact.ID, a.Suspects[0].Reasons)

	// The contact herself, paid many times before.
	b := risk.Assess(risk.Profile{ID: "c-2", Nickname: "芳芳"}, contacts, risk.Signals{
		Now: now, Contact: true, Known: true, PriorTransfers: 14,
	})
	fmt.Println(b.Level, len(b.Suspects))
	// Output:
	// critical [lookalike_of_contact not_contact first_transfer new_account nickname_changed]
	// c-1 [nickname_equal_keys nickname_han_variant]
	// none 0
}

// Weights are a JSON value a service can tune; Validate checks a loaded one.
func ExampleWeights() {
	w := risk.DefaultWeights()
	w.NewAccountDays = 7
	fmt.Println(w.Validate())
	w.High = 0.1 // below Medium
	fmt.Println(w.Validate())
	// Output:
	// <nil>
	// risk: invalid weights: levels
}
