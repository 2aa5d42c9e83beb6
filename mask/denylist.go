package mask

import (
	"math/bits"
	"strings"

	"github.com/transferguard/transferguard/identity"
	"golang.org/x/text/unicode/norm"
)

// deniedWords is the deny-list: lowercase ASCII words of three or more
// letters, one per line, sorted, that a masked Latin-script name must never
// read as. It is a constant so that it costs nothing at start-up and no
// importer can change it. TestDeniedWordsWellFormed checks its shape.
//
// The list is deliberately small: common English profanity, sexual terms
// and ethnic slurs, which together cover the complaints made about masked
// names (Singapore's PayNow showing "SEX QIX RUX" in 2018). Words shorter
// than three letters cannot be formed under the matching rule (at least two
// visible letters and one mask rune).
const deniedWords = `anal
anus
arse
ass
bitch
boob
butt
cock
coon
crap
cum
cunt
dick
dildo
dyke
fag
fuck
gook
homo
jizz
kike
nazi
nigga
nigger
paki
penis
piss
poop
porn
prick
pube
pussy
rape
scum
sex
shit
slag
slut
spic
tit
tits
turd
twat
wank
whore
wop`

// wild is the token for a mask rune: it matches any letter, because a
// reader fills it in ("F**k").
const wild = '?'

// maxTokens bounds the tokens of one part: one per visible grapheme and at
// most HiddenWidth per hidden one.
const maxTokens = HiddenWidth * identity.MaxGraphemes

// avoidDenied widens the mask of every part (run of letters between
// separators) whose masked text would read as a denied word, one more
// hidden grapheme at a time, until none does. It only ever hides more.
// letters has the bits of the name's graphemes that are not separators;
// m holds the grapheme boundaries and the clear text, so that no
// identity.Name method (each copies the Name) is called per grapheme.
func avoidDenied(m *Masked, letters uint64, c config) {
	for rest := letters; rest != 0; {
		a, b := nextRun(rest)
		rest &^= spanBits(a, b)
		for widenOnce(m, c, a, b) {
		}
	}
}

// widenOnce tokenizes the masked text of the part [a, b) and, if it reads
// as a denied word, hides the last visible grapheme of the match and
// reports true.
func widenOnce(m *Masked, c config, a, b int) bool {
	h := &m.hidden
	// Cheap pre-check: a match needs two visible graphemes and a hidden one.
	hid := bits.OnesCount64(h[0] & spanBits(a, b))
	if shown := b - a - hid; shown < 2 || hid == 0 {
		return false
	}
	var tok [maxTokens]byte
	var src [maxTokens]uint8      // grapheme index of each token
	k, visible, hidden := 0, 0, 0 // visible counts letters only
	prev := false
	for i := a; i < b; i++ {
		hid := h.has(i)
		switch {
		case !hid:
			tok[k], src[k] = letterOf(m.graphemeAt(i)), uint8(i)
			if tok[k] != 0 {
				visible++
			}
			k++
		case !c.hideLength:
			hidden++
			tok[k], src[k] = wild, uint8(i)
			k++
		case !prev:
			hidden++
			for range HiddenWidth {
				tok[k], src[k] = wild, uint8(i)
				k++
			}
		}
		prev = hid
	}
	if visible < 2 || hidden == 0 {
		return false
	}
	at, length := findDenied(tok[:k])
	if at < 0 {
		return false
	}
	for j := at + length - 1; j >= at; j-- {
		if tok[j] != wild {
			h.set(int(src[j]))
			return true
		}
	}
	return false
}

// findDenied returns the position and length of the first window of tok
// that reads as a denied word: every token is the word's letter or a
// wildcard, with at least two letters and one wildcard (a match without a
// wildcard is the name's own clear text, which masking did not create). It
// returns -1, 0 if there is none.
func findDenied(tok []byte) (at, length int) {
	for rest := deniedWords; rest != ""; {
		w := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		for p := 0; p+len(w) <= len(tok); p++ {
			if readsAs(tok[p:p+len(w)], w) {
				return p, len(w)
			}
		}
	}
	return -1, 0
}

func readsAs(tok []byte, w string) bool {
	letters, wilds := 0, 0
	for j, t := range tok {
		switch t {
		case wild:
			wilds++
		case w[j]:
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && wilds >= 1
}

// letterOf returns the lowercase ASCII letter a grapheme reads as (its
// first rune after compatibility decomposition: É, ｅ and e\u0301 read as
// e), or 0 for anything else.
func letterOf(g string) byte {
	c := g[0]
	if c >= 0x80 {
		d := norm.NFKD.PropertiesString(g).Decomposition()
		if len(d) == 0 {
			return 0
		}
		c = d[0]
	}
	switch {
	case 'a' <= c && c <= 'z':
		return c
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	}
	return 0
}
