package risk

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// benchImages are the upstream square JPEGs, decoded by Go (*image.YCbCr),
// the inputs of the C++ reference's published timings.
var benchSizes = []struct{ name, file string }{
	{"512x512", "images/pdq-data/bridge-mods/square-512x512.jpg"},
	{"256x256", "images/pdq-data/bridge-mods/square-256x256.jpg"},
	{"128x128", "images/pdq-data/bridge-mods/square-128x128.jpg"},
}

func BenchmarkPDQ(b *testing.B) {
	for _, s := range benchSizes {
		img := decodeTestImage(b, s.file)
		b.Run(s.name, func(b *testing.B) {
			avatarLoop(b, func() { PDQ(img) })
		})
	}
	nrgba := decodeTestImage(b, "derived/square-512x512.decoded.png")
	b.Run("512x512-png", func(b *testing.B) {
		avatarLoop(b, func() { PDQ(nrgba) })
	})
	big := decodeTestImage(b, "images/pdq-data/reg-test-input/dih/bridge-1-original.jpg")
	b.Run("1600x1004", func(b *testing.B) {
		avatarLoop(b, func() { PDQ(big) })
	})
	b.Run("1600x1004-preresize512", func(b *testing.B) {
		avatarLoop(b, func() { PDQ(big, PreResize512(true)) })
	})
}

func BenchmarkPDQDihedral(b *testing.B) {
	img := decodeTestImage(b, benchSizes[0].file)
	avatarLoop(b, func() { PDQDihedral(img) })
}

// BenchmarkDecodeAvatar decodes a 640×640 JPEG (the 1600×1004 bridge photo
// scaled by nearest neighbour and re-encoded at quality 85).
func BenchmarkDecodeAvatar(b *testing.B) {
	data := jpeg640(b)
	b.SetBytes(int64(len(data)))
	avatarLoop(b, func() {
		if _, err := DecodeAvatar(bytes.NewReader(data), Limits{}); err != nil {
			b.Fatal(err)
		}
	})
}

func jpeg640(tb testing.TB) []byte {
	tb.Helper()
	f, err := os.ReadFile(filepath.Join(pdqData, "images/pdq-data/reg-test-input/dih/bridge-1-original.jpg"))
	if err != nil {
		tb.Fatal(err)
	}
	src, err := jpeg.Decode(bytes.NewReader(f))
	if err != nil {
		tb.Fatal(err)
	}
	dst := image.NewRGBA(image.Rect(0, 0, 640, 640))
	sb := src.Bounds()
	for y := range 640 {
		for x := range 640 {
			dst.Set(x, y, src.At(sb.Min.X+x*sb.Dx()/640, sb.Min.Y+y*sb.Dy()/640))
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkDistance(b *testing.B) {
	x, _ := ParseHash("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22")
	y, _ := ParseHash("f8f8f0cee0f4a84f06370a22038f67f0b36e2ed596621e1d33e6b39c4e9c9b22")
	n := 0
	avatarLoop(b, func() { n += x.Distance(y) })
	if n == 0 {
		b.Fatal("distance 0")
	}
}

// BenchmarkPDQStages times the size-independent stages of PDQ on the 64×64
// matrix of a real image: the quality metric, the DCT and the threshold; and
// the luminance conversion of a 512×512 JPEG.
func BenchmarkPDQStages(b *testing.B) {
	img := decodeTestImage(b, benchSizes[2].file)
	var lt lumaTables
	lt.init(img)
	bd := img.Bounds()
	var a [64][64]float32
	downsample(bd.Dy(), bd.Dx(), func(y int, dst []float32) { lt.row(img, y, dst) }, &a)
	var dct [16][16]float32
	dct64To16(&a, &dct)
	b.Run("quality", func(b *testing.B) {
		avatarLoop(b, func() { imageQuality(&a) })
	})
	b.Run("dct", func(b *testing.B) {
		avatarLoop(b, func() { dct64To16(&a, &dct) })
	})
	b.Run("threshold", func(b *testing.B) {
		avatarLoop(b, func() { threshold(&dct) })
	})
	big := decodeTestImage(b, benchSizes[0].file)
	lt.init(big)
	rowBuf := make([]float32, big.Bounds().Dx())
	b.Run("luma-512x512", func(b *testing.B) {
		avatarLoop(b, func() {
			for y := range big.Bounds().Dy() {
				lt.row(big, y, rowBuf)
			}
		})
	})
}
