package guard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/transferguard/transferguard/mask"
)

// ErrInvalidPolicy is returned by [Policy.Validate]; the wrapped message
// names the offending field by its JSON path.
var ErrInvalidPolicy = errors.New("guard: invalid policy")

// Policy is a payment service's rules for transfers: amount thresholds per
// currency, the real-name requirement, what each risk level costs, the
// challenge's limits and the hold durations. It is a plain value with JSON
// tags, safe to copy and compare with cmp.Diff. Start from [DefaultPolicy]
// and check any policy read from a file with [Policy.Validate].
//
// The zero Policy is not usable: it has no thresholds, so [Policy.Evaluate]
// returns [ErrUnsupportedCurrency] for every transfer, and Validate reports it.
type Policy struct {
	// Thresholds maps an ISO 4217 code to that currency's thresholds. Every
	// threshold applies to the transfer's amount plus what the payer already
	// sent to the same payee that day ([Transfer.SentToday]), so splitting a
	// transfer does not escape a check.
	Thresholds map[string]Thresholds `json:"thresholds"`

	// RequireVerifiedPayer blocks transfers from payers who are not
	// real-name verified.
	RequireVerifiedPayer bool `json:"require_verified_payer"`
	// RequireVerifiedPayee blocks transfers to payees who are not real-name
	// verified.
	RequireVerifiedPayee bool `json:"require_verified_payee"`

	// Display is how the payee's real name is masked on the confirm screen
	// and in challenges (JSON: "keep-last", "hide-surname", "keep-surname",
	// "keep-ends").
	Display mask.Style `json:"display"`
	// HideLength masks each hidden run with a fixed number of mask runes, so
	// the display does not tell how many characters are hidden
	// (mask.HideLength). Prompts then omit the grapheme spans to fill.
	HideLength bool `json:"hide_length"`

	// NameChallenge is the kind of challenge that thresholds.challenge asks
	// for (thresholds.full_name always asks for [FullName]). It must not be
	// [NoChallenge].
	NameChallenge ChallengeKind `json:"name_challenge"`
	// AmountHold is the hold that thresholds.delay recommends; it must not
	// be [NoHold].
	AmountHold HoldKind `json:"amount_hold"`

	// Risk says what each risk level of the assessment costs at least.
	Risk RiskRules `json:"risk"`
	// Lookalike is what a payee costs at least when the assessment lists
	// suspects: contacts of the payer that this payee appears to imitate.
	Lookalike Rule `json:"lookalike"`

	// Holds gives each [HoldKind] its duration.
	Holds Holds `json:"holds"`

	// Challenge holds the challenge's limits.
	Challenge ChallengeRules `json:"challenge"`
}

// Thresholds are the amounts, in minor units of one currency, from which a
// rule applies (amount plus today's total to the same payee >= threshold).
// Zero disables a rule. Non-zero thresholds must satisfy Confirm <=
// Challenge <= FullName.
type Thresholds struct {
	// Confirm: show the masked name and ask for confirmation.
	Confirm int64 `json:"confirm"`
	// Challenge: ask for [Policy.NameChallenge].
	Challenge int64 `json:"challenge"`
	// FullName: ask for the full name.
	FullName int64 `json:"full_name"`
	// Delay: recommend [Policy.AmountHold].
	Delay int64 `json:"delay"`
}

// Rule is the least that a risk finding costs: an action, and the challenge
// and hold that come with it. A rule with a challenge has an action of at
// least [ActionChallenge]; a rule with a hold has the action [ActionDelay] or [ActionBlock].
// The zero Rule costs nothing.
type Rule struct {
	Action    Action        `json:"action,omitempty"`
	Challenge ChallengeKind `json:"challenge,omitempty"`
	Hold      HoldKind      `json:"hold,omitempty"`
}

// RiskRules gives each risk level above none its [Rule]. A level above
// critical (a newer risk package) is treated as critical. A level's rule
// must not cost less than the rule of the level below: no lower action,
// challenge kind or hold duration.
type RiskRules struct {
	Low      Rule `json:"low"`
	Medium   Rule `json:"medium"`
	High     Rule `json:"high"`
	Critical Rule `json:"critical"`
}

// Holds gives each [HoldKind] its duration; each must be positive.
type Holds struct {
	CoolingOff     Duration `json:"cooling_off"`
	DelayedArrival Duration `json:"delayed_arrival"`
	NextDay        Duration `json:"next_day"`
}

