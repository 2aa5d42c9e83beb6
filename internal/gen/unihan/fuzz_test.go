package unihan

import (
	"strings"
	"testing"
)

// FuzzParsers checks that the parsers never panic, and that what
// ParseField accepts has only valid code points.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{
		"4E7E\tU+4E7E U+5E72\n", "53C2..53C3\tU+53C2\n", "3400\tqiū\n", "3401..3400\tx\n",
		"未: [('末', 0.0111578815), ('耒', 0.05)]\n", "㫚: []\n",
		"58EB ;\t571F ;\tMA\t# ( 士 → 土 )\n", "\uFEFF# c\n0031 ;\t006C ;\tMA\n",
		"2EBF0..2EBF1  ; Uncommon_Use # 15.1 [2] CJK UNIFIED IDEOGRAPH-2EBF0..CJK UNIFIED IDEOGRAPH-2EBF1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if fd, err := ParseField("fuzz", strings.NewReader(s)); err == nil {
			for r := range fd {
				if r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) {
					t.Fatalf("ParseField(%+q) accepted U+%04X", s, r)
				}
			}
		}
		if ps, err := ParseML("fuzz", strings.NewReader(s)); err == nil {
			for _, p := range ps {
				if p.Dist < 0 || p.Dist > 0.1 {
					t.Fatalf("ParseML(%+q) accepted distance %v", s, p.Dist)
				}
			}
		}
		if ms, err := ParseConfusables("fuzz", strings.NewReader(s)); err == nil {
			for _, m := range ms {
				if len(m.Target) == 0 {
					t.Fatalf("ParseConfusables(%+q) accepted an empty target", s)
				}
			}
		}
		_, _ = ParseNewIdeographs("fuzz", strings.NewReader(s))
		for _, v := range strings.Split(s, "\t") {
			_, _ = ParseVariants(v)
			_, _ = ParseMandarin(v)
		}
	})
}
