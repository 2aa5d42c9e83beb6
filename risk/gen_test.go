package risk

import "pgregory.net/rapid"

// genMarks draws strings from runes that exercise the skeleton's corner
// cases: mapped ASCII, combining marks in and out of canonical order,
// precomposed letters, Hangul, Han, emoji and invalid bytes.
func genMarks() *rapid.Generator[string] {
	return rapid.StringOf(rapid.SampledFrom([]rune("aAlIi10mrn|оаΑ张張伟偉김가가é\u0301\u0316\u0323ǅ\u0622ﺁö\u200b🌸★. \uFFFD")))
}
