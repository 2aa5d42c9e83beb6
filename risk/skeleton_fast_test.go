package risk

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// slowSkeleton is UTS #39 §4 to the letter (appendSkeletonSlow), invalid
// bytes read as U+FFFD.
func slowSkeleton(s string) string { return string(appendSkeletonSlow(nil, s)) }

// checkFast compares the fast path with the slow one on s, including the
// claims it makes about its results: fastSame only when s is its own
// skeleton, fastMapped only when the skeleton differs from s, and a prefix
// s[:p] that is its own skeleton and can be split off for fastSlow.
func checkFast(t interface {
	Helper()
	Fatalf(format string, args ...any)
}, s string) {
	t.Helper()
	want := slowSkeleton(s)
	if len(s) >= 4 && len(s) <= fastInLen {
		checkFastFrom(t, s, 0, want)
		// After an ASCII prefix that is its own skeleton, as Skeleton
		// calls it.
		if i := strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf || runeValue(r)&(kindMask|bitSlow) != kindIdentity }); i > 0 {
			checkFastFrom(t, s, i, want)
		}
	}
	if got := Skeleton(s); got != want {
		t.Fatalf("Skeleton(%+q) = %+q, want %+q", s, got, want)
	}
	if got := string(AppendSkeleton([]byte("x"), s)); got != "x"+want {
		t.Fatalf("AppendSkeleton(x, %+q) = %+q, want %+q", s, got, "x"+want)
	}
}

// checkFastFrom checks fastSkeleton(s, i), where s[:i] is its own skeleton
// and want the skeleton of s.
func checkFastFrom(t interface {
	Helper()
	Fatalf(format string, args ...any)
}, s string, i int, want string) {
	t.Helper()
	var out fastBuf
	copy(out[:], s[:i])
	j, res, p := fastSkeleton(&out, s, i)
	switch res {
	case fastSame:
		if want != s {
			t.Fatalf("fastSkeleton(%+q, %d) = same, want %+q", s, i, want)
		}
	case fastMapped:
		if got := string(out[:j]); got != want || got == s {
			t.Fatalf("fastSkeleton(%+q, %d) = %+q, want %+q (differing from the input)", s, i, got, want)
		}
	case fastSlow:
		if p < 0 || p > len(s) || slowSkeleton(s[:p]) != s[:p] {
			t.Fatalf("fastSkeleton(%+q, %d): slow at p = %d, whose prefix is not its own skeleton", s, i, p)
		}
		if got := string(appendSkeletonSlow([]byte(s[:p]), s[p:])); got != want {
			t.Fatalf("fastSkeleton(%+q, %d): slow at p = %d gives %+q, want %+q", s, i, p, got, want)
		}
	case fastFull:
		// The skeleton so far is a prefix of the skeleton in length:
		// NFD only reorders and the map is per code point.
		if len(want) <= len(out)-fastRoom-32 {
			t.Fatalf("fastSkeleton(%+q, %d) = full for a skeleton of %d bytes", s, i, len(want))
		}
	default:
		t.Fatalf("fastSkeleton(%+q, %d) = %d", s, i, res)
	}
}

// TestSkeletonFastAllRunes compares the fast path with appendSkeletonSlow
// for every code point, alone and between other runes: ASCII, a mapped
// letter, a combining mark, a Hangul syllable and a four-byte emoji, so
// that every rune is met at the start, in the middle and at the end of
// the four bytes the fast loop loads, and after runes of every length.
func TestSkeletonFastAllRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r += nickRuneStride {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c + "\u0430", "\u0430" + c + "\u0301", "김" + c + c + "b", "🌸m" + c + "é"} {
			checkFast(t, s)
		}
	}
}

