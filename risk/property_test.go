package risk_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/risk"
	"github.com/transferguard/transferguard/risk/risktest"
)

// anyNickname draws from risktest's nicknames, their spoofs and arbitrary
// strings.
func anyNickname() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0:
			return risktest.Nickname().Draw(t, "nick")
		case 1:
			return risktest.Spoof(risktest.Nickname().Draw(t, "nick")).Draw(t, "spoof")
		default:
			return rapid.String().Draw(t, "any")
		}
	})
}

// propSkeletonIdempotent: Skeleton(Skeleton(s)) == Skeleton(s).
func propSkeletonIdempotent(t *rapid.T) {
	s := anyNickname().Draw(t, "s")
	if k := risk.Skeleton(s); risk.Skeleton(k) != k {
		t.Fatalf("Skeleton not idempotent for %+q: %+q then %+q", s, k, risk.Skeleton(k))
	}
}

// propNicknameKeyIdempotent: NicknameKey(NicknameKey(s)) == NicknameKey(s).
func propNicknameKeyIdempotent(t *rapid.T) {
	s := anyNickname().Draw(t, "s")
	if k := risk.NicknameKey(s); risk.NicknameKey(k) != k {
		t.Fatalf("NicknameKey not idempotent for %+q: %+q then %+q", s, k, risk.NicknameKey(k))
	}
}

// propInsertionKeepsKey: inserting invisible characters or decorations into
// a nickname never changes its key.
func propInsertionKeepsKey(t *rapid.T) {
	nick := risktest.Nickname().Draw(t, "nick")
	spoof := rapid.OneOf(risktest.InvisibleSpoof(nick), risktest.DecorationSpoof(nick)).Draw(t, "spoof")
	if a, b := risk.NicknameKey(nick), risk.NicknameKey(spoof); a != b {
		t.Fatalf("NicknameKey(%+q) = %+q, NicknameKey(%+q) = %+q", nick, a, spoof, b)
	}
	// The reasons name what was inserted, and nothing the two share.
	allowed := risk.NickEqualKeys | risk.NickInvisible | risk.NickDecoration | risk.NickMixedScript
	if m := risk.CompareNicknames(nick, spoof); !m.Lookalike || m.Reasons&(risk.NickInvisible|risk.NickDecoration) == 0 || m.Reasons&^allowed != 0 {
		t.Fatalf("CompareNicknames(%+q, %+q) = %+v (%v)", nick, spoof, m, m.Reasons)
	}
}

// propSwapKeepsKey: homoglyph and Han variant swaps keep the key.
func propSwapKeepsKey(t *rapid.T) {
	nick := risktest.Nickname().Draw(t, "nick")
	spoof := rapid.OneOf(risktest.HomoglyphSpoof(nick), risktest.HanVariantSpoof(nick)).Draw(t, "spoof")
	if a, b := risk.NicknameKey(nick), risk.NicknameKey(spoof); a != b {
		t.Fatalf("NicknameKey(%+q) = %+q, NicknameKey(%+q) = %+q", nick, a, spoof, b)
	}
}

// propCompareSymmetric: CompareNicknames is symmetric, scores stay in
// [0, 1], and CompareNicknames(x, x) has the maximum score.
func propCompareSymmetric(t *rapid.T) {
	a := anyNickname().Draw(t, "a")
	b := rapid.OneOf(anyNickname(), risktest.Spoof(a)).Draw(t, "b")
	m1, m2 := risk.CompareNicknames(a, b), risk.CompareNicknames(b, a)
	if m1 != m2 {
		t.Fatalf("CompareNicknames(%+q, %+q) = %+v, reversed %+v", a, b, m1, m2)
	}
	if m1.Score < 0 || m1.Score > 1 {
		t.Fatalf("score %v outside [0, 1]", m1.Score)
	}
	if s := risk.CompareNicknames(a, a); s.Score != 1 || s.Score < m1.Score {
		t.Fatalf("CompareNicknames(%+q, itself) = %+v, below %+v", a, s, m1)
	}
}

