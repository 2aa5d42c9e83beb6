package guard

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/risk"
)

var at = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// transfer returns a verified transfer of minor CNY to 张小明.
func transfer(minor int64) Transfer {
	return Transfer{
		ID: "t1", PayerID: "payer1",
		Payee:  risk.Profile{ID: "payee1", Nickname: "小明", RealName: "张小明"},
		Amount: Money{minor, "CNY"}, At: at, PayerVerified: true, PayeeVerified: true,
	}
}

// summary is the part of a Decision that the table tests compare.
type summary struct {
	Action   Action
	Reasons  string
	Display  string
	Kind     ChallengeKind
	Hold     HoldKind
	HoldFor  time.Duration
	Suspects []string
}

func summarize(d Decision) summary {
	s := summary{Action: d.Action, Reasons: d.Reasons.String(), Display: d.Display.Text,
		Kind: d.Challenge.Kind(), Hold: d.Hold.Kind, HoldFor: d.Hold.Duration}
	for _, x := range d.Suspects {
		s.Suspects = append(s.Suspects, x.ContactID+" "+x.Nickname+" "+x.Name.Text)
	}
	return s
}

func TestEvaluate(t *testing.T) {
	lookalike := risk.Assessment{Level: risk.LevelNone, Suspects: []risk.Suspect{{
		Contact: risk.Profile{ID: "c7", Nickname: "小明同学", RealName: "张伟明"},
		Score:   0.93, Reasons: []risk.Reason{"nickname_homoglyph", "avatar_match"},
	}}}
	tests := []struct {
		name string
		t    Transfer
		a    risk.Assessment
		want summary
	}{
		{"allow", transfer(10000), risk.Assessment{}, summary{Action: ActionAllow, Reasons: "none"}},
		{"allow just below confirm", transfer(49999), risk.Assessment{}, summary{Action: ActionAllow, Reasons: "none"}},
		{"confirm", transfer(50000), risk.Assessment{},
			summary{Action: ActionConfirm, Reasons: "amount_confirm", Display: "张*明"}},
		{"name challenge at ¥2,000", transfer(200000), risk.Assessment{},
			summary{Action: ActionChallenge, Reasons: "amount_confirm|amount_challenge", Display: "张*明", Kind: HiddenPart}},
		{"full name at ¥10,000", transfer(1000000), risk.Assessment{},
			summary{Action: ActionChallenge, Reasons: "amount_confirm|amount_challenge|amount_full_name", Display: "张*明", Kind: FullName}},
		{"delayed arrival at ¥50,000", transfer(5000000), risk.Assessment{},
			summary{Action: ActionDelay, Reasons: "amount_confirm|amount_challenge|amount_full_name|amount_delay",
				Display: "张*明", Kind: FullName, Hold: DelayedArrival, HoldFor: 2 * time.Hour}},
		{"split transfer reaches the challenge", func() Transfer {
			t := transfer(150000)
			t.SentToday = Money{60000, "CNY"}
			return t
		}(), risk.Assessment{},
			summary{Action: ActionChallenge, Reasons: "amount_confirm|amount_challenge|daily_total", Display: "张*明", Kind: HiddenPart}},
		{"JPY challenge", func() Transfer {
			t := transfer(40000)
			t.Amount.Currency = "JPY"
			return t
		}(), risk.Assessment{},
			summary{Action: ActionChallenge, Reasons: "amount_confirm|amount_challenge", Display: "张*明", Kind: HiddenPart}},
		{"risk low", transfer(100), risk.Assessment{Level: risk.LevelLow},
			summary{Action: ActionConfirm, Reasons: "risk_low", Display: "张*明"}},
		{"risk medium", transfer(100), risk.Assessment{Level: risk.LevelMedium},
			summary{Action: ActionChallenge, Reasons: "risk_medium", Display: "张*明", Kind: HiddenPart}},
		{"risk high", transfer(100), risk.Assessment{Level: risk.LevelHigh},
			summary{Action: ActionDelay, Reasons: "risk_high", Display: "张*明", Kind: FullName, Hold: CoolingOff, HoldFor: 15 * time.Minute}},
		{"risk critical", transfer(100), risk.Assessment{Level: risk.LevelCritical},
			summary{Action: ActionDelay, Reasons: "risk_critical", Display: "张*明", Kind: FullName, Hold: NextDay, HoldFor: 24 * time.Hour}},
		{"unknown level counts as critical", transfer(100), risk.Assessment{Level: 9},
			summary{Action: ActionDelay, Reasons: "risk_critical", Display: "张*明", Kind: FullName, Hold: NextDay, HoldFor: 24 * time.Hour}},
		{"lookalike of a contact", transfer(100), lookalike,
			summary{Action: ActionDelay, Reasons: "lookalike_contact", Display: "张*明", Kind: FullName,
				Hold: CoolingOff, HoldFor: 15 * time.Minute, Suspects: []string{"c7 小明同学 张*明"}}},
		{"lookalike and delayed arrival: longest hold wins", transfer(5000000), lookalike,
			summary{Action: ActionDelay, Reasons: "amount_confirm|amount_challenge|amount_full_name|amount_delay|lookalike_contact",
				Display: "张*明", Kind: FullName, Hold: DelayedArrival, HoldFor: 2 * time.Hour, Suspects: []string{"c7 小明同学 张*明"}}},
		{"payer not verified", func() Transfer { t := transfer(100); t.PayerVerified = false; return t }(), risk.Assessment{},
			summary{Action: ActionBlock, Reasons: "payer_not_verified", Display: "张*明"}},
		{"payee not verified, with risk", func() Transfer { t := transfer(300000); t.PayeeVerified = false; return t }(),
			risk.Assessment{Level: risk.LevelHigh},
			summary{Action: ActionBlock, Reasons: "amount_confirm|amount_challenge|risk_high|payee_not_verified", Display: "张*明"}},
	}
	p := DefaultPolicy()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := p.Evaluate(tt.t, tt.a)
			if err != nil {
				t.Fatalf("Evaluate(%+v) error: %v", tt.t, err)
			}
			if diff := cmp.Diff(tt.want, summarize(d)); diff != "" {
				t.Errorf("Evaluate(%v, level %v) (-want +got):\n%s", tt.t.Amount, tt.a.Level, diff)
			}
			if d.Challenge.IsValid() {
				c := d.Challenge
				if !c.Binds(tt.t) || !c.IssuedAt().Equal(at) || !c.ExpiresAt().Equal(at.Add(5*time.Minute)) {
					t.Errorf("challenge not bound to the transfer: %v issued %v expires %v", c, c.IssuedAt(), c.ExpiresAt())
				}
			}
			if d.Hold.Kind != NoHold && !d.Hold.CancelUntil.Equal(at.Add(d.Hold.Duration)) {
				t.Errorf("cancel window ends %v, want %v", d.Hold.CancelUntil, at.Add(d.Hold.Duration))
			}
		})
	}
}

