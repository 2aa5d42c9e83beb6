package bench

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"

	"github.com/transferguard/transferguard/risk"
)

// mtibben/confusables embeds confusables.txt 13.0.0 (its tables.go header);
// risk embeds 17.0.0. A name's skeletons can only be expected to agree
// when every code point of its NFD has the same mapping in both versions,
// which the per-code-point skeletons tell (a code point of an NFD string is
// its own NFD, so Skeleton(string(r)) is NFD(map(r))).
func sameMappingBothVersions(s string) bool {
	for _, r := range norm.NFD.String(s) {
		c := string(r)
		if risk.Skeleton(c) != confusables.Skeleton(c) {
			return false
		}
	}
	return true
}

// TestSkeletonAgreesWithMtibben: on the corpus, wherever both libraries map
// every code point the same way, the skeletons are equal. The figures are
// logged for BENCHMARKS.md.
func TestSkeletonAgreesWithMtibben(t *testing.T) {
	corpus := nicknameCorpus(corpusSize)
	comparable, agree, agreeAll := 0, 0, 0
	for _, s := range corpus {
		ours, theirs := risk.Skeleton(s), confusables.Skeleton(s)
		if ours == theirs {
			agreeAll++
		}
		if !sameMappingBothVersions(s) {
			continue
		}
		comparable++
		if ours == theirs {
			agree++
		} else if utf8.ValidString(s) {
			t.Errorf("Skeleton(%+q) = %+q, mtibben %+q", s, ours, theirs)
		}
	}
	t.Logf("corpus %d names: %d comparable (same mapping in TR39 13.0.0 and 17.0.0), %d of them agree; %d of all names agree",
		len(corpus), comparable, agree, agreeAll)
	if comparable < len(corpus)*9/10 {
		t.Errorf("only %d of %d names comparable", comparable, len(corpus))
	}
}

func BenchmarkSkeletonCorpus(b *testing.B) {
	corpus := nicknameCorpus(corpusSize)
	run := func(name string, f func(string) string) {
		b.Run(name, func(b *testing.B) {
			loopCPU(b, func(i int) { _ = f(corpus[i%len(corpus)]) })
		})
	}
	run("transferguard", risk.Skeleton)
	run("mtibben", confusables.Skeleton)
	run("baseline-rune-walk", func(s string) string {
		n := 0
		for range s {
			n++
		}
		if n < 0 {
			return ""
		}
		return s
	})
	run("baseline-xtext-nfd", norm.NFD.String)
}

func BenchmarkNicknameCorpus(b *testing.B) {
	corpus := nicknameCorpus(corpusSize)
	b.Run("NicknameKey", func(b *testing.B) {
		loopCPU(b, func(i int) { _ = risk.NicknameKey(corpus[i%len(corpus)]) })
	})
	b.Run("CompareNicknames", func(b *testing.B) {
		loopCPU(b, func(i int) { _ = risk.CompareNicknames(corpus[i%len(corpus)], corpus[(i+1)%len(corpus)]) })
	})
	pairs := nicknamePairs(corpus)
	b.Run("CompareNicknames-spoofs", func(b *testing.B) {
		loopCPU(b, func(i int) { p := pairs[i%len(pairs)]; _ = risk.CompareNicknames(p[0], p[1]) })
	})
}

// nicknamePairs pairs each name with a spoof of it (an invisible character
// and a decoration added, a Latin letter swapped for a homoglyph).
func nicknamePairs(corpus []string) [][2]string {
	out := make([][2]string, len(corpus))
	for i, s := range corpus {
		t := strings.Replace(s, "a", "\u0430", 1)
		if t == s {
			t = "★" + s + "\u200b"
		}
		out[i] = [2]string{s, t}
	}
	return out
}
