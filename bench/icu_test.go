//go:build icu

package bench

import (
	"testing"
	"unicode/utf8"

	"github.com/transferguard/transferguard/risk"
)

func icuSetup(b testing.TB) (*icuChecker, *icuNames, *icuNames, *icuNames) {
	corpus := nicknameCorpus(corpusSize)
	pairs := nicknamePairs(corpus)
	firsts, seconds := make([]string, len(pairs)), make([]string, len(pairs))
	for i, p := range pairs {
		firsts[i], seconds[i] = p[0], p[1]
	}
	c := newICUChecker()
	if c == nil {
		b.Fatal("uspoof_open failed")
	}
	names, as, bs := newICUNames(corpus), newICUNames(firsts), newICUNames(seconds)
	b.Cleanup(func() { c.close(); names.free(); as.free(); bs.free() })
	return c, names, as, bs
}

// TestICUSkeletonAgrees: ICU 72 embeds TR39 15.0; on valid names whose
// code points map alike in 15.0 and 17.0 the skeletons should agree. The
// figures are logged; the test fails only if ICU fails.
func TestICUSkeletonAgrees(t *testing.T) {
	c, names, _, _ := icuSetup(t)
	corpus := nicknameCorpus(corpusSize)
	agree, valid := 0, 0
	for i, s := range corpus {
		got, ok := c.skeletonString(names, i)
		if !ok {
			t.Fatalf("uspoof_getSkeletonUTF8(%+q) failed", s)
		}
		if !utf8.ValidString(s) {
			continue
		}
		valid++
		if got == risk.Skeleton(s) {
			agree++
		}
	}
	t.Logf("%d valid names, %d skeletons agree with ICU 72", valid, agree)
}

func BenchmarkICU(b *testing.B) {
	c, names, as, bs := icuSetup(b)
	n := len(names.p)
	b.Run("cgo-call", func(b *testing.B) {
		loopCPU(b, func(i int) { _ = c.nothing(names, i%n) })
	})
	b.Run("uspoof_getSkeletonUTF8", func(b *testing.B) {
		loopCPU(b, func(i int) {
			if !c.skeleton(names, i%n) {
				b.Fatal("uspoof_getSkeletonUTF8 failed")
			}
		})
	})
	b.Run("uspoof_areConfusableUTF8", func(b *testing.B) {
		loopCPU(b, func(i int) {
			if !c.confusable(names, i%n, names, (i+1)%n) {
				b.Fatal("uspoof_areConfusableUTF8 failed")
			}
		})
	})
	b.Run("uspoof_areConfusableUTF8-spoofs", func(b *testing.B) {
		loopCPU(b, func(i int) {
			if !c.confusable(as, i%n, bs, i%n) {
				b.Fatal("uspoof_areConfusableUTF8 failed")
			}
		})
	})
}
