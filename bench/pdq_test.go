package bench

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/corona10/goimagehash"
	"github.com/transferguard/transferguard/risk"
)

// pdqImages are the upstream PDQ square test JPEGs (copied into
// risk/testdata), decoded by Go: the inputs of the timings.
var pdqImages = []struct{ name, file string }{
	{"512x512", "square-512x512.jpg"},
	{"256x256", "square-256x256.jpg"},
	{"128x128", "square-128x128.jpg"},
}

func loadPDQImage(tb testing.TB, file string) image.Image {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "risk", "testdata", "pdq", "images", "pdq-data", "bridge-mods", file))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	img, err := risk.DecodeAvatar(f, risk.DefaultLimits())
	if err != nil {
		tb.Fatal(err)
	}
	return img
}

// BenchmarkPDQ is transferguard's PDQ (256 bits, bit-exact with Meta's
// reference) on decoded images.
func BenchmarkPDQ(b *testing.B) {
	for _, c := range pdqImages {
		img := loadPDQImage(b, c.file)
		b.Run(c.name, func(b *testing.B) {
			loopCPU(b, func(int) { risk.PDQ(img) })
		})
	}
}

// BenchmarkGoimagehashPerceptionHash is goimagehash's 64-bit pHash on the
// same decoded images.
func BenchmarkGoimagehashPerceptionHash(b *testing.B) {
	for _, c := range pdqImages {
		img := loadPDQImage(b, c.file)
		b.Run(c.name, func(b *testing.B) {
			loopCPU(b, func(int) {
				if _, err := goimagehash.PerceptionHash(img); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// TestPeersHashTheSameImages: both hashers accept the benchmark images, and
// the PDQ hashes are usable (quality ≥ risk.MinQuality).
func TestPeersHashTheSameImages(t *testing.T) {
	for _, c := range pdqImages {
		img := loadPDQImage(t, c.file)
		if _, q := risk.PDQ(img); q < risk.MinQuality {
			t.Errorf("%s: PDQ quality %d", c.name, q)
		}
		if _, err := goimagehash.PerceptionHash(img); err != nil {
			t.Errorf("%s: goimagehash: %v", c.name, err)
		}
	}
}
