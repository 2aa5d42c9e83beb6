package identity

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the comparison key of s. It never fails.
//
// PLACEHOLDER: the real folding is issue #2.
func Fold(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// AppendFold appends the comparison key of s to dst.
func AppendFold(dst []byte, s string) []byte { return append(dst, Fold(s)...) }

// Verdict grades a comparison. The zero value is VerdictUnknown.
type Verdict uint8

// Verdicts, in the manner of Confirmation of Payee.
const (
	VerdictUnknown Verdict = iota
	Match
	CloseMatch
	NoMatch
)

// Reasons is a bit set saying why a comparison got its verdict.
type Reasons uint32

// Reason bits.
const (
	ReasonCase Reasons = 1 << iota
	ReasonWidth
	ReasonDiacritics
	ReasonSeparator
	ReasonHanVariant
	ReasonSemanticVariant
	ReasonHomophone
	ReasonLookalike
	ReasonTypo
	ReasonOrder
	ReasonInitial
	ReasonMissingPart
	ReasonTitle
)

// Result is the outcome of [Compare].
type Result struct {
	Verdict Verdict
	Reasons Reasons
}

// Compare grades entered against registered.
func Compare(entered, registered string) Result {
	if entered == "" || registered == "" {
		return Result{Verdict: NoMatch}
	}
	if Fold(entered) == Fold(registered) {
		return Result{Verdict: Match}
	}
	return Result{Verdict: NoMatch}
}
