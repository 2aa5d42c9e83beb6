package han

import (
	"strings"
	"unicode"
)

// Fold returns the representative of r: traditional to simplified and
// Z-variants to one form, without over-converting (a character whose
// simplified variants include itself keeps itself, and so does every
// character of the Table of General Standard Chinese Characters). CJK
// compatibility ideographs fold like their canonical equivalents. Non-Han
// runes are returned unchanged. Fold(Fold(r)) == Fold(r) for every r. It
// does not allocate.
func Fold(r rune) rune {
	if r < minTableRune {
		return r // fast path, inlined
	}
	return foldHan(r)
}

// foldHan is Fold's table lookup, kept out of line so that Fold inlines.
//
//go:noinline
func foldHan(r rune) rune {
	if v, ok := lookupRune(foldTable, foldTablePages, r); ok {
		return v
	}
	return r
}

// minTableRune is below every key of every table: U+2E80 (CJK Radicals
// Supplement) is the first Han-script code point.
const minTableRune = 0x2E80

// IsHan reports whether r is a Han character: Script=Han in Go's unicode
// tables (Unicode 15.0.0: ideographs, radicals, 々, 〇, Hangzhou numerals),
// plus the ideographs added in Unicode 15.1–17.0 (Extensions I and J and
// additions to B and C, from UTS #39 IdentifierType.txt 17.0.0). It does
// not allocate.
func IsHan(r rune) bool {
	if r < minTableRune {
		return false // fast path, inlined
	}
	return isHanSlow(r)
}

// isHanSlow is IsHan above U+2E80, kept out of line so that IsHan inlines.
//
//go:noinline
func isHanSlow(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF {
		return true // CJK Unified Ideographs, the common case
	}
	return unicode.Is(unicode.Han, r) || isHanAfter15(r)
}

// SemanticVariant reports whether a and b are semantic or specialized
// semantic variants of each other (Unihan kSemanticVariant,
// kSpecializedSemanticVariant), compared after [Fold]: 哲/喆, 峰/峯, 坤/堃.
// It is symmetric and false when Fold(a) == Fold(b) (those are the same
// character for [Fold]). It does not allocate.
func SemanticVariant(a, b rune) bool {
	a, b = Fold(a), Fold(b)
	if a == b || a < minTableRune || b < minTableRune {
		return false
	}
	o, ok := lowerBound(semanticTable, semanticTablePages, pairStride, a)
	for ; ok && o < len(semanticTable) && get3(semanticTable, o) == a; o += pairStride {
		if get3(semanticTable, o+3) == b {
			return true
		}
	}
	return false
}

// Homophone reports whether a and b share a Mandarin syllable, ignoring
// tone (Unihan kMandarin: 张/章 zhang, 小/晓 xiao). A character with two
// kMandarin values (the customary PRC and Taiwan readings) counts both. A
// rune without a kMandarin value of its own takes that of its canonical
// equivalent or its [Fold]. Homophone(a, a) is true when a has a reading.
// It does not allocate.
func Homophone(a, b rune) bool {
	x1, x2, ok := readings(a)
	if !ok {
		return false
	}
	y1, y2, ok := readings(b)
	if !ok {
		return false
	}
	return x1 == y1 || x1 == y2 || (x2 != 0 && (x2 == y1 || x2 == y2))
}

// readings returns the syllable ids of r (0 = none).
func readings(r rune) (s1, s2 uint16, ok bool) {
	if r < minTableRune {
		return 0, 0, false
	}
	i, ok := find(readingTable, readingTablePages, readingStride, r)
	if !ok {
		return 0, 0, false
	}
	rec := readingTable[i:]
	return uint16(rec[3])<<8 | uint16(rec[4]), uint16(rec[5])<<8 | uint16(rec[6]), true
}

// Lookalike reports whether a and b are visually confusable Han characters,
// as written or after [Fold]: the union of the machine-learned CJK
// confusables, Unihan kSpoofingVariant, the Han-to-Han pairs of UTS #39
// confusables.txt and our curated pairs (see the package doc). It is
// symmetric, false for a rune and itself (or its compatibility twin), and
// does not allocate.
func Lookalike(a, b rune) bool {
	if a < minTableRune || b < minTableRune {
		return false
	}
	ca, cb := canon(a), canon(b)
	if neighbour(ca, cb) {
		return true
	}
	fa, fb := Fold(a), Fold(b)
	return fa != fb && (fa != ca || fb != cb) && neighbour(fa, fb)
}

