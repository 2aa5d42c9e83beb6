package risk

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// linearLookalikes is the obvious reference for Index.Lookalikes: compare p
// with every contact.
func linearLookalikes(contacts []Profile, p Profile) []Suspect {
	var out []Suspect
	for _, c := range contacts {
		if p.ID != "" && c.ID == p.ID {
			continue
		}
		if m := CompareNicknames(p.Nickname, c.Nickname); m.Lookalike {
			out = append(out, Suspect{Contact: c, Score: m.Score, Reasons: m.Reasons.Codes(), Nickname: m})
		}
	}
	// Stable sort by score, descending: the index's order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Score > out[j-1].Score; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestIndexLookalikes(t *testing.T) {
	contacts := []Profile{
		{ID: "u1", Nickname: "张伟"},
		{ID: "u2", Nickname: "Alice"},
		{ID: "u3", Nickname: "PayPal"},
		{ID: "u4", Nickname: "小美"},
		{ID: "u5", Nickname: "Jonathan"},
		{ID: "u6", Nickname: "老王"},
		{ID: "u7", Nickname: "Bob"},
	}
	ix := NewIndex(contacts)
	tests := []struct {
		payee Profile
		want  []string // suspect IDs in order
	}{
		{Profile{ID: "x", Nickname: "張偉"}, []string{"u1"}},
		{Profile{ID: "x", Nickname: "\u0410lice"}, []string{"u2"}},
		{Profile{ID: "x", Nickname: "🌸小美🌸"}, []string{"u4"}},
		{Profile{ID: "x", Nickname: "Jonatham"}, []string{"u5"}},
		{Profile{ID: "x", Nickname: "Rob"}, nil},
		{Profile{ID: "x", Nickname: "老李"}, nil},
		{Profile{ID: "u2", Nickname: "Alice"}, nil}, // the contact itself
		{Profile{ID: "", Nickname: "Alice"}, []string{"u2"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range ix.Lookalikes(tt.payee) {
			got = append(got, s.Contact.ID)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookalikes(%+q) (-want +got):\n%s", tt.payee.Nickname, diff)
		}
		if diff := cmp.Diff(linearLookalikes(contacts, tt.payee), ix.Lookalikes(tt.payee)); diff != "" {
			t.Errorf("Lookalikes(%+q) differs from linear scan (-want +got):\n%s", tt.payee.Nickname, diff)
		}
	}
}

func TestIndexEmpty(t *testing.T) {
	var nilIx *Index
	if got := nilIx.Lookalikes(Profile{Nickname: "a"}); got != nil {
		t.Errorf("nil index: %v", got)
	}
	if got := NewIndex(nil).Lookalikes(Profile{Nickname: "a"}); got != nil {
		t.Errorf("empty index: %v", got)
	}
}

// TestIndexCopiesContacts: the index is immutable once built.
func TestIndexCopiesContacts(t *testing.T) {
	contacts := []Profile{{ID: "u1", Nickname: "Alice", Avatar: &Avatar{Quality: 90}}}
	ix := NewIndex(contacts)
	contacts[0].Nickname = "Zed"
	contacts[0].Avatar.Quality = 1
	got := ix.Lookalikes(Profile{ID: "x", Nickname: "\u0410lice"})
	if len(got) != 1 || got[0].Contact.Nickname != "Alice" || got[0].Contact.Avatar.Quality != 90 {
		t.Fatalf("index changed with its input: %+v", got)
	}
}

func TestIndexConcurrent(t *testing.T) {
	contacts := benchContacts(500)
	ix := NewIndex(contacts)
	want := ix.Lookalikes(Profile{ID: "x", Nickname: contacts[7].Nickname + "\u200b"})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := ix.Lookalikes(Profile{ID: "x", Nickname: contacts[7].Nickname + "\u200b"})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("concurrent query differs:\n%s", diff)
			}
		})
	}
	wg.Wait()
}

// benchContacts returns n deterministic contacts with nicknames from
// several scripts.
func benchContacts(n int) []Profile {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := [][]string{
		{"Alice", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Isabel", "Jonathan", "Kate", "Liam", "Maria", "Noah", "Olivia"},
		{"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "小", "美"},
		{"김", "이", "박", "최", "정", "민", "준", "서", "연", "지", "우", "현"},
		{"Анна", "Иван", "Ольга", "Сергей", "Мария"},
		{"🌸", "★", "_", "."},
	}
	out := make([]Profile, n)
	for i := range out {
		var s string
		switch k := rng.IntN(5); k {
		case 0, 3:
			s = parts[k][rng.IntN(len(parts[k]))] + fmt.Sprint(rng.IntN(100))
		case 1, 2:
			for range 2 + rng.IntN(2) {
				s += parts[k][rng.IntN(len(parts[k]))]
			}
		default:
			s = parts[4][rng.IntN(4)] + parts[0][rng.IntN(len(parts[0]))] + parts[1][rng.IntN(len(parts[1]))]
		}
		out[i] = Profile{ID: fmt.Sprint("c", i), Nickname: s}
	}
	return out
}

func BenchmarkNewIndex(b *testing.B) {
	contacts := benchContacts(5000)
	b.ReportAllocs()
	for b.Loop() {
		_ = NewIndex(contacts)
	}
}

func BenchmarkLookalikes(b *testing.B) {
	contacts := benchContacts(5000)
	ix := NewIndex(contacts)
	queries := map[string]Profile{
		"hit-homoglyph": {ID: "x", Nickname: "\u0410lice12"},
		"hit-han":       {ID: "x", Nickname: "張偉"},
		"miss-ascii":    {ID: "x", Nickname: "Zacharias"},
		"miss-han":      {ID: "x", Nickname: "欧阳修"},
		"long-latin":    {ID: "x", Nickname: "Jonathan_Wang_1990"},
	}
	for _, name := range []string{"hit-homoglyph", "hit-han", "miss-ascii", "miss-han", "long-latin"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = ix.Lookalikes(queries[name])
			}
		})
	}
}

func BenchmarkCompareNicknames(b *testing.B) {
	pairs := []struct{ name, a, b string }{
		{"ascii", "Jonathan", "Jonatham"},
		{"ascii-equal-keys", "PayPal", "PayPaI"},
		{"han", "张伟", "張偉"},
		{"han-lookalike", "王己", "王已"},
		{"hangul", "김민준", "김민중"},
		{"mixed-script", "Alice", "\u0410lice"},
		{"emoji-zwj", "🌸小美👩\u200d👩\u200d👧", "小美"},
	}
	for _, p := range pairs {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = CompareNicknames(p.a, p.b)
			}
		})
	}
}

func BenchmarkNicknameKey(b *testing.B) {
	for _, c := range benchClasses {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = NicknameKey(c.in)
			}
		})
	}
}
