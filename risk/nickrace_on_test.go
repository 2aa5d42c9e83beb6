//go:build race

package risk

// nickRuneStride is the code point step of the exhaustive table tests. The
// race detector adds nothing to these pure table checks but makes them ten
// times slower, so under -race they sample every 61st code point; the plain
// test run covers every one.
const nickRuneStride = 61
