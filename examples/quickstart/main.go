// Command quickstart is the README's quick start: evaluate a transfer,
// challenge the payer, check the answer, record the evidence.
package main

import (
	"fmt"
	"time"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/risk"
)

func main() {
	contacts := risk.NewIndex([]risk.Profile{{ID: "c-1", Nickname: "阿伟", RealName: "张伟"}})
	payee := risk.Profile{ID: "u-9", Nickname: "阿偉", RealName: "赵强"} // a lookalike
	now := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	t := guard.Transfer{ID: "t-1", PayerID: "u-1", Payee: payee, At: now,
		Amount:        guard.Money{Minor: 8_000_000, Currency: "CNY"}, // ¥80,000.00
		PayerVerified: true, PayeeVerified: true}

	policy := guard.DefaultPolicy()
	d, err := policy.Evaluate(t, risk.Assess(payee, contacts, risk.Signals{Now: now}))
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Action, d.Display.Text, d.Reasons, d.Suspects[0].ContactID)

	state, verdict := d.Challenge.Check(guard.State{}, "张伟", now.Add(time.Minute))
	fmt.Println(verdict, d.Challenge.AttemptsLeft(state)) // the payer typed the cousin's name

	ev := guard.NewEvidence(t, d, state, verdict, guard.Digest{})
	fmt.Println(ev.Digest())
}
