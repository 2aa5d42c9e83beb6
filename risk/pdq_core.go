package risk

import (
	"image"
	"slices"
)

// downsample computes the reference's 64×64 luminance matrix of img (PDQ spec
// §3, §5, §6): luminance, two rounds of (box filter along rows, box filter
// along columns), then point sampling.
//
// The reference filters whole columns one at a time, walking memory with a
// stride of one image row. Here every column pass runs row by row with one
// running sum per column, which performs the same float32 operations in the
// same order per column (so the same bits) but reads memory sequentially.
// Only what the output needs is computed: the second column pass runs on the
// 64 sampled columns and writes the 64 sampled rows.
func downsample(img image.Image, a *[64][64]float32) {
	b := img.Bounds()
	rows, cols := b.Dy(), b.Dx()
	var pal [256]float32
	src := newLumaSource(img, &pal)
	if rows == 64 && cols == 64 {
		// The reference skips the filter for 64×64 input. This is not a
		// no-op elsewhere: a window-1 running sum still rounds.
		for y := range 64 {
			src.row(y, a[y][:])
		}
		return
	}
	wRow := (cols + 127) / 128 // window along rows: ⌈cols/128⌉
	wCol := (rows + 127) / 128 // window along columns: ⌈rows/128⌉

	// One allocation: pass-1 output, per-column sums, two row buffers, and
	// the rows×64 sampled columns of pass 3.
	// The sums and rowA serve pass 4 too, so they hold at least 64 values.
	wide := max(cols, 64)
	buf := make([]float32, rows*cols+2*wide+cols+rows*64)
	p1, buf := buf[:rows*cols], buf[rows*cols:]
	sums, buf := buf[:wide], buf[wide:]
	rowA, buf := buf[:wide], buf[wide:]
	rowB, p3 := buf[:cols], buf[cols:]

	var xs, ys [64]int
	for i := range 64 {
		xs[i] = int((float64(i) + 0.5) * float64(cols) / 64)
		ys[i] = int((float64(i) + 0.5) * float64(rows) / 64)
	}

	// Pass 1: luminance row by row, box filter along the row.
	for y := range rows {
		src.row(y, rowA[:cols])
		boxRow(p1[y*cols:(y+1)*cols], rowA[:cols], wRow)
	}
	// Pass 2 (columns) streamed into pass 3 (rows); keep the sampled columns.
	boxColumns(p1, cols, rows, wCol, sums[:cols], func(i int, out []float32) {
		boxRow(rowB, out, wRow)
		dst := p3[i*64 : i*64+64]
		for j, x := range xs {
			dst[j] = rowB[x]
		}
	}, rowA[:cols])
	// Pass 4: columns of the 64 sampled columns; keep the sampled rows.
	next := 0
	boxColumns(p3, 64, rows, wCol, sums[:64], func(i int, out []float32) {
		for next < 64 && ys[next] == i {
			copy(a[next][:], out)
			next++
		}
	}, rowA[:64])
}

// boxRow is the reference's one-dimensional box filter (PDQ spec §5) of src
// into dst with window w: a float32 running sum, the window cut off at the
// ends, every output a division by the number of samples inside.
func boxRow(dst, src []float32, w int) {
	n := len(src)
	dst = dst[:n]
	h := (w + 2) / 2 // samples at and right of the centre
	back := w - h + 1
	var sum float32
	cnt := 0
	for k := 0; k < h-1; k++ {
		sum += src[k]
		cnt++
	}
	i := 0
	for ; i < back; i++ {
		sum += src[i+h-1]
		cnt++
		dst[i] = sum / float32(cnt)
	}
	fw := float32(w)
	for ; i <= n-h; i++ {
		// Add the entering sample, then subtract the leaving one.
		sum += src[i+h-1]
		sum -= src[i-back]
		dst[i] = sum / fw
	}
	for ; i < n; i++ {
		sum -= src[i-back]
		cnt--
		dst[i] = sum / float32(cnt)
	}
}

