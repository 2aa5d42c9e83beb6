package risk

import (
	"errors"
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

func TestLevelText(t *testing.T) {
	for l := LevelNone; l <= LevelCritical; l++ {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatalf("%d: %v", l, err)
		}
		var got Level
		if err := got.UnmarshalText(b); err != nil || got != l {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, l)
		}
	}
	if _, err := Level(9).MarshalText(); !errors.Is(err, ErrUnknownLevel) {
		t.Errorf("MarshalText(9) error = %v", err)
	}
	got := LevelHigh
	for _, in := range []string{"", "High", "invalid", "3", " low"} {
		if err := got.UnmarshalText([]byte(in)); !errors.Is(err, ErrUnknownLevel) || got != LevelHigh {
			t.Errorf("UnmarshalText(%q) = %v, %v; want ErrUnknownLevel and no change", in, got, err)
		}
	}
}
