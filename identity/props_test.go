package identity

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/transferguard/transferguard/identity/identitytest"
	"github.com/transferguard/transferguard/internal/han"
	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// tb is what the checks need from *testing.T and *rapid.T.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
}

// anyString draws realistic names, their variants, hostile strings and
// arbitrary strings.
func anyString() *rapid.Generator[string] {
	return rapid.OneOf(identitytest.Name(), identitytest.Hostile(), rapid.String(),
		rapid.Custom(func(t *rapid.T) string {
			return identitytest.Variant(identitytest.Name().Draw(t, "name")).Draw(t, "variant")
		}))
}

var codePointNotation = regexp.MustCompile(`U\+[0-9A-F]{4,6}`)

// checkParse checks the invariants of Parse on any input: no panic, a
// sentinel error or a consistent Name that round-trips.
func checkParse(t tb, s string) {
	t.Helper()
	n, err := Parse(s)
	if err != nil {
		if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrInvalidUTF8) && !errors.Is(err, ErrTooLong) && !errors.Is(err, ErrForbiddenRune) {
			t.Fatalf("Parse(%+q): error %v is not a sentinel", s, err)
		}
		if n != (Name{}) {
			t.Fatalf("Parse(%+q): non-zero Name with error", s)
		}
		// The message may name a code point (U+002B); outside that
		// notation it must not contain the input ("+00" is in "U+002B").
		msg := codePointNotation.ReplaceAllString(err.Error(), "U+")
		if len(s) > 0 && utf8.ValidString(s) && strings.Contains(msg, strings.TrimSpace(s)) && len(strings.TrimSpace(s)) > 2 {
			t.Fatalf("Parse(%+q): error %q contains the input", s, msg)
		}
		return
	}
	u := n.Unmasked()
	if len(u) > MaxBytes || n.Len() > MaxGraphemes || n.Len() == 0 || !utf8.ValidString(u) {
		t.Fatalf("Parse(%+q): limits broken: %d bytes, %d clusters", s, len(u), n.Len())
	}
	var b strings.Builder
	for i := range n.Len() {
		g := n.Grapheme(i)
		if g == "" {
			t.Fatalf("Parse(%+q): empty cluster %d", s, i)
		}
		b.WriteString(g)
	}
	if b.String() != u {
		t.Fatalf("Parse(%+q): clusters %+q do not concatenate to %+q", s, b.String(), u)
	}
	// Slow obvious reference: uniseg's own count, and NFC of the trimmed input.
	if c := uniseg.GraphemeClusterCount(u); c != n.Len() {
		t.Fatalf("Parse(%+q): %d clusters, uniseg counts %d", s, n.Len(), c)
	}
	if want := norm.NFC.String(strings.TrimSpace(s)); u != want {
		t.Fatalf("Parse(%+q).Unmasked() = %+q, want NFC of the trimmed input %+q", s, u, want)
	}
	prevEnd := 0
	for i := range n.NumParts() {
		p := n.Part(i)
		if p.Start < prevEnd || p.End <= p.Start || p.End > n.Len() {
			t.Fatalf("Parse(%+q): bad part %d %v", s, i, p)
		}
		prevEnd = p.End
	}
	if sp := n.Surname(); sp.Start < 0 || sp.End > n.Len() || sp.Len() < 1 {
		t.Fatalf("Parse(%+q): bad surname %v", s, sp)
	}
	n2, err := Parse(u)
	if err != nil || n2 != n {
		t.Fatalf("Parse(Unmasked()) of %+q: %v, equal=%v", s, err, n2 == n)
	}
	if r := Compare(u, u); r.Verdict != Match {
		t.Fatalf("Compare(x, x) of parseable %+q = %v, want Match", u, r)
	}
	if red := n.String(); strings.Count(red, "*")+countSeparators(n) != n.Len() {
		t.Fatalf("String() of %+q = %q does not redact cluster by cluster", s, red)
	}
}

