package risk

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file generates tables_key.go (see nickname_table.go) from the
// general path of NicknameKey. TestTablesUpToDate runs it after the tables
// of internal/gen; since it reads the compiled tables.go, a change there
// needs go generate twice.

// refKey returns the key and trace of s by the general path.
func refKey(s string) (string, keyTrace) {
	var buf [keyBufLen]byte
	k, n, tr := nicknameKeyRef(&buf, s, &defaultKeyOptions)
	return keyOf(&buf, k, n), tr
}

// keyLeadSafe reports whether, in every round and after every step of
// NicknameKey, r's part of the key starts with a starter or is empty, by
// following the part through the rounds until it is a fixed point.
// Canonical ordering moves only non-starters, so it never moves a part's
// leading starter.
func keyLeadSafe(r rune) bool {
	return keyStagesSafe(r, func(x []rune) bool { return len(x) == 0 || ccc(x[0]) == 0 })
}

// keyTailClass returns what keyRare needs to know of r's part after
// every step of every round of NicknameKey, as keyLeadSafe follows it,
// for the parts of keyMarkRunes after it (see keyMarkPart): the highest
// combining class in the run of non-starters that ends it (0 when it ends
// with a starter) when it is never empty; keyTailEmpty when it is empty
// after some step and otherwise ends with a starter; keyTailNone
// otherwise. Canonical ordering sorts the runes of a run by class, so the
// last rune of the sorted part has that class.
func keyTailClass(r rune) uint8 {
	tail, kept := uint8(0), true
	if !keyStagesSafe(r, func(x []rune) bool {
		kept = kept && len(x) > 0
		for i := len(x) - 1; i >= 0 && ccc(x[i]) != 0; i-- {
			tail = max(tail, ccc(x[i]))
		}
		return true
	}) {
		return keyTailNone
	}
	switch {
	case kept:
		return tail
	case tail == 0:
		return keyTailEmpty
	}
	return keyTailNone
}

// keyLeadClass returns the lowest combining class in the run of
// non-starters that starts r's part after any step of any round, as
// keyLeadSafe follows it (255 if there is none): the class of the first
// rune of the sorted part where it is a non-starter.
func keyLeadClass(r rune) uint8 {
	lead := uint8(255)
	keyStagesSafe(r, func(x []rune) bool {
		for i := 0; i < len(x) && ccc(x[i]) != 0; i++ {
			lead = min(lead, ccc(x[i]))
		}
		return true
	})
	return lead
}

// keyStagesSafe reports whether ok holds for r's part after every step of
// every round of NicknameKey (after steps 2, 5, 6 and 7), following the
// part through the rounds until it is a fixed point; an empty part ends
// the walk once ok has accepted it.
func keyStagesSafe(r rune, ok func([]rune) bool) bool {
	part := []rune{r}
	var none keyTrace
	for range 6 {
		var a []rune // steps 1 and 2
		for _, x := range part {
			if runeValue(x)&bitInvisible == 0 {
				a = appendDecomposition(a, x, true)
			}
		}
		if !ok(a) {
			return false
		}
		if len(a) == 0 {
			return true
		}
		var b []rune // steps 3 to 5
		for _, x := range a {
			if runeValue(x)&bitDecoration == 0 {
				b = append(b, foldHan(x, &defaultKeyOptions, &none))
			}
		}
		if !ok(b) {
			return false
		}
		if len(b) == 0 {
			return true
		}
		var c []rune // step 6
		for _, x := range b {
			n := len(c)
			c = appendMappedNFD(c, x)
			for i := n; i < len(c); i++ {
				c[i] = foldHan(c[i], &defaultKeyOptions, &none)
			}
		}
		if len(c) == 0 || !ok(c) {
			return false
		}
		var d []rune // step 7
		for _, x := range c {
			if runeValue(x)&bitLower != 0 {
				x = unicode.ToLower(x)
			}
			if x == 'm' {
				d = append(d, 'r', 'n')
			} else {
				d = append(d, x)
			}
		}
		if !ok(d) {
			return false
		}
		if slices.Equal(d, part) {
			return true
		}
		part = d
	}
	return false
}

