package guard

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/risk"
)

// FuzzCheck feeds arbitrary answers (and payee names) to Check and compares
// the verdict with identity.Compare, the slow obvious reference.
func FuzzCheck(f *testing.F) {
	for _, s := range []struct {
		name, answer string
		kind         uint8
		close        bool
	}{
		{"张小明", "小", 1, false}, {"张小明", "张", 2, false}, {"张小明", "張 小明", 3, false},
		{"张小明", "张晓明", 3, true}, {"John Smith", "ＪＯＨＮ smith", 3, false}, {"John Smith", "Jon Smith", 3, true},
		{"欧阳娜娜", "歐陽", 2, false}, {"买买提·艾力", "买提·艾", 1, false}, {"张小明", "", 1, false},
		{"张小明", "\u200b小", 1, false}, {"Zoe\u0308 Ng", "zoe ng", 3, false},
	} {
		f.Add(s.name, s.answer, s.kind, s.close, int64(time.Minute))
	}
	f.Fuzz(func(t *testing.T, name, answer string, kind uint8, close bool, after int64) {
		p := DefaultPolicy()
		p.Challenge.AcceptCloseMatch = close
		tr := transfer(300000)
		tr.Payee.RealName = name
		c, err := p.NewChallenge(ChallengeKind(kind%3+1), tr, at, at.Add(time.Hour))
		if err != nil {
			return // names identity or mask reject
		}
		s := State{Wrong: 1, PayeeToday: 1, PayerToday: 1}
		now := at.Add(time.Duration(after))
		next, v := c.Check(s, answer, now)
		if next.Wrong >= p.Challenge.MaxAttempts {
			t.Fatalf("Wrong = %d reaches the limit", next.Wrong)
		}
		if expired := !now.Before(c.ExpiresAt()); v == Expired || expired {
			if v != Expired || next != s {
				t.Fatalf("after expiry: %v, %+v", v, next)
			}
			return
		}
		ref := identity.Compare(answer, c.want).Verdict
		pass := ref == identity.Match || close && ref == identity.CloseMatch
		if len(answer) > keySize {
			pass = false
		}
		if (v == Passed) != pass {
			t.Fatalf("Check(%+q) against %+q = %v, identity.Compare says %v", answer, c.want, v, ref)
		}
		if v == Passed && next.Wrong != s.Wrong || v != Passed && next.Wrong != s.Wrong+1 && v != Locked {
			t.Fatalf("state %+v → %+v on %v", s, next, v)
		}
	})
}

