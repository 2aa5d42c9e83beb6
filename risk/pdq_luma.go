package risk

import (
	"encoding/binary"
	"image"
	"image/color"
)

// Rec. 601 luma coefficients as the reference's float32 constants
// (0x3E991687, 0x3F1645A2, 0x3DE978D5); PDQ spec §3.
const (
	lumaR float32 = 0.299
	lumaG float32 = 0.587
	lumaB float32 = 0.114
)

// luma is the reference's RGB luminance: ((cR·R) + (cG·G)) + (cB·B), every
// product and sum rounded to float32 in this order. The explicit float32
// conversions forbid fused multiply-adds (Go spec, "Floating-point
// operators"), which would change the last bit on arm64.
func luma(r, g, b uint8) float32 {
	return float32(float32(lumaR*float32(r))+float32(lumaG*float32(g))) + float32(lumaB*float32(b))
}

// unpremultiply converts alpha-premultiplied 16-bit samples to 8-bit
// non-premultiplied ones exactly as color.NRGBAModel does.
func unpremultiply(r, g, b, a uint32) (uint8, uint8, uint8) {
	switch a {
	case 0xffff:
		return uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)
	case 0:
		return 0, 0, 0
	}
	r = (r * 0xffff) / a
	g = (g * 0xffff) / a
	b = (b * 0xffff) / a
	return uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)
}

// rgbOf returns the 8-bit colour that PDQ hashes for c: the stored colour of
// non-premultiplied colours (alpha ignored, as the reference does), else
// color.NRGBAModel's conversion.
func rgbOf(c color.Color) (uint8, uint8, uint8) {
	switch c := c.(type) {
	case color.NRGBA:
		return c.R, c.G, c.B
	case color.YCbCr:
		return color.YCbCrToRGB(c.Y, c.Cb, c.Cr)
	case color.NYCbCrA:
		return color.YCbCrToRGB(c.Y, c.Cb, c.Cr)
	case color.RGBA:
		return unpremultiply(uint32(c.R)*0x101, uint32(c.G)*0x101, uint32(c.B)*0x101, uint32(c.A)*0x101)
	}
	return unpremultiply(c.RGBA())
}

// rgbAt returns the colour PDQ hashes for pixel (x, y) of img, in absolute
// coordinates. It is the slow path; lumaTables.row must agree with it.
func rgbAt(img image.Image, x, y int) (uint8, uint8, uint8) {
	switch m := img.(type) {
	case *image.NRGBA:
		i := m.PixOffset(x, y)
		return m.Pix[i], m.Pix[i+1], m.Pix[i+2]
	case *image.YCbCr:
		return color.YCbCrToRGB(m.Y[m.YOffset(x, y)], m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)])
	case *image.NYCbCrA:
		return rgbAt(&m.YCbCr, x, y)
	case *image.Paletted:
		if i := m.Pix[m.PixOffset(x, y)]; int(i) < len(m.Palette) && m.Palette[i] != nil {
			return rgbOf(m.Palette[i])
		}
		return 0, 0, 0
	case image.RGBA64Image:
		if mdl := m.ColorModel(); mdl != color.NRGBAModel && mdl != color.NYCbCrAModel {
			c := m.RGBA64At(x, y)
			return unpremultiply(uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A))
		}
	}
	return rgbOf(img.At(x, y))
}

// lumaTables hold the products of luma, per call (no global state; about
// 17 KB, on the caller's stack).
//
// r, g and b are indexed by 256+v for v in −256..767 and hold the product
// for v clamped to 0..255: cR·0 = 0 below, cR·255 above. The YCbCr path
// indexes them with JFIF's unclamped 16.16 results (v>>16 lies in
// −227..481 for every input), so the table does clamp16's clamping without
// a branch.
type lumaTables struct {
	r, g, b [1024]float32 // cR·v, cG·v, cB·v for clamp(v), each rounded to float32
	pal     [256]float32  // luminance of each palette entry, for *image.Paletted

	// The terms of chroma, by sample value, for YCbCr images: kR =
	// crR[cr], kG = cbG[cb] + crG[cr], kB = cbB[cb]. (Table look-ups rather
	// than multiplications: the compiler then cannot split the constant
	// lumaOff<<16 off and add it again for every pixel.)
	crR, cbG, crG, cbB [256]uint32
}