// keyMarkPart returns the part of a rune r without a table entry (not
// keyLeadSafe) whose part may start with a non-starter: what follows "a"
// in the key of "a"+r, a fixed point of the rounds with an empty trace.
// keyRare uses it only where, after every step, the sorted part before
// it, back to the start or the last part that is not empty, ends in a
// starter or a non-starter of a class no higher than the first of r's
// part: at the start or after runes whose keyTailClass (keyBlocks, from
// keyTailShift) is keyTailEmpty, back to the start or to one whose class
// is at most r's keyLeadClass (keyMarkLead). Then canonical ordering of
// the whole nickname leaves the concatenation of the sorted parts as it
// is (after them comes the part of a keyLeadSafe rune, which starts with
// a starter or is empty, or of a keyMarkRunes rune, whose own condition
// covers that boundary), so r's part is sorted as after "a". Where the
// key is not empty, some part is never empty, so the nickname keeps
// something in every round, as "a"+r does; so r's part and trace are
// those after "a".
func keyMarkPart(r rune) (string, keyTrace, bool) {
	if r >= 0xD800 && r < 0xE000 || r >= hangulBase && r < hangulBase+11172 || keyLeadSafe(r) {
		return "", keyTrace{}, false
	}
	return partAfterA(r)
}

// keyPart returns r's part of the key and of the trace, and whether r can
// have a table entry: its part is what follows "a" in the key of "a"+r, a
// fixed point of the rounds with an empty trace, and keyLeadSafe holds.
func keyPart(r rune) (string, keyTrace, bool) {
	if r >= 0xD800 && r < 0xE000 || !keyLeadSafe(r) {
		return "", keyTrace{}, false
	}
	return partAfterA(r)
}

// partAfterA returns what follows "a" in the key of "a"+r and its trace,
// and whether that part is a fixed point of the rounds with an empty
// trace.
func partAfterA(r rune) (string, keyTrace, bool) {
	k, tr := refKey("a" + string(r))
	part, ok := strings.CutPrefix(k, "a")
	if !ok {
		return "", keyTrace{}, false
	}
	if part != "" {
		if k2, tr2 := refKey(k); k2 != k || tr2 != (keyTrace{}) {
			return "", keyTrace{}, false
		}
	}
	return part, tr, true
}

type keyEntry struct {
	part  string
	steps uint8
	items string // %x of the other trace items, for deduplication
}

