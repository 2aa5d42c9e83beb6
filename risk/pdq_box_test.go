package risk

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// TestBoxRow4AtW1MatchesBoxRow4 checks the window-1 kept-columns filter
// bit for bit against boxRow4 followed by sampling, for every row length
// it is used for (64 to 128 columns) and random luminance-like values.
func TestBoxRow4AtW1MatchesBoxRow4(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(64, 128).Draw(t, "cols")
		var src, full [4][]float32
		for k := range src {
			src[k] = make([]float32, n)
			full[k] = make([]float32, n)
			for j := range src[k] {
				src[k][j] = float32(rapid.IntRange(0, 1<<20).Draw(t, "v")) / 4099
			}
		}
		var xs [64]int
		for i := range xs {
			xs[i] = int((float64(i) + 0.5) * float64(n) / 64)
		}
		boxRow4(&full, &src, 1)
		var got [256]float32
		boxRow4AtW1(&got, &src, &xs)
		for k := range 4 {
			for j, x := range xs {
				if g, w := got[64*k+j], full[k][x]; math.Float32bits(g) != math.Float32bits(w) {
					t.Fatalf("cols %d row %d column %d (x=%d): got %v, want %v", n, k, j, x, g, w)
				}
			}
		}
	})
}
