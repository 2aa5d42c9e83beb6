//go:build !race

package risk

// nickRuneStride is the code point step of the exhaustive table tests: 1,
// every code point (see nickrace_on_test.go).
const nickRuneStride = 1