// genKeyTables renders tables_key.go.
func genKeyTables(string) ([]byte, error) {
	ids := make([]uint16, unicode.MaxRune+1)
	var entries []uint64
	var parts strings.Builder
	var items []uint64
	var masks []uint64 // keyMasks[keyFirst:]
	partOff := map[string]int{}
	index := map[keyEntry]uint16{}
	entryOf := func(r rune, part string, tr keyTrace, plain bool) (uint16, error) {
		if plain && part == string(r) && tr == (keyTrace{}) && keyRuneSimple(r) {
			return keyPlain, nil
		}
		var e keyEntry
		e.part = part
		var its []uint64
		for i, v := range tr {
			switch {
			case v == 0:
			case v == 1<<40|uint64(r):
				e.steps |= 1 << i
			default:
				its = append(its, uint64(i)<<keyTraceStepShift|v)
			}
		}
		e.items = fmt.Sprintf("%x", its)
		if id, ok := index[e]; ok {
			return id, nil
		}
		off, ok := partOff[part]
		if !ok {
			off = parts.Len()
			if i := strings.Index(parts.String(), part); i >= 0 {
				off = i
			} else {
				parts.WriteString(part)
			}
			partOff[part] = off
		}
		if len(part) > 0xFF || off >= 1<<keyEntryLenShift || len(its) > 0xF ||
			len(items) >= 1<<(keyEntryUnitsShift-keyEntryTraceShift) {
			return 0, errors.New("key table: an entry does not fit")
		}
		v := uint64(off) | uint64(len(part))<<keyEntryLenShift | uint64(e.steps)<<keyEntryStepsShift |
			uint64(len(items))<<keyEntryTraceShift | uint64(len(its))<<keyEntryItemsShift
		// A part whose first rune extends nothing and that has no
		// Hangul runes has the graphemes of appendUnits on the part
		// alone, wherever it stands.
		var mask uint64
		simple := true
		for i, c := range part {
			simple = simple && !mayBeHangulUnit(c) && (i > 0 || !extends(c))
		}
		us := appendUnits(nil, part)
		n := len(us)
		for _, h := range us {
			mask |= 1 << (h % 64)
		}
		if simple && n < 64 {
			v |= keyEntrySimple | uint64(n)<<keyEntryUnitsShift
		} else {
			mask = 0
		}
		masks = append(masks, mask)
		items = append(items, its...)
		id := len(entries) + keyFirst
		if id > 0xFFFF {
			return 0, errors.New("key table: too many entries")
		}
		entries = append(entries, v)
		index[e] = uint16(id)
		return uint16(id), nil
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= hangulBase && r < hangulBase+11172 {
			continue // after the jamo
		}
		part, tr, ok := keyPart(r)
		if !ok {
			continue
		}
		id, err := entryOf(r, part, tr, true)
		if err != nil {
			return nil, err
		}
		ids[r] = id
	}
	for r := rune(hangulBase); r < hangulBase+11172; r++ {
		if hangulByJamo(r, ids) {
			ids[r] = keyHangul
		}
	}
	// Runes whose part may start with a non-starter: entries that only
	// keyRare uses (keyMarkRunes), after a keyTailSafe part.
	var markRunes []uint32
	var markIDs []uint16
	var markLead []uint8
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if ids[r] != keyNone {
			continue
		}
		part, tr, ok := keyMarkPart(r)
		if !ok {
			continue
		}
		id, err := entryOf(r, part, tr, false)
		if err != nil {
			return nil, err
		}
		markRunes = append(markRunes, uint32(r))
		markIDs = append(markIDs, id)
		markLead = append(markLead, keyLeadClass(r))
	}
	if keyTailClass('a') != 0 {
		return nil, errors.New("key table: the part of \"a\" does not end with a starter")
	}
	// The jamo of syllables, as entries even where they are keyPlain, and
	// their parts where they are one rune in the jamo's role.
	var jamo [jamoLCount + jamoVCount + jamoTCount]uint16
	var jamoUnit [jamoLCount + jamoVCount + jamoTCount]bool
	for i := range jamo {
		j := rune(jamoLBase + i)
		switch {
		case i >= jamoLCount+jamoVCount:
			j = rune(jamoTBase + i - jamoLCount - jamoVCount)
		case i >= jamoLCount:
			j = rune(jamoVBase + i - jamoLCount)
		}
		part, tr, ok := keyPart(j)
		if !ok || i == jamoLCount+jamoVCount { // no T jamo: unused
			continue
		}
		id, err := entryOf(j, part, tr, false)
		if err != nil {
			return nil, err
		}
		jamo[i] = id
		jamoUnit[i] = jamoRole(i, []rune(part))
	}
	if ids[utf8.RuneError] == keyPlain {
		// keyRun would copy an invalid byte.
		return nil, errors.New("key table: U+FFFD is its own part")
	}
	vals := make([]uint32, len(ids))
	for r, id := range ids {
		vals[r] = uint32(id) | uint32(scriptOf(rune(r)))<<keyScriptShift
		tail := uint32(keyTailNone)
		if _, mark := slices.BinarySearch(markRunes, uint32(r)); id != keyNone || mark {
			tail = uint32(keyTailClass(rune(r)))
		}
		vals[r] |= tail << keyTailShift
	}
	idx, blocks := keyTwoStage(vals)
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// Code generated by go generate (risk/tables_key_test.go). DO NOT EDIT.\n\n")
	w("// Source: the general path of NicknameKey (nicknameKeyRef), over\n")
	w("// tables.go; generator: tables_key_test.go, run by TestTablesUpToDate.\n\n")
	w("package risk\n\n")
	w("// keyIndex maps rune>>blockShift to a block of keyBlocks.\n")
	w("var keyIndex = [%d]uint16{", len(idx))
	writeKeyInts(&b, idx)
	w("}\n\n// keyBlocks holds per rune its key table id (keyNone, keyPlain,\n// keyHangul, or keyFirst+i for keyEntries[i]) and, from bit\n// keyScriptShift, its script (scriptOf).\n")
	w("var keyBlocks = [%d]uint32{", len(blocks))
	writeKeyInts(&b, blocks)
	w("}\n\n// keyEntries pack the parts of the runes (see nickname_table.go).\n")
	w("var keyEntries = [%d]uint64{", len(entries))
	writeKeyInts(&b, entries)
	w("}\n\n// keyMasks holds, per key table id, the grapheme mask of a simple part\n// (0 for keyNone, keyPlain and keyHangul).\n")
	w("var keyMasks = [%d]uint64{", keyFirst+len(masks))
	writeKeyInts(&b, append(make([]uint64, keyFirst), masks...))
	w("}\n\n// keyWords packs, per key table id, what keyTableRun needs (see\n// keyWordLenShift).\n")
	words, err := keyWordsOf(entries, parts.String())
	if err != nil {
		return nil, err
	}
	w("var keyWords = [%d]uint64{", len(words))
	writeKeyInts(&b, words)
	w("}\n\n// keyParts holds the key bytes of the parts.\n")
	w("const keyParts = \"\" +\n")
	ps := parts.String()
	for len(ps) > 0 {
		n := min(len(ps), 48)
		for n < len(ps) && !utf8.RuneStart(ps[n]) {
			n++
		}
		w("\t%+q", ps[:n])
		ps = ps[n:]
		if len(ps) > 0 {
			w(" +")
		}
		w("\n")
	}
	w("\n// keyJamo holds the keyEntries ids (keyFirst+i) of the L, V and T\n// jamo of Hangul syllables, keyNone for those without an entry.\n")
	w("var keyJamo = [%d]uint16{", len(jamo))
	writeKeyInts(&b, jamo[:])
	w("}\n")
	w("\n// keyJamoWords holds the keyWords value of each jamo in keyJamo, and an\n// empty part for the missing final.\n")
	jw, err := keyJamoWordsOf(jamo[:], words)
	if err != nil {
		return nil, err
	}
	w("var keyJamoWords = [%d]uint64{", len(jw))
	writeKeyInts(&b, jw)
	w("}\n")
	w("\n// keyJamoUnit reports, per jamo as in keyJamo, whether its part keeps\n// the jamo's role in the graphemes of a key (see syllableUnits).\n")
	w("var keyJamoUnit = [%d]bool{", len(jamoUnit))
	for i, u := range jamoUnit {
		if i%8 == 0 {
			w("\n")
		}
		w("%v, ", u)
	}
	w("\n}\n")
	w("\n// keyMarkRunes are the runes, in order, whose part may start with a\n// non-starter (see keyMarkPart).\n")
	w("var keyMarkRunes = [%d]uint32{", len(markRunes))
	writeKeyInts(&b, markRunes)
	w("}\n\n// keyMarkIDs holds the keyEntries id of each rune of keyMarkRunes.\n")
	w("var keyMarkIDs = [%d]uint16{", len(markIDs))
	writeKeyInts(&b, markIDs)
	w("}\n")
	w("\n// keyMarkLead holds the keyLeadClass of each rune of keyMarkRunes.\n")
	w("var keyMarkLead = [%d]uint8{", len(markLead))
	writeKeyInts(&b, markLead)
	w("}\n")
	w("\n// keyTraceItems are trace items: step<<keyTraceStepShift | amount.\n")
	w("var keyTraceItems = [%d]uint64{", max(len(items), 1))
	writeKeyInts(&b, items)
	w("}\n")
	start, chain := keyJamoSketchOf(jamo[:], jamoUnit[:], entries, parts.String())
	w("\n// keyJamoStart holds, per L jamo, the low six bits of the rune that\n// begins a syllable's grapheme hash (see sketchSimple): the part's one\n// choseong, or x with keyJamoDoubled for a part x x, or keyJamoNone.\n")
	w("var keyJamoStart = [%d]uint8{", len(start))
	writeKeyInts(&b, start)
	w("}\n")
	w("\n// keyJamoChain holds, per V and T jamo (from index jamoLCount of\n// keyJamo) and per low six bits of a grapheme hash, the low six bits of\n// that hash after chainJamo chains the jamo's part onto it, or\n// keyJamoNone when the part does not keep the jamo's role.\n")
	w("var keyJamoChain = [%d]uint8{", len(chain))
	writeKeyInts(&b, chain)
	w("}\n")
	return format.Source(b.Bytes())
}

