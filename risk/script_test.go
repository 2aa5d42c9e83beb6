package risk

import (
	"testing"
	"unicode"

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
