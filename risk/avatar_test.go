package risk

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestCompareAvatarsTable(t *testing.T) {
	var a Hash
	b := a
	b[0] = 0xff // 8 bits
	far := a
	for i := range far {
		far[i] = 0x0f // 128 bits
	}
	tests := []struct {
		name   string
		a, b   Hash
		qa, qb int
		want   AvatarMatch
	}{
		{"identical", a, a, 100, 100, AvatarMatch{Distance: 0, Usable: true, Match: true, Score: 1}},
		{"8 bits", a, b, 100, 80, AvatarMatch{Distance: 8, Usable: true, Match: true, Score: 0.875}},
		{"unrelated", a, far, 100, 100, AvatarMatch{Distance: 128, Usable: true}},
		{"quality 49", a, a, 49, 100, AvatarMatch{Distance: 0}},
		{"quality 50", a, a, 50, 50, AvatarMatch{Distance: 0, Usable: true, Match: true, Score: 1}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, CompareAvatars(tt.a, tt.b, tt.qa, tt.qb)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestAvatarMatchThreshold: Match exactly at distance ≤ 31 for usable
// hashes, the score falls with the distance and stays in [0, 1], and the
// comparison is symmetric.
func TestAvatarMatchThreshold(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := genHash().Draw(t, "a"), genHash().Draw(t, "b")
		b = nearHash(t, a, rapid.IntRange(0, 80).Draw(t, "max"), "b")
		qa, qb := rapid.IntRange(0, 100).Draw(t, "qa"), rapid.IntRange(0, 100).Draw(t, "qb")
		m := CompareAvatars(a, b, qa, qb)
		if m != CompareAvatars(b, a, qb, qa) {
			t.Fatalf("not symmetric")
		}
		usable := qa >= MinQuality && qb >= MinQuality
		if m.Usable != usable || m.Match != (usable && m.Distance <= MatchThreshold) ||
			m.Score < 0 || m.Score > 1 || (m.Match != (m.Score > 0.5)) && usable {
			t.Fatalf("%+v for qualities %d, %d", m, qa, qb)
		}
		if len(m.Reasons()) > 0 != m.Match {
			t.Fatalf("reasons %v for %+v", m.Reasons(), m)
		}
	})
}

func TestCompareAvatarsDihedralPicksClosest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := *genDihedral(t, "v")
		b := genHash().Draw(t, "b")
		if rapid.Bool().Draw(t, "copy") {
			b = nearHash(t, d[rapid.IntRange(0, 7).Draw(t, "slot")], 20, "b")
		}
		m := CompareAvatarsDihedral(d, b, 100, 100)
		for v, h := range d {
			if dv := h.Distance(b); dv < m.Distance || (dv == m.Distance && Variant(v) < m.Variant) {
				t.Fatalf("variant %v at %d beats the reported %v at %d", Variant(v), dv, m.Variant, m.Distance)
			}
		}
		if d[m.Variant].Distance(b) != m.Distance {
			t.Fatalf("reported variant %v is at %d, not %d", m.Variant, d[m.Variant].Distance(b), m.Distance)
		}
	})
}

func TestCompareAvatarsZeroAllocs(t *testing.T) {
	var d Dihedral
	h := Hash{1}
	var m AvatarMatch
	if n := testing.AllocsPerRun(100, func() { m = CompareAvatars(h, d[0], 100, 100) }); n != 0 {
		t.Errorf("CompareAvatars allocs = %v, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { m = CompareAvatarsDihedral(d, h, 100, 100) }); n != 0 {
		t.Errorf("CompareAvatarsDihedral allocs = %v, want 0", n)
	}
	_ = m
}