// keyJamoSketchOf returns keyJamoStart and keyJamoChain from keyJamo,
// keyJamoUnit, keyEntries and keyParts.
func keyJamoSketchOf(jamo []uint16, unit []bool, entries []uint64, parts string) (start, chain []uint8) {
	part := func(i int) []rune {
		e := entries[jamo[i]-keyFirst]
		off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
		return []rune(parts[off : off+n])
	}
	for l := range jamoLCount {
		st := uint8(keyJamoNone)
		if jamo[l] >= keyFirst {
			switch rs := part(l); {
			case unit[l]:
				st = uint8(rs[0] % 64)
			case len(rs) == 2 && rs[0] == rs[1] && isChoseong(rs[0]):
				st = keyJamoDoubled | uint8(rs[0]%64)
			}
		}
		start = append(start, st)
	}
	for j := jamoLCount; j < len(jamo); j++ {
		for h := range uint64(64) {
			v := uint8(h)
			switch {
			case j == jamoLCount+jamoVCount: // no final: the hash stays
			case jamo[j] < keyFirst || !unit[j]:
				v = keyJamoNone
			default:
				u := h
				for _, r := range part(j) {
					u = (u ^ 0xcbf29ce484222325 ^ uint64(r)) * 0x100000001b3
				}
				v = uint8(u % 64)
			}
			chain = append(chain, v)
		}
	}
	return start, chain
}

