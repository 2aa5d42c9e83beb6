package risk

// downsampleW1 is downsampleRows for windows of 1 both ways (at most 128
// rows and columns), rows a multiple of 4 and at least 64 columns. Passes
// 1 and 2 run fused, four rows at a time (boxRows12W1), so the pass-1 rows
// are never stored; passes 3 and 4 run fused too (boxRows34W1), on the 64
// sampled columns only, so the pass-3 rows are never stored either.
func downsampleW1(rows, cols int, row func(y int, dst []float32), rows2 func(y int, d0, d1 []float32) bool, xs, ys *[64]int, a *[64][64]float32) {
	// One allocation, of 5·cols + 900 values: four luminance rows, the
	// previous pass-1 row, the four pass-2 rows at a stride of 129 after a
	// zero each (boxRows34W1 addresses them from one pointer),
	// boxRows34W1's four output rows and its column state. make zeroes it, as the first group needs.
	buf := make([]float32, 5*cols+4*129+256+128)
	var lum, ring [4][]float32
	for k := range lum {
		lum[k], buf = buf[:cols], buf[cols:]
	}
	prev, buf := buf[:cols], buf[cols:]
	blk := (*[4 * 129]float32)(buf)
	for k := range ring {
		ring[k] = blk[129*k+1:][:cols]
	}
	out := (*[256]float32)(buf[4*129:])
	st := (*[128]float32)(buf[4*129+256:])
	next := 0
	for y := 0; y < rows; y += 4 {
		for j := 0; j < 4; j++ {
			if rows2 != nil && j < 3 && rows2(y+j, lum[j], lum[j+1]) {
				j++
				continue
			}
			row(y+j, lum[j])
		}
		// ring[3] holds pass-2 row y−1 (zero before row 0), prev pass-1
		// row y−1 (zero before row 0).
		boxRows12W1(&ring, &lum, prev)
		if cols == 128 {
			boxRows34W1x2(out, st, blk)
		} else {
			boxRows34W1(out, st, blk, xs)
		}
		// ys is ascending, with repeats when rows < 64.
		for r := range 4 {
			for ; next < 64 && ys[next] == y+r; next++ {
				a[next] = [64]float32(out[64*r:])
			}
		}
	}
}

// boxRows12W1 runs passes 1 and 2 of PDQ's filter with window 1 on four
// consecutive luminance rows src at once, column by column, writing the
// four pass-2 rows to dst. Pass 1 of row r at column m is boxRow's running
// sum p = (p + s[m]) − s[m−1] (p = 0 + s[0] at m = 0); pass 2 of row r is
// boxColumns' o_r = (o_{r−1} + p_r) − p_{r−1}, the sums being the previous
// output row (x/1 == x). On entry dst[3] holds pass-2 row −1 of this group
// (the last row of the previous group) and prev its pass-1 row; prev gets
// this group's last pass-1 row. For the first group both are zero, which
// gives boxColumns' first row 0 + p_0: (0 + p) − 0 is the same float32
// (x − 0 == x, also for x = +0; 0 + −0 = +0 in both). Every value is the
// same float32 operations in the same order as in boxRow4 and boxColumns.
func boxRows12W1(dst, src *[4][]float32, prev []float32) {
	n := len(src[0])
	s0, s1, s2, s3 := src[0][:n], src[1][:n], src[2][:n], src[3][:n]
	d0, d1, d2, d3 := dst[0][:n], dst[1][:n], dst[2][:n], dst[3][:n]
	prev = prev[:n]
	var p0, p1, p2, p3 float32
	p0 += s0[0]
	p1 += s1[0]
	p2 += s2[0]
	p3 += s3[0]
	o := d3[0] + p0 // d3[m] is read before it is overwritten below
	o -= prev[0]
	d0[0] = o
	o += p1
	o -= p0
	d1[0] = o
	o += p2
	o -= p1
	d2[0] = o
	o += p3
	o -= p2
	d3[0] = o
	prev[0] = p3
	for m := 1; m < n; m++ {
		p0 += s0[m]
		p1 += s1[m]
		p2 += s2[m]
		p3 += s3[m]
		p0 -= s0[m-1]
		p1 -= s1[m-1]
		p2 -= s2[m-1]
		p3 -= s3[m-1]
		o := d3[m] + p0
		o -= prev[m]
		d0[m] = o
		o += p1
		o -= p0
		d1[m] = o
		o += p2
		o -= p1
		d2[m] = o
		o += p3
		o -= p2
		d3[m] = o
		prev[m] = p3
	}
}

