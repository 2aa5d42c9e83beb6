package risk

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

func TestLumaCoefficients(t *testing.T) {
	for _, c := range []struct {
		name string
		v    float32
		bits uint32
	}{{"R", lumaR, 0x3E991687}, {"G", lumaG, 0x3F1645A2}, {"B", lumaB, 0x3DE978D5}} {
		if got := math.Float32bits(c.v); got != c.bits {
			t.Errorf("luma %s = %#x, want %#x (PDQ spec §3)", c.name, got, c.bits)
		}
	}
}

func TestYCbCrToRGBExhaustive(t *testing.T) {
	for i := range 1 << 24 {
		y, cb, cr := uint8(i>>16), uint8(i>>8), uint8(i)
		r0, g0, b0 := color.YCbCrToRGB(y, cb, cr)
		r1, g1, b1 := ycbcrToRGB(y, cb, cr)
		if r0 != r1 || g0 != g1 || b0 != b1 {
			t.Fatalf("ycbcrToRGB(%d, %d, %d) = %d %d %d, color.YCbCrToRGB gives %d %d %d", y, cb, cr, r1, g1, b1, r0, g0, b0)
		}
	}
}

func TestLumaTablesMatchLuma(t *testing.T) {
	var lt lumaTables
	lt.init(image.NewGray(image.Rect(0, 0, 1, 1)))
	rapid.Check(t, func(t *rapid.T) {
		r, g, b := rapid.Uint8().Draw(t, "r"), rapid.Uint8().Draw(t, "g"), rapid.Uint8().Draw(t, "b")
		if x, y := lt.rgb(r, g, b), luma(r, g, b); math.Float32bits(x) != math.Float32bits(y) {
			t.Fatalf("table luma %v != luma %v", x, y)
		}
	})
}

// opaque hides an image's concrete type, so PDQ takes its generic At path.
type opaque struct{ image.Image }

// genImage draws a small image of one of the types with a fast path, with
// random size, offset bounds and pixels.
func genImage(t *rapid.T) image.Image {
	w := rapid.IntRange(5, 80).Draw(t, "w")
	h := rapid.IntRange(5, 80).Draw(t, "h")
	x0 := rapid.IntRange(-3, 3).Draw(t, "x0")
	y0 := rapid.IntRange(-3, 3).Draw(t, "y0")
	r := image.Rect(x0, y0, x0+w, y0+h)
	seed := rapid.Uint64().Draw(t, "seed")
	fill := func(p []byte) {
		s := seed
		for i := range p {
			s = s*6364136223846793005 + 1442695040888963407
			p[i] = byte(s >> 56)
		}
	}
	switch rapid.IntRange(0, 5).Draw(t, "kind") {
	case 0:
		m := image.NewNRGBA(r)
		fill(m.Pix)
		return m
	case 1:
		m := image.NewRGBA(r)
		fill(m.Pix)
		for i := 0; i < len(m.Pix); i += 4 { // keep it validly premultiplied
			a := m.Pix[i+3]
			m.Pix[i], m.Pix[i+1], m.Pix[i+2] = min(m.Pix[i], a), min(m.Pix[i+1], a), min(m.Pix[i+2], a)
		}
		return m
	case 2:
		ratio := []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
			image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411,
			image.YCbCrSubsampleRatio410}[rapid.IntRange(0, 5).Draw(t, "ratio")]
		m := image.NewYCbCr(r, ratio)
		fill(m.Y)
		fill(m.Cb)
		fill(m.Cr)
		return m
	case 3:
		m := image.NewNYCbCrA(r, image.YCbCrSubsampleRatio420)
		fill(m.Y)
		fill(m.Cb)
		fill(m.Cr)
		fill(m.A)
		return m
	case 4:
		pal := make(color.Palette, rapid.IntRange(1, 256).Draw(t, "palette"))
		var c [4]byte
		for i := range pal {
			fill(c[:])
			seed++
			pal[i] = color.NRGBA{c[0], c[1], c[2], c[3]}
		}
		m := image.NewPaletted(r, pal)
		fill(m.Pix)
		for i := range m.Pix {
			m.Pix[i] = byte(int(m.Pix[i]) % len(pal))
		}
		return m
	default:
		m := image.NewRGBA64(r)
		fill(m.Pix)
		for i := 0; i < len(m.Pix); i += 8 {
			copy(m.Pix[i+6:i+8], []byte{0xff, 0xff})
		}
		return m
	}
}