// keyWordsOf returns keyWords: for keyNone and keyHangul keyWordSpecial,
// for keyPlain a plain word, and for each entry its part's bytes, length
// and step when the part has at most keyWordMaxLen bytes, at most one step
// and at most one further trace item (keyWordItem), else keyWordSpecial;
// and the units of every
// part: keyWordNotSimple for keyNone, keyHangul and parts that are not
// simple.
func keyWordsOf(entries []uint64, parts string) ([]uint64, error) {
	words := []uint64{
		keyNone:   keyWordSpecial | keyWordNotSimple<<keyWordUnitsShift,
		keyPlain:  keyWordPlain | 1<<keyWordUnitsShift | numSteps<<keyWordStepShift,
		keyHangul: keyWordSpecial | keyWordNotSimple<<keyWordUnitsShift,
	}
	for _, e := range entries {
		off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
		steps := e >> keyEntryStepsShift & 0xFF
		units := e >> keyEntryUnitsShift & 0x3F
		if e&keyEntrySimple == 0 {
			units = keyWordNotSimple
		}
		items := e >> keyEntryItemsShift
		if n > keyWordMaxLen || steps&(steps-1) != 0 || items > 1 {
			words = append(words, keyWordSpecial|units<<keyWordUnitsShift)
			continue
		}
		if units > uint64(n) && units != keyWordNotSimple {
			return nil, errors.New("key table: a part has more graphemes than bytes")
		}
		step := uint64(numSteps)
		if steps != 0 {
			step = uint64(bits.TrailingZeros64(steps))
		}
		var w uint64
		for i := n - 1; i >= 0; i-- {
			w |= uint64(parts[off+i]) << (8 * i)
		}
		w |= uint64(n)<<keyWordLenShift | step<<keyWordStepShift | units<<keyWordUnitsShift
		if items == 1 {
			w |= keyWordItem
		}
		words = append(words, w)
	}
	return words, nil
}

