package risk

import "testing"

// benchClasses are the input classes of STYLE.md §7.
var benchClasses = []struct{ name, in string }{
	{"ascii", "alice_wang"},
	{"ascii-mapped", "PayPaI"},
	{"latin-marks", "José Müller"},
	{"han", "张伟"},
	{"han-trad", "張偉"},
	{"hangul", "김민준"},
	{"cyrillic", "Аlice"},
	{"emoji-zwj", "🌸小美👩\u200d👩\u200d👧"},
	{"mixed-script", "Ｔｏｍ小美α"},
}

func BenchmarkSkeleton(b *testing.B) {
	for _, c := range benchClasses {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Skeleton(c.in)
			}
		})
	}
}

func BenchmarkAppendSkeleton(b *testing.B) {
	buf := make([]byte, 0, 256)
	for _, c := range benchClasses {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf = AppendSkeleton(buf[:0], c.in)
			}
		})
	}
}