// TestPDQFastPathsMatchGeneric: every fast path computes the same hash and
// quality as the generic At path (the *image.Gray grey path is the one
// intended difference and is checked by the conformance vectors).
func TestPDQFastPathsMatchGeneric(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		img := genImage(t)
		h1, q1 := PDQ(img)
		h2, q2 := PDQ(opaque{img})
		if h1 != h2 || q1 != q2 {
			t.Fatalf("%T: fast %v/%d, generic %v/%d", img, h1, q1, h2, q2)
		}
	})
}

func TestPDQTooSmall(t *testing.T) {
	for _, r := range []image.Rectangle{image.Rect(0, 0, 4, 100), image.Rect(0, 0, 100, 4), image.Rect(0, 0, 0, 0)} {
		h, q := PDQ(image.NewGray(r))
		d, qd := PDQDihedral(image.NewGray(r))
		if h != (Hash{}) || q != 0 || d != (Dihedral{}) || qd != 0 {
			t.Errorf("PDQ(%v) = %v, %d; dihedral quality %d; want zero", r, h, q, qd)
		}
	}
}

// TestPDQAllocs: the number of allocations does not depend on image size.
func TestPDQAllocs(t *testing.T) {
	for _, n := range []int{16, 100, 300, 700} {
		r := image.Rect(0, 0, n, n)
		for _, img := range []image.Image{image.NewGray(r), image.NewRGBA(r), image.NewNRGBA(r),
			image.NewYCbCr(r, image.YCbCrSubsampleRatio420), image.NewPaletted(r, color.Palette{color.Black})} {
			if got := testing.AllocsPerRun(3, func() { PDQ(img) }); got != 1 {
				t.Errorf("PDQ(%T %dx%d): %v allocations, want 1", img, n, n, got)
			}
		}
	}
}

func TestVariantString(t *testing.T) {
	var got []string
	for v := range Variant(9) {
		got = append(got, v.String())
	}
	want := "original rotate90 rotate180 rotate270 flipx flipy flipplus1 flipminus1 invalid"
	if s := joinStrings(got); s != want {
		t.Errorf("Variant names = %q, want %q", s, want)
	}
}

func joinStrings(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

// TestSelectKth: selectKth returns the k-th smallest value, as sorting
// would, on slices with many ties, for every k.
func TestSelectKth(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 300).Draw(t, "n")
		levels := rapid.IntRange(1, 1000).Draw(t, "levels")
		s := make([]float32, n)
		for i := range s {
			s[i] = float32(rapid.IntRange(-levels, levels).Draw(t, "v")) / 7
		}
		sorted := slices.Clone(s)
		slices.Sort(sorted)
		k := rapid.IntRange(0, n-1).Draw(t, "k")
		if got := selectKth(slices.Clone(s), k); got != sorted[k] {
			t.Fatalf("selectKth(%v, %d) = %v, want %v", s, k, got, sorted[k])
		}
	})
}

// TestPDQBufferSize: the filter passes are streamed, so PDQ's buffer grows
// with the width and the window, not with the pixel count (the bound in
// PDQ's documentation).
func TestPDQBufferSize(t *testing.T) {
	if pdqRace {
		t.Skip("the race detector adds its own allocations")
	}
	for _, r := range []image.Rectangle{image.Rect(0, 0, 128, 128), image.Rect(0, 0, 512, 512),
		image.Rect(0, 0, 2000, 2000), image.Rect(0, 0, 3000, 200), image.Rect(0, 0, 200, 3000)} {
		img := image.NewGray(r)
		w, h := r.Dx(), r.Dy()
		limit := 4*((h/128+20)*w+64*(h/128+8)) + 8192 // floats to bytes, plus size-class slack
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		PDQ(img)
		runtime.ReadMemStats(&after)
		if got := after.TotalAlloc - before.TotalAlloc; got > uint64(limit) {
			t.Errorf("PDQ(%v): %d bytes allocated, want at most %d", r, got, limit)
		}
	}
}

