package identity

import (
	"strconv"
	"strings"
	"testing"
)

// Input classes (STYLE.md §7), each a pair (entered, registered).
var benchInputs = []struct {
	name string
	a, b string
}{
	{"han-3-same", "张小明", "张小明"},
	{"han-3-traditional", "張小明", "张小明"},
	{"han-3-homophone", "张晓明", "张小明"},
	{"han-3-nomatch", "李小明", "张小明"},
	{"ascii", "John Smith", "JOHN SMITH"},
	{"latin-marks", "José Núñez Ørsted", "Jose Nunez Orsted"},
	{"latin-typo", "Jon Smith", "John Smith"},
	{"hangul", "남궁민수", "남궁 민수"},
	{"fullwidth", "Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"},
	{"mixed-script", "张 John", "張 JOHN"},
	{"60-latin-marks", strings.Repeat("Ñúñez ", 10), strings.Repeat("nunez ", 10)},
	{"60-han", strings.Repeat("張小明", 20), strings.Repeat("张小明", 20)},
}

func BenchmarkFold(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(in.a)
			}
		})
	}
}

func BenchmarkAppendFold(b *testing.B) {
	buf := make([]byte, 0, 512)
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf = AppendFold(buf[:0], in.a)
			}
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Compare(in.a, in.b)
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(in.b)
			}
		})
	}
}

// BenchmarkFoldLong folds 1, 16 and 64 KB of each adversarial pattern of
// longFoldUnits; the MB/s of the three sizes stay alike (linear cost).
func BenchmarkFoldLong(b *testing.B) {
	for _, u := range longFoldUnits {
		for _, kb := range []int{1, 16, 64} {
			s := repeatTo(u.unit, kb<<10)
			b.Run(u.name+"/"+strconv.Itoa(kb)+"KB", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(s)))
				buf := make([]byte, 0, 20*len(s))
				for b.Loop() {
					buf = AppendFold(buf[:0], s)
				}
			})
		}
	}
}
