package risktest_test

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/risk"
	"github.com/transferguard/transferguard/risk/risktest"
)

// A payment service checks that its lookalike screen catches spoofs. In a
// property test the generators are drawn inside rapid.Check:
//
//	rapid.Check(t, func(t *rapid.T) {
//		nick := risktest.Nickname().Draw(t, "nick")
//		spoof := risktest.InvisibleSpoof(nick).Draw(t, "spoof")
//		if !screen(nick, spoof) { t.Fatalf("missed %+q", spoof) }
//	})
//
// Here, a few fixed draws with Example.
func Example() {
	for i := range 3 {
		nick := risktest.Nickname().Example(i)
		fmt.Println(
			risk.CompareNicknames(nick, risktest.InvisibleSpoof(nick).Example(i)).Lookalike,
			risk.CompareNicknames(nick, risktest.DecorationSpoof(nick).Example(i)).Lookalike,
			risk.CompareNicknames(nick, risktest.HomoglyphSpoof(nick).Example(i)).Lookalike)
	}
	// Output:
	// true true true
	// true true true
	// true true true
}

func TestSpoofsDiffer(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		nick := risktest.Nickname().Draw(t, "nick")
		if s := risktest.InvisibleSpoof(nick).Draw(t, "s"); s == nick {
			t.Fatalf("InvisibleSpoof(%+q) returned it unchanged", nick)
		}
		if s := risktest.DecorationSpoof(nick).Draw(t, "s"); s == nick {
			t.Fatalf("DecorationSpoof(%+q) returned it unchanged", nick)
		}
	})
}

func TestHanSpoofs(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if s := risktest.HanVariantSpoof("张伟").Draw(t, "s"); s == "张伟" {
			t.Fatalf("HanVariantSpoof(张伟) = %+q", s)
		}
		if s := risktest.CJKLookalikeSpoof("王己").Draw(t, "s"); s == "王己" {
			t.Fatalf("CJKLookalikeSpoof(王己) = %+q", s)
		}
		if s := risktest.HomoglyphSpoof("Alice").Draw(t, "s"); s == "Alice" || risk.NicknameKey(s) != risk.NicknameKey("Alice") {
			t.Fatalf("HomoglyphSpoof(Alice) = %+q", s)
		}
	})
}
