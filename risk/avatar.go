package risk

// Reasons reported for avatar lookalikes.
const (
	// ReasonAvatarMatch: the payee's avatar is a copy of the contact's
	// (PDQ distance ≤ [MatchThreshold], both hashes usable).
	ReasonAvatarMatch Reason = "avatar_match"
	// ReasonAvatarMirrored: the copy is mirrored or flipped.
	ReasonAvatarMirrored Reason = "avatar_mirrored"
	// ReasonAvatarRotated: the copy is rotated by 90°, 180° or 270°.
	ReasonAvatarRotated Reason = "avatar_rotated"
)

// AvatarMatch is the verdict of comparing two avatars' PDQ hashes.
// The zero AvatarMatch means "not comparable": no match, score 0.
type AvatarMatch struct {
	// Distance is the smallest PDQ distance found (0..256).
	Distance int `json:"distance"`
	// Variant is the dihedral variant that gave Distance: [Original] for a
	// plain copy, a flip or rotation for a transformed one. It is the
	// variant of the side whose [Dihedral] was compared (for the Index, the
	// contact's when it has Variants, else the payee's); mirror and
	// rotation classes do not depend on the side.
	Variant Variant `json:"variant"`
	// Usable reports whether both qualities are at least [MinQuality]; a
	// hash of lower quality (flat or tiny image) never matches.
	Usable bool `json:"usable"`
	// Match reports Usable and Distance ≤ [MatchThreshold].
	Match bool `json:"match"`
	// Score grades the similarity in [0, 1]: 1 − Distance/64, floored at
	// 0, and 0 when not Usable. A match scores above 0.5; unrelated images
	// (distance near 128) score 0.
	Score float64 `json:"score"`
}

// Reasons returns the reason codes of a match ([ReasonAvatarMatch], plus
// [ReasonAvatarMirrored] or [ReasonAvatarRotated] for a transformed copy),
// or nil when m is not a match. It allocates the slice.
func (m AvatarMatch) Reasons() []Reason {
	if !m.Match {
		return nil
	}
	switch {
	case m.Variant == Original:
		return []Reason{ReasonAvatarMatch}
	case m.Variant.IsMirror():
		return []Reason{ReasonAvatarMatch, ReasonAvatarMirrored}
	default:
		return []Reason{ReasonAvatarMatch, ReasonAvatarRotated}
	}
}

// CompareAvatars compares two PDQ hashes of qualities qa and qb as they are:
// a rotated or mirrored copy is not recognised (use [CompareAvatarsDihedral]
// for that). It does not allocate.
func CompareAvatars(a, b Hash, qa, qb int) AvatarMatch {
	return avatarMatch(a.Distance(b), Original, qa, qb)
}

// CompareAvatarsDihedral compares the eight dihedral variants of one image
// (from [PDQDihedral] or [HashAvatar]) with another image's hash, and
// reports the closest: a mirrored or rotated copy of a matches too.
// The variants come from a's DCT, which a hash alone does not carry, so this
// side must be hashed with [PDQDihedral]; the other side needs only its
// [PDQ] hash. Ties go to the lower [Variant] (Original first). It does not
// allocate.
func CompareAvatarsDihedral(a Dihedral, b Hash, qa, qb int) AvatarMatch {
	best, bv := a[Original].Distance(b), Original
	for v := Rotate90; v <= FlipMinus1; v++ {
		if d := a[v].Distance(b); d < best {
			best, bv = d, v
		}
	}
	return avatarMatch(best, bv, qa, qb)
}

func avatarMatch(d int, v Variant, qa, qb int) AvatarMatch {
	m := AvatarMatch{Distance: d, Variant: v, Usable: qa >= MinQuality && qb >= MinQuality}
	if m.Usable {
		m.Match = d <= MatchThreshold
		m.Score = max(0, 1-float64(d)/64)
	}
	return m
}

// compareAvatar compares a contact's avatar with a payee's, using the
// dihedral variants of whichever side has them (the contact's first).
// The Index uses the same rule, so that its search agrees with this scan.
func compareAvatar(contact, payee *Avatar) AvatarMatch {
	switch {
	case contact.Variants != nil:
		return CompareAvatarsDihedral(*contact.Variants, payee.Hash, contact.Quality, payee.Quality)
	case payee.Variants != nil:
		return CompareAvatarsDihedral(*payee.Variants, contact.Hash, payee.Quality, contact.Quality)
	}
	return CompareAvatars(contact.Hash, payee.Hash, contact.Quality, payee.Quality)
}
