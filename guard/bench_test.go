package guard

import (
	"testing"
	"time"

	"github.com/transferguard/transferguard/risk"
)

func BenchmarkEvaluate(b *testing.B) {
	p := DefaultPolicy()
	lookalike := risk.Assessment{Level: risk.LevelHigh, Suspects: []risk.Suspect{{
		Contact: risk.Profile{ID: "c7", Nickname: "小明", RealName: "张晓明"}, Score: 0.9}}}
	for _, bc := range []struct {
		name string
		t    Transfer
		a    risk.Assessment
	}{
		{"allow", transfer(10000), risk.Assessment{}},
		{"confirm", transfer(60000), risk.Assessment{}},
		{"challenge", transfer(300000), risk.Assessment{}},
		{"lookalike", transfer(300000), lookalike},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Evaluate(bc.t, bc.a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	p := DefaultPolicy()
	for _, bc := range []struct {
		name, payee, answer string
		kind                ChallengeKind
		close               bool
	}{
		{"han-right", "张小明", "小", HiddenPart, false},
		{"han-wrong", "张小明", "王", HiddenPart, false},
		{"han-full-traditional", "欧阳娜娜", "歐陽娜娜", FullName, false},
		{"latin-full", "John Smith", "JOHN SMITH", FullName, false},
		{"han-wrong-close-match", "张小明", "张晓明", FullName, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p := p
			p.Challenge.AcceptCloseMatch = bc.close
			tr := transfer(300000)
			tr.Payee.RealName = bc.payee
			c, err := p.NewChallenge(bc.kind, tr, at, at.Add(time.Hour))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				c.Check(State{}, bc.answer, at)
			}
		})
	}
}

func TestCheckAllocs(t *testing.T) {
	p := DefaultPolicy()
	for _, tc := range []struct {
		payee, answer string
		close         bool
	}{
		{"张小明", "小", false}, {"张小明", "王", false}, {"John Smith", "JOHN SMITH", false},
		{"张小明", "张 小 明 的", false}, {"张小明", "张晓明", true}, {"John Smith", "Jon Smith", true},
	} {
		p := p
		p.Challenge.AcceptCloseMatch = tc.close
		tr := transfer(300000)
		tr.Payee.RealName = tc.payee
		c, err := p.NewChallenge(FullName, tr, at, at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(100, func() { c.Check(State{}, tc.answer, at) }); n != 0 {
			t.Errorf("Check(%+q) allocs = %v, want 0", tc.answer, n)
		}
	}
}

// TestConcurrentUse shares one policy, decision and challenge between
// goroutines; run with -race. Odd goroutines answer wrong, even ones right.
func TestConcurrentUse(t *testing.T) {
	p := DefaultPolicy()
	tr := transfer(300000)
	d, err := p.Evaluate(tr, risk.Assessment{Level: risk.LevelMedium})
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		i int
		v Verdict
	}
	done := make(chan result)
	for i := range 8 {
		go func() {
			answer := "小"
			if i%2 == 1 {
				answer = "王"
			}
			var v Verdict
			for range 50 {
				if _, err := p.Evaluate(tr, risk.Assessment{}); err != nil {
					t.Error(err)
				}
				_, v = d.Challenge.Check(State{}, answer, at)
				_ = NewEvidence(tr, d, State{}, v, Digest{}).Digest()
			}
			done <- result{i, v}
		}()
	}
	for range 8 {
		r := <-done
		if want := []Verdict{Passed, Retry}[r.i%2]; r.v != want {
			t.Errorf("goroutine %d: verdict %v, want %v", r.i, r.v, want)
		}
	}
}
