package risk

import (
	"math/bits"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// checkKeyTable fails if nicknameKeyInto (with the table path) and
// nicknameKeyRef (without it) disagree on s, in key or trace, or if the
// graphemes that the table paths or sketchKey give are not the key's, or
// sketchFast finds no sketch where sketchMarks finds one, or
// the script check of keyInto is not MixedScript's.
func checkKeyTable(t interface {
	Helper()
	Fatalf(string, ...any)
}, s string) {
	t.Helper()
	var b1, b2 [keyBufLen]byte
	k1, n1, tr1 := nicknameKeyInto(&b1, s, &defaultKeyOptions)
	k2, n2, tr2 := nicknameKeyRef(&b2, s, &defaultKeyOptions)
	got, want := keyOf(&b1, k1, n1), keyOf(&b2, k2, n2)
	if got != want || tr1 != tr2 {
		t.Fatalf("key of %+q: table path %+q trace %v, general path %+q trace %v", s, got, tr1, want, tr2)
	}
	if !utf8.ValidString(got) {
		t.Fatalf("key of %+q is not valid UTF-8: %+q", s, got) // unitsBound relies on it
	}
	var b3 [keyBufLen]byte
	k3, n3, tr3, u := nicknameKeyUnits(&b3, s)
	if k := keyOf(&b3, k3, n3); k != want || tr3 != tr2 {
		t.Fatalf("nicknameKeyUnits(%+q) = %+q trace %v, general path %+q trace %v", s, k, tr3, want, tr2)
	}
	if u.most > 0 {
		in := nickInfo{key: want}
		if in.countUnits(); in.units > u.most {
			t.Fatalf("key %+q of %+q has %d graphemes, more than the bound %d", want, s, in.units, u.most)
		}
	}
	if u.ok {
		in := nickInfo{key: want}
		in.countUnits()
		if u.units != in.units || u.mask != in.mask {
			t.Fatalf("graphemes of the key %+q of %+q: table path %d, %x; setUnits %d, %x", want, s, u.units, u.mask, in.units, in.mask)
		}
	}
	var b4 [keyBufLen]byte
	var in nickInfo
	k4, n4 := in.keyInto(&b4, s, !isASCII(s))
	if k := keyOf(&b4, k4, n4); k != want || in.trace != tr2 {
		t.Fatalf("keyInto(%+q) with scripts = %+q trace %v, general path %+q trace %v", s, k, in.trace, want, tr2)
	}
	if in.mixedKnown && in.mixed != MixedScript(s) {
		t.Fatalf("keyInto(%+q) says mixed-script %v, MixedScript %v", s, in.mixed, !in.mixed)
	}
	if units, mask, done := sketchSimple(s); done {
		mu, mm, mok := sketchMarks(s)
		if mok != (units > 0) || mok && (mu != units || mm != mask) {
			t.Fatalf("sketchSimple(%+q) = %d, %x; sketchMarks %d, %x, %v", s, units, mask, mu, mm, mok)
		}
	}
	if _, _, res := sketchFast(s); res == sketchNone {
		if mu, mm, mok := sketchMarks(s); mok {
			t.Fatalf("sketchFast(%+q) finds no sketch; sketchMarks %d, %x", s, mu, mm)
		}
	}
	if units, mask, ok := sketchKey(s); ok {
		in := nickInfo{key: want}
		in.countUnits()
		if want == "" || units != in.units || mask != in.mask {
			t.Fatalf("sketchKey(%+q) = %d, %x; its key %+q has %d graphemes, mask %x", s, units, mask, want, in.units, in.mask)
		}
	}
}

// TestKeyTableRunes checks the table path against the general path for
// every code point (every Hangul syllable included), alone and between
// neighbours that test its boundaries: a letter, a precomposed letter, a
// combining mark that canonical ordering moves, Hangul and Han.
func TestKeyTableRunes(t *testing.T) {
	entries := 0
	for r := rune(0); r <= unicode.MaxRune; r += nickRuneStride {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		if keyID(r) != keyNone {
			entries++
		}
		s := string(r)
		checkKeyTable(t, s)
		checkKeyTable(t, "é"+s+"\u0316")
		// r before runes whose parts start with non-starters of classes
		// 1 and 8 (keyMarkRunes): whether r's keyTailBit is right.
		checkKeyTable(t, s+"ð")
		checkKeyTable(t, s+"ぐ")
		checkKeyTable(t, "ó"+s+"ð") // r's keyKeptBit
		if keyID(r) == keyNone {
			// Only runes without an entry can take a keyMarkRunes
			// part: after parts that end in non-starters of several
			// classes, at the start, after Hangul and Han, and before
			// a mark that canonical ordering moves.
			for _, before := range keyMarkContexts {
				checkKeyTable(t, before+s)
				checkKeyTable(t, before+s+"\u0316")
			}
		}
		if testing.Short() || r > 0x32000 && r < 0xE0000 {
			continue
		}
		checkKeyTable(t, "가"+s+"張")
		checkKeyTable(t, s+"ॅ") // a part of class 230
	}
	if nickRuneStride == 1 && entries < 1000000 {
		t.Errorf("only %d code points have a table entry", entries)
	}
}

// keyMarkContexts end in parts of every kind before a rune without a
// table entry: nothing, starters (letters, Hangul, Han), non-starters of
// classes 1, 8, 220, 230 and 240 (ð and ぐ have keyMarkRunes parts of
// classes 1 and 8), parts that keyRun and keyRare write, decoration, and
// invalid UTF-8.
var keyMarkContexts = []string{
	"", "a", "가", "張", "a\u0334", "a\u0316", "a\u0301", "a\u0345", "ð", "かぐ", "aॅ", "ॉ",
	"a\u0301b", "a★", "a\u200b", "\xff", "a\xe5\xbc", "Ａ", "𝐀", "a\u0f71", "ก\u0e39",
	"★", ".", "\u200b", "ó★", "ó.", "ó\u200b", "a\u0301★\u200b", "a\u0334★", "ð★", "ó★★★★★★★★★",
	"a★★★★★★★★★", "a★★★★★★★", "\ufffd", "ó\ufffd",
}

// TestKeyMarkRunes checks every keyMarkRunes rune against the general
// path in keyMarkContexts, alone, doubled and before other parts.
func TestKeyMarkRunes(t *testing.T) {
	if len(keyMarkRunes) != len(keyMarkIDs) || !slices.IsSorted(keyMarkRunes[:]) {
		t.Fatal("keyMarkRunes is not sorted or keyMarkIDs has a different length")
	}
	for _, m := range keyMarkRunes {
		s := string(rune(m))
		for _, before := range keyMarkContexts {
			for _, after := range []string{"", s, "a", "\u0316", "\u0301", "\u0334", "가", "ð"} {
				checkKeyTable(t, before+s+after)
			}
		}
	}
}

// TestKeyMarkTable checks that keyTableInto gives the keys of nicknames with
// keyMarkRunes parts after starters, at the start and after decoration
// (not only refuses them).
func TestKeyMarkTable(t *testing.T) {
	for _, s := range []string{"að", "かぐ", "aॅ", "कॅ", "가ð", "張ð", "aðb", "Ａð", "ð", "ॅa", "★ॅ", "a★ð", "a\u200bð"} {
		var buf [keyBufLen]byte
		var tr keyTrace
		n, _, ok := keyTableInto(&buf, s, &tr, nil)
		if want := NicknameKey(s); !ok || string(buf[:n]) != want {
			t.Errorf("keyTableInto(%+q) = %+q, %v; want %+q, true", s, buf[:n], ok, want)
		}
	}
}

// genKeyTable draws nicknames from runes with table entries of every kind,
// runes without, and arbitrary strings.
func genKeyTable() *rapid.Generator[string] {
	pool := []rune("aAMm0lI1 .★🌸\u200b\u200d\ufe0fé\u0301\u0316\u0323ÅåǅﬁＴｏｍ𝐀①⑴㈱" +
		"张張伟偉己已國龍丨十김민준중가각까빠ー기ᅳᆨ" + "Аа​οΟрςσ" + "あアｱ" + "ابة" + "אב" + "กขัิ" + "किाॅॉ" + "\uFFFD" + "ðぐ\u0334\u0345ॅ柿")
	runs := rapid.StringOf(rapid.SampledFrom(pool))
	return rapid.OneOf(
		runs,
		rapid.StringOf(rapid.OneOf(rapid.SampledFrom(pool), rapid.Rune())),
		genMarks(),
		rapid.String(),
		rapid.Map(rapid.SliceOfN(rapid.Byte(), 0, 24), func(b []byte) string { return string(b) }),
		rapid.Custom(func(t *rapid.T) string { // invalid bytes between runs
			return runs.Draw(t, "a") + rapid.SampledFrom([]string{"\xff", "\x80", "\xe5\xbc", "\xf0\x9f"}).Draw(t, "bad") + runs.Draw(t, "b")
		}),
	)
}

func propKeyTable(t *rapid.T) {
	checkKeyTable(t, genKeyTable().Draw(t, "s"))
}

func TestKeyTableRandom(t *testing.T) { rapid.Check(t, propKeyTable) }

func FuzzKeyTable(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propKeyTable)) }

