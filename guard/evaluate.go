package guard

import (
	"encoding/json"
	"time"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/risk"
)

// Decision is what [Policy.Evaluate] decided for a transfer. It stays on
// the server (its Challenge holds the expected answer); send the client the
// display, the reasons, the hold and the challenge's [Challenge.Prompt].
type Decision struct {
	// Action is the strongest action that any rule asked for.
	Action Action
	// Reasons lists the rules that fired.
	Reasons Reasons
	// Display is the payee's real name masked with the policy's style, for
	// the confirm screen. It is empty on [ActionAllow], which needs no
	// screen; call [Policy.Display] if the UI shows the name anyway.
	Display MaskedName
	// Challenge is the name challenge when a rule asked for one
	// (Challenge.IsValid).
	Challenge Challenge
	// Hold is the recommended delayed arrival or cooling-off; its Kind is
	// [NoHold] when none.
	Hold Hold
	// Level is the assessment's risk level.
	Level risk.Level
	// RiskReasons are the assessment's reason codes, passed through.
	RiskReasons []risk.Reason
	// Suspects are the payer's contacts that the payee appears to imitate,
	// with their real names masked, so that a UI can say "this account is
	// not your contact 张*伟 (nickname …), it only looks like it".
	Suspects []Suspect
}

// Hold is a recommended delay before the money arrives, during which the
// payer may cancel.
type Hold struct {
	Kind HoldKind `json:"kind"`
	// Duration is how long the money is held.
	Duration time.Duration `json:"duration"`
	// CancelUntil is the end of the cancel window: the transfer's time plus
	// Duration.
	CancelUntil time.Time `json:"cancel_until"`
}

// holdJSON is Hold's JSON form.
type holdJSON struct {
	Kind        HoldKind  `json:"kind"`
	Duration    Duration  `json:"duration"`
	CancelUntil time.Time `json:"cancel_until"`
}

// MarshalJSON writes the hold with its duration as Go duration text
// ("15m0s").
func (h Hold) MarshalJSON() ([]byte, error) {
	return json.Marshal(holdJSON{h.Kind, Duration(h.Duration), h.CancelUntil})
}

// UnmarshalJSON reads the form of [Hold.MarshalJSON].
func (h *Hold) UnmarshalJSON(b []byte) error {
	var v holdJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*h = Hold{v.Kind, time.Duration(v.Duration), v.CancelUntil}
	return nil
}

// Suspect is a contact of the payer that the payee appears to imitate, as
// the payer may be shown it.
type Suspect struct {
	// ContactID is the contact's account id.
	ContactID string `json:"contact_id"`
	// Nickname is the contact's nickname, as the payer knows it.
	Nickname string `json:"nickname"`
	// Name is the contact's real name masked with the policy's style, or
	// the zero MaskedName when the name is unknown or does not parse.
	Name MaskedName `json:"name,omitzero"`
	// Score is the similarity in [0, 1], from the risk package.
	Score float64 `json:"score"`
	// Reasons are the risk package's reasons for the resemblance.
	Reasons []risk.Reason `json:"reasons,omitempty"`
}

// outcome accumulates what rules ask for.
type outcome struct {
	action  Action
	kind    ChallengeKind
	hold    HoldKind
	holdDur time.Duration
	reasons Reasons
}

// apply raises o to what r asks for, with reason q.
func (o *outcome) apply(p *Policy, r Rule, q Reasons) {
	o.reasons |= q
	o.action = max(o.action, r.Action)
	o.kind = max(o.kind, r.Challenge)
	if d := p.holdDuration(r.Hold); d > o.holdDur || (d == o.holdDur && r.Hold > o.hold) {
		o.hold, o.holdDur = r.Hold, d
	}
}

