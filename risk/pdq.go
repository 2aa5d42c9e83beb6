// # PDQ
//
// [PDQ] computes Meta's PDQ perceptual hash (facebook/ThreatExchange, pdq/),
// bit for bit as the C++ and Java references do when fed the same decoded
// pixels: Rec. 601 luminance in float32, the Jarosz two-pass tent filter
// down to 64×64, a 16×16 DCT of frequencies 1..16, and a threshold at the
// lower median. The hex text form, bit order, quality metric (0–100) and the
// eight dihedral variants are the reference's, so hashes are interchangeable
// with ThreatExchange, HMA and FAISS indexes of PDQ hashes. The reference's
// recommendations are [MatchThreshold] (distance ≤ 31) and [MinQuality].
// [DecodeAvatar] decodes PNG, JPEG, GIF and WebP under [Limits];
// [CompareAvatars] and [CompareAvatarsDihedral] give an [AvatarMatch];
// [HashAvatar] prepares the [Avatar] of a [Profile], whose eight dihedral
// variants let [Index] find mirrored and rotated copies. The test vectors
// are in testdata/pdq (with upstream's licence and PROVENANCE.md).
//
// Every float32 product is converted explicitly before it is added, so that
// the compiler cannot fuse it into a multiply-add on arm64, ppc64le, s390x,
// riscv64 or loong64; the flat-grey conformance vector catches any change of
// arithmetic order.
//
// # PDQ deviations and choices
//
//   - By default the image is hashed at full resolution, as the Java
//     reference, python-threatexchange and HMA do. [PreResize512] gives the
//     C++ command-line tool's nearest-neighbour 512×512 pre-resize instead.
//   - Pixels are taken as the Go decoders produce them. For 4:2:0 JPEGs Go's
//     image/jpeg differs slightly from libjpeg-turbo, so the hash of a JPEG
//     file may differ from the C++ tool's by a few bits (0–8 bits at quality
//     100 on the reference images, within upstream's tolerance of 10); fed
//     the same pixels the hash is identical.
//   - Alpha is ignored without compositing, as in the reference: the stored
//     colour of [*image.NRGBA] and [*image.NYCbCrA] pixels is hashed. For
//     premultiplied images ([*image.RGBA], [*image.RGBA64]) the colour is
//     un-premultiplied as [color.NRGBAModel] does; fully transparent pixels
//     then count as black.
//   - [*image.Gray] takes the reference's grey path (luminance = the sample);
//     16-bit images use the high byte of each sample (the C++ tool keeps the
//     low byte, Pillow clamps: upstream has no single answer).
//   - EXIF orientation is ignored, as in every reference.
//   - [HashAvatar]'s variants are the hashes of the actually transformed
//     image; the reference's DCT-derived predictions are [PDQDihedral].
//   - [MinQuality] is 50, the reference README's "discard quality ≤ 49".
package risk

//go:generate go test -run=^TestDCTTableUpToDate$ -update-dct
//go:generate go test -run=^TestLumaTableUpToDate$ -update-luma

import (
	"image"
)

// MatchThreshold is the reference's recommended largest PDQ distance for a
// match: two hashes at distance ≤ 31 show the same picture.
const MatchThreshold = 31

// MinQuality is the lowest PDQ quality that supports a match verdict. The
// reference README says to "discard quality ≤ 49", and python-threatexchange
// treats quality < 50 as unreliable, so a hash of quality 49 or less is
// unusable. Flat, nearly flat and tiny images have low quality; their hashes
// are dominated by rounding noise.
const MinQuality = 50

// PDQOption adjusts [PDQ]. Later options override earlier ones.
type PDQOption struct{ preResize512 bool }

// PreResize512 selects the C++ command-line tool's pre-resize: when the image
// is wider or taller than 512 pixels it is first resized to exactly 512×512
// (aspect ratio not kept) by CImg's nearest-neighbour rule, output pixel
// (x, y) copying input pixel (⌊x·W/512⌋, ⌊y·H/512⌋). PreResize512(false), the
// default, hashes at full resolution as the Java reference,
// python-threatexchange and HMA do. Both give the same hash for images of at
// most 512×512.
func PreResize512(on bool) PDQOption { return PDQOption{preResize512: on} }

