package risk

import (
	"image"
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