// Evaluate decides what happens to transfer t, given the payee's risk
// assessment a. The action is the strongest that any rule asks for:
//
//   - the real-name rules (require_verified_payer, require_verified_payee):
//     [ActionBlock];
//   - the amount thresholds of t's currency, applied to Amount + SentToday:
//     confirm, name challenge, full-name challenge, delayed arrival;
//   - the rule of the assessment's risk level (risk.low … risk.critical; a
//     level above critical counts as critical);
//   - the lookalike rule when the assessment lists suspects.
//
// A rule that asks for a challenge makes the action at least
// [ActionChallenge]; one that asks for a hold makes it at least
// [ActionDelay]. Raising the amount or the day's total, raising the level or
// adding a suspect never lowers the action.
//
// Evaluate returns [ErrUnknownCurrency], [ErrAmount], [ErrCurrencyMismatch],
// [ErrOverflow], [ErrNoPayeeName], [ErrNoTime], [ErrUnsupportedCurrency]
// (the policy has no thresholds for the currency), or an error from parsing
// (identity.Parse, on every path) or masking the payee's name; it never lets
// a transfer pass on bad input. p should pass [Policy.Validate]; Evaluate
// does not validate it again, and never panics on a policy that fails it.
//
// Evaluate does not allocate when the action is [ActionAllow] and the
// payee's name is in NFC (TestEvaluateAllowAllocs).
func (p Policy) Evaluate(t Transfer, a risk.Assessment) (Decision, error) {
	total, err := t.validate()
	if err != nil {
		return Decision{}, err
	}
	th, ok := p.Thresholds[t.Amount.Currency]
	if !ok {
		return Decision{}, ErrUnsupportedCurrency
	}
	// Parse on every path, so that a name identity rejects is an error
	// whatever the amount. Parse does not allocate for NFC input.
	n, err := identity.Parse(t.Payee.RealName)
	if err != nil {
		return Decision{}, err
	}
	o := outcome{action: ActionAllow}
	if p.RequireVerifiedPayer && !t.PayerVerified {
		o.apply(&p, Rule{Action: ActionBlock}, ReasonPayerNotVerified)
	}
	if p.RequireVerifiedPayee && !t.PayeeVerified {
		o.apply(&p, Rule{Action: ActionBlock}, ReasonPayeeNotVerified)
	}
	p.applyAmount(&o, th, t.Amount.Minor, total.Minor)
	p.applyRisk(&o, a)
	d := Decision{Action: o.action, Reasons: o.reasons, Level: a.Level, RiskReasons: a.Reasons}
	if o.action == ActionAllow {
		return d, nil
	}
	if err := p.complete(&d, &o, &t, &n, &a); err != nil {
		return Decision{}, err
	}
	return d, nil
}

// applyAmount applies the thresholds th to the total; a threshold that only
// the total reaches adds [ReasonDailyTotal].
func (p *Policy) applyAmount(o *outcome, th Thresholds, amount, total int64) {
	rules := [...]struct {
		at int64
		r  Rule
		q  Reasons
	}{
		{th.Confirm, Rule{Action: ActionConfirm}, ReasonAmountConfirm},
		{th.Challenge, Rule{Action: ActionChallenge, Challenge: p.NameChallenge}, ReasonAmountChallenge},
		{th.FullName, Rule{Action: ActionChallenge, Challenge: FullName}, ReasonAmountFullName},
		{th.Delay, Rule{Action: ActionDelay, Hold: p.AmountHold}, ReasonAmountDelay},
	}
	for _, r := range rules {
		if r.at <= 0 || total < r.at {
			continue
		}
		o.apply(p, r.r, r.q)
		if amount < r.at {
			o.reasons |= ReasonDailyTotal
		}
	}
}

// applyRisk applies the level's rule and the lookalike rule.
func (p *Policy) applyRisk(o *outcome, a risk.Assessment) {
	switch {
	case a.Level == risk.LevelNone:
	case a.Level == risk.LevelLow:
		o.apply(p, p.Risk.Low, ReasonRiskLow)
	case a.Level == risk.LevelMedium:
		o.apply(p, p.Risk.Medium, ReasonRiskMedium)
	case a.Level == risk.LevelHigh:
		o.apply(p, p.Risk.High, ReasonRiskHigh)
	default:
		o.apply(p, p.Risk.Critical, ReasonRiskCritical)
	}
	if len(a.Suspects) > 0 {
		o.apply(p, p.Lookalike, ReasonLookalike)
	}
}

