package risk

import (
	"math"
	"slices"
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

// TestAbsTruncExhaustive checks absTrunc's one-multiplication form against
// the reference's float32 multiplication by 100 and division by 255 for
// every float32 d = |u−v| from 0 to 512 (about 1.14·10⁹ values; the
// matrix values lie in 0..255, so d < 256), and the sign handling on a
// sample of differences.
func TestAbsTruncExhaustive(t *testing.T) {
	if testing.Short() {
		t.Skip("1.14·10⁹ values")
	}
	k100, k255 := float32(100), float32(255)
	k := quality100Over255[0]
	last := math.Float32bits(512)
	step := uint32(1)
	if pdqRace {
		step = 997 // the race detector slows this loop tenfold
	}
	bad := 0
	for b := uint32(0); b <= last; b += step {
		d := math.Float32frombits(b)
		want := int(float32(d*k100) / k255)
		if got := absTrunc(d, 0, k); got != want {
			if bad++; bad < 10 {
				t.Errorf("d = %v (%#08x): got %d, want %d", d, b, got, want)
			}
		}
	}
	// u−v negative, zero and positive.
	for _, d := range []float32{-255, -254.99998, -2.55, -1e-6, 0, 1e-6, 2.55, 127.5, 255} {
		for _, v := range []float32{0, 0.25, 17.3} {
			u := v + d
			x := float32(float32(u-v)*100) / 255
			want := int(x)
			if want < 0 {
				want = -want
			}
			if got := absTrunc(u, v, k); got != want {
				t.Errorf("absTrunc(%v, %v) = %d, want %d", u, v, got, want)
			}
		}
	}
}

// TestBoxRow4W1MatchesBoxRow checks the window-1 four-row filter bit for
// bit against boxRow, row by row, for every length PDQ uses it at (5 to
// 128 samples).
func TestBoxRow4W1MatchesBoxRow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 128).Draw(t, "n")
		var src, got [4][]float32
		for k := range src {
			src[k] = make([]float32, n)
			got[k] = make([]float32, n)
			for j := range src[k] {
				src[k][j] = float32(rapid.IntRange(0, 1<<20).Draw(t, "v")) / 4099
			}
		}
		boxRow4W1(&got, &src)
		want := make([]float32, n)
		for k := range 4 {
			boxRow(want, src[k], 1)
			for j := range want {
				if math.Float32bits(got[k][j]) != math.Float32bits(want[j]) {
					t.Fatalf("n %d row %d column %d: got %v, want %v", n, k, j, got[k][j], want[j])
				}
			}
		}
	})
}

// TestAddSubRow1MatchesAddSubDivRow checks the window-1 column step, with
// the sums in a separate row and in the output row itself, against
// addSubDivRow with d = 1.
func TestAddSubRow1MatchesAddSubDivRow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 130).Draw(t, "n")
		row := func(name string) []float32 {
			r := make([]float32, n)
			for j := range r {
				r[j] = float32(rapid.IntRange(0, 1<<20).Draw(t, name)) / 4099
			}
			return r
		}
		s, x, y := row("s"), row("x"), row("y")
		sums, want := slices.Clone(s), make([]float32, n)
		addSubDivRow(want, sums, x, y, 1)
		got := make([]float32, n)
		addSubRow1(got, s, x, y)
		inPlace := slices.Clone(s)
		addSubRow1(inPlace, inPlace, x, y)
		for j := range want {
			if w := math.Float32bits(want[j]); math.Float32bits(got[j]) != w || math.Float32bits(inPlace[j]) != w {
				t.Fatalf("n %d column %d: got %v (in place %v), want %v", n, j, got[j], inPlace[j], want[j])
			}
		}
	})
}

// TestDownsampleMatchesSlow compares the streamed filter passes (every
// window and fused path: windows 1 to 3, rows in fours or not, fewer or
// more than 64 columns) with the spec's whole-image passes bit for bit on
// the 64×64 matrix, for random luminance.
func TestDownsampleMatchesSlow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rows := rapid.IntRange(5, 300).Draw(t, "rows")
		cols := rapid.IntRange(5, 300).Draw(t, "cols")
		if rapid.Bool().Draw(t, "w1") { // the 128×128 path and its neighbours
			rows = 4 * rapid.IntRange(2, 32).Draw(t, "rows4")
			cols = rapid.IntRange(60, 128).Draw(t, "cols1")
		}
		lum := make([]float32, rows*cols)
		seed := rapid.Uint64().Draw(t, "seed")
		for i := range lum {
			seed = seed*6364136223846793005 + 1442695040888963407
			lum[i] = luma(uint8(seed>>56), uint8(seed>>48), uint8(seed>>40))
		}
		var got [64][64]float32
		downsample(rows, cols, func(y int, dst []float32) { copy(dst, lum[y*cols:(y+1)*cols]) }, &got)
		want := slowMatrix(slices.Clone(lum), make([]float32, rows*cols), rows, cols)
		for i := range 64 {
			for j := range 64 {
				if math.Float32bits(got[i][j]) != math.Float32bits(want[i][j]) {
					t.Fatalf("%d×%d: [%d][%d] = %v, want %v", cols, rows, i, j, got[i][j], want[i][j])
				}
			}
		}
	})
}
