// Package unihan parses the Han data files in internal/gen/data (Unihan
// 17.0.0 per-field files, the machine-learned CJK confusables, UTS #39
// confusables.txt and our amendments.txt), derives the relations that
// internal/han serves (folding, semantic variants, Mandarin readings,
// lookalikes and lookalike clusters) and renders them as Go source.
//
// It is an ordinary package: internal/han's TestTablesUpToDate drives it,
// and with -update rewrites internal/han/tables.go.
package unihan

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrSyntax is wrapped by every parse error.
var ErrSyntax = errors.New("unihan: syntax error")

func syntaxErr(file string, line int, format string, args ...any) error {
	return fmt.Errorf("%w: %s:%d: %s", ErrSyntax, file, line, fmt.Sprintf(format, args...))
}

// Field maps code points to the raw value of one Unihan property.
type Field map[rune]string

// ParseField parses a Unihan per-field file (`XXXX<TAB>value` or
// `XXXX..YYYY<TAB>value` per line, no comments). name is used in errors.
func ParseField(name string, r io.Reader) (Field, error) {
	f := Field{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		key, val, ok := strings.Cut(line, "\t")
		if !ok || val == "" {
			return nil, syntaxErr(name, n, "want code point, tab, value")
		}
		lo, hi, err := parseRange(key)
		if err != nil {
			return nil, syntaxErr(name, n, "%v", err)
		}
		for c := lo; c <= hi; c++ {
			if _, dup := f[c]; dup {
				return nil, syntaxErr(name, n, "duplicate U+%04X", c)
			}
			f[c] = val
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("unihan: reading %s: %w", name, err)
	}
	return f, nil
}

func parseRange(s string) (lo, hi rune, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if lo, err = parseHex(a); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return lo, lo, nil
	}
	if hi, err = parseHex(b); err != nil {
		return 0, 0, err
	}
	if hi < lo {
		return 0, 0, fmt.Errorf("empty range %s", s)
	}
	return lo, hi, nil
}

func parseHex(s string) (rune, error) {
	if len(s) < 4 || len(s) > 6 {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	return rune(v), nil
}

// ParseVariants parses a Unihan variant value: space-separated `U+XXXX`
// entries, each optionally followed by `<sources`. Order is kept.
func ParseVariants(v string) ([]rune, error) {
	var out []rune
	for _, f := range strings.Fields(v) {
		cp, _, _ := strings.Cut(f, "<")
		hex, ok := strings.CutPrefix(cp, "U+")
		if !ok {
			return nil, fmt.Errorf("bad variant %q", f)
		}
		r, err := parseHex(hex)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, errors.New("empty variant list")
	}
	return out, nil
}

// ParseMandarin parses a kMandarin value (one or two pinyin syllables with
// tone marks) into toneless syllables: tone marks (U+0300, U+0301, U+0304,
// U+030C) are removed, ü and ê are kept. Duplicates are dropped; order kept.
func ParseMandarin(v string) ([]string, error) {
	var out []string
	for _, f := range strings.Fields(v) {
		s := Toneless(f)
		if s == "" {
			return nil, fmt.Errorf("bad syllable %q", f)
		}
		for _, r := range s {
			if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzüê", r) {
				return nil, fmt.Errorf("bad syllable %q", f)
			}
		}
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("empty reading")
	}
	return out, nil
}

// Toneless returns the pinyin syllable s without its tone mark, in NFC.
func Toneless(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch r {
		case 0x0300, 0x0301, 0x0304, 0x030C: // grave, acute, macron, caron: tones 4, 2, 1, 3
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// MLPair is one (anchor, candidate) entry of the machine-learned CJK
// confusables with its image distance (lower is more similar).
type MLPair struct {
	A, B rune
	Dist float64
}

// ParseML parses confusables_dis.txt: per line `X: [('A', 0.01), ...]`.
func ParseML(name string, r io.Reader) ([]MLPair, error) {
	var out []MLPair
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		anchor, list, ok := strings.Cut(line, ": ")
		a, size := utf8.DecodeRuneInString(anchor)
		if !ok || size != len(anchor) || a == utf8.RuneError {
			return nil, syntaxErr(name, n, "want one character, colon, list")
		}
		inner, okOpen := strings.CutPrefix(list, "[")
		inner, okClose := strings.CutSuffix(inner, "]")
		if !okOpen || !okClose {
			return nil, syntaxErr(name, n, "want a [...] list")
		}
		if inner == "" {
			continue
		}
		for item := range strings.SplitSeq(inner, "), ") {
			item = strings.TrimSuffix(strings.TrimPrefix(item, "("), ")")
			q, d, ok := strings.Cut(item, ", ")
			b, size := utf8.DecodeRuneInString(strings.Trim(q, "'"))
			if !ok || len(q) != size+2 || q[0] != '\'' || q[len(q)-1] != '\'' {
				return nil, syntaxErr(name, n, "bad candidate %q", item)
			}
			dist, err := strconv.ParseFloat(d, 64)
			if err != nil || dist < 0 || dist > 0.1 {
				return nil, syntaxErr(name, n, "bad distance %q", d)
			}
			out = append(out, MLPair{A: a, B: b, Dist: dist})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("unihan: reading %s: %w", name, err)
	}
	return out, nil
}

// Mapping is one data line of a UTS #39 confusables-format file.
type Mapping struct {
	Source  rune
	Target  []rune
	Comment string // the text after '#', trimmed
}

// ParseConfusables parses the UTS #39 confusables.txt format
// (`source ; target… ; type # comment`), used by confusables.txt and our
// amendments.txt. A leading BOM is skipped.
func ParseConfusables(name string, r io.Reader) ([]Mapping, error) {
	var out []Mapping
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		data, comment, _ := strings.Cut(string(line), "#")
		if strings.TrimSpace(data) == "" {
			continue
		}
		fields := strings.Split(data, ";")
		if len(fields) != 3 {
			return nil, syntaxErr(name, n, "want 3 fields")
		}
		src, err := parseHex(strings.TrimSpace(fields[0]))
		if err != nil {
			return nil, syntaxErr(name, n, "%v", err)
		}
		m := Mapping{Source: src, Comment: strings.TrimSpace(comment)}
		for _, h := range strings.Fields(fields[1]) {
			t, err := parseHex(h)
			if err != nil {
				return nil, syntaxErr(name, n, "%v", err)
			}
			m.Target = append(m.Target, t)
		}
		if len(m.Target) == 0 {
			return nil, syntaxErr(name, n, "empty target")
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("unihan: reading %s: %w", name, err)
	}
	return out, nil
}
