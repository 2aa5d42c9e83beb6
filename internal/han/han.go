// Package han holds the Han character tables that identity and risk share:
// traditional/simplified and Z-variant folding, semantic variants, Mandarin
// readings and visual lookalikes, generated from Unihan and the CJK
// confusables data.
//
// PLACEHOLDER: the API contract; tables are generated in issue #2.
package han

// Fold returns the representative of r: traditional to simplified and
// Z-variants to one form, without over-converting (a character whose
// simplified variants include itself keeps itself). Non-Han runes are
// returned unchanged.
func Fold(r rune) rune { return r }

// IsHan reports whether r is a Han ideograph.
func IsHan(r rune) bool { return false }

// SemanticVariant reports whether a and b are semantic or specialized
// semantic variants of each other (after [Fold]).
func SemanticVariant(a, b rune) bool { return false }

// Homophone reports whether a and b share a Mandarin syllable, ignoring tone.
func Homophone(a, b rune) bool { return false }

// Lookalike reports whether a and b are visually confusable Han characters.
func Lookalike(a, b rune) bool { return false }

// LookalikeKey returns the representative of r's lookalike cluster (capped
// in size), for nickname keys. Runes outside every cluster map to themselves.
func LookalikeKey(r rune) rune { return r }