func TestSkeletonIdempotent(t *testing.T)    { rapid.Check(t, propSkeletonIdempotent) }
func TestNicknameKeyIdempotent(t *testing.T) { rapid.Check(t, propNicknameKeyIdempotent) }
func TestInsertionKeepsKey(t *testing.T)     { rapid.Check(t, propInsertionKeepsKey) }
func TestSwapKeepsKey(t *testing.T)          { rapid.Check(t, propSwapKeepsKey) }
func TestCompareSymmetric(t *testing.T)      { rapid.Check(t, propCompareSymmetric) }

// TestCJKLookalikeSpoofs measures how many CJK lookalike swaps the keys
// catch: clusters are capped, so not all of them.
func TestCJKLookalikeSpoofs(t *testing.T) {
	caught, total := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		nick := string(rapid.SliceOfN(rapid.RuneFrom([]rune("王己已巳未末土士张伟李娜小美老明华红")), 2, 3).Draw(t, "nick"))
		spoof := risktest.CJKLookalikeSpoof(nick).Draw(t, "spoof")
		if spoof == nick {
			return
		}
		total++
		if risk.CompareNicknames(nick, spoof).Lookalike {
			caught++
		}
	})
	t.Logf("CJK lookalike swaps caught: %d of %d", caught, total)
	if total > 0 && caught*2 < total {
		t.Errorf("only %d of %d CJK lookalike swaps caught", caught, total)
	}
}

// linearLookalikes is the obvious reference for Index.Lookalikes.
func linearLookalikes(contacts []risk.Profile, p risk.Profile) []risk.Suspect {
	var out []risk.Suspect
	for _, c := range contacts {
		if p.ID != "" && c.ID == p.ID {
			continue
		}
		if m := risk.CompareNicknames(p.Nickname, c.Nickname); m.Lookalike {
			out = append(out, risk.Suspect{Contact: c, Score: m.Score, Reasons: m.Reasons.Codes(), Nickname: m})
		}
	}
	slices.SortStableFunc(out, func(a, b risk.Suspect) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return out
}

// propIndexMatchesLinear: the index returns exactly what a linear scan
// returns, on contact lists full of spoofs.
func propIndexMatchesLinear(t *rapid.T) {
	n := rapid.IntRange(0, 40).Draw(t, "n")
	var contacts []risk.Profile
	for i := range n {
		nick := anyNickname().Draw(t, "nick")
		if i > 0 && rapid.IntRange(0, 3).Draw(t, "copy?") == 0 {
			nick = risktest.Spoof(contacts[rapid.IntRange(0, i-1).Draw(t, "of")].Nickname).Draw(t, "copy")
		}
		contacts = append(contacts, risk.Profile{ID: fmt.Sprint("u", i), Nickname: nick})
	}
	ix := risk.NewIndex(contacts)
	q := anyNickname().Draw(t, "q")
	if n > 0 && rapid.Bool().Draw(t, "spoof?") {
		q = risktest.Spoof(contacts[rapid.IntRange(0, n-1).Draw(t, "i")].Nickname).Draw(t, "spoof")
	}
	p := risk.Profile{ID: rapid.SampledFrom([]string{"x", "", "u0"}).Draw(t, "id"), Nickname: q}
	if diff := cmp.Diff(linearLookalikes(contacts, p), ix.Lookalikes(p)); diff != "" {
		t.Fatalf("Lookalikes(%+q) differs from linear scan (-want +got):\n%s", q, diff)
	}
}

func TestIndexMatchesLinear(t *testing.T) { rapid.Check(t, propIndexMatchesLinear) }

// TestIndexMatchesLinearLong: the same on long Latin nicknames, where the
// length buckets and masks do the work.
func TestIndexMatchesLinearLong(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		word := rapid.StringMatching(`[a-e]{4,14}`)
		var contacts []risk.Profile
		for i := range rapid.IntRange(1, 60).Draw(t, "n") {
			contacts = append(contacts, risk.Profile{ID: fmt.Sprint("u", i), Nickname: word.Draw(t, "nick")})
		}
		p := risk.Profile{ID: "x", Nickname: word.Draw(t, "q")}
		if diff := cmp.Diff(linearLookalikes(contacts, p), risk.NewIndex(contacts).Lookalikes(p)); diff != "" {
			t.Fatalf("Lookalikes(%+q) differs from linear scan (-want +got):\n%s", p.Nickname, diff)
		}
	})
}

var _ = strings.Repeat