// boxColumns runs boxRow's filter down every column of m (rows × cols,
// row-major) at once, keeping one running sum per column in sums, and calls
// emit with each output row in order (in out, reused between calls).
func boxColumns(m []float32, cols, rows, w int, sums []float32, emit func(i int, out []float32), out []float32) {
	h := (w + 2) / 2
	back := w - h + 1
	clear(sums)
	row := func(k int) []float32 { return m[k*cols : k*cols+cols] }
	cnt := 0
	for k := 0; k < h-1; k++ {
		addRow(sums, row(k))
		cnt++
	}
	i := 0
	for ; i < back; i++ {
		addRow(sums, row(i+h-1))
		cnt++
		divRow(out, sums, float32(cnt))
		emit(i, out)
	}
	fw := float32(w)
	for ; i <= rows-h; i++ {
		addSubRow(sums, row(i+h-1), row(i-back))
		divRow(out, sums, fw)
		emit(i, out)
	}
	for ; i < rows; i++ {
		subRow(sums, row(i-back))
		cnt--
		divRow(out, sums, float32(cnt))
		emit(i, out)
	}
}

func addRow(s, x []float32) {
	x = x[:len(s)]
	for j := range s {
		s[j] += x[j]
	}
}

func subRow(s, x []float32) {
	x = x[:len(s)]
	for j := range s {
		s[j] -= x[j]
	}
}

// addSubRow adds x then subtracts y, per column, in that order.
func addSubRow(s, x, y []float32) {
	x, y = x[:len(s)], y[:len(s)]
	for j := range s {
		v := s[j] + x[j]
		s[j] = v - y[j]
	}
}

func divRow(out, s []float32, d float32) {
	out = out[:len(s)]
	for j := range s {
		out[j] = s[j] / d
	}
}

// imageQuality is the reference's quality metric (PDQ spec §7): the sum of
// the truncated |(u−v)·100/255| over all adjacent pairs of the 64×64, ÷ 90,
// capped at 100.
func imageQuality(a *[64][64]float32) int {
	sum := 0
	for i := range 63 {
		for j := range 64 {
			sum += absTrunc(a[i][j], a[i+1][j])
		}
	}
	for i := range 64 {
		for j := range 63 {
			sum += absTrunc(a[i][j], a[i][j+1])
		}
	}
	return min(100, sum/90)
}

func absTrunc(u, v float32) int {
	d := int(float32(float32(u-v)*100) / 255)
	if d < 0 {
		return -d
	}
	return d
}

// dct64To16 computes B = D·A·Dᵀ (PDQ spec §8) with D the 16×64 table of DCT-II
// basis rows for frequencies 1..16: every product rounded to float32 before
// it is added, sums from 0 with k ascending, as the reference does.
func dct64To16(a *[64][64]float32, out *[16][16]float32) {
	var t [16][64]float32
	for i := range 16 {
		ti := &t[i]
		for k := range 64 {
			d := dctTable[i][k]
			ak := &a[k]
			for j := range 64 {
				ti[j] += float32(d * ak[j])
			}
		}
	}
	for i := range 16 {
		for j := range 16 {
			var s float32
			ti, dj := &t[i], &dctTable[j]
			for k := range 64 {
				s += float32(ti[k] * dj[k])
			}
			out[i][j] = s
		}
	}
}

// threshold turns a 16×16 DCT into hash bits (PDQ spec §9, §10): bit 16·i+j
// is set when B[i][j] is strictly greater than the lower median (the 128th
// smallest of the 256 values).
func threshold(b *[16][16]float32) Hash {
	var v [256]float32
	for i := range 16 {
		copy(v[16*i:], b[i][:])
	}
	s := v[:]
	slices.Sort(s)
	m := s[127]
	var h Hash
	for i := range 16 {
		for j := range 16 {
			if b[i][j] > m {
				k := 16*i + j
				h[31-k/8] |= 1 << (k % 8)
			}
		}
	}
	return h
}

// transformDCT writes to dst the DCT of dihedral variant v of the image whose
// DCT is src (PDQ spec §11): mirroring an axis negates the coefficients of
// odd frequency (even index) along it; swapping the axes transposes.
func transformDCT(dst, src *[16][16]float32, v Variant) {
	for r := range 16 {
		for c := range 16 {
			var x float32
			neg := false
			switch v {
			case Original:
				x = src[r][c]
			case Rotate90:
				x, neg = src[c][r], r%2 == 0
			case Rotate180:
				x, neg = src[r][c], (r+c)%2 == 1
			case Rotate270:
				x, neg = src[c][r], c%2 == 0
			case FlipX:
				x, neg = src[r][c], r%2 == 0
			case FlipY:
				x, neg = src[r][c], c%2 == 0
			case FlipPlus1:
				x = src[c][r]
			case FlipMinus1:
				x, neg = src[c][r], (r+c)%2 == 1
			}
			if neg {
				x = -x
			}
			dst[r][c] = x
		}
	}
}
