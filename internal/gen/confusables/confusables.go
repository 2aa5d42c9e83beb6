// Package confusables generates risk/tables.go: the UTS #39 skeleton mapping
// (confusables.txt), the Identifier_Status table (IdentifierStatus.txt), the
// script of every code point (from Go's unicode package) and the per-rune
// classes that risk.NicknameKey uses (invisible, decoration, NFKC quick check).
//
// It is an ordinary package so that it is vetted and tested; risk's
// TestTablesUpToDate drives it (go generate ./risk).
package confusables

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Version is the TR39 data version the generator expects in the file headers.
const Version = "17.0.0"

// Mapping is one data line of confusables.txt: Source maps to Target.
type Mapping struct {
	Source  rune
	Target  string
	Comment string // upstream comment, without the leading "#"
}

// ErrSyntax reports a malformed data line.
var ErrSyntax = errors.New("confusables: syntax error")

// ParseConfusables reads confusables.txt. It checks the version header.
func ParseConfusables(r io.Reader) ([]Mapping, error) {
	var out []Mapping
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	version := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimPrefix(sc.Text(), "\uFEFF")
		if v, ok := strings.CutPrefix(line, "# Version: "); ok {
			version = strings.TrimSpace(v)
		}
		data, comment, _ := strings.Cut(line, "#")
		if strings.TrimSpace(data) == "" {
			continue
		}
		f := strings.Split(data, ";")
		if len(f) != 3 || strings.TrimSpace(f[2]) != "MA" {
			return nil, fmt.Errorf("%w: line %d", ErrSyntax, n)
		}
		src, err := parseSeq(f[0])
		if err != nil || utf8.RuneCountInString(src) != 1 {
			return nil, fmt.Errorf("%w: line %d: source", ErrSyntax, n)
		}
		dst, err := parseSeq(f[1])
		if err != nil || dst == "" {
			return nil, fmt.Errorf("%w: line %d: target", ErrSyntax, n)
		}
		r, _ := utf8.DecodeRuneInString(src)
		out = append(out, Mapping{Source: r, Target: dst, Comment: strings.TrimSpace(comment)})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if version != Version {
		return nil, fmt.Errorf("%w: version %q, want %q", ErrSyntax, version, Version)
	}
	return out, nil
}

// parseSeq parses space-separated hexadecimal code points.
func parseSeq(s string) (string, error) {
	var b strings.Builder
	for _, h := range strings.Fields(s) {
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil || v > unicode.MaxRune || (v >= 0xD800 && v < 0xE000) {
			return "", fmt.Errorf("%w: code point %q", ErrSyntax, h)
		}
		b.WriteRune(rune(v))
	}
	return b.String(), nil
}

// Range is an inclusive code point range.
type Range struct{ Lo, Hi rune }

// ParseAllowed reads IdentifierStatus.txt and returns the Allowed ranges.
func ParseAllowed(r io.Reader) ([]Range, error) {
	var out []Range
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		data, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(data) == "" {
			continue
		}
		f := strings.Split(data, ";")
		if len(f) != 2 || strings.TrimSpace(f[1]) != "Allowed" {
			return nil, fmt.Errorf("%w: line %d", ErrSyntax, n)
		}
		lo, hi, ok := strings.Cut(strings.TrimSpace(f[0]), "..")
		if !ok {
			hi = lo
		}
		l, err1 := strconv.ParseUint(lo, 16, 32)
		h, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil || l > h || h > unicode.MaxRune {
			return nil, fmt.Errorf("%w: line %d: range", ErrSyntax, n)
		}
		out = append(out, Range{rune(l), rune(h)})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Range) int { return int(a.Lo - b.Lo) })
	// Merge adjacent ranges.
	var m []Range
	for _, r := range out {
		if len(m) > 0 && m[len(m)-1].Hi+1 >= r.Lo {
			m[len(m)-1].Hi = max(m[len(m)-1].Hi, r.Hi)
			continue
		}
		m = append(m, r)
	}
	return m, nil
}

// Per-rune table values (see risk/skeleton.go, which reads them). The low
// 16 bits hold the skeleton kind; the high bits are flags.
const (
	KindIdentity = 0 // the rune is its own skeleton piece
	KindHangul   = 1 // precomposed Hangul syllable: decompose arithmetically
	KindPiece0   = 2 // KindPiece0+i: piece i of the pieces table, NFD(map(NFD(r)))

	KindMask       = 1<<16 - 1
	BitSlow        = 1 << 16 // needs the full NFD → map → NFD path
	BitMapped      = 1 << 17 // a confusables.txt source occurs in NFD(r)
	BitInvisible   = 1 << 18 // dropped by NicknameKey
	BitDecoration  = 1 << 19 // stripped by NicknameKey (after NFKC)
	BitNFKCUnknown = 1 << 20 // the NFKC quick check cannot say Yes
	BitLower       = 1 << 21 // unicode.ToLower changes the rune
	BitExtend      = 1 << 22 // continues a grapheme of a key: a mark, Hangul V or T jamo
)

