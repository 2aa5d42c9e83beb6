package risk

import "pgregory.net/rapid"

// genNickname is a placeholder until risktest exists.
func genNickname() *rapid.Generator[string] {
	return rapid.StringOf(rapid.SampledFrom([]rune("aAlIi10mrnоа张張伟偉김é\u0301\u200b🌸★. ")))
}

func genSpoof(s string) *rapid.Generator[string] { return rapid.Just(s + "\u200b") }
