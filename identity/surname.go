package identity

import (
	"unicode/utf8"

	"github.com/transferguard/transferguard/internal/han"
	"golang.org/x/text/language"
)

// surname returns the surname span of a segmented name; see the package
// documentation for the rules.
//
// fast selects [chineseCompound] instead of its general path
// [chineseCompoundSlow], and skips NumParts and Part for a name without
// separators (one part: all of it); both paths give the same answer.
func (n *Name) surname(o options, fast bool) [2]uint8 {
	compound := chineseCompoundSlow
	var parts int
	var first Span
	if fast {
		compound = chineseCompound
	}
	if fast && n.seps == 0 {
		parts, first = 1, Span{0, int(n.n)}
	} else {
		parts, first = n.numParts(), n.part(0)
	}
	switch n.script {
	case ScriptHan:
		if parts > 1 {
			if n.hasInterpunct() {
				return span8(n.part(parts - 1)) // 伊丽莎白·泰勒: transliterated, family name last
			}
			return span8(first) // 欧阳 娜娜: written with a space, family name first
		}
		if first.Len() >= 3 && n.compoundAt(first.Start, compound) {
			return span8(Span{first.Start, first.Start + 2})
		}
		return span8(Span{first.Start, first.Start + 1})
	case ScriptHangul:
		if parts > 1 {
			return span8(first)
		}
		if first.Len() >= 3 && n.compoundAt(first.Start, koreanCompoundSurname) {
			return span8(Span{first.Start, first.Start + 2})
		}
		return span8(Span{first.Start, first.Start + 1})
	case ScriptKana:
		if parts > 1 {
			return span8(first)
		}
		return span8(Span{first.Start, first.Start + 1})
	}
	if parts == 1 || (o.hasLang && familyFirst(o.lang)) {
		return span8(first)
	}
	return span8(n.part(parts - 1))
}

// hasInterpunct reports whether some part separator is not white space.
func (n *Name) hasInterpunct() bool {
	for i := range int(n.n) {
		if n.splits&(1<<i) != 0 {
			r, _ := utf8.DecodeRuneInString(n.substring(Span{i, i + 1}))
			if r != ' ' && r != '\u00A0' && r != '\u3000' {
				return true
			}
		}
	}
	return false
}

// compoundAt reports whether the two grapheme clusters at i form a compound
// surname according to is.
func (n *Name) compoundAt(i int, is func(string) bool) bool {
	return is(n.substring(Span{i, i + 2}))
}

// chineseCompoundSlow reports whether s, two Han characters, is a compound
// surname from the generated table, directly or after folding each
// character with han.Fold (so that mixed forms such as 歐阳 are found). It
// is the general path of [chineseCompound].
func chineseCompoundSlow(s string) bool {
	if chineseCompoundSurname(s) {
		return true
	}
	a, sa := utf8.DecodeRuneInString(s)
	b, _ := utf8.DecodeRuneInString(s[sa:])
	fa, fb := han.Fold(a), han.Fold(b)
	if fa == a && fb == b {
		return false
	}
	var buf [2 * utf8.UTFMax]byte
	k := utf8.EncodeRune(buf[:], fa)
	k += utf8.EncodeRune(buf[k:], fb)
	return chineseCompoundSurname(string(buf[:k]))
}

// chineseCompound is [chineseCompoundSlow] with a first-rune filter: most
// names do not start with a rune that can begin a compound surname, and
// for those no table search or han.Fold lookup is needed (about a sixth of
// Parse("张小明") before).
func chineseCompound(s string) bool {
	return compoundFirst(firstRune(s)) && chineseCompoundSlow(s)
}

// firstRune returns the first rune of s, which is valid UTF-8, as
// utf8.DecodeRuneInString does, but decodes a three-byte sequence (every
// CJK Unified Ideograph) inline.
func firstRune(s string) rune {
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// compoundFirst reports whether r can be the first character of a Chinese
// compound surname for [chineseCompoundSlow]: r, or han.Fold(r), is the
// first character of an entry of chineseCompoundSurname. The set (87 runes,
// with the CJK Compatibility Ideographs that fold to one of them) is
// checked against the generated table and every code point by
// TestCompoundFirst.
func compoundFirst(r rune) bool {
	switch r {
	case '万', '上', '东', '乐', '亓', '仉', '令', '仲', '伯', '公',
		'单', '南', '句', '司', '呼', '單', '壤', '夏', '太', '夹',
		'夾', '子', '宇', '宗', '宰', '尉', '左', '巫', '归', '微',
		'慕', '拓', '東', '梁', '榖', '樂', '欧', '歐', '歸', '段',
		'毌', '淳', '漆', '澹', '濮', '独', '獨', '申', '百', '皇',
		'穀', '端', '第', '羊', '聞', '萬', '西', '諸', '诸', '谷',
		'赫', '軒', '轩', '鍾', '鐘', '钟', '長', '长', '閭', '闻',
		'闾', '顓', '颛', '鮮', '鲜',
		'\uF906',     // CJK Compatibility Ideograph of 句
		'\uF914',     // CJK Compatibility Ideograph of 樂
		'\uF95C',     // CJK Compatibility Ideograph of 樂
		'\uF97A',     // CJK Compatibility Ideograph of 梁
		'\uF986',     // CJK Compatibility Ideograph of 閭
		'\uF9A8',     // CJK Compatibility Ideograph of 令
		'\uF9BF',     // CJK Compatibility Ideograph of 樂
		'\uFA02',     // CJK Compatibility Ideograph of 拓
		'\uFA22',     // CJK Compatibility Ideograph of 諸
		'\uFA54',     // CJK Compatibility Ideograph of 穀
		'\uFABA',     // CJK Compatibility Ideograph of 諸
		'\U0002F959': // U+2F959, CJK Compatibility Ideograph of 穀
		return true
	}
	return false
}

// familyFirst reports whether names in the language of tag put the family
// name first.
func familyFirst(tag language.Tag) bool {
	base, _ := tag.Base()
	switch base.String() {
	case "zh", "ja", "ko", "hu", "vi", "mn", "km":
		return true
	}
	return false
}

func span8(s Span) [2]uint8 { return [2]uint8{uint8(s.Start), uint8(s.End)} }