func TestEvaluateErrors(t *testing.T) {
	p := DefaultPolicy()
	edit := func(f func(*Transfer)) Transfer { t := transfer(100); f(&t); return t }
	tests := []struct {
		name string
		t    Transfer
		want error
	}{
		{"unknown currency", edit(func(t *Transfer) { t.Amount.Currency = "XYZ" }), ErrUnknownCurrency},
		{"zero amount", edit(func(t *Transfer) { t.Amount.Minor = 0 }), ErrAmount},
		{"negative amount", edit(func(t *Transfer) { t.Amount.Minor = -5 }), ErrAmount},
		{"negative sent today", edit(func(t *Transfer) { t.SentToday = Money{-5, "CNY"} }), ErrAmount},
		{"sent today in another currency", edit(func(t *Transfer) { t.SentToday = Money{5, "USD"} }), ErrCurrencyMismatch},
		{"overflow", edit(func(t *Transfer) { t.Amount.Minor = math.MaxInt64; t.SentToday = Money{1, "CNY"} }), ErrOverflow},
		{"missing payee name", edit(func(t *Transfer) { t.Payee.RealName = "" }), ErrNoPayeeName},
		{"payee name identity rejects, small amount", edit(func(t *Transfer) { t.Payee.RealName = "张\u202e三" }), identity.ErrForbiddenRune},
		{"missing time", edit(func(t *Transfer) { t.At = time.Time{} }), ErrNoTime},
		{"currency without thresholds", edit(func(t *Transfer) { t.Amount.Currency = "KWD" }), ErrUnsupportedCurrency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := p.Evaluate(tt.t, risk.Assessment{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Evaluate error = %v, want %v", err, tt.want)
			}
			if d.Action != ActionUnknown {
				t.Errorf("Evaluate returned action %v with an error", d.Action)
			}
		})
	}
}