// lumaOff is the index of sample value 0 in lumaTables' r, g and b.
const lumaOff = 256

// rgb is luma by table look-up: the same float32 products, added in the
// same order.
func (t *lumaTables) rgb(r, g, b uint8) float32 {
	tr := (*[256]float32)(t.r[lumaOff:])
	tg := (*[256]float32)(t.g[lumaOff:])
	tb := (*[256]float32)(t.b[lumaOff:])
	return float32(tr[r]+tg[g]) + tb[b]
}

// init fills the tables for img.
func (t *lumaTables) init(img image.Image) {
	for _, tab := range []*[1024]float32{&t.r, &t.g, &t.b} {
		clear(tab[:lumaOff]) // clamped to 0: c·0 = +0
	}
	for v := range 256 {
		f := float32(v)
		t.r[lumaOff+v], t.g[lumaOff+v], t.b[lumaOff+v] = lumaR*f, lumaG*f, lumaB*f
	}
	for i := lumaOff + 256; i < len(t.r); i++ { // clamped to 255
		t.r[i], t.g[i], t.b[i] = t.r[lumaOff+255], t.g[lumaOff+255], t.b[lumaOff+255]
	}
	switch img.(type) {
	case *image.YCbCr, *image.NYCbCrA:
		for v := range 256 {
			d := int32(v) - 128
			t.crR[v], t.cbG[v] = uint32(91881*d+lumaOff<<16)<<6, uint32(-22554*d)<<6
			t.crG[v], t.cbB[v] = uint32(lumaOff<<16-46802*d)<<6, uint32(116130*d+lumaOff<<16)<<6
		}
	}
	pal := &t.pal
	if m, ok := img.(*image.Paletted); ok {
		for i, c := range m.Palette {
			if i == len(pal) {
				break
			}
			if c != nil {
				pal[i] = luma(rgbOf(c))
			}
		}
		// Indices past the palette's end are invalid; color.Palette's At
		// returns nil for them and NRGBAModel would panic. Treat as black
		// (the zero entries), never panic.
	}
}

// row writes the luminance of row y (0-based from the image's top) to dst,
// which has the image's width.
func (t *lumaTables) row(img image.Image, y int, dst []float32) {
	b := img.Bounds()
	y += b.Min.Y
	w := len(dst)
	switch m := img.(type) {
	case *image.Gray:
		// PDQ spec §3: one-channel images take the grey path, L = sample.
		p := m.Pix[m.PixOffset(b.Min.X, y):][:w]
		for x, v := range p {
			dst[x] = float32(v)
		}
	case *image.NRGBA:
		t.rgbaRow(dst, m.Pix[m.PixOffset(b.Min.X, y):][:4*w], false)
	case *image.RGBA:
		t.rgbaRow(dst, m.Pix[m.PixOffset(b.Min.X, y):][:4*w], true)
	case *image.YCbCr:
		ycbcrRow(m, t, b.Min.X, y, dst)
	case *image.NYCbCrA:
		ycbcrRow(&m.YCbCr, t, b.Min.X, y, dst)
	case *image.Paletted:
		p := m.Pix[m.PixOffset(b.Min.X, y):][:w]
		for x, v := range p {
			dst[x] = t.pal[v]
		}
	default:
		for x := range dst {
			dst[x] = t.rgb(rgbAt(m, b.Min.X+x, y))
		}
	}
}

