package guard

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/mask"
)

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func newChallenge(t *testing.T, p Policy, kind ChallengeKind, name string, ttl time.Duration) Challenge {
	t.Helper()
	tr := transfer(300000)
	tr.Payee.RealName = name
	c, err := p.NewChallenge(kind, tr, at, at.Add(ttl))
	if err != nil {
		t.Fatalf("NewChallenge(%v, %+q): %v", kind, name, err)
	}
	return c
}

type step struct {
	answer  string
	after   time.Duration // since at
	verdict Verdict
	state   State
}

func TestCheck(t *testing.T) {
	p := DefaultPolicy()
	p.Challenge.TTL = Duration(24 * time.Hour)
	m := time.Minute
	tests := []struct {
		name  string
		kind  ChallengeKind
		payee string
		ttl   time.Duration
		start State
		steps []step
		close bool // accept_close_match
	}{
		{"traditional and spaced full name passes", FullName, "张小明", time.Hour, State{}, []step{
			{"張 小明", 0, Passed, State{Answers: 1}},
		}, false},
		{"homophone is wrong by default", FullName, "张小明", time.Hour, State{}, []step{
			{"张晓明", 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}},
		}, false},
		{"homophone passes when close matches are accepted", FullName, "张小明", time.Hour, State{}, []step{
			{"张晓明", 0, Passed, State{Answers: 1}},
		}, true},
		{"typo passes when close matches are accepted", FullName, "John Smith", time.Hour, State{}, []step{
			{"Jon Smith", 0, Passed, State{Answers: 1}},
		}, true},
		{"other name is wrong even when close matches are accepted", FullName, "张小明", time.Hour, State{}, []step{
			{"李小明", 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}},
		}, true},
		{"compound surname", Surname, "欧阳娜娜", time.Hour, State{}, []step{
			{"欧", 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}},
			{"歐陽", 0, Passed, State{Wrong: 1, Answers: 2, PayeeToday: 1, PayerToday: 1}},
		}, false},
		{"hidden fragments of an interpunct name ask for the surname", HiddenPart, "买买提·艾力", time.Hour, State{}, []step{
			{"买提·艾", 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}}, // 买**·*力
			{"艾力", 0, Passed, State{Wrong: 1, Answers: 2, PayeeToday: 1, PayerToday: 1}},
		}, false},
		{"hidden part passes", HiddenPart, "张小明", time.Hour, State{}, []step{
			{"小", 0, Passed, State{Answers: 1}},
		}, false},
		{"surname", Surname, "张小明", time.Hour, State{}, []step{
			{"小", 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}},
			{"张", 0, Passed, State{Wrong: 1, Answers: 2, PayeeToday: 1, PayerToday: 1}},
		}, false},
		{"full name, case and width folded", FullName, "John Smith", time.Hour, State{}, []step{
			{"ＪＯＨＮ smith", 0, Passed, State{Answers: 1}},
		}, false},
		{"three wrong answers lock, lock holds, then a new round", HiddenPart, "张小明", time.Hour, State{}, []step{
			{"大", 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}},
			{"", m, Retry, State{Wrong: 2, Answers: 2, PayeeToday: 2, PayerToday: 2}},
			{"张", 2 * m, Locked, State{Wrong: 0, Answers: 3, PayeeToday: 3, PayerToday: 3, Lockouts: 1, LockedUntil: at.Add(7 * m)}},
			{"小", 6 * m, Locked, State{Wrong: 0, Answers: 3, PayeeToday: 3, PayerToday: 3, Lockouts: 1, LockedUntil: at.Add(7 * m)}},
			{"小", 7 * m, Passed, State{Wrong: 0, Answers: 4, PayeeToday: 3, PayerToday: 3, Lockouts: 1, LockedUntil: at.Add(7 * m)}},
		}, false},
		{"lockouts double", HiddenPart, "张小明", 10 * time.Hour, State{Lockouts: 2, Wrong: 2}, []step{
			{"x", 0, Locked, State{Wrong: 0, Answers: 1, PayeeToday: 1, PayerToday: 1, Lockouts: 3, LockedUntil: at.Add(20 * m)}},
		}, false},
		{"lockouts cap at lockout_max", HiddenPart, "张小明", 10 * time.Hour, State{Lockouts: 40, Wrong: 2}, []step{
			{"x", 0, Locked, State{Wrong: 0, Answers: 1, PayeeToday: 1, PayerToday: 1, Lockouts: 41, LockedUntil: at.Add(24 * time.Hour)}},
		}, false},
		{"per-payee daily limit reached by a wrong answer", HiddenPart, "张小明", time.Hour, State{PayeeToday: 5}, []step{
			{"x", 0, Locked, State{Wrong: 1, Answers: 1, PayeeToday: 6, PayerToday: 1, LockedUntil: at.Add(time.Hour)}},
		}, false},
		{"per-payee daily limit already used up", HiddenPart, "张小明", time.Hour, State{PayeeToday: 6}, []step{
			{"小", 0, Locked, State{PayeeToday: 6, LockedUntil: at.Add(time.Hour)}},
			{"小", time.Hour, Expired, State{PayeeToday: 6, LockedUntil: at.Add(time.Hour)}},
		}, false},
		{"per-payer daily limit", HiddenPart, "张小明", time.Hour, State{PayerToday: 10}, []step{
			{"小", 0, Locked, State{PayerToday: 10, LockedUntil: at.Add(time.Hour)}},
		}, false},
		{"expired at the expiry instant", HiddenPart, "张小明", time.Hour, State{}, []step{
			{"小", time.Hour - 1, Passed, State{Answers: 1}},
			{"小", time.Hour, Expired, State{Answers: 1}},
		}, false},
		{"locked beyond expiry stays locked, then expired", HiddenPart, "张小明", 3 * m, State{Wrong: 2}, []step{
			{"x", 0, Locked, State{Answers: 1, PayeeToday: 1, PayerToday: 1, Lockouts: 1, LockedUntil: at.Add(5 * m)}},
			{"小", 4 * m, Locked, State{Answers: 1, PayeeToday: 1, PayerToday: 1, Lockouts: 1, LockedUntil: at.Add(5 * m)}},
			{"小", 5 * m, Expired, State{Answers: 1, PayeeToday: 1, PayerToday: 1, Lockouts: 1, LockedUntil: at.Add(5 * m)}},
		}, false},
		{"too long answer is wrong", FullName, "张小明", time.Hour, State{}, []step{
			{strings.Repeat("张小明", 100), 0, Retry, State{Wrong: 1, Answers: 1, PayeeToday: 1, PayerToday: 1}},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := p
			p.Challenge.AcceptCloseMatch = tt.close
			c := newChallenge(t, p, tt.kind, tt.payee, tt.ttl)
			s := tt.start
			for i, st := range tt.steps {
				var v Verdict
				s, v = c.Check(s, st.answer, at.Add(st.after))
				if v != st.verdict {
					t.Errorf("step %d: Check(%+q) verdict = %v, want %v", i, st.answer, v, st.verdict)
				}
				if diff := cmp.Diff(st.state, s); diff != "" {
					t.Errorf("step %d: Check(%+q) state (-want +got):\n%s", i, st.answer, diff)
				}
			}
		})
	}
}

