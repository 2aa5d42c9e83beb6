package risk_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"

	"github.com/transferguard/transferguard/risk"
)

// A service hashes each uploaded avatar once and stores the Avatar value.
func ExamplePDQ() {
	f, err := os.Open("testdata/pdq/images/pdq-data/bridge-mods/square-128x128.jpg")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	img, err := risk.DecodeAvatar(f, risk.DefaultLimits())
	if err != nil {
		fmt.Println(err)
		return
	}
	hash, quality := risk.PDQ(img)
	fmt.Println(hash)
	fmt.Println("quality", quality, "usable", quality >= risk.MinQuality)
	// Output:
	// d8f8f0eec0f4a84f0e37022a078f67f0b36e2ed596621e1d33e6239c4e9c9b22
	// quality 100 usable true
}

func ExampleParseHash() {
	// The same photo hashed by the C++ tool and by Go (different JPEG decoders).
	cpp, err := risk.ParseHash("d8f8f1eec0f4a84f0e37022a078f63f0b36e2ed596621e1d33e6239c4e9c9b22")
	if err != nil {
		fmt.Println(err)
		return
	}
	goHash, _ := risk.ParseHash("D8F8F0EEC0F4A84F0E37022A078F67F0B36E2ED596621E1D33E6239C4E9C9B22")
	fmt.Println(cpp.Distance(goHash), goHash)
	_, err = risk.ParseHash("not a hash")
	fmt.Println(errors.Is(err, risk.ErrHashSyntax))
	// Output:
	// 2 d8f8f0eec0f4a84f0e37022a078f67f0b36e2ed596621e1d33e6239c4e9c9b22
	// true
}

func ExampleCompareAvatars() {
	a, _ := risk.ParseHash("d8f8f1eec0f4a84f0e37022a078f63f0b36e2ed596621e1d33e6239c4e9c9b22")
	b, _ := risk.ParseHash("d8f8f0eec0f4a84f0e37022a078f67f0b36e2ed596621e1d33e6239c4e9c9b22")
	m := risk.CompareAvatars(a, b, 100, 100)
	fmt.Printf("distance %d match %v score %.2f %v\n", m.Distance, m.Match, m.Score, m.Reasons())
	// A flat image's hash is noise: never a match, whatever the distance.
	m = risk.CompareAvatars(a, a, 100, 0)
	fmt.Printf("distance %d usable %v match %v\n", m.Distance, m.Usable, m.Match)
	// Output:
	// distance 2 match true score 0.97 [avatar_match]
	// distance 0 usable false match false
}

// A mirrored copy matches through the dihedral variants of the original.
func ExampleCompareAvatarsDihedral() {
	img := image.NewNRGBA(image.Rect(0, 0, 96, 96))
	mirrored := image.NewNRGBA(img.Bounds())
	for y := range 96 {
		for x := range 96 {
			c := color.NRGBA{uint8(x * x % 251), uint8(y * 3), uint8((x / 12) * 30), 255}
			if (x-30)*(x-30)+(y-40)*(y-40) < 400 {
				c = color.NRGBA{250, 240, 20, 255}
			}
			img.SetNRGBA(x, y, c)
			mirrored.SetNRGBA(95-x, y, c)
		}
	}
	orig := risk.HashAvatar(img)
	copyHash, q := risk.PDQ(mirrored)
	fmt.Println("plain match:", risk.CompareAvatars(orig.Hash, copyHash, orig.Quality, q).Match)
	m := risk.CompareAvatarsDihedral(*orig.Variants, copyHash, orig.Quality, q)
	fmt.Println("dihedral match:", m.Match, m.Variant, m.Reasons())
	// Output:
	// plain match: false
	// dihedral match: true flipy [avatar_match avatar_mirrored]
}

// DecodeAvatar refuses an image whose header claims too many pixels before
// it allocates them.
func ExampleDecodeAvatar() {
	header := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x06\x00\x00\x00\xa8\x52\x0b\xc8")
	_, err := risk.DecodeAvatar(bytes.NewReader(header), risk.DefaultLimits())
	fmt.Println(errors.Is(err, risk.ErrTooLarge), err)
	_, err = risk.DecodeAvatar(bytes.NewReader([]byte("BM not supported")), risk.Limits{})
	fmt.Println(errors.Is(err, risk.ErrFormat))
	// Output:
	// true risk: avatar over size limits
	// true
}

// The payee wears a mirrored copy of a contact's avatar under another
// nickname: Lookalikes reports the contact with avatar reasons.
func ExampleIndex_Lookalikes_avatar() {
	picture := func(mirror bool) image.Image {
		img := image.NewNRGBA(image.Rect(0, 0, 80, 80))
		for y := range 80 {
			for x := range 80 {
				c := color.NRGBA{uint8(x * 3), uint8(200 - y*2), uint8((x * y) % 256), 255}
				if (x-25)*(x-25)+(y-30)*(y-30) < 300 {
					c = color.NRGBA{240, 40, 40, 255}
				}
				if mirror {
					img.SetNRGBA(79-x, y, c)
				} else {
					img.SetNRGBA(x, y, c)
				}
			}
		}
		return img
	}
	cousin := risk.HashAvatar(picture(false))
	ix := risk.NewIndex([]risk.Profile{
		{ID: "u1", Nickname: "Bob"},
		{ID: "u2", Nickname: "表哥", Avatar: &cousin},
	})
	h, q := risk.PDQ(picture(true))
	for _, s := range ix.Lookalikes(risk.Profile{ID: "x9", Nickname: "Lucky", Avatar: &risk.Avatar{Hash: h, Quality: q}}) {
		fmt.Println(s.Contact.ID, s.Reasons, s.Avatar.Distance)
	}
	// Output:
	// u2 [avatar_match avatar_mirrored] 0
}

// PDQDihedral predicts the hashes of the eight rotations and flips from one
// DCT, as the reference's pdqDihedralHash256es does.
func ExamplePDQDihedral() {
	f, err := os.Open("testdata/pdq/images/pdq-data/bridge-mods/square-128x128.jpg")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	img, err := risk.DecodeAvatar(f, risk.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, quality := risk.PDQDihedral(img)
	h, _ := risk.PDQ(img)
	fmt.Println(quality, d[risk.Original] == h, d[risk.FlipY].Distance(h) > risk.MatchThreshold)
	// Output:
	// 100 true true
}
