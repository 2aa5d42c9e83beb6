package guard

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/transferguard/transferguard/mask"
)

func TestDefaultPolicyValid(t *testing.T) {
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatalf("DefaultPolicy().Validate() = %v", err)
	}
}

// TestDefaultPolicyFigures checks the figures that issue #4 fixes, and that
// DefaultPolicy's doc comment states each with its source.
func TestDefaultPolicyFigures(t *testing.T) {
	p := DefaultPolicy()
	cny := p.Thresholds["CNY"]
	if cny.Challenge != 200000 || cny.FullName <= cny.Challenge {
		t.Errorf("CNY thresholds = %+v; want challenge 200000 and a higher full-name threshold", cny)
	}
	got := []time.Duration{time.Duration(p.Holds.CoolingOff), time.Duration(p.Holds.DelayedArrival), time.Duration(p.Holds.NextDay)}
	want := []time.Duration{15 * time.Minute, 2 * time.Hour, 24 * time.Hour}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("holds (-want +got):\n%s", diff)
	}
	if p.Challenge.AcceptCloseMatch {
		t.Error("default accepts close matches")
	}
	if p.Display == mask.KeepLast {
		t.Error("default display shows only the last character")
	}
	doc := funcDoc(t, "policy.go", "DefaultPolicy")
	for _, s := range []string{"¥2,000", "WeChat Pay", "¥10,000", "our choice", "261", "2 hours", "24 hours", "15-minute", "¥500", "¥50,000"} {
		if !strings.Contains(doc, s) {
			t.Errorf("DefaultPolicy's doc comment lacks %+q", s)
		}
	}
}

func funcDoc(t *testing.T, file, name string) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name && fd.Doc != nil {
			return fd.Doc.Text()
		}
	}
	t.Fatalf("no doc comment for %s in %s", name, file)
	return ""
}

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Policy)
		field string // "" = valid
	}{
		{"default", func(*Policy) {}, ""},
		{"zero thresholds disable", func(p *Policy) { p.Thresholds["CNY"] = Thresholds{} }, ""},
		{"no thresholds", func(p *Policy) { p.Thresholds = nil }, "thresholds"},
		{"unknown currency", func(p *Policy) { p.Thresholds["XYZ"] = Thresholds{} }, "thresholds"},
		{"negative", func(p *Policy) { p.Thresholds["CNY"] = Thresholds{Delay: -1} }, "thresholds.CNY.delay"},
		{"confirm above challenge", func(p *Policy) { p.Thresholds["CNY"] = Thresholds{Confirm: 5, Challenge: 4} }, "thresholds.CNY.confirm"},
		{"challenge above full", func(p *Policy) { p.Thresholds["CNY"] = Thresholds{Challenge: 5, FullName: 4} }, "thresholds.CNY.challenge"},
		{"display", func(p *Policy) { p.Display = 0 }, "display"},
		{"display range", func(p *Policy) { p.Display = 99 }, "display"},
		{"name challenge", func(p *Policy) { p.NameChallenge = NoChallenge }, "name_challenge"},
		{"amount hold", func(p *Policy) { p.AmountHold = NoHold }, "amount_hold"},
		{"challenge without action", func(p *Policy) { p.Risk.Low = Rule{Action: ActionConfirm, Challenge: FullName} }, "risk.low"},
		{"challenge action without kind", func(p *Policy) { p.Risk.Medium = Rule{Action: ActionChallenge} }, "risk.medium"},
		{"hold without delay", func(p *Policy) { p.Risk.High = Rule{Action: ActionChallenge, Challenge: FullName, Hold: NextDay} }, "risk.high"},
		{"delay without hold", func(p *Policy) { p.Risk.Critical = Rule{Action: ActionDelay} }, "risk.critical"},
		{"lookalike bad action", func(p *Policy) { p.Lookalike = Rule{Action: 42} }, "lookalike"},
		{"block with hold", func(p *Policy) { p.Lookalike = Rule{Action: ActionBlock, Hold: NextDay} }, ""},
		{"holds", func(p *Policy) { p.Holds.NextDay = 0 }, "holds"},
		{"critical below high", func(p *Policy) { p.Risk.Critical = Rule{Action: ActionConfirm} }, "risk.critical"},
		{"medium challenge weaker than low", func(p *Policy) {
			p.Risk.Low = Rule{Action: ActionChallenge, Challenge: FullName}
		}, "risk.medium"},
		{"high hold shorter than medium", func(p *Policy) {
			p.Risk.Medium = Rule{Action: ActionDelay, Challenge: HiddenPart, Hold: NextDay}
		}, "risk.high"},
		{"block at critical", func(p *Policy) { p.Risk.Critical = Rule{Action: ActionBlock, Challenge: FullName, Hold: NextDay} }, ""},
		{"ttl", func(p *Policy) { p.Challenge.TTL = 0 }, "challenge.ttl"},
		{"attempts", func(p *Policy) { p.Challenge.MaxAttempts = 0 }, "challenge.max_attempts"},
		{"attempts high", func(p *Policy) { p.Challenge.MaxAttempts = 101 }, "challenge.max_attempts"},
		{"per payee", func(p *Policy) { p.Challenge.MaxPerPayeeDay = 0 }, "challenge.max_per_payee_day"},
		{"per payer", func(p *Policy) { p.Challenge.MaxPerPayerDay = -1 }, "challenge.max_per_payer_day"},
		{"lockout base", func(p *Policy) { p.Challenge.LockoutBase = 0 }, "challenge.lockout_base"},
		{"lockout max", func(p *Policy) { p.Challenge.LockoutMax = p.Challenge.LockoutBase - 1 }, "challenge.lockout_max"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			tt.edit(&p)
			err := p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalidPolicy) || !strings.Contains(err.Error(), tt.field) {
				t.Fatalf("Validate() = %v, want ErrInvalidPolicy naming %+q", err, tt.field)
			}
		})
	}
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	p := DefaultPolicy()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Policy
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, q); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, s := range []string{`"display":"keep-ends"`, `"cooling_off":"15m0s"`, `"name_challenge":"hidden_part"`, `"action":"delay"`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("policy JSON lacks %s:\n%s", s, b)
		}
	}
}

