package risk

import (
	"runtime"
	"syscall"
	"testing"
)

// avatarThreadCPU returns the CPU time this OS thread has used.
func avatarThreadCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// avatarLoop runs f with b.Loop, reporting allocations and the thread's CPU
// time per op as "cpu-ns/op" beside the wall clock: on a shared machine the
// wall clock includes time spent waiting for a core. (Same method as
// bench/nickcputime_linux_test.go.)
func avatarLoop(b *testing.B, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	start, n := avatarThreadCPU(), 0
	for b.Loop() {
		f()
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(avatarThreadCPU()-start)/float64(n), "cpu-ns/op")
	}
}