func countSeparators(n Name) int {
	k := 0
	for i := range n.Len() {
		if n.IsSeparator(i) {
			k++
		}
	}
	return k
}

// checkFold checks that Fold is idempotent, agrees with AppendFold and
// returns valid UTF-8.
func checkFold(t tb, s string) {
	t.Helper()
	k := Fold(s)
	if k2 := Fold(k); k2 != k {
		t.Fatalf("Fold not idempotent: Fold(%+q) = %+q, Fold of that = %+q", s, k, k2)
	}
	if a := string(AppendFold(nil, s)); a != k {
		t.Fatalf("AppendFold(%+q) = %+q, Fold = %+q", s, a, k)
	}
	if !utf8.ValidString(k) {
		t.Fatalf("Fold(%+q) = %+q is not valid UTF-8", s, k)
	}
	if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
		t.Fatalf("Fold(%+q) = %+q has stray spaces", s, k)
	}
}

// checkCompare checks that the outcome is symmetric and agrees with Fold.
func checkCompare(t tb, a, b string) {
	t.Helper()
	r := Compare(a, b)
	if r2 := Compare(b, a); r2 != r {
		t.Fatalf("Compare(%+q, %+q) = %v but swapped = %v", a, b, r, r2)
	}
	fa, fb := Fold(a), Fold(b)
	if match := a != "" && b != "" && fa != "" && fa == fb; match != (r.Verdict == Match) {
		t.Fatalf("Compare(%+q, %+q) = %v, but folds %+q, %+q", a, b, r, fa, fb)
	}
	if r.Verdict == VerdictUnknown || (r.Verdict == NoMatch && r.Reasons != 0) || (r.Verdict == CloseMatch && r.Reasons == 0) {
		t.Fatalf("Compare(%+q, %+q) = %v: inconsistent", a, b, r)
	}
	const (
		foldReasons = ReasonCase | ReasonWidth | ReasonDiacritics | ReasonSeparator | ReasonHanVariant
		hanRule     = ReasonSemanticVariant | ReasonHomophone | ReasonLookalike
		latinRules  = ReasonTypo | ReasonOrder | ReasonInitial | ReasonMissingPart | ReasonTitle
	)
	// Invalid bytes all fold to U+FFFD, so only valid UTF-8 has a notion
	// of canonical equivalence here.
	if r.Verdict == Match && r.Reasons == 0 && utf8.ValidString(a+b) && norm.NFC.String(a) != norm.NFC.String(b) {
		t.Fatalf("Compare(%+q, %+q) = %v: no reasons, but not canonically equivalent", a, b, r)
	}
	rule := r.Reasons &^ foldReasons
	switch {
	case r.Verdict == Match && rule != 0:
		t.Fatalf("Compare(%+q, %+q) = %v: Match with a rule reason", a, b, r)
	case r.Verdict == CloseMatch && rule == 0:
		t.Fatalf("Compare(%+q, %+q) = %v: CloseMatch without a rule", a, b, r)
	case r.Verdict == CloseMatch && rule&^hanRule == 0:
		// The Han rule: two all-Han keys of one length, one position apart.
		ra, rb := []rune(fa), []rune(fb)
		diffs := 0
		for i := range min(len(ra), len(rb)) {
			if ra[i] != rb[i] {
				diffs++
			}
		}
		if len(ra) != len(rb) || diffs != 1 {
			t.Fatalf("Compare(%+q, %+q) = %v but keys %+q, %+q are not one Han character apart", a, b, r, fa, fb)
		}
	case r.Verdict == CloseMatch && rule&^latinRules == 0:
		if strings.ContainsFunc(fa+fb, isCJK) {
			t.Fatalf("Compare(%+q, %+q) = %v: a Latin rule on CJK keys %+q, %+q", a, b, r, fa, fb)
		}
	case r.Verdict == CloseMatch:
		t.Fatalf("Compare(%+q, %+q) = %v: reasons of two kinds", a, b, r)
	}
}

