package risk

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// linearLookalikesWithAvatars is the obvious reference for Lookalikes with
// both signals: compare p with every contact, nickname and avatar.
func linearLookalikesWithAvatars(contacts []Profile, p Profile) []Suspect {
	var out []Suspect
	for _, c := range contacts {
		if p.ID != "" && c.ID == p.ID {
			continue
		}
		s := Suspect{Contact: c}
		matched := false
		if m := CompareNicknames(p.Nickname, c.Nickname); m.Lookalike {
			s.Nickname, matched = m, true
		}
		if c.Avatar != nil && p.Avatar != nil {
			if m := compareAvatar(c.Avatar, p.Avatar); m.Match {
				s.Avatar, matched = m, true
			}
		}
		if !matched {
			continue
		}
		s.Score = combineScores(s.Nickname.Score, s.Avatar.Score)
		s.Reasons = append(s.Nickname.Reasons.Codes(), s.Avatar.Reasons()...)
		out = append(out, s)
	}
	for i := 1; i < len(out); i++ { // stable, by score descending
		for j := i; j > 0 && out[j].Score > out[j-1].Score; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func propLookalikesWithAvatars(t *rapid.T, both *int) {
	avatars, payeeAvatar := genAvatars(t)
	contacts := make([]Profile, len(avatars))
	for i, a := range avatars {
		contacts[i] = Profile{ID: fmt.Sprint("u", i), Nickname: avatarTestNickname().Draw(t, "nick"), Avatar: a}
	}
	p := Profile{ID: rapid.SampledFrom([]string{"x", "", "u0", "u1"}).Draw(t, "id"), Nickname: avatarTestNickname().Draw(t, "q"), Avatar: payeeAvatar}
	if rapid.Bool().Draw(t, "no-avatar") {
		p.Avatar = nil
	}
	got := NewIndex(contacts).Lookalikes(p)
	for _, s := range got {
		if s.Nickname.Lookalike && s.Avatar.Match {
			*both++
		}
	}
	if diff := cmp.Diff(linearLookalikesWithAvatars(contacts, p), got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Lookalikes differs from linear scan (-want +got):\n%s", diff)
	}
}

func TestLookalikesWithAvatarsMatchesLinear(t *testing.T) {
	both := 0
	rapid.Check(t, func(t *rapid.T) { propLookalikesWithAvatars(t, &both) })
	// Informational: rapid's seed varies, and TestLookalikesAvatar pins a
	// suspect with both signals deterministically.
	t.Logf("%d suspects matched on both signals", both)
}

// TestLookalikesAvatar: the 2018 case. The payee copies a contact's avatar
// (here mirrored) under an unrelated nickname.
func TestLookalikesAvatar(t *testing.T) {
	cousin := HashAvatar(genAvatar("shapes", 3))
	other := HashAvatar(genAvatar("text", 4))
	copied, q := PDQ(reencodeJPEG(t, mirror(genAvatar("shapes", 3)), 70))
	contacts := []Profile{
		{ID: "u1", Nickname: "Bob", Avatar: &other},
		{ID: "u2", Nickname: "表哥", Avatar: &cousin},
		{ID: "u3", Nickname: "Alice"},
	}
	ix := NewIndex(contacts)
	tests := []struct {
		name  string
		payee Profile
		want  [][]Reason // reasons per suspect, in order
	}{
		{"mirrored copy", Profile{ID: "x", Nickname: "Zed", Avatar: &Avatar{Hash: copied, Quality: q}},
			[][]Reason{{ReasonAvatarMatch, ReasonAvatarMirrored}}},
		{"copy and nickname", Profile{ID: "x", Nickname: "表哥\u200b", Avatar: &Avatar{Hash: cousin.Hash, Quality: cousin.Quality}},
			[][]Reason{{"nickname_equal_keys", "nickname_invisible", ReasonAvatarMatch}}},
		{"the contact itself", Profile{ID: "u2", Nickname: "表哥", Avatar: &cousin}, nil},
		{"flat avatar", Profile{ID: "x", Nickname: "Zed", Avatar: &Avatar{Hash: cousin.Hash, Quality: 10}}, nil},
		{"no avatar", Profile{ID: "x", Nickname: "Zed"}, nil},
	}
	for _, tt := range tests {
		got := ix.Lookalikes(tt.payee)
		var reasons [][]Reason
		for _, s := range got {
			if s.Contact.ID != "u2" {
				t.Errorf("%s: suspect %s", tt.name, s.Contact.ID)
			}
			reasons = append(reasons, s.Reasons)
		}
		if diff := cmp.Diff(tt.want, reasons); diff != "" {
			t.Errorf("%s: reasons (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(linearLookalikesWithAvatars(contacts, tt.payee), got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: differs from linear scan (-want +got):\n%s", tt.name, diff)
		}
	}
	// Both signals rank at least as high as either alone.
	jh, jq := PDQ(reencodeJPEG(t, genAvatar("shapes", 3), 50))
	jpegCopy := &Avatar{Hash: jh, Quality: jq}
	both := ix.Lookalikes(Profile{ID: "x", Nickname: "表哥​", Avatar: jpegCopy})
	avatarOnly := ix.Lookalikes(Profile{ID: "x", Nickname: "Zed", Avatar: jpegCopy})
	nickOnly := ix.Lookalikes(Profile{ID: "x", Nickname: "表哥​"})
	if len(both) != 1 || len(avatarOnly) != 1 || len(nickOnly) != 1 ||
		both[0].Score < avatarOnly[0].Score || both[0].Score <= nickOnly[0].Score {
		t.Errorf("combined score not above single signals: %+v, %+v, %+v", both, avatarOnly, nickOnly)
	}
}

func TestIndexCopiesVariants(t *testing.T) {
	a := HashAvatar(genAvatar("shapes", 5))
	contacts := []Profile{{ID: "u1", Nickname: "Q", Avatar: &a}}
	ix := NewIndex(contacts)
	mirrorHash := a.Variants[FlipY]
	a.Variants[FlipY] = Hash{} // the caller changes its copy afterwards
	got := ix.Lookalikes(Profile{ID: "x", Nickname: "Zed", Avatar: &Avatar{Hash: mirrorHash, Quality: 100}})
	if len(got) != 1 || got[0].Avatar.Variant != FlipY {
		t.Fatalf("index changed with its input: %+v", got)
	}
	got[0].Contact.Avatar.Variants[FlipY] = Hash{} // and the result's copy
	if again := ix.Lookalikes(Profile{ID: "x", Nickname: "Zed", Avatar: &Avatar{Hash: mirrorHash, Quality: 100}}); len(again) != 1 {
		t.Fatalf("index changed through a result: %+v", again)
	}
}

// benchAvatarContacts returns n contacts with distinct generated avatars
// (exact dihedral variants), for the 5,000-contact benchmark. Hashing 5,000
// images would take minutes, so the avatars are the hashes of 40 generated
// images with 32 random bits flipped per contact and variant: clusters of
// similar hashes, a harder case for the chunk index than 5,000 unrelated
// avatars (about 128 bits apart).
func benchAvatarContacts(tb testing.TB, n int) ([]Profile, []Avatar) {
	tb.Helper()
	var base []Avatar
	for seed := range uint64(40) {
		base = append(base, HashAvatar(genAvatar([]string{"shapes", "gradients", "text"}[seed%3], 100+seed)))
	}
	contacts := benchContacts(n)
	for i := range contacts {
		a := cloneAvatar(&base[i%len(base)])
		rng := rand.New(rand.NewPCG(uint64(i), 7))
		for v := range a.Variants {
			h := &a.Variants[v]
			for _, bit := range rng.Perm(256)[:32] { // 32 random flips
				h[31-bit/8] ^= 1 << (bit % 8)
			}
		}
		a.Hash = a.Variants[Original]
		contacts[i].Avatar = a
	}
	return contacts, base
}

// randomAvatarContacts returns n contacts whose avatars are unrelated:
// random hashes and variants, as distinct pictures' PDQ hashes are (about
// 128 bits apart).
func randomAvatarContacts(n int) []Profile {
	contacts := benchContacts(n)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range contacts {
		var d Dihedral
		for v := range d {
			for k := range d[v] {
				d[v][k] = byte(rng.Uint32())
			}
		}
		contacts[i].Avatar = &Avatar{Hash: d[Original], Quality: 100, Variants: &d}
	}
	return contacts
}

// BenchmarkLookalikesAvatars: Lookalikes over 5,000 contacts with avatars
// (and nicknames), for a payee whose avatar is a copy, a mirrored copy, or
// new. "distinct" contacts have unrelated avatars; "clustered" ones are 40
// pictures with noise, a harder case for the chunk index.
func BenchmarkLookalikesAvatars(b *testing.B) {
	clustered, _ := benchAvatarContacts(b, 5000)
	// A usable avatar that matches no contact (a low-quality one would skip
	// the search altogether).
	fresh := Avatar{Quality: 100}
	for k := range fresh.Hash {
		fresh.Hash[k] = byte(k*97 + 13)
	}
	for _, set := range []struct {
		name     string
		contacts []Profile
	}{{"distinct", randomAvatarContacts(5000)}, {"clustered", clustered}} {
		ix := NewIndex(set.contacts)
		copied := *set.contacts[1234].Avatar
		copied.Variants = nil
		mirrored := Avatar{Hash: set.contacts[77].Avatar.Variants[FlipY], Quality: 100}
		queries := []struct {
			name string
			p    Profile
		}{
			{"avatar-copy", Profile{ID: "x", Nickname: "Zacharias", Avatar: &copied}},
			{"avatar-mirrored", Profile{ID: "x", Nickname: "Zacharias", Avatar: &mirrored}},
			{"avatar-miss", Profile{ID: "x", Nickname: "Zacharias", Avatar: &fresh}},
			{"no-avatar", Profile{ID: "x", Nickname: "Zacharias"}},
		}
		for _, q := range queries {
			b.Run(set.name+"/"+q.name, func(b *testing.B) {
				avatarLoop(b, func() { _ = ix.Lookalikes(q.p) })
			})
		}
	}
}

// BenchmarkNewIndexAvatars: building the index of 5,000 contacts with
// avatars (8 variants each).
func BenchmarkNewIndexAvatars(b *testing.B) {
	contacts := randomAvatarContacts(5000)
	avatarLoop(b, func() { _ = NewIndex(contacts) })
}

func TestBenchAvatarContactsFindOnlyTheirCopy(t *testing.T) {
	if pdqRace {
		t.Skip("hashing 40 generated avatars is slow under the race detector")
	}
	contacts, _ := benchAvatarContacts(t, 5000)
	ix := NewIndex(contacts)
	copied := *contacts[1234].Avatar
	copied.Variants = nil
	var ids []string
	for _, s := range ix.Lookalikes(Profile{ID: "x", Nickname: "Zacharias", Avatar: &copied}) {
		ids = append(ids, s.Contact.ID)
	}
	if diff := cmp.Diff([]string{"c1234"}, ids); diff != "" {
		t.Errorf("suspects (-want +got):\n%s", diff)
	}
}

// avatarTestNickname draws nicknames that often look alike, so that the
// nickname and avatar signals combine. (risktest imports risk, so this
// internal test cannot use it.)
func avatarTestNickname() *rapid.Generator[string] {
	return rapid.SampledFrom([]string{"Alice", "\u0410lice", "张伟", "張偉", "Bob", "Rob", "表哥", "表哥\u200b",
		"Jonathan", "Jonatham", "🌸小美🌸", "小美", "Zed"})
}
