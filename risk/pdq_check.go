package risk

import "image"

// pixelsInRange reports whether every buffer index that PDQ will read for
// img's pixels is inside its buffers. Go's image types trust their fields:
// a hand-built value whose Pix, Stride or planes do not fit its Rect (a
// truncated Pix, a negative stride, or a YCbCr whose chroma planes are
// smaller than the truncating COffset needs, such as Rect(−1, 0, 0, 1) at
// 4:2:2) would make PDQ, and the image's own At, index past a slice. PDQ
// gives such an image the zero Hash and quality 0 instead of panicking.
//
// The buffers' lengths count, not their capacities: bytes past len(Pix)
// are missing even where reslicing could reach them.
//
// The checks are cheap: offsets grow monotonically with x and y, so only
// the first and last rows and the row length matter. Types read through
// At that are not the standard library's are the caller's responsibility.
func pixelsInRange(img image.Image) bool {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	if w <= 0 || h <= 0 {
		return true // nothing is read (PDQ rejects it as too small)
	}
	switch m := img.(type) {
	case *image.Gray:
		return rowsInRange(m.Stride, h, w, 1, len(m.Pix))
	case *image.Paletted:
		return rowsInRange(m.Stride, h, w, 1, len(m.Pix))
	case *image.Alpha:
		return rowsInRange(m.Stride, h, w, 1, len(m.Pix))
	case *image.Gray16:
		return rowsInRange(m.Stride, h, w, 2, len(m.Pix))
	case *image.Alpha16:
		return rowsInRange(m.Stride, h, w, 2, len(m.Pix))
	case *image.RGBA:
		return rowsInRange(m.Stride, h, w, 4, len(m.Pix))
	case *image.NRGBA:
		return rowsInRange(m.Stride, h, w, 4, len(m.Pix))
	case *image.CMYK:
		return rowsInRange(m.Stride, h, w, 4, len(m.Pix))
	case *image.RGBA64:
		return rowsInRange(m.Stride, h, w, 8, len(m.Pix))
	case *image.NRGBA64:
		return rowsInRange(m.Stride, h, w, 8, len(m.Pix))
	case *image.YCbCr:
		return ycbcrInRange(m)
	case *image.NYCbCrA:
		return ycbcrInRange(&m.YCbCr) // alpha is not read
	}
	return true
}

// ycbcrInRange is pixelsInRange for the Y, Cb and Cr planes of m, with the
// chroma indices that COffset gives (image.YCbCr's own rule, which PDQ's
// fast paths reproduce): pixel (x, y) reads chroma row y/vs − Min.Y/vs and
// column x/hs − Min.X/hs, Go's division truncating toward zero. Both grow
// with x and y, so the first and last pixel bound them.
func ycbcrInRange(m *image.YCbCr) bool {
	r := m.Rect
	w, h := r.Dx(), r.Dy()
	if !rowsInRange(m.YStride, h, w, 1, len(m.Y)) {
		return false
	}
	hs, vs := 1, 1 // chroma subsampling, as COffset's cases
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		hs = 2
	case image.YCbCrSubsampleRatio420:
		hs, vs = 2, 2
	case image.YCbCrSubsampleRatio440:
		vs = 2
	case image.YCbCrSubsampleRatio411:
		hs = 4
	case image.YCbCrSubsampleRatio410:
		hs, vs = 4, 2
	}
	cw := (r.Max.X-1)/hs - r.Min.X/hs + 1
	ch := (r.Max.Y-1)/vs - r.Min.Y/vs + 1
	return cw > 0 && ch > 0 &&
		rowsInRange(m.CStride, ch, cw, 1, len(m.Cb)) &&
		rowsInRange(m.CStride, ch, cw, 1, len(m.Cr))
}

// rowsInRange reports whether h rows of w pixels of bpp elements each,
// the first at offset 0 and row k at k·stride, lie inside a buffer of size
// elements, without overflowing int on hostile fields.
func rowsInRange(stride, h, w, bpp, size int) bool {
	if h <= 0 || w <= 0 || w > size/bpp {
		return false
	}
	n := w * bpp // elements per row, ≤ size
	if h == 1 {
		return true
	}
	// Rows 0 and h−1 both start in [0, size−n], so the rows span at most
	// size elements: stride·(h−1) ≤ size−n, checked by division.
	return stride >= 0 && (stride == 0 || h-1 <= (size-n)/stride)
}
