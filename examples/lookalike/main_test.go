package main

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/transferguard/transferguard/examples/internal/demodata"
)

const avatars = "../internal/demodata/avatars/"

// suspects returns the "N. id" lines of the output.
func suspects(out string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)^\d+\. (\S+)`).FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestLookalike(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    []string
		reasons []string
	}{
		{"copied nickname and recompressed avatar",
			[]string{"-nickname", "阿偉", "-avatar", avatars + "impersonator.jpg"},
			[]string{"c-zhangwei"}, []string{"nickname_han_variant", "avatar_match"}},
		{"Cyrillic homoglyph", []string{"-nickname", "Јohnny"}, []string{"c-johnsmith"}, []string{"nickname_homoglyph"}},
		{"decorated nickname", []string{"-nickname", "娜娜💕"}, []string{"c-nana"}, []string{"nickname_decoration"}},
		{"avatar only", []string{"-nickname", "小红", "-avatar", avatars + "nana.png"}, []string{"c-nana"}, []string{"avatar_match"}},
		{"unrelated", []string{"-nickname", "老李", "-avatar", avatars + "liuyang.png"}, nil, nil},
		{"the contact itself", []string{"-id", "c-nana", "-nickname", "娜娜", "-avatar", avatars + "nana.png"}, nil, nil},
		{"contacts file on disk", []string{"-contacts", "../internal/demodata/contacts.json", "-nickname", "芳芳"},
			[]string{"c-wangfang"}, []string{"nickname_decoration"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(tt.args, &out); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, suspects(out.String())); diff != "" {
				t.Errorf("suspects (-want +got):\n%s\n%s", diff, out.String())
			}
			for _, r := range tt.reasons {
				if !strings.Contains(out.String(), r) {
					t.Errorf("output lacks reason %q:\n%s", r, out.String())
				}
			}
		})
	}
}

// TestLookalikeMirroredAvatar: a mirrored copy of a contact's avatar is
// still found, through the dihedral hashes.
func TestLookalikeMirroredAvatar(t *testing.T) {
	f, err := demodata.FS().Open("avatars/zhangwei.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := src.Bounds()
	flipped := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			flipped.Set(b.Max.X-1-(x-b.Min.X), y, src.At(x, y))
		}
	}
	path := filepath.Join(t.TempDir(), "mirror.png")
	var buf bytes.Buffer
	if err := png.Encode(&buf, flipped); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-nickname", "Tony", "-avatar", path}, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"c-zhangwei"}, suspects(out.String())); diff != "" {
		t.Errorf("suspects (-want +got):\n%s\n%s", diff, out.String())
	}
	if !strings.Contains(out.String(), "avatar_mirrored") {
		t.Errorf("mirrored copy not reported as such:\n%s", out.String())
	}
}

func TestLookalikeErrors(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"-nickname", "x", "-avatar", "no-such-file.png"},
		{"-contacts", "no-such.json", "-nickname", "x"},
		{"-nickname", "x", "-avatar", "main.go"}, // not an image
	} {
		if err := run(args, &bytes.Buffer{}); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
	if _, err := fs.Stat(demodata.FS(), demodata.ContactsFile); err != nil {
		t.Errorf("demo contacts not embedded: %v", err)
	}
}
