package mask

import (
	"unicode/utf8"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/internal/han"
)

// surnameCJK returns the surname span that identity.Parse gives a name s of
// k CJK Unified Ideographs and Hangul syllables only, as [cjkOnly]
// reports, without parsing it: the Parse that HideSurname and KeepSurname
// made for it was a third of Name("张小明", HideSurname).
//
// Why this is exact: such a name is one part of k graphemes, one rune each
// (see [Masked.setCJK]), and identity's surname rules for one part are: a
// name of both scripts (ScriptMixed) is its own surname; a Han or Hangul
// name is its first character, or its first two when they are a compound
// surname (identity's chineseCompound or koreanCompoundSurname) and a
// character is left. [chineseCompound] and [koreanCompound] are those
// checks for three-byte runes; TestSurnameCJKTables checks that their
// tables are identity's generated ones, TestSurnameCJK compares
// surnameCJK with identity.Parse for every first rune and, for every rune
// that may start a compound, every second rune, and TestPropSurnameCJK
// compares them on random names.
func surnameCJK(s string, k int) identity.Span {
	var hanRune, hangul bool
	for i := 0; i < len(s); i += 3 {
		if s[i] >= 0xEA { // Hangul syllables: U+AC00 and above
			hangul = true
		} else {
			hanRune = true
		}
	}
	switch {
	case hanRune && hangul:
		return identity.Span{Start: 0, End: k}
	case k < 3:
	case hanRune && chineseCompound(s[:6]), hangul && koreanCompound(s[:6]):
		return identity.Span{Start: 0, End: 2}
	}
	return identity.Span{Start: 0, End: 1}
}

// chineseCompound reports whether s, two CJK Unified Ideographs, is a
// Chinese compound surname to identity: an entry of its table, directly or
// with each rune folded by han.Fold (so that mixed forms such as 歐阳 are
// found). Most names start with a rune that cannot begin one
// ([compoundFirst]), which needs no table search.
func chineseCompound(s string) bool {
	a := rune3(s)
	if !compoundFirst(a) {
		return false
	}
	if chineseCompoundSurname(s) {
		return true
	}
	b := rune3(s[3:])
	fa, fb := han.FoldUnified(a), han.FoldUnified(b)
	if fa == a && fb == b {
		return false
	}
	// A fold may lie outside the BMP (a rune of four bytes).
	var buf [2 * utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], fa)
	n += utf8.EncodeRune(buf[n:], fb)
	return chineseCompoundSurname(string(buf[:n]))
}

// rune3 decodes the three-byte rune at the start of s.
func rune3(s string) rune {
	return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
}

// compoundFirst reports whether r, a CJK Unified Ideograph, can begin a
// compound for [chineseCompound]: r or han.Fold(r) is the first character
// of an entry of [chineseCompoundSurname] (TestSurnameCJKTables).
func compoundFirst(r rune) bool {
	switch r {
	case '万', '上', '东', '乐', '亓', '仉', '令', '仲', '伯', '公',
		'单', '南', '句', '司', '呼', '單', '壤', '夏', '太', '夹',
		'夾', '子', '宇', '宗', '宰', '尉', '左', '巫', '归', '微',
		'慕', '拓', '東', '梁', '榖', '樂', '欧', '歐', '歸', '段',
		'毌', '淳', '漆', '澹', '濮', '独', '獨', '申', '百', '皇',
		'穀', '端', '第', '羊', '聞', '萬', '西', '諸', '诸', '谷',
		'赫', '軒', '轩', '鍾', '鐘', '钟', '長', '长', '閭', '闻',
		'闾', '顓', '颛', '鮮', '鲜':
		return true
	}
	return false
}

// chineseCompoundSurname reports whether s is an entry of identity's
// generated table of Chinese compound surnames, in simplified or
// traditional form (identity/surnames_table.go; TestSurnameCJKTables
// checks that the two hold the same entries).
func chineseCompoundSurname(s string) bool {
	switch s {
	case "万俟", "上官", "东方", "东郭", "东门", "乐正", "亓官", "仉督",
		"令狐", "仲孙", "仲孫", "伯賞", "伯赏", "公冶", "公孙", "公孫",
		"公羊", "公良", "公西", "单于", "南宫", "南宮", "南門", "南门",
		"句龍", "句龙", "司寇", "司徒", "司空", "司馬", "司马", "呼延",
		"單于", "壤駟", "壤驷", "夏侯", "太叔", "太史", "夹谷", "夾谷",
		"子車", "子车", "宇文", "宗政", "宰父", "尉迟", "尉遲", "左丘",
		"巫馬", "巫马", "归海", "微生", "慕容", "拓跋", "東方", "東郭",
		"東門", "梁丘", "榖梁", "樂正", "欧阳", "歐陽", "歸海", "段干",
		"毌丘", "淳于", "漆雕", "澹台", "澹臺", "濮阳", "濮陽", "独孤",
		"獨孤", "申屠", "百里", "皇甫", "穀梁", "端木", "第五", "羊舌",
		"聞人", "萬俟", "西門", "西门", "諸葛", "诸葛", "谷梁", "赫连",
		"赫連", "軒轅", "轩辕", "鍾離", "鐘離", "钟离", "長孫", "长孙",
		"閭丘", "闻人", "闾丘", "顓孫", "颛孙", "鮮于", "鲜于":
		return true
	}
	return false
}

// koreanCompound reports whether s, two Hangul syllables, is an entry of
// identity's generated table of Korean compound surnames
// (TestSurnameCJKTables).
func koreanCompound(s string) bool {
	switch s {
	case "남궁", "독고", "동방", "망절", "사공", "서문", "선우", "어금",
		"장곡", "제갈", "황보":
		return true
	}
	return false
}
