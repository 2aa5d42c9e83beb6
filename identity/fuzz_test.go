package identity

import (
	"unicode/utf8"

	"testing"

	"golang.org/x/text/unicode/norm"
)

// seeds returns the inputs of the table tests, for the fuzz corpora.
func seeds() []string {
	var ss []string
	for _, tt := range compareTests {
		ss = append(ss, tt.entered, tt.registered)
	}
	for _, c := range issueCompounds {
		ss = append(ss, c[0]+"小明", c[1]+"小明")
	}
	ss = append(ss, "买买提·艾力", "伊丽莎白·泰勒", "Zoe\u0308 Smith", "क्\u200dष", "مهر\u200cناز",
		"张\u202e三", "a\U0001F468\u200d\U0001F469", "ﾔﾏﾀﾞ", "0\x00\u0301\u200d\uff9e", "ǣ", "\u02bb",
		"\x00\u3000A\x80", "ᄀ ᅡ", "J.R.R. Tolkien", "Jean-Luc Picard")
	return ss
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkParse(t, s) })
}

// FuzzFold checks Fold's invariants, the reasons it reports and
// quickNFKC and quickNFC against norm. With -parallel=1 it can report 0
// execs/s for up to a minute: that is the fuzzer minimizing a new input
// (its last pass tries every subrange, quadratic in the input's length,
// for up to -fuzzminimizetime, 60 s by default), not a slow Fold, which is
// linear (BenchmarkFoldLong, TestFoldLongAllocs). -fuzzminimizetime=100x
// removes the stalls.
func FuzzFold(f *testing.F) {
	for _, s := range seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFold(t, s)
		checkUnusedFoldKeepsKey(t, s)
		if got, want := quickNFKC(s), utf8.ValidString(s) && norm.NFKC.QuickSpanString(s) == len(s); got != want {
			t.Fatalf("quickNFKC(%+q) = %v, norm says %v", s, got, want)
		}
		if got, want := quickNFC(s), utf8.ValidString(s) && norm.NFC.QuickSpanString(s) == len(s); got != want {
			t.Fatalf("quickNFC(%+q) = %v, norm says %v", s, got, want)
		}
	})
}

func FuzzCompare(f *testing.F) {
	for _, tt := range compareTests {
		f.Add(tt.entered, tt.registered)
	}
	f.Add("张三", "張三")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkCompare(t, a, b)
		checkFoldReasons(t, a, b)
	})
}