func TestCheckZeroChallenge(t *testing.T) {
	s, v := Challenge{}.Check(State{Wrong: 1}, "x", at)
	if v != VerdictUnknown || s != (State{Wrong: 1}) {
		t.Errorf("zero challenge: %v, %+v", v, s)
	}
}

func TestNewChallengeErrors(t *testing.T) {
	p := DefaultPolicy()
	tr := transfer(100)
	if _, err := p.NewChallenge(NoChallenge, tr, at, at.Add(time.Minute)); err == nil {
		t.Error("NoChallenge accepted")
	}
	if _, err := p.NewChallenge(FullName, tr, at, at); err == nil {
		t.Error("expiry not after issue accepted")
	}
	tr.Payee.RealName = strings.Repeat("\uFDFA", 30) // NFKC expands each to 18 letters
	if _, err := p.NewChallenge(FullName, tr, at, at.Add(time.Minute)); err != ErrAnswerTooLong {
		t.Errorf("long name: err = %v, want ErrAnswerTooLong", err)
	}
}

func TestChallengeKindAdjusted(t *testing.T) {
	p := DefaultPolicy()
	p.Display = mask.KeepSurname
	if c := newChallenge(t, p, Surname, "张小明", time.Hour); c.Kind() != FullName {
		t.Errorf("surname challenge under keep_surname: kind %v, want full_name", c.Kind())
	}
	for _, tt := range []struct {
		style mask.Style
		name  string
		want  ChallengeKind
	}{
		{mask.KeepEnds, "John Smith", Surname},       // J*** ****h: fragments
		{mask.KeepLast, "John Smith", Surname},       // **** ****h
		{mask.HideSurname, "John Smith", HiddenPart}, // John *****: one whole part
		{mask.KeepSurname, "John Smith", HiddenPart}, // **** Smith
		{mask.KeepEnds, "张小明", HiddenPart},           // 张*明: one part
		{mask.HideSurname, "买买提·艾力", HiddenPart},     // a whole part hidden
	} {
		p.Display = tt.style
		if c := newChallenge(t, p, HiddenPart, tt.name, time.Hour); c.Kind() != tt.want {
			t.Errorf("hidden-part challenge on %+q under %v: kind %v, want %v (shown %q)",
				tt.name, tt.style, c.Kind(), tt.want, c.Prompt(State{}).Masked)
		}
	}
}