// TestDecodeRune checks decodeRune against utf8.DecodeRuneInString on
// every input of one to three bytes that starts with a non-ASCII byte,
// and on four-byte forms and truncations.
func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		r, n := decodeRune(s, 0)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Fatalf("decodeRune(%+q) = %U, %d; want %U, %d", s, r, n, wr, wn)
		}
	}
	tails := []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}
	for c := 0xF0; c < 0x100; c++ {
		for c1 := range 0x100 {
			for _, c2 := range tails {
				for _, c3 := range tails {
					check(string([]byte{byte(c), byte(c1), c2, c3}))
					check(string([]byte{byte(c), byte(c1), c2, c3, 'x'}))
				}
			}
		}
	}
	for c := 0x80; c < 0x100; c++ {
		check(string([]byte{byte(c)}))
		check(string([]byte{byte(c), 0x90, 0x80, 0x80}))
		for c1 := range 0x100 {
			check(string([]byte{byte(c), byte(c1)}))
			for c2 := 0; c2 < 0x100; c2 += 1 + (nickRuneStride-1)/4 { // every c2 but under -race
				check(string([]byte{byte(c), byte(c1), byte(c2)}))
				check(string([]byte{byte(c), byte(c1), byte(c2), 0x80}))
			}
		}
	}
}

