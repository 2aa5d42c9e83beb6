package guard_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/guard/guardtest"
	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/identity/identitytest"
	"github.com/transferguard/transferguard/mask"
	"github.com/transferguard/transferguard/risk"
)

// evaluate draws a valid policy, transfer and assessment and evaluates them;
// it skips draws that are errors by design (none are expected here).
func evaluate(t *rapid.T, p guard.Policy, tr guard.Transfer, a risk.Assessment) guard.Decision {
	d, err := p.Evaluate(tr, a)
	if err != nil {
		t.Fatalf("Evaluate(%v) error: %v", tr, err)
	}
	return d
}

// propMonotoneAmount: raising the amount or the day's total never lowers the
// action.
func propMonotoneAmount(t *rapid.T) {
	p := guardtest.Policy().Draw(t, "policy")
	if err := p.Validate(); err != nil {
		t.Fatalf("guardtest.Policy drew an invalid policy: %v", err)
	}
	tr := guardtest.Transfer().Draw(t, "transfer")
	a := guardtest.Assessment().Draw(t, "assessment")
	before := evaluate(t, p, tr, a)
	more := tr
	if rapid.Bool().Draw(t, "raiseToday") {
		more.SentToday = guard.Money{Minor: tr.SentToday.Minor + guardtest.Amount().Draw(t, "extra"), Currency: tr.Amount.Currency}
	} else {
		more.Amount.Minor += guardtest.Amount().Draw(t, "extra")
	}
	after := evaluate(t, p, more, a)
	if after.Action < before.Action || after.Action != guard.ActionBlock && after.Challenge.Kind() < before.Challenge.Kind() {
		t.Fatalf("raising %v to %v lowered %v/%v to %v/%v", tr.Amount, more.Amount,
			before.Action, before.Challenge.Kind(), after.Action, after.Challenge.Kind())
	}
}

// propMonotoneRisk: raising the level or adding a suspect never lowers the
// action.
func propMonotoneRisk(t *rapid.T) {
	p := guardtest.Policy().Draw(t, "policy")
	tr := guardtest.Transfer().Draw(t, "transfer")
	a := guardtest.Assessment().Draw(t, "assessment")
	before := evaluate(t, p, tr, a)
	b := a
	if rapid.Bool().Draw(t, "addSuspect") {
		b.Suspects = append(append([]risk.Suspect(nil), a.Suspects...), guardtest.Suspect().Draw(t, "suspect"))
	} else {
		b.Level = risk.Level(rapid.IntRange(int(a.Level), int(risk.LevelCritical)+1).Draw(t, "level"))
	}
	after := evaluate(t, p, tr, b)
	// A block carries no challenge or hold: compare those only below it.
	if after.Action < before.Action || after.Action != guard.ActionBlock &&
		(after.Challenge.Kind() < before.Challenge.Kind() || after.Hold.Duration < before.Hold.Duration) {
		t.Fatalf("level %v→%v, suspects %d→%d lowered %v/%v/%v to %v/%v/%v", a.Level, b.Level, len(a.Suspects), len(b.Suspects),
			before.Action, before.Challenge.Kind(), before.Hold.Kind, after.Action, after.Challenge.Kind(), after.Hold.Kind)
	}
}

// propLookalikeFloor: under the default policy a lookalike never gets less
// than a full-name challenge plus the cooling-off delay (or a block).
func propLookalikeFloor(t *rapid.T) {
	p := guard.DefaultPolicy()
	tr := guardtest.Transfer().Draw(t, "transfer")
	a := guardtest.Assessment().Draw(t, "assessment")
	a.Suspects = append(a.Suspects, guardtest.Suspect().Draw(t, "suspect"))
	d := evaluate(t, p, tr, a)
	if d.Action == guard.ActionBlock {
		return
	}
	if d.Action < guard.ActionDelay || d.Challenge.Kind() != guard.FullName || d.Hold.Duration < 15*time.Minute {
		t.Fatalf("lookalike got %v, %v, hold %v", d.Action, d.Challenge.Kind(), d.Hold.Duration)
	}
	if len(d.Suspects) != len(a.Suspects) || !d.Reasons.Has(guard.ReasonLookalike) {
		t.Fatalf("suspects %d of %d, reasons %v", len(d.Suspects), len(a.Suspects), d.Reasons)
	}
	for i, s := range d.Suspects {
		if real := a.Suspects[i].Contact.RealName; s.Name.Text == real {
			t.Fatalf("suspect %d's name is not masked", i)
		}
	}
}