// boxRows34W1 runs passes 3 and 4 of PDQ's filter with window 1 on four
// consecutive pass-2 rows (64 to 128 columns), keeping the columns xs
// (strictly ascending) of the four pass-4 rows in dst (four rows of 64,
// one after another). Pass-2 row r is src[129·r+1:][:cols], and
// src[129·r] is zero.
//
// Pass 3 is boxRow4AtW1's running sums: a = 0 + s[0], then sample m+1
// enters and sample m leaves. Here the sum starts at 0 and s[0] enters
// while the zero before it leaves: (0 + s[0]) − 0 is the same float32
// (x − 0 == x, also for x = +0; 0 + −0 = +0 in both). Pass 4 is
// colStepper's window-1 column step on the kept columns: o_r = (o_{r−1} +
// q_r) − q_{r−1}, where q_r is row r's pass-3 value (x/1 == x). st carries
// the column state from one call to the next: st[j] is the previous group's
// last pass-4 value in kept column j and st[64+j] its pass-3 value. Both
// are zero before the first group, which gives colStepper's first row 0 +
// q_0 by the same argument. Every value is the same float32 operations in
// the same order as in boxRow4AtW1 and colStepper, so the pass-3 rows are
// never stored.
func boxRows34W1(dst *[256]float32, st *[128]float32, src *[4 * 129]float32, xs *[64]int) {
	var a0, a1, a2, a3 float32
	// Column p enters (src index p+1) and column p−1 leaves (src index p),
	// up to the last kept column (≤ 127: the mask only tells the compiler
	// so); the columns after it are not needed.
	j, kx := 0, xs[0] // the next kept column
	last := xs[63] & 127
	_, _, _ = src[0], dst[0], st[0] // nil checks out of the loop
	for p := range last + 1 {
		a0 += src[p+1]
		a1 += src[129+p+1]
		a2 += src[258+p+1]
		a3 += src[387+p+1]
		a0 -= src[p]
		a1 -= src[129+p]
		a2 -= src[258+p]
		a3 -= src[387+p]
		if p == kx {
			k := j & 63
			o := st[k] + a0
			o -= st[64+k]
			dst[k] = o
			o += a1
			o -= a0
			dst[64+k] = o
			o += a2
			o -= a1
			dst[128+k] = o
			o += a3
			o -= a2
			dst[192+k] = o
			st[k], st[64+k] = o, a3
			j++
			kx = xs[j&63] // after the 64th, p ≥ last: no more
		}
	}
}

// boxRows34W1x2 is boxRows34W1 for 128 columns (the common 128×128
// avatar), whose kept columns are xs[j] = ⌊(j + ½)·2⌋ = 2j+1: every odd
// column. Each iteration makes the two steps to the next kept column and
// runs pass 4 on it, without a test per column (35 instead of 49
// instructions per pair of columns). The float32 operations and their
// order are boxRows34W1's.
func boxRows34W1x2(dst *[256]float32, st *[128]float32, src *[4 * 129]float32) {
	var a0, a1, a2, a3 float32
	_, _, _ = src[0], dst[0], st[0] // nil checks out of the loop
	// The sums are at column p−1 (src index p; the zero before the row for
	// p = 0). Column p enters and column p−1 leaves, then column p+1 = 2k+1
	// enters and column p leaves.
	for p := 0; p < 127; p += 2 {
		a0 += src[p+1]
		a1 += src[129+p+1]
		a2 += src[258+p+1]
		a3 += src[387+p+1]
		a0 -= src[p]
		a1 -= src[129+p]
		a2 -= src[258+p]
		a3 -= src[387+p]
		a0 += src[p+2]
		a1 += src[129+p+2]
		a2 += src[258+p+2]
		a3 += src[387+p+2]
		a0 -= src[p+1]
		a1 -= src[129+p+1]
		a2 -= src[258+p+1]
		a3 -= src[387+p+1]
		k := p >> 1
		o := st[k] + a0
		o -= st[64+k]
		dst[k] = o
		o += a1
		o -= a0
		dst[64+k] = o
		o += a2
		o -= a1
		dst[128+k] = o
		o += a3
		o -= a2
		dst[192+k] = o
		st[k], st[64+k] = o, a3
	}
}
