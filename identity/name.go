package identity

import (
	"errors"
	"log/slog"
	"strings"

	"github.com/rivo/uniseg"
	"golang.org/x/text/language"
)

// Sentinel errors returned by [Parse]. Their messages never contain the name.
var (
	ErrEmpty         = errors.New("identity: empty name")
	ErrInvalidUTF8   = errors.New("identity: invalid UTF-8")
	ErrTooLong       = errors.New("identity: name too long")
	ErrForbiddenRune = errors.New("identity: forbidden code point")
)

// Span is a half-open range [Start, End) of grapheme-cluster indices in a [Name].
type Span struct{ Start, End int }

// Len returns the number of grapheme clusters in the span.
func (s Span) Len() int { return s.End - s.Start }

// Script is the writing system of a name. The zero value is ScriptUnknown.
type Script uint8

// Scripts.
const (
	ScriptUnknown Script = iota
	ScriptHan
	ScriptLatin
	ScriptCyrillic
	ScriptGreek
	ScriptHangul
	ScriptKana
	ScriptArabic
	ScriptThai
	ScriptDevanagari
	ScriptOther
	ScriptMixed
)

// Option is a hint for [Parse].
type Option func(*options)

type options struct{ lang language.Tag }

// Language tells [Parse] the language of the name, which decides the family
// name position of Latin-script names.
func Language(tag language.Tag) Option { return func(o *options) { o.lang = tag } }

// Name is a parsed personal name. The zero Name is not valid.
//
// PLACEHOLDER: this is the API contract; the implementation is filled in by issue #2.
type Name struct {
	s      string
	bounds []int // byte offsets of grapheme boundaries, len = Len()+1
	sur    Span
	script Script
}

// Parse validates s and returns it as a [Name].
func Parse(s string, opts ...Option) (Name, error) {
	if s == "" {
		return Name{}, ErrEmpty
	}
	n := Name{s: s, bounds: []int{0}}
	state := -1
	rest := s
	off := 0
	for len(rest) > 0 {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		off += len(c)
		n.bounds = append(n.bounds, off)
	}
	n.sur = Span{0, 1}
	n.script = ScriptHan
	return n, nil
}

// MustParse is like [Parse] but panics on error. For tests and examples only.
func MustParse(s string, opts ...Option) Name {
	n, err := Parse(s, opts...)
	if err != nil {
		panic(err)
	}
	return n
}

// IsValid reports whether n is a parsed name (not the zero Name).
func (n Name) IsValid() bool { return n.s != "" }

// Unmasked returns the clear text of the name.
func (n Name) Unmasked() string { return n.s }

// String returns a redacted form that never reveals the name.
func (n Name) String() string { return strings.Repeat("*", n.Len()) }

// LogValue implements slog.LogValuer with the redacted form.
func (n Name) LogValue() slog.Value { return slog.StringValue(n.String()) }

// Len returns the number of grapheme clusters.
func (n Name) Len() int { return max(len(n.bounds)-1, 0) }

// Grapheme returns the i-th grapheme cluster.
func (n Name) Grapheme(i int) string { return n.s[n.bounds[i]:n.bounds[i+1]] }

// IsSeparator reports whether the i-th grapheme is a space, interpunct or hyphen.
func (n Name) IsSeparator(i int) bool {
	switch n.Grapheme(i) {
	case " ", "·", "-", "・":
		return true
	}
	return false
}

// NumParts returns the number of parts (runs of non-separator graphemes).
func (n Name) NumParts() int { return 1 }

// Part returns the grapheme span of the i-th part, in written order.
func (n Name) Part(i int) Span { return Span{0, n.Len()} }

// Surname returns the grapheme span of the family name.
func (n Name) Surname() Span { return n.sur }

// Script returns the script of the name.
func (n Name) Script() Script { return n.script }
