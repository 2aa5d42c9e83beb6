package mask

import (
	"testing"

	"github.com/transferguard/transferguard/identity"
)

// BenchmarkParse measures identity.Parse on the same inputs, to show how
// much of BenchmarkName is parsing.
func BenchmarkParse(b *testing.B) {
	for _, in := range benchInputs[:7] {
		b.Run(in.class, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = identity.Parse(in.in)
			}
		})
	}
}
