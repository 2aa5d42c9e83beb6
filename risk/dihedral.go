package risk

import "image"

// HashAvatar hashes an avatar image for storage in a [Profile]: its [PDQ]
// hash and quality, and in Variants the PDQ hashes of the image's eight
// rotations and flips, so that [Index] and [CompareAvatarsDihedral] also
// find mirrored and rotated copies.
//
// Unlike [PDQDihedral], which predicts the variants from one DCT as the
// reference does, HashAvatar hashes each transformed image (the luminance is
// computed once and read in transformed order): Variants[v] is exactly
// PDQ(v applied to img). PDQ's box filter and sampling grid are not
// symmetric (even windows reach one pixel further right and down), so the
// DCT prediction of a mirror image is off by 16–48 bits on sharp synthetic
// avatars (TestPDQRobustness) and 0–18 on photos, while a real mirrored copy
// is within a few bits of the exact variant. It costs about eight times
// [PDQ] and allocates the luminance and the Variants array besides PDQ's
// buffer.
//
// Images that PDQ gives the zero Hash and quality 0 (too small, or
// malformed: pixel buffers that do not cover the Rect, see [PDQ]) get the
// zero Hash, quality 0 and eight zero Variants; HashAvatar does not panic
// on them.
func HashAvatar(img image.Image, opts ...PDQOption) Avatar {
	if !pixelsInRange(img) {
		return Avatar{Variants: &Dihedral{}}
	}
	if options(opts).preResize512 {
		if b := img.Bounds(); b.Dx() > 512 || b.Dy() > 512 {
			img = cliResize512(img)
		}
	}
	b := img.Bounds()
	rows, cols := b.Dy(), b.Dx()
	if rows < 5 || cols < 5 {
		return Avatar{Variants: &Dihedral{}}
	}
	var lt lumaTables
	lt.init(img)
	lum := make([]float32, rows*cols)
	for y := range rows {
		lt.row(img, y, lum[y*cols:(y+1)*cols])
	}
	var d Dihedral
	quality := 0
	for v := Original; v <= FlipMinus1; v++ {
		r, c := rows, cols
		if v.transposes() {
			r, c = cols, rows
		}
		var a [64][64]float32
		downsample(r, c, func(y int, dst []float32) {
			for x := range dst {
				sy, sx := v.source(y, x, rows, cols)
				dst[x] = lum[sy*cols+sx]
			}
		}, &a)
		if v == Original {
			quality = imageQuality(&a)
		}
		var dct [16][16]float32
		dct64To16(&a, &dct)
		d[v] = threshold(&dct)
	}
	return Avatar{Hash: d[Original], Quality: quality, Variants: &d}
}

// transposes reports whether v swaps width and height.
func (v Variant) transposes() bool {
	return v == Rotate90 || v == Rotate270 || v == FlipPlus1 || v == FlipMinus1
}

// source maps pixel (y, x) of variant v of an h×w image to the original
// image's pixel.
func (v Variant) source(y, x, h, w int) (int, int) {
	switch v {
	case Rotate90: // counter-clockwise: the right column becomes the top row
		return x, w - 1 - y
	case Rotate180:
		return h - 1 - y, w - 1 - x
	case Rotate270: // clockwise
		return h - 1 - x, y
	case FlipX:
		return h - 1 - y, x
	case FlipY:
		return y, w - 1 - x
	case FlipPlus1:
		return x, y
	case FlipMinus1:
		return h - 1 - x, w - 1 - y
	}
	return y, x
}