// Tables holds everything rendered into risk/tables.go.
type Tables struct {
	Mappings []Mapping
	Allowed  []Range
	Value    []uint32 // per code point, 0..MaxRune
	Pieces   []string // distinct skeleton pieces
	PieceSrc [][]rune // sources of each piece (for comments)
	Norm     []uint64 // per code point: ccc | (NFD index+1)<<8 | (NFKD index+1)<<32
	Decomps  []string // full decompositions (NFD or NFKD), Hangul excluded
	Scripts  []string // script names, index 0 = Unknown
	Script   []uint8  // per code point
}

// Build computes the tables from the parsed data.
func Build(maps []Mapping, allowed []Range) (*Tables, error) {
	conf := make(map[rune]string, len(maps))
	for _, m := range maps {
		if _, dup := conf[m.Source]; dup {
			return nil, fmt.Errorf("%w: duplicate source U+%04X", ErrSyntax, m.Source)
		}
		conf[m.Source] = m.Target
	}
	closeTargets(conf)
	t := &Tables{Mappings: maps, Allowed: allowed, Value: make([]uint32, unicode.MaxRune+1)}
	pieceIdx := map[string]int{}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		v, piece := skeletonKind(r, conf)
		if v&KindMask == KindPiece0 {
			i, ok := pieceIdx[piece]
			if !ok {
				i = len(t.Pieces)
				pieceIdx[piece] = i
				t.Pieces = append(t.Pieces, piece)
				t.PieceSrc = append(t.PieceSrc, nil)
			}
			t.PieceSrc[i] = append(t.PieceSrc[i], r)
			if KindPiece0+i > KindMask {
				return nil, errors.New("confusables: too many pieces")
			}
			v += uint32(i)
		}
		t.Value[r] = v | nicknameBits(r)
	}
	t.Norm, t.Decomps = normTable()
	t.Scripts, t.Script = scripts()
	return t, nil
}

// closeTargets replaces every target t by the fixpoint of t → NFD(map(NFD(t))).
// In 17.0.0, 13 targets are themselves mapped further (U+0622's NFD
// U+0627 U+0653 maps to "l\u0303"); applying the table once, as UTS #39 §4
// does, leaves Skeleton not idempotent. risk/doc.go lists this deviation.
func closeTargets(conf map[rune]string) {
	apply := func(s string) string {
		var b strings.Builder
		for _, c := range nfd(s) {
			if t, ok := conf[c]; ok {
				b.WriteString(t)
			} else {
				b.WriteRune(c)
			}
		}
		return nfd(b.String())
	}
	closed := make(map[rune]string, len(conf))
	for r, t := range conf {
		for range 8 {
			n := apply(t)
			if n == t {
				break
			}
			t = n
		}
		closed[r] = t
	}
	maps.Copy(conf, closed)
}

func nfd(s string) string { return norm.NFD.String(s) }

func leadCCC(s string) uint8 {
	if s == "" {
		return 0
	}
	return norm.NFD.PropertiesString(s).CCC()
}

// skeletonKind classifies r for the skeleton fast path: the skeleton of a
// string whose runes are all fast (BitSlow clear) equals the concatenation of
// their pieces, because every NFD(r) and every piece then starts with a
// starter, so no canonical reordering crosses a rune boundary. The piece is
// recorded for slow runes too: the slow path uses it for mapped runes.
func skeletonKind(r rune, conf map[rune]string) (v uint32, piece string) {
	s := string(r)
	d := nfd(s)
	var m strings.Builder
	for _, c := range d {
		if t, ok := conf[c]; ok {
			m.WriteString(t)
			v |= BitMapped
		} else {
			m.WriteRune(c)
		}
	}
	p := nfd(m.String())
	if leadCCC(d) != 0 || leadCCC(p) != 0 || norm.NFD.PropertiesString(s).CCC() != 0 {
		v |= BitSlow
	}
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		// The runtime decomposes the syllable and appends each jamo's
		// piece; a jamo's NFD is itself and its piece starts with a
		// starter (checked by risk's TestHangulPieces).
		return v | KindHangul, ""
	case p == s:
		return v | KindIdentity, ""
	}
	return v | KindPiece0, p
}

