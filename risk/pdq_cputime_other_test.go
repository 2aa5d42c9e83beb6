//go:build !linux

package risk

import "testing"

// avatarLoop runs f with b.Loop and reports allocations (CPU time per op is
// measured on Linux only).
func avatarLoop(b *testing.B, f func()) {
	b.ReportAllocs()
	for b.Loop() {
		f()
	}
}