func TestPolicyJSONErrors(t *testing.T) {
	for _, in := range []string{
		`{"display":"stars"}`,
		`{"display":"keep_ends"}`,
		`{"holds":{"cooling_off":"soon"}}`,
		`{"risk":{"low":{"action":"maybe"}}}`,
		`{"amount_hold":7}`,
		`{"require_verified_payr":true}`,
		`{"challenge":{"max_attempt":3}}`,
	} {
		var p Policy
		if err := json.Unmarshal([]byte(in), &p); err == nil {
			t.Errorf("Unmarshal(%+q) succeeded", in)
		}
	}
}

// TestReasonRulesNamePolicyFields checks that every reason names a rule
// that exists in the policy's JSON form.
func TestReasonRulesNamePolicyFields(t *testing.T) {
	b, err := json.Marshal(DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	cny := m["thresholds"].(map[string]any)["CNY"]
	all := Reasons(1<<numReasons - 1)
	rules := all.Rules()
	if len(rules) != numReasons {
		t.Fatalf("Rules() has %d entries, want %d", len(rules), numReasons)
	}
	for i, r := range rules {
		var v any = m
		for j, part := range strings.Split(r, ".") {
			if j == 1 && strings.HasPrefix(r, "thresholds.") {
				v = cny
			}
			obj, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("reason %s: rule %q: not an object at %q", reasonCodes[i], r, part)
			}
			if v, ok = obj[part]; !ok {
				t.Errorf("reason %s: rule %q: no field %q in the policy JSON", reasonCodes[i], r, part)
				break
			}
		}
	}
}

