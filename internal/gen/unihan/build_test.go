package unihan

import (
	"go/format"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestKept(t *testing.T) {
	_, tb := load(t)
	got := string(slices.Sorted(maps.Keys(tb.Kept)))
	if want := "剋吒垵幺於瀵瑙苧薳釐阪麽"; got != want {
		t.Errorf("characters kept because kTGH lists them = %+q, want %+q", got, want)
	}
}

// TestFoldClasses checks the invariants of the fold classes.
func TestFoldClasses(t *testing.T) {
	s, tb := load(t)
	seen := map[rune]bool{}
	for rep, members := range tb.Classes {
		if !slices.Contains(members, rep) {
			t.Errorf("class of %+q does not contain it: %+q", rep, string(members))
		}
		if tb.FoldOf(rep) != rep {
			t.Errorf("representative %+q folds to %+q", rep, tb.FoldOf(rep))
		}
		std := 0
		for _, m := range members {
			if seen[m] {
				t.Errorf("%+q in two classes", m)
			}
			seen[m] = true
			if tb.FoldOf(m) != rep {
				t.Errorf("%+q in class of %+q folds to %+q", m, rep, tb.FoldOf(m))
			}
			if _, ok := s.TGH[m]; ok {
				std++
				if m != rep {
					t.Errorf("standard character %+q is not its class's representative %+q", m, rep)
				}
			}
		}
		if std > 1 {
			t.Errorf("class %+q has %d standard characters", string(members), std)
		}
	}
	for r, f := range tb.Fold {
		if !seen[r] || !seen[f] {
			t.Errorf("fold %+q→%+q outside the classes", r, f)
		}
	}
}

// TestTraditionalConsistent checks that every kTraditionalVariant pair
// (s, t) ends up in one fold class unless Fold deliberately keeps them
// apart: t keeps itself (its kSimplifiedVariant includes it, or kTGH lists
// it), or t's first simplified variant is not s.
func TestTraditionalConsistent(t *testing.T) {
	s, tb := load(t)
	apart := 0
	for c, v := range s.Traditional {
		vs, err := ParseVariants(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range vs {
			if x == c || tb.FoldOf(x) == tb.FoldOf(c) {
				continue
			}
			apart++
			if sv, ok := s.Simplified[x]; ok {
				svs, err := ParseVariants(sv)
				if err != nil {
					t.Fatal(err)
				}
				if slices.Contains(svs, x) || tb.Kept[x] != nil || svs[0] != c {
					continue
				}
			}
			t.Errorf("traditional variant %+q of %+q folds to %+q, not %+q", x, c, tb.FoldOf(x), tb.FoldOf(c))
		}
	}
	if apart == 0 {
		t.Error("no pair kept apart: the over-conversion rule has no effect")
	}
}

func TestSemanticSymmetric(t *testing.T) {
	_, tb := load(t)
	for p := range tb.Semantic {
		if !tb.Semantic[[2]rune{p[1], p[0]}] || p[0] == p[1] {
			t.Errorf("semantic pair %+q", string(p[:]))
		}
		if tb.FoldOf(p[0]) != p[0] || tb.FoldOf(p[1]) != p[1] {
			t.Errorf("semantic pair %+q not folded", string(p[:]))
		}
	}
}

// TestClusters checks the clustering rule: each cluster has 2..ClusterCap
// members, all Fold representatives, connected by cluster edges; the
// curated groups each lie in one cluster; the histogram of cluster sizes is
// the one documented in internal/han's doc.go.
func TestClusters(t *testing.T) {
	s, tb := load(t)
	edges := tb.ClusterEdges()
	adj := map[rune][]rune{}
	for _, e := range edges {
		adj[e.A] = append(adj[e.A], e.B)
		adj[e.B] = append(adj[e.B], e.A)
	}
	of := map[rune]int{}
	hist := map[int]int{}
	for i, c := range tb.Clusters {
		hist[len(c)]++
		if len(c) < 2 || len(c) > ClusterCap {
			t.Errorf("cluster %+q has %d members", string(c), len(c))
		}
		for _, m := range c {
			if _, dup := of[m]; dup {
				t.Errorf("%+q in two clusters", m)
			}
			of[m] = i
			if tb.FoldOf(m) != m {
				t.Errorf("cluster member %+q is not a Fold representative", m)
			}
		}
		// Connected within the cluster.
		reached := map[rune]bool{c[0]: true}
		queue := []rune{c[0]}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			for _, y := range adj[x] {
				if slices.Contains(c, y) && !reached[y] {
					reached[y] = true
					queue = append(queue, y)
				}
			}
		}
		if len(reached) != len(c) {
			t.Errorf("cluster %+q is not connected", string(c))
		}
	}
	for _, m := range s.Amendments {
		a, b := tb.FoldOf(m.Source), tb.FoldOf(m.Target[0])
		ia, oka := of[a]
		ib, okb := of[b]
		if !oka || !okb || ia != ib {
			t.Errorf("curated pair %+q/%+q not in one cluster", a, b)
		}
	}
	want := map[int]int{2: 1158, 3: 223, 4: 59, 5: 25, 6: 11, 7: 11, 8: 11}
	if d := cmp.Diff(want, hist); d != "" {
		t.Errorf("cluster size histogram (-want +got):\n%s", d)
	}
}

// TestClosureTooLarge measures what the cap prevents: connected components
// of the same edges without a cap.
func TestClosureTooLarge(t *testing.T) {
	_, tb := load(t)
	u := unionFind{}
	for _, e := range tb.ClusterEdges() {
		u.union(e.A, e.B)
	}
	largest := 0
	for _, g := range u.groups() {
		largest = max(largest, len(g))
	}
	t.Logf("largest uncapped component: %d", largest)
	if largest <= ClusterCap {
		t.Errorf("largest uncapped component has %d members; the cap would be useless", largest)
	}
}

// TestRenderIsGofmt renders a small table set and checks that gofmt would
// not change it (Render does not run gofmt on its 3 MB output).
func TestRenderIsGofmt(t *testing.T) {
	tb := &Tables{
		Canon:      map[rune]rune{0xF900: 0x8C48},
		Fold:       map[rune]rune{'張': '张', '幹': '干', '學': '学'},
		Classes:    map[rune][]rune{'张': {'张', '張'}, '干': {'干', '幹'}, '学': {'学', '學'}},
		Semantic:   map[[2]rune]bool{{'哲', '喆'}: true, {'喆', '哲'}: true},
		Syllables:  []string{"gan", "xue", "zhang"},
		Readings:   map[rune][]string{'张': {"zhang"}, '干': {"gan"}, '学': {"xue"}},
		Neighbours: map[rune][]rune{'未': {'末'}, '末': {'未'}},
		Key:        map[rune]rune{'末': '未'},
		HanAfter15: [][2]rune{{0x2EBF0, 0x2EE5D}},
	}
	for i := range 40 { // more than one line per table
		tb.Key[0x4E00+rune(i)] = 0x4E00
		tb.Readings[0x4E00+rune(i)] = []string{"gan", "xue"}
	}
	out, err := Render(tb)
	if err != nil {
		t.Fatal(err)
	}
	formatted, err := format.Source(out)
	if err != nil {
		t.Fatalf("rendered source does not parse: %v\n%s", err, out)
	}
	if d := cmp.Diff(string(formatted), string(out)); d != "" {
		t.Errorf("gofmt changes the rendered source (-gofmt +rendered):\n%s", d)
	}
}