func TestEvaluateMonotoneAmount(t *testing.T) { rapid.Check(t, propMonotoneAmount) }
func TestEvaluateMonotoneRisk(t *testing.T)   { rapid.Check(t, propMonotoneRisk) }
func TestLookalikeFloor(t *testing.T)         { rapid.Check(t, propLookalikeFloor) }

// challengeCase draws a policy without HideLength's effects on answers, a
// transfer, and a challenge of a drawn kind, with its expected answer worked
// out from identity and mask directly.
type challengeCase struct {
	p    guard.Policy
	tr   guard.Transfer
	c    guard.Challenge
	want string
}

func drawChallenge(t *rapid.T) challengeCase {
	p := guardtest.Policy().Draw(t, "policy")
	tr := guardtest.Transfer().Draw(t, "transfer")
	kind := rapid.SampledFrom([]guard.ChallengeKind{guard.HiddenPart, guard.Surname, guard.FullName}).Draw(t, "kind")
	c, err := p.NewChallenge(kind, tr, tr.At, tr.At.Add(time.Duration(p.Challenge.TTL)))
	if err != nil {
		t.Fatalf("NewChallenge: %v", err)
	}
	return challengeCase{p, tr, c, expected(t, p, tr.Payee.RealName, c.Kind())}
}

// expected is the reference for a challenge's answer.
func expected(t *rapid.T, p guard.Policy, name string, kind guard.ChallengeKind) string {
	n := identity.MustParse(name)
	m, err := mask.NameFrom(n, p.Display, mask.HideLength(p.HideLength))
	if err != nil {
		t.Fatalf("mask: %v", err)
	}
	switch kind {
	case guard.HiddenPart:
		return m.UnmaskedHidden()
	case guard.Surname:
		return n.Text(n.Surname())
	}
	return n.Unmasked()
}

// propCorrectPasses: the expected answer in any folded variant passes from
// any state that is neither locked nor over a daily limit, before expiry.
func propCorrectPasses(t *rapid.T) {
	cc := drawChallenge(t)
	answer := identitytest.Variant(cc.want).Draw(t, "variant")
	if identity.Fold(answer) != identity.Fold(cc.want) {
		t.Fatalf("test bug: variant %+q of %+q folds differently", answer, cc.want)
	}
	s := guard.State{
		Wrong:      rapid.IntRange(0, cc.p.Challenge.MaxAttempts-1).Draw(t, "wrong"),
		PayeeToday: rapid.IntRange(0, cc.p.Challenge.MaxPerPayeeDay-1).Draw(t, "payee"),
		PayerToday: rapid.IntRange(0, cc.p.Challenge.MaxPerPayerDay-1).Draw(t, "payer"),
		Lockouts:   rapid.IntRange(0, 5).Draw(t, "lockouts"),
	}
	now := cc.c.IssuedAt().Add(time.Duration(rapid.Int64Range(0, int64(cc.p.Challenge.TTL)-1).Draw(t, "after")))
	if rapid.Bool().Draw(t, "lockedBefore") {
		s.LockedUntil = now.Add(-time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "ago")))
	}
	next, v := cc.c.Check(s, answer, now)
	if v != guard.Passed {
		t.Fatalf("correct answer (kind %v) got %v", cc.c.Kind(), v)
	}
	if next.Answers != s.Answers+1 || next.Wrong != s.Wrong || next.PayeeToday != s.PayeeToday {
		t.Fatalf("passing changed the state: %+v → %+v", s, next)
	}
}

// wrongAnswer returns cc.want with grapheme i replaced by r, or ok=false if
// that is not a wrong answer for this challenge.
func wrongAnswer(cc challengeCase, i int, r string) (string, bool) {
	g := strings.Split(cc.want, "")
	if len(g) == 0 {
		return "", false
	}
	g[i%len(g)] = r
	w := strings.Join(g, "")
	res := identity.Compare(w, cc.want)
	if res.Verdict == identity.Match || (cc.p.Challenge.AcceptCloseMatch && res.Verdict == identity.CloseMatch) {
		return "", false
	}
	return w, true
}

var replacements = []string{"王", "李", "x", "", "7", "毛", "Q", "é"}

