package han

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/transferguard/transferguard/internal/gen/unihan"
)

// model is the generator's view of the data: the reference the tables are
// checked against.
type model struct {
	src *unihan.Source
	tb  *unihan.Tables
}

var loadModel = sync.OnceValues(func() (*model, error) {
	s, err := unihan.Load(dataDir)
	if err != nil {
		return nil, err
	}
	tb, err := unihan.Build(s)
	if err != nil {
		return nil, err
	}
	return &model{s, tb}, nil
})

func getModel(t testing.TB) *model {
	t.Helper()
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (m *model) canon(r rune) rune {
	if c, ok := m.tb.Canon[r]; ok {
		return c
	}
	return r
}

func (m *model) key(r rune) rune {
	if k, ok := m.tb.Key[r]; ok {
		return k
	}
	return r
}

func (m *model) neighbour(a, b rune) bool {
	return a != b && slices.Contains(m.tb.Neighbours[a], b)
}

func (m *model) lookalike(a, b rune) bool {
	if m.neighbour(m.canon(a), m.canon(b)) {
		return true
	}
	fa, fb := m.tb.FoldOf(a), m.tb.FoldOf(b)
	return fa != fb && m.neighbour(fa, fb)
}

func (m *model) homophone(a, b rune) bool {
	for _, x := range m.tb.Readings[a] {
		if slices.Contains(m.tb.Readings[b], x) {
			return true
		}
	}
	return false
}

func (m *model) semantic(a, b rune) bool {
	return m.tb.Semantic[[2]rune{m.tb.FoldOf(a), m.tb.FoldOf(b)}]
}

var syllableList = sync.OnceValue(func() []string { return strings.Split(syllables, " ") })

// readingsOf decodes r's syllables from the generated table.
func readingsOf(r rune) []string {
	s1, s2, ok := readings(r)
	if !ok {
		return nil
	}
	all := syllableList()
	out := []string{all[s1-1]}
	if s2 != 0 {
		out = append(out, all[s2-1])
	}
	return out
}
