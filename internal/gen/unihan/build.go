package unihan

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Cut-offs and caps for the lookalike relation; internal/han's doc.go
// explains the choice.
const (
	// MLPairCutoff is the largest image distance of a machine-learned pair
	// that counts for the pairwise relation (han.Lookalike). Sampling the
	// data, pairs at 0.08–0.1 were mostly unrelated (屵/户 0.082, 丆/勹,
	// 吱/昧); below it mostly confusable (末/卡 0.072, 已/巴 0.073).
	MLPairCutoff = 0.08
	// MLClusterCutoff is the largest image distance of a machine-learned
	// pair that may join two lookalike clusters (han.LookalikeKey).
	MLClusterCutoff = 0.06
	// ClusterCap is the largest lookalike cluster.
	ClusterCap = 8
)

// Edge priorities: lower is clustered first.
const (
	prioCurated  = iota // amendments.txt
	prioReviewed        // kSpoofingVariant, UTS #39 confusables.txt
	prioML              // machine-learned, ordered by distance
)

// Edge is an undirected lookalike pair, A < B.
type Edge struct {
	A, B rune
	Prio int
	Dist float64
}

// Tables is everything internal/han serves, derived from a [Source].
type Tables struct {
	// Canon maps each CJK compatibility ideograph to its canonical
	// (NFC) equivalent.
	Canon map[rune]rune
	// Fold maps r to han.Fold(r) for every r that Fold changes.
	Fold map[rune]rune
	// Classes maps each Fold representative with at least one other
	// member to its members (representative included), sorted.
	Classes map[rune][]rune
	// Kept lists the characters whose kSimplifiedVariant does not include
	// themselves but that kTGH lists, so Fold keeps them, with their
	// kSimplifiedVariant.
	Kept map[rune][]rune
	// Semantic holds the semantic-variant pairs after Fold, both orders.
	Semantic map[[2]rune]bool
	// Syllables lists every toneless Mandarin syllable, sorted; a
	// syllable's id is its index plus one.
	Syllables []string
	// Readings maps a rune to its toneless syllables (at most two).
	Readings map[rune][]string
	// Edges is the pairwise lookalike relation on canonical runes.
	Edges map[[2]rune]Edge
	// Neighbours is Edges as sorted adjacency lists.
	Neighbours map[rune][]rune
	// Clusters lists the lookalike clusters (each sorted, 2..ClusterCap
	// members, over Fold representatives), sorted by first member.
	Clusters [][]rune
	// Key maps r to han.LookalikeKey(r) for every r that it changes.
	Key map[rune]rune
	// HanAfter15 is Source.HanAfter15.
	HanAfter15 [][2]rune
}

// IsHan reports whether r is Han by Go's unicode.Han or one of the ranges.
func IsHan(r rune, after15 [][2]rune) bool {
	if unicode.Is(unicode.Han, r) {
		return true
	}
	for _, rg := range after15 {
		if rg[0] <= r && r <= rg[1] {
			return true
		}
	}
	return false
}

// compat returns the canonical equivalents of every CJK compatibility
// ideograph (a singleton decomposition, so NFC maps it to one rune).
func compat() map[rune]rune {
	m := map[rune]rune{}
	for _, blk := range [][2]rune{{0xF900, 0xFAFF}, {0x2F800, 0x2FA1F}} {
		for c := blk[0]; c <= blk[1]; c++ {
			s := norm.NFC.String(string(c))
			if r, n := utf8.DecodeRuneInString(s); n == len(s) && r != c {
				m[c] = r
			}
		}
	}
	return m
}

type unionFind map[rune]rune

func (u unionFind) find(x rune) rune {
	for {
		p, ok := u[x]
		if !ok || p == x {
			return x
		}
		x = p
	}
}

func (u unionFind) union(a, b rune) {
	if ra, rb := u.find(a), u.find(b); ra != rb {
		u[max(ra, rb)] = min(ra, rb)
	}
}

// groups returns the classes of u, each sorted.
func (u unionFind) groups() map[rune][]rune {
	g := map[rune][]rune{}
	seen := map[rune]bool{}
	for x, p := range u {
		for _, y := range []rune{x, p} {
			if !seen[y] {
				seen[y] = true
				g[u.find(y)] = append(g[u.find(y)], y)
			}
		}
	}
	for _, m := range g {
		slices.Sort(m)
	}
	return g
}

// ClusterKey returns the key of a lookalike cluster: the member with the
// lowest kTGH number, else the lowest code point.
func ClusterKey(s *Source, members []rune) rune {
	key, best := members[0], 0
	for _, m := range members {
		if n := tghNumber(*s, m); n > 0 && (best == 0 || n < best) {
			key, best = m, n
		}
		if best == 0 && m < key {
			key = m
		}
	}
	return key
}

func tghNumber(s Source, r rune) int {
	v, ok := s.TGH[r]
	if !ok {
		return 0
	}
	_, num, _ := strings.Cut(v, ":")
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0
	}
	return n
}

