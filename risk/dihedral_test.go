package risk

import (
	"image"
	"testing"

	"pgregory.net/rapid"
)

// transformImage applies variant v to img's pixels (the slow, obvious way).
func transformImage(img image.Image, v Variant) *image.NRGBA {
	b := img.Bounds()
	h, w := b.Dy(), b.Dx()
	oh, ow := h, w
	if v.transposes() {
		oh, ow = w, h
	}
	out := image.NewNRGBA(image.Rect(0, 0, ow, oh))
	for y := range oh {
		for x := range ow {
			sy, sx := v.source(y, x, h, w)
			r, g, bb := rgbAt(img, b.Min.X+sx, b.Min.Y+sy)
			i := out.PixOffset(x, y)
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = r, g, bb, 0xff
		}
	}
	return out
}

// TestHashAvatarVariantsExact: Variants[v] is exactly the PDQ hash of the
// transformed image, for every variant and image type.
func TestHashAvatarVariantsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		img := genImage(t)
		a := HashAvatar(img)
		h, q := PDQ(img)
		if a.Hash != h || a.Quality != q || a.Variants[Original] != h {
			t.Fatalf("HashAvatar = %v/%d, PDQ = %v/%d", a.Hash, a.Quality, h, q)
		}
		for v := Rotate90; v <= FlipMinus1; v++ {
			if g, _ := PDQ(transformImage(img, v)); g != a.Variants[v] {
				t.Fatalf("%v: variant %v, PDQ of the transformed image %v", v, a.Variants[v], g)
			}
		}
	})
}

// TestDihedralNamesAgree: on a photo, the reference's DCT predictions
// (PDQDihedral) are close to the exact variants (HashAvatar) of the same
// name, and far from the others, so both use the same names for the same
// transforms. Upstream reports 0–18 bits between prediction and reality at
// 1600×1004; at 256×256 (window 2) the prediction is off by up to 32 here.
func TestDihedralNamesAgree(t *testing.T) {
	img := decodeTestImage(t, "images/pdq-data/bridge-mods/square-256x256.jpg")
	pred, _ := PDQDihedral(img)
	exact := HashAvatar(img)
	for v := range pred {
		for u := range exact.Variants {
			d := pred[v].Distance(exact.Variants[u])
			if u == v && d > 40 {
				t.Errorf("%v: prediction %d bits from the exact variant", Variant(v), d)
			}
			if u == v {
				t.Logf("%v: prediction %d bits from the exact variant", Variant(v), d)
			}
			if u != v && d <= 2*MatchThreshold {
				t.Errorf("prediction %v within %d bits of exact %v", Variant(v), d, Variant(u))
			}
		}
	}
}

// TestDihedralOnUpstreamFiles: each upstream transformed bridge JPEG matches
// the original's exact variant of that name.
func TestDihedralOnUpstreamFiles(t *testing.T) {
	orig := HashAvatar(decodeTestImage(t, "images/pdq-data/reg-test-input/dih/bridge-1-original.jpg"))
	for _, c := range []struct {
		file string
		v    Variant
	}{
		{"bridge-2-rotate-90.jpg", Rotate90}, {"bridge-3-rotate-180.jpg", Rotate180},
		{"bridge-4-rotate-270.jpg", Rotate270}, {"bridge-5-flipx.jpg", FlipX},
		{"bridge-6-flipy.jpg", FlipY}, {"bridge-7-flip-plus-1.jpg", FlipPlus1},
		{"bridge-8-flip-minus-1.jpg", FlipMinus1},
	} {
		h, q := PDQ(decodeTestImage(t, "images/pdq-data/reg-test-input/dih/"+c.file))
		m := CompareAvatarsDihedral(*orig.Variants, h, orig.Quality, q)
		t.Logf("%s: distance %d via %v (exact %v: %d)", c.file, m.Distance, m.Variant, c.v, orig.Variants[c.v].Distance(h))
		if !m.Match || m.Variant != c.v {
			t.Errorf("%s: %+v, want a match via %v", c.file, m, c.v)
		}
	}
}