// TestYCbCrRowMatchesRGBAt: the YCbCr luminance fast path (clamping by
// table, chroma terms shared by the pixels of one chroma sample) gives the
// same float32 bits as luma of color.YCbCrToRGB, per pixel, for every
// subsample ratio Go supports, odd and negative bounds and random samples
// (the full 0..255 range, so the clamps are exercised).
func TestYCbCrRowMatchesRGBAt(t *testing.T) {
	ratios := []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411,
		image.YCbCrSubsampleRatio410}
	rapid.Check(t, func(t *rapid.T) {
		ratio := ratios[rapid.IntRange(0, len(ratios)-1).Draw(t, "ratio")]
		x0 := rapid.IntRange(-9, 9).Draw(t, "x0")
		y0 := rapid.IntRange(-9, 9).Draw(t, "y0")
		w := rapid.IntRange(1, 160).Draw(t, "w") // ycc2x2 takes blocks of 64 pixels
		h := rapid.IntRange(1, 6).Draw(t, "h")
		m := image.NewYCbCr(image.Rect(x0, y0, x0+w, y0+h), ratio)
		for _, p := range [][]byte{m.Y, m.Cb, m.Cr} {
			for i := range p {
				p[i] = rapid.Uint8().Draw(t, "sample")
			}
		}
		want, ok := ycbcrLumaAt(m)
		if !ok {
			// image.YCbCr's COffset divides by the subsampling with
			// truncation, so some rectangles with negative odd bounds index
			// past their own chroma planes, in YCbCrAt as well.
			t.Skip("Go's image.YCbCr cannot address this rectangle")
		}
		var img image.Image = m
		if rapid.Bool().Draw(t, "nycbcra") {
			img = &image.NYCbCrA{YCbCr: *m, A: make([]byte, w*h), AStride: w}
		}
		var lt lumaTables
		lt.init(img)
		dst := make([]float32, w)
		for y := range h {
			lt.row(img, y, dst)
			for x, got := range dst {
				if want := want[y*w+x]; math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("%v %v: pixel (%d, %d) luma %v, want %v", ratio, m.Rect, x0+x, y0+y, got, want)
				}
			}
		}
		// The two-row path, where it applies (4:2:0, rows sharing chroma).
		d1 := make([]float32, w)
		for y := 0; y+1 < h; y++ {
			if !lt.rows2(img, y, dst, d1) {
				continue
			}
			for x := range w {
				for k, got := range []float32{dst[x], d1[x]} {
					if want := want[(y+k)*w+x]; math.Float32bits(got) != math.Float32bits(want) {
						t.Fatalf("%v %v: rows2 pixel (%d, %d) luma %v, want %v", ratio, m.Rect, x0+x, y0+y+k, got, want)
					}
				}
			}
		}
	})
}

// chromaTerms is the plain form of lumaTables.chroma (without the scaling by
// 64): the chroma parts of ycbcrToRGB's three 16.16 sums, each plus
// lumaOff<<16, so that (yy+k)>>16 is the lumaTables index (always in
// 29..737, see lumaTables).
//
// ycbcrToRGB's G is yy − 22554·b1 − 46802·r1 = yy + (−22554·b1 − 46802·r1):
// int32 arithmetic is exact here (no term comes near overflow).
func chromaTerms(cb, cr uint8) (kR, kG, kB int32) {
	b1, r1 := int32(cb)-128, int32(cr)-128
	return 91881*r1 + lumaOff<<16, lumaOff<<16 - 22554*b1 - 46802*r1, 116130*b1 + lumaOff<<16
}

