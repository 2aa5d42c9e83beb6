// Package identity treats personal names as values: it parses a verified
// real name into grapheme clusters, parts and a surname ([Parse]), computes
// the comparison key of any string ([Fold]), and grades what a payer typed
// against a registered name ([Compare]) in the manner of the UK's
// Confirmation of Payee and the EU's Verification of Payee.
//
// # Names
//
// [Parse] validates a name and returns a [Name], an immutable value that
// compares with ==. Its grapheme clusters follow UAX #29 extended grapheme
// clusters (Unicode 15.0.0, via github.com/rivo/uniseg), so a combining
// sequence (Zoë written as Zoe + U+0308), a supplementary-plane ideograph
// (𠮷) or an Indic conjunct is never split. A Name is in NFC, without
// leading or trailing white space, and at most [MaxBytes] bytes and
// [MaxGraphemes] grapheme clusters long; within these limits Parse does not
// allocate for input already in NFC.
//
// Parts are the runs of clusters between separators: white space and the
// interpuncts U+00B7 ·, U+2022 •, U+30FB ・, U+2027 ‧, U+FF65 ･, U+FF0E ．,
// U+2219 ∙, U+22C5 ⋅, U+0387 ·, U+2E31 ⸱ and U+16EB ᛫, and a full stop
// after a letter or digit (J.Smith). Hyphens and dashes are separators
// ([Name.IsSeparator] reports them, so masks keep them visible) but do not
// split parts: Smith-Jones is one part.
//
// [Name.Text] returns the text of a span, so n.Text(n.Surname()) is the
// surname and n.Text(n.Given()) the given name of a Han or Hangul name.
//
// The surname ([Name.Surname]) is:
//   - Han names written without separators: the first character, or the
//     first two when they are a Chinese compound surname (欧阳, 司马, 诸葛,
//     上官, … in simplified or traditional form, from a table generated from
//     the 百家姓 and pinyin-pro lists) and at least one character is left
//     for the given name (欧阳娜娜 → 欧阳, but 欧阳 → 欧).
//   - Han names written with a space: the first part (欧阳 娜娜 → 欧阳).
//   - Han names with an interpunct are transliterated names, written given
//     name first: the surname is the last part. For 伊丽莎白·泰勒 (Elizabeth
//     Taylor) that is 泰勒. For a Uyghur name such as 买买提·艾力 it is 艾力,
//     the father's name, which is what such names have in the surname
//     position of identity documents. All parts are kept.
//   - Hangul: the first syllable, or the first two when they are a Korean
//     compound surname (남궁, 황보, 제갈, 선우, 독고, 사공, 서문, …) with at
//     least one syllable left; the first part if the name has spaces.
//   - Japanese (Kana, or Han mixed with Kana): the first part if the name
//     has spaces, otherwise the first character (a family name cannot be
//     told from a given name without a dictionary).
//   - Every other script: the last part, unless a [Language] option says
//     the family name comes first (zh, ja, ko, hu, vi, mn, km), then the
//     first part. A one-part name is its own surname.
//
// # Forbidden code points
//
// [Parse] returns a [*ParseError] wrapping [ErrForbiddenRune] for controls
// (Cc), format characters (Cf: bidi embeddings, overrides and isolates,
// zero-width space, word joiner, BOM, tags, …), private use (Co),
// noncharacters, code points unassigned in Unicode 15.0.0, line and
// paragraph separators, enclosing marks (the keycap U+20E3), invisible
// letters and marks (U+034F, the Hangul fillers U+115F, U+1160, U+3164,
// U+FFA0, U+17B4, U+17B5, and the presentation selectors U+FE0E, U+FE0F),
// and symbols
// (S*, which includes emoji, currency and math symbols, except the
// interpuncts above). U+200C ZWNJ and U+200D ZWJ are allowed only where
// the IDNA CONTEXTJ rules of RFC 5892 Appendix A.1 and A.2 allow them:
// after a virama (Devanagari क्‍ष), or, for ZWNJ, between joining letters
// (Persian می‌خواهم).
//
// # Comparison keys
//
// [Fold] applies, in order: NFKC (width and compatibility forms); case
// folding (lower case of upper case, so ς, σ and Σ are equal); removal of
// nonspacing marks from Latin, Greek and Cyrillic letters (é → e, ё → е,
// ά → α) with these transliterations for letters that have no
// decomposition: ø→o, æ→ae, œ→oe, ß→ss, đ→d, ð→d, ł→l, þ→th, ħ→h, ı→i, ŧ→t;
// marks of other scripts (Thai, Devanagari, Arabic, …) are kept, because
// they are part of the spelling; Han traditional→simplified and Z-variants
// folded to one representative without over-converting (徐乾學 → 徐乾学,
// never 徐干学: a character whose simplified forms include itself keeps
// itself, so 于/於, 余/餘, 范/範, 沈/瀋 stay apart); variation selectors,
// controls, format characters and apostrophes dropped (O'Brien →
// obrien); every run of white space and punctuation (all interpunct,
// full stop and hyphen variants) dropped between Han, Hangul and Kana
// characters and at the ends, and written as one space elsewhere
// (张 三 → 张三, Jean-Luc → jean luc).
//
// # Comparison
//
// [Compare] returns [Match] when the keys are equal, with [Reasons] naming
// each fold without which they would differ (case, width, diacritics,
// separator, han_variant); when no single fold is needed because two
// folds each suffice (İlhan and Ilhan), the folds either name used. For
// valid UTF-8 the reasons of a Match are empty exactly when the names are
// canonically equivalent (invalid bytes all fold to U+FFFD, which [Parse]
// never accepts in a name). It returns [CloseMatch] when, and only when, one
// of these rules holds, and names it together with each fold without which
// it would not hold (張曉明 against 张小明 is CloseMatch (homophone,
// han_variant); JON SMITH against John Smith is CloseMatch (case, typo)):
//   - Han names of the same length that differ in exactly one character,
//     where the two characters are semantic variants (哲/喆, 峰/峯),
//     homophones in Mandarin ignoring tone (张/章, 小/晓) or visual
//     lookalikes (己/已, 未/末); all that apply are reported.
//   - Names written with spaces (Latin, Cyrillic, Greek, …), after leading
//     titles (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame, …) are set aside on
//     both sides: a title added or removed (title), possibly together with
//     one of: the same parts in another order (order); a part other than
//     the last written as its initial (initial: J Smith for John Smith); one
//     middle part missing (missing_part); or one edit (insertion, deletion,
//     substitution, adjacent swap) in exactly one part whose longer
//     spelling has at least 4 letters (typo: Jon/John, but not Bob/Rob).
//
// Every rule works whichever side was entered: Compare(a, b) and
// Compare(b, a) always have the same verdict and reasons. Anything else,
// including empty input, a key that folds to nothing, and Han names of
// different lengths (张三 and 张三丰), is [NoMatch].
//
// Reason codes ([Reasons.String]) and verdict names ([Verdict.String]) are
// stable and safe to log: they never contain the names.
//
// # Allocations
//
//   - [Parse] allocates nothing for input in NFC (MaxBytes and
//     MaxGraphemes bound the work); input that NFC changes costs the
//     normalized copy.
//   - [AppendFold] allocates nothing when dst has room, for input that is
//     in NFKC already (ASCII, precomposed Latin, Han, Hangul, Kana, …) or
//     whose only compatibility characters are full-width ASCII and U+3000.
//     Other compatibility input (half-width Katakana, ligatures,
//     decomposed sequences that compose) goes through norm.Iter, which
//     escapes to the heap: one allocation. Input in which a dropped
//     character leaves combining marks out of order is normalized again,
//     which allocates too; names never do that. Invalid UTF-8 is first
//     copied with each bad byte replaced by U+FFFD, one allocation,
//     because norm reads a bad byte together with the bytes after it.
//   - [Fold] returns s itself, without allocating, when s is its own key
//     (up to [MaxBytes]); otherwise it allocates the key once.
//   - [Compare] allocates nothing when both inputs are at most 128 bytes
//     and within the AppendFold conditions above; names made only of CJK
//     Unified Ideographs take a fast path that folds only the characters
//     that differ.
//
// # Data and versions
//
// Grapheme clusters, NFC/NFKC and general categories are Unicode 15.0.0
// (rivo/uniseg, golang.org/x/text/unicode/norm and Go's unicode package);
// code points assigned after 15.0.0 count as unassigned. The Han tables
// come from internal/han (Unihan and CJK confusables). The compound surname
// table is generated by internal/gen/surnames from the files in
// internal/gen/data/chinese-names:
//
//	go generate ./identity
//
// # Deviations
//
//   - CONTEXTJ needs the Joining_Type property, which Go's unicode package
//     does not have. A letter of a cursive-joining script (Arabic, Syriac,
//     N'Ko, Mongolian, Mandaic, Manichaean, Psalter Pahlavi, Adlam, Hanifi
//     Rohingya, Sogdian, Old Uyghur, Phags-pa) counts as joining on both
//     sides and a nonspacing or enclosing mark as transparent, so ZWNJ is
//     accepted after a right-joining letter such as alef, which RFC 5892
//     would reject. ZWNJ there is invisible and harmless.
//   - Fold removes the marks of Cyrillic letters too (й → и, ё → е), as
//     the issue asks for Cyrillic; Russian treats й as a letter of its own.
//   - Japanese names get no surname dictionary (see above).
//   - Fold is NFKC-based but allocates for some compatibility input
//     (see Allocations), because golang.org/x/text/unicode/norm's
//     iterator and Append functions escape to the heap.
//
// # Security
//
// Names are personal data. [Name.String] and [Name.LogValue] print a
// redacted form (one '*' per cluster, separators kept); only
// [Name.Unmasked] and [Name.Text] return the text. Error messages give byte
// offsets, U+XXXX code points and categories, never the name. Forbidden
// code points keep invisible and direction-changing characters, which are
// used to make two different names look the same, out of verified names;
// [Fold] drops them so that they cannot make two keys differ either. The
// comparison rules are deliberately narrow: each CloseMatch rule allows
// one small difference, so a CloseMatch is a reason to show the payer the
// registered name, not to proceed silently.
//
// # Concurrency
//
// Every function in this package is pure and safe for concurrent use; a
// Name is immutable.
package identity