// rows2 writes the luminance of rows y and y+1 (0-based from the image's
// top) to d0 and d1, which have the image's width, if the two rows share
// their chroma samples (4:2:0 YCbCr, y+Min.Y even and non-negative), and
// reports whether it did. The chroma terms are then computed once per four
// pixels.
func (t *lumaTables) rows2(img image.Image, y int, d0, d1 []float32) bool {
	var m *image.YCbCr
	switch im := img.(type) {
	case *image.YCbCr:
		m = im
	case *image.NYCbCrA:
		m = &im.YCbCr
	default:
		return false
	}
	x0, y0 := m.Rect.Min.X, m.Rect.Min.Y+y
	if m.SubsampleRatio != image.YCbCrSubsampleRatio420 || x0 < 0 || y0 < 0 || y0%2 != 0 || len(d1) != len(d0) {
		return false
	}
	// As in ycbcrRow: COffset(x, y) = COffset(Min.X, y) + x/2 − Min.X/2,
	// and rows y0 and y0+1 have the same COffset (y0 even, non-negative).
	c0 := m.COffset(x0, y0)
	cb, cr := m.Cb[c0:], m.Cr[c0:]
	p0 := m.Y[m.YOffset(x0, y0):][:len(d0)]
	p1 := m.Y[m.YOffset(x0, y0+1):][:len(d0)]
	if x0&1 == 1 && len(d0) > 0 {
		// The first pixels are the right ones of their chroma pair.
		kR, kG, kB := t.chroma(cb[0], cr[0])
		d0[0], d1[0] = t.ycc(p0[0], kR, kG, kB), t.ycc(p1[0], kR, kG, kB)
		d0, d1, p0, p1, cb, cr = d0[1:], d1[1:], p0[1:], p1[1:], cb[1:], cr[1:]
	}
	n := len(d0) &^ 1
	t.ycc2x2(d0[:n], d1[:n], p0, p1, cb, cr)
	if n < len(d0) {
		kR, kG, kB := t.chroma(cb[n>>1], cr[n>>1])
		d0[n], d1[n] = t.ycc(p0[n], kR, kG, kB), t.ycc(p1[n], kR, kG, kB)
	}
	return true
}

// ycc2x2 is ycc2 on two rows that share their chroma samples: four pixels
// per chroma sample.
func (t *lumaTables) ycc2x2(d0, d1 []float32, p0, p1, cb, cr []uint8) {
	n := len(d0)
	d0, d1, p0, p1 = d0[:n], d1[:n], p0[:n], p1[:n]
	for x := 1; x < n; x += 2 {
		kR, kG, kB := t.chroma(cb[x>>1], cr[x>>1])
		d0[x-1] = t.ycc(p0[x-1], kR, kG, kB)
		d0[x] = t.ycc(p0[x], kR, kG, kB)
		d1[x-1] = t.ycc(p1[x-1], kR, kG, kB)
		d1[x] = t.ycc(p1[x], kR, kG, kB)
	}
}

// rgbaRow converts one row of 8-bit RGBA samples p (4 per pixel of dst) to
// luminance; premul says whether the colour is alpha-premultiplied (then
// pixels that are not opaque are un-premultiplied first). Each pixel is
// read as one little-endian uint32 (one bounds check).
func (t *lumaTables) rgbaRow(dst []float32, p []uint8, premul bool) {
	tr := (*[256]float32)(t.r[lumaOff:])
	tg := (*[256]float32)(t.g[lumaOff:])
	tb := (*[256]float32)(t.b[lumaOff:])
	if !premul {
		for i := range dst {
			v := binary.LittleEndian.Uint32(p[4*i : 4*i+4 : 4*i+4])
			dst[i] = float32(tr[uint8(v)]+tg[uint8(v>>8)]) + tb[uint8(v>>16)]
		}
		return
	}
	for i := range dst {
		v := binary.LittleEndian.Uint32(p[4*i : 4*i+4 : 4*i+4])
		if v>>24 != 0xff {
			dst[i] = t.premultiplied(v)
			continue
		}
		dst[i] = float32(tr[uint8(v)]+tg[uint8(v>>8)]) + tb[uint8(v>>16)]
	}
}