// ChallengeRules are a challenge's limits.
type ChallengeRules struct {
	// TTL is how long a challenge stays open after it is issued.
	TTL Duration `json:"ttl"`
	// MaxAttempts is the number of wrong answers, per challenge, that lock
	// it (1–100).
	MaxAttempts int `json:"max_attempts"`
	// MaxPerPayeeDay is the number of wrong answers a payer may give for one
	// payee in a day, over all challenges (the caller keeps the counter).
	MaxPerPayeeDay int `json:"max_per_payee_day"`
	// MaxPerPayerDay is the number of wrong answers a payer may give in a
	// day, over all payees (the caller keeps the counter). It stops name
	// harvesting.
	MaxPerPayerDay int `json:"max_per_payer_day"`
	// LockoutBase is the first lockout; each further lockout doubles it.
	LockoutBase Duration `json:"lockout_base"`
	// LockoutMax caps the lockout.
	LockoutMax Duration `json:"lockout_max"`
	// AcceptCloseMatch lets an identity.CloseMatch answer pass (a
	// homophone, a variant or a one-letter typo). Off by default: it weakens
	// the check and is not constant-time (see the package's Security notes).
	AcceptCloseMatch bool `json:"accept_close_match"`
}

// DefaultPolicy returns the default policy. Its figures and their sources:
//
//   - Confirm from ¥500 (CNY 50000 minor units) to the same payee in a day:
//     our choice, a quarter of the name threshold, so that small transfers
//     between people who know each other need no extra step.
//   - Name challenge ([HiddenPart]) from ¥2,000 (CNY 200000): WeChat Pay's
//     merchant API requires the payee's real name for transfers to a user's
//     balance from ¥2,000.
//   - Full-name challenge from ¥10,000 (CNY 1000000): our choice. Five times
//     the name threshold, so it is rare in everyday payments, and a fifth of
//     the ¥50,000 from which the PBoC's large-value reporting rules (PBoC
//     Order [2016] No. 3) start to treat a day's cash transactions as large,
//     so a payer moving a sum of that order has proved they know the whole
//     name, not only the hidden character.
//   - Delayed arrival (2 hours) recommended from ¥50,000 (CNY 5000000): the
//     same large-value mark.
//   - Holds: the three arrival options of the People's Bank of China notice
//     261 (2016, 银发〔2016〕261号): real-time (no hold), delayed arrival within
//     2 hours, next day (24 hours); and a 15-minute cooling-off, as WeChat Pay
//     applies to transfers it judges high-risk.
//   - Risk levels: low → confirm; medium → hidden-part challenge; high →
//     full-name challenge plus the cooling-off; critical → full-name
//     challenge plus next-day arrival.
//   - Lookalike of a contact (a suspect in the assessment): full-name
//     challenge plus the cooling-off, never less.
//   - Payer and payee must be real-name verified (PBoC notice 261 requires
//     real-name accounts); otherwise the transfer is blocked.
//   - Display mask.KeepEnds (张*明): more than WeChat's pre-2018 last character.
//   - Challenge: 5-minute TTL; 3 wrong answers lock; 6 wrong answers per
//     payee and 10 per payer a day; lockouts of 5 minutes doubling up to 24
//     hours; CloseMatch answers do not pass.
//
// Other currencies: USD, EUR, GBP get 70/300/1,500/7,000 units (roughly the
// CNY figures at 2026 exchange rates, rounded); HKD 550/2,200/11,000/55,000;
// JPY 10,000/40,000/200,000/1,000,000 yen. DefaultPolicy allocates a new map
// on every call, so callers may change the result freely.
func DefaultPolicy() Policy {
	return Policy{
		Thresholds: map[string]Thresholds{
			"CNY": {Confirm: 50000, Challenge: 200000, FullName: 1000000, Delay: 5000000},
			"HKD": {Confirm: 55000, Challenge: 220000, FullName: 1100000, Delay: 5500000},
			"USD": {Confirm: 7000, Challenge: 30000, FullName: 150000, Delay: 700000},
			"EUR": {Confirm: 7000, Challenge: 30000, FullName: 150000, Delay: 700000},
			"GBP": {Confirm: 7000, Challenge: 30000, FullName: 150000, Delay: 700000},
			"JPY": {Confirm: 10000, Challenge: 40000, FullName: 200000, Delay: 1000000},
		},
		RequireVerifiedPayer: true,
		RequireVerifiedPayee: true,
		Display:              mask.KeepEnds,
		NameChallenge:        HiddenPart,
		AmountHold:           DelayedArrival,
		Risk: RiskRules{
			Low:      Rule{Action: ActionConfirm},
			Medium:   Rule{Action: ActionChallenge, Challenge: HiddenPart},
			High:     Rule{Action: ActionDelay, Challenge: FullName, Hold: CoolingOff},
			Critical: Rule{Action: ActionDelay, Challenge: FullName, Hold: NextDay},
		},
		Lookalike: Rule{Action: ActionDelay, Challenge: FullName, Hold: CoolingOff},
		Holds: Holds{
			CoolingOff:     Duration(15 * time.Minute),
			DelayedArrival: Duration(2 * time.Hour),
			NextDay:        Duration(24 * time.Hour),
		},
		Challenge: ChallengeRules{
			TTL:            Duration(5 * time.Minute),
			MaxAttempts:    3,
			MaxPerPayeeDay: 6,
			MaxPerPayerDay: 10,
			LockoutBase:    Duration(5 * time.Minute),
			LockoutMax:     Duration(24 * time.Hour),
		},
	}
}