func TestPrompt(t *testing.T) {
	p := DefaultPolicy()
	c := newChallenge(t, p, HiddenPart, "张小明", time.Hour)
	s, _ := c.Check(State{}, "x", at)
	got := c.Prompt(s)
	want := Prompt{
		Kind: HiddenPart, Masked: "张*明",
		Segments:     []Segment{{Text: "张"}, {Text: "*", Hidden: true}, {Text: "明"}},
		Fill:         []Span{{1, 2}},
		AttemptsLeft: 2,
		ExpiresAt:    at.Add(time.Hour),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Prompt (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "小") {
		t.Errorf("prompt JSON reveals the answer: %s", b)
	}
	d := Decision{Challenge: c}
	for _, s := range []string{c.String(), c.LogValue().String(), fmt.Sprintf("%v %+v %#v %s", c, c, c, c),
		fmt.Sprintf("%v %+v %#v", d, d, d)} {
		if strings.Contains(s, "小") {
			t.Errorf("challenge's redacted form %+q reveals the answer", s)
		}
	}
}

// TestEffectiveKindKeepsOrder: adjusting a challenge's kind to the display
// never makes a stronger kind weaker than a weaker one (rapid found
// HiddenPart on J*** ****h upgraded past a Surname rule).
func TestEffectiveKindKeepsOrder(t *testing.T) {
	for _, style := range []mask.Style{mask.KeepLast, mask.HideSurname, mask.KeepSurname, mask.KeepEnds} {
		p := DefaultPolicy()
		p.Display = style
		for _, name := range []string{"张小明", "欧阳娜娜", "John Smith", "Mary Ann Jones", "买买提·艾力", "남궁민수", "Madonna"} {
			var got []ChallengeKind
			for _, k := range []ChallengeKind{HiddenPart, Surname, FullName} {
				got = append(got, newChallenge(t, p, k, name, time.Hour).Kind())
			}
			if got[0] > got[1] || got[1] > got[2] {
				t.Errorf("%v, %+q: effective kinds %v are out of order", style, name, got)
			}
		}
	}
}

// TestPromptFillOneSpan: surname and full-name challenges ask for one span
// that the challenge keeps without a slice; the zero challenge asks for
// nothing.
func TestPromptFillOneSpan(t *testing.T) {
	p := DefaultPolicy()
	for _, tc := range []struct {
		kind ChallengeKind
		name string
		want []Span
	}{
		{Surname, "欧阳娜娜", []Span{{0, 2}}},
		{FullName, "欧阳娜娜", []Span{{0, 4}}},
		{FullName, "John Smith", []Span{{0, 10}}},
	} {
		c := newChallenge(t, p, tc.kind, tc.name, time.Hour)
		if diff := cmp.Diff(tc.want, c.Prompt(State{}).Fill); diff != "" {
			t.Errorf("%v %+q: fill (-want +got):\n%s", tc.kind, tc.name, diff)
		}
	}
	if f := (Challenge{}).Prompt(State{}).Fill; f != nil {
		t.Errorf("zero challenge fill = %v, want nil", f)
	}
}

// TestSpansList: the inline span list gives back what was added, in order,
// whether it stays inline or spills to a slice.
func TestSpansList(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		want := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) Span {
			return Span{rapid.IntRange(0, 64).Draw(t, "start"), rapid.IntRange(0, 64).Draw(t, "end")}
		}), 0, 12).Draw(t, "spans")
		var l spans
		for _, s := range want {
			l.add(s)
		}
		got := l.list()
		if len(want) == 0 {
			want = nil
			if len(got) == 0 {
				got = nil
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("list (-want +got):\n%s", diff)
		}
	})
}

