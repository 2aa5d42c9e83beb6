package guard_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/risk"
)

// Example walks one transfer through the whole flow: a payee who looks like
// one of the payer's contacts, ¥3,000, a full-name challenge answered wrong
// and then right (in traditional characters), the evidence record, and the
// aftercare plan when the payer reports a mistake inside the cooling-off.
func Example() {
	p := guard.DefaultPolicy()
	at := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	t := guard.Transfer{
		ID: "tx-1001", PayerID: "u-42",
		Payee:  risk.Profile{ID: "u-977", Nickname: "小明", RealName: "张小明"},
		Amount: guard.Money{Minor: 300000, Currency: "CNY"}, // ¥3,000.00
		At:     at, PayerVerified: true, PayeeVerified: true,
	}
	a := risk.Assessment{Level: risk.LevelMedium, Reasons: []risk.Reason{"nickname_lookalike"},
		Suspects: []risk.Suspect{{Contact: risk.Profile{ID: "u-5", Nickname: "小明", RealName: "李晓明"}, Score: 0.92}}}

	d, err := p.Evaluate(t, a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("action:", d.Action, "| show:", d.Display.Text, "| reasons:", d.Reasons)
	fmt.Println("hold:", d.Hold.Kind, d.Hold.Duration)
	for _, s := range d.Suspects {
		fmt.Printf("not your contact %s (%s), it only looks like it\n", s.Name.Text, s.Nickname)
	}

	c := d.Challenge
	prompt, _ := json.Marshal(c.Prompt(guard.State{}))
	fmt.Printf("prompt: %s\n", prompt)

	var s guard.State
	var v guard.Verdict
	s, v = c.Check(s, "李小明", at.Add(time.Minute))
	fmt.Println("李小明 →", v, "| attempts left:", c.AttemptsLeft(s))
	s, v = c.Check(s, "張小明", at.Add(2*time.Minute))
	fmt.Println("張小明 →", v)

	e := guard.NewEvidence(t, d, s, v, guard.Digest{})
	// The digest depends on the data table versions recorded, so it is not
	// printed here; it is 32 bytes of SHA-256.
	fmt.Println("evidence:", e.Display, e.Challenge, e.Attempts, e.Outcome, len(e.Digest()))
	fmt.Println("chain ok:", guard.VerifyChain(guard.Digest{}, []guard.Evidence{e}) == nil)

	plan := guard.Aftercare(e, []guard.Event{{Kind: guard.PayerReportedMistake, At: at.Add(5 * time.Minute)}}, at.Add(6*time.Minute))
	for _, st := range plan.Steps {
		fmt.Println("step:", st.Kind, st.Disclose)
	}
	// Output:
	// action: delay | show: 张*明 | reasons: amount_confirm|amount_challenge|risk_medium|lookalike_contact
	// hold: cooling_off 15m0s
	// not your contact 李*明 (小明), it only looks like it
	// prompt: {"kind":"full_name","masked":"张*明","segments":[{"text":"张"},{"text":"*","hidden":true},{"text":"明"}],"fill":[{"start":0,"end":3}],"attempts_left":3,"expires_at":"2026-03-01T09:35:00Z"}
	// 李小明 → retry | attempts left: 2
	// 張小明 → passed
	// evidence: 张*明 full_name 2 passed 32
	// chain ok: true
	// step: cancel []
	// step: open_case []
	// step: contact_payee []
	// step: disclose_to_payer [masked_name case_id]
}

// ExamplePolicy_Evaluate shows the amount thresholds of the default policy
// for the same payee, and a split transfer caught by today's total.
func ExamplePolicy_Evaluate() {
	p := guard.DefaultPolicy()
	t := guard.Transfer{
		ID: "tx-1", PayerID: "u-1", Payee: risk.Profile{ID: "u-2", RealName: "欧阳娜娜"},
		At: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), PayerVerified: true, PayeeVerified: true,
	}
	for _, yuan := range []int64{100, 500, 2000, 10000, 50000} {
		t.Amount = guard.Money{Minor: yuan * 100, Currency: "CNY"}
		d, _ := p.Evaluate(t, risk.Assessment{})
		fmt.Printf("¥%d: %v %v %q\n", yuan, d.Action, d.Challenge.Kind(), d.Display.Text)
	}
	t.Amount = guard.Money{Minor: 150000, Currency: "CNY"}
	t.SentToday = guard.Money{Minor: 100000, Currency: "CNY"}
	d, _ := p.Evaluate(t, risk.Assessment{})
	fmt.Println("¥1500 after ¥1000 today:", d.Action, d.Reasons)
	// Output:
	// ¥100: allow none ""
	// ¥500: confirm none "欧**娜"
	// ¥2000: challenge hidden_part "欧**娜"
	// ¥10000: challenge full_name "欧**娜"
	// ¥50000: delay full_name "欧**娜"
	// ¥1500 after ¥1000 today: challenge amount_confirm|amount_challenge|daily_total
}

