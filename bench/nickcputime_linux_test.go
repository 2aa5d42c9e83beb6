package bench

import (
	"runtime"
	"syscall"
	"testing"
)

// threadCPU returns the CPU time this OS thread has used.
func threadCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// loopCPU runs f b.N times (with b.Loop) and reports the thread's CPU time
// per op as "cpu-ns/op" beside the wall-clock ns/op. On a shared machine the
// wall clock includes time spent waiting for a core; CPU time does not.
func loopCPU(b *testing.B, f func(i int)) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	start, n := threadCPU(), 0
	for b.Loop() {
		f(n)
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(threadCPU()-start)/float64(n), "cpu-ns/op")
	}
}