// ycbcrLumaAt returns luma(color.YCbCrToRGB(m.YCbCrAt(x, y))) for every pixel
// in row-major order, or ok == false if YCbCrAt panics.
func ycbcrLumaAt(m *image.YCbCr) (l []float32, ok bool) {
	defer func() {
		if recover() != nil {
			l, ok = nil, false
		}
	}()
	for y := m.Rect.Min.Y; y < m.Rect.Max.Y; y++ {
		for x := m.Rect.Min.X; x < m.Rect.Max.X; x++ {
			c := m.YCbCrAt(x, y)
			l = append(l, luma(color.YCbCrToRGB(c.Y, c.Cb, c.Cr)))
		}
	}
	return l, true
}

// TestYCbCrLumaExhaustive: the chroma tables equal chromaTerms (times 64),
// and the table-clamped ycc equals luma of color.YCbCrToRGB, for all 2²⁴
// (Y, Cb, Cr).
func TestYCbCrLumaExhaustive(t *testing.T) {
	if testing.Short() {
		t.Skip("2²⁴ conversions")
	}
	var lt lumaTables
	lt.init(image.NewYCbCr(image.Rect(0, 0, 1, 1), image.YCbCrSubsampleRatio444))
	for c := range 1 << 16 {
		cb, cr := uint8(c>>8), uint8(c)
		r, g, b := chromaTerms(cb, cr)
		kRB, kG := lt.chroma(cb, cr)
		if kRB != uint64(uint32(r)<<6)|uint64(uint32(b)<<6)<<32 || kG != uint32(g)<<6 {
			t.Fatalf("chroma(%d, %d) = %#x %#x, want %d %d %d times 64", cb, cr, kRB, kG, r, g, b)
		}
		for y := range 256 {
			got, want := lt.ycc(uint8(y), kRB, kG), luma(color.YCbCrToRGB(uint8(y), cb, cr))
			if math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("ycc(%d, %d, %d) = %v, want %v", y, cb, cr, got, want)
			}
		}
	}
}

// TestRGBARowMatchesRGBAt: the RGBA and NRGBA luminance rows (one uint32
// load per pixel, premultiplied pixels out of line) give the same float32
// bits per pixel as luma of rgbAt's colour, for random samples with random
// alpha (validly premultiplied for RGBA) and offset bounds.
func TestRGBARowMatchesRGBAt(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x0 := rapid.IntRange(-5, 5).Draw(t, "x0")
		y0 := rapid.IntRange(-5, 5).Draw(t, "y0")
		w := rapid.IntRange(1, 30).Draw(t, "w")
		h := rapid.IntRange(1, 4).Draw(t, "h")
		r := image.Rect(x0, y0, x0+w, y0+h)
		opaqueOnly := rapid.Bool().Draw(t, "opaque")
		var img image.Image
		var pix []byte
		if rapid.Bool().Draw(t, "nrgba") {
			m := image.NewNRGBA(r)
			img, pix = m, m.Pix
		} else {
			m := image.NewRGBA(r)
			img, pix = m, m.Pix
		}
		for i := 0; i < len(pix); i += 4 {
			a := uint8(0xff)
			if !opaqueOnly {
				a = rapid.Uint8().Draw(t, "a")
			}
			for k := range 3 {
				pix[i+k] = rapid.Uint8().Draw(t, "c")
				if _, ok := img.(*image.RGBA); ok {
					pix[i+k] = min(pix[i+k], a)
				}
			}
			pix[i+3] = a
		}
		var lt lumaTables
		lt.init(img)
		dst := make([]float32, w)
		for y := range h {
			lt.row(img, y, dst)
			for x, got := range dst {
				if want := luma(rgbAt(img, x0+x, y0+y)); math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("%T %v: pixel (%d, %d) luma %v, want %v", img, r, x0+x, y0+y, got, want)
				}
			}
		}
	})
}