func TestEvaluateAllowAllocs(t *testing.T) {
	p := DefaultPolicy()
	tr := transfer(10000)
	var d Decision
	n := testing.AllocsPerRun(100, func() { d, _ = p.Evaluate(tr, risk.Assessment{}) })
	if d.Action != ActionAllow {
		t.Fatalf("action = %v, want allow", d.Action)
	}
	if n != 0 {
		t.Errorf("allocs = %v, want 0", n)
	}
}

func TestTransferRedacted(t *testing.T) {
	tr := transfer(100)
	for _, s := range []string{tr.String(), tr.LogValue().String(), fmt.Sprintf("%v %+v %#v %s", tr, tr, tr, tr)} {
		if containsAny(s, "张", "小明") {
			t.Errorf("redacted form %+q reveals the name", s)
		}
	}
}

func TestDecisionJSON(t *testing.T) {
	tr := transfer(300000)
	a := risk.Assessment{Level: risk.LevelHigh, Reasons: []risk.Reason{"new_account"},
		Suspects: []risk.Suspect{{Contact: risk.Profile{ID: "c7", Nickname: "明明", RealName: "张晓明"}, Score: 0.5}}}
	d, err := DefaultPolicy().Evaluate(tr, a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"action":"delay","reasons":["amount_confirm","amount_challenge","risk_high","lookalike_contact"],` +
		`"display":{"text":"张*明","segments":[{"text":"张"},{"text":"*","hidden":true},{"text":"明"}]},` +
		`"prompt":{"kind":"full_name","masked":"张*明","segments":[{"text":"张"},{"text":"*","hidden":true},{"text":"明"}],` +
		`"fill":[{"start":0,"end":3}],"attempts_left":3,"expires_at":"2026-03-01T09:35:00Z"},` +
		`"hold":{"kind":"cooling_off","duration":"15m0s","cancel_until":"2026-03-01T09:45:00Z"},` +
		`"risk_level":"high","risk_reasons":["new_account"],` +
		`"suspects":[{"contact_id":"c7","nickname":"明明","name":{"text":"张*明","segments":[{"text":"张"},{"text":"*","hidden":true},{"text":"明"}]},"score":0.5}]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("Decision JSON (-want +got):\n%s", diff)
	}
	for _, secret := range []string{"张小明", "张晓明", "小"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("Decision JSON contains %+q", secret)
		}
	}
}

func TestHoldJSONRoundTrip(t *testing.T) {
	h := Hold{Kind: NextDay, Duration: 24 * time.Hour, CancelUntil: at.Add(24 * time.Hour)}
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var back Hold
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(h, back); diff != "" {
		t.Errorf("Hold %s round trip (-want +got):\n%s", b, diff)
	}
}

// TestDisplayDoesNotAliasPrompt: the decision's display and the challenge's
// segments share one allocation; writing into or appending to the display
// must not change what the prompt shows.
func TestDisplayDoesNotAliasPrompt(t *testing.T) {
	p := DefaultPolicy()
	d, err := p.Evaluate(transfer(300000), risk.Assessment{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Challenge.IsValid() {
		t.Fatalf("action %v: no challenge", d.Action)
	}
	before := d.Challenge.Prompt(State{})
	for i := range d.Display.Segments {
		d.Display.Segments[i] = Segment{Text: "x", Hidden: true}
	}
	d.Display.Segments = append(d.Display.Segments, Segment{Text: "y"})
	if diff := cmp.Diff(before, d.Challenge.Prompt(State{})); diff != "" {
		t.Errorf("prompt changed after the display was written (-before +after):\n%s", diff)
	}
}

// TestEvaluateLookalikeAllocs bounds the allocations of the lookalike path
// (BenchmarkEvaluate/lookalike): the payee's masked text, one segments
// array for display and challenge (the hidden spans are kept inline), the
// suspects slice, and per suspect its masked text and segments.
func TestEvaluateLookalikeAllocs(t *testing.T) {
	p := DefaultPolicy()
	a := risk.Assessment{Level: risk.LevelHigh, Suspects: []risk.Suspect{{
		Contact: risk.Profile{ID: "c7", Nickname: "小明", RealName: "张晓明"}, Score: 0.9}}}
	tr := transfer(300000)
	var d Decision
	n := testing.AllocsPerRun(100, func() { d, _ = p.Evaluate(tr, a) })
	if !d.Challenge.IsValid() || len(d.Suspects) != 1 || d.Suspects[0].Name.Text == "" {
		t.Fatalf("decision %+v: want a challenge and one masked suspect", summarize(d))
	}
	if n > 5 {
		t.Errorf("allocs = %v, want at most 5", n)
	}
}
