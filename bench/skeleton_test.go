package bench

import (
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
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				_ = f(corpus[i])
				if i++; i == len(corpus) {
					i = 0
				}
			}
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
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = risk.NicknameKey(corpus[i])
			if i++; i == len(corpus) {
				i = 0
			}
		}
	})
	b.Run("CompareNicknames", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = risk.CompareNicknames(corpus[i], corpus[(i+1)%len(corpus)])
			if i++; i == len(corpus) {
				i = 0
			}
		}
	})
}