// premultiplied is the luminance of an alpha-premultiplied RGBA pixel
// (little-endian R, G, B, A) that is not opaque. It is kept out of line so
// that rgbaRow's loop over opaque pixels stays small.
//
//go:noinline
func (t *lumaTables) premultiplied(v uint32) float32 {
	a := (v >> 24) * 0x101
	return t.rgb(unpremultiply((v&0xff)*0x101, (v>>8&0xff)*0x101, (v>>16&0xff)*0x101, a))
}

// ycbcrRow converts one row of a YCbCr image to luminance, through the RGB
// that color.YCbCrToRGB gives (what image/jpeg's pixels become under
// color.NRGBAModel); x0 and y are absolute coordinates.
func ycbcrRow(m *image.YCbCr, t *lumaTables, x0, y int, dst []float32) {
	yp := m.Y[m.YOffset(x0, y):][:len(dst)]
	// Horizontal chroma subsampling: COffset(x, y) = COffset(Min.X, y) +
	// x/hs − Min.X/hs.
	shift := 0 // log2 of the horizontal subsampling
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420:
		shift = 1
	case image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410:
		shift = 2
	}
	hs := 1 << shift
	base := m.COffset(m.Rect.Min.X, y) - m.Rect.Min.X/hs
	if x0 < 0 {
		for x := range dst {
			c := base + (x0+x)/hs
			r, g, b := ycbcrToRGB(yp[x], m.Cb[c], m.Cr[c])
			dst[x] = t.rgb(r, g, b)
		}
		return
	}
	// Non-negative x: the shift equals Go's truncating division, and avoids
	// a hardware divide per pixel. ycbcrToRGB is written out (as
	// chroma and ycc) because a call per pixel cost about as much as
	// the rest of PDQ on 4:2:0 JPEGs, and pixels that share a chroma sample
	// are converted together, so the chroma terms are computed once per
	// sample.
	c0 := base + x0>>shift
	cb, cr := m.Cb[c0:], m.Cr[c0:]
	switch shift {
	case 0:
		cb, cr = cb[:len(dst)], cr[:len(dst)]
		for x := range dst {
			kR, kG, kB := t.chroma(cb[x], cr[x])
			dst[x] = t.ycc(yp[x], kR, kG, kB)
		}
	case 1:
		if x0&1 == 1 && len(dst) > 0 {
			// The first pixel is the right one of its chroma pair.
			kR, kG, kB := t.chroma(cb[0], cr[0])
			dst[0] = t.ycc(yp[0], kR, kG, kB)
			dst, yp, cb, cr = dst[1:], yp[1:], cb[1:], cr[1:]
		}
		n := len(dst) &^ 1
		t.ycc2(dst[:n], yp, cb, cr)
		if n < len(dst) {
			kR, kG, kB := t.chroma(cb[n>>1], cr[n>>1])
			dst[n] = t.ycc(yp[n], kR, kG, kB)
		}
	default:
		n := len(dst)
		for x := 0; x < n; {
			c := (x0+x)>>shift - x0>>shift
			end := min(n, ((x0+x)>>shift+1)<<shift-x0)
			kR, kG, kB := t.chroma(cb[c], cr[c])
			for ; x < end; x++ {
				dst[x] = t.ycc(yp[x], kR, kG, kB)
			}
		}
	}
}

// ycc2 converts pixel pairs that share a chroma sample: pixels 2i and
// 2i+1 of dst and yp (of even length) have chroma sample i (horizontal
// subsampling by 2, the pairs starting at an even x).
func (t *lumaTables) ycc2(dst []float32, yp, cb, cr []uint8) {
	n := len(dst)
	d, p := dst[:n], yp[:n]
	for x := 1; x < n; x += 2 {
		// Indices x−1 and x are in range by the loop condition (no bounds
		// checks, which keeps every value in a register).
		kR, kG, kB := t.chroma(cb[x>>1], cr[x>>1])
		d[x-1] = t.ycc(p[x-1], kR, kG, kB)
		d[x] = t.ycc(p[x], kR, kG, kB)
	}
}

