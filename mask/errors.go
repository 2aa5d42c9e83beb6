package mask

import (
	"errors"
	"fmt"
)

// Sentinel errors. Their messages never contain the name or identifier that
// was being masked, so they are safe to log. Errors from [identity.Parse]
// are returned by [Name] unchanged, so errors.Is(err, identity.ErrEmpty) and
// the other identity sentinels work too.
var (
	// ErrStyle reports a [Style] that is not one of the defined styles
	// (the zero Style included).
	ErrStyle = errors.New("mask: unknown style")
	// ErrMaskRune reports a mask rune that cannot stand on its own as one
	// grapheme cluster, or that could be mistaken for a separator; see
	// [MaskRune].
	ErrMaskRune = errors.New("mask: mask rune not allowed")
	// ErrInvalidName reports the zero [identity.Name] given to [NameFrom].
	ErrInvalidName = errors.New("mask: invalid identity.Name")
	// ErrInvalid reports an identifier ([Phone], [BankCard], [Email],
	// [IDNumber]) that does not follow its documented syntax.
	ErrInvalid = errors.New("mask: invalid identifier")
	// ErrChecksum reports an identifier whose check digit is wrong. It
	// wraps [ErrInvalid]: errors.Is(ErrChecksum, ErrInvalid) is true.
	ErrChecksum = fmt.Errorf("%w: check digit mismatch", ErrInvalid)
)
