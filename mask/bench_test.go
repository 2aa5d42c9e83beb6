package mask

import (
	"testing"

	"github.com/transferguard/transferguard/identity"
)

// benchInputs are the input classes of STYLE.md §7.
var benchInputs = []struct{ class, in string }{
	{"han", "张小明"},
	{"han-compound", "欧阳娜娜"},
	{"ascii", "John Smith"},
	{"latin-marks", "Zoë Müller-Lüdenscheidt"},
	{"hangul", "남궁민수"},
	{"interpunct", "买买提·艾力"},
	{"mixed-script", "李Anna"},
	{"emoji-zwj", "张👨\u200d👩\u200d👧"}, // rejected by identity.Parse: measures the error path
}

func BenchmarkName(b *testing.B) {
	for _, st := range allStyles {
		for _, in := range benchInputs {
			b.Run(st.String()+"/"+in.class, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					_, _ = Name(in.in, st)
				}
			})
		}
	}
}

func BenchmarkNameHideLength(b *testing.B) {
	for _, in := range benchInputs[:3] {
		b.Run(in.class, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Name(in.in, KeepLast, HideLength(true))
			}
		})
	}
}

func BenchmarkNameFrom(b *testing.B) {
	for _, st := range allStyles {
		for _, in := range benchInputs[:7] {
			n := identity.MustParse(in.in)
			b.Run(st.String()+"/"+in.class, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					_, _ = NameFrom(n, st)
				}
			})
		}
	}
}

func BenchmarkMaskedAccessors(b *testing.B) {
	m, _ := Name("买买提·艾力", KeepLast)
	b.Run("AppendHidden", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]Span, 0, 8)
		for b.Loop() {
			buf = m.AppendHidden(buf[:0])
		}
	})
	b.Run("AppendSegments", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]Segment, 0, 8)
		for b.Loop() {
			buf = m.AppendSegments(buf[:0])
		}
	})
	b.Run("AppendUnmaskedHidden", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for b.Loop() {
			buf = m.AppendUnmaskedHidden(buf[:0])
		}
	})
}

func BenchmarkIdentifiers(b *testing.B) {
	for _, c := range []struct {
		name string
		f    func(string) (string, error)
		in   string
	}{
		{"Phone/cn-mobile", Phone, "138 1234 5678"},
		{"Phone/e164", Phone, "+44 20 7946 0958"},
		{"BankCard/16", BankCard, "6222 0212 3456 1234"},
		{"BankCard/19", BankCard, "6222021234561234567"},
		{"Email/ascii", Email, "zhangsan@example.com"},
		{"Email/idn", Email, "张三丰@例子.中国"},
		{"IDNumber", IDNumber, "11010519491231002X"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = c.f(c.in)
			}
		})
	}
}
