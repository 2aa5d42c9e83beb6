//go:build race

package risk

// pdqRace is true under the race detector, which slows PDQ's float loops
// about tenfold; the heaviest avatar tests then run on fewer inputs.
const pdqRace = true