// TestSkeletonFastLongPieces: every rune with a piece longer than a word
// (fastRun copies those of up to 16 bytes from skeletonPieces), alone, in
// a name, and where the fast path's buffer is nearly full.
func TestSkeletonFastLongPieces(t *testing.T) {
	n := 0
	for r := rune(0); r < fastWordLimit; r++ {
		v := runeValue(r)
		if fastWord(r) != wordSpecial || r >= 0xD800 && r < 0xE000 || v&bitSlow != 0 || v&kindMask == kindHangul {
			continue
		}
		n++
		c := string(r)
		for _, s := range []string{c, "a" + c + "а", c + c + c + "b", strings.Repeat("m", 50) + c + "é", strings.Repeat("%", 18) + c + c} {
			checkFast(t, s)
		}
	}
	if n == 0 {
		t.Fatal("no rune has a piece longer than a word")
	}
}

// TestSkeletonSlowPieces: every slow rune that slowPiece may append, after
// a fast rune whose piece ends with a rune of each combining class (and
// after a starter), before a starter, itself and a non-starter; and that
// such runes exist, so that the test cannot pass vacuously.
func TestSkeletonSlowPieces(t *testing.T) {
	// One fast rune per combining class of its piece's last rune.
	before := map[uint8]string{}
	for r := rune(0); r < fastWordLimit; r++ {
		v := runeValue(r)
		if r >= 0xD800 && r < 0xE000 || v&bitSlow != 0 || v&kindMask < kindPiece0 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(piece(v & kindMask))
		if _, ok := before[ccc(last)]; !ok {
			before[ccc(last)] = string(r)
		}
	}
	if len(before) < 10 {
		t.Fatalf("fast runes end their pieces with %d combining classes only", len(before))
	}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		v := runeValue(r)
		if r >= 0xD800 && r < 0xE000 || v&bitSlow == 0 {
			continue
		}
		if _, ok := slowPiece([]byte("a"), r, v); !ok {
			continue
		}
		n++
		c := string(r)
		for _, b := range before {
			for _, s := range []string{"ab" + b + c + "x", b + c + c + "yz", "а" + b + c + "̖́" + b} {
				checkFast(t, s)
			}
		}
	}
	if n == 0 {
		t.Fatal("slowPiece appends no rune")
	}
	t.Logf("%d slow runes, after %d combining classes", n, len(before))
}

// TestSkeletonFastPieces checks what fastSkeleton's claim that a mapped
// rune makes the skeleton differ from the input rests on: every fast
// rune that is not its own piece has a non-empty piece whose first rune
// differs from it (for Hangul syllables: the piece of the first jamo).
func TestSkeletonFastPieces(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		v := runeValue(r)
		if r >= 0xD800 && r < 0xE000 || v&bitSlow != 0 || v&kindMask == kindIdentity {
			continue
		}
		var p string
		if v&kindMask == kindHangul {
			p = string(appendHangul(nil, r))
		} else {
			p = piece(v & kindMask)
		}
		if first, _ := utf8.DecodeRuneInString(p); p == "" || first == r {
			t.Errorf("U+%04X: piece %+q is empty or starts with the rune", r, p)
		}
	}
}

// TestSkeletonFastWords checks skeletonWords and jamoWords against the
// pieces they pack.
// TestWordLenMask: fastRun masks the lengths of words that are not
// wordSpecial with wordMaxLen, which must leave every length up to it as
// it is.
func TestWordLenMask(t *testing.T) {
	for n := range wordMaxLen + 1 {
		if n&wordMaxLen != n {
			t.Errorf("length %d & wordMaxLen = %d", n, n&wordMaxLen)
		}
	}
}

// TestReplacementWord: fastRun writes replacementWord for an invalid byte,
// which must be U+FFFD packed as packWord packs pieces.
func TestReplacementWord(t *testing.T) {
	if w := packWord(string(utf8.RuneError)); replacementWord != w {
		t.Errorf("replacementWord = %#x, want %#x", uint64(replacementWord), w)
	}
}

