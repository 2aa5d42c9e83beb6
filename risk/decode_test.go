package risk

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultLimits(t *testing.T) {
	want := Limits{MaxBytes: 8 << 20, MaxWidth: 4096, MaxHeight: 4096, MaxPixels: 4096 * 4096}
	if diff := cmp.Diff(want, DefaultLimits()); diff != "" {
		t.Errorf("DefaultLimits (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, Limits{}.withDefaults()); diff != "" {
		t.Errorf("zero Limits (-want +got):\n%s", diff)
	}
}

// testPattern is a small deterministic RGB image.
func testPattern(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x ^ y) * 7), 0xff})
		}
	}
	return m
}

func encodeAll(t testing.TB) map[string][]byte {
	t.Helper()
	img := testPattern(40, 30)
	out := map[string][]byte{}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	out["png"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	out["jpeg"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	out["gif"] = bytes.Clone(b.Bytes())
	webp, err := os.ReadFile(filepath.Join(pdqData, "images/pdq-data/misc-images/modes/F.webp"))
	if err != nil {
		t.Fatal(err)
	}
	out["webp"] = webp
	return out
}

// hugePNG is a valid PNG signature and IHDR declaring w×h RGBA pixels,
// followed by an IDAT of junk up to about 1 KB.
func hugePNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, c.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk("IHDR", ihdr)
	chunk("IDAT", bytes.Repeat([]byte{0x78}, 960))
	chunk("IEND", nil)
	return b.Bytes()
}

func TestDecodeAvatarFormats(t *testing.T) {
	for name, data := range encodeAll(t) {
		img, err := DecodeAvatar(bytes.NewReader(data), Limits{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := img.Bounds(); name != "webp" && (b.Dx() != 40 || b.Dy() != 30) {
			t.Errorf("%s: bounds %v", name, b)
		}
	}
}

func TestDecodeAvatarErrors(t *testing.T) {
	enc := encodeAll(t)
	tests := []struct {
		name string
		in   []byte
		lim  Limits
		want error
	}{
		{"empty", nil, Limits{}, ErrFormat},
		{"text", []byte("hello, world"), Limits{}, ErrFormat},
		{"bmp", []byte("BM\x00\x00\x00\x00"), Limits{}, ErrFormat},
		{"huge-png", hugePNG(100000, 100000), Limits{}, ErrTooLarge},
		{"wide-png", hugePNG(5000, 1), Limits{}, ErrTooLarge},
		{"zero-png", hugePNG(0, 10), Limits{}, ErrCorrupt},
		{"pixels", enc["png"], Limits{MaxPixels: 40*30 - 1}, ErrTooLarge},
		{"width", enc["jpeg"], Limits{MaxWidth: 39}, ErrTooLarge},
		{"height", enc["gif"], Limits{MaxHeight: 29}, ErrTooLarge},
		{"bytes", enc["png"], Limits{MaxBytes: int64(len(enc["png"]) - 1)}, ErrTooLarge},
		{"webp-size", enc["webp"], Limits{MaxPixels: 100}, ErrTooLarge},
	}
	for name, data := range enc {
		for _, n := range []int{1, 2, 5, 12, 16, len(data) / 2, len(data) - 1} {
			if name == "gif" && n == len(data)-1 {
				continue // only the trailer is missing: the first frame is whole
			}
			tests = append(tests, struct {
				name string
				in   []byte
				lim  Limits
				want error
			}{name + "-truncated", data[:n], Limits{}, ErrCorrupt})
		}
	}
	for _, tc := range tests {
		img, err := DecodeAvatar(bytes.NewReader(tc.in), tc.lim)
		if !errors.Is(err, tc.want) || img != nil {
			t.Errorf("%s: DecodeAvatar(%d bytes %+q…) = %T, %v; want %v", tc.name, len(tc.in), tc.in[:min(len(tc.in), 8)], img, err, tc.want)
		}
	}
	// The exact byte limit is accepted.
	if _, err := DecodeAvatar(bytes.NewReader(enc["png"]), Limits{MaxBytes: int64(len(enc["png"]))}); err != nil {
		t.Errorf("at the byte limit: %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestDecodeAvatarReadError(t *testing.T) {
	if _, err := DecodeAvatar(errReader{}, Limits{}); !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("DecodeAvatar(failing reader) = %v, want wrapped io.ErrClosedPipe", err)
	}
}

// TestDecodeAvatarHugeHeaderIsCheap: a 1 KB PNG claiming 100,000 × 100,000
// pixels (40 GB of RGBA) is refused from its header, allocating next to
// nothing.
func TestDecodeAvatarHugeHeaderIsCheap(t *testing.T) {
	data := hugePNG(100000, 100000)
	if len(data) > 1100 {
		t.Fatalf("test PNG is %d bytes", len(data))
	}
	f := func() {
		if _, err := DecodeAvatar(bytes.NewReader(data), Limits{}); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v", err)
		}
	}
	allocs := testing.AllocsPerRun(20, f)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const runs = 20
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	perRun := (after.TotalAlloc - before.TotalAlloc) / runs
	t.Logf("refusing a %d-byte PNG of 100000x100000: %v allocations, %d bytes per call", len(data), allocs, perRun)
	if allocs > 20 || perRun > 16<<10 {
		t.Errorf("refusal allocated %v times, %d bytes per call; want ≤ 20 and ≤ 16 KiB", allocs, perRun)
	}
}

func TestDecodeAvatarGIFFirstFrame(t *testing.T) {
	pal := color.Palette{color.Black, color.White}
	a := &gif.GIF{Image: []*image.Paletted{image.NewPaletted(image.Rect(0, 0, 8, 8), pal), image.NewPaletted(image.Rect(0, 0, 8, 8), pal)}, Delay: []int{0, 0}}
	for i := range a.Image[1].Pix {
		a.Image[1].Pix[i] = 1
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, a); err != nil {
		t.Fatal(err)
	}
	img, err := DecodeAvatar(&b, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _, _ := img.At(3, 3).RGBA(); r != 0 {
		t.Errorf("got the second frame (white), want the first (black)")
	}
}

func TestDecodeAvatarMaxInt64Bytes(t *testing.T) {
	data := encodeAll(t)["png"]
	if _, err := DecodeAvatar(bytes.NewReader(data), Limits{MaxBytes: math.MaxInt64}); err != nil {
		t.Errorf("MaxBytes = MaxInt64: %v", err)
	}
}
