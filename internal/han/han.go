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
		return r
	}
	if v, ok := lookupRune(foldTable, r); ok {
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
		return false
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
	_, ok := search(semanticTable, pairStride, uint64(a)<<24|uint64(b), pairStride)
	return ok
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
	i, ok := search(readingTable, readingStride, uint64(r), 3)
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
	if neighbour(canon(a), canon(b)) {
		return true
	}
	fa, fb := Fold(a), Fold(b)
	return fa != fb && neighbour(fa, fb)
}

func neighbour(a, b rune) bool {
	return a != b && strings.ContainsRune(list(neighbourTable, neighbourMembers, a), b)
}

// Lookalikes returns the runes that r, as written, is a lookalike of, in
// code point order, as a substring of a static table (it does not
// allocate). [Lookalike](r, x) holds for each of them. It returns "" when r
// has none.
func Lookalikes(r rune) string {
	if r < minTableRune {
		return ""
	}
	return list(neighbourTable, neighbourMembers, canon(r))
}

// LookalikeKey returns the representative of r's lookalike cluster, for
// nickname keys: the lowest code point of the cluster of Fold(r). Clusters
// have at most 8 members (see the package doc for the rule). A rune outside
// every cluster maps to Fold(r), so LookalikeKey(r) == LookalikeKey(Fold(r)),
// and Fold and LookalikeKey both leave a key unchanged. It does not
// allocate.
func LookalikeKey(r rune) rune {
	if r < minTableRune {
		return r
	}
	if v, ok := lookupRune(keyTable, r); ok {
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
	return list(classTable, classMembers, Fold(r))
}

// canon maps a CJK compatibility ideograph to its canonical equivalent.
func canon(r rune) rune {
	if v, ok := lookupRune(canonTable, r); ok {
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
func lookupRune(table string, r rune) (rune, bool) {
	i, ok := search(table, runeMapStride, uint64(r), 3)
	if !ok {
		return 0, false
	}
	return get3(table, i+3), true
}

// list returns the members string of r in a (key, offset) table.
func list(table, members string, r rune) string {
	i, ok := search(table, listStride, uint64(r), 3)
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
	return rune(s[i])<<16 | rune(s[i+1])<<8 | rune(s[i+2])
}

// search binary-searches table, made of stride-byte records sorted by their
// first keyLen bytes (big-endian), for key. It returns the byte offset of
// the record.
func search(table string, stride int, key uint64, keyLen int) (int, bool) {
	lo, hi := 0, len(table)/stride
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		off := m * stride
		var k uint64
		for j := range keyLen {
			k = k<<8 | uint64(table[off+j])
		}
		switch {
		case k < key:
			lo = m + 1
		case k > key:
			hi = m
		default:
			return off, true
		}
	}
	return 0, false
}
