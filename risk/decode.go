package risk

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/webp"
)

// Errors returned by [DecodeAvatar]. Their messages never contain image data.
var (
	// ErrTooLarge means the input is longer than Limits.MaxBytes, or its
	// header declares a width, height or pixel count over the limits.
	ErrTooLarge = errors.New("risk: avatar over size limits")
	// ErrFormat means the input is not PNG, JPEG, GIF or WebP.
	ErrFormat = errors.New("risk: unknown avatar format")
	// ErrCorrupt means the input has a known format but is truncated,
	// corrupt, or declares an empty image.
	ErrCorrupt = errors.New("risk: corrupt avatar")
)

// Limits bounds the work and memory of [DecodeAvatar]. A zero field means
// the default from [DefaultLimits]; negative fields are treated as zero.
type Limits struct {
	// MaxBytes is the longest accepted input, in bytes (default 8 MiB).
	MaxBytes int64
	// MaxWidth and MaxHeight bound the declared dimensions, in pixels
	// (default 4096 each).
	MaxWidth, MaxHeight int
	// MaxPixels bounds width × height (default 4096 × 4096 = 16,777,216).
	// Decoding allocates at most a few bytes per pixel for the image (4 for
	// RGBA, 8 for 16-bit PNGs, about 13 for progressive JPEGs).
	MaxPixels int64
}

// DefaultLimits returns the limits that [DecodeAvatar] applies for zero
// fields: 8 MiB, 4096 × 4096 pixels. Avatars are usually far smaller; a
// service that knows its upload size may lower them.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 8 << 20, MaxWidth: 4096, MaxHeight: 4096, MaxPixels: 4096 * 4096}
}

// withDefaults fills zero (or negative) fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.MaxWidth <= 0 {
		l.MaxWidth = d.MaxWidth
	}
	if l.MaxHeight <= 0 {
		l.MaxHeight = d.MaxHeight
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = d.MaxPixels
	}
	return l
}

// avatarFormat is a sniffed image format with its decoders.
type avatarFormat struct {
	name   string
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

// sniff picks the decoder from the input's magic bytes. The decoders are
// called directly rather than through image.Decode, whose format registry is
// process-wide state that any imported package can extend.
func sniff(b []byte) (avatarFormat, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return avatarFormat{"png", png.DecodeConfig, png.Decode}, true
	case bytes.HasPrefix(b, []byte("\xff\xd8")):
		return avatarFormat{"jpeg", jpeg.DecodeConfig, jpegDecode}, true
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return avatarFormat{"gif", gif.DecodeConfig, gif.Decode}, true
	case len(b) >= 15 && string(b[:4]) == "RIFF" && string(b[8:15]) == "WEBPVP8":
		return avatarFormat{"webp", webp.DecodeConfig, webp.Decode}, true
	}
	return avatarFormat{}, false
}

// truncatedMagic reports whether b is a non-empty proper prefix of a known
// format's magic bytes: a truncated file rather than an unknown format.
func truncatedMagic(b []byte) bool {
	for _, m := range []string{"\x89PNG\r\n\x1a\n", "GIF87a", "GIF89a", "RIFF"} {
		if len(b) > 0 && len(b) < len(m) && m[:len(b)] == string(b) {
			return true
		}
	}
	if len(b) >= 4 && len(b) < 15 && string(b[:4]) == "RIFF" && (len(b) <= 8 || "WEBPVP8"[:len(b)-8] == string(b[8:])) {
		return true
	}
	return len(b) == 1 && b[0] == 0xff
}

func jpegDecode(r io.Reader) (image.Image, error) { return jpeg.Decode(r) }

// DecodeAvatar decodes a PNG, JPEG, GIF (first frame) or WebP image read
// from r, for [PDQ].
//
// It reads at most lim.MaxBytes bytes (plus one, to detect a longer input)
// and then decodes only the header; an image whose declared width, height or
// pixel count is over lim is refused with [ErrTooLarge] before any pixel
// buffer is allocated. Unknown formats give [ErrFormat]; truncated or corrupt
// data gives [ErrCorrupt] (wrapping the decoder's error); an error from r is
// returned wrapped. Bad input never panics.
//
// The image is returned as the decoder produced it: EXIF orientation is not
// applied and alpha is kept (PDQ ignores both, as the reference does).
// DecodeAvatar allocates the input bytes and the decoded image.
func DecodeAvatar(r io.Reader, lim Limits) (image.Image, error) {
	lim = lim.withDefaults()
	n := lim.MaxBytes
	if n < math.MaxInt64 {
		n++ // one more byte tells an over-long input from one at the limit
	}
	data, err := io.ReadAll(io.LimitReader(r, n))
	if err != nil {
		return nil, fmt.Errorf("risk: reading avatar: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, ErrTooLarge
	}
	f, ok := sniff(data)
	if !ok {
		if truncatedMagic(data) {
			return nil, fmt.Errorf("%w: truncated header", ErrCorrupt)
		}
		return nil, ErrFormat
	}
	cfg, err := f.config(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %s header: %w", ErrCorrupt, f.name, err)
	}
	if err := lim.check(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	img, err := f.decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrCorrupt, f.name, err)
	}
	// A decoder must not produce more than its header declared; check anyway,
	// since the pixel limit is a promise to the caller.
	b := img.Bounds()
	if err := lim.check(b.Dx(), b.Dy()); err != nil {
		return nil, err
	}
	return img, nil
}

// check returns ErrCorrupt for empty sizes and ErrTooLarge for sizes over l.
func (l Limits) check(w, h int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%w: empty image", ErrCorrupt)
	}
	if w > l.MaxWidth || h > l.MaxHeight || int64(w)*int64(h) > l.MaxPixels {
		return ErrTooLarge
	}
	return nil
}
