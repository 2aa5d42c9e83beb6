package risk

import (
	"bytes"
	"encoding/binary"
	"errors"
	"runtime"
	"testing"
)

// fuzzLimits are small limits, so that the allocation bound below is tight.
var fuzzLimits = Limits{MaxBytes: 1 << 20, MaxWidth: 1024, MaxHeight: 1024, MaxPixels: 256 * 256}

// maxDecodeAlloc bounds what DecodeAvatar may allocate under lim: the input
// (read with doubling growth), ~16 bytes per allowed pixel (a 16-bit RGBA
// PNG is 8, a progressive JPEG keeps ~12 of coefficients plus the image),
// and fixed decoder state.
func maxDecodeAlloc(lim Limits) uint64 {
	return uint64(3*lim.MaxBytes) + uint64(24*lim.MaxPixels) + 4<<20
}

func FuzzDecodeAvatar(f *testing.F) {
	for _, data := range encodeAll(f) {
		f.Add(data)
		f.Add(data[:len(data)/2])
		f.Add(data[:min(len(data), 40)])
	}
	f.Add(hugePNG(100000, 100000))
	f.Add(hugePNG(300, 300))
	f.Add(hugePNG(0, 0))
	// A GIF whose logical screen is 65535×65535.
	gifHdr := []byte("GIF89a\xff\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x10\x00\x10\x00\x00\x02\x02D\x01\x00;")
	f.Add(gifHdr)
	// A baseline JPEG SOF0 declaring 60000×60000.
	sof := []byte{0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0xea, 0x60, 0xea, 0x60, 1, 1, 0x11, 0, 0xff, 0xd9}
	f.Add(sof)
	// A lossless WebP (VP8L) header declaring 16384×16384.
	vp8l := []byte("RIFF\x00\x00\x00\x00WEBPVP8L\x05\x00\x00\x00\x2f")
	var dims [4]byte
	binary.LittleEndian.PutUint32(dims[:], (16383)|(16383<<14))
	vp8l = append(vp8l, dims[:]...)
	binary.LittleEndian.PutUint32(vp8l[4:], uint32(len(vp8l)-8))
	f.Add(vp8l)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		img, err := DecodeAvatar(bytes.NewReader(data), fuzzLimits)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > maxDecodeAlloc(fuzzLimits) {
			t.Fatalf("DecodeAvatar allocated %d bytes, bound %d", n, maxDecodeAlloc(fuzzLimits))
		}
		if err != nil {
			if img != nil {
				t.Fatalf("image and error %v", err)
			}
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrFormat) && !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v is none of the sentinels", err)
			}
			return
		}
		b := img.Bounds()
		if b.Dx() <= 0 || b.Dy() <= 0 || b.Dx() > fuzzLimits.MaxWidth || b.Dy() > fuzzLimits.MaxHeight ||
			int64(b.Dx())*int64(b.Dy()) > fuzzLimits.MaxPixels {
			t.Fatalf("decoded bounds %v over the limits", b)
		}
		// Whatever decodes can be hashed, without panic.
		h, q := PDQ(img)
		if q < 0 || q > 100 {
			t.Fatalf("quality %d", q)
		}
		if (b.Dx() < 5 || b.Dy() < 5) && (q != 0 || !h.IsZero()) {
			t.Fatalf("%v image: hash %v quality %d, want zero", b, h, q)
		}
		// PDQ's fast paths (per image type) agree with the plain
		// transcription on whatever the decoders produce.
		if b.Dx()*b.Dy() <= 160*160 {
			if hs, qs := slowPDQ(img); h != hs || q != qs {
				t.Fatalf("%T %v: PDQ %v/%d, slowPDQ %v/%d", img, b, h, q, hs, qs)
			}
		}
	})
}
