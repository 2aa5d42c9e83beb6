// Package mask renders what the payer is shown: a payee's name with some
// grapheme clusters hidden, in one of several styles, and the account
// identifiers people expect beside a name (phone, bank card, e-mail, PRC
// resident identity number).
//
// # Names
//
// [Name] parses a name with [identity.Parse] and masks it; [NameFrom] masks
// an [identity.Name] that is already parsed. Masking works on grapheme
// clusters (UAX #29, as identity segments them), never on bytes, runes or
// UTF-16 units: Zoë written with a combining diaeresis, 𠮷 (outside the
// BMP) and 남 each count as one. Separators (spaces, every interpunct
// variant, hyphens) stay visible; by default each hidden grapheme becomes
// one mask rune ('*', or the rune given with [MaskRune]), so the masked
// text has as many graphemes as the name.
//
//	style          张三   张小明   欧阳娜娜   买买提·艾力   John Smith
//	KeepLast       *三    **明    ***娜     ***·*力      **** ****h
//	HideSurname    *三    *小明    **娜娜     买买提·**     John *****
//	KeepSurname    张*    张**    欧阳**     ***·艾力      **** Smith
//	KeepEnds       *三    张*明    欧**娜     买**·*力      J*** ****h
//
// [KeepLast] shows the last letter (WeChat before 2018), [HideSurname]
// hides the family name (Alipay), [KeepSurname] shows only the family
// name, [KeepEnds] shows the first and the last letter (WeChat's own
// guide). The family name is whatever [identity.Name.Surname] reports:
// one Han character, or a compound surname from identity's table (欧阳,
// 歐陽, 司马, …; Korean 남궁, 황보, …), the last part of a Latin-script
// name unless a language hint puts it first. For names written with an
// interpunct, such as the Uyghur name 买买提·艾力 or the transliterated
// 伊丽莎白·泰勒, identity takes the last part as the family name, so
// HideSurname gives 买买提·** and KeepSurname gives ***·艾力.
//
// A style never leaves a name fully visible: a one-letter name (明, or Z)
// is fully hidden in every style, and where a style's rule would hide
// nothing (KeepSurname on a one-part Latin name, whose family name is the
// whole name) the [KeepLast] rule is used instead.
//
// [Masked] is the result. Its String is the masked text; [Masked.Hidden]
// gives the hidden grapheme spans (so a challenge can ask exactly for
// them), [Masked.Segments] the visible and hidden runs (so a UI can show
// the visible part large and the hidden part as boxes), and
// [Masked.UnmaskedHidden] the clear text of what is hidden, for the server
// only.
//
// # Hiding the length
//
// With [HideLength], each run of hidden graphemes is shown as exactly
// [HiddenWidth] (3) mask runes, so 张明 and 张小明 under KeepLast both read
// ***明, and 张三 and 张三丰 under KeepSurname both read 张***. Separators
// stay visible, so the number of parts of a name is still shown.
//
// # Deny-list
//
// For names that may hold Latin letters (identity reports Latin, mixed,
// other or unknown script), a masked part could read as
// an offensive word: Singapore's PayNow masked with X and showed names such
// as "SEX QIX RUX"; KeepEnds turns Dirk into D**k. The package keeps a
// small committed deny-list of English profanity and slurs (three or more
// letters). Within each part (the letters between two separators), a run
// of the masked text reads as a denied word when it has the word's length,
// each of its visible letters equals the word's letter at that place
// (ignoring case and diacritics), each mask rune stands for any letter,
// and it contains at least two visible letters and at least one mask rune
// (text without a mask rune is the name's own and was not created by
// masking). When a part reads as a denied word, the last visible letter of
// the match is hidden too, and the check repeats: Dirk → D***, and with
// MaskRune('X') Six → SXX instead of SXx. The mask is only ever widened,
// never narrowed, so the style's privacy promise still holds.
//
// # Identifiers
//
//	Phone     13812345678          138****5678
//	          +44 20 7946 0958     +44 ****** 0958
//	BankCard  6222021234561234     6222 **** **** 1234
//	Email     zhangsan@example.com z***@example.com
//	IDNumber  11010519491231002X   1****************X
//
// [Phone], [BankCard], [Email] and [IDNumber] each document their exact
// rule. Each returns either the complete masked form or an empty string and
// a sentinel error ([ErrInvalid], or [ErrChecksum] which wraps it), never
// a half-masked value, and no error message contains the input.
//
// # Security
//
// A [Masked] never prints the hidden text by accident: String, Format
// (every fmt verb) and LogValue give the masked text. The clear text of
// hidden graphemes comes only from methods whose names start with
// Unmasked, so `grep Unmasked` finds every place that handles it; those
// values belong on the server, never in a response to the client. A Masked
// holds the name's clear text only behind a pointer, so even printing by
// reflection, which skips Format (fmt's %p on a Masked value, or %v of a
// struct that keeps a Masked in an unexported field), shows an address,
// not the name. encoding/json sees no exported field and writes {}.
//
// Under HideLength the masked text hides how many graphemes are hidden,
// but [Masked.Hidden], [Segment.Span] and [Masked.Len] still tell; they
// are for the server (and a UI that does not hide the length).
//
// Masking limits what a screen reveals; it is not anonymization. The
// visible graphemes, the number of hidden graphemes (unless HideLength)
// and the number of name parts are shown by design, and a payer who
// already knows the payee can confirm a guess. Rate-limiting guesses is
// the job of package guard's challenge.
//
// # Performance
//
// [Name] and [NameFrom] allocate exactly once, for the masked text (see
// BENCHMARKS.md for their times). A name of CJK Unified Ideographs and
// Hangul syllables only is masked without segmenting it, since each of its
// characters is a grapheme of its own, and without calling
// [identity.Parse]: its surname, which only the styles that keep or hide
// the surname need, follows from its first two characters and a copy of
// identity's compound-surname tables (a test checks the copy against
// identity's generated file and the surnames against identity.Parse). A
// Masked stores its
// hidden spans in a fixed bit set with a bit for each of the at most
// [identity.MaxGraphemes] graphemes of a name, without a slice.
//
// # Concurrency
//
// Every function in this package is pure and safe for concurrent use.
package mask