// normTable returns each code point's canonical combining class and its
// full canonical (NFD) and compatibility (NFKD, when it differs from NFD)
// decompositions, for risk's own NFD and NFKD. Hangul syllables are
// decomposed arithmetically at run time and have no entry.
func normTable() ([]uint64, []string) {
	per := make([]uint64, unicode.MaxRune+1)
	var decomps []string
	idx := map[string]int{}
	add := func(d string) uint64 {
		i, ok := idx[d]
		if !ok {
			i = len(decomps)
			idx[d] = i
			decomps = append(decomps, d)
		}
		return uint64(i + 1)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 || r >= 0xAC00 && r <= 0xD7A3 {
			continue
		}
		s := string(r)
		v := uint64(norm.NFD.PropertiesString(s).CCC())
		d, kd := nfd(s), norm.NFKD.String(s)
		if d != s {
			v |= add(d) << 8
		}
		if kd != d {
			v |= add(kd) << 32
		}
		per[r] = v
	}
	return per, decomps
}

// nicknameBits returns the NicknameKey classes of r.
func nicknameBits(r rune) uint32 {
	var v uint32
	if Invisible(r) {
		v |= BitInvisible
	}
	if Decoration(r) {
		v |= BitDecoration
	}
	if unicode.ToLower(r) != r {
		v |= BitLower
	}
	if norm.NFD.PropertiesString(string(r)).CCC() != 0 || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) ||
		r >= 0x1160 && r <= 0x11FF || r >= 0xD7B0 && r <= 0xD7FF {
		v |= BitExtend
	}
	s := string(r)
	p := norm.NFKC.PropertiesString(s)
	if !p.BoundaryBefore() || p.CCC() != 0 || norm.NFKC.String(s) != s {
		v |= BitNFKCUnknown
	}
	return v
}

// Invisible reports whether NicknameKey drops r: format characters (Cf:
// zero-width, bidi controls, tags, …), controls (Cc), variation selectors,
// and Other_Default_Ignorable_Code_Point (fillers U+115F, U+1160, U+3164,
// U+FFA0, combining grapheme joiner, …), plus U+2800 BRAILLE PATTERN BLANK,
// a common blank filler.
func Invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Cc, unicode.Variation_Selector,
		unicode.Other_Default_Ignorable_Code_Point) || r == 0x2800
}

// Decoration reports whether NicknameKey strips r: punctuation, symbols
// (emoji included), separators and enclosing marks.
func Decoration(r rune) bool {
	return !Invisible(r) && unicode.In(r, unicode.P, unicode.S, unicode.Z, unicode.Me)
}

// scripts returns the sorted script names from Go's unicode package and the
// script index of every code point (0 = Unknown).
func scripts() ([]string, []uint8) {
	names := []string{"Unknown"}
	for n := range unicode.Scripts {
		names = append(names, n)
	}
	slices.Sort(names[1:])
	per := make([]uint8, unicode.MaxRune+1)
	for i, n := range names[1:] {
		tab := unicode.Scripts[n]
		for _, r16 := range tab.R16 {
			for c := rune(r16.Lo); c <= rune(r16.Hi); c += rune(r16.Stride) {
				per[c] = uint8(i + 1)
			}
		}
		for _, r32 := range tab.R32 {
			for c := rune(r32.Lo); c <= rune(r32.Hi); c += rune(r32.Stride) {
				per[c] = uint8(i + 1)
			}
		}
	}
	return names, per
}

// Recommended lists the Recommended scripts of UAX #31 Table 4 (17.0.0),
// for UTS #39 §5.2's Moderately Restrictive level.
var Recommended = []string{
	"Arabic", "Armenian", "Bengali", "Bopomofo", "Cyrillic", "Devanagari",
	"Ethiopic", "Georgian", "Greek", "Gujarati", "Gurmukhi", "Han", "Hangul",
	"Hebrew", "Hiragana", "Kannada", "Katakana", "Khmer", "Lao", "Latin",
	"Malayalam", "Myanmar", "Oriya", "Sinhala", "Tamil", "Telugu", "Thaana",
	"Thai", "Tibetan",
}

// namedScripts get a constant in risk/tables.go.
var namedScripts = []string{
	"Common", "Inherited", "Latin", "Han", "Hiragana", "Katakana", "Hangul",
	"Bopomofo", "Cyrillic", "Greek",
}

// Block size of the two-stage tables.
const blockShift = 7