func TestSkeletonFastWords(t *testing.T) {
	unpack := func(w uint64) string {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], w)
		return string(b[:w>>wordLenShift])
	}
	for k := uint32(kindPiece0); k < kindPiece0+uint32(len(pieceEnd)); k++ {
		w, p := skeletonWords[k], piece(k)
		if len(p) > wordMaxLen {
			if w != wordSpecial {
				t.Errorf("piece %d %+q: word %#x, want wordSpecial", k, p, w)
			}
		} else if w&wordSpecial != 0 || unpack(w) != p {
			t.Errorf("piece %d %+q: word %#x", k, p, w)
		}
	}
	if skeletonWords[kindIdentity] != 0 || skeletonWords[kindHangul] != wordSpecial {
		t.Errorf("skeletonWords starts %#x, %#x", skeletonWords[kindIdentity], skeletonWords[kindHangul])
	}
	for i, w := range jamoWords {
		j := jamoOf(i)
		switch {
		case j < 0:
			if w != 0 {
				t.Errorf("no T jamo: word %#x, want 0", w)
			}
		case w&wordSpecial != 0:
			if got := string(appendJamo(nil, j)); len(got) <= wordMaxLen {
				t.Errorf("jamo U+%04X: special, but its piece %+q is short", j, got)
			}
		case unpack(w) != string(appendJamo(nil, j)):
			t.Errorf("jamo U+%04X: word %#x, piece %+q", j, w, appendJamo(nil, j))
		}
	}
}

// TestDecodeLead checks decodeLead against utf8.DecodeRune on every
// sequence of up to three bytes and on four-byte sequences whose last
// bytes are at and around the continuation range's bounds, each followed
// by zero bytes (as the fast loop's padded copy has them at the end) or
// by other bytes. It may refuse a valid sequence only after 0xF4 (the
// slower paths decode those).
func TestDecodeLead(t *testing.T) {
	edge := []byte{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF}
	bad := 0
	check := func(b [4]byte) {
		x := binary.LittleEndian.Uint32(b[:])
		ld := &utf8Leads[b[0]]
		r, ok := decodeLead(x, ld)
		wr, wn := utf8.DecodeRune(b[:])
		valid := wr != utf8.RuneError || wn == 3
		switch {
		case ok && valid && rune(r) == wr && int(ld.n) == wn:
		case !ok && !valid:
		case !ok && b[0] == 0xF4:
		default:
			if bad++; bad < 10 {
				t.Errorf("decodeLead(% x) = U+%04X, %v, n %d; utf8: U+%04X, %d", b, r, ok, ld.n, wr, wn)
			}
		}
	}
	for b0 := range 256 {
		for b1 := range 256 {
			for _, b3 := range edge {
				for _, b2 := range edge {
					check([4]byte{byte(b0), byte(b1), b2, b3})
				}
				if b0 >= 0xE0 && b0 <= 0xF4 { // three- and four-byte leads: every third byte
					for b2 := 0; b2 < 256; b2 += nickRuneStride {
						check([4]byte{byte(b0), byte(b1), byte(b2), b3})
					}
				}
			}
		}
	}
}

// TestSkeletonFastLong: names longer than the fast path's buffers, and
// skeletons that outgrow them, take the general path with the same result.
func TestSkeletonFastLong(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("a", 200) + "\u0430",
		"\u0430" + strings.Repeat("張", 60),
		strings.Repeat("%", 40), // each 6 bytes of skeleton
		strings.Repeat("김", 10) + strings.Repeat("\u1170", 20),
		strings.Repeat("ꮿ", 30),
		strings.Repeat("괘", 14), // a jamo with a long piece: putHangulSlow from fastRun
		strings.Repeat("%", 16) + strings.Repeat("괘", 3),
	} {
		checkFast(t, s)
	}
}

