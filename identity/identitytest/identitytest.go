// Package identitytest provides rapid generators of personal names for
// property tests of code that uses package identity: realistic names per
// script (Han with single and compound surnames in simplified and
// traditional form, Latin with diacritics, interpunct names, Korean), a
// generator of spelling variants that [identity.Compare] must still call a
// Match, and a generator of hostile strings.
//
// The names are made up from common name elements; they are test data,
// not a corpus of real people.
//
// Like every generator built with [rapid.Custom], these are safe for
// concurrent use and hold no state.
package identitytest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transferguard/transferguard/internal/han"
	"pgregory.net/rapid"
)

// Common single-character surnames, in simplified form.
const hanSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"

// Characters common in given names, in simplified form.
const hanGiven = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国晓小文志海波宇浩然欣怡子涵梓轩雨婷佳琪思远嘉俊乾学喆峰坤"

// Chinese compound surnames with their traditional spelling.
var hanCompounds = [...][2]string{
	{"欧阳", "歐陽"}, {"司马", "司馬"}, {"诸葛", "諸葛"}, {"上官", "上官"}, {"东方", "東方"},
	{"皇甫", "皇甫"}, {"尉迟", "尉遲"}, {"公孙", "公孫"}, {"慕容", "慕容"}, {"长孙", "長孫"},
	{"宇文", "宇文"}, {"司徒", "司徒"}, {"夏侯", "夏侯"}, {"轩辕", "軒轅"}, {"令狐", "令狐"},
	{"端木", "端木"}, {"独孤", "獨孤"}, {"南宫", "南宮"}, {"西门", "西門"}, {"百里", "百里"},
	{"呼延", "呼延"}, {"澹台", "澹臺"}, {"公冶", "公冶"}, {"申屠", "申屠"}, {"闻人", "聞人"},
	{"濮阳", "濮陽"}, {"淳于", "淳于"}, {"单于", "單于"}, {"钟离", "鍾離"}, {"赫连", "赫連"},
	{"拓跋", "拓跋"}, {"万俟", "萬俟"}, {"东郭", "東郭"}, {"左丘", "左丘"}, {"宗政", "宗政"},
	{"司空", "司空"}, {"第五", "第五"},
}

// Transliterated name parts used in interpunct names (Uyghur, Tibetan and
// foreign names written in Han characters).
var hanTransliterated = [...]string{
	"买买提", "艾力", "阿不都", "热依拉", "古丽", "努尔", "扎西", "次仁", "卓玛",
	"伊丽莎白", "泰勒", "约翰", "史密斯", "玛丽", "安娜", "卡尔", "马克思",
}

var latinGiven = [...]string{
	"John", "Mary", "José", "Zoë", "Søren", "Łukasz", "François", "Ángel", "Chloé",
	"Björn", "Ana", "Jean-Luc", "Siobhán", "Dagný", "Ümit", "Renée", "Nguyễn", "Thảo",
	"Maria", "Paul", "Ærin", "Đorđe", "İlker", "Ðóra",
}

var latinFamily = [...]string{
	"Smith", "Núñez", "Müller", "Ørsted", "O'Brien", "Wałęsa", "Smith-Jones", "García",
	"Dvořák", "Straße", "Đoković", "Kovačević", "Þórsdóttir", "Lefèvre", "Çelik", "Jones",
}

var koreanSurnames = [...]string{"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "남궁", "황보", "제갈", "선우", "독고", "사공", "서문"}

const koreanSyllables = "민수지현영서준호은우진하연유재성아"

// interpuncts are the separators of Han interpunct names.
var interpuncts = [...]string{"·", "•", "・", "‧", "･", "．", "∙", "⋅"}

func pickRune(t *rapid.T, set, label string) string {
	rs := []rune(set)
	return string(rs[rapid.IntRange(0, len(rs)-1).Draw(t, label)])
}

// HanName generates Chinese names of two to four characters: a common
// single surname or a compound surname (欧阳, 司马, 诸葛, …) followed by a
// one- or two-character given name, in simplified or traditional form.
func HanName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		var b strings.Builder
		if rapid.IntRange(0, 3).Draw(t, "compound") == 0 {
			c := rapid.SampledFrom(hanCompounds[:]).Draw(t, "surname")
			b.WriteString(c[rapid.IntRange(0, 1).Draw(t, "traditional")])
		} else {
			b.WriteString(pickRune(t, hanSurnames, "surname"))
		}
		for range rapid.IntRange(1, 2).Draw(t, "given") {
			b.WriteString(pickRune(t, hanGiven, "char"))
		}
		s := b.String()
		if rapid.Bool().Draw(t, "variants") {
			s = hanVariants(t, s)
		}
		return s
	})
}