// Validate reports whether p is usable. It returns an error wrapping
// [ErrInvalidPolicy] whose message names the first offending field.
func (p Policy) Validate() error {
	if len(p.Thresholds) == 0 {
		return invalid("thresholds")
	}
	for code, t := range p.Thresholds {
		if _, ok := minorUnits(code); !ok {
			return fmt.Errorf("%w: thresholds: %w", ErrInvalidPolicy, ErrUnknownCurrency)
		}
		if err := t.validate(); err != "" {
			return invalid("thresholds." + code + "." + err)
		}
	}
	switch {
	case !p.Display.IsValid():
		return invalid("display")
	case p.NameChallenge == NoChallenge || int(p.NameChallenge) >= len(kindNames):
		return invalid("name_challenge")
	case p.AmountHold == NoHold || int(p.AmountHold) >= len(holdNames):
		return invalid("amount_hold")
	}
	for _, r := range [...]struct {
		name string
		r    Rule
	}{{"risk.low", p.Risk.Low}, {"risk.medium", p.Risk.Medium}, {"risk.high", p.Risk.High},
		{"risk.critical", p.Risk.Critical}, {"lookalike", p.Lookalike}} {
		if !r.r.valid() {
			return invalid(r.name)
		}
	}
	if p.Holds.CoolingOff <= 0 || p.Holds.DelayedArrival <= 0 || p.Holds.NextDay <= 0 {
		return invalid("holds")
	}
	// A higher level must never cost less, or raising the risk could lower
	// the action.
	levels := [...]Rule{p.Risk.Low, p.Risk.Medium, p.Risk.High, p.Risk.Critical}
	names := [...]string{"risk.low", "risk.medium", "risk.high", "risk.critical"}
	for i := 1; i < len(levels); i++ {
		lo, hi := levels[i-1], levels[i]
		if hi.Action < lo.Action || hi.Challenge < lo.Challenge || p.holdDuration(hi.Hold) < p.holdDuration(lo.Hold) {
			return invalid(names[i] + " (costs less than " + names[i-1] + ")")
		}
	}
	return p.Challenge.validate()
}

// policyJSON has Policy's fields without its methods.
type policyJSON Policy

// UnmarshalJSON reads a policy strictly: an unknown field (a misspelt
// "require_verified_payer" would otherwise leave a safety rule off without
// a word) is an error wrapping [ErrInvalidPolicy]. Fields that are absent
// keep their zero value; call [Policy.Validate] afterwards.
func (p *Policy) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var v policyJSON
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidPolicy, err)
	}
	*p = Policy(v)
	return nil
}

func invalid(field string) error { return fmt.Errorf("%w: %s", ErrInvalidPolicy, field) }

func (t Thresholds) validate() string {
	switch {
	case t.Confirm < 0:
		return "confirm"
	case t.Challenge < 0:
		return "challenge"
	case t.FullName < 0:
		return "full_name"
	case t.Delay < 0:
		return "delay"
	case t.Confirm != 0 && t.Challenge != 0 && t.Confirm > t.Challenge:
		return "confirm"
	case t.Challenge != 0 && t.FullName != 0 && t.Challenge > t.FullName:
		return "challenge"
	case t.Confirm != 0 && t.FullName != 0 && t.Confirm > t.FullName:
		return "confirm"
	}
	return ""
}

func (r Rule) valid() bool {
	switch {
	case int(r.Action) >= len(actionNames) || int(r.Challenge) >= len(kindNames) || int(r.Hold) >= len(holdNames):
		return false
	case r.Challenge != NoChallenge && r.Action < ActionChallenge:
		return false
	case r.Action == ActionChallenge && r.Challenge == NoChallenge:
		return false
	case r.Hold != NoHold && r.Action < ActionDelay:
		return false
	case r.Action == ActionDelay && r.Hold == NoHold:
		return false
	}
	return true
}

func (c ChallengeRules) validate() error {
	switch {
	case c.TTL <= 0:
		return invalid("challenge.ttl")
	case c.MaxAttempts < 1 || c.MaxAttempts > 100:
		return invalid("challenge.max_attempts")
	case c.MaxPerPayeeDay < 1:
		return invalid("challenge.max_per_payee_day")
	case c.MaxPerPayerDay < 1:
		return invalid("challenge.max_per_payer_day")
	case c.LockoutBase <= 0:
		return invalid("challenge.lockout_base")
	case c.LockoutMax < c.LockoutBase:
		return invalid("challenge.lockout_max")
	}
	return nil
}

// holdDuration returns the duration of h under p (zero for NoHold or an
// unknown kind).
func (p Policy) holdDuration(h HoldKind) time.Duration {
	switch h {
	case CoolingOff:
		return time.Duration(p.Holds.CoolingOff)
	case DelayedArrival:
		return time.Duration(p.Holds.DelayedArrival)
	case NextDay:
		return time.Duration(p.Holds.NextDay)
	}
	return 0
}
