package risk

import "math"

// downsample computes the reference's 64×64 luminance matrix of img (PDQ spec
// §3, §5, §6): luminance, two rounds of (box filter along rows, box filter
// along columns), then point sampling.
//
// The reference filters whole columns one at a time, walking memory with a
// stride of one image row. Here every column pass runs row by row with one
// running sum per column, which performs the same float32 operations in the
// same order per column (so the same bits) but reads memory sequentially.
// Only what the output needs is computed: the second row pass keeps only the
// 64 sampled columns, and the second column pass runs on those and keeps
// the 64 sampled rows. The four passes are streamed through small rings of
// rows, so intermediate results stay in cache. Images of 64 to 128 columns
// and up to 128 rows (windows of 1; rows in fours) take downsampleW1,
// which fuses the first two passes and the last two.
//
// row(y, dst) writes luminance row y (of rows) into dst (of length cols).
func downsample(rows, cols int, row func(y int, dst []float32), a *[64][64]float32) {
	downsampleRows(rows, cols, row, nil, a)
}

// downsampleRows is downsample with an optional rows2(y, d0, d1), which may
// write luminance rows y and y+1 at once (faster when they share work, as
// the rows of a 4:2:0 image that share chroma do) and reports whether it
// did; row is used otherwise.
func downsampleRows(rows, cols int, row func(y int, dst []float32), rows2 func(y int, d0, d1 []float32) bool, a *[64][64]float32) {
	if rows == 64 && cols == 64 {
		// The reference skips the filter for 64×64 input. This is not a
		// no-op elsewhere: a window-1 running sum still rounds. (row gets a
		// heap buffer: a slice of a passed to a func value would make a
		// escape.)
		buf := make([]float32, 64)
		for y := range 64 {
			row(y, buf)
			copy(a[y][:], buf)
		}
		return
	}
	wRow := (cols + 127) / 128 // window along rows: ⌈cols/128⌉
	wCol := (rows + 127) / 128 // window along columns: ⌈rows/128⌉
	var xs, ys [64]int
	for i := range 64 {
		xs[i] = int((float64(i) + 0.5) * float64(cols) / 64)
		ys[i] = int((float64(i) + 0.5) * float64(rows) / 64)
	}
	if wRow == 1 && wCol == 1 && rows%4 == 0 && cols >= 64 {
		// 64 to 128 columns, up to 128 rows in fours (128×128 avatars).
		downsampleW1(rows, cols, row, rows2, &xs, &ys, a)
		return
	}

	// One allocation: rings of pass-1 and pass-3 output rows, per-column
	// sums for passes 2 and 4, 4+4+4 row buffers of pass 2 and pass 4's
	// row buffer. Its size grows with the width (and the window), not with
	// the pixel count.
	//
	// All four passes are streamed. Pass 1 is computed on demand, four rows
	// at a time, as pass 2 asks for its rows: pass 2's output row i reads
	// pass-1 rows i−back to i+h−1 (a span of wCol rows), and the next four
	// are produced ahead, so a ring of wCol+4 rows holds every row still
	// needed. Pass 3 runs on four rows of pass 2 at a time and feeds each
	// of its rows to pass 4 at once, which likewise reads back at most
	// wCol rows: a ring of wCol+4 rows again.
	ringRows := (wCol + 4 + 3) &^ 3
	buf := make([]float32, ringRows*cols+13*cols+ringRows*64+2*64)
	p1, buf := buf[:ringRows*cols], buf[ringRows*cols:]
	sums, buf := buf[:cols], buf[cols:]
	var ring, out, lum [4][]float32
	for k := range ring {
		ring[k], buf = buf[:cols], buf[cols:]
	}
	for k := range out {
		out[k], buf = buf[:cols], buf[cols:]
	}
	for k := range lum {
		lum[k], buf = buf[:cols], buf[cols:]
	}
	p3, buf := buf[:ringRows*64], buf[ringRows*64:]
	sums4, buf := buf[:64], buf[64:]
	out4 := buf[:64]

	// Pass 1: luminance, box filter along rows, four rows at a time (four
	// independent running sums keep the FPU busy; one sum is a chain of
	// dependent adds).
	produced := 0
	pass1 := func(k int) []float32 {
		for k >= produced {
			y := produced
			n := min(4, rows-y)
			var dst [4][]float32
			for j := 0; j < n; j++ {
				if rows2 != nil && j+1 < n && rows2(y+j, lum[j], lum[j+1]) {
					j++
					continue
				}
				row(y+j, lum[j])
			}
			for j := range n {
				dst[j] = p1[((y+j)%ringRows)*cols:][:cols]
			}
			boxRows(&dst, &lum, n, wRow)
			produced += n
		}
		return p1[(k%ringRows)*cols:][:cols]
	}
	// Pass 4: columns of the 64 sampled columns; keep the sampled rows.
	p3row := func(k int) []float32 { return p3[(k%ringRows)*64:][:64] }
	next := 0
	pass4 := colStepper{rows: rows, w: wCol, sums: sums4, out: out4}
	pass4.init()
	push := func(k int) {
		pass4.push(k, p3row, func(i int) {
			for ; next < 64 && ys[next] == i; next++ {
				copy(a[next][:], out4)
			}
		})
	}
	// Pass 2 (columns) streamed into pass 3 (rows) streamed into pass 4.
	boxColumns(pass1, rows, wCol, sums, &ring, func(i int) {
		if i%4 != 3 && i != rows-1 {
			return // wait for four rows
		}
		n := i%4 + 1
		if n == 4 {
			var dst [4][]float32
			for k := range 4 {
				dst[k] = p3row(i - 3 + k)
			}
			if wRow == 1 && cols >= 64 {
				boxRow4AtW1((*[256]float32)(p3[((i-3)%ringRows)*64:]), &ring, &xs)
			} else {
				boxRow4At(&dst, &ring, wRow, &xs)
			}
		} else {
			boxRows(&out, &ring, n, wRow)
			for k := range n {
				dst := p3row(i - n + 1 + k)
				row := out[k]
				for j, x := range xs {
					dst[j] = row[x]
				}
			}
		}
		for k := i - n + 1; k <= i; k++ {
			push(k)
		}
	})
}

