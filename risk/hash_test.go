package risk

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func genHash() *rapid.Generator[Hash] {
	return rapid.Custom(func(t *rapid.T) Hash {
		var h Hash
		copy(h[:], rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(t, "bytes"))
		return h
	})
}

func propHashTextRoundTrip(t *rapid.T) {
	h := genHash().Draw(t, "h")
	s := h.String()
	if len(s) != HashHexLen || strings.ToLower(s) != s {
		t.Fatalf("String() = %+q", s)
	}
	for _, in := range []string{s, strings.ToUpper(s)} {
		p, err := ParseHash(in)
		if err != nil || p != h {
			t.Fatalf("ParseHash(%+q) = %v, %v; want %v", in, p, err, h)
		}
	}
}

func TestHashTextRoundTrip(t *testing.T) { rapid.Check(t, propHashTextRoundTrip) }

func TestHashJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := Avatar{Hash: genHash().Draw(t, "h"), Quality: rapid.IntRange(0, 100).Draw(t, "q")}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		want := `{"hash":"` + a.Hash.String() + `","quality":`
		if !strings.HasPrefix(string(b), want) {
			t.Fatalf("json = %s, want prefix %s", b, want)
		}
		var got Avatar
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, got); diff != "" {
			t.Fatalf("JSON round trip (-want +got):\n%s", diff)
		}
	})
}

func TestDistanceIsMetric(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := genHash().Draw(t, "a"), genHash().Draw(t, "b"), genHash().Draw(t, "c")
		if d := a.Distance(a); d != 0 {
			t.Fatalf("d(a, a) = %d", d)
		}
		if a != b && a.Distance(b) == 0 {
			t.Fatalf("d(a, b) = 0 for a != b")
		}
		if a.Distance(b) != b.Distance(a) {
			t.Fatalf("d(a, b) = %d, d(b, a) = %d", a.Distance(b), b.Distance(a))
		}
		if a.Distance(c) > a.Distance(b)+b.Distance(c) {
			t.Fatalf("triangle: d(a,c) = %d > d(a,b) + d(b,c) = %d + %d", a.Distance(c), a.Distance(b), b.Distance(c))
		}
		// Against a slow, obvious bit count.
		slow := 0
		for k := range 256 {
			if a.Bit(k) != b.Bit(k) {
				slow++
			}
		}
		if slow != a.Distance(b) {
			t.Fatalf("Distance = %d, bit by bit %d", a.Distance(b), slow)
		}
	})
}

func TestParseHashErrors(t *testing.T) {
	good := "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22"
	for _, in := range []string{
		"", good[:63], good + "0", "g" + good[1:], good[:63] + " ", " " + good[1:],
		"0x" + good[2:], good[:10] + "é" + good[12:], strings.Repeat("0", 128),
	} {
		if h, err := ParseHash(in); !errors.Is(err, ErrHashSyntax) || h != (Hash{}) {
			t.Errorf("ParseHash(%+q) = %v, %v; want ErrHashSyntax", in, h, err)
		}
		var h Hash
		h[0] = 7
		if err := h.UnmarshalText([]byte(in)); !errors.Is(err, ErrHashSyntax) || h[0] != 7 {
			t.Errorf("UnmarshalText(%+q) = %v, changed %v", in, err, h)
		}
		if err := ErrHashSyntax; strings.Contains(err.Error(), in) && in != "" {
			t.Errorf("error quotes its input %+q", in)
		}
	}
}

// TestHashBitLayout pins the reference's layout (PDQ spec §10): the first
// hex digit holds bits 255..252, the last bits 3..0; word i is DCT row i.
func TestHashBitLayout(t *testing.T) {
	h, err := ParseHash("8000000000000000000000000000000000000000000000000000000000000003")
	if err != nil {
		t.Fatal(err)
	}
	var set []int
	for k := range 256 {
		if h.Bit(k) {
			set = append(set, k)
		}
	}
	if diff := cmp.Diff([]int{0, 1, 255}, set); diff != "" {
		t.Errorf("set bits (-want +got):\n%s", diff)
	}
	if h.word(15) != 0x8000 || h.word(0) != 0x0003 {
		t.Errorf("words 15, 0 = %#x, %#x", h.word(15), h.word(0))
	}
}

func TestHashZeroAllocs(t *testing.T) {
	a, b := Hash{1, 2, 3}, Hash{3, 2, 1}
	buf := make([]byte, 0, 64)
	var n int
	if got := testing.AllocsPerRun(100, func() { n += a.Distance(b) }); got != 0 {
		t.Errorf("Distance allocs = %v, want 0", got)
	}
	if got := testing.AllocsPerRun(100, func() { buf, _ = a.AppendText(buf[:0]) }); got != 0 {
		t.Errorf("AppendText allocs = %v, want 0", got)
	}
	if string(buf) != a.String() {
		t.Errorf("AppendText = %q, String = %q", buf, a.String())
	}
}

func FuzzParseHash(f *testing.F) {
	for _, s := range []string{
		"d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22",
		"D8F8F0CEE0F4A84F0637022A078F67F0B36E2ED596621E1D33E6339C4E9C9B22",
		"0000000000000000000000000000000000000000000000000000000000000000",
		"", "zz", strings.Repeat("f", 63),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHash(s)
		if err != nil {
			if !errors.Is(err, ErrHashSyntax) || h != (Hash{}) {
				t.Fatalf("ParseHash(%+q) = %v, %v", s, h, err)
			}
			return
		}
		if got := h.String(); got != strings.ToLower(s) {
			t.Fatalf("ParseHash(%+q).String() = %+q", s, got)
		}
		var u Hash
		if err := u.UnmarshalText([]byte(s)); err != nil || u != h {
			t.Fatalf("UnmarshalText(%+q) = %v, %v", s, u, err)
		}
	})
}
