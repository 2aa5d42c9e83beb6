// Package guardtest provides rapid generators for property tests of code
// that uses the guard package: transfers (amounts in several currencies,
// with today's totals), payee names and valid policies that vary
// [guard.DefaultPolicy]. A payment service can use them to check its own
// invariants, for example that its wrapper never lets a transfer through
// that the policy challenges.
//
// This package imports pgregory.net/rapid from non-test code: it is meant
// for tests only.
package guardtest

import (
	"time"

	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/identity/identitytest"
	"github.com/transferguard/transferguard/mask"
	"github.com/transferguard/transferguard/risk"
)

// Currencies are the currencies of [guard.DefaultPolicy]'s thresholds, which
// [Transfer] draws from.
func Currencies() []string { return []string{"CNY", "EUR", "GBP", "HKD", "JPY", "USD"} }

// maxAmount bounds generated amounts (10^13 minor units, ¥100 billion) so
// that an amount plus a day's total never overflows.
const maxAmount = 1e13

// Amount returns a generator of positive amounts in minor units, weighted
// towards the figures policies use: small amounts, amounts around ¥2,000 and
// ¥10,000 scaled by currency, and large ones.
func Amount() *rapid.Generator[int64] {
	return rapid.OneOf(
		rapid.Int64Range(1, 10_000),
		rapid.Int64Range(10_000, 2_000_000),
		rapid.SampledFrom([]int64{49_999, 50_000, 199_999, 200_000, 999_999, 1_000_000, 4_999_999, 5_000_000}),
		rapid.Int64Range(1, maxAmount),
	)
}

// Money returns a generator of valid [guard.Money] in the given currencies
// (default: [Currencies]).
func Money(currencies ...string) *rapid.Generator[guard.Money] {
	if len(currencies) == 0 {
		currencies = Currencies()
	}
	return rapid.Custom(func(t *rapid.T) guard.Money {
		return guard.Money{
			Currency: rapid.SampledFrom(currencies).Draw(t, "currency"),
			Minor:    Amount().Draw(t, "minor"),
		}
	})
}

// PayeeName returns a generator of registered payee names in several
// scripts: identitytest.Name (Han with single and compound surnames in
// simplified and traditional form, interpunct names, Latin with
// diacritics, Korean).
func PayeeName() *rapid.Generator[string] { return identitytest.Name() }

// Transfer returns a generator of valid transfers: an amount from [Money],
// a day's total to the same payee in the same currency (often zero), a
// payee with a name from [PayeeName], verified accounts (now and then
// not), and a time in 2026.
func Transfer() *rapid.Generator[guard.Transfer] {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return rapid.Custom(func(t *rapid.T) guard.Transfer {
		m := Money().Draw(t, "amount")
		tr := guard.Transfer{
			ID:      "t" + rapid.StringMatching(`[0-9]{1,8}`).Draw(t, "id"),
			PayerID: "payer" + rapid.StringMatching(`[0-9]{1,4}`).Draw(t, "payer"),
			Payee: risk.Profile{
				ID:       "payee" + rapid.StringMatching(`[0-9]{1,4}`).Draw(t, "payee"),
				Nickname: rapid.StringN(1, 12, -1).Draw(t, "nickname"),
				RealName: PayeeName().Draw(t, "name"),
			},
			Amount:        m,
			At:            base.Add(time.Duration(rapid.Int64Range(0, 365*24*3600).Draw(t, "at")) * time.Second),
			PayerVerified: rapid.IntRange(0, 9).Draw(t, "payerVerified") > 0,
			PayeeVerified: rapid.IntRange(0, 9).Draw(t, "payeeVerified") > 0,
		}
		if rapid.Bool().Draw(t, "sentToday") {
			tr.SentToday = guard.Money{Minor: Amount().Draw(t, "today"), Currency: m.Currency}
		}
		return tr
	})
}

