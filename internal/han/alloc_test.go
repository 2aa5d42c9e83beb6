package han

import "testing"

// sink keeps results alive so that the compiler cannot drop the calls.
var (
	sinkRune rune
	sinkBool bool
	sinkStr  string
)

func TestAllocs(t *testing.T) {
	inputs := []rune{'a', '张', '張', '乾', '己', '未', '\uF967', '𠮷', 0x323B0, -1}
	funcs := []struct {
		name string
		f    func(r rune)
	}{
		{"Fold", func(r rune) { sinkRune = Fold(r) }},
		{"IsHan", func(r rune) { sinkBool = IsHan(r) }},
		{"LookalikeKey", func(r rune) { sinkRune = LookalikeKey(r) }},
		{"Variants", func(r rune) { sinkStr = Variants(r) }},
		{"Lookalikes", func(r rune) { sinkStr = Lookalikes(r) }},
		{"SemanticVariant", func(r rune) { sinkBool = SemanticVariant(r, '喆') }},
		{"Homophone", func(r rune) { sinkBool = Homophone(r, '章') }},
		{"Lookalike", func(r rune) { sinkBool = Lookalike(r, '末') }},
	}
	for _, f := range funcs {
		for _, r := range inputs {
			if n := testing.AllocsPerRun(100, func() { f.f(r) }); n != 0 {
				t.Errorf("%s(%+q): allocs = %v, want 0", f.name, r, n)
			}
		}
	}
}

// benchInputs are the input classes: ASCII (the fast path), a simplified
// Han character, a traditional one, and a supplementary-plane one.
var benchInputs = []struct {
	name string
	a, b rune
}{
	{"ascii", 'a', 'b'},
	{"han", '张', '章'},
	{"han-traditional", '張', '末'},
	{"han-supplementary", '𠮷', '吉'},
}

func BenchmarkFold(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkRune = Fold(in.a)
			}
		})
	}
}

func BenchmarkIsHan(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkBool = IsHan(in.a)
			}
		})
	}
}

func BenchmarkLookalikeKey(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkRune = LookalikeKey(in.a)
			}
		})
	}
}

func benchPair(b *testing.B, f func(a, b rune) bool) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkBool = f(in.a, in.b)
			}
		})
	}
}

func BenchmarkSemanticVariant(b *testing.B) { benchPair(b, SemanticVariant) }
func BenchmarkHomophone(b *testing.B)       { benchPair(b, Homophone) }
func BenchmarkLookalike(b *testing.B)       { benchPair(b, Lookalike) }

func BenchmarkVariants(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkStr = Variants(in.a)
			}
		})
	}
}