func propParse(t *rapid.T)          { checkParse(t, anyString().Draw(t, "s")) }
func propFoldIdempotent(t *rapid.T) { checkFold(t, anyString().Draw(t, "s")) }
func propCompareSymmetric(t *rapid.T) {
	checkCompare(t, anyString().Draw(t, "a"), anyString().Draw(t, "b"))
}

// propCompareSelf: Compare(x, x) is Match for every parseable x.
func propCompareSelf(t *rapid.T) {
	s := anyString().Draw(t, "s")
	if _, err := Parse(s); err != nil {
		t.Skip("not parseable")
	}
	if r := Compare(s, s); r != (Result{Verdict: Match}) {
		t.Fatalf("Compare(%+q, itself) = %v", s, r)
	}
}

// propVariantsMatch: a name with traditional/simplified, width and case
// variants applied is still a Match, and still parses to the same shape.
func propVariantsMatch(t *rapid.T) {
	name := identitytest.Name().Draw(t, "name")
	v := identitytest.Variant(name).Draw(t, "variant")
	if r := Compare(v, name); r.Verdict != Match {
		t.Fatalf("Compare(%+q, %+q) = %v, want Match", v, name, r)
	}
	n, err1 := Parse(name)
	nv, err2 := Parse(v)
	if err1 != nil || err2 != nil {
		t.Fatalf("Parse: %v, %v", err1, err2)
	}
	if n.NumParts() != nv.NumParts() || n.Surname() != nv.Surname() {
		t.Fatalf("Parse(%+q) and Parse(%+q) differ: parts %d/%d, surname %v/%v", name, v, n.NumParts(), nv.NumParts(), n.Surname(), nv.Surname())
	}
}

// propCloseStaysClose: pairs of realistic names are symmetric, and a name
// against a different realistic name is never a Match unless the folds agree.
func propRealisticPairs(t *rapid.T) {
	a := identitytest.Name().Draw(t, "a")
	b := identitytest.Name().Draw(t, "b")
	checkCompare(t, a, b)
}

func TestPropParse(t *testing.T)            { rapid.Check(t, propParse) }
func TestPropFoldIdempotent(t *testing.T)   { rapid.Check(t, propFoldIdempotent) }
func TestPropCompareSymmetric(t *testing.T) { rapid.Check(t, propCompareSymmetric) }
func TestPropCompareSelf(t *testing.T)      { rapid.Check(t, propCompareSelf) }
func TestPropVariantsMatch(t *testing.T)    { rapid.Check(t, propVariantsMatch) }
func TestPropRealisticPairs(t *testing.T)   { rapid.Check(t, propRealisticPairs) }

// propIdeographsFastPath: Compare's fast path for ideographs gives the
// same Result as the general path, on Han names, their variants and
// one-character changes.
func propIdeographsFastPath(t *rapid.T) {
	a := identitytest.HanName().Draw(t, "a")
	var b string
	switch rapid.IntRange(0, 2).Draw(t, "kind") {
	case 0:
		b = identitytest.HanName().Draw(t, "b")
	case 1:
		b = identitytest.Variant(a).Draw(t, "b")
	default:
		rs := []rune(a)
		i := rapid.IntRange(0, len(rs)-1).Draw(t, "i")
		rs[i] = rapid.RuneFrom([]rune("张章小晓哲喆峰峯坤堃未末己已土士日曰千干侯候明鸣名于於")).Draw(t, "r")
		b = string(rs)
	}
	if !ideographsOnly(a) || !ideographsOnly(b) {
		t.Skip("not ideographs only")
	}
	if got, want := Compare(a, b), compareFolded(a, b); got != want {
		t.Fatalf("Compare(%+q, %+q) = %v, general path = %v", a, b, got, want)
	}
}

func TestPropIdeographsFastPath(t *testing.T) { rapid.Check(t, propIdeographsFastPath) }