func TestReasonsString(t *testing.T) {
	tests := []struct {
		r    Reasons
		want string
	}{
		{0, "none"},
		{ReasonAmountChallenge, "amount_challenge"},
		{ReasonAmountChallenge | ReasonRiskHigh | ReasonLookalike, "amount_challenge|risk_high|lookalike_contact"},
		{ReasonPayeeNotVerified | ReasonPayerNotVerified, "payer_not_verified|payee_not_verified"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("Reasons(%#x).String() = %+q, want %+q", uint32(tt.r), got, tt.want)
		}
		back, err := ParseReasons(tt.want)
		if err != nil || back != tt.r {
			t.Errorf("ParseReasons(%+q) = %#x, %v; want %#x", tt.want, uint32(back), err, uint32(tt.r))
		}
	}
	if _, err := ParseReasons("amount_challenge|bogus"); !errors.Is(err, ErrUnknownName) {
		t.Errorf("ParseReasons(bogus) error = %v", err)
	}
	seen := map[string]bool{}
	for _, c := range reasonCodes {
		if c == "" || seen[c] {
			t.Errorf("reason code %q empty or duplicate", c)
		}
		seen[c] = true
	}
}

func TestReasonsJSON(t *testing.T) {
	r := ReasonAmountFullName | ReasonDailyTotal
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `["amount_full_name","daily_total"]` {
		t.Errorf("Marshal = %s", b)
	}
	var back Reasons
	if err := json.Unmarshal(b, &back); err != nil || back != r {
		t.Errorf("Unmarshal = %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`["nope"]`), &back); !errors.Is(err, ErrUnknownName) {
		t.Errorf("Unmarshal unknown code: %v", err)
	}
	if b, _ := json.Marshal(Reasons(0)); string(b) != `[]` {
		t.Errorf("Marshal(empty) = %s", b)
	}
}

func TestEnumText(t *testing.T) {
	check := func(name string, n int, marshal func(i int) ([]byte, error), unmarshal func([]byte) (int, error)) {
		for i := range n {
			b, err := marshal(i)
			if err != nil {
				t.Errorf("%s(%d).MarshalText: %v", name, i, err)
				continue
			}
			got, err := unmarshal(b)
			if err != nil || got != i {
				t.Errorf("%s: UnmarshalText(%q) = %d, %v; want %d", name, b, got, err, i)
			}
		}
		if _, err := marshal(n); !errors.Is(err, ErrUnknownName) {
			t.Errorf("%s(%d).MarshalText error = %v", name, n, err)
		}
		if _, err := unmarshal([]byte("bogus")); !errors.Is(err, ErrUnknownName) {
			t.Errorf("%s: UnmarshalText(bogus) error = %v", name, err)
		}
	}
	check("Action", len(actionNames), func(i int) ([]byte, error) { return Action(i).MarshalText() },
		func(b []byte) (int, error) { var v Action; err := v.UnmarshalText(b); return int(v), err })
	check("ChallengeKind", len(kindNames), func(i int) ([]byte, error) { return ChallengeKind(i).MarshalText() },
		func(b []byte) (int, error) { var v ChallengeKind; err := v.UnmarshalText(b); return int(v), err })
	check("HoldKind", len(holdNames), func(i int) ([]byte, error) { return HoldKind(i).MarshalText() },
		func(b []byte) (int, error) { var v HoldKind; err := v.UnmarshalText(b); return int(v), err })
	check("Verdict", len(verdictNames), func(i int) ([]byte, error) { return Verdict(i).MarshalText() },
		func(b []byte) (int, error) { var v Verdict; err := v.UnmarshalText(b); return int(v), err })
	check("EventKind", len(eventNames), func(i int) ([]byte, error) { return EventKind(i).MarshalText() },
		func(b []byte) (int, error) { var v EventKind; err := v.UnmarshalText(b); return int(v), err })
	check("StepKind", len(stepNames), func(i int) ([]byte, error) { return StepKind(i).MarshalText() },
		func(b []byte) (int, error) { var v StepKind; err := v.UnmarshalText(b); return int(v), err })
	if got := Action(200).String(); got != "invalid" {
		t.Errorf("Action(200).String() = %q", got)
	}
}
