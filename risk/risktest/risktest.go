// Package risktest provides rapid generators of nicknames and of nickname
// spoofs, for property tests of code that uses risk's lookalike search:
// a payment service can check that its own checks catch what
// [risk.CompareNicknames] catches.
//
// Spoofs come from the data the library itself uses: homoglyphs from UTS #39
// confusables.txt (generated into tables.go), Han variants and CJK
// lookalikes from internal/han, and the invisible characters and
// decorations [risk.NicknameKey] drops. The generators are deterministic
// for a given rapid seed.
package risktest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/internal/han"
	"github.com/transferguard/transferguard/risk"
)

var (
	latinNames  = []string{"Alice", "Bob", "Carol", "David", "Emma", "Jonathan", "Olivia", "PayPal", "Tom", "Sophie", "Lucas", "Mia", "Noah", "Liam", "Grace"}
	latinMarks  = []string{"José", "Zoë", "François", "Müller", "Ångström", "Łukasz", "Dvořák", "Renée"}
	cyrillic    = []string{"Анна", "Иван", "Ольга", "Сергей", "Мария", "Дмитрий"}
	hanChars    = []rune("张王李赵刘陈杨黄周吴伟芳娜敏静丽强磊军洋小美老明华红张張偉國龍己已巳未末土士")
	hangul      = []rune("김이박최정민준서연지우현수영")
	kana        = []rune("さくらあいうえおかきくけこアイウエオカキクケコ")
	invisibles  = []string{"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u061c", "\u00ad", "\u034f", "\ufe0f", "\ufe0e", "\U000E0041", "\U000E007F", "\u3164", "\u115f", "\u1160", "\uffa0", "\u2800", "\u180e"}
	decorations = []string{"🌸", "★", "☆", "♥", "✨", "🔥", "👍🏻", "👩\u200d👩\u200d👧", "❤\ufe0f", "~", "_", ".", "·", " ", "\u3000", "【", "】", "-", "!", "♪", "✿"}
)

// Nickname returns a generator of nicknames in several scripts: Latin
// (with and without diacritics), Cyrillic, Han (simplified and
// traditional), Hangul and kana, sometimes with digits. Every nickname has
// at least one letter.
func Nickname() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		var s string
		switch rapid.IntRange(0, 5).Draw(t, "script") {
		case 0:
			s = rapid.SampledFrom(latinNames).Draw(t, "latin")
		case 1:
			s = rapid.SampledFrom(latinMarks).Draw(t, "latin-marks")
		case 2:
			s = rapid.SampledFrom(cyrillic).Draw(t, "cyrillic")
		case 3:
			s = runes(t, hanChars, 1, 4, "han")
		case 4:
			s = runes(t, hangul, 2, 3, "hangul")
		default:
			s = runes(t, kana, 2, 5, "kana")
		}
		if rapid.IntRange(0, 3).Draw(t, "digits?") == 0 {
			s += strings.Repeat(string(rune('0'+rapid.IntRange(2, 9).Draw(t, "digit"))), rapid.IntRange(1, 3).Draw(t, "n"))
		}
		return s
	})
}

func runes(t *rapid.T, from []rune, lo, hi int, label string) string {
	rs := rapid.SliceOfN(rapid.SampledFrom(from), lo, hi).Draw(t, label)
	return string(rs)
}

// Invisible returns a generator of single invisible characters that
// [risk.NicknameKey] drops: zero-width characters, bidi controls,
// variation selectors, tags and fillers.
func Invisible() *rapid.Generator[string] { return rapid.SampledFrom(invisibles) }

// Decoration returns a generator of decorations that [risk.NicknameKey]
// strips: emoji (with skin tones and ZWJ sequences), symbols, punctuation
// and spaces.
func Decoration() *rapid.Generator[string] { return rapid.SampledFrom(decorations) }

// InvisibleSpoof returns a generator of nick with 1–3 invisible characters
// inserted. Its key equals nick's.
func InvisibleSpoof(nick string) *rapid.Generator[string] {
	return insertSpoof(nick, Invisible(), "invisible")
}

// DecorationSpoof returns a generator of nick with 1–3 decorations inserted
// at the ends or between characters. Its key equals nick's when nick has a
// character that is not decoration.
func DecorationSpoof(nick string) *rapid.Generator[string] {
	return insertSpoof(nick, Decoration(), "decoration")
}