func neighbour(a, b rune) bool {
	return a != b && strings.ContainsRune(list(neighbourTable, neighbourTablePages, neighbourMembers, a), b)
}

// Lookalikes returns the runes that r, as written, is a lookalike of, in
// code point order, as a substring of a static table (it does not
// allocate). [Lookalike](r, x) holds for each of them, and for runes that
// [Fold] leaves unchanged Lookalike(a, b) is exactly
// strings.ContainsRune(Lookalikes(a), b). It returns "" when r has none.
func Lookalikes(r rune) string {
	if r < minTableRune {
		return ""
	}
	return list(neighbourTable, neighbourTablePages, neighbourMembers, canon(r))
}

// LookalikeKey returns the representative of r's lookalike cluster, for
// nickname keys: the most common member of the cluster of Fold(r). Clusters
// have at most 8 members (see the package doc for the rule). A rune outside
// every cluster maps to Fold(r), so LookalikeKey(r) == LookalikeKey(Fold(r)),
// and Fold and LookalikeKey both leave a key unchanged. It does not
// allocate.
func LookalikeKey(r rune) rune {
	if r < minTableRune {
		return r // fast path, inlined
	}
	return lookalikeKeyHan(r)
}

// lookalikeKeyHan is LookalikeKey's table lookup, kept out of line so that
// LookalikeKey inlines.
//
//go:noinline
func lookalikeKeyHan(r rune) rune {
	if v, ok := lookupRune(keyTable, keyTablePages, r); ok {
		return v
	}
	return r
}

// Variants returns every rune whose [Fold] equals Fold(r) (r itself
// included, compatibility ideographs too), in code point order, as a
// substring of a static table (it does not allocate). It returns "" when r
// is its own only variant.
func Variants(r rune) string {
	if r < minTableRune {
		return ""
	}
	return list(classTable, classTablePages, classMembers, Fold(r))
}

// canon maps a CJK compatibility ideograph to its canonical equivalent.
func canon(r rune) rune {
	if (r < 0xF900 || r > 0xFAFF) && (r < 0x2F800 || r > 0x2FA1F) {
		return r // not a compatibility ideograph
	}
	if v, ok := lookupRune(canonTable, canonTablePages, r); ok {
		return v
	}
	return r
}

// Record sizes of the generated tables (see internal/gen/unihan).
const (
	runeMapStride = 6 // key rune, value rune
	readingStride = 7 // key rune, two 2-byte syllable ids
	pairStride    = 6 // two runes
	listStride    = 6 // key rune, 3-byte start offset into the members
)

// lookupRune looks r up in a table of (key rune, value rune) records.
func lookupRune(table, pages string, r rune) (rune, bool) {
	i, ok := find(table, pages, runeMapStride, r)
	if !ok {
		return 0, false
	}
	return get3(table, i+3), true
}

// list returns the members string of r in a (key, offset) table.
func list(table, pages, members string, r rune) string {
	i, ok := find(table, pages, listStride, r)
	if !ok {
		return ""
	}
	start, end := int(get3(table, i+3)), len(members)
	if next := i + listStride; next < len(table) {
		end = int(get3(table, next+3))
	}
	return members[start:end]
}

// get3 decodes the big-endian 3-byte value at s[i:].
func get3(s string, i int) rune {
	s = s[i : i+3]
	return rune(s[0])<<16 | rune(s[1])<<8 | rune(s[2])
}

// get2 decodes the big-endian 2-byte value at s[i:].
func get2(s string, i int) int {
	s = s[i : i+2]
	return int(s[0])<<8 | int(s[1])
}

// lowerBound returns the byte offset of the first stride-byte record of
// table whose leading 3-byte key is >= r, searching only r's page (see
// internal/gen/unihan), and whether r's page lies in the indexed span. The
// offset may be the end of r's page.
func lowerBound(table, pages string, stride int, r rune) (int, bool) {
	p := int(r>>8) - pageFirst
	if uint(p) >= pageCount {
		return 0, false
	}
	lo, hi := get2(pages, 2*p), get2(pages, 2*p+2)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if get3(table, m*stride) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo * stride, true
}

// find returns the byte offset of r's record in table.
func find(table, pages string, stride int, r rune) (int, bool) {
	o, ok := lowerBound(table, pages, stride, r)
	if !ok || o >= len(table) || get3(table, o) != r {
		return 0, false
	}
	return o, true
}
