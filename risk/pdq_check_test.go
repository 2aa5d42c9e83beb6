package risk

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// readable reports whether every pixel of img can be read, without a
// panic, both by the image's own At (which reads every byte of a pixel,
// as PDQ's fast paths do, and for NYCbCrA also the alpha plane, which the
// generated images lay out as their Y plane) and the way the slow
// reference reads it (rgbAt; GrayAt for *image.Gray).
func readable(img image.Image) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, isPaletted := img.(*image.Paletted); !isPaletted {
				_ = img.At(x, y) // (Paletted's At panics on indices past the palette; PDQ reads them as black)
			}
			if g, isGray := img.(*image.Gray); isGray {
				_ = g.GrayAt(x, y)
			} else {
				rgbAt(img, x, y)
			}
		}
	}
	return true
}

// avatarResult is what the three entry points give for one image.
type avatarResult struct {
	Hash             Hash
	Quality          int
	Dihedral         Dihedral
	DihedralQuality  int
	Avatar           Hash
	AvatarQuality    int
	AvatarVariants   Dihedral
	PDQOfPreResize   Hash
	PanickedFunction string
}

// hashAll runs PDQ, PDQDihedral and HashAvatar on img, recording a panic
// instead of crashing the test.
func hashAll(img image.Image) (r avatarResult) {
	step := "PDQ"
	defer func() {
		if p := recover(); p != nil {
			r.PanickedFunction = fmt.Sprintf("%s: %v", step, p)
		}
	}()
	r.Hash, r.Quality = PDQ(img)
	step = "PDQ(PreResize512)"
	r.PDQOfPreResize, _ = PDQ(img, PreResize512(true))
	step = "PDQDihedral"
	r.Dihedral, r.DihedralQuality = PDQDihedral(img)
	step = "HashAvatar"
	a := HashAvatar(img)
	r.Avatar, r.AvatarQuality = a.Hash, a.Quality
	if a.Variants != nil {
		r.AvatarVariants = *a.Variants
	}
	return r
}

// malformedCases are hand-built images whose buffers do not cover their
// Rect; each is large enough (≥ 5×5) that PDQ would otherwise hash it.
func malformedCases() []struct {
	name string
	img  image.Image
} {
	// image.NewYCbCr sizes the chroma planes with Go's truncating
	// division, as COffset indexes them, but x = −1 and x = 0 share chroma
	// column 0 − Min.X/2: a Rect ending at x = 0 (4:2:2) or y = 0 (4:2:0)
	// gets planes one column or row short, and its own YCbCrAt panics.
	ycc422 := image.NewYCbCr(image.Rect(-8, 0, 0, 8), image.YCbCrSubsampleRatio422)
	ycc420 := image.NewYCbCr(image.Rect(0, -8, 8, 0), image.YCbCrSubsampleRatio420)
	// Cut with the capacity too: Go's slicing checks the capacity, so
	// bytes past len but within cap would still be read by At (PDQ counts
	// only len).
	short := func(p []byte, n int) []byte { return p[: len(p)-n : len(p)-n] }
	rgba := image.NewRGBA(image.Rect(0, 0, 8, 8))
	rgba.Pix = short(rgba.Pix, 1)
	nrgba := image.NewNRGBA(image.Rect(-3, -3, 9, 9))
	nrgba.Stride = -48
	gray := image.NewGray(image.Rect(0, 0, 8, 8))
	gray.Stride = 9 // rows overrun the 64-byte Pix
	pal := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White})
	pal.Pix = nil
	nycc := image.NewNYCbCrA(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio444)
	nycc.Cr = short(nycc.Cr, 1)
	y16 := image.NewRGBA64(image.Rect(0, 0, 8, 8))
	y16.Stride = 1 << 62 // rows 2⁶² elements apart: the offsets would overflow
	cmyk := image.NewCMYK(image.Rect(0, 0, 8, 8))
	cmyk.Pix = short(cmyk.Pix, 4*8)
	return []struct {
		name string
		img  image.Image
	}{
		{"newycbcr-422-ending-at-x-0", ycc422},
		{"newycbcr-420-ending-at-y-0", ycc420},
		{"rgba-pix-one-short", rgba},
		{"nrgba-negative-stride", nrgba},
		{"gray-stride-too-large", gray},
		{"paletted-nil-pix", pal},
		{"nycbcra-cr-one-short", nycc},
		{"rgba64-huge-stride", y16},
		{"cmyk-last-row-missing", cmyk},
	}
}

