package risk

import (
	"math/bits"
	"unicode/utf8"
)

// scriptName returns the Unicode Script property value of r as Go's unicode
// package knows it ("Unknown" for unassigned code points).
func scriptName(r rune) string { return scriptNames[scriptOf(r)] }

func scriptOf(r rune) int {
	if r < 0 || r > utf8.MaxRune {
		return 0
	}
	return int(scriptBlocks[int(scriptIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))])
}

// isAllowed reports whether r has Identifier_Status=Allowed (UTS #39 §3.1).
func isAllowed(r rune) bool {
	lo, hi := 0, len(allowedRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < allowedRanges[m][0]:
			hi = m
		case r > allowedRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// scriptSet is a set of script indexes (scriptNames) plus the three
// augmented sets of UTS #39 §5.1: Jpan, Kore and Hanb.
type scriptSet [3]uint64

const (
	scriptJpan = len(scriptNames) + iota
	scriptKore
	scriptHanb
)

func (s *scriptSet) add(i int)     { s[i/64] |= 1 << (i % 64) }
func (s scriptSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s scriptSet) empty() bool    { return s == scriptSet{} }
func (s scriptSet) and(t scriptSet) scriptSet {
	return scriptSet{s[0] & t[0], s[1] & t[1], s[2] & t[2]}
}
func (s scriptSet) minus(t scriptSet) scriptSet {
	return scriptSet{s[0] &^ t[0], s[1] &^ t[1], s[2] &^ t[2]}
}
func (s scriptSet) count() int {
	n := 0
	for _, w := range s {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return n
}

// mixed reports whether a string whose characters have the scripts in s
// is mixed-script (see MixedScript): the intersection of the augmented
// sets of its scripts other than Common and Inherited is empty. For two or
// more distinct scripts that is the intersection of their augBits (see
// mixedScript).
func (s scriptSet) mixed() bool {
	s[scriptCommon/64] &^= 1 << (scriptCommon % 64)
	s[scriptInherited/64] &^= 1 << (scriptInherited % 64)
	if bits.OnesCount64(s[0])+bits.OnesCount64(s[1])+bits.OnesCount64(s[2]) <= 1 {
		return false
	}
	aug := uint8(7)
	for i, w := range s {
		for ; w != 0; w &= w - 1 {
			aug &= augBits(i*64 + bits.TrailingZeros64(w))
		}
	}
	return aug == 0
}

// augmented returns the augmented script set of a single script
// (UTS #39 §5.1: Han adds Jpan, Kore and Hanb; Hiragana and Katakana add
// Jpan; Hangul adds Kore; Bopomofo adds Hanb).
func augmented(sc int) scriptSet {
	var s scriptSet
	s.add(sc)
	switch sc {
	case scriptHan:
		s.add(scriptJpan)
		s.add(scriptKore)
		s.add(scriptHanb)
	case scriptHiragana, scriptKatakana:
		s.add(scriptJpan)
	case scriptHangul:
		s.add(scriptKore)
	case scriptBopomofo:
		s.add(scriptHanb)
	}
	return s
}

// scriptAt returns the script of the non-ASCII rune at s[i] and its length
// in bytes, decoding as decodeRune does with its common forms inline (an
// invalid byte is U+FFFD, one byte long).
func scriptAt(s string, i int) (sc, n int) {
	c := s[i]
	var r rune
	switch {
	case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
	case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
	case c == 0xE0 && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80:
		r, n = rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3 // Thai, Devanagari
	case c == 0xF0 && i+3 < len(s) && s[i+1] >= 0x90 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80:
		r, n = rune(s[i+1]&0x3F)<<12|rune(s[i+2]&0x3F)<<6|rune(s[i+3]&0x3F), 4
	default:
		r, n = decodeRune(s, i)
	}
	return int(scriptBlocks[int(scriptIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]), n // scriptOf: r is valid
}

// scripts returns the resolved script set of s (UTS #39 §5.1: the
// intersection of the augmented script sets of its characters, Common and
// Inherited counting as every script) and the union of its scripts.
// resolved is ok=false when every character is Common or Inherited.
func scripts(s string) (resolved, union scriptSet, ok bool) {
	last := -1
	for i := 0; i < len(s); {
		var sc int
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if c|0x20 < 'a' || c|0x20 > 'z' {
				continue // ASCII other than letters is Common
			}
			sc = scriptLatin
		} else {
			var n int
			sc, n = scriptAt(s, i)
			i += n
		}
		if sc == scriptCommon || sc == scriptInherited || sc == last {
			continue
		}
		last = sc
		a := augmented(sc)
		union.add(sc)
		if !ok {
			resolved, ok = a, true
		} else {
			resolved = resolved.and(a)
		}
	}
	return resolved, union, ok
}

// MixedScript reports whether s is mixed-script in the sense of UTS #39
// §5.1: the resolved script set of its characters is empty, so "Аlice" with
// a Cyrillic А is mixed while "张伟", "Alice", "田中さん" (Han with Hiragana:
// Jpan) and "Alice ❤" are not. Characters of the Common and Inherited
// scripts count as every script.
//
// Script values come from Go's unicode package (Unicode 15.0.0), which has
// no Script_Extensions: a character such as U+30FC KATAKANA-HIRAGANA
// PROLONGED SOUND MARK counts as Common rather than {Hiragana, Katakana},
// which can only make a string look less mixed (see doc.go # Deviations).
// It does not allocate and is safe for concurrent use.
func MixedScript(s string) bool {
	return !isASCII(s) && mixedScript(s)
}

// augBits returns the augmented scripts of UTS #39 §5.1 that script sc
// adds to itself (see augmented), as bits 1 (Jpan), 2 (Kore), 4 (Hanb).
func augBits(sc int) uint8 {
	switch sc {
	case scriptHan:
		return 7
	case scriptHiragana, scriptKatakana:
		return 1
	case scriptHangul:
		return 2
	case scriptBopomofo:
		return 4
	}
	return 0
}

// mixedScript is the resolved script set of scripts(s) tested for
// emptiness without the sets. augmented(sc) is {sc} plus augBits(sc), and
// the augmented scripts are no script of a character, so the intersection
// is {first} (while every script seen is the first one) plus the
// intersection of the augBits. It only shrinks, so once it is empty s is
// mixed whatever follows. TestMixedScriptScripts checks it against
// scripts.
func mixedScript(s string) bool {
	first, last := -1, -1
	single, aug := false, uint8(0)
	for i := 0; i < len(s); {
		var sc int
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if c|0x20 < 'a' || c|0x20 > 'z' {
				continue // ASCII other than letters is Common
			}
			if last == scriptLatin {
				// Every ASCII byte up to the next non-ASCII rune is
				// Latin or Common: nothing changes.
				for i < len(s) && s[i] < utf8.RuneSelf {
					i++
				}
				continue
			}
			sc = scriptLatin
		} else {
			var n int
			sc, n = scriptAt(s, i)
			i += n
		}
		if sc == last || sc == scriptCommon || sc == scriptInherited {
			continue
		}
		last = sc
		if first < 0 {
			first, single, aug = sc, true, augBits(sc)
			continue
		}
		single = single && sc == first
		aug &= augBits(sc)
		if !single && aug == 0 {
			return true
		}
	}
	return false
}

// Restriction is a UTS #39 §5.2 restriction level. The zero value is
// RestrictionUnknown.
type Restriction uint8

// Restriction levels, from the most to the least restrictive.
const (
	RestrictionUnknown Restriction = iota
	// ASCIIOnly: every character is ASCII.
	ASCIIOnly
	// SingleScript: the resolved script set is not empty.
	SingleScript
	// HighlyRestrictive: the scripts are covered by Latin + Han + Hiragana +
	// Katakana, Latin + Han + Bopomofo, or Latin + Han + Hangul.
	HighlyRestrictive
	// ModeratelyRestrictive: the scripts are covered by Latin and one other
	// Recommended script (UAX #31 Table 4) other than Cyrillic and Greek.
	ModeratelyRestrictive
	// MinimallyRestrictive: any mix of scripts.
	MinimallyRestrictive
	// Unrestricted: a character outside the General Security Profile
	// (Identifier_Status not Allowed, UTS #39 §3.1), such as an emoji, a
	// space or most punctuation.
	Unrestricted
)

var restrictionNames = [...]string{
	"unknown", "ascii_only", "single_script", "highly_restrictive",
	"moderately_restrictive", "minimally_restrictive", "unrestricted",
}

// String returns the level's code, such as "single_script".
func (l Restriction) String() string {
	if int(l) < len(restrictionNames) {
		return restrictionNames[l]
	}
	return "invalid"
}

// RestrictionLevel returns the UTS #39 §5.2 restriction level of s: the
// first level whose conditions s meets. A string with a character that is
// not Identifier_Status=Allowed (IdentifierStatus.txt 17.0.0) is
// Unrestricted, as in ICU, so most decorated nicknames are; apply it to the
// letters of a nickname when that matters. The empty string is ASCIIOnly.
// Script values come from Go's unicode package, without Script_Extensions
// (see [MixedScript]). It does not allocate.
func RestrictionLevel(s string) Restriction {
	ascii := true
	for _, r := range s {
		if !isAllowed(r) {
			return Unrestricted
		}
		ascii = ascii && r < utf8.RuneSelf
	}
	if ascii {
		return ASCIIOnly
	}
	resolved, union, ok := scripts(s)
	if !ok || !resolved.empty() {
		return SingleScript
	}
	var latinHan scriptSet
	latinHan.add(scriptLatin)
	latinHan.add(scriptHan)
	rest := union.minus(latinHan)
	for _, cover := range [][]int{{scriptHiragana, scriptKatakana}, {scriptBopomofo}, {scriptHangul}} {
		var c scriptSet
		for _, sc := range cover {
			c.add(sc)
		}
		if rest.minus(c).empty() {
			return HighlyRestrictive
		}
	}
	var latin scriptSet
	latin.add(scriptLatin)
	other := union.minus(latin)
	if other.count() == 1 && other.minus(recommendedScripts).empty() &&
		!other.has(scriptCyrillic) && !other.has(scriptGreek) {
		return ModeratelyRestrictive
	}
	return MinimallyRestrictive
}
