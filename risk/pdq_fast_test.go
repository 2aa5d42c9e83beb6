package risk

import (
	"image"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// TestPDQAvatarSizesMatchSlow: PDQ equals the plain transcription of the
// spec (slowPDQ) on random 4:2:0 JPEG-like images (*image.YCbCr and
// *image.NYCbCrA, any bounds offset) of the sizes around 128×128 whose
// fast paths are separate: windows of 1 both ways with rows in fours or
// not and 60 to 128 columns (downsampleW1, boxRows34W1), and luminance
// rows of 64 or more pixels (ycc2x2's blocks) up to 260 wide (window 3).
func TestPDQAvatarSizesMatchSlow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.IntRange(60, 260).Draw(t, "w")
		h := rapid.IntRange(5, 140).Draw(t, "h")
		if rapid.Bool().Draw(t, "w1") {
			w = rapid.IntRange(60, 128).Draw(t, "w1w")
			h = 4 * rapid.IntRange(2, 32).Draw(t, "w1h4")
		}
		x0 := rapid.IntRange(-3, 3).Draw(t, "x0")
		y0 := rapid.IntRange(-3, 3).Draw(t, "y0")
		r := image.Rect(x0, y0, x0+w, y0+h)
		var img image.Image
		var planes [][]byte
		if rapid.Bool().Draw(t, "nycbcra") {
			m := image.NewNYCbCrA(r, image.YCbCrSubsampleRatio420)
			img, planes = m, [][]byte{m.Y, m.Cb, m.Cr, m.A}
		} else {
			m := image.NewYCbCr(r, image.YCbCrSubsampleRatio420)
			img, planes = m, [][]byte{m.Y, m.Cb, m.Cr}
		}
		s := rapid.Uint64().Draw(t, "seed")
		smooth := rapid.Bool().Draw(t, "smooth") // photo-like: neighbours close
		for _, p := range planes {
			v := byte(s >> 56)
			for i := range p {
				s = s*6364136223846793005 + 1442695040888963407
				if smooth {
					v += byte(s>>60) - 8
				} else {
					v = byte(s >> 56)
				}
				p[i] = v
			}
		}
		h1, q1 := PDQ(img)
		h2, q2 := slowPDQ(img)
		if h1 != h2 || q1 != q2 {
			t.Fatalf("%T %v: fast %v/%d, slow %v/%d", img, r, h1, q1, h2, q2)
		}
	})
}

// TestBoxRows34W1x2MatchesBoxRows34W1: the 128-column form gives the same
// bits as the general kept-column loop, output rows and carried column
// state, over several consecutive groups of four rows.
func TestBoxRows34W1x2MatchesBoxRows34W1(t *testing.T) {
	var xs [64]int
	for i := range xs {
		xs[i] = int((float64(i) + 0.5) * 128 / 64)
	}
	rapid.Check(t, func(t *rapid.T) {
		var src [4 * 129]float32
		var st1, st2 [128]float32
		seed := rapid.Uint64().Draw(t, "seed")
		for g := range rapid.IntRange(1, 4).Draw(t, "groups") {
			for r := range 4 {
				for m := range 128 {
					seed = seed*6364136223846793005 + 1442695040888963407
					src[129*r+1+m] = float32(seed>>44) / 4099 // 0 .. 2²⁰/4099
				}
			}
			var want, got [256]float32
			boxRows34W1(&want, &st1, &src, &xs)
			boxRows34W1x2(&got, &st2, &src)
			for i := range want {
				if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
					t.Fatalf("group %d: output %d = %v, want %v", g, i, got[i], want[i])
				}
			}
			for i := range st1 {
				if math.Float32bits(st2[i]) != math.Float32bits(st1[i]) {
					t.Fatalf("group %d: state %d = %v, want %v", g, i, st2[i], st1[i])
				}
			}
		}
	})
}
