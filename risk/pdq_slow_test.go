package risk

import (
	"image"
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// slowPDQ is a plain transcription of the PDQ spec in the reference's loop
// order: whole-image luminance, box filters walking each row and then each
// column (stride = width), a float64-indexed decimation, the DCT computed
// from math.Cos, a sorted median. It is the obvious reference for the fast
// path and the baseline of BenchmarkPDQReferenceOrder.
func slowPDQ(img image.Image) (Hash, int) {
	b := img.Bounds()
	rows, cols := b.Dy(), b.Dx()
	if rows < 5 || cols < 5 {
		return Hash{}, 0
	}
	buf1 := make([]float32, rows*cols)
	buf2 := make([]float32, rows*cols)
	for y := range rows {
		for x := range cols {
			if g, ok := img.(*image.Gray); ok {
				buf1[y*cols+x] = float32(g.GrayAt(b.Min.X+x, b.Min.Y+y).Y)
			} else {
				buf1[y*cols+x] = luma(rgbAt(img, b.Min.X+x, b.Min.Y+y))
			}
		}
	}
	a := slowMatrix(buf1, buf2, rows, cols)
	q := imageQuality(&a)
	var d [16][64]float32
	s := float64(float32(math.Sqrt(2.0 / 64.0)))
	for i := range 16 {
		for k := range 64 {
			d[i][k] = float32(s * math.Cos(math.Pi/2/64*float64(i+1)*float64(2*k+1)))
		}
	}
	var t [16][64]float32
	for i := range 16 {
		for j := range 64 {
			var sum float32
			for k := range 64 {
				sum += float32(d[i][k] * a[k][j])
			}
			t[i][j] = sum
		}
	}
	var bb [16][16]float32
	var all []float32
	for i := range 16 {
		for j := range 16 {
			var sum float32
			for k := range 64 {
				sum += float32(t[i][k] * d[j][k])
			}
			bb[i][j] = sum
			all = append(all, sum)
		}
	}
	slices.Sort(all)
	var h Hash
	for i := range 16 {
		for j := range 16 {
			if bb[i][j] > all[127] {
				k := 16*i + j
				h[31-k/8] |= 1 << (k % 8)
			}
		}
	}
	return h, q
}

// slowMatrix is the spec's 64×64 matrix (PDQ spec §5, §6) of the luminance
// buf1 (rows×cols, overwritten; buf2 is scratch of the same size): two
// rounds of box filters along rows, then along columns, walking each column
// with stride cols, then point sampling.
func slowMatrix(buf1, buf2 []float32, rows, cols int) [64][64]float32 {
	var a [64][64]float32
	if rows == 64 && cols == 64 {
		for i := range 64 {
			copy(a[i][:], buf1[i*64:])
		}
	} else {
		wr, wc := (cols+127)/128, (rows+127)/128
		for range 2 {
			for y := range rows {
				slowBox(buf1[y*cols:], buf2[y*cols:], cols, 1, wr)
			}
			for x := range cols {
				slowBox(buf2[x:], buf1[x:], rows, cols, wc)
			}
		}
		for i := range 64 {
			for j := range 64 {
				y := int((float64(i) + 0.5) * float64(rows) / 64)
				x := int((float64(j) + 0.5) * float64(cols) / 64)
				a[i][j] = buf1[y*cols+x]
			}
		}
	}
	return a
}

// slowBox is the spec's one-dimensional box filter over n samples at the
// given stride, with its four phases.
func slowBox(in, out []float32, n, stride, w int) {
	half := (w + 2) / 2
	var sum float32
	cnt, ri, li, oi := 0, 0, 0, 0
	for range half - 1 {
		sum += in[ri]
		cnt++
		ri += stride
	}
	for range w - half + 1 {
		sum += in[ri]
		cnt++
		out[oi] = sum / float32(cnt)
		ri += stride
		oi += stride
	}
	for range n - w {
		sum += in[ri]
		sum -= in[li]
		out[oi] = sum / float32(cnt)
		ri += stride
		li += stride
		oi += stride
	}
	for range half - 1 {
		sum -= in[li]
		cnt--
		out[oi] = sum / float32(cnt)
		li += stride
		oi += stride
	}
}

// TestPDQMatchesSlow: the fast PDQ equals the plain transcription on random
// images, including sizes whose windows are 2 and 3 and odd sizes.
func TestPDQMatchesSlow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		img := genImage(t)
		if rapid.Bool().Draw(t, "large") {
			w := rapid.IntRange(100, 400).Draw(t, "lw")
			h := rapid.IntRange(100, 400).Draw(t, "lh")
			m := image.NewNRGBA(image.Rect(0, 0, w, h))
			s := rapid.Uint64().Draw(t, "lseed")
			for i := range m.Pix {
				s = s*6364136223846793005 + 1442695040888963407
				m.Pix[i] = byte(s >> 60 << 4) // coarse values: plenty of ties
			}
			img = m
		}
		h1, q1 := PDQ(img)
		h2, q2 := slowPDQ(img)
		if h1 != h2 || q1 != q2 {
			t.Fatalf("%T %v: fast %v/%d, slow %v/%d", img, img.Bounds(), h1, q1, h2, q2)
		}
	})
}

func TestSlowPDQConformance(t *testing.T) {
	for _, r := range readTSV(t, "expected.tsv") {
		if r.impl != "cpp-core-fullres-on-go-decode" {
			continue
		}
		img := decodeTestImage(t, r.file)
		if b := img.Bounds(); b.Dx()*b.Dy() > 600*600 || (pdqRace && b.Dx()*b.Dy() > 128*128) {
			continue // the slow path is slow; the fast path covers these
		}
		h, q := slowPDQ(img)
		if h.String() != r.hashes[0] || q != r.quality {
			t.Errorf("%s: slow %v/%d, want %s/%d", r.file, h, q, r.hashes[0], r.quality)
		}
	}
}

// BenchmarkPDQReferenceOrder is slowPDQ: the reference's loop order,
// including the column walk with a stride of one image row. The ratio to
// BenchmarkPDQ is this machine's speed-up over the reference's structure.
func BenchmarkPDQReferenceOrder(b *testing.B) {
	for _, s := range benchSizes {
		img := decodeTestImage(b, s.file)
		b.Run(s.name, func(b *testing.B) {
			avatarLoop(b, func() { slowPDQ(img) })
		})
	}
}