// colStepper is boxColumns driven by its input: push gives it input rows
// in order, and it emits each output row as soon as the rows it needs are
// there, with the same float32 operations in the same order as
// boxColumns. Output row i is written to out before emit(i).
type colStepper struct {
	rows, w, h, back, cnt int
	sums, out             []float32
}

func (c *colStepper) init() {
	c.h = (c.w + 2) / 2
	c.back = c.w - c.h + 1
	c.cnt = 0
	clear(c.sums)
}

// push takes input row k (0, 1, 2, … in order); row(j) returns input row
// j, for any j ≥ k−w.
func (c *colStepper) push(k int, row func(k int) []float32, emit func(i int)) {
	if k < c.h-1 {
		addRow(c.sums, row(k)) // the first rows of the first window
		c.cnt++
		return
	}
	// k enters the window of output row i.
	switch i := k - c.h + 1; {
	case i < c.back:
		addRow(c.sums, row(k))
		c.cnt++
		divRow(c.out, c.sums, float32(c.cnt))
		emit(i)
	case c.w == 1:
		// The sums are the previous output row (x/1 == x), as in
		// boxColumns.
		addSubRow1(c.out, c.out, row(k), row(i-1))
		emit(i)
	default:
		addSubDivRow(c.out, c.sums, row(k), row(i-c.back), float32(c.w))
		emit(i)
	}
	if k == c.rows-1 {
		// The last rows: their windows only lose samples.
		for i := c.rows - c.h + 1; i < c.rows; i++ {
			subRow(c.sums, row(i-c.back))
			c.cnt--
			divRow(c.out, c.sums, float32(c.cnt))
			emit(i)
		}
	}
}