func insertSpoof(nick string, ins *rapid.Generator[string], label string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := nick
		for range rapid.IntRange(1, 3).Draw(t, label+"-count") {
			at := boundary(t, s)
			s = s[:at] + ins.Draw(t, label) + s[at:]
		}
		return s
	})
}

// boundary draws a rune boundary of s (0 and len(s) included).
func boundary(t *rapid.T, s string) int {
	n := utf8.RuneCountInString(s)
	k := rapid.IntRange(0, n).Draw(t, "at")
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}

// HomoglyphSpoof returns a generator that replaces one or more letters or
// digits of nick by homoglyphs from UTS #39 confusables.txt (Cyrillic а for
// a, Greek Ο or digit 0 for O, I or 1 for l), keeping only replacements
// whose [risk.NicknameKey] equals the original character's. It returns
// nick itself when nick has nothing to replace.
func HomoglyphSpoof(nick string) *rapid.Generator[string] {
	return swapSpoof(nick, "homoglyph", func(r rune) []rune {
		var out []rune
		for _, c := range homoglyphs(r) {
			if (unicode.IsLetter(c) || unicode.IsNumber(c)) && risk.NicknameKey(string(c)) == risk.NicknameKey(string(r)) {
				out = append(out, c)
			}
		}
		return out
	})
}

// homoglyphs returns the confusables of r (r an ASCII letter or digit, or a
// rune that maps to one).
func homoglyphs(r rune) []rune {
	extra := map[rune]string{'O': "0", '0': "O", 'l': "1I", 'I': "l1"}[r]
	if r >= utf8.RuneSelf {
		return nil
	}
	i := strings.IndexByte(homoglyphTargets, byte(r))
	if i < 0 {
		return []rune(extra)
	}
	return []rune(homoglyphSources[i] + extra)
}

// HanVariantSpoof returns a generator that replaces one or more Han
// characters of nick by a traditional, simplified or Z-variant form
// (han.Variants): 张伟 → 張偉. Its key equals nick's.
func HanVariantSpoof(nick string) *rapid.Generator[string] {
	return swapSpoof(nick, "han-variant", func(r rune) []rune {
		var out []rune
		for _, v := range han.Variants(r) {
			if v != r {
				out = append(out, v)
			}
		}
		return out
	})
}

// CJKLookalikeSpoof returns a generator that replaces one or more Han
// characters of nick by a visually confusable one (han.Lookalikes): 王己 →
// 王已. Lookalike clusters are capped in size, so the key of such a spoof
// usually, but not always, equals nick's.
func CJKLookalikeSpoof(nick string) *rapid.Generator[string] {
	return swapSpoof(nick, "cjk-lookalike", func(r rune) []rune { return []rune(han.Lookalikes(r)) })
}

// swapSpoof replaces 1–2 runes of nick that have alternatives.
func swapSpoof(nick, label string, alts func(rune) []rune) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		orig, rs := []rune(nick), []rune(nick)
		var at []int
		for i, r := range orig {
			if len(alts(r)) > 0 {
				at = append(at, i)
			}
		}
		if len(at) == 0 {
			_ = rapid.Bool().Draw(t, label+"-none") // a draw keeps rapid's shrinker happy
			return nick
		}
		for range rapid.IntRange(1, min(2, len(at))).Draw(t, label+"-count") {
			i := rapid.SampledFrom(at).Draw(t, label+"-at")
			rs[i] = rapid.SampledFrom(alts(orig[i])).Draw(t, label)
		}
		return string(rs)
	})
}

// Spoof returns a generator of spoofs of nick: one to three of the
// homoglyph, invisible, decoration, Han variant and CJK lookalike spoofs
// applied in turn.
func Spoof(nick string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := nick
		for range rapid.IntRange(1, 3).Draw(t, "spoofs") {
			switch rapid.IntRange(0, 4).Draw(t, "kind") {
			case 0:
				s = HomoglyphSpoof(s).Draw(t, "s")
			case 1:
				s = InvisibleSpoof(s).Draw(t, "s")
			case 2:
				s = DecorationSpoof(s).Draw(t, "s")
			case 3:
				s = HanVariantSpoof(s).Draw(t, "s")
			default:
				s = CJKLookalikeSpoof(s).Draw(t, "s")
			}
		}
		return s
	})
}
