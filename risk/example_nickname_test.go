package risk_test

import (
	"fmt"

	"github.com/transferguard/transferguard/risk"
)

func ExampleSkeleton() {
	// Cyrillic А and Latin A share a skeleton; so do "I" and "l".
	fmt.Printf("%+q\n", risk.Skeleton("\u0410lice"))
	fmt.Println(risk.Skeleton("PayPaI") == risk.Skeleton("PayPal"))
	// Output:
	// "Alice"
	// true
}

func ExampleNicknameKey() {
	for _, s := range []string{"🌸小美🌸", "小美\u200b", "A.l.i.c.e", "Ａｌｉｃｅ", "張偉"} {
		fmt.Printf("%+q → %+q\n", s, risk.NicknameKey(s))
	}
	// Output:
	// "\U0001f338\u5c0f\u7f8e\U0001f338" → "\u5c0f\u7f8e"
	// "\u5c0f\u7f8e\u200b" → "\u5c0f\u7f8e"
	// "A.l.i.c.e" → "alice"
	// "\uff21\uff4c\uff49\uff43\uff45" → "alice"
	// "\u5f35\u5049" → "\u5f20\u4f1f"
}

func ExampleCompareNicknames() {
	for _, p := range [][2]string{{"张伟", "張偉"}, {"Alice", "\u0410lice"}, {"Jonathan", "Jonatham"}, {"Bob", "Rob"}} {
		m := risk.CompareNicknames(p[0], p[1])
		fmt.Printf("%s/%s: lookalike=%v score=%.2f reasons=%v\n", p[0], p[1], m.Lookalike, m.Score, m.Reasons)
	}
	// Output:
	// 张伟/張偉: lookalike=true score=0.95 reasons=equal_keys|han_variant
	// Alice/Аlice: lookalike=true score=0.95 reasons=equal_keys|homoglyph|mixed_script
	// Jonathan/Jonatham: lookalike=true score=0.80 reasons=homoglyph|edit_distance
	// Bob/Rob: lookalike=false score=0.00 reasons=none
}

func ExampleIndex() {
	contacts := risk.NewIndex([]risk.Profile{
		{ID: "wx-1001", Nickname: "张伟"},
		{ID: "wx-1002", Nickname: "小美"},
		{ID: "wx-1003", Nickname: "Alice"},
	})
	// A new payee wears a contact's nickname with a flower around it.
	for _, s := range contacts.Lookalikes(risk.Profile{ID: "wx-6666", Nickname: "🌸小美🌸"}) {
		fmt.Println(s.Contact.ID, s.Score, s.Reasons)
	}
	// The contact herself is not a suspect.
	fmt.Println(len(contacts.Lookalikes(risk.Profile{ID: "wx-1002", Nickname: "小美"})))
	// Output:
	// wx-1002 0.95 [nickname_equal_keys nickname_decoration]
	// 0
}

func ExampleMixedScript() {
	fmt.Println(risk.MixedScript("Alice"), risk.MixedScript("\u0410lice"), risk.MixedScript("田中さん"))
	// Output: false true false
}

func ExampleRestrictionLevel() {
	for _, s := range []string{"alice", "张伟", "田中さん", "Alice张伟", "\u0410lice", "小美🌸"} {
		fmt.Printf("%s: %v\n", s, risk.RestrictionLevel(s))
	}
	// Output:
	// alice: ascii_only
	// 张伟: single_script
	// 田中さん: single_script
	// Alice张伟: highly_restrictive
	// Аlice: minimally_restrictive
	// 小美🌸: unrestricted
}