// TestPromptFillManyRuns: a hidden-part challenge on a name with more
// hidden runs than the inline room asks for every one of them, as the mask
// reports them.
func TestPromptFillManyRuns(t *testing.T) {
	p := DefaultPolicy()
	p.Display = mask.KeepSurname // hides the given names, each a whole part
	const name = "Anna Bea Cleo Dora Eva Fay"
	m, err := mask.Name(name, mask.KeepSurname)
	if err != nil {
		t.Fatal(err)
	}
	var want []Span
	for _, s := range m.Hidden() {
		want = append(want, Span{s.Start, s.End})
	}
	if len(want) <= 4 {
		t.Fatalf("%+q hides %d runs; the test needs more than 4", name, len(want))
	}
	c := newChallenge(t, p, HiddenPart, name, time.Hour)
	if c.Kind() != HiddenPart {
		t.Fatalf("kind adjusted to %v", c.Kind())
	}
	if diff := cmp.Diff(want, c.Prompt(State{}).Fill); diff != "" {
		t.Errorf("fill (-want +got):\n%s", diff)
	}
}

// TestEqualKeys: the word-wise constant-time comparison agrees with ==
// on equal buffers and on buffers that differ in any one byte or in many.
func TestEqualKeys(t *testing.T) {
	if keySize%8 != 0 {
		t.Fatalf("keySize %d is not a multiple of 8", keySize)
	}
	rapid.Check(t, func(t *rapid.T) {
		var a, b [keySize]byte
		fill := rapid.SliceOfN(rapid.Byte(), 0, keySize).Draw(t, "a")
		copy(a[:], fill)
		b = a
		switch rapid.IntRange(0, 2).Draw(t, "how") {
		case 1:
			i := rapid.IntRange(0, keySize-1).Draw(t, "at")
			b[i] ^= rapid.ByteRange(1, 255).Draw(t, "flip")
		case 2:
			copy(b[:], rapid.SliceOfN(rapid.Byte(), 0, keySize).Draw(t, "b"))
		}
		want := 0
		if a == b {
			want = 1
		}
		if got := equalKeys(&a, &b); got != want {
			t.Fatalf("equalKeys = %d, want %d", got, want)
		}
	})
}
