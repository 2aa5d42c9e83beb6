package main

import (
	"time"

	"github.com/transferguard/transferguard/examples/internal/demodata"
	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/risk"
)

// result is what the walk shows of one transfer. It holds no clear-text
// name: only masked displays, ids, codes and what the payer typed.
type result struct {
	Title      string          `json:"title"`
	TransferID string          `json:"transfer_id"`
	PayeeID    string          `json:"payee_id"`
	Nickname   string          `json:"payee_nickname"`
	Amount     guard.Money     `json:"amount"`
	Level      risk.Level      `json:"risk_level"`
	Score      float64         `json:"risk_score"`
	Risk       []risk.Reason   `json:"risk_reasons,omitempty"`
	Action     guard.Action    `json:"action"`
	Reasons    []string        `json:"reasons"`
	Display    string          `json:"display"`
	Suspects   []guard.Suspect `json:"suspects,omitempty"`
	Hold       guard.Hold      `json:"hold"`
	Prompt     *guard.Prompt   `json:"prompt,omitempty"`
	Attempts   []attempt       `json:"attempts,omitempty"`
	Evidence   guard.Evidence  `json:"evidence"`
	Digest     guard.Digest    `json:"digest"`
	Plan       *guard.Plan     `json:"aftercare,omitempty"`
}

type attempt struct {
	Answer  string        `json:"answer"`
	Verdict guard.Verdict `json:"verdict"`
	Left    int           `json:"attempts_left"`
	// LockedUntil is set when the answer locked the challenge.
	LockedUntil time.Time `json:"locked_until,omitzero"`
}

// walk runs every scenario through the library, chaining the evidence.
func walk(p guard.Policy, contacts *risk.Index, scenarios []scenario) ([]result, error) {
	var out []result
	var prev guard.Digest
	for _, sc := range scenarios {
		t := sc.Transfer
		if sc.AvatarFile != "" {
			a, err := demodata.HashAvatarFile(demodata.FS(), sc.AvatarFile)
			if err != nil {
				return nil, err
			}
			t.Payee.Avatar = &a
		}
		a := risk.Assess(t.Payee, contacts, sc.Signals)
		d, err := p.Evaluate(t, a)
		if err != nil {
			return nil, err
		}
		r := result{Title: sc.Title, TransferID: t.ID, PayeeID: t.Payee.ID, Nickname: t.Payee.Nickname,
			Amount: t.Amount, Level: a.Level, Score: a.Score, Risk: a.Reasons, Action: d.Action,
			Reasons: d.Reasons.Codes(), Display: d.Display.Text, Suspects: d.Suspects, Hold: d.Hold}
		if r.Display == "" { // Allow shows no confirm screen; show the name anyway
			if m, err := p.MaskName(t.Payee.RealName); err == nil {
				r.Display = m.Text
			}
		}
		var state guard.State
		var verdict guard.Verdict
		if d.Challenge.IsValid() {
			pr := d.Challenge.Prompt(state)
			r.Prompt = &pr
			now := t.At
			for _, ans := range sc.Answers {
				now = now.Add(20 * time.Second)
				state, verdict = d.Challenge.Check(state, ans, now)
				r.Attempts = append(r.Attempts, attempt{ans, verdict, d.Challenge.AttemptsLeft(state), state.LockedUntil})
				if verdict != guard.Retry {
					break
				}
			}
		}
		r.Evidence = guard.NewEvidence(t, d, state, verdict, prev)
		r.Digest = r.Evidence.Digest()
		prev = r.Digest
		if len(sc.Events) > 0 {
			plan := guard.Aftercare(r.Evidence, sc.Events, sc.AftercareAt)
			r.Plan = &plan
		}
		out = append(out, r)
	}
	return out, nil
}