// keyJamoWordsOf returns keyJamoWords from keyJamo and keyWords.
func keyJamoWordsOf(jamo []uint16, words []uint64) ([]uint64, error) {
	out := make([]uint64, len(jamo))
	for i, id := range jamo {
		switch {
		case i == jamoLCount+jamoVCount: // no final: an empty part
			out[i] = numSteps << keyWordStepShift
		case id < keyFirst || words[id]&keyWordItem != 0:
			out[i] = keyWordSpecial // keyRun takes no items for jamo
		default:
			out[i] = words[id]
		}
	}
	return out, nil
}

// jamoRole reports whether rs, the part of the jamo with keyJamo index i,
// keeps the jamo's role for appendUnits (see syllableUnits): one choseong
// for an initial, jungseong or vowel-like runes for a vowel, choseong only
// or jongseong only for a final.
func jamoRole(i int, rs []rune) bool {
	all := func(f func(rune) bool) bool {
		for _, r := range rs {
			if !f(r) {
				return false
			}
		}
		return len(rs) > 0
	}
	isJongseong := func(r rune) bool { return r >= 0x11A8 && r <= 0x11FF || r >= 0xD7CB && r <= 0xD7FB }
	switch {
	case i < jamoLCount:
		return len(rs) == 1 && isChoseong(rs[0])
	case i < jamoLCount+jamoVCount:
		return all(func(r rune) bool { return isJungseong(r) || isVowelLike(r) })
	default:
		return all(isChoseong) || all(isJongseong)
	}
}

// hangulByJamo reports whether the part of the Hangul syllable r is that
// of its jamo, all of which have entries.
func hangulByJamo(r rune, ids []uint16) bool {
	var js []rune
	js = appendDecomposed(js, r)
	want, wantTr := "", keyTrace{}
	for _, j := range js {
		if ids[j] == keyNone {
			return false
		}
		p, tr, _ := keyPart(j)
		want += p
		for i := range tr {
			wantTr[i] += tr[i]
		}
	}
	part, tr, ok := keyPart(r)
	return ok && part == want && tr == wantTr
}

// keyTwoStage splits v into blocks of 1<<blockShift, sharing equal blocks;
// rune 0's block is block 0.
func keyTwoStage(v []uint32) (idx []uint16, blocks []uint32) {
	seen := map[string]uint16{}
	const n = 1 << blockShift
	for lo := 0; lo < len(v); lo += n {
		blk := v[lo : lo+n]
		k := fmt.Sprint(blk)
		i, ok := seen[k]
		if !ok {
			i = uint16(len(blocks) / n)
			seen[k] = i
			blocks = append(blocks, blk...)
		}
		idx = append(idx, i)
	}
	return idx, blocks
}

func writeKeyInts[T uint8 | uint16 | uint32 | uint64](b *bytes.Buffer, v []T) {
	for i, x := range v {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%d, ", x)
	}
	if len(v) > 0 {
		b.WriteString("\n")
	}
}
