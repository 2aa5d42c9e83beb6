// Command mkavatars draws the demo avatars that examples/ embed: one PNG per
// demo account, and the impersonator's avatar as a recompressed, resized JPEG
// copy of a contact's, the way a scammer re-uploads a saved picture.
//
//	go generate ./examples/internal/demodata
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

const size = 256

func main() {
	dir := flag.String("dir", "avatars", "output folder")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "mkavatars:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	imgs := map[string]image.Image{
		"zhangwei.png":  portrait(color.RGBA{40, 90, 200, 255}, color.RGBA{250, 210, 60, 255}),
		"wangfang.png":  stripes(color.RGBA{230, 80, 120, 255}, color.RGBA{255, 240, 245, 255}, 9),
		"johnsmith.png": checker(color.RGBA{30, 140, 70, 255}, color.RGBA{220, 240, 220, 255}, 32),
		"nana.png":      rings(color.RGBA{120, 50, 160, 255}, color.RGBA{240, 220, 255, 255}),
		"liuyang.png":   bands(color.RGBA{240, 140, 30, 255}, color.RGBA{60, 40, 20, 255}),
		"zhaoqiang.png": diagonal(color.RGBA{90, 90, 90, 255}, color.RGBA{200, 230, 250, 255}),
	}
	for name, img := range imgs {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	// The impersonator saved the cousin's avatar, which the app shrank and
	// recompressed on upload.
	small := image.NewRGBA(image.Rect(0, 0, 200, 200))
	draw.CatmullRom.Scale(small, small.Bounds(), imgs["zhangwei.png"], imgs["zhangwei.png"].Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, small, &jpeg.Options{Quality: 55}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "impersonator.jpg"), buf.Bytes(), 0o644)
}

func fill(f func(x, y int) color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		for x := range size {
			img.SetRGBA(x, y, f(x, y))
		}
	}
	return img
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}

// portrait: a gradient sky, a round head and shoulders.
func portrait(bg, fg color.RGBA) *image.RGBA {
	return fill(func(x, y int) color.RGBA {
		dx, dy := float64(x-128), float64(y-100)
		switch {
		case dx*dx+dy*dy < 55*55:
			return fg
		case y > 180 && math.Abs(dx) < 90:
			return mix(fg, color.RGBA{20, 20, 20, 255}, 0.6)
		}
		// Clouds give the picture texture, which PDQ's quality measures.
		t := float64(y)/size*0.5 + 0.25*(1+math.Sin(float64(x)/11)*math.Cos(float64(y)/7))
		return mix(bg, color.RGBA{255, 255, 255, 255}, t)
	})
}

func stripes(a, b color.RGBA, n int) *image.RGBA {
	return fill(func(x, y int) color.RGBA {
		if ((x+y)*n/size)%2 == 0 {
			return a
		}
		return b
	})
}

func checker(a, b color.RGBA, cell int) *image.RGBA {
	return fill(func(x, y int) color.RGBA {
		if y > x && y < size-x/2 {
			return color.RGBA{250, 250, 250, 255}
		}
		if (x/cell+y/cell)%2 == 0 {
			return a
		}
		return b
	})
}

func rings(a, b color.RGBA) *image.RGBA {
	return fill(func(x, y int) color.RGBA {
		d := math.Hypot(float64(x-90), float64(y-150))
		return mix(a, b, 0.5+0.5*math.Sin(d/9))
	})
}

func bands(a, b color.RGBA) *image.RGBA {
	return fill(func(x, y int) color.RGBA {
		t := 0.5 + 0.5*math.Sin(float64(y)/14+float64(x)/60)
		return mix(a, b, t*t)
	})
}

func diagonal(a, b color.RGBA) *image.RGBA {
	return fill(func(x, y int) color.RGBA {
		w := 0.3 * (1 + math.Sin(float64(x*y)/900))
		if x > y {
			return mix(a, b, math.Min(1, float64(x)/size+w))
		}
		return mix(b, a, math.Min(1, float64(y)/size+w))
	})
}
