package identitytest

import (
	"testing"
	"unicode/utf8"

	"github.com/transferguard/transferguard/identity"
	"pgregory.net/rapid"
)

func TestGeneratorsParse(t *testing.T) {
	for name, g := range map[string]*rapid.Generator[string]{
		"han": HanName(), "interpunct": InterpunctName(), "latin": LatinName(), "korean": KoreanName(),
	} {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				s := g.Draw(t, "name")
				n, err := identity.Parse(s)
				if err != nil {
					t.Fatalf("Parse(%+q): %v", s, err)
				}
				if n.NumParts() < 1 || n.Surname().Len() < 1 {
					t.Fatalf("Parse(%+q): %d parts, surname %v", s, n.NumParts(), n.Surname())
				}
			})
		})
	}
}

func TestVariantParsesAndMatches(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := Name().Draw(t, "name")
		v := Variant(s).Draw(t, "variant")
		if _, err := identity.Parse(v); err != nil {
			t.Fatalf("Parse(%+q): %v", v, err)
		}
		if r := identity.Compare(v, s); r.Verdict != identity.Match {
			t.Fatalf("Compare(%+q, %+q) = %v", v, s, r)
		}
	})
}

// Han names come in traditional form too.
func TestHanNameTraditional(t *testing.T) {
	seen := false
	rapid.Check(t, func(t *rapid.T) {
		s := HanName().Draw(t, "name")
		if identity.Fold(s) != s {
			seen = true
		}
	})
	if !seen {
		t.Error("HanName never generated a name that folds differently (no traditional forms)")
	}
}

func TestHostileInvalidUTF8(t *testing.T) {
	invalid := false
	rapid.Check(t, func(t *rapid.T) {
		if !utf8.ValidString(Hostile().Draw(t, "s")) {
			invalid = true
		}
	})
	if !invalid {
		t.Error("Hostile never generated invalid UTF-8")
	}
}