// chroma returns the chroma parts of ycbcrToRGB's three 16.16 sums (R:
// 91881·(cr−128); G: −22554·(cb−128) − 46802·(cr−128), exact in int32;
// B: 116130·(cb−128)), each plus lumaOff<<16 and times 64 modulo 2³² (see
// ycc), by table look-up. init fills the tables for YCbCr images;
// TestYCbCrLumaExhaustive checks every pair against chromaTerms.
func (t *lumaTables) chroma(cb, cr uint8) (kR, kG, kB uint32) {
	return t.crR[cr], t.cbG[cb] + t.crG[cr], t.cbB[cb]
}

// ycc is luma(ycbcrToRGB(y, cb, cr)) for the chroma terms of cb and cr
// (from chroma). clamp16(v) is v>>16 clamped to 0..255 (v>>16 rounds
// toward −∞), and the tables hold the clamped products at index
// lumaOff + v>>16 = (v + lumaOff<<16)>>16. Everything is scaled by 64:
// (v + lumaOff<<16)·64 lies in [29·2²², 738·2²²) ⊂ [0, 2³²), so the uint32
// sum of the scaled terms is exact despite wrapping, and >>22 gives the same
// index while the compiler sees that it is below 1024 (no bounds check).
func (t *lumaTables) ycc(y uint8, kR, kG, kB uint32) float32 {
	yy := uint32(y) * (0x10101 << 6)
	return float32(t.r[(yy+kR)>>22]+t.g[(yy+kG)>>22]) + t.b[(yy+kB)>>22]
}

// ycbcrToRGB equals color.YCbCrToRGB for all 2²⁴ inputs (tested
// exhaustively) and is small enough to inline: JFIF's R = Y + 1.402·(Cr−128),
// G = Y − 0.34414·(Cb−128) − 0.71414·(Cr−128), B = Y + 1.772·(Cb−128) in
// 16.16 fixed point with Y scaled by 0x10101 and results clamped to 0..255.
func ycbcrToRGB(y, cb, cr uint8) (uint8, uint8, uint8) {
	yy := int32(y) * 0x10101
	b1 := int32(cb) - 128
	r1 := int32(cr) - 128
	return clamp16(yy + 91881*r1), clamp16(yy - 22554*b1 - 46802*r1), clamp16(yy + 116130*b1)
}

// clamp16 returns v/65536 clamped to 0..255.
func clamp16(v int32) uint8 {
	if uint32(v) < 1<<24 {
		return uint8(v >> 16)
	}
	if v < 0 {
		return 0
	}
	return 0xff
}

// cliResize512 is the C++ tool's pre-resize (PDQ spec §2): CImg nearest
// neighbour to exactly 512×512, output (x, y) copying input
// (⌊x·W/512⌋, ⌊y·H/512⌋), on the 8-bit samples. Grey stays grey.
func cliResize512(img image.Image) image.Image {
	const n = 512
	b := img.Bounds()
	W, H := b.Dx(), b.Dy()
	if g, ok := img.(*image.Gray); ok {
		out := image.NewGray(image.Rect(0, 0, n, n))
		for y := range n {
			sy := b.Min.Y + y*H/n
			for x := range n {
				out.Pix[y*n+x] = g.GrayAt(b.Min.X+x*W/n, sy).Y
			}
		}
		return out
	}
	out := image.NewNRGBA(image.Rect(0, 0, n, n))
	for y := range n {
		sy := b.Min.Y + y*H/n
		for x := range n {
			r, g, bb := rgbAt(img, b.Min.X+x*W/n, sy)
			i := 4 * (y*n + x)
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = r, g, bb, 0xff
		}
	}
	return out
}
