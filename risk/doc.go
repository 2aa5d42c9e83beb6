// Package risk judges impersonation and transfer risk: nickname lookalikes
// (Unicode TR39 skeletons extended for nicknames, Han variants and CJK
// lookalikes), avatar lookalikes (the PDQ perceptual hash), a search of the
// payer's contacts for whom a payee imitates ([Index]), and the combination
// of risk signals into an [Assessment].
//
// # Nicknames
//
// [Skeleton] is the UTS #39 (17.0.0) §4 skeleton, from tables generated out
// of confusables.txt in internal/gen/data/tr39 by internal/gen/confusables.
// [NicknameKey] extends it for nicknames (invisible characters, decoration,
// styled letters, case, Han variants and CJK lookalikes); [CompareNicknames]
// grades two nicknames with reasons; [MixedScript] and [RestrictionLevel]
// are the UTS #39 §5 helpers. Package risk/risktest has rapid generators of
// nicknames and their spoofs.
//
// # Concurrency
//
// Every function is pure and safe for concurrent use; an [Index] is
// immutable once built.
//
// # Deviations
//
//   - Skeleton applies confusables.txt until nothing changes, where UTS #39
//     §4 applies it once. In 17.0.0, 13 targets are themselves mapped
//     further (U+FE81 → U+0622, whose NFD U+0627 U+0653 maps to "l\u0303";
//     U+01C5 ǅ → "Dž", whose caron maps to a breve), which makes the
//     one-pass skeleton not idempotent and breaks "skeleton(source) ==
//     skeleton(target)" for those rows. Only strings containing those
//     characters get a different skeleton from ICU's.
//   - 22 rows of confusables.txt 17.0.0 have a source that NFD decomposes
//     (U+00F6 ö → U+0629): §4 step 1 removes such a source before step 2
//     can map it, so no implementation of §4 applies those rows.
//     TestSkeletonConformance lists them.
//   - Normalisation (the package's own NFD/NFKD, tested against x/text for
//     every code point) and the script of a character use Unicode 15.0.0
//     (x/text norm, Go's unicode package), while the confusables and
//     Identifier_Status are 17.0.0. Characters added after 15.0.0 have no
//     decomposition and script Unknown here; those that confusables.txt
//     maps are still mapped. TestVersions fails when Go or x/text upgrade.
//   - Go's unicode package has no Script_Extensions, so [MixedScript] and
//     [RestrictionLevel] use the Script property alone: a Common character
//     whose extensions are, say, {Hiragana, Katakana} (U+30FC) counts as
//     every script. This can only make a string look less mixed.
//   - NicknameKey uses NFKD where its documentation says NFKC: the
//     skeleton normalises to NFD right after, and NFD(NFKC(x)) == NFKD(x),
//     so the keys are the same and no recomposition is needed.
//   - Graphemes for the edit distance are approximated on keys (a base and
//     its combining marks, Hangul medial and final jamo after an initial),
//     which matches UAX #29 on keys: they hold no controls, emoji or ZWJ.
//
//go:generate go test -run=^TestTablesUpToDate$ -update
package risk
