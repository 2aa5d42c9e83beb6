package mask

// Option adjusts [Name] and [NameFrom]. An Option is a small comparable
// value; the zero Option changes nothing. Later options override earlier
// ones.
type Option struct {
	kind optionKind
	r    rune
	on   bool
}

type optionKind uint8

const (
	optNone optionKind = iota
	optMaskRune
	optHideLength
)

// DefaultMaskRune is the rune that replaces each hidden grapheme unless
// [MaskRune] says otherwise.
const DefaultMaskRune = '*'

// HiddenWidth is the number of mask runes that replace each run of hidden
// graphemes under [HideLength]: whether a run hides one grapheme or twenty,
// it is shown as three mask runes, so 张明 and 张小明 under [KeepLast] both
// read ***明. Three covers the commonest lengths of the hidden part of a
// Chinese name (one or two characters of a given name, or a compound
// surname plus one character), so the mask rarely looks shorter than what
// it hides.
const HiddenWidth = 3

// MaskRune sets the rune that replaces hidden graphemes (default
// [DefaultMaskRune]). The rune must be a graphic character that forms a
// grapheme cluster on its own next to any other: letters, digits,
// punctuation and symbols qualify, except the separators a name may contain
// (spaces, interpuncts, hyphens, full stops); combining marks, controls,
// format characters, Hangul jamo and syllables, regional indicators,
// variation selectors, private-use, unassigned and invalid runes do not.
// [Name] reports [ErrMaskRune] otherwise.
//
// A letter such as 'X' is allowed, but the deny-list check (see the package
// documentation) then treats each mask rune as a wildcard for any letter,
// as readers do.
func MaskRune(r rune) Option { return Option{kind: optMaskRune, r: r} }

// HideLength makes each run of hidden graphemes show as exactly
// [HiddenWidth] mask runes, so the output does not say how many graphemes
// are hidden. Separators stay visible, so the number of name parts is still
// shown. HideLength(false) restores the default of one mask rune per hidden
// grapheme.
func HideLength(on bool) Option { return Option{kind: optHideLength, on: on} }

// config is the resolved set of options.
type config struct {
	mask       rune
	hideLength bool
}

func resolve(opts []Option) config {
	c := config{mask: DefaultMaskRune}
	for _, o := range opts {
		switch o.kind {
		case optMaskRune:
			c.mask = o.r
		case optHideLength:
			c.hideLength = o.on
		}
	}
	return c
}