// PDQ returns the PDQ hash of img and its quality, 0 (flat) to 100, exactly
// as Meta's reference computes them from the same pixels (see the package
// documentation's PDQ section).
//
// Images narrower or shorter than 5 pixels get the zero Hash and quality 0,
// and so do malformed images of the standard library's types whose pixel
// buffers do not cover their Rect (a hand-built Pix shorter than
// Stride × height, a negative stride, YCbCr chroma planes too small for
// COffset): PDQ checks the buffer bounds before reading any pixel and never
// panics on them. A hash whose quality is below [MinQuality] must not be
// used for a match verdict.
//
// PDQ allocates one float32 buffer of about (height/128 + 20) × width +
// 64 × (height/128 + 8) values, 48 KB for a 512×512 image (plus a 512×512 image with
// [PreResize512]): the filter passes are streamed, so the buffer grows with
// the width, not with the pixel count. The number of
// allocations does not depend on the image size for [*image.YCbCr],
// [*image.RGBA], [*image.NRGBA], [*image.Gray], [*image.Paletted] and
// [*image.NYCbCrA]. Other image types are read through At, which may
// allocate per pixel. Time is linear in the pixel count: bound it with the
// [Limits] given to [DecodeAvatar].
func PDQ(img image.Image, opts ...PDQOption) (Hash, int) {
	var dct [16][16]float32
	q, ok := pdqDCT(img, opts, &dct)
	if !ok {
		return Hash{}, 0
	}
	return threshold(&dct), q
}

// Variant names one of the eight dihedral transforms (rotations and flips)
// of an image, in the reference's order.
type Variant uint8

// The dihedral variants, in the order of the reference's
// pdqDihedralHash256es and of [Dihedral].
const (
	Original   Variant = iota // the image as given
	Rotate90                  // rotated 90° counter-clockwise
	Rotate180                 // rotated 180°
	Rotate270                 // rotated 90° clockwise
	FlipX                     // top and bottom swapped
	FlipY                     // left and right swapped (mirror image)
	FlipPlus1                 // reflected in the main diagonal (transposed)
	FlipMinus1                // reflected in the anti-diagonal
)

var variantNames = [...]string{"original", "rotate90", "rotate180", "rotate270", "flipx", "flipy", "flipplus1", "flipminus1"}

// String returns the variant's lower-case name, as in the reference's tools.
func (v Variant) String() string {
	if int(v) < len(variantNames) {
		return variantNames[v]
	}
	return "invalid"
}

// IsMirror reports whether v is a reflection (a flip) rather than a
// rotation.
func (v Variant) IsMirror() bool { return v >= FlipX && v <= FlipMinus1 }

// Dihedral holds the PDQ hashes of the eight dihedral variants of one image,
// indexed by [Variant]: the hashes the image would have if it were rotated or
// flipped, predicted from its DCT without re-hashing (the reference's
// pdqDihedralHash256es). Dihedral[Original] is the image's own [PDQ] hash.
//
// Compare a stored hash against all eight variants of the other side rather
// than picking a canonical "smallest" variant, which upstream warns is
// unstable. The zero Dihedral goes with quality 0.
type Dihedral [8]Hash

// PDQDihedral returns the PDQ hashes of the eight dihedral variants of img,
// from one DCT, and the quality (the same for all eight). It costs about the
// same as [PDQ]; see PDQ for allocations and the zero result (also given
// to malformed images, without a panic).
func PDQDihedral(img image.Image, opts ...PDQOption) (Dihedral, int) {
	var dct [16][16]float32
	q, ok := pdqDCT(img, opts, &dct)
	if !ok {
		return Dihedral{}, 0
	}
	var d Dihedral
	var t [16][16]float32
	for v := Original; v <= FlipMinus1; v++ {
		transformDCT(&t, &dct, v)
		d[v] = threshold(&t)
	}
	return d, q
}

// pdqDCT computes the 16×16 DCT and the quality of img, or ok == false for
// images below the 5-pixel minimum and malformed images (pixelsInRange).
func pdqDCT(img image.Image, opts []PDQOption, dct *[16][16]float32) (quality int, ok bool) {
	if !pixelsInRange(img) {
		return 0, false
	}
	o := options(opts)
	b := img.Bounds()
	if o.preResize512 && (b.Dx() > 512 || b.Dy() > 512) {
		img = cliResize512(img)
		b = img.Bounds()
	}
	rows, cols := b.Dy(), b.Dx()
	if rows < 5 || cols < 5 {
		return 0, false
	}
	var lt lumaTables
	lt.init(img)
	var a [64][64]float32
	downsampleRows(rows, cols, func(y int, dst []float32) { lt.row(img, y, dst) },
		func(y int, d0, d1 []float32) bool { return lt.rows2(img, y, d0, d1) }, &a)
	quality = imageQuality(&a)
	dct64To16(&a, dct)
	return quality, true
}

// options returns the effective options: later ones override earlier ones.
func options(opts []PDQOption) PDQOption {
	var o PDQOption
	for _, opt := range opts {
		o = opt
	}
	return o
}
