package mask

// Style says which grapheme clusters of a name [Name] hides. The zero Style
// is not valid: [Name] reports [ErrStyle] for it, so a configuration that
// forgot to choose a style never shows a name unmasked or masked by accident.
//
// In every style, separators (spaces, interpuncts, hyphens, as
// [identity.Name.IsSeparator] says) stay visible and only the other
// graphemes (the "letters") may be hidden. A name with a single letter is
// always fully hidden. A style never hides nothing: where its rule would
// leave every letter visible (for example [KeepSurname] on a one-part Latin
// name, whose family name is the whole name), the [KeepLast] rule is used
// instead.
type Style uint8

// Styles. The examples show the default mask rune '*'.
const (
	// KeepLast shows only the last letter of the name, as WeChat did before
	// 2018: 张三 → *三, 张小明 → **明, 欧阳娜娜 → ***娜,
	// 买买提·艾力 → ***·*力, John Smith → **** ****h.
	KeepLast Style = iota + 1

	// HideSurname hides the family name ([identity.Name.Surname]) and shows
	// the rest, as Alipay does: 张三 → *三, 张小明 → *小明, 欧阳娜娜 → **娜娜,
	// 买买提·艾力 → 买买提·** (identity takes the last part of an interpunct
	// name as the family name), John Smith → John *****.
	HideSurname

	// KeepSurname shows the family name and hides the rest: 张三 → 张*,
	// 张小明 → 张**, 欧阳娜娜 → 欧阳**, 买买提·艾力 → ***·艾力,
	// John Smith → **** Smith.
	KeepSurname

	// KeepEnds shows the first and the last letter and hides those between,
	// as WeChat's own guide does (*三, 王*四, 欧**五): 张小明 → 张*明,
	// 欧阳娜娜 → 欧**娜, 买买提·艾力 → 买**·*力, John Smith → J*** ****h.
	// A name of two letters shows only the last one (张三 → *三). The first
	// letter is the first grapheme, so a compound surname shows only its
	// first character.
	KeepEnds

	numStyles // one past the last style
)

var styleNames = [...]string{
	KeepLast:    "keep-last",
	HideSurname: "hide-surname",
	KeepSurname: "keep-surname",
	KeepEnds:    "keep-ends",
}

// IsValid reports whether s is one of the defined styles.
func (s Style) IsValid() bool { return s > 0 && s < numStyles }

// String returns the style's text form ("keep-last", "hide-surname",
// "keep-surname", "keep-ends"), or "Style(N)" for an invalid style.
func (s Style) String() string {
	if !s.IsValid() {
		return "Style(" + itoa(int(s)) + ")"
	}
	return styleNames[s]
}

// AppendText implements [encoding.TextAppender]. It fails with [ErrStyle]
// for an invalid style.
func (s Style) AppendText(b []byte) ([]byte, error) {
	if !s.IsValid() {
		return b, ErrStyle
	}
	return append(b, styleNames[s]...), nil
}

// MarshalText implements [encoding.TextMarshaler], so a Style is a JSON
// string such as "keep-ends".
func (s Style) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts exactly
// the forms [Style.String] returns for valid styles and reports [ErrStyle]
// for anything else, leaving s unchanged.
func (s *Style) UnmarshalText(b []byte) error {
	for i := KeepLast; i < numStyles; i++ {
		if string(b) == styleNames[i] {
			*s = i
			return nil
		}
	}
	return ErrStyle
}

// itoa formats a small non-negative int without importing strconv.
func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(buf[i:])
}