// TestPDQMalformedImages: hand-built images whose buffers do not cover
// their Rect give the zero results from PDQ, PDQDihedral and HashAvatar,
// without a panic, while the same images read through At would panic.
func TestPDQMalformedImages(t *testing.T) {
	for _, c := range malformedCases() {
		t.Run(c.name, func(t *testing.T) {
			if readable(c.img) {
				t.Fatalf("%s: the test image is readable; it tests nothing", c.name)
			}
			if diff := cmp.Diff(avatarResult{}, hashAll(c.img)); diff != "" {
				t.Errorf("%s: want zero results (-want +got):\n%s", c.name, diff)
			}
		})
	}
}

// genRawImage draws an image of one of the standard types with random
// bounds (negative coordinates included), and with probability about one
// half a stride and buffer lengths perturbed from what the image package's
// constructors would give: too short, too long, negative, zero.
func genRawImage(t *rapid.T) image.Image {
	x0 := rapid.IntRange(-9, 9).Draw(t, "x0")
	y0 := rapid.IntRange(-9, 9).Draw(t, "y0")
	w := rapid.IntRange(3, 20).Draw(t, "w")
	h := rapid.IntRange(3, 20).Draw(t, "h")
	r := image.Rect(x0, y0, x0+w, y0+h)
	bent := rapid.Bool().Draw(t, "bent")
	stride := func(name string, s int) int {
		if !bent {
			return s
		}
		switch rapid.IntRange(0, 3).Draw(t, name+"-kind") {
		case 0:
			return s
		case 1:
			return -rapid.IntRange(0, 2*s).Draw(t, name)
		default:
			return max(0, s+rapid.IntRange(-8, 8).Draw(t, name))
		}
	}
	buf := func(name string, p []byte) []byte {
		for i := range p {
			p[i] = byte(i*131 + len(p))
		}
		if !bent {
			return p
		}
		n := max(0, len(p)+rapid.IntRange(-2*len(p)/3, 8).Draw(t, name))
		q := make([]byte, n)
		copy(q, p)
		return q
	}
	switch kind := rapid.IntRange(0, 11).Draw(t, "kind"); kind {
	case 0:
		m := image.NewGray(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 1:
		m := image.NewPaletted(r, color.Palette{color.Black, color.White, color.NRGBA{200, 10, 30, 255}})
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 2:
		m := image.NewRGBA(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 3:
		m := image.NewNRGBA(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 4:
		m := image.NewRGBA64(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 5:
		m := image.NewNRGBA64(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 6:
		m := image.NewGray16(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 7:
		m := image.NewCMYK(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	case 8:
		m := image.NewAlpha(r)
		m.Pix, m.Stride = buf("pix", m.Pix), stride("stride", m.Stride)
		return m
	default:
		ratio := image.YCbCrSubsampleRatio(rapid.IntRange(0, 6).Draw(t, "ratio")) // 6: unknown, read as 4:4:4
		m := image.NewYCbCr(r, ratio)
		if bent && rapid.Bool().Draw(t, "naive-chroma") {
			// Chroma planes of ⌈w/hs⌉ × ⌈h/vs⌉, as a hand-written
			// constructor might size them (too small for some offsets).
			hs, vs := map[image.YCbCrSubsampleRatio][2]int{
				image.YCbCrSubsampleRatio422: {2, 1}, image.YCbCrSubsampleRatio420: {2, 2},
				image.YCbCrSubsampleRatio440: {1, 2}, image.YCbCrSubsampleRatio411: {4, 1},
				image.YCbCrSubsampleRatio410: {4, 2},
			}[ratio][0], 0
			if hs == 0 {
				hs, vs = 1, 1
			} else {
				vs = map[image.YCbCrSubsampleRatio]int{image.YCbCrSubsampleRatio420: 2,
					image.YCbCrSubsampleRatio440: 2, image.YCbCrSubsampleRatio410: 2}[ratio]
				vs = max(vs, 1)
			}
			m.CStride = (w + hs - 1) / hs
			n := m.CStride * ((h + vs - 1) / vs)
			m.Cb, m.Cr = make([]byte, n), make([]byte, n)
		}
		m.Y, m.YStride = buf("y", m.Y), stride("ystride", m.YStride)
		m.Cb, m.Cr, m.CStride = buf("cb", m.Cb), buf("cr", m.Cr), stride("cstride", m.CStride)
		if kind == 11 {
			return &image.NYCbCrA{YCbCr: *m, A: make([]byte, len(m.Y)), AStride: m.YStride}
		}
		return m
	}
}

// propPDQNeverPanics: PDQ, PDQDihedral and HashAvatar never panic; an
// image whose pixels cannot all be read gets the zero results, and one
// whose pixels can gets exactly what the slow reference computes from
// them (so the bounds check rejects nothing readable).
func propPDQNeverPanics(t *rapid.T) {
	img := genRawImage(t)
	got := hashAll(img)
	if got.PanickedFunction != "" {
		t.Fatalf("%T %v: panic in %s", img, img.Bounds(), got.PanickedFunction)
	}
	if ok := readable(img); ok != pixelsInRange(img) {
		t.Fatalf("%T %v: pixelsInRange = %v, but the pixels readable = %v", img, img.Bounds(), !ok, ok)
	} else if !ok {
		if diff := cmp.Diff(avatarResult{}, got); diff != "" {
			t.Fatalf("%T %v: unreadable image, want zero results (-want +got):\n%s", img, img.Bounds(), diff)
		}
		return
	}
	wantH, wantQ := slowPDQ(img)
	if got.Hash != wantH || got.Quality != wantQ || got.Avatar != wantH || got.AvatarQuality != wantQ ||
		got.Dihedral[Original] != wantH || got.DihedralQuality != wantQ {
		t.Fatalf("%T %v: got %v/%d (dihedral %v/%d, avatar %v/%d), want %v/%d", img, img.Bounds(),
			got.Hash, got.Quality, got.Dihedral[Original], got.DihedralQuality, got.Avatar, got.AvatarQuality, wantH, wantQ)
	}
}

func TestPDQNeverPanics(t *testing.T) { rapid.Check(t, propPDQNeverPanics) }

func FuzzPDQNeverPanics(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propPDQNeverPanics)) }

// TestPixelsInRangeWellFormed: images from the image package's
// constructors, and their sub-images, always pass the bounds check.
func TestPixelsInRangeWellFormed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		img := genImage(t)
		if !pixelsInRange(img) {
			t.Fatalf("%T %v: rejected", img, img.Bounds())
		}
		b := img.Bounds()
		x0 := rapid.IntRange(b.Min.X, b.Max.X).Draw(t, "sx0")
		y0 := rapid.IntRange(b.Min.Y, b.Max.Y).Draw(t, "sy0")
		x1 := rapid.IntRange(x0, b.Max.X).Draw(t, "sx1")
		y1 := rapid.IntRange(y0, b.Max.Y).Draw(t, "sy1")
		sub := img.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(x0, y0, x1, y1))
		if !pixelsInRange(sub) {
			t.Fatalf("%T %v: sub-image %v rejected", img, b, sub.Bounds())
		}
	})
}
