package guard

import (
	"encoding/json"
	"math/bits"
	"strings"
)

// Reasons is a bit set saying why a [Decision] got its action. Each bit
// comes from one rule of the [Policy], named by [Reasons.Rules]; its code
// ([Reasons.Codes]) is stable and machine-readable, so services can log and
// count them. The zero value is the empty set.
type Reasons uint32

// Reason bits. The comment names the policy rule (its JSON path) that sets
// the bit.
const (
	// ReasonAmountConfirm: amount plus today's total reached thresholds.<cur>.confirm.
	ReasonAmountConfirm Reasons = 1 << iota
	// ReasonAmountChallenge: amount plus today's total reached thresholds.<cur>.challenge.
	ReasonAmountChallenge
	// ReasonAmountFullName: amount plus today's total reached thresholds.<cur>.full_name.
	ReasonAmountFullName
	// ReasonAmountDelay: amount plus today's total reached thresholds.<cur>.delay.
	ReasonAmountDelay
	// ReasonDailyTotal: a threshold was reached only because of what the payer
	// already sent to this payee today (a split transfer), rule thresholds.
	ReasonDailyTotal
	// ReasonRiskLow: the assessment's level is low, rule risk.low.
	ReasonRiskLow
	// ReasonRiskMedium: the assessment's level is medium, rule risk.medium.
	ReasonRiskMedium
	// ReasonRiskHigh: the assessment's level is high, rule risk.high.
	ReasonRiskHigh
	// ReasonRiskCritical: the assessment's level is critical (or unknown),
	// rule risk.critical.
	ReasonRiskCritical
	// ReasonLookalike: the payee looks like one of the payer's contacts but
	// is another account, rule lookalike.
	ReasonLookalike
	// ReasonPayerNotVerified: the payer is not real-name verified, rule
	// require_verified_payer.
	ReasonPayerNotVerified
	// ReasonPayeeNotVerified: the payee is not real-name verified, rule
	// require_verified_payee.
	ReasonPayeeNotVerified

	numReasons = iota
)

var reasonCodes = [numReasons]string{
	"amount_confirm",
	"amount_challenge",
	"amount_full_name",
	"amount_delay",
	"daily_total",
	"risk_low",
	"risk_medium",
	"risk_high",
	"risk_critical",
	"lookalike_contact",
	"payer_not_verified",
	"payee_not_verified",
}

var reasonRules = [numReasons]string{
	"thresholds.confirm",
	"thresholds.challenge",
	"thresholds.full_name",
	"thresholds.delay",
	"thresholds",
	"risk.low",
	"risk.medium",
	"risk.high",
	"risk.critical",
	"lookalike",
	"require_verified_payer",
	"require_verified_payee",
}

// Has reports whether every bit of q is set in r.
func (r Reasons) Has(q Reasons) bool { return r&q == q }

// Len returns the number of reasons set.
func (r Reasons) Len() int { return bits.OnesCount32(uint32(r)) }

// Codes returns the code of each reason set, in bit order, such as
// ["amount_challenge", "risk_high"]. Unknown bits are ignored.
func (r Reasons) Codes() []string {
	var out []string
	for i := range numReasons {
		if r&(1<<i) != 0 {
			out = append(out, reasonCodes[i])
		}
	}
	return out
}

// Rules returns, for each reason set and in the same order as
// [Reasons.Codes], the policy rule that sets it, as a path into the
// policy's JSON form ("thresholds.challenge", "risk.high").
func (r Reasons) Rules() []string {
	var out []string
	for i := range numReasons {
		if r&(1<<i) != 0 {
			out = append(out, reasonRules[i])
		}
	}
	return out
}

// String lists the codes of the reasons set, joined by "|"; the empty set
// prints as "none".
func (r Reasons) String() string {
	if r == 0 {
		return "none"
	}
	return strings.Join(r.Codes(), "|")
}

// ParseReasons parses the form of [Reasons.String]. An unknown code is
// [ErrUnknownName].
func ParseReasons(s string) (Reasons, error) {
	if s == "none" {
		return 0, nil
	}
	var r Reasons
	for c := range strings.SplitSeq(s, "|") {
		q, err := reasonFromCode(c)
		if err != nil {
			return 0, err
		}
		r |= q
	}
	return r, nil
}

func reasonFromCode(c string) (Reasons, error) {
	for i, n := range reasonCodes {
		if n == c {
			return 1 << i, nil
		}
	}
	return 0, ErrUnknownName
}

// MarshalJSON writes the reasons as an array of codes in bit order.
func (r Reasons) MarshalJSON() ([]byte, error) {
	c := r.Codes()
	if c == nil {
		c = []string{}
	}
	return json.Marshal(c)
}

// UnmarshalJSON reads an array of codes; an unknown code is
// [ErrUnknownName].
func (r *Reasons) UnmarshalJSON(b []byte) error {
	var codes []string
	if err := json.Unmarshal(b, &codes); err != nil {
		return err
	}
	var q Reasons
	for _, c := range codes {
		v, err := reasonFromCode(c)
		if err != nil {
			return err
		}
		q |= v
	}
	*r = q
	return nil
}