// complete fills in the display, challenge, hold and suspects of a decision
// stronger than allow.
func (p *Policy) complete(d *Decision, o *outcome, t *Transfer, n *identity.Name, a *risk.Assessment) error {
	challenge := o.kind != NoChallenge && o.action != ActionBlock
	need := needPublic
	if challenge {
		need |= needView
	}
	pub, v, err := p.maskName(n, need)
	if err != nil {
		return err
	}
	d.Display = pub
	if challenge {
		d.Action = max(d.Action, ActionChallenge)
		if err := p.newChallenge(&d.Challenge, o.kind, t, n, &v, t.At, t.At.Add(time.Duration(p.Challenge.TTL))); err != nil {
			return err
		}
	}
	if o.hold != NoHold && o.action != ActionBlock {
		d.Action = max(d.Action, ActionDelay)
		d.Hold = Hold{Kind: o.hold, Duration: o.holdDur, CancelUntil: t.At.Add(o.holdDur)}
	}
	if len(a.Suspects) > 0 {
		d.Suspects = make([]Suspect, len(a.Suspects))
		for i := range a.Suspects {
			p.suspect(&d.Suspects[i], &a.Suspects[i])
		}
	}
	return nil
}

// suspect masks a contact for display.
func (p *Policy) suspect(out *Suspect, s *risk.Suspect) {
	*out = Suspect{ContactID: s.Contact.ID, Nickname: s.Contact.Nickname, Score: s.Score, Reasons: s.Reasons}
	if s.Contact.RealName != "" {
		var n identity.Name
		if pub, _, err := p.display(&n, s.Contact.RealName, needPublic); err == nil {
			out.Name = pub
		}
	}
}

// MaskedName is a name masked for the payer: the text and its segments, so
// that a UI can render the visible part large and the hidden part as boxes.
// It never holds the hidden text. The zero MaskedName is "nothing shown".
type MaskedName struct {
	Text     string    `json:"text"`
	Segments []Segment `json:"segments"`
}

// MaskName returns name masked with p's display style, as a decision shows
// it. Use it when the UI shows the name on an [ActionAllow] decision too. It
// returns the name parsing errors of the identity package.
func (p Policy) MaskName(name string) (MaskedName, error) {
	var n identity.Name
	pub, _, err := p.display(&n, name, needPublic)
	if err != nil {
		return MaskedName{}, err
	}
	return pub, nil
}

// decisionJSON is the client-safe JSON form of a Decision.
type decisionJSON struct {
	Action      Action        `json:"action"`
	Reasons     Reasons       `json:"reasons"`
	Display     MaskedName    `json:"display,omitzero"`
	Prompt      *Prompt       `json:"prompt,omitempty"`
	Hold        *Hold         `json:"hold,omitempty"`
	Level       string        `json:"risk_level"`
	RiskReasons []risk.Reason `json:"risk_reasons,omitempty"`
	Suspects    []Suspect     `json:"suspects,omitempty"`
}

// MarshalJSON writes what a client may see of d: the action, reasons,
// masked display, hold, risk level and reasons, suspects, and for a
// challenge its fresh [Challenge.Prompt] (never the challenge itself, which
// holds the answer). It is one-way: a Decision is made by
// [Policy.Evaluate], not decoded.
func (d Decision) MarshalJSON() ([]byte, error) {
	v := decisionJSON{Action: d.Action, Reasons: d.Reasons, Display: d.Display,
		Level: d.Level.String(), RiskReasons: d.RiskReasons, Suspects: d.Suspects}
	if d.Challenge.IsValid() {
		p := d.Challenge.Prompt(State{})
		v.Prompt = &p
	}
	if d.Hold.Kind != NoHold {
		v.Hold = &d.Hold
	}
	return json.Marshal(v)
}