// propWrongIndependent: no wrong answer passes, and two wrong answers that
// differ in which character is wrong give the same verdict and next state.
func propWrongIndependent(t *rapid.T) {
	cc := drawChallenge(t)
	s := guard.State{
		Wrong:      rapid.IntRange(0, cc.p.Challenge.MaxAttempts-1).Draw(t, "wrong"),
		PayeeToday: rapid.IntRange(0, cc.p.Challenge.MaxPerPayeeDay+1).Draw(t, "payee"),
		PayerToday: rapid.IntRange(0, cc.p.Challenge.MaxPerPayerDay+1).Draw(t, "payer"),
		Lockouts:   rapid.IntRange(0, 70).Draw(t, "lockouts"),
	}
	now := cc.c.IssuedAt().Add(time.Duration(rapid.Int64Range(-int64(time.Minute), 2*int64(cc.p.Challenge.TTL)).Draw(t, "after")))
	if rapid.Bool().Draw(t, "locked") {
		s.LockedUntil = cc.c.IssuedAt().Add(time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "until")))
	}
	w1, ok1 := wrongAnswer(cc, rapid.IntRange(0, 100).Draw(t, "i"), rapid.SampledFrom(replacements).Draw(t, "r1"))
	w2, ok2 := wrongAnswer(cc, rapid.IntRange(0, 100).Draw(t, "j"), rapid.SampledFrom(replacements).Draw(t, "r2"))
	if rapid.Bool().Draw(t, "random") {
		w2 = identitytest.Hostile().Draw(t, "w2")
		ok2 = identity.Compare(w2, cc.want).Verdict == identity.NoMatch
	}
	if !ok1 || !ok2 {
		t.Skip("not a wrong answer")
	}
	s1, v1 := cc.c.Check(s, w1, now)
	s2, v2 := cc.c.Check(s, w2, now)
	if v1 == guard.Passed || v2 == guard.Passed {
		t.Fatalf("wrong answer passed: %+q / %+q for kind %v", w1, w2, cc.c.Kind())
	}
	if v1 != v2 || !cmp.Equal(s1, s2) {
		t.Fatalf("wrong answers %+q and %+q differ: %v %+v vs %v %+v", w1, w2, v1, s1, v2, s2)
	}
}

// propAttemptsAndLocks runs a sequence of answers and checks: Wrong never
// reaches the limit, at most max_attempts wrong answers are checked between
// lockouts, Locked holds until its time, and nothing is checked once a
// daily limit is used up.
func propAttemptsAndLocks(t *rapid.T) {
	cc := drawChallenge(t)
	r := cc.p.Challenge
	var s guard.State
	now := cc.c.IssuedAt()
	wrongInRound := 0
	for i := range rapid.IntRange(1, 30).Draw(t, "n") {
		now = now.Add(time.Duration(rapid.Int64Range(0, int64(r.LockoutBase)).Draw(t, "dt")))
		answer := "wrong"
		correct := rapid.IntRange(0, 4).Draw(t, "correct") == 0
		if correct {
			answer = cc.want
		}
		before := s
		next, v := cc.c.Check(s, answer, now)
		switch {
		case now.Before(before.LockedUntil):
			if v != guard.Locked || next != before {
				t.Fatalf("step %d: locked until %v, at %v got %v and %+v", i, before.LockedUntil, now, v, next)
			}
		case !now.Before(cc.c.ExpiresAt()):
			if v != guard.Expired {
				t.Fatalf("step %d: after expiry got %v", i, v)
			}
		case before.PayeeToday >= r.MaxPerPayeeDay || before.PayerToday >= r.MaxPerPayerDay:
			if v != guard.Locked || next.Answers != before.Answers {
				t.Fatalf("step %d: daily limit used up, got %v, answers %d→%d", i, v, before.Answers, next.Answers)
			}
		case correct && identity.Compare(answer, cc.want).Verdict == identity.Match:
			if v != guard.Passed {
				t.Fatalf("step %d: correct answer got %v", i, v)
			}
		case identity.Compare(answer, cc.want).Verdict == identity.NoMatch:
			wrongInRound++
			if v == guard.Passed || (v == guard.Locked) != (next.Wrong == 0 && wrongInRound == r.MaxAttempts || next.PayeeToday >= r.MaxPerPayeeDay || next.PayerToday >= r.MaxPerPayerDay) {
				t.Fatalf("step %d: wrong answer %d of %d got %v, state %+v", i, wrongInRound, r.MaxAttempts, v, next)
			}
			if v == guard.Locked {
				if !next.LockedUntil.After(now) {
					t.Fatalf("step %d: locked until %v, not after %v", i, next.LockedUntil, now)
				}
				wrongInRound = 0
			}
		}
		if next.Wrong >= r.MaxAttempts || wrongInRound > r.MaxAttempts {
			t.Fatalf("step %d: %d wrong answers in a round, limit %d", i, max(next.Wrong, wrongInRound), r.MaxAttempts)
		}
		s = next
	}
}