// Build derives the tables from the parsed sources.
func Build(s *Source) (*Tables, error) {
	t := &Tables{
		Canon:      compat(),
		Fold:       map[rune]rune{},
		Classes:    map[rune][]rune{},
		Kept:       map[rune][]rune{},
		Semantic:   map[[2]rune]bool{},
		Readings:   map[rune][]string{},
		Edges:      map[[2]rune]Edge{},
		Neighbours: map[rune][]rune{},
		Key:        map[rune]rune{},
		HanAfter15: s.HanAfter15,
	}
	if err := t.buildFold(s); err != nil {
		return nil, err
	}
	if err := t.buildSemantic(s); err != nil {
		return nil, err
	}
	if err := t.buildReadings(s); err != nil {
		return nil, err
	}
	if err := t.buildEdges(s); err != nil {
		return nil, err
	}
	t.buildClusters(s)
	return t, nil
}

func (t *Tables) canon(r rune) rune {
	if c, ok := t.Canon[r]; ok {
		return c
	}
	return r
}

// FoldOf returns the fold of r according to the tables.
func (t *Tables) FoldOf(r rune) rune {
	if f, ok := t.Fold[r]; ok {
		return f
	}
	return r
}

// buildFold: union-find over (a) each compatibility ideograph and its
// canonical twin, (b) each character whose kSimplifiedVariant does not
// include itself and that kTGH does not list, with the first simplified
// variant, (c) kZVariant pairs. The representative of a class is its kTGH
// member (there is at most one; checked), else a member that is not the
// source of a simplification or compatibility edge, else the lowest.
func (t *Tables) buildFold(s *Source) error {
	u := unionFind{}
	source := map[rune]bool{}
	for c, r := range t.Canon {
		u.union(c, r)
		source[c] = true
	}
	for c, v := range s.Simplified {
		vs, err := ParseVariants(v)
		if err != nil {
			return fmt.Errorf("kSimplifiedVariant U+%04X: %w", c, err)
		}
		if slices.Contains(vs, c) {
			continue
		}
		if _, ok := s.TGH[c]; ok {
			t.Kept[c] = vs
			continue
		}
		u.union(t.canon(c), t.canon(vs[0]))
		source[t.canon(c)] = true
	}
	for c, v := range s.ZVariant {
		vs, err := ParseVariants(v)
		if err != nil {
			return fmt.Errorf("kZVariant U+%04X: %w", c, err)
		}
		for _, z := range vs {
			u.union(t.canon(c), t.canon(z))
		}
	}
	for _, members := range u.groups() {
		var std []rune
		for _, m := range members {
			if tghNumber(*s, m) > 0 {
				std = append(std, m)
			}
		}
		if len(std) > 1 {
			return fmt.Errorf("fold class %q has %d standard characters %q", string(members), len(std), string(std))
		}
		rep := members[0]
		switch {
		case len(std) == 1:
			rep = std[0]
		default:
			for _, m := range members {
				if !source[m] {
					rep = m
					break
				}
			}
		}
		for _, m := range members {
			if m != rep {
				t.Fold[m] = rep
			}
		}
		t.Classes[rep] = members
	}
	for k := range t.Kept {
		if _, ok := t.Fold[k]; ok {
			return fmt.Errorf("kept character U+%04X folds to U+%04X", k, t.Fold[k])
		}
	}
	return nil
}

func (t *Tables) buildSemantic(s *Source) error {
	for _, f := range []Field{s.Semantic, s.SpecializedSemantic} {
		for c, v := range f {
			vs, err := ParseVariants(v)
			if err != nil {
				return fmt.Errorf("semantic variant U+%04X: %w", c, err)
			}
			for _, x := range vs {
				a, b := t.FoldOf(c), t.FoldOf(x)
				if a != b {
					t.Semantic[[2]rune{a, b}] = true
					t.Semantic[[2]rune{b, a}] = true
				}
			}
		}
	}
	return nil
}

// buildReadings: a rune's readings are its own kMandarin syllables (both
// of them when PRC and Taiwan differ), else those of its canonical
// equivalent, else those of its fold.
func (t *Tables) buildReadings(s *Source) error {
	own := map[rune][]string{}
	set := map[string]bool{}
	for c, v := range s.Mandarin {
		ss, err := ParseMandarin(v)
		if err != nil {
			return fmt.Errorf("kMandarin U+%04X: %w", c, err)
		}
		if len(ss) > 2 {
			return fmt.Errorf("kMandarin U+%04X: %d readings", c, len(ss))
		}
		own[c] = ss
		for _, x := range ss {
			set[x] = true
		}
	}
	t.Syllables = slices.Sorted(maps.Keys(set))
	maps.Copy(t.Readings, own)
	for _, m := range []map[rune]rune{t.Canon, t.Fold} {
		for c, r := range m {
			if _, ok := t.Readings[c]; !ok && own[r] != nil {
				t.Readings[c] = own[r]
			}
		}
	}
	return nil
}

