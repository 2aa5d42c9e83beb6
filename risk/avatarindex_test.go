package risk

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// nearHash flips up to maxBits random bits of h.
func nearHash(t *rapid.T, h Hash, maxBits int, label string) Hash {
	n := rapid.IntRange(0, maxBits).Draw(t, label+"-flips")
	for range n {
		k := rapid.IntRange(0, 255).Draw(t, label+"-bit")
		h[31-k/8] ^= 1 << (k % 8)
	}
	return h
}

func genDihedral(t *rapid.T, label string) *Dihedral {
	var d Dihedral
	for v := range d {
		d[v] = genHash().Draw(t, label)
	}
	return &d
}

// genAvatars draws contacts' avatars (some nil, some with variants) and a
// payee that is often a noisy copy of one of their hashes or variants.
func genAvatars(t *rapid.T) ([]*Avatar, *Avatar) {
	n := rapid.IntRange(0, 60).Draw(t, "contacts")
	avatars := make([]*Avatar, n)
	for i := range avatars {
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 0: // no avatar
		case 1:
			avatars[i] = &Avatar{Hash: genHash().Draw(t, "hash"), Quality: 100}
		default:
			d := genDihedral(t, "variant")
			avatars[i] = &Avatar{Hash: d[Original], Quality: rapid.SampledFrom([]int{0, 49, 50, 100}).Draw(t, "quality"), Variants: d}
		}
		if i > 0 && avatars[i] != nil && rapid.IntRange(0, 4).Draw(t, "near-previous") == 0 {
			// Contacts that look alike too, so that ties and several
			// matches occur.
			if p := avatars[i-1]; p != nil {
				avatars[i].Hash = nearHash(t, p.Hash, 8, "near")
				if avatars[i].Variants != nil {
					avatars[i].Variants[Original] = avatars[i].Hash
				}
			}
		}
	}
	payee := &Avatar{Hash: genHash().Draw(t, "payee"), Quality: 100}
	if n > 0 && rapid.Bool().Draw(t, "copy") {
		if src := avatars[rapid.IntRange(0, n-1).Draw(t, "source")]; src != nil {
			h := src.Hash
			if src.Variants != nil {
				h = src.Variants[rapid.IntRange(0, 7).Draw(t, "source-variant")]
			}
			payee.Hash = nearHash(t, h, 40, "payee")
		}
	}
	if rapid.Bool().Draw(t, "payee-variants") {
		d := genDihedral(t, "payee-variant")
		d[Original] = payee.Hash
		if n > 0 && rapid.Bool().Draw(t, "payee-variant-copy") {
			if src := avatars[rapid.IntRange(0, n-1).Draw(t, "vsource")]; src != nil {
				d[rapid.IntRange(1, 7).Draw(t, "vslot")] = nearHash(t, src.Hash, 40, "payee-v")
			}
		}
		payee.Variants = d
	}
	return avatars, payee
}

// linearAvatarHits is the obvious reference: compare with every contact.
func linearAvatarHits(avatars []*Avatar, payee *Avatar) []avatarHit {
	var hits []avatarHit
	for i, a := range avatars {
		if a == nil {
			continue
		}
		if m := compareAvatar(a, payee); m.Distance <= MatchThreshold {
			hits = append(hits, avatarHit{i, m})
		}
	}
	return hits
}

func TestAvatarIndexMatchesLinearScan(t *testing.T) {
	var cases, withHits, transformed int
	rapid.Check(t, func(t *rapid.T) {
		cases++
		avatars, payee := genAvatars(t)
		x := newAvatarIndex(avatars)
		got := x.lookup(payee)
		want := linearAvatarHits(avatars, payee)
		if len(want) > 0 {
			withHits++
		}
		for _, h := range want {
			if h.match.Variant != Original {
				transformed++
			}
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(avatarHit{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("index vs linear scan (-want +got):\n%s", diff)
		}
	})
	// The generator must exercise matches, including dihedral ones: at
	// least 10 % of the cases with hits and 5 % with dihedral hits (10 and
	// 5 of rapid's default 100; -short runs fewer cases).
	if withHits*10 < cases || transformed*20 < cases {
		t.Errorf("of %d cases, only %d with hits, %d dihedral hits", cases, withHits, transformed)
	}
	t.Logf("of %d cases, %d with hits, %d dihedral hits", cases, withHits, transformed)
}

// TestMIHExactAtRadius: a hash at distance exactly 31 spread as evenly as
// possible over the chunks (one chunk with 1 bit, fifteen with 2) is found;
// the pigeonhole argument is tight there.
func TestMIHExactAtRadius(t *testing.T) {
	var q Hash
	h := q
	flipped := 0
	for c := range mihChunks {
		bitsInChunk := 2
		if c == 7 {
			bitsInChunk = 1
		}
		for b := range bitsInChunk {
			k := 16*c + 3*b
			h[31-k/8] ^= 1 << (k % 8)
			flipped++
		}
	}
	if d := q.Distance(h); d != 31 || flipped != 31 {
		t.Fatalf("setup: distance %d", d)
	}
	m := newMIHIndex([]Hash{h})
	var found []int
	m.search(q, func(id int32, d int) { found = append(found, d) })
	if len(found) == 0 || slices.Max(found) != 31 || slices.Min(found) != 31 {
		t.Errorf("search at radius found %v, want distance 31", found)
	}
}