// Generate reads the data directory and renders risk/tables.go.
func Generate(dataDir string) ([]byte, error) {
	cf, err := os.ReadFile(filepath.Join(dataDir, "confusables.txt"))
	if err != nil {
		return nil, err
	}
	maps, err := ParseConfusables(bytes.NewReader(cf))
	if err != nil {
		return nil, err
	}
	is, err := os.ReadFile(filepath.Join(dataDir, "IdentifierStatus.txt"))
	if err != nil {
		return nil, err
	}
	allowed, err := ParseAllowed(bytes.NewReader(is))
	if err != nil {
		return nil, err
	}
	t, err := Build(maps, allowed)
	if err != nil {
		return nil, err
	}
	return t.Render()
}

// twoStage splits a per-rune table into deduplicated blocks.
func twoStage[T comparable](vals []T) (index []uint16, blocks []T) {
	const size = 1 << blockShift
	seen := map[string]uint16{}
	for lo := 0; lo < len(vals); lo += size {
		blk := vals[lo:min(lo+size, len(vals))]
		key := fmt.Sprint(blk)
		i, ok := seen[key]
		if !ok {
			i = uint16(len(blocks) / size)
			seen[key] = i
			blocks = append(blocks, blk...)
		}
		index = append(index, i)
	}
	return index, blocks
}

// Render returns the gofmt'ed Go source of risk/tables.go.
func (t *Tables) Render() ([]byte, error) {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// Code generated by internal/gen. DO NOT EDIT.\n\n")
	w("// Sources: internal/gen/data/tr39/confusables.txt and IdentifierStatus.txt\n")
	w("// (UTS #39 %s); scripts from Go's unicode package (Unicode %s); normalization\n", Version, unicode.Version)
	w("// properties from golang.org/x/text/unicode/norm (Unicode %s).\n\n", norm.Version)
	w("package risk\n\n")
	w("// ConfusablesVersion is the UTS #39 data version of [Skeleton].\n")
	w("const ConfusablesVersion = %q\n\n", Version)
	w("const (\n\tgenUnicodeVersion = %q\n\tgenNormVersion = %q\n)\n\n", unicode.Version, norm.Version)
	w("const (\n\tkindIdentity = %d\n\tkindHangul = %d\n\tkindPiece0 = %d\n\tkindMask = %#x\n\tbitSlow = %#x\n\tbitMapped = %#x\n\tbitInvisible = %#x\n\tbitDecoration = %#x\n\tbitNFKCUnknown = %#x\n\tbitLower = %#x\n\tbitExtend = %#x\n\tblockShift = %d\n)\n\n",
		KindIdentity, KindHangul, KindPiece0, KindMask, BitSlow, BitMapped, BitInvisible, BitDecoration, BitNFKCUnknown, BitLower, BitExtend, blockShift)

	idx, blocks := twoStage(t.Value)
	w("// runeIndex maps rune>>blockShift to a block of runeBlocks.\n")
	w("var runeIndex = [%d]uint16{", len(idx))
	writeInts(&b, idx)
	w("}\n\n// runeBlocks holds the per-rune values: skeleton kind | nickname bits.\n")
	w("var runeBlocks = [%d]uint32{", len(blocks))
	writeInts(&b, blocks)
	w("}\n\n")

	// Pieces, one per line with the sources that map to them.
	w("// skeletonPieces holds each piece's text, pieceEnd[i] its end offset.\n")
	writeStrings(&b, "skeletonPieces", "pieceEnd", t.Pieces, func(i int) string {
		return fmt.Sprintf(" // %d%s", i, srcComment(t.PieceSrc[i]))
	})
	w("\n\n")

	// confusables.txt rows, with upstream comments, for the conformance
	// test and for review of diffs.
	w("// confusablesRows are the data lines of confusables.txt with their comments.\n")
	w("var confusablesRows = [%d]struct {\n\tsrc rune\n\tdst string\n}{\n", len(t.Mappings))
	for _, m := range t.Mappings {
		w("\t{%#04x, %+q}, // %s\n", m.Source, m.Target, m.Comment)
	}
	w("}\n\n")

	w("// allowedRanges are the Identifier_Status=Allowed ranges (IdentifierStatus.txt).\n")
	w("var allowedRanges = [%d][2]rune{\n", len(t.Allowed))
	for _, r := range t.Allowed {
		w("\t{%#04x, %#04x},\n", r.Lo, r.Hi)
	}
	w("}\n\n")

	w("// scriptNames are the script names of Go's unicode package, index 0 = Unknown.\n")
	w("var scriptNames = [%d]string{", len(t.Scripts))
	for i, n := range t.Scripts {
		if i%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q, ", n)
	}
	w("\n}\n\n")
	w("// Script indexes into scriptNames.\nconst (\n")
	var rec [3]uint64
	for i, n := range t.Scripts {
		if slices.Contains(namedScripts, n) {
			w("\tscript%s = %d\n", n, i)
		}
		if slices.Contains(Recommended, n) {
			rec[i/64] |= 1 << (i % 64)
		}
	}
	w(")\n\n// recommendedScripts is the set of UAX #31 Table 4 Recommended scripts.\n")
	w("var recommendedScripts = scriptSet{%#x, %#x, %#x}\n\n", rec[0], rec[1], rec[2])
	sidx, sblocks := twoStage(t.Script)
	nidx, nblocks := twoStage(t.Norm)
	w("// normIndex and normBlocks hold ccc | (NFD index+1)<<8 | (NFKD index+1)<<32\n// per rune, indexes into decompositions.\n")
	w("var normIndex = [%d]uint16{", len(nidx))
	writeInts(&b, nidx)
	w("}\n\nvar normBlocks = [%d]uint64{", len(nblocks))
	writeInts(&b, nblocks)
	w("}\n\n// decompositions holds the canonical decompositions, decompEnd their ends.\n")
	writeStrings(&b, "decompositions", "decompEnd", t.Decomps, func(int) string { return "" })
	w("\n\n")
	w("var scriptIndex = [%d]uint16{", len(sidx))
	writeInts(&b, sidx)
	w("}\n\nvar scriptBlocks = [%d]uint8{", len(sblocks))
	writeInts(&b, sblocks)
	w("}\n")
	return format.Source(b.Bytes())
}

