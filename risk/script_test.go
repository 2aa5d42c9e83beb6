package risk

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"
)

func TestMixedScript(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false}, {"Alice", false}, {"\u0410lice", true}, {"张伟", false}, {"田中さん", false},
		{"김민준", false}, {"김民", false}, {"Alice张伟", true}, {"Alice ❤", false}, {"Ολγα", false},
		{"Oλga", true}, {"123", false}, {"é\u0301", false}, {"さくらカタカナ", false}, {"ㄅ中", false},
	}
	for _, tt := range tests {
		if got := MixedScript(tt.in); got != tt.want {
			t.Errorf("MixedScript(%+q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRestrictionLevel(t *testing.T) {
	tests := []struct {
		in   string
		want Restriction
	}{
		{"", ASCIIOnly}, {"alice", ASCIIOnly}, {"alice!", Unrestricted}, {"张伟", SingleScript},
		{"Alice张伟", HighlyRestrictive}, {"Alice田中さん", HighlyRestrictive}, {"Alice김민준", HighlyRestrictive},
		{"Aliceשלום", ModeratelyRestrictive}, {"\u0410lice", MinimallyRestrictive},
		{"Oλga", MinimallyRestrictive}, {"小美🌸", Unrestricted}, {"Zoë", SingleScript},
	}
	for _, tt := range tests {
		if got := RestrictionLevel(tt.in); got != tt.want {
			t.Errorf("RestrictionLevel(%+q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := Restriction(200).String(); got != "invalid" {
		t.Errorf("Restriction(200).String() = %q", got)
	}
}

// refMixedScript is UTS #39 §5.1 written out with Go's unicode tables.
func refMixedScript(s string) bool {
	var resolved map[string]bool
	for _, r := range s {
		sc := "Unknown"
		for n, tab := range unicode.Scripts {
			if unicode.Is(tab, r) {
				sc = n
			}
		}
		if sc == "Common" || sc == "Inherited" {
			continue
		}
		set := map[string]bool{sc: true}
		switch sc {
		case "Han":
			set["Jpan"], set["Kore"], set["Hanb"] = true, true, true
		case "Hiragana", "Katakana":
			set["Jpan"] = true
		case "Hangul":
			set["Kore"] = true
		case "Bopomofo":
			set["Hanb"] = true
		}
		if resolved == nil {
			resolved = set
			continue
		}
		for k := range resolved {
			if !set[k] {
				delete(resolved, k)
			}
		}
	}
	return resolved != nil && len(resolved) == 0
}

func TestMixedScriptReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.SampledFrom([]rune("aZ1 !\u0301\u0410б\u03b1张さカ김ㄅשא٣🌸\U00031350"))).Draw(t, "s")
		if got, want := MixedScript(s), refMixedScript(s); got != want {
			t.Fatalf("MixedScript(%+q) = %v, want %v", s, got, want)
		}
	})
}

// scriptsRef is scripts as it was, with utf8.DecodeRuneInString and
// scriptOf.
func scriptsRef(s string) (resolved, union scriptSet, ok bool) {
	last := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		sc := scriptOf(r)
		if r < utf8.RuneSelf && (r|0x20 < 'a' || r|0x20 > 'z') {
			continue
		}
		if sc == scriptCommon || sc == scriptInherited || sc == last {
			continue
		}
		last = sc
		a := augmented(sc)
		union.add(sc)
		if !ok {
			resolved, ok = a, true
		} else {
			resolved = resolved.and(a)
		}
	}
	return resolved, union, ok
}

// TestScriptsRef checks scripts against scriptsRef on every code point
// after a Latin letter and on random strings, invalid bytes included.
func TestScriptsRef(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, s string) {
		r1, u1, ok1 := scripts(s)
		r2, u2, ok2 := scriptsRef(s)
		if r1 != r2 || u1 != u2 || ok1 != ok2 {
			t.Fatalf("scripts(%+q) = %v %v %v, want %v %v %v", s, r1, u1, ok1, r2, u2, ok2)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r += nickRuneStride {
		check(t, "a"+string(r)+"\xff")
	}
	rapid.Check(t, func(t *rapid.T) { check(t, genKeyTable().Draw(t, "s")) })
}

// TestMixedScriptScripts checks mixedScript, which stops at the first
// script that empties the resolved set, against the sets of scripts: every
// code point after and before letters of several scripts, every pair of
// scripts and every triple of the scripts with augmented sets, and random
// strings, invalid bytes included; and scriptSet.mixed on the same strings.
func TestMixedScriptScripts(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, s string) {
		resolved, union, ok := scripts(s)
		if got, want := mixedScript(s), ok && resolved.empty(); got != want {
			t.Fatalf("mixedScript(%+q) = %v, want %v", s, got, want)
		}
		// scriptSet.mixed on the scripts of the runes, as keyTableInto
		// and compareSpoof collect them (every rune's, ASCII
		// non-letters' being Common).
		var all scriptSet
		for _, r := range s {
			all.add(scriptOf(r))
		}
		if got, want := all.mixed(), ok && resolved.empty(); got != want || union.minus(all) != (scriptSet{}) {
			t.Fatalf("scriptSet.mixed of the scripts of %+q = %v, want %v", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r += nickRuneStride {
		c := string(r)
		check(t, "a"+c+"\xff")
		check(t, c+"张")
		check(t, "カ"+c+"a")
		check(t, c+c+"김")
	}
	var reps []string // a code point of each script
	seen := make([]bool, len(scriptNames))
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if sc := scriptOf(r); !seen[sc] && utf8.ValidRune(r) {
			seen[sc] = true
			reps = append(reps, string(r))
		}
	}
	for _, x := range reps {
		for _, y := range reps {
			check(t, x+y)
		}
	}
	aug := []string{"张", "さ", "カ", "김", "ㄅ", "a", "б", "1", "\u0301"}
	for _, x := range aug {
		for _, y := range aug {
			for _, z := range aug {
				check(t, x+y+z)
				check(t, x+z+y+x)
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) { check(t, genKeyTable().Draw(t, "s")) })
}