// ExampleChallenge_Check shows the lockout: three wrong answers lock the
// challenge for five minutes, and while it is locked even the right answer
// gets Locked.
func ExampleChallenge_Check() {
	p := guard.DefaultPolicy()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	t := guard.Transfer{ID: "tx-2", PayerID: "u-1", Payee: risk.Profile{ID: "u-3", RealName: "张三"},
		Amount: guard.Money{Minor: 250000, Currency: "CNY"}, At: at, PayerVerified: true, PayeeVerified: true}
	c, err := p.NewChallenge(guard.HiddenPart, t, at, at.Add(time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("masked:", c.Prompt(guard.State{}).Masked)
	var s guard.State
	var v guard.Verdict
	for i, answer := range []string{"李", "王", "赵", "张"} {
		s, v = c.Check(s, answer, at.Add(time.Duration(i)*time.Minute))
		fmt.Println(answer, v)
	}
	fmt.Println("locked until", s.LockedUntil.Format("15:04"))
	s, v = c.Check(s, "张", s.LockedUntil)
	fmt.Println("张 at 09:07:", v)
	// Output:
	// masked: *三
	// 李 retry
	// 王 retry
	// 赵 locked
	// 张 locked
	// locked until 09:07
	// 张 at 09:07: passed
}

// ExampleAftercare shows the plan when the payee blocked the payer after the
// money arrived and an authority asks for the record.
func ExampleAftercare() {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	e := guard.Evidence{Version: guard.EvidenceVersion, TransferID: "tx-3", Amount: guard.Money{Minor: 800000, Currency: "CNY"},
		At: at, Display: "张*明", Action: guard.ActionChallenge}
	plan := guard.Aftercare(e, []guard.Event{
		{Kind: guard.PayeeBlockedPayer, At: at.Add(time.Hour)},
		{Kind: guard.PayeeChangedNickname, At: at.Add(2 * time.Hour)},
		{Kind: guard.LegalRequest, At: at.Add(72 * time.Hour)},
	}, at.Add(73*time.Hour))
	fmt.Println("case:", plan.CaseID != "")
	for _, st := range plan.Steps {
		fmt.Println(st.Kind, st.Disclose)
	}
	// Output:
	// case: true
	// open_case []
	// contact_payee []
	// review_payee []
	// police_report []
	// disclose_to_payer [masked_name case_id]
	// disclose_to_authority [full_record]
}

// ExampleVerifyChain shows where a tampered chain breaks.
func ExampleVerifyChain() {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var chain []guard.Evidence
	var prev guard.Digest
	for i, id := range []string{"tx-1", "tx-2", "tx-3"} {
		e := guard.Evidence{Version: guard.EvidenceVersion, TransferID: id, At: at.Add(time.Duration(i) * time.Hour),
			Amount: guard.Money{Minor: 100, Currency: "CNY"}, Action: guard.ActionAllow, Prev: prev}
		chain = append(chain, e)
		prev = e.Digest()
	}
	fmt.Println(guard.VerifyChain(guard.Digest{}, chain))
	chain[0].Amount.Minor = 1000000
	fmt.Println(guard.VerifyChain(guard.Digest{}, chain))
	// Output:
	// <nil>
	// guard: evidence chain broken at record 1
}

// ExampleMoney shows minor units per currency.
func ExampleMoney() {
	for _, m := range []guard.Money{{Minor: 200000, Currency: "CNY"}, {Minor: 2000, Currency: "JPY"}, {Minor: 1500, Currency: "KWD"}} {
		fmt.Println(m, m.Validate())
	}
	_, err := guard.Money{Minor: 1<<63 - 1, Currency: "CNY"}.Add(guard.Money{Minor: 1, Currency: "CNY"})
	fmt.Println(err)
	// Output:
	// CNY 2000.00 <nil>
	// JPY 2000 <nil>
	// KWD 1.500 <nil>
	// guard: amount overflows int64
}