// RenderRisktest returns the gofmt'ed source of risk/risktest/tables.go:
// for every ASCII letter and digit, the non-ASCII letters and digits that
// confusables.txt maps to exactly it, for homoglyph spoof generators.
func (t *Tables) RenderRisktest() ([]byte, error) {
	src := map[byte][]rune{}
	for _, m := range t.Mappings {
		if len(m.Target) != 1 || m.Source < utf8.RuneSelf {
			continue
		}
		c := m.Target[0]
		isAlnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if isAlnum && (unicode.IsLetter(m.Source) || unicode.IsNumber(m.Source)) {
			src[c] = append(src[c], m.Source)
		}
	}
	var keys []byte
	for c := range src {
		keys = append(keys, c)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// Code generated by internal/gen. DO NOT EDIT.\n\n")
	w("// Source: internal/gen/data/tr39/confusables.txt (UTS #39 %s).\n\n", Version)
	w("package risktest\n\n")
	w("// homoglyphTargets lists the ASCII letters and digits that have homoglyphs;\n")
	w("// homoglyphSources[i] holds those of homoglyphTargets[i].\n")
	w("const homoglyphTargets = %q\n\n", string(keys))
	w("var homoglyphSources = [%d]string{\n", len(keys))
	for _, c := range keys {
		slices.Sort(src[c])
		w("\t%+q, // %c\n", string(src[c]), c)
	}
	w("}\n")
	return format.Source(b.Bytes())
}

// GenerateRisktest reads the data directory and renders risk/risktest/tables.go.
func GenerateRisktest(dataDir string) ([]byte, error) {
	cf, err := os.ReadFile(filepath.Join(dataDir, "confusables.txt"))
	if err != nil {
		return nil, err
	}
	maps, err := ParseConfusables(bytes.NewReader(cf))
	if err != nil {
		return nil, err
	}
	return (&Tables{Mappings: maps}).RenderRisktest()
}

func srcComment(rs []rune) string {
	var b strings.Builder
	for i, r := range rs {
		if i == 6 {
			fmt.Fprintf(&b, " … (%d)", len(rs))
			break
		}
		fmt.Fprintf(&b, " U+%04X", r)
	}
	return b.String()
}

// writeStrings writes parts as one string constant named name, one part a
// line followed by comment(i), and the parts' end offsets as the array
// ends, ending with the array's closing brace.
func writeStrings(b *bytes.Buffer, name, ends string, parts []string, comment func(int) string) {
	fmt.Fprintf(b, "const %s = \"\" +\n", name)
	offs := make([]uint32, 0, len(parts))
	var off uint32
	for i, p := range parts {
		off += uint32(len(p))
		offs = append(offs, off)
		sep := " +"
		if i == len(parts)-1 {
			sep = ""
		}
		fmt.Fprintf(b, "\t%+q%s%s\n", p, sep, comment(i))
	}
	fmt.Fprintf(b, "\nvar %s = [%d]uint32{", ends, len(offs))
	writeInts(b, offs)
	b.WriteString("}")
}

func writeInts[T uint8 | uint16 | uint32 | uint64](b *bytes.Buffer, v []T) {
	for i, x := range v {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%d, ", x)
	}
	b.WriteString("\n")
}