// TestKeyTableInvalid: invalid bytes count as U+FFFD on both paths.
func TestKeyTableInvalid(t *testing.T) {
	for _, s := range []string{"\xff", "a\xff", "\xffa", "张\xe5\xbc", "é\xc3", "\xed\xa0\x80x", "\ufffd", "a\ufffd", "김\x80민", "\xf0\x9f\x8c", "Ab\xfe\xfe"} {
		checkKeyTable(t, s)
	}
}

func FuzzKeyTableBytes(f *testing.F) {
	for _, s := range []string{"", "a", "\xff", "张伟", "김민준", "🌸小美🌸", "e\u0301", "PayPaI"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkKeyTable(t, s) })
}

// TestUnitsBound: unitsBound counts the runes of valid UTF-8.
func TestUnitsBound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		in := nickInfo{key: s}
		if got, want := in.unitsBound(), utf8.RuneCountInString(s); got != want {
			t.Fatalf("unitsBound(%+q) = %d, want %d", s, got, want)
		}
		if in.countUnits(); in.units > utf8.RuneCountInString(s) {
			t.Fatalf("units of %+q = %d, more than its runes", s, in.units)
		}
	})
}

// TestMayBeHangulUnit: for every rune outside mayBeHangulUnit,
// hangulState.next resets the state and returns false, whatever the state.
func TestMayBeHangulUnit(t *testing.T) {
	states := []hangulState{{}, {kind: 1, finals: -1, last: 0x1100}, {kind: 2, finals: -1}, {kind: 2, finals: 1}}
	for r := rune(0); r <= unicode.MaxRune; r += nickRuneStride {
		if mayBeHangulUnit(r) {
			continue
		}
		if isChoseong(r) {
			t.Fatalf("%U is a choseong", r)
		}
		for _, st := range states {
			for _, inUnit := range []bool{false, true} {
				hs := st
				if hs.next(r, "\u1161", inUnit) || hs != (hangulState{}) {
					t.Fatalf("next(%U) from %+v changed the unit or left state %+v", r, st, hs)
				}
			}
		}
	}
}