func TestIdeographsOnly(t *testing.T) {
	for s, want := range map[string]bool{
		"张三": true, "一龥": true, "\u9fff": true, "\u4dff": false, "": true, "张 三": false,
		"張三": true, "\uf900": false, "𠮷": false, "张a": false, "ab张": false, "\xe4\xb8": false,
	} {
		if got := ideographsOnly(s); got != want {
			t.Errorf("ideographsOnly(%+q) = %v, want %v", s, got, want)
		}
	}
}

// propHanReasons: hanReasons agrees with the han predicates on folded
// characters (it uses Lookalikes for speed).
func propHanReasons(t *rapid.T) {
	pool := []rune("张章小晓哲喆峰峯坤堃未末己已巳土士日曰千干侯候戊戌戍明鸣名于於李王學学乾")
	a := han.Fold(rapid.SampledFrom(pool).Draw(t, "a"))
	b := han.Fold(rapid.SampledFrom(pool).Draw(t, "b"))
	if a == b {
		t.Skip("same")
	}
	var want Reasons
	if han.SemanticVariant(a, b) {
		want |= ReasonSemanticVariant
	}
	if han.Homophone(a, b) {
		want |= ReasonHomophone
	}
	if han.Lookalike(a, b) {
		want |= ReasonLookalike
	}
	if got := hanReasons(a, b); got != want {
		t.Fatalf("hanReasons(%q, %q) = %v, want %v", a, b, got, want)
	}
}

func TestPropHanReasons(t *testing.T) { rapid.Check(t, propHanReasons) }

// propLatinRules: each Latin rule, applied to a realistic name, gives
// CloseMatch with exactly that rule's reason, whichever side is entered.
func propLatinRules(t *rapid.T) {
	key := Fold(identitytest.LatinName().Draw(t, "name"))
	w := strings.Fields(key)
	var out []string
	var want Reasons
	switch rapid.IntRange(0, 4).Draw(t, "rule") {
	case 0:
		if len(w) < 2 || w[0] == w[len(w)-1] {
			t.Skip("nothing to reorder")
		}
		out = append([]string{w[len(w)-1]}, w[:len(w)-1]...)
		want = ReasonOrder
	case 1:
		if len(w) < 2 || utf8.RuneCountInString(w[0]) < 2 {
			t.Skip("no given name to shorten")
		}
		r, _ := utf8.DecodeRuneInString(w[0])
		out = append([]string{string(r)}, w[1:]...)
		want = ReasonInitial
	case 2:
		title := rapid.SampledFrom([]string{"Mr", "Mrs", "Ms", "Dr.", "Prof", "MR"}).Draw(t, "title")
		out = append([]string{title}, w...)
		want = ReasonTitle
		if strings.HasSuffix(title, ".") {
			want |= ReasonSeparator // the full stop is dropped
		}
	case 3:
		if len(w) < 3 {
			t.Skip("no middle part")
		}
		k := rapid.IntRange(1, len(w)-2).Draw(t, "k")
		out = append(append([]string{}, w[:k]...), w[k+1:]...)
		want = ReasonMissingPart
	default:
		i := rapid.IntRange(0, len(w)-1).Draw(t, "part")
		rs := []rune(w[i])
		if len(rs) < 4 {
			t.Skip("part too short for a typo")
		}
		j := rapid.IntRange(0, len(rs)-2).Draw(t, "j")
		if rs[j] == rs[j+1] {
			t.Skip("swap changes nothing")
		}
		rs[j], rs[j+1] = rs[j+1], rs[j]
		out = append([]string{}, w...)
		out[i] = string(rs)
		want = ReasonTypo
	}
	entered := strings.Join(out, " ")
	for _, r := range []Result{Compare(entered, key), Compare(key, entered)} {
		if r != (Result{CloseMatch, want}) {
			t.Fatalf("Compare(%+q, %+q) = %v, want CloseMatch (%v)", entered, key, r, want)
		}
	}
}

func TestPropLatinRules(t *testing.T) { rapid.Check(t, propLatinRules) }