// boxRows runs boxRow on the first n (1..4) rows of src into dst,
// interleaving four rows when n == 4.
func boxRows(dst, src *[4][]float32, n, w int) {
	if n < 4 {
		for k := range n {
			boxRow(dst[k], src[k], w)
		}
		return
	}
	if w == 1 {
		boxRow4W1(dst, src)
		return
	}
	boxRow4(dst, src, w)
}

// boxRow4W1 is boxRow4 for window 1 (rows of up to 128 samples). The sum
// starts as 0+s[0], then sample i enters and sample i−1 leaves, the same
// float32 additions and subtractions in the same order as boxRow4; every
// division is by 1, which is exact, so the sums are stored as they are.
// Indexing s[m+1] and s[m] rather than two shifted slices per row keeps all
// pointers in registers (boxRow4's general loop spills at w == 1: 6.4
// instead of about 4 instructions per sample).
func boxRow4W1(dst, src *[4][]float32) {
	n := len(src[0])
	s0, s1, s2, s3 := src[0][:n], src[1][:n], src[2][:n], src[3][:n]
	d0, d1, d2, d3 := dst[0][:n], dst[1][:n], dst[2][:n], dst[3][:n]
	var a0, a1, a2, a3 float32
	a0 += s0[0]
	a1 += s1[0]
	a2 += s2[0]
	a3 += s3[0]
	d0[0], d1[0], d2[0], d3[0] = a0, a1, a2, a3
	for m := 0; m < n-1; m++ {
		a0 += s0[m+1]
		a1 += s1[m+1]
		a2 += s2[m+1]
		a3 += s3[m+1]
		a0 -= s0[m]
		a1 -= s1[m]
		a2 -= s2[m]
		a3 -= s3[m]
		d0[m+1], d1[m+1], d2[m+1], d3[m+1] = a0, a1, a2, a3
	}
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

// boxRow4 is boxRow on four rows of equal length at once, with the same
// float32 operations per row in the same order.
func boxRow4(dst, src *[4][]float32, w int) {
	n := len(src[0])
	s0, s1, s2, s3 := src[0][:n], src[1][:n], src[2][:n], src[3][:n]
	d0, d1, d2, d3 := dst[0][:n], dst[1][:n], dst[2][:n], dst[3][:n]
	h := (w + 2) / 2
	back := w - h + 1
	var a0, a1, a2, a3 float32
	cnt := 0
	for k := 0; k < h-1; k++ {
		a0 += s0[k]
		a1 += s1[k]
		a2 += s2[k]
		a3 += s3[k]
		cnt++
	}
	i := 0
	for ; i < back; i++ {
		j := i + h - 1
		a0 += s0[j]
		a1 += s1[j]
		a2 += s2[j]
		a3 += s3[j]
		cnt++
		c := float32(cnt)
		d0[i], d1[i], d2[i], d3[i] = a0/c, a1/c, a2/c, a3/c
	}
	// The full windows, i = back … n−h: sample i+h−1 = m+w enters and
	// sample i−back = m leaves, for m = i−back = 0 … n−w−1 (as in
	// boxRow4At: slices of equal length indexed by m need no bounds checks).
	e0, e1, e2, e3 := s0[w:], s1[w:], s2[w:], s3[w:]
	l0, l1, l2, l3 := s0[:len(e0)], s1[:len(e0)], s2[:len(e0)], s3[:len(e0)]
	e1, e2, e3 = e1[:len(e0)], e2[:len(e0)], e3[:len(e0)]
	o0, o1, o2, o3 := d0[back:][:len(e0)], d1[back:][:len(e0)], d2[back:][:len(e0)], d3[back:][:len(e0)]
	fw := float32(w)
	switch {
	case w == 1:
		// x/1 == x (images up to 128 wide).
		for m := range e0 {
			a0 += e0[m]
			a1 += e1[m]
			a2 += e2[m]
			a3 += e3[m]
			a0 -= l0[m]
			a1 -= l1[m]
			a2 -= l2[m]
			a3 -= l3[m]
			o0[m], o1[m], o2[m], o3[m] = a0, a1, a2, a3
		}
	case w&(w-1) == 0:
		// x/2ᵏ and x·2⁻ᵏ are the same real number, so their float32
		// roundings are equal: multiplying is exact here.
		r := 1 / fw
		for m := range e0 {
			a0 += e0[m]
			a1 += e1[m]
			a2 += e2[m]
			a3 += e3[m]
			a0 -= l0[m]
			a1 -= l1[m]
			a2 -= l2[m]
			a3 -= l3[m]
			o0[m], o1[m], o2[m], o3[m] = a0*r, a1*r, a2*r, a3*r
		}
	default:
		for m := range e0 {
			a0 += e0[m]
			a1 += e1[m]
			a2 += e2[m]
			a3 += e3[m]
			a0 -= l0[m]
			a1 -= l1[m]
			a2 -= l2[m]
			a3 -= l3[m]
			o0[m], o1[m], o2[m], o3[m] = a0/fw, a1/fw, a2/fw, a3/fw
		}
	}
	i = n - h + 1
	for ; i < n; i++ {
		l := i - back
		a0 -= s0[l]
		a1 -= s1[l]
		a2 -= s2[l]
		a3 -= s3[l]
		cnt--
		c := float32(cnt)
		d0[i], d1[i], d2[i], d3[i] = a0/c, a1/c, a2/c, a3/c
	}
}

// boxRow4At is boxRow4 kept only at the columns xs (ascending, repeats
// allowed): dst[k][j] = boxRow4's output row k at column xs[j]. The running
// sums are the same float32 operations in the same order; only the
// divisions and stores of the columns not kept are skipped. (x/2ᵏ equals
// x·2⁻ᵏ, so dividing where boxRow4 multiplies gives the same bits.)
func boxRow4At(dst, src *[4][]float32, w int, xs *[64]int) {
	n := len(src[0])
	s0, s1, s2, s3 := src[0][:n], src[1][:n], src[2][:n], src[3][:n]
	// The 64 kept outputs per row, as arrays: no bounds checks in keepAt.
	d := [4]*[64]float32{(*[64]float32)(dst[0]), (*[64]float32)(dst[1]), (*[64]float32)(dst[2]), (*[64]float32)(dst[3])}
	h := (w + 2) / 2
	back := w - h + 1
	var a0, a1, a2, a3 float32
	for k := 0; k < h-1; k++ {
		a0 += s0[k]
		a1 += s1[k]
		a2 += s2[k]
		a3 += s3[k]
	}
	next, nx := 0, xs[0]
	i := 0
	for ; i < back; i++ {
		j := i + h - 1
		a0 += s0[j]
		a1 += s1[j]
		a2 += s2[j]
		a3 += s3[j]
		if i == nx {
			next, nx = keepAt(&d, xs, next, i, float32(i+h), a0, a1, a2, a3)
		}
	}
	fw := float32(w)
	// The full windows, i = back … n−h: sample i+h−1 = m+w enters and
	// sample i−back = m leaves, for m = i−back = 0 … n−w−1. Slices of equal
	// length indexed by m need no bounds checks, so all values stay in
	// registers.
	e0, e1, e2, e3 := s0[w:], s1[w:], s2[w:], s3[w:]
	l0, l1, l2, l3 := s0[:len(e0)], s1[:len(e0)], s2[:len(e0)], s3[:len(e0)]
	e1, e2, e3 = e1[:len(e0)], e2[:len(e0)], e3[:len(e0)]
	km := nx - back // m of the next kept column (negative once all are kept)
	for m := range e0 {
		a0 += e0[m]
		a1 += e1[m]
		a2 += e2[m]
		a3 += e3[m]
		a0 -= l0[m]
		a1 -= l1[m]
		a2 -= l2[m]
		a3 -= l3[m]
		if m == km {
			next, nx = keepAt(&d, xs, next, m+back, fw, a0, a1, a2, a3)
			km = nx - back
		}
	}
	i = n - h + 1
	for ; i < n; i++ {
		l := i - back
		a0 -= s0[l]
		a1 -= s1[l]
		a2 -= s2[l]
		a3 -= s3[l]
		if i == nx {
			// The window has lost i−(n−h) samples at its right end.
			next, nx = keepAt(&d, xs, next, i, float32(w-(i-(n-h))), a0, a1, a2, a3)
		}
	}
}

// boxRow4AtW1 is boxRow4At for window 1 and strictly ascending xs (rows
// of 64 to 128 columns), into four consecutive rows of 64. With w == 1 the
// window holds one sample: boxRow4's sum starts as 0+s[0], then sample i
// enters and sample i−1 leaves (the same float32 additions and
// subtractions in the same order), and every division is by 1, which is
// exact, so the sums are stored as they are. dst holds the four output
// rows one after another. No divisions and no keepAt
// call: a kept column is a compare and four stores (about 4× fewer
// instructions than boxRow4At at 128×128).
func boxRow4AtW1(dst *[256]float32, src *[4][]float32, xs *[64]int) {
	n := len(src[0])
	s0, s1, s2, s3 := src[0][:n], src[1][:n], src[2][:n], src[3][:n]
	var a0, a1, a2, a3 float32
	a0 += s0[0]
	a1 += s1[0]
	a2 += s2[0]
	a3 += s3[0]
	next := 0
	if xs[0] == 0 {
		dst[0], dst[64], dst[128], dst[192] = a0, a1, a2, a3
		next = 1
	}
	km := xs[next] - 1 // m of the next kept column i = m+1
	for m := 0; m < n-1; m++ {
		a0 += s0[m+1]
		a1 += s1[m+1]
		a2 += s2[m+1]
		a3 += s3[m+1]
		a0 -= s0[m]
		a1 -= s1[m]
		a2 -= s2[m]
		a3 -= s3[m]
		if m == km {
			j := next & 63
			dst[j], dst[64+j], dst[128+j], dst[192+j] = a0, a1, a2, a3
			next++
			// After the 64th, km = xs[0]−1 ≤ 0 < m: no more matches.
			km = xs[next&63] - 1
		}
	}
}

// keepAt stores the four sums divided by c in every output column j ≥ next
// with xs[j] == i, and returns the next column to fill and its source
// column (−1 when all 64 are filled).
func keepAt(dst *[4]*[64]float32, xs *[64]int, next, i int, c, a0, a1, a2, a3 float32) (int, int) {
	for next < 64 && xs[next] == i {
		dst[0][next], dst[1][next], dst[2][next], dst[3][next] = a0/c, a1/c, a2/c, a3/c
		next++
	}
	if next == 64 {
		return next, -1
	}
	return next, xs[next]
}

// boxColumns runs boxRow's filter down every column of the matrix whose row
// k (of rows, each of cols values) is row(k), all columns at once, keeping
// one running sum per column in sums. Rows are asked for in ascending order
// of their first use. Output row
// i goes to ring[i%4], then emit(i) is called, for i in order.
func boxColumns(row func(k int) []float32, rows, w int, sums []float32, ring *[4][]float32, emit func(i int)) {
	h := (w + 2) / 2
	back := w - h + 1
	clear(sums)
	cnt := 0
	for k := 0; k < h-1; k++ {
		addRow(sums, row(k))
		cnt++
	}
	i := 0
	for ; i < back; i++ {
		addRow(sums, row(i+h-1))
		cnt++
		divRow(ring[i%4], sums, float32(cnt))
		emit(i)
	}
	fw := float32(w)
	if w == 1 {
		// h == back == 1: every later output row is a full window, and
		// its sums are the previous output row (x/1 == x), so the sums
		// need not be kept apart.
		for ; i < rows; i++ {
			addSubRow1(ring[i%4], ring[(i-1)%4], row(i), row(i-1))
			emit(i)
		}
		return
	}
	for ; i <= rows-h; i++ {
		addSubDivRow(ring[i%4], sums, row(i+h-1), row(i-back), fw)
		emit(i)
	}
	for ; i < rows; i++ {
		subRow(sums, row(i-back))
		cnt--
		divRow(ring[i%4], sums, float32(cnt))
		emit(i)
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

// addSubDivRow is addSubRow(s, x, y) then divRow(out, s, d) in one pass
// over the columns: the same float32 operations per column.
func addSubDivRow(out, s, x, y []float32, d float32) {
	x, y, out = x[:len(s)], y[:len(s)], out[:len(s)]
	if d == 1 {
		for j := range s { // x/1 == x
			v := s[j] + x[j]
			v -= y[j]
			s[j] = v
			out[j] = v
		}
		return
	}
	if int(d)&(int(d)-1) == 0 {
		r := 1 / d // exact for powers of two, see boxRow4
		for j := range s {
			v := s[j] + x[j]
			v -= y[j]
			s[j] = v
			out[j] = v * r
		}
		return
	}
	for j := range s {
		v := s[j] + x[j]
		v -= y[j]
		s[j] = v
		out[j] = v / d
	}
}

// addSubRow1 is addSubDivRow with d == 1 for sums held in prev (which may
// be out): out[j] = (prev[j] + x[j]) − y[j], the same float32 operations,
// two columns per iteration.
func addSubRow1(out, prev, x, y []float32) {
	n := len(out)
	prev, x, y = prev[:n], x[:n], y[:n]
	for j := 0; j < n-1; j += 2 {
		// Indices j and j+1 are in range by the loop condition.
		v0 := prev[j] + x[j]
		v1 := prev[j+1] + x[j+1]
		out[j] = v0 - y[j]
		out[j+1] = v1 - y[j+1]
	}
	if n&1 == 1 {
		j := n - 1
		v := prev[j] + x[j]
		out[j] = v - y[j]
	}
}

func divRow(out, s []float32, d float32) {
	out = out[:len(s)]
	if d == 1 {
		copy(out, s) // x/1 == x
		return
	}
	if int(d)&(int(d)-1) == 0 {
		r := 1 / d // exact for powers of two, see boxRow4
		for j := range s {
			out[j] = s[j] * r
		}
		return
	}
	for j := range s {
		out[j] = s[j] / d
	}
}

// imageQuality is the reference's quality metric (PDQ spec §7): the sum of
// the truncated |(u−v)·100/255| over all adjacent pairs of the 64×64, ÷ 90,
// capped at 100.
func imageQuality(a *[64][64]float32) int {
	// The sum is of integers, so the order of the pairs does not matter;
	// row by row keeps the two rows in registers. The constant is read
	// from a variable once, so that it stays in a register too (Go
	// reloads a floating-point constant from memory at every use).
	sum := 0
	k := quality100Over255[0]
	// Two pairs per iteration halve the loop overhead.
	for i := range 63 {
		r, n := &a[i], &a[i+1]
		for j := 0; j < 63; j += 2 {
			sum += absTrunc(r[j], n[j], k) + absTrunc(r[j+1], n[j+1], k)
		}
	}
	for i := range 64 {
		r := &a[i]
		for j := 0; j < 62; j += 2 {
			sum += absTrunc(r[j], r[j+1], k) + absTrunc(r[j+1], r[j+2], k)
		}
		sum += absTrunc(r[62], r[63], k)
	}
	return min(100, sum/90)
}

// quality100Over255 is the float64 nearest to 100/255 (never written).
var quality100Over255 = [1]float64{100.0 / 255}

// absTrunc is |int(((u−v)·100)/255)|, every step rounded to float32 as the
// reference does, computed with one float64 multiplication by k (the
// float64 nearest to 100/255) instead of a float32 multiplication and
// division (8064 of each per PDQ):
//
//   - |trunc(x)| = trunc(|x|), and rounding to nearest is symmetric, so the
//     sign can be dropped first.
//   - For d = |u−v|, int(float32(float64(d)·k)) equals
//     int(float32(float32(d·100)/255)): TestAbsTruncExhaustive checks every
//     float32 d from 0 to 512. u and v are box-filter averages of
//     luminances in 0..255 (within float32 rounding), so d < 256. (The
//     float64 product rounds to the float32 nearest to d·100/255, which is
//     never a midpoint between float32s; the reference's two roundings can
//     differ from it in the last bit, but the test shows that they never
//     fall on different sides of an integer.)
func absTrunc(u, v float32, k float64) int {
	d := math.Float32frombits(math.Float32bits(u-v) &^ (1 << 31)) // |u−v|
	return int(float32(float64(d) * k))
}

// dct64To16 computes B = D·A·Dᵀ (PDQ spec §8) with D the 16×64 table of DCT-II
// basis rows for frequencies 1..16: every product rounded to float32 before
// it is added, sums from 0 with k ascending, as the reference does.
func dct64To16(a *[64][64]float32, out *[16][16]float32) {
	var t [16][64]float32
	var g [256]float32
	for j := 0; j < 61; j += 4 {
		// Columns j..j+3 of a, gathered: g[4k+c] = a[k][j+c]. The products
		// then read one contiguous block at fixed offsets from one index
		// (no per-row address arithmetic); each of the 16 rows of D reuses
		// it from L1.
		for k := 0; k < 61; k += 4 {
			r := (*[4][64]float32)(a[k:])
			q := (*[16]float32)(g[4*k:])
			*(*[4]float32)(q[0:]) = *(*[4]float32)(r[0][j:])
			*(*[4]float32)(q[4:]) = *(*[4]float32)(r[1][j:])
			*(*[4]float32)(q[8:]) = *(*[4]float32)(r[2][j:])
			*(*[4]float32)(q[12:]) = *(*[4]float32)(r[3][j:])
		}
		for i := range 16 {
			di := &dctTable[i]
			// Four sums in registers, each still over k ascending; eight
			// values of k per iteration (written out: Go does not unroll)
			// cut the loop overhead without changing any sum's order.
			var s0, s1, s2, s3 float32
			for k := 0; k < 57; k += 8 {
				d := (*[8]float32)(di[k:])
				r := (*[32]float32)(g[4*k:])
				s0 += float32(d[0] * r[0])
				s1 += float32(d[0] * r[1])
				s2 += float32(d[0] * r[2])
				s3 += float32(d[0] * r[3])
				s0 += float32(d[1] * r[4])
				s1 += float32(d[1] * r[5])
				s2 += float32(d[1] * r[6])
				s3 += float32(d[1] * r[7])
				s0 += float32(d[2] * r[8])
				s1 += float32(d[2] * r[9])
				s2 += float32(d[2] * r[10])
				s3 += float32(d[2] * r[11])
				s0 += float32(d[3] * r[12])
				s1 += float32(d[3] * r[13])
				s2 += float32(d[3] * r[14])
				s3 += float32(d[3] * r[15])
				s0 += float32(d[4] * r[16])
				s1 += float32(d[4] * r[17])
				s2 += float32(d[4] * r[18])
				s3 += float32(d[4] * r[19])
				s0 += float32(d[5] * r[20])
				s1 += float32(d[5] * r[21])
				s2 += float32(d[5] * r[22])
				s3 += float32(d[5] * r[23])
				s0 += float32(d[6] * r[24])
				s1 += float32(d[6] * r[25])
				s2 += float32(d[6] * r[26])
				s3 += float32(d[6] * r[27])
				s0 += float32(d[7] * r[28])
				s1 += float32(d[7] * r[29])
				s2 += float32(d[7] * r[30])
				s3 += float32(d[7] * r[31])
			}
			t[i][j], t[i][j+1], t[i][j+2], t[i][j+3] = s0, s1, s2, s3
		}
	}
	for i := range 16 {
		ti := &t[i]
		for j := 0; j < 16; j += 4 {
			// Four output sums at once, each still summed with k ascending
			// (eight values of k per iteration, in order).
			var s0, s1, s2, s3 float32
			e0, e1, e2, e3 := &dctTable[j], &dctTable[j+1], &dctTable[j+2], &dctTable[j+3]
			for k := 0; k < 57; k += 8 {
				x := (*[8]float32)(ti[k:])
				f0, f1, f2, f3 := (*[8]float32)(e0[k:]), (*[8]float32)(e1[k:]), (*[8]float32)(e2[k:]), (*[8]float32)(e3[k:])
				s0 += float32(x[0] * f0[0])
				s1 += float32(x[0] * f1[0])
				s2 += float32(x[0] * f2[0])
				s3 += float32(x[0] * f3[0])
				s0 += float32(x[1] * f0[1])
				s1 += float32(x[1] * f1[1])
				s2 += float32(x[1] * f2[1])
				s3 += float32(x[1] * f3[1])
				s0 += float32(x[2] * f0[2])
				s1 += float32(x[2] * f1[2])
				s2 += float32(x[2] * f2[2])
				s3 += float32(x[2] * f3[2])
				s0 += float32(x[3] * f0[3])
				s1 += float32(x[3] * f1[3])
				s2 += float32(x[3] * f2[3])
				s3 += float32(x[3] * f3[3])
				s0 += float32(x[4] * f0[4])
				s1 += float32(x[4] * f1[4])
				s2 += float32(x[4] * f2[4])
				s3 += float32(x[4] * f3[4])
				s0 += float32(x[5] * f0[5])
				s1 += float32(x[5] * f1[5])
				s2 += float32(x[5] * f2[5])
				s3 += float32(x[5] * f3[5])
				s0 += float32(x[6] * f0[6])
				s1 += float32(x[6] * f1[6])
				s2 += float32(x[6] * f2[6])
				s3 += float32(x[6] * f3[6])
				s0 += float32(x[7] * f0[7])
				s1 += float32(x[7] * f1[7])
				s2 += float32(x[7] * f2[7])
				s3 += float32(x[7] * f3[7])
			}
			out[i][j], out[i][j+1], out[i][j+2], out[i][j+3] = s0, s1, s2, s3
		}
	}
}

// threshold turns a 16×16 DCT into hash bits (PDQ spec §9, §10): bit 16·i+j
// is set when B[i][j] is strictly greater than the lower median (the 128th
// smallest of the 256 values).
func threshold(b *[16][16]float32) Hash {
	var v [256]float32
	for i := range 16 {
		*(*[16]float32)(v[16*i:]) = b[i] // inline copies, no memmove calls
	}
	m := selectKth(v[:], 127)
	var h Hash
	for i := range 16 {
		// Bits 16i..16i+15 are bytes 31−2i (bits 0..7) and 30−2i. Each
		// comparison becomes a 0 or 1 without a branch: about half of them
		// are true, in no predictable pattern.
		var w uint32
		for j, x := range &b[i] {
			var bit uint32
			if x > m {
				bit = 1
			}
			w |= bit << j
		}
		h[31-2*i], h[30-2*i] = byte(w), byte(w>>8)
	}
	return h
}

// selectKth returns the value that s[k] would hold if s were sorted
// ascending (s is reordered). It is Hoare's quickselect with a median-of-three
// pivot: expected linear time where a sort takes n·log n. s must not hold
// NaNs (PDQ's DCT of finite luminances has none). Values that compare equal
// but differ in bits (±0) compare alike against any threshold, so the result
// agrees with sorting for the hash.
func selectKth(s []float32, k int) float32 {
	lo, hi := 0, len(s)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if s[mid] < s[lo] {
			s[mid], s[lo] = s[lo], s[mid]
		}
		if s[hi] < s[lo] {
			s[hi], s[lo] = s[lo], s[hi]
		}
		if s[hi] < s[mid] {
			s[hi], s[mid] = s[mid], s[hi]
		}
		p := s[mid]
		i, j := lo, hi
		for i <= j {
			for s[i] < p {
				i++
			}
			for p < s[j] {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		// Now s[lo..j] ≤ p, s[j+1..i-1] = p and s[i..hi] ≥ p.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return s[k]
		}
	}
	return s[k]
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
