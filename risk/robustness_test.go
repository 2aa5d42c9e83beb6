package risk

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/draw"
)

// genAvatar draws a 256×256 test avatar of one of three classes: shapes,
// gradients (gradient-filled shapes on a gradient background) and text-like
// lines of glyphs under a coloured bar. It renders at 4× and averages 4×4
// blocks, so edges are anti-aliased as in real avatars.
func genAvatar(class string, seed uint64) *image.NRGBA {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	const n, ss = 256, 4
	const big = n * ss
	m := image.NewNRGBA(image.Rect(0, 0, big, big))
	rc := func() color.NRGBA {
		return color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 0xff}
	}
	set := func(x, y int, c color.NRGBA) {
		if x >= 0 && y >= 0 && x < big && y < big {
			m.SetNRGBA(x, y, c)
		}
	}
	// paint returns the colour at (x, y): flat, or a linear gradient.
	type paint func(x, y int) color.NRGBA
	flat := func(c color.NRGBA) paint { return func(int, int) color.NRGBA { return c } }
	gradient := func() paint {
		a, b := rc(), rc()
		th := r.Float64() * 2 * math.Pi
		dx, dy := math.Cos(th), math.Sin(th)
		return func(x, y int) color.NRGBA {
			t := min(1, max(0, (float64(x-big/2)*dx+float64(y-big/2)*dy)/big+0.5))
			mix := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
			return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
		}
	}
	fill := func(p paint) {
		for y := range big {
			for x := range big {
				m.SetNRGBA(x, y, p(x, y))
			}
		}
	}
	shapes := func(count int, newPaint func() paint) {
		for range count {
			p := newPaint()
			cx, cy, s := r.IntN(big), r.IntN(big), (15+r.IntN(70))*ss
			circle := r.IntN(2) == 0
			for y := cy - s; y <= cy+s; y++ {
				for x := cx - s; x <= cx+s; x++ {
					if !circle || (x-cx)*(x-cx)+(y-cy)*(y-cy) <= s*s {
						set(x, y, p(x, y))
					}
				}
			}
		}
	}
	switch class {
	case "shapes":
		fill(flat(rc()))
		shapes(8+r.IntN(9), func() paint { return flat(rc()) })
	case "gradients":
		fill(gradient())
		shapes(8+r.IntN(9), gradient)
	case "text":
		bg, ink, bar := rc(), color.NRGBA{uint8(r.IntN(80)), uint8(r.IntN(80)), uint8(r.IntN(80)), 0xff}, rc()
		bg.R, bg.G, bg.B = 180+bg.R%76, 180+bg.G%76, 180+bg.B%76
		fill(flat(bg))
		barH := (20 + r.IntN(40)) * ss
		for y := range barH {
			for x := range big {
				m.SetNRGBA(x, y, bar)
			}
		}
		size := (16 + r.IntN(16)) * ss // glyph height
		pen := max(ss*3, size/5)       // stroke width
		stroke := func(x, y int) {
			for dy := range pen {
				for dx := range pen {
					set(x+dx, y+dy, ink)
				}
			}
		}
		for y := barH + 6*ss; y+size < big-4*ss; y += size + size/3 + r.IntN(size/2) {
			x := (6 + r.IntN(30)) * ss
			end := big - (6+r.IntN(120))*ss
			for x < end {
				gw := size/2 + r.IntN(size/3)
				// A glyph: 2–3 strokes (vertical, horizontal or diagonal).
				for range 2 + r.IntN(2) {
					switch r.IntN(3) {
					case 0:
						sx := x + r.IntN(gw)
						for yy := y; yy < y+size; yy++ {
							stroke(sx, yy)
						}
					case 1:
						sy := y + r.IntN(size)
						for xx := x; xx < x+gw; xx++ {
							stroke(xx, sy)
						}
					default:
						for k := range size {
							stroke(x+k*gw/size, y+k)
						}
					}
				}
				x += gw + pen + ss
				if r.IntN(5) == 0 {
					x += size / 2 // a space
				}
			}
		}
	}
	out := image.NewNRGBA(image.Rect(0, 0, n, n))
	for y := range n {
		for x := range n {
			var sum [3]int
			for dy := range ss {
				for dx := range ss {
					c := m.NRGBAAt(x*ss+dx, y*ss+dy)
					sum[0] += int(c.R)
					sum[1] += int(c.G)
					sum[2] += int(c.B)
				}
			}
			const k = ss * ss
			out.SetNRGBA(x, y, color.NRGBA{uint8((sum[0] + k/2) / k), uint8((sum[1] + k/2) / k), uint8((sum[2] + k/2) / k), 0xff})
		}
	}
	return out
}