// Policy returns a generator of valid policies: [guard.DefaultPolicy] with
// its thresholds scaled, its display style, name challenge, holds, risk
// rules and challenge limits varied. Every policy it draws passes
// [guard.Policy.Validate].
func Policy() *rapid.Generator[guard.Policy] {
	return rapid.Custom(func(t *rapid.T) guard.Policy {
		p := guard.DefaultPolicy()
		for _, c := range Currencies() {
			th := p.Thresholds[c]
			scale := rapid.Int64Range(1, 4).Draw(t, "scale_"+c)
			th.Confirm *= scale
			th.Challenge *= scale
			th.FullName *= scale
			th.Delay *= scale
			if rapid.Bool().Draw(t, "noConfirm_"+c) {
				th.Confirm = 0
			}
			p.Thresholds[c] = th
		}
		p.RequireVerifiedPayer = rapid.Bool().Draw(t, "requirePayer")
		p.RequireVerifiedPayee = rapid.Bool().Draw(t, "requirePayee")
		p.Display = rapid.SampledFrom([]mask.Style{mask.KeepLast, mask.HideSurname, mask.KeepSurname, mask.KeepEnds}).Draw(t, "display")
		p.HideLength = rapid.IntRange(0, 3).Draw(t, "hideLength") == 0
		p.NameChallenge = rapid.SampledFrom([]guard.ChallengeKind{guard.HiddenPart, guard.Surname, guard.FullName}).Draw(t, "nameChallenge")
		p.AmountHold = rapid.SampledFrom([]guard.HoldKind{guard.CoolingOff, guard.DelayedArrival, guard.NextDay}).Draw(t, "amountHold")
		p.Holds.CoolingOff = guard.Duration(rapid.Int64Range(1, 60).Draw(t, "coolingOff")) * guard.Duration(time.Minute)
		levels := []*guard.Rule{&p.Risk.Low, &p.Risk.Medium, &p.Risk.High, &p.Risk.Critical}
		for i, r := range levels {
			*r = Rule().Draw(t, "level"+string(rune('1'+i)))
			if i > 0 {
				*r = atLeast(*r, *levels[i-1])
			}
		}
		p.Lookalike = Rule().Draw(t, "lookalike")
		p.Challenge.TTL = guard.Duration(rapid.Int64Range(1, 30).Draw(t, "ttl")) * guard.Duration(time.Minute)
		p.Challenge.MaxAttempts = rapid.IntRange(1, 10).Draw(t, "maxAttempts")
		p.Challenge.MaxPerPayeeDay = rapid.IntRange(1, 30).Draw(t, "maxPerPayee")
		p.Challenge.MaxPerPayerDay = rapid.IntRange(1, 60).Draw(t, "maxPerPayer")
		p.Challenge.LockoutBase = guard.Duration(rapid.Int64Range(1, 600).Draw(t, "lockoutBase")) * guard.Duration(time.Second)
		p.Challenge.LockoutMax = p.Challenge.LockoutBase * guard.Duration(rapid.Int64Range(1, 1000).Draw(t, "lockoutMaxFactor"))
		p.Challenge.AcceptCloseMatch = rapid.Bool().Draw(t, "acceptClose")
		return p
	})
}

// Rule returns a generator of valid [guard.Rule] values: an action with a
// challenge kind when the action is a challenge or stronger, and a hold when
// it is a delay.
func Rule() *rapid.Generator[guard.Rule] {
	return rapid.Custom(func(t *rapid.T) guard.Rule {
		r := guard.Rule{Action: rapid.SampledFrom([]guard.Action{guard.ActionAllow, guard.ActionConfirm,
			guard.ActionChallenge, guard.ActionDelay, guard.ActionBlock}).Draw(t, "action")}
		if r.Action >= guard.ActionChallenge {
			lo := guard.NoChallenge
			if r.Action == guard.ActionChallenge {
				lo = guard.HiddenPart
			}
			r.Challenge = rapid.SampledFrom(kindsFrom(lo)).Draw(t, "challenge")
		}
		if r.Action >= guard.ActionDelay {
			lo := guard.NoHold
			if r.Action == guard.ActionDelay {
				lo = guard.CoolingOff
			}
			r.Hold = rapid.SampledFrom(holdsFrom(lo)).Draw(t, "hold")
		}
		return r
	})
}

// atLeast raises r to cost no less than lo (hold kinds are ordered by
// duration in the policies [Policy] draws).
func atLeast(r, lo guard.Rule) guard.Rule {
	r.Action = max(r.Action, lo.Action)
	r.Challenge = max(r.Challenge, lo.Challenge)
	r.Hold = max(r.Hold, lo.Hold)
	return r
}

func kindsFrom(lo guard.ChallengeKind) []guard.ChallengeKind {
	var out []guard.ChallengeKind
	for k := lo; k <= guard.FullName; k++ {
		out = append(out, k)
	}
	return out
}

func holdsFrom(lo guard.HoldKind) []guard.HoldKind {
	var out []guard.HoldKind
	for k := lo; k <= guard.NextDay; k++ {
		out = append(out, k)
	}
	return out
}

// Assessment returns a generator of risk assessments: any level, sometimes
// with reason codes, and sometimes with suspects (contacts with names from
// [PayeeName]).
func Assessment() *rapid.Generator[risk.Assessment] {
	return rapid.Custom(func(t *rapid.T) risk.Assessment {
		a := risk.Assessment{
			Level: rapid.SampledFrom([]risk.Level{risk.LevelNone, risk.LevelLow, risk.LevelMedium,
				risk.LevelHigh, risk.LevelCritical}).Draw(t, "level"),
		}
		a.Score = float64(a.Level) / 4
		if a.Level > risk.LevelNone {
			a.Reasons = rapid.SliceOfN(rapid.SampledFrom([]risk.Reason{"not_contact", "new_account",
				"nickname_changed", "reported_by_others"}), 1, 3).Draw(t, "reasons")
		}
		for i := range rapid.IntRange(0, 2).Draw(t, "suspects") {
			a.Suspects = append(a.Suspects, Suspect().Draw(t, "suspect"+string(rune('0'+i))))
		}
		return a
	})
}

// Suspect returns a generator of suspects: a contact with a nickname and a
// real name, a score and reasons.
func Suspect() *rapid.Generator[risk.Suspect] {
	return rapid.Custom(func(t *rapid.T) risk.Suspect {
		return risk.Suspect{
			Contact: risk.Profile{
				ID:       "contact" + rapid.StringMatching(`[0-9]{1,4}`).Draw(t, "id"),
				Nickname: rapid.StringN(1, 12, -1).Draw(t, "nickname"),
				RealName: PayeeName().Draw(t, "name"),
			},
			Score:   rapid.Float64Range(0.5, 1).Draw(t, "score"),
			Reasons: []risk.Reason{rapid.SampledFrom([]risk.Reason{"nickname_homoglyph", "avatar_match", "han_variant"}).Draw(t, "reason")},
		}
	})
}
