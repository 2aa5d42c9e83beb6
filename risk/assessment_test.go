package risk

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestLevelString(t *testing.T) {
	var got []string
	for l := LevelNone; l <= LevelCritical; l++ {
		got = append(got, l.String())
	}
	want := []string{"none", "low", "medium", "high", "critical"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Level names (-want +got):\n%s", diff)
	}
}

func TestLevelStringTotal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := Level(rapid.Uint8().Draw(t, "l"))
		s := l.String()
		if (l > LevelCritical) != (s == "invalid") {
			t.Fatalf("Level(%d).String() = %q", l, s)
		}
	})
}