func reencodeJPEG(t *testing.T, img image.Image, q int) image.Image {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	out, err := DecodeAvatar(&b, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func resize(img image.Image, w, h int) image.Image {
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(out, out.Bounds(), img, img.Bounds(), draw.Src, nil)
	return out
}

func brighten(img *image.NRGBA, f float64) image.Image {
	out := image.NewNRGBA(img.Bounds())
	for i, v := range img.Pix {
		if i%4 == 3 {
			out.Pix[i] = v
			continue
		}
		out.Pix[i] = uint8(min(255, math.Round(float64(v)*f)))
	}
	return out
}

func mirror(img *image.NRGBA) image.Image {
	b := img.Bounds()
	out := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.SetNRGBA(b.Max.X-1-(x-b.Min.X), y, img.NRGBAAt(x, y))
		}
	}
	return out
}

func summarize(ds []int) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	return fmt.Sprintf("min %d, median %d, max %d (n=%d)", s[0], s[len(s)/2], s[len(s)-1], len(s))
}

// TestPDQRobustness: the everyday edits a copied avatar goes through keep
// it within MatchThreshold of the original, and unrelated avatars stay
// above it.
func TestPDQRobustness(t *testing.T) {
	var originals []Avatar
	lowQuality := 0
	dists := map[string][]int{}
	order := []string{"jpeg-q50", "half", "double", "brightness+2%", "mirror (dihedral)", "mirror+jpeg-q50 (dihedral)", "mirror (predicted)", "mirror (plain)"}
	perClass := uint64(12)
	if pdqRace {
		perClass = 3
	}
	for _, class := range []string{"shapes", "gradients", "text"} {
		for seed := range perClass {
			img := genAvatar(class, seed)
			a := HashAvatar(img)
			if a.Quality < MinQuality {
				lowQuality++
			}
			originals = append(originals, a)
			check := func(name string, m AvatarMatch) {
				dists[name] = append(dists[name], m.Distance)
				if name == "mirror (plain)" || name == "mirror (predicted)" {
					return // reported only
				}
				// Every copy stays within the threshold; it is a match
				// exactly when both qualities are usable.
				if m.Distance > MatchThreshold || m.Match != m.Usable {
					t.Errorf("%s/%d %s: distance %d, usable %v, match %v", class, seed, name, m.Distance, m.Usable, m.Match)
				}
			}
			same := func(name string, img image.Image) {
				h, q := PDQ(img)
				check(name, CompareAvatars(a.Hash, h, a.Quality, q))
			}
			same("jpeg-q50", reencodeJPEG(t, img, 50))
			same("half", resize(img, 128, 128))
			same("double", resize(img, 512, 512))
			same("brightness+2%", brighten(img, 1.02))
			mh, mq := PDQ(mirror(img))
			check("mirror (dihedral)", CompareAvatarsDihedral(*a.Variants, mh, a.Quality, mq))
			check("mirror (plain)", CompareAvatars(a.Hash, mh, a.Quality, mq))
			jh, jq := PDQ(reencodeJPEG(t, mirror(img), 50))
			check("mirror+jpeg-q50 (dihedral)", CompareAvatarsDihedral(*a.Variants, jh, a.Quality, jq))
			pred, pq := PDQDihedral(img)
			check("mirror (predicted)", CompareAvatarsDihedral(pred, mh, pq, mq))
		}
	}
	var unrelated []int
	for i := range originals {
		for j := range i {
			m := CompareAvatarsDihedral(*originals[i].Variants, originals[j].Hash, originals[i].Quality, originals[j].Quality)
			unrelated = append(unrelated, m.Distance)
			if m.Match {
				t.Errorf("unrelated avatars %d and %d match: distance %d (variant %v)", i, j, m.Distance, m.Variant)
			}
		}
	}
	// A few generated images are too flat for PDQ (quality < MinQuality,
	// reported unusable above); most must be usable.
	if lowQuality > len(originals)/6 {
		t.Errorf("%d of %d generated avatars have quality < %d", lowQuality, len(originals), MinQuality)
	}
	var report strings.Builder
	fmt.Fprintf(&report, "%d of %d below MinQuality\n", lowQuality, len(originals))
	for _, name := range order {
		fmt.Fprintf(&report, "%-28s %s\n", name, summarize(dists[name]))
	}
	fmt.Fprintf(&report, "%-28s %s\n", "unrelated (dihedral)", summarize(unrelated))
	t.Logf("PDQ distance to the original over %d generated avatars:\n%s", len(originals), report.String())
}