// genFast draws strings for the fast path's corner cases: runes of every
// UTF-8 length that are their own pieces or mapped to short or long
// pieces, Hangul syllables whose jamo have long pieces, slow runes and
// combining marks, invalid and truncated sequences, and runs of them long
// enough to fill the fast path's buffers.
func genFast() *rapid.Generator[string] {
	pool := []string{"a", "m", "0", "%", "é", "Ω", "\u0430", "ж", "\u05d0", "\u0627", "\u0e01", "\u0915", "\u093f",
		"張", "丨", "ｍ", "ꮿ", "가", "괘", "\ud7a3", "\u1170", "🌸", "𝐀", "\U0001F3FB", "\u0301", "\u0316", "\u0345",
		"\u266a", "\u0912", "\u0945", "\ufffd", "\xff", "\x80", "\xc3", "\xe5\xbc", "\xf0\x9f\x8c", "\xed\xa0\x80", "\xe0\x80\x80", "\xf4\x90\x80\x80", "\xc0\xaf"}
	return rapid.OneOf(
		rapid.Map(rapid.SliceOfN(rapid.SampledFrom(pool), 0, 60), func(p []string) string { return strings.Join(p, "") }),
		rapid.StringOf(rapid.Rune()),
		rapid.Map(rapid.SliceOfN(rapid.Byte(), 0, 40), func(b []byte) string { return string(b) }),
		genMarks(),
		genKeyTable(),
	)
}

// propSkeletonFastSlow: the fast path agrees with appendSkeletonSlow.
func propSkeletonFastSlow(t *rapid.T) { checkFast(t, genFast().Draw(t, "s")) }

func TestSkeletonFastReference(t *testing.T) { rapid.Check(t, propSkeletonFastSlow) }

func FuzzSkeletonFast(f *testing.F) {
	for _, s := range []string{"", "a", "Аlice", "é\u0316", "김\u1170", "\xe5\xbc", "🌸小美🌸", "%%%", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFast(t, s) })
}

// TestSkeletonFastAllocs: the fast path allocates only Skeleton's result,
// whichever way a rune leaves its loop, and AppendSkeleton nothing.
func TestSkeletonFastAllocs(t *testing.T) {
	buf := make([]byte, 0, 1024)
	for _, s := range []string{"Аlice", "★Alice★", "a\xffb", "괘\u1170", "ꮿꮿ", "Jose\u0301", "é\u0316", "\U0001D400lice", "\ud7a3", "%%", "a\u266ab", "\xc3\xa9\xa9x"} {
		if n := testing.AllocsPerRun(100, func() { _ = Skeleton(s) }); n > 1 {
			t.Errorf("Skeleton(%+q) allocs = %v, want <= 1", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = AppendSkeleton(buf[:0], s) }); n != 0 {
			t.Errorf("AppendSkeleton(%+q) allocs = %v, want 0", s, n)
		}
	}
	for _, s := range []string{"🌸小美🌸", "\U0001F469\u200d\U0001F469\u200d\U0001F467", "ж\U00100000\ud7ff"} {
		if k := Skeleton(s); k != s {
			t.Fatalf("Skeleton(%+q) = %+q, expected the input", s, k)
		}
		if n := testing.AllocsPerRun(100, func() { _ = Skeleton(s) }); n != 0 {
			t.Errorf("Skeleton(%+q) (its own skeleton) allocs = %v, want 0", s, n)
		}
	}
}

// TestFastWordBlocks checks the two-level table fastRun reads against
// fastWord, which derives each rune's word from runeValue and
// skeletonWords (TestSkeletonFastWords checks those against the pieces),
// for every rune the table covers; and that it starts with the words of
// ASCII, which fastRun reads without the index.
func TestFastWordBlocks(t *testing.T) {
	bad := 0
	for r := rune(0); r < fastWordLimit; r++ {
		got := fastWordBlocks[int(fastWordIndex[r>>fastWordShift])|int(r&(1<<fastWordShift-1))]
		if want := fastWord(r); got != want {
			if bad++; bad < 10 {
				t.Errorf("U+%04X: word %#x, want %#x", r, got, want)
			}
		}
		if r < utf8.RuneSelf && fastWordBlocks[r] != fastWord(r) {
			t.Errorf("U+%04X: fastWordBlocks[%d] = %#x, want its word %#x", r, r, fastWordBlocks[r], fastWord(r))
		}
	}
}
