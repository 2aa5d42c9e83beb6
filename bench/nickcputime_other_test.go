//go:build !linux

package bench

import "testing"

// loopCPU runs f b.N times; CPU time is reported on Linux only.
func loopCPU(b *testing.B, f func(i int)) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		f(n)
		n++
	}
}
