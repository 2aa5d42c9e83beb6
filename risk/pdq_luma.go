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

// lumaTable holds the image-independent tables of PDQ's luminance. The one
// instance, lumaTab, is never written: it is generated into
// pdq_luma_table.go by TestLumaTableUpToDate from the formulas below
// (lumaTableOf in pdq_table_test.go), so no work is done at start-up or
// per call.
//
// r, g and b are indexed by 256+v for v in −256..767 and hold the product
// for v clamped to 0..255: cR·0 = 0 below, cR·255 above. The YCbCr path
// indexes them with JFIF's unclamped 16.16 results (v>>16 lies in
// −227..481 for every input), so the table does clamp16's clamping without
// a branch.
type lumaTable struct {
	r, g, b [1024]float32 // cR·v, cG·v, cB·v for clamp(v), each rounded to float32

	// The terms of chroma, by sample value, for YCbCr images (see chroma
	// and ycc): kR = crR[cr] in the low 32 bits and kB = cbB[cb] in the
	// high 32 bits of one uint64, kG = cbG[cb] + crG[cr]; yy[y] is
	// y·0x10101·64 in both halves. (Table look-ups rather than
	// multiplications: the compiler then cannot split the constant
	// lumaOff<<16 off and add it again for every pixel.)
	crR, cbB [256]uint64
	cbG, crG [256]uint32
	yy       [256]uint64
}

// lumaTables are the tables PDQ's luminance reads for one image: the
// shared lumaTab and, for *image.Paletted, the luminance of each palette
// entry (1 KB, on the caller's stack).
type lumaTables struct {
	*lumaTable
	pal [256]float32
}

// lumaOff is the index of sample value 0 in lumaTable's r, g and b.
const lumaOff = 256

// rgb is luma by table look-up: the same float32 products, added in the
// same order.
func (t *lumaTable) rgb(r, g, b uint8) float32 {
	tr := (*[256]float32)(t.r[lumaOff:])
	tg := (*[256]float32)(t.g[lumaOff:])
	tb := (*[256]float32)(t.b[lumaOff:])
	return float32(tr[r]+tg[g]) + tb[b]
}

// init sets the tables for img.
func (t *lumaTables) init(img image.Image) {
	t.lumaTable = &lumaTab
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
		ycbcrRow(m, t.lumaTable, b.Min.X, y, dst)
	case *image.NYCbCrA:
		ycbcrRow(&m.YCbCr, t.lumaTable, b.Min.X, y, dst)
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
		kRB, kG := t.chroma(cb[0], cr[0])
		d0[0], d1[0] = t.ycc(p0[0], kRB, kG), t.ycc(p1[0], kRB, kG)
		d0, d1, p0, p1, cb, cr = d0[1:], d1[1:], p0[1:], p1[1:], cb[1:], cr[1:]
	}
	n := len(d0) &^ 1
	// Blocks of 64 pixels per row as arrays (see ycc2x2Block), then the
	// rest.
	x := 0
	for ; x+ycc2x2Block <= n; x += ycc2x2Block {
		t.ycc2x2Block((*[ycc2x2Block]float32)(d0[x:]), (*[ycc2x2Block]float32)(d1[x:]),
			(*[ycc2x2Block]uint8)(p0[x:]), (*[ycc2x2Block]uint8)(p1[x:]),
			(*[ycc2x2Block / 2]uint8)(cb[x>>1:]), (*[ycc2x2Block / 2]uint8)(cr[x>>1:]))
	}
	if x < n {
		t.ycc2x2(d0[x:n], d1[x:n], p0[x:], p1[x:], cb[x>>1:], cr[x>>1:])
	}
	if n < len(d0) {
		kRB, kG := t.chroma(cb[n>>1], cr[n>>1])
		d0[n], d1[n] = t.ycc(p0[n], kRB, kG), t.ycc(p1[n], kRB, kG)
	}
	return true
}

// ycc2x2 is ycc2 on two rows that share their chroma samples: four pixels
// per chroma sample. (rows2 takes blocks of 64 pixels with ycc2x2Block
// and the rest with ycc2x2.)
func (t *lumaTable) ycc2x2(d0, d1 []float32, p0, p1, cb, cr []uint8) {
	n := len(d0)
	d0, d1, p0, p1 = d0[:n], d1[:n], p0[:n], p1[:n]
	for x := 1; x < n; x += 2 {
		kRB, kG := t.chroma(cb[x>>1], cr[x>>1])
		d0[x-1] = t.ycc(p0[x-1], kRB, kG)
		d0[x] = t.ycc(p0[x], kRB, kG)
		d1[x-1] = t.ycc(p1[x-1], kRB, kG)
		d1[x] = t.ycc(p1[x], kRB, kG)
	}
}

// ycc2x2Block is the number of pixels per row that ycc2x2Block converts.
const ycc2x2Block = 64