// FuzzPolicyJSON decodes arbitrary JSON as a Policy: a valid policy must
// round-trip and evaluate without panicking; an invalid one must not panic
// either.
func FuzzPolicyJSON(f *testing.F) {
	def, err := json.Marshal(DefaultPolicy())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(def)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"thresholds":{"JPY":{"confirm":1,"challenge":2,"full_name":3,"delay":4}},"display":"keep-last"}`))
	f.Add(bytes.Replace(def, []byte(`"keep-ends"`), []byte(`"hide-surname"`), 1))
	f.Add(bytes.Replace(def, []byte(`"max_attempts":3`), []byte(`"max_attempts":0`), 1))
	f.Add(bytes.Replace(def, []byte(`"15m0s"`), []byte(`"-1h"`), 1))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Policy
		if json.Unmarshal(b, &p) != nil {
			return
		}
		a := risk.Assessment{Level: risk.LevelHigh, Suspects: []risk.Suspect{{Contact: risk.Profile{ID: "c", RealName: "张伟"}}}}
		for _, cur := range []string{"CNY", "JPY", "KWD"} {
			tr := transfer(250000)
			tr.Amount.Currency = cur
			d, err := p.Evaluate(tr, a)
			if err == nil && d.Challenge.IsValid() {
				d.Challenge.Check(State{}, "张", at)
			}
		}
		if p.Validate() != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("Marshal(valid policy): %v", err)
		}
		var back Policy
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", out, err)
		}
		if diff := cmp.Diff(p, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		if back.Validate() != nil {
			t.Fatal("valid policy invalid after round trip")
		}
	})
}

// FuzzEvidenceJSON decodes arbitrary JSON as Evidence: what decodes must
// re-encode to JSON that decodes to an equal record with the same
// canonical bytes and digest.
func FuzzEvidenceJSON(f *testing.F) {
	golden, err := os.ReadFile(filepath.Join("testdata", "evidence.golden"))
	if err != nil {
		f.Fatal(err)
	}
	rec := golden[:bytes.LastIndex(golden, []byte("\ndigest "))]
	f.Add(rec)
	f.Add(bytes.Replace(rec, []byte(`"2026-03-01T09:30:00Z"`), []byte(`"2026-03-01T17:30:00.123456789+08:00"`), 1))
	f.Add(bytes.Replace(rec, []byte(`"risk_reasons": [`), []byte(`"risk_reasons": [], "x": [`), 1))
	f.Add([]byte(`{"version":1,"amount":{"minor":1,"currency":"JPY"},"at":"2026-01-01T00:00:00Z","reasons":[],"prev":"` +
		"0000000000000000000000000000000000000000000000000000000000000000" + `"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var e Evidence
		if json.Unmarshal(b, &e) != nil {
			return
		}
		out, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("Marshal(decoded record): %v", err)
		}
		var back Evidence
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", out, err)
		}
		if diff := cmp.Diff(e, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		if !bytes.Equal(e.AppendCanonical(nil), back.AppendCanonical(nil)) || e.Digest() != back.Digest() {
			t.Fatal("canonical encoding changed in the round trip")
		}
		out2, _ := json.Marshal(back)
		if !bytes.Equal(out, out2) {
			t.Fatalf("JSON not stable:\n%s\n%s", out, out2)
		}
	})
}

// FuzzEvaluate feeds arbitrary payee and suspect names, amounts and
// currencies to Evaluate: it must never panic; a name identity rejects is
// an error whatever the amount; a decision's display and every masked
// suspect must read as their segments joined, and the suspects must be
// those of the assessment, in order.
func FuzzEvaluate(f *testing.F) {
	for _, s := range []struct {
		payee, suspect, currency string
		minor                    int64
		level                    uint8
	}{
		{"张小明", "张晓明", "CNY", 300000, 3}, {"张小明", "", "CNY", 10000, 0},
		{"John Smith", "Jon Smith", "GBP", 500000, 2}, {"欧阳娜娜", "歐陽娜娜", "CNY", 5000000, 4},
		{"买买提·艾力", "买买提·艾力", "CNY", 60000, 1}, {"", "张三", "CNY", 100, 0},
		{"张三", "\x00", "XXX", -1, 9}, {"Zoe\u0308 Ng", "𠮷野家", "JPY", 1 << 62, 3},
	} {
		f.Add(s.payee, s.suspect, s.currency, s.minor, s.level)
	}
	f.Fuzz(func(t *testing.T, payee, suspect, currency string, minor int64, level uint8) {
		p := DefaultPolicy()
		tr := transfer(minor)
		tr.Amount.Currency = currency
		tr.Payee.RealName = payee
		a := risk.Assessment{Level: risk.Level(level % 6)}
		if suspect != "" {
			a.Suspects = []risk.Suspect{{Contact: risk.Profile{ID: "c1", Nickname: "n", RealName: suspect}, Score: 0.9}}
		}
		d, err := p.Evaluate(tr, a)
		if _, perr := identity.Parse(payee); perr != nil && err == nil && payee != "" {
			t.Fatalf("Evaluate accepted payee %+q that identity.Parse rejects (%v)", payee, perr)
		}
		if err != nil {
			return
		}
		joined := func(m MaskedName) string {
			var b bytes.Buffer
			for _, s := range m.Segments {
				b.WriteString(s.Text)
			}
			return b.String()
		}
		if d.Action != ActionAllow && (d.Display.Text == "" || joined(d.Display) != d.Display.Text) {
			t.Fatalf("display %+q, segments %+v", d.Display.Text, d.Display.Segments)
		}
		if len(d.Suspects) != len(a.Suspects) && d.Action != ActionAllow {
			t.Fatalf("%d suspects, assessment has %d", len(d.Suspects), len(a.Suspects))
		}
		for _, s := range d.Suspects {
			if s.ContactID != "c1" || joined(s.Name) != s.Name.Text {
				t.Fatalf("suspect %+v", s)
			}
		}
		if d.Challenge.IsValid() {
			if !d.Challenge.Binds(tr) {
				t.Fatal("challenge does not bind its transfer")
			}
			if pr := d.Challenge.Prompt(State{}); pr.Masked != d.Display.Text {
				t.Fatalf("prompt shows %+q, display %+q", pr.Masked, d.Display.Text)
			}
		}
	})
}
