// Package han holds the Han character tables that identity and risk share:
// traditional/simplified and Z-variant folding ([Fold], [Variants]),
// semantic variants ([SemanticVariant]), Mandarin readings ([Homophone]),
// and visual lookalikes ([Lookalike], [Lookalikes], [LookalikeKey]).
//
// Every function is a pure lookup in static, string-encoded tables
// (tables.go, generated): sorted fixed-size records with a page index, so a
// lookup binary-searches the records of one 256-code-point page. Nothing is
// built at start-up, and no lookup allocates. Runes below U+2E80 return at
// once. [FoldUnified] answers for the CJK Unified Ideographs with a bit set
// of those that fold to another rune (unified_table.go, generated from
// [Fold] and checked against it for every rune), so most of them need no
// search at all.
//
// # Sources and versions
//
//   - Unihan 17.0.0 ([UnihanVersion]) per-field files (unicode-org/unicodetools):
//     kSimplifiedVariant, kZVariant and kTGH for [Fold]; kSemanticVariant
//     and kSpecializedSemanticVariant for [SemanticVariant]; kMandarin for
//     [Homophone]; kSpoofingVariant for [Lookalike]. kTraditionalVariant is
//     read only by tests, which check that Fold agrees with it (below).
//   - The machine-learned CJK confusables of
//     unicode-org/ml-confusables-generator at commit a0bbea48 of 2020-08-26
//     ([CJKConfusablesVersion]), with
//     their image distances (confusables_dis.txt).
//   - The Han-to-Han lines of UTS #39 confusables.txt 17.0.0
//     ([ConfusablesVersion])
//     (for example 士→土, 囗→口, Kangxi radicals → ideographs), and
//     IdentifierType.txt of the same version for the ideographs that Go's
//     tables lack (see below).
//   - internal/gen/data/amendments.txt: our curated lookalike pairs.
//
// The raw files, their licenses and PROVENANCE.md (with sha256 sums that a
// test checks) are in internal/gen/data; internal/gen/unihan parses them
// and renders tables.go. TestTablesUpToDate fails if tables.go differs from
// what the data gives; go generate rewrites it.
//
// # Unicode versions
//
// Go 1.26's unicode package and x/text's norm ([golang.org/x/text/unicode/norm.Version],
// pinned by a test) are Unicode 15.0.0; the Unihan and UTS #39 data here are 17.0.0.
// Ideographs added in 15.1–17.0 (Extension I U+2EBF0..U+2EE5D, Extension J
// U+323B0..U+33479, and U+2B73A..U+2B73F, U+2CEA2..U+2CEAD) are therefore
// unassigned for unicode, norm and uniseg: unicode.Is(unicode.Han, r) is
// false for them and an "unassigned" check built on Go's tables rejects
// them, while [IsHan] reports them as Han. NFC and NFKC leave them
// unchanged (they have no decompositions, so that is also what a 17.0
// normaliser does), and a grapheme segmenter treats each as its own
// cluster, which is also right for an ideograph. The tables do use them:
// 176 runes fold to one of them (mostly Extension B traditional forms whose
// simplified form is in Extension I), 10 of them fold to another rune, and
// 103 have Mandarin readings.
//
// # Fold
//
// Fold is built as classes of a union-find over three kinds of edge:
//
//  1. each CJK compatibility ideograph and its canonical equivalent
//     (U+F967 and 不: NFC maps one to the other);
//  2. each character c whose kSimplifiedVariant does not include c, with the
//     first character of that kSimplifiedVariant;
//  3. each kZVariant pair.
//
// The representative of a class is its member listed in kTGH, the 2013
// Table of General Standard Chinese Characters (通用规范汉字表), the PRC's
// list of standard simplified characters; no class has two (the generator
// checks). A class without one takes a member that is not the source of a
// simplification or compatibility edge, else its lowest code point.
//
// Over-conversion is avoided by two rules. (a) A character whose
// kSimplifiedVariant includes itself keeps itself: 乾 (kSimplifiedVariant
// 乾 干) stays 乾 and never becomes 干, which is the simplification of 幹
// only. (b) A character that kTGH lists is a standard simplified
// character in its own right and keeps itself too, even where its
// kSimplifiedVariant names another character. This rule decides 12
// characters: 剋 吒 垵 幺 於 瀵 瑙 苧 薳 釐 阪 麽. Without it 幺 (the common
// "small") would fold to 么, 瑙 (as in 玛瑙) to the Extension G character
// U+3087B, and the surnames 於 and 釐 to 于 and 厘.
//
// Only the first kSimplifiedVariant is followed, so that two standard
// characters never share a class: 餘 (kSimplifiedVariant 余 馀) folds to
// 余, while 馀 stays itself.
//
// What the Unihan 17.0.0 data says for the surname pairs of issue #2:
//   - 于/於: kSimplifiedVariant(於) = 于 and does not include 於, but kTGH
//     lists 於 (number 6716; the Table keeps it for the surname Yū), so by
//     rule (b) Fold(於) = 於 and Fold(于) = 于. They remain semantic variants
//     (kSemanticVariant 於 → 于) and homophones (both yú).
//   - 余/餘: kSimplifiedVariant(餘) = 余 馀; neither includes 餘 and kTGH
//     does not list 餘, so Fold(餘) = 余.
//   - 范/範: kSimplifiedVariant(範) = 范, so Fold(範) = 范.
//   - 沈/瀋: kSimplifiedVariant(瀋) = 沈 渖, so Fold(瀋) = 沈; 渖 stays 渖.
//
// So for the last three the data does not support keeping the traditional
// form apart: in Taiwan 余 and 餘, 范 and 範 are distinct surnames, but a
// name registered in simplified characters cannot tell them apart either,
// and folding them is what makes a traditional spelling of a mainland
// registration match. Every kTraditionalVariant pair is either folded
// together or kept apart by one of the rules above (a test checks this).
//
// Fold is idempotent, changes no non-Han rune (both checked over all code
// points), and maps compatibility ideographs like their canonical twins.
//
// # SemanticVariant and Homophone
//
// SemanticVariant is the union of kSemanticVariant and
// kSpecializedSemanticVariant, both mapped through Fold and made symmetric.
//
// Homophone compares toneless kMandarin syllables (ü kept: lü and lu
// differ). A character with two kMandarin values (the customary PRC and
// Taiwan readings, e.g. 㴔 jí xī) counts both: a payer may know either, and
// Homophone only ever grades a near match, never a match. kHanyuPinyin,
// with every historical reading, is not used: it would make most common
// characters homophones of each other.
//
// # Lookalike
//
// Lookalike is symmetric: the union of the machine-learned pairs (made
// symmetric, keeping the smaller distance) with image distance <= 0.08,
// kSpoofingVariant, the Han-to-Han pairs of UTS #39 confusables.txt and
// amendments.txt, with compatibility ideographs replaced by their canonical
// equivalents (this removes the 394 machine-learned pairs that are the
// same character after NFC). It holds for a and b as written or after
// Fold.
//
// The machine-learned data keeps candidates up to distance 0.1. Sampling it,
// pairs between 0.08 and 0.1 were mostly not confusable (屵/户 0.082, 丆/勹,
// 吱/昧), pairs below 0.08 mostly were (末/卡 0.072, 已/巴 0.073), so the
// pairwise relation stops at 0.08: 6,276 pairs in all. The classic groups
// of amendments.txt (己已巳, 戊戌戍, 未末, 土士, 日曰, 千干, 候侯, 人入) are
// mostly absent from the machine-learned data (only 未/末 is there, at
// 0.011). 王/玉 is deliberately not listed: 玉 is 王 plus a clear dot, and
// 王 is the most common surname.
//
// # LookalikeKey: the clustering rule
//
// The transitive closure of Lookalike merges far too much: over all
// machine-learned pairs one component has 5,729 characters, and even over
// the pairs used below (distance <= 0.06) the largest has 59. LookalikeKey
// therefore uses capped single linkage:
//
//  1. Edges: the Lookalike pairs mapped through Fold (self-pairs dropped),
//     keeping machine-learned pairs only up to distance 0.06, and only
//     between ideographs from U+3400 on (not radicals, strokes, 〇 or the
//     Hangzhou numerals, which callers meet only before NFKC, if at all).
//  2. Order: curated pairs first, then kSpoofingVariant and UTS #39 pairs,
//     then machine-learned pairs by increasing distance (ties by code
//     point).
//  3. Kruskal's algorithm: join the two clusters of an edge only if the
//     result has at most 8 members; otherwise skip the edge. Oversized
//     components are thereby split along their weakest edges.
//  4. The key of a cluster is its most common member: the one with the
//     lowest kTGH number (level 1 of the Table, numbers 1–3500, holds the
//     common characters), else its lowest code point. A rune's key is the
//     key of Fold(r)'s cluster, or Fold(r) if it has none.
//
// Result (pinned by a test): 1,498 clusters, by size 2: 1158, 3: 223,
// 4: 59, 5: 25, 6: 11, 7: 11, 8: 11. Every curated group lies in one
// cluster: 己已巳巴 (key 己), 未末 (未), 丨个十土士讠𬂛 (十), 戊戌戍 (戊),
// 口囗日曰 (口), 于千干 (干), 侯俟候 (侯), 人入火 (人). Single linkage
// chains, so the members of a large cluster need not all look alike
// pairwise (丁丅丆匚匸厂工广 is one of the 8-member clusters); the cap bounds
// how far that goes. Keys are stable under Fold and LookalikeKey:
// LookalikeKey(LookalikeKey(r)) == LookalikeKey(r) == LookalikeKey(Fold(r))
// and Fold(LookalikeKey(r)) == LookalikeKey(r). Equal keys mean "probably
// a lookalike"; a pair in different clusters can still be a [Lookalike].
//
// # Deviations
//
//   - Fold keeps the 12 characters listed above although
//     kSimplifiedVariant names another character for them.
//   - [Variants] includes compatibility ideographs (沈 has 沈瀋 and U+F972).
//   - Lookalike ignores machine-learned pairs above distance 0.08, and
//     LookalikeKey those above 0.06.
//   - The machine-learned data covers only the 21,028 code points its
//     authors rendered (mostly U+4E00..U+9FFF) in one font (Noto Sans CJK
//     SC); lookalikes among Extension A–J characters come only from
//     kSpoofingVariant and UTS #39.
//
// # Concurrency
//
// Every function is safe for concurrent use.
//
//go:generate go test -run=^TestTablesUpToDate$ -update
package han