// ycc2x2Block is ycc2x2 on one block of ycc2x2Block pixels per row, as
// arrays: the pixels and their chroma samples are addressed from one index,
// with no bounds checks and no loop bound to keep in a register (15 instead
// of 18 instructions per pixel).
func (t *lumaTable) ycc2x2Block(d0, d1 *[ycc2x2Block]float32, p0, p1 *[ycc2x2Block]uint8, cb, cr *[ycc2x2Block / 2]uint8) {
	// Nil checks once, not in every iteration.
	_, _, _, _, _, _, _ = t.r[0], d0[0], d1[0], p0[0], p1[0], cb[0], cr[0]
	for x := 0; x < ycc2x2Block; x += 2 {
		kRB, kG := t.chroma(cb[x>>1], cr[x>>1])
		d0[x] = t.ycc(p0[x], kRB, kG)
		d0[x+1] = t.ycc(p0[x+1], kRB, kG)
		d1[x] = t.ycc(p1[x], kRB, kG)
		d1[x+1] = t.ycc(p1[x+1], kRB, kG)
	}
}

// rgbaRow converts one row of 8-bit RGBA samples p (4 per pixel of dst) to
// luminance; premul says whether the colour is alpha-premultiplied (then
// pixels that are not opaque are un-premultiplied first). Each pixel is
// read as one little-endian uint32 (one bounds check).
func (t *lumaTable) rgbaRow(dst []float32, p []uint8, premul bool) {
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
func (t *lumaTable) premultiplied(v uint32) float32 {
	a := (v >> 24) * 0x101
	return t.rgb(unpremultiply((v&0xff)*0x101, (v>>8&0xff)*0x101, (v>>16&0xff)*0x101, a))
}

// ycbcrRow converts one row of a YCbCr image to luminance, through the RGB
// that color.YCbCrToRGB gives (what image/jpeg's pixels become under
// color.NRGBAModel); x0 and y are absolute coordinates.
func ycbcrRow(m *image.YCbCr, t *lumaTable, x0, y int, dst []float32) {
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
			kRB, kG := t.chroma(cb[x], cr[x])
			dst[x] = t.ycc(yp[x], kRB, kG)
		}
	case 1:
		if x0&1 == 1 && len(dst) > 0 {
			// The first pixel is the right one of its chroma pair.
			kRB, kG := t.chroma(cb[0], cr[0])
			dst[0] = t.ycc(yp[0], kRB, kG)
			dst, yp, cb, cr = dst[1:], yp[1:], cb[1:], cr[1:]
		}
		n := len(dst) &^ 1
		t.ycc2(dst[:n], yp, cb, cr)
		if n < len(dst) {
			kRB, kG := t.chroma(cb[n>>1], cr[n>>1])
			dst[n] = t.ycc(yp[n], kRB, kG)
		}
	default:
		n := len(dst)
		for x := 0; x < n; {
			c := (x0+x)>>shift - x0>>shift
			end := min(n, ((x0+x)>>shift+1)<<shift-x0)
			kRB, kG := t.chroma(cb[c], cr[c])
			for ; x < end; x++ {
				dst[x] = t.ycc(yp[x], kRB, kG)
			}
		}
	}
}

// ycc2 converts pixel pairs that share a chroma sample: pixels 2i and
// 2i+1 of dst and yp (of even length) have chroma sample i (horizontal
// subsampling by 2, the pairs starting at an even x).
func (t *lumaTable) ycc2(dst []float32, yp, cb, cr []uint8) {
	n := len(dst)
	d, p := dst[:n], yp[:n]
	for x := 1; x < n; x += 2 {
		// Indices x−1 and x are in range by the loop condition (no bounds
		// checks, which keeps every value in a register).
		kRB, kG := t.chroma(cb[x>>1], cr[x>>1])
		d[x-1] = t.ycc(p[x-1], kRB, kG)
		d[x] = t.ycc(p[x], kRB, kG)
	}
}

// chroma returns the chroma parts of ycbcrToRGB's three 16.16 sums (R:
// 91881·(cr−128); G: −22554·(cb−128) − 46802·(cr−128), exact in int32;
// B: 116130·(cb−128)), each plus lumaOff<<16 and times 64 (see ycc), by
// table look-up: R's in the low 32 bits of kRB and B's in the high 32
// bits, G's in kG (modulo 2³²). TestYCbCrLumaExhaustive checks every pair
// against chromaTerms.
func (t *lumaTable) chroma(cb, cr uint8) (kRB uint64, kG uint32) {
	return t.crR[cr] + t.cbB[cb], t.cbG[cb] + t.crG[cr]
}

// ycc is luma(ycbcrToRGB(y, cb, cr)) for the chroma terms of cb and cr
// (from chroma). clamp16(v) is v>>16 clamped to 0..255 (v>>16 rounds
// toward −∞), and the tables hold the clamped products at index
// lumaOff + v>>16 = (v + lumaOff<<16)>>16. Everything is scaled by 64:
// (v + lumaOff<<16)·64 lies in [29·2²², 738·2²²) ⊂ [0, 2³²) for each of R,
// G and B, so >>22 gives the index, which the compiler sees is below 1024
// (no bounds check). The R and B sums are formed in one uint64 addition:
// the low half, yy·64 + kR, stays below 2³² and never carries into the
// high half, yy·64 + kB, which stays below 2³² too (kR and kB, unlike
// kG's parts, are never negative). G's uint32 sum is exact despite its
// parts wrapping.
func (t *lumaTable) ycc(y uint8, kRB uint64, kG uint32) float32 {
	yy := t.yy[y]
	rb := yy + kRB
	return float32(t.r[uint32(rb)>>22]+t.g[(uint32(yy)+kG)>>22]) + t.b[rb>>54]
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