// checkSyllableUnits fails if syllableUnits applies to s and disagrees
// with appendUnits on its key; it reports whether it applied.
func checkSyllableUnits(t interface {
	Helper()
	Fatalf(string, ...any)
}, s string) bool {
	t.Helper()
	var b1, b2 [maxUnits]uint64
	got, ok := syllableUnits(b1[:0], s)
	if !ok {
		return false
	}
	k := NicknameKey(s)
	if want := appendUnits(b2[:0], k); !slices.Equal(got, want) {
		t.Fatalf("syllableUnits(%+q) = %x, appendUnits(%+q) = %x", s, got, k, want)
	}
	return true
}

// TestSyllableUnits checks syllableUnits against appendUnits for every
// syllable alone, after and before syllables of every kind of jamo part,
// and on random runs of syllables.
func TestSyllableUnits(t *testing.T) {
	applied := 0
	var probes []string
	for l := range jamoLCount {
		probes = append(probes, string(rune(hangulBase+l*jamoVCount*jamoTCount)))
	}
	for v := range jamoVCount {
		probes = append(probes, string(rune(hangulBase+v*jamoTCount)))
	}
	for tj := range jamoTCount {
		probes = append(probes, string(rune(hangulBase+tj)))
	}
	for r := rune(hangulBase); r < hangulBase+11172; r++ {
		s := string(r)
		if checkSyllableUnits(t, s) {
			applied++
		}
		if (r-hangulBase)%nickRuneStride != 0 {
			continue // under -race, every 61st syllable between probes
		}
		for _, p := range probes {
			checkSyllableUnits(t, s+p)
			checkSyllableUnits(t, p+s)
		}
	}
	if applied < 5000 {
		t.Errorf("syllableUnits applied to only %d syllables", applied)
	}
	rapid.Check(t, func(t *rapid.T) {
		rs := rapid.SliceOfN(rapid.RuneFrom(nil, &unicode.RangeTable{R16: []unicode.Range16{{Lo: hangulBase, Hi: hangulBase + 11171, Stride: 1}}}), 1, 12).Draw(t, "syllables")
		checkSyllableUnits(t, string(rs))
		checkKeyTable(t, string(rs))
	})
	for _, s := range []string{"", "김민준", "김민준a", "\xea\xb9", "김\x80\x80", "가" + string(rune(0xD7A4))} {
		checkSyllableUnits(t, s)
		checkKeyTable(t, s)
	}
}

// TestJamoParts: the parts of the jamo that syllableUnits reads are runes
// of three bytes each, as it assumes.
func TestJamoParts(t *testing.T) {
	for j, id := range keyJamo {
		if !keyJamoUnit[j] {
			continue
		}
		e := keyEntries[id-keyFirst]
		off, m := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
		p := keyParts[off : off+m]
		for i, r := range p {
			if utf8.RuneLen(r) != 3 || i%3 != 0 || r == utf8.RuneError {
				t.Fatalf("jamo %d: part %+q has a rune not of three bytes", j, p)
			}
		}
		if m%3 != 0 || m == 0 {
			t.Fatalf("jamo %d: part %+q", j, p)
		}
	}
}