// hanVariants replaces each Han character by one of its variants that
// fold to the same character (traditional, simplified, Z-variant).
func hanVariants(t *rapid.T, s string) string {
	var b strings.Builder
	for _, r := range s {
		if vs := han.Variants(r); vs != "" {
			b.WriteString(pickRune(t, vs, "variant"))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// InterpunctName generates transliterated names written in Han characters
// with two or three parts joined by an interpunct (买买提·艾力,
// 伊丽莎白·泰勒), with any of the interpunct variants.
func InterpunctName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		sep := rapid.SampledFrom(interpuncts[:]).Draw(t, "interpunct")
		n := rapid.IntRange(2, 3).Draw(t, "parts")
		parts := make([]string, n)
		for i := range parts {
			parts[i] = rapid.SampledFrom(hanTransliterated[:]).Draw(t, "part")
		}
		return strings.Join(parts, sep)
	})
}

// LatinName generates Latin-script names of two or three parts with
// diacritics, stroked letters, ligatures, apostrophes and hyphens
// (Søren Ørsted, Zoë O'Brien, Jean-Luc Đoković).
func LatinName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		parts := []string{rapid.SampledFrom(latinGiven[:]).Draw(t, "given")}
		if rapid.IntRange(0, 3).Draw(t, "middle") == 0 {
			parts = append(parts, rapid.SampledFrom(latinGiven[:]).Draw(t, "middle"))
		}
		parts = append(parts, rapid.SampledFrom(latinFamily[:]).Draw(t, "family"))
		return strings.Join(parts, " ")
	})
}

// KoreanName generates Korean names in Hangul: a single or compound
// surname (남궁, 황보, 제갈, …) and a two-syllable given name.
func KoreanName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := rapid.SampledFrom(koreanSurnames[:]).Draw(t, "surname")
		return s + pickRune(t, koreanSyllables, "given") + pickRune(t, koreanSyllables, "given")
	})
}

// Name generates a name from any of [HanName], [InterpunctName],
// [LatinName] and [KoreanName].
func Name() *rapid.Generator[string] {
	return rapid.OneOf(HanName(), InterpunctName(), LatinName(), KoreanName())
}

// Variant generates spellings of name that identity.Compare grades as a
// Match against it: each Han character possibly replaced by a traditional,
// simplified or Z-variant form, each ASCII letter in either case and
// possibly full-width, each interpunct possibly replaced by another, and
// possibly white space added at either end.
func Variant(name string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		var b strings.Builder
		pad := rapid.IntRange(0, 3).Draw(t, "pad")
		if pad == 1 {
			b.WriteString(" ")
		}
		for _, r := range name {
			switch {
			case han.IsHan(r):
				if vs := han.Variants(r); vs != "" && rapid.Bool().Draw(t, "han") {
					b.WriteString(pickRune(t, vs, "variant"))
					continue
				}
			case r < utf8.RuneSelf && unicode.IsLetter(r):
				if rapid.Bool().Draw(t, "case") {
					r ^= 0x20 // ASCII case flip
				}
				if rapid.IntRange(0, 3).Draw(t, "width") == 0 {
					r += 0xFEE0 // full-width form
				}
			case isInterpunct(r):
				if rapid.Bool().Draw(t, "interpunct") {
					b.WriteString(rapid.SampledFrom(interpuncts[:]).Draw(t, "interpunct"))
					continue
				}
			}
			b.WriteRune(r)
		}
		if pad == 2 {
			b.WriteString("\u3000")
		}
		return b.String()
	})
}

func isInterpunct(r rune) bool {
	for _, s := range interpuncts {
		if s == string(r) {
			return true
		}
	}
	return false
}

// hostile holds code points that break naive name handling: combining
// marks, joiners, bidi controls, zero-width characters, noncharacters,
// private use, emoji parts, full-width and compatibility forms, Hangul
// jamo, separators and a supplementary ideograph.
const hostile = "a\u0301\u0308\u200d\u200c\u202e\u2066\u200b\ufeff\ufdd0\ue000😀👨\U0001F3FB\u20e3Ａ\uff65\uff9e\u1100\u1161\u11a8·・-. \u3000\t'’ß\u0130ı𠮷張张क्षา\u0e31"

// Hostile generates strings, not always valid UTF-8, that mix the code
// points above with arbitrary ones: for tests that nothing panics and
// that invariants hold on any input.
func Hostile() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		var b strings.Builder
		for range rapid.IntRange(0, 24).Draw(t, "len") {
			switch rapid.IntRange(0, 5).Draw(t, "kind") {
			case 0:
				b.WriteRune(rapid.Rune().Draw(t, "rune"))
			case 1:
				b.WriteByte(rapid.Byte().Draw(t, "byte"))
			default:
				b.WriteString(pickRune(t, hostile, "hostile"))
			}
		}
		return b.String()
	})
}
