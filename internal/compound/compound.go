// Package compound knows the compound surnames of Chinese (欧阳, 司马, and
// their traditional forms) and Korean (남궁, 제갈): the generated tables
// (table.go, from internal/gen/surnames) and the checks built on them that
// identity's name parsing and mask's CJK shortcut share.
package compound

//go:generate go test -run=^TestTablesUpToDate$ ../gen/surnames -args -update

import (
	"unicode/utf8"

	"github.com/transferguard/transferguard/internal/han"
)

// ChineseFolded reports whether s, two Han characters, is a compound
// surname from the generated table, directly or after folding each
// character with han.Fold (so that mixed forms such as 歐阳 are found). It
// is the general path of [Chinese].
func ChineseFolded(s string) bool {
	if ChineseTable(s) {
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
	return ChineseTable(string(buf[:k]))
}

// Chinese is [ChineseFolded] with a first-rune filter: most names do not
// start with a rune that can begin a compound surname, and for those no
// table search or han.Fold lookup is needed.
func Chinese(s string) bool {
	return ChineseFirst(firstRune(s)) && ChineseFolded(s)
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

// ChineseFirst reports whether r can be the first character of a Chinese
// compound surname for [ChineseFolded]: r, or han.Fold(r), is the first
// character of an entry of [ChineseTable]. The set (87 runes,
// with the CJK Compatibility Ideographs that fold to one of them) is
// checked against the generated table and every code point by
// TestCompoundFirst.
func ChineseFirst(r rune) bool {
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