// TestSketchKeyHangul checks sketchKey (through checkKeyTable) on every
// Hangul syllable after syllables with and without finals, with a doubled
// initial, and after other graphemes, and before a doubled initial: the
// boundaries that decide which unit a choseong of the key belongs to.
func TestSketchKeyHangul(t *testing.T) {
	stride := rune(1)
	if testing.Short() || nickRuneStride > 1 {
		stride = 7
	}
	for r := rune(hangulBase); r < hangulBase+11172; r += stride {
		for _, before := range []string{"", "가", "각", "갃", "까", "깎", "a", "é", "·", "十"} {
			checkKeyTable(t, before+string(r)+"까")
		}
	}
}

// TestASCIIKeyTable checks that every ASCII byte has a simple key table
// entry whose part is its asciiKey byte ("rn" for 1, nothing for 0), which
// sketchKey relies on for the ASCII bytes of nicknames that are not ASCII.
func TestASCIIKeyTable(t *testing.T) {
	for c := range 128 {
		id := uint16(keyBlocks[c])
		if id == keyNone || id == keyHangul {
			t.Errorf("%+q has no simple key table entry (id %d)", rune(c), id)
			continue
		}
		part, simple := string(rune(c)), true
		if id != keyPlain {
			e := keyEntries[id-keyFirst]
			off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
			part, simple = keyParts[off:off+n], e&keyEntrySimple != 0
		}
		want := ""
		switch k := asciiKey[c]; k {
		case 0:
		case 1:
			want = "rn"
		default:
			want = string(rune(k))
		}
		if part != want || !simple {
			t.Errorf("%+q: key table part %+q (simple %v), asciiKey %+q", rune(c), part, simple, want)
		}
	}
}