func (t *Tables) addEdge(a, b rune, prio int, dist float64) {
	a, b = t.canon(a), t.canon(b)
	if a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	e := Edge{A: a, B: b, Prio: prio, Dist: dist}
	if old, ok := t.Edges[[2]rune{a, b}]; ok && edgeCmp(old, e) <= 0 {
		return
	}
	t.Edges[[2]rune{a, b}] = e
}

func edgeCmp(x, y Edge) int {
	return cmp.Or(cmp.Compare(x.Prio, y.Prio), cmp.Compare(x.Dist, y.Dist),
		cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
}

func (t *Tables) buildEdges(s *Source) error {
	for _, m := range s.Amendments {
		if len(m.Target) != 1 {
			return fmt.Errorf("amendments: U+%04X: want one target", m.Source)
		}
		t.addEdge(m.Source, m.Target[0], prioCurated, 0)
	}
	for c, v := range s.Spoof {
		vs, err := ParseVariants(v)
		if err != nil {
			return fmt.Errorf("kSpoofingVariant U+%04X: %w", c, err)
		}
		for _, x := range vs {
			t.addEdge(c, x, prioReviewed, 0)
		}
	}
	for _, m := range TR39HanPairs(s.TR39, s.HanAfter15) {
		t.addEdge(m.Source, m.Target[0], prioReviewed, 0)
	}
	for _, p := range s.ML {
		if p.Dist <= MLPairCutoff {
			t.addEdge(p.A, p.B, prioML, p.Dist)
		}
	}
	for k := range t.Edges {
		t.Neighbours[k[0]] = append(t.Neighbours[k[0]], k[1])
		t.Neighbours[k[1]] = append(t.Neighbours[k[1]], k[0])
	}
	for _, n := range t.Neighbours {
		slices.Sort(n)
	}
	return nil
}

// TR39HanPairs returns the lines of confusables.txt that map one Han
// character to one Han character.
func TR39HanPairs(ms []Mapping, after15 [][2]rune) []Mapping {
	var out []Mapping
	for _, m := range ms {
		if len(m.Target) == 1 && IsHan(m.Source, after15) && IsHan(m.Target[0], after15) {
			out = append(out, m)
		}
	}
	return out
}

// isIdeograph reports whether r is a Han ideograph (not a radical, stroke,
// 〇 or Hangzhou numeral): only ideographs are clustered.
func (t *Tables) isIdeograph(r rune) bool {
	return r >= 0x3400 && IsHan(r, t.HanAfter15) && (unicode.Is(unicode.Ideographic, r) || !unicode.Is(unicode.Han, r))
}

// ClusterEdges returns the edges that may join clusters, mapped through
// Fold (self-loops dropped, the strongest edge kept per pair), in the order
// clustering considers them.
func (t *Tables) ClusterEdges() []Edge {
	m := map[[2]rune]Edge{}
	for _, e := range t.Edges {
		if e.Prio == prioML && e.Dist > MLClusterCutoff {
			continue
		}
		a, b := t.FoldOf(e.A), t.FoldOf(e.B)
		if a == b || !t.isIdeograph(a) || !t.isIdeograph(b) {
			continue
		}
		if a > b {
			a, b = b, a
		}
		f := Edge{A: a, B: b, Prio: e.Prio, Dist: e.Dist}
		if old, ok := m[[2]rune{a, b}]; !ok || edgeCmp(f, old) < 0 {
			m[[2]rune{a, b}] = f
		}
	}
	return slices.SortedFunc(maps.Values(m), edgeCmp)
}

// buildClusters: Kruskal's single linkage over ClusterEdges, strongest
// first, joining two clusters only if the result has at most ClusterCap
// members. The key of a cluster is its most common member: the one with the
// lowest kTGH number (the Table's level 1, numbers 1–3500, holds the common
// characters), else the lowest code point.
func (t *Tables) buildClusters(s *Source) {
	u := unionFind{}
	size := map[rune]int{}
	sz := func(r rune) int { return max(size[r], 1) }
	for _, e := range t.ClusterEdges() {
		ra, rb := u.find(e.A), u.find(e.B)
		if ra == rb || sz(ra)+sz(rb) > ClusterCap {
			continue
		}
		u.union(ra, rb)
		size[u.find(ra)] = sz(ra) + sz(rb)
	}
	for _, members := range u.groups() {
		t.Clusters = append(t.Clusters, members)
	}
	slices.SortFunc(t.Clusters, func(a, b []rune) int { return cmp.Compare(a[0], b[0]) })
	clusterKey := map[rune]rune{}
	for _, c := range t.Clusters {
		key := ClusterKey(s, c)
		for _, m := range c {
			clusterKey[m] = key
		}
	}
	keyOf := func(r rune) rune {
		f := t.FoldOf(r)
		if k, ok := clusterKey[f]; ok {
			return k
		}
		return f
	}
	for r := range t.Fold {
		if k := keyOf(r); k != r {
			t.Key[r] = k
		}
	}
	for r := range clusterKey {
		if k := keyOf(r); k != r {
			t.Key[r] = k
		}
	}
}
