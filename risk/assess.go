package risk

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/transferguard/transferguard/identity"
)

// Reasons of [Assess]. Suspects carry their own nickname and avatar reasons.
const (
	ReasonNotContact      Reason = "not_contact"
	ReasonFirstTransfer   Reason = "first_transfer"
	ReasonNewAccount      Reason = "new_account"
	ReasonNicknameChanged Reason = "nickname_changed"
	ReasonAvatarChanged   Reason = "avatar_changed"
	ReasonBlockedPayer    Reason = "blocked_payer"
	ReasonReported        Reason = "reported_by_others"
	ReasonOwnAccount      Reason = "own_account"
	ReasonLookalike       Reason = "lookalike_of_contact"
)

// Signals are what the payment service knows about a transfer's payee and
// the library cannot see. Times come in from the caller, so [Assess] reads
// no clock. The zero Signals means "nothing known": no signal fires.
type Signals struct {
	// Now is the time of the transfer. Without it, no time-based signal
	// (new account, recent changes) fires.
	Now time.Time `json:"now,omitzero"`
	// Contact reports that the payee is in the payer's contact list
	// (a friend, not just someone the index was built from).
	Contact bool `json:"contact"`
	// Known reports that the service knows this payer's history with the
	// payee; with Known set, PriorTransfers == 0 means a first transfer.
	Known bool `json:"known"`
	// PriorTransfers is the number of earlier completed transfers from the
	// payer to this payee.
	PriorTransfers int `json:"prior_transfers"`
	// PayeeCreated is when the payee's account was opened; zero if unknown.
	PayeeCreated time.Time `json:"payee_created,omitzero"`
	// NicknameChanged and AvatarChanged are when the payee last changed
	// their nickname and avatar; zero if never or unknown.
	NicknameChanged time.Time `json:"nickname_changed,omitzero"`
	AvatarChanged   time.Time `json:"avatar_changed,omitzero"`
	// BlockedPayer reports that the payee has blocked this payer before.
	BlockedPayer bool `json:"blocked_payer"`
	// Reports is the number of distinct other users who reported the payee.
	Reports int `json:"reports"`
	// PayerRealName is the payer's verified real name. When the payee's
	// verified real name is the same ([identity.Compare] says Match), the
	// payer is paying an account of their own.
	PayerRealName string `json:"payer_real_name,omitempty"`
}

// Weights say what each signal adds to an [Assessment]'s score and where the
// levels start. It is a plain value that serialises to JSON; start from
// [DefaultWeights]. Scores are clamped to [0, 1].
type Weights struct {
	NotContact    float64 `json:"not_contact"`
	FirstTransfer float64 `json:"first_transfer"`
	NewAccount    float64 `json:"new_account"`
	// NewAccountDays: an account younger than this many days is new.
	NewAccountDays int `json:"new_account_days"`
	// RecentChange is added once for a nickname change and once for an
	// avatar change within RecentChangeHours.
	RecentChange      float64 `json:"recent_change"`
	RecentChangeHours int     `json:"recent_change_hours"`
	BlockedPayer      float64 `json:"blocked_payer"`
	// Report is added per report by another user, up to ReportsMax.
	Report     float64 `json:"report"`
	ReportsMax float64 `json:"reports_max"`
	// Lookalike is multiplied by the best suspect's score (in [0, 1]).
	Lookalike float64 `json:"lookalike"`
	// OwnAccount is added (it is negative) when payer and payee share a
	// verified real name.
	OwnAccount float64 `json:"own_account"`
	// Low, Medium, High and Critical are the scores where each level starts.
	Low      float64 `json:"low"`
	Medium   float64 `json:"medium"`
	High     float64 `json:"high"`
	Critical float64 `json:"critical"`
}

// DefaultWeights returns the default weights. The reasoning:
//
//   - The copied-identity scam of the 2018 WeChat Pay case needs a payee who
//     looks like a contact but is another account: a suspect from the
//     [Index] puts the score at High on its own (Lookalike 0.6 × a
//     lookalike's score ≥ 0.85 ≥ 0.5), and [Assess] never rates a transfer
//     with a suspect below [LevelHigh]; nickname and avatar together make it
//     [LevelCritical].
//   - A payee who blocked the payer before (0.45) is the step scammers take
//     once paid; reports by others (0.15 each, at most 0.45) are the
//     platform's crowd signal.
//   - Context alone never reaches High: not a contact (0.1), first transfer
//     (0.1), account younger than 30 days (0.15), nickname or avatar
//     changed in the last 72 hours (0.1 each) add up to 0.55 at most when
//     all fire at once, which is Medium-to-High territory only for a new,
//     unknown account that just changed its face: the pattern of a freshly
//     made impersonation account.
//   - Paying an account under one's own verified name is the low-risk case
//     (moving money between one's own accounts): −0.3.
//   - Levels start at 0.1 (low), 0.25 (medium), 0.5 (high), 0.8 (critical).
func DefaultWeights() Weights {
	return Weights{
		NotContact:        0.1,
		FirstTransfer:     0.1,
		NewAccount:        0.15,
		NewAccountDays:    30,
		RecentChange:      0.1,
		RecentChangeHours: 72,
		BlockedPayer:      0.45,
		Report:            0.15,
		ReportsMax:        0.45,
		Lookalike:         0.6,
		OwnAccount:        -0.3,
		Low:               0.1,
		Medium:            0.25,
		High:              0.5,
		Critical:          0.8,
	}
}

