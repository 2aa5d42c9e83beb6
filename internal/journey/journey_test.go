package journey

import (
	"strings"
	"testing"
	"time"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/guard/guardtest"
	"github.com/transferguard/transferguard/identity/identitytest"
	"github.com/transferguard/transferguard/risk"
	"github.com/transferguard/transferguard/risk/risktest"
	"pgregory.net/rapid"
)

// keySpoof draws a spoof of nick whose NicknameKey equals nick's: invisible
// characters, decorations or Han variants.
func keySpoof(t *rapid.T, nick string) string {
	return rapid.OneOf(
		risktest.InvisibleSpoof(nick),
		risktest.DecorationSpoof(nick),
		risktest.HanVariantSpoof(nick),
	).Draw(t, "spoof")
}

// propImpersonatorNeverSlips: a payee who wears a key-equal spoof of a
// contact's nickname under another account id is assessed at least high,
// names that contact as a suspect, and gets at least a full-name challenge
// plus a hold, whatever the amount and whatever else the service knows.
func propImpersonatorNeverSlips(t *rapid.T) {
	contactNick := risktest.Nickname().Draw(t, "contact")
	contactName := identitytest.Name().Draw(t, "contactName")
	others := rapid.SliceOfN(risktest.Nickname(), 0, 8).Draw(t, "others")
	profiles := []risk.Profile{{ID: "c-target", Nickname: contactNick, RealName: contactName}}
	for i, n := range others {
		profiles = append(profiles, risk.Profile{ID: "c-" + string(rune('a'+i)), Nickname: n})
	}
	spoof := keySpoof(t, contactNick)

	tr := guardtest.Transfer().Draw(t, "transfer")
	tr.Payee.ID = "u-impostor"
	tr.Payee.Nickname = spoof
	tr.PayerVerified, tr.PayeeVerified = true, true
	a := risk.Assess(tr.Payee, risk.NewIndex(profiles), risk.Signals{Now: tr.At, Contact: rapid.Bool().Draw(t, "contact?")})
	if a.Level < risk.LevelHigh {
		t.Fatalf("spoof %+q of %+q assessed %v", spoof, contactNick, a.Level)
	}
	found := false
	for _, s := range a.Suspects {
		found = found || s.Contact.ID == "c-target"
	}
	if !found {
		t.Fatalf("spoof %+q of %+q: contact not among suspects %+v", spoof, contactNick, a.Suspects)
	}
	d, err := guard.DefaultPolicy().Evaluate(tr, a)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if d.Action < guard.ActionDelay || d.Challenge.Kind() != guard.FullName || d.Hold.Kind == guard.NoHold {
		t.Fatalf("impersonator got %v, challenge %v, hold %v", d.Action, d.Challenge.Kind(), d.Hold.Kind)
	}
	for _, s := range d.Suspects {
		if s.ContactID == "c-target" && s.Name.Text != "" && strings.Contains(s.Name.Text, contactName) {
			t.Fatalf("suspect shown with the clear name")
		}
	}
}

func TestImpersonatorNeverSlips(t *testing.T) { rapid.Check(t, propImpersonatorNeverSlips) }

// propRealPayeePasses: the payer who knows the payee's name passes the
// challenge the decision asks for, in any spelling variant the generators
// make, and the evidence of that transfer verifies as a chain.
func propRealPayeePasses(t *rapid.T) {
	tr := guardtest.Transfer().Draw(t, "transfer")
	tr.PayerVerified, tr.PayeeVerified = true, true
	tr.Payee.RealName = identitytest.Name().Draw(t, "name")
	p := guard.DefaultPolicy()
	d, err := p.Evaluate(tr, risk.Assessment{})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	var s guard.State
	v := guard.VerdictUnknown
	if d.Challenge.IsValid() {
		answer := identitytest.Variant(tr.Payee.RealName).Draw(t, "typed")
		if d.Challenge.Kind() != guard.FullName { // the generated answer is the whole name
			c, err := p.NewChallenge(guard.FullName, tr, tr.At, tr.At.Add(time.Minute))
			if err != nil {
				t.Fatalf("NewChallenge: %v", err)
			}
			d.Challenge = c
		}
		s, v = d.Challenge.Check(s, answer, tr.At.Add(time.Second))
		if v != guard.Passed {
			t.Fatalf("the payee's own name %+q typed as %+q got %v", tr.Payee.RealName, answer, v)
		}
	}
	e := guard.NewEvidence(tr, d, s, v, guard.Digest{})
	if err := guard.VerifyChain(guard.Digest{}, []guard.Evidence{e}); err != nil {
		t.Fatalf("VerifyChain: %v", err)
	}
}

func TestRealPayeePasses(t *testing.T) { rapid.Check(t, propRealPayeePasses) }