// TestKeyWords checks every keyWords value, and every keyJamoWords value,
// against the entry it packs (keyEntries, keyParts, keyMasks).
func TestKeyWords(t *testing.T) {
	fields := func(w uint64) (part string, step, units uint64) {
		n := int(w >> keyWordLenShift & 7)
		var b []byte
		for i := range n {
			b = append(b, byte(w>>(8*i)))
		}
		return string(b), w >> keyWordStepShift & 7, w >> keyWordUnitsShift
	}
	// The words of the Hangul jamo that keyRun writes have no items.
	for _, w := range keyJamoWords {
		if w&keyWordItem != 0 {
			t.Fatalf("keyJamoWords: a word %#x with an item", w)
		}
	}
	check := func(what string, id uint16, w uint64) {
		t.Helper()
		switch id {
		case keyNone, keyHangul:
			if w != keyWordSpecial|keyWordNotSimple<<keyWordUnitsShift {
				t.Fatalf("%s: id %d has word %#x", what, id, w)
			}
			return
		case keyPlain:
			if w != keyWordPlain|1<<keyWordUnitsShift|numSteps<<keyWordStepShift {
				t.Fatalf("%s: keyPlain has word %#x", what, w)
			}
			return
		}
		e := keyEntries[id-keyFirst]
		off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
		steps := e >> keyEntryStepsShift & 0xFF
		wantUnits := e >> keyEntryUnitsShift & 0x3F
		if e&keyEntrySimple == 0 {
			wantUnits = keyWordNotSimple
		}
		if w&keyWordPlain != 0 || w>>keyWordUnitsShift != wantUnits {
			t.Fatalf("%s: id %d word %#x: units or plain wrong for entry %#x", what, id, w, e)
		}
		if n > keyWordMaxLen || bits.OnesCount64(steps) > 1 || e>>keyEntryItemsShift > 1 {
			if w&^(keyWordNotSimple<<keyWordUnitsShift) != keyWordSpecial {
				t.Fatalf("%s: id %d word %#x, want special for entry %#x", what, id, w, e)
			}
			return
		}
		wantStep := uint64(numSteps)
		if steps != 0 {
			wantStep = uint64(bits.TrailingZeros64(steps))
		}
		if (w&keyWordItem != 0) != (e>>keyEntryItemsShift == 1) {
			t.Fatalf("%s: id %d word %#x: item flag wrong for entry %#x", what, id, w, e)
		}
		part, step, _ := fields(w)
		if w&keyWordSpecial == keyWordSpecial || part != keyParts[off:off+n] || step != wantStep || w>>(8*n)&(1<<(keyWordLenShift-8*n)-1) != 0 {
			t.Fatalf("%s: id %d word %#x: part %+q step %d, entry part %+q step %d", what, id, w, part, step, keyParts[off:off+n], wantStep)
		}
	}
	for id := range uint16(len(keyWords)) {
		check("keyWords", id, keyWords[id])
		if id < keyFirst && keyMasks[id] != 0 {
			t.Fatalf("keyMasks[%d] = %#x", id, keyMasks[id])
		}
	}
	for j, id := range keyJamo {
		if j == jamoLCount+jamoVCount {
			if keyJamoWords[j] != numSteps<<keyWordStepShift {
				t.Fatalf("keyJamoWords[%d] (no final) = %#x", j, keyJamoWords[j])
			}
			continue
		}
		if id < keyFirst || keyWords[id]&keyWordItem != 0 {
			if keyJamoWords[j] != keyWordSpecial {
				t.Fatalf("keyJamoWords[%d] = %#x for a jamo without an entry", j, keyJamoWords[j])
			}
			continue
		}
		if keyJamoWords[j] != keyWords[id] {
			t.Fatalf("keyJamoWords[%d] = %#x, keyWords[%d] = %#x", j, keyJamoWords[j], id, keyWords[id])
		}
	}
}

// TestKeyBlocksScript: keyBlocks holds the script of every code point,
// and ASCII other than letters, which MixedScript skips, is Common, which
// scriptSet.mixed ignores (keyTableInto adds it).
func TestKeyBlocksScript(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		v := keyBlocks[int(keyIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
		if sc := int(uint8(v >> keyScriptShift)); sc != scriptOf(r) {
			t.Fatalf("keyBlocks: %U has script %d, scriptOf %d", r, sc, scriptOf(r))
		}
	}
	for c := rune(0); c < utf8.RuneSelf; c++ {
		want := scriptCommon
		if c|0x20 >= 'a' && c|0x20 <= 'z' {
			want = scriptLatin
		}
		if scriptOf(c) != want {
			t.Errorf("%+q has script %s", c, scriptName(c))
		}
	}
}

// TestKeyTableLong checks the table path on nicknames of up to 300 bytes,
// around the lengths where keyTableInto leaves keyRun (fastInLen) and
// where the key outgrows its buffer (keyBufLen), and with every kind of
// rune at every offset of the last bytes.
func TestKeyTableLong(t *testing.T) {
	units := []string{"a", "A", "é", "Ａ", "张", "가", "★", "\u200b", "𝐀", "\u0301", "\xff", "ð", "ॅ"}
	for n := 100; n <= 300; n++ {
		for _, u := range units {
			for _, fill := range []string{"b", "ж", "伟"} {
				s := strings.Repeat(fill, n/len(fill))
				checkKeyTable(t, s+u)
				checkKeyTable(t, u+s)
				if len(s) > 2 {
					checkKeyTable(t, s[:len(s)/2]+u+s[len(s)/2:])
				}
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOfN(genKeyTable(), 1, 40).Draw(t, "parts")
		checkKeyTable(t, strings.Join(parts, ""))
	})
}