// Assess judges the payee of a transfer with the default weights; see
// [Weights.Assess].
func Assess(payee Profile, contacts *Index, s Signals) Assessment {
	return DefaultWeights().Assess(payee, contacts, s)
}

// Assess combines the search of the payer's contacts for whom payee imitates
// (contacts may be nil: no contact list) with the context signals s into an
// explainable score: the sum of the weights of the reasons listed in the
// assessment, clamped to [0, 1], and a level from w's thresholds, raised to
// [LevelHigh] when there is a suspect and to [LevelCritical] when a suspect
// matches by both nickname and avatar.
func (w Weights) Assess(payee Profile, contacts *Index, s Signals) Assessment {
	var a Assessment
	score := 0.0
	add := func(r Reason, v float64) {
		a.Reasons = append(a.Reasons, r)
		score += v
	}
	if contacts != nil {
		a.Suspects = contacts.Lookalikes(payee)
	}
	floor := LevelNone
	if len(a.Suspects) > 0 {
		add(ReasonLookalike, w.Lookalike*a.Suspects[0].Score)
		floor = LevelHigh
		for _, sp := range a.Suspects {
			if sp.Nickname.Lookalike && sp.Avatar.Match {
				floor = LevelCritical
			}
		}
	}
	if !s.Contact {
		add(ReasonNotContact, w.NotContact)
	}
	if s.Known && s.PriorTransfers == 0 {
		add(ReasonFirstTransfer, w.FirstTransfer)
	}
	if !s.Now.IsZero() {
		if !s.PayeeCreated.IsZero() && s.Now.Sub(s.PayeeCreated) < days(w.NewAccountDays) {
			add(ReasonNewAccount, w.NewAccount)
		}
		recent := hours(w.RecentChangeHours)
		if within(s.Now, s.NicknameChanged, recent) {
			add(ReasonNicknameChanged, w.RecentChange)
		}
		if within(s.Now, s.AvatarChanged, recent) {
			add(ReasonAvatarChanged, w.RecentChange)
		}
	}
	if s.BlockedPayer {
		add(ReasonBlockedPayer, w.BlockedPayer)
	}
	if s.Reports > 0 {
		add(ReasonReported, math.Min(float64(s.Reports)*w.Report, w.ReportsMax))
	}
	if s.PayerRealName != "" && payee.RealName != "" &&
		identity.Compare(s.PayerRealName, payee.RealName).Verdict == identity.Match {
		add(ReasonOwnAccount, w.OwnAccount)
	}
	a.Score = min(max(score, 0), 1)
	a.Level = max(w.level(a.Score), floor)
	return a
}

func (w Weights) level(score float64) Level {
	switch {
	case score >= w.Critical:
		return LevelCritical
	case score >= w.High:
		return LevelHigh
	case score >= w.Medium:
		return LevelMedium
	case score >= w.Low:
		return LevelLow
	}
	return LevelNone
}

func days(n int) time.Duration  { return time.Duration(n) * 24 * time.Hour }
func hours(n int) time.Duration { return time.Duration(n) * time.Hour }

// within reports whether t is set and lies in (now−d, now].
func within(now, t time.Time, d time.Duration) bool {
	return !t.IsZero() && !t.After(now) && now.Sub(t) < d
}

// ErrInvalidWeights is returned by [Weights.Validate].
var ErrInvalidWeights = errors.New("risk: invalid weights")

// Validate reports whether w is usable: finite weights, non-negative except
// OwnAccount (which must not be positive), positive day and hour windows,
// and level thresholds in (0, 1] that rise from Low to Critical. The error
// wraps [ErrInvalidWeights] and names the first offending field.
func (w Weights) Validate() error {
	bad := func(field string) error { return fmt.Errorf("%w: %s", ErrInvalidWeights, field) }
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"not_contact", w.NotContact}, {"first_transfer", w.FirstTransfer},
		{"new_account", w.NewAccount}, {"recent_change", w.RecentChange},
		{"blocked_payer", w.BlockedPayer}, {"report", w.Report},
		{"reports_max", w.ReportsMax}, {"lookalike", w.Lookalike},
	} {
		if !(f.v >= 0 && f.v <= 1) { // also rejects NaN
			return bad(f.name)
		}
	}
	if !(w.OwnAccount <= 0 && w.OwnAccount >= -1) {
		return bad("own_account")
	}
	if w.NewAccountDays <= 0 {
		return bad("new_account_days")
	}
	if w.RecentChangeHours <= 0 {
		return bad("recent_change_hours")
	}
	if !(w.Low > 0 && w.Low < w.Medium && w.Medium < w.High && w.High < w.Critical && w.Critical <= 1) {
		return bad("levels")
	}
	return nil
}