func TestCheckCorrectPasses(t *testing.T)    { rapid.Check(t, propCorrectPasses) }
func TestCheckWrongIndependent(t *testing.T) { rapid.Check(t, propWrongIndependent) }
func TestCheckAttemptsAndLocks(t *testing.T) { rapid.Check(t, propAttemptsAndLocks) }

// propPromptHidesAnswer: a prompt never contains a grapheme of the answer
// that the display does not show anyway: not in its texts, and for non-ASCII
// graphemes nowhere in its JSON (ASCII letters occur in the JSON keys).
func propPromptHidesAnswer(t *rapid.T) {
	cc := drawChallenge(t)
	pr := cc.c.Prompt(guard.State{})
	b, err := json.Marshal(pr)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{pr.Masked}
	for _, s := range pr.Segments {
		texts = append(texts, s.Text)
	}
	for _, g := range strings.Split(cc.want, "") {
		if g == " " || strings.Contains(pr.Masked, g) {
			continue // shown by the display itself
		}
		for _, s := range texts {
			if strings.Contains(s, g) {
				t.Fatalf("prompt text %+q contains %+q of the answer", s, g)
			}
		}
		if g[0] >= utf8.RuneSelf && bytes.Contains(b, []byte(g)) {
			t.Fatalf("prompt JSON %s contains %+q of the answer", b, g)
		}
	}
}

func TestPromptHidesAnswer(t *testing.T) { rapid.Check(t, propPromptHidesAnswer) }

// drawEvidence runs a drawn transfer through a drawn policy and records it.
func drawEvidence(t *rapid.T) guard.Evidence {
	p := guardtest.Policy().Draw(t, "policy")
	tr := guardtest.Transfer().Draw(t, "transfer")
	if rapid.Bool().Draw(t, "avatar") {
		var h risk.Hash
		copy(h[:], rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(t, "hash"))
		tr.Payee.Avatar = &risk.Avatar{Hash: h, Quality: 100}
	}
	d := evaluate(t, p, tr, guardtest.Assessment().Draw(t, "assessment"))
	var s guard.State
	var v guard.Verdict
	for range rapid.IntRange(0, 3).Draw(t, "answers") {
		if d.Challenge.IsValid() {
			s, v = d.Challenge.Check(s, rapid.String().Draw(t, "answer"), tr.At.Add(time.Second))
		}
	}
	var prev guard.Digest
	copy(prev[:], rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(t, "prev"))
	return guard.NewEvidence(tr, d, s, v, prev)
}

// propEvidenceRoundTrip: the encoding is deterministic, and JSON round
// trips to an equal record with the same canonical bytes.
func propEvidenceRoundTrip(t *rapid.T) {
	e := drawEvidence(t)
	if !bytes.Equal(e.AppendCanonical(nil), e.AppendCanonical(nil)) || e.Digest() != e.Digest() {
		t.Fatal("canonical encoding not deterministic")
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	var back guard.Evidence
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", b, err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
	if !bytes.Equal(e.AppendCanonical(nil), back.AppendCanonical(nil)) {
		t.Fatal("canonical encoding changed in the round trip")
	}
	if !utf8.Valid(b) {
		t.Fatal("invalid UTF-8 in JSON")
	}
}

func TestEvidenceRoundTripProp(t *testing.T) { rapid.Check(t, propEvidenceRoundTrip) }

// TestGuardtestPoliciesValid checks the exported generator's promise.
func TestGuardtestPoliciesValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if err := guardtest.Policy().Draw(t, "p").Validate(); err != nil {
			t.Fatalf("invalid: %v", err)
		}
		tr := guardtest.Transfer().Draw(t, "t")
		if _, err := tr.Total(); err != nil && !errors.Is(err, nil) {
			t.Fatalf("transfer total: %v", err)
		}
	})
}
