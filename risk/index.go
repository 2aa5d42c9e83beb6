package risk

import (
	"cmp"
	"math/bits"
	"slices"
)

// Profile is an account as the payer sees it.
type Profile struct {
	// ID is the account identifier. Two profiles with the same non-empty
	// ID are the same account; an empty ID matches nothing.
	ID string `json:"id"`
	// Nickname is the display name the account chose.
	Nickname string `json:"nickname"`
	// RealName is the verified real name, if known.
	RealName string `json:"real_name,omitempty"`
	// Avatar is the profile picture's hash, if any.
	Avatar *Avatar `json:"avatar,omitempty"`
}

// Suspect is a contact that a payee appears to imitate.
type Suspect struct {
	// Contact is the imitated contact.
	Contact Profile `json:"contact"`
	// Score in [0, 1] combines the signals that matched (see [Index.Lookalikes]).
	Score float64 `json:"score"`
	// Reasons are the stable codes of every signal, such as
	// "nickname_homoglyph" (see [NicknameReasons.Codes]).
	Reasons []Reason `json:"reasons"`
	// Nickname is the nickname comparison; its zero value means the
	// nicknames do not match.
	Nickname NicknameMatch `json:"nickname"`
	// Avatar is the avatar comparison; its zero value means the avatars do
	// not match (or one side has none).
	Avatar AvatarMatch `json:"avatar"`
}

// Codes returns the [Reason] codes of the bits that are set, each prefixed
// with "nickname_", in bit order: "nickname_homoglyph".
func (r NicknameReasons) Codes() []Reason {
	if r == 0 {
		return nil
	}
	out := make([]Reason, 0, bits.OnesCount16(uint16(r)))
	for i := range nickReasonCount {
		if r&(1<<i) != 0 {
			out = append(out, nickReasonReasons[i])
		}
	}
	return out
}

// Index is a payer's contacts prepared for the lookalike search. It is
// immutable once built and safe for concurrent use; the zero Index and a
// nil *Index hold no contacts.
type Index struct {
	contacts []Profile
	nick     []nickInfo
	byKey    map[string][]int32 // NicknameKey → contacts, for equal keys
	buckets  [][]bucketEntry    // by key length in graphemes, for edit distance
	avatars  *avatarIndex       // contacts' avatar hashes (avatarindex.go)
}

// bucketEntry is one contact in a length bucket: its grapheme mask (a
// cheap lower bound on the edit distance) and its position.
type bucketEntry struct {
	mask uint64
	idx  int32
}

// NewIndex builds the index of the payer's contacts: every nickname's key
// is computed once, here. It copies contacts (avatars included), so later
// changes to the slice do not affect the index.
func NewIndex(contacts []Profile) *Index {
	ix := &Index{
		contacts: make([]Profile, len(contacts)),
		nick:     make([]nickInfo, len(contacts)),
		byKey:    make(map[string][]int32, len(contacts)),
	}
	for i, c := range contacts {
		c.Avatar = cloneAvatar(c.Avatar)
		ix.contacts[i] = c
		in := analyzeNickname(c.Nickname)
		ix.nick[i] = in
		if in.key == "" {
			continue
		}
		ix.byKey[in.key] = append(ix.byKey[in.key], int32(i))
		if in.units >= 4 { // shorter keys only ever match equal keys

			for len(ix.buckets) <= in.units {
				ix.buckets = append(ix.buckets, nil)
			}
			ix.buckets[in.units] = append(ix.buckets[in.units], bucketEntry{in.mask, int32(i)})
		}
	}
	ix.avatars = newAvatarIndex(ix.contactAvatars())
	return ix
}

// Len returns the number of contacts.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	return len(ix.contacts)
}

// candidate is a contact that matched on at least one signal.
type candidate struct {
	idx    int32
	nick   NicknameMatch
	avatar AvatarMatch
}

// collector gathers the candidates of one query. The avatar half adds its
// matches to the same candidates, so that one Suspect carries both.
type collector struct {
	cands []candidate
	pos   map[int32]int
}

// at returns the candidate for contact idx, adding it if needed.
func (c *collector) at(idx int32) *candidate {
	if i, ok := c.pos[idx]; ok {
		return &c.cands[i]
	}
	if c.pos == nil {
		c.pos = map[int32]int{}
	}
	c.pos[idx] = len(c.cands)
	c.cands = append(c.cands, candidate{idx: idx})
	return &c.cands[len(c.cands)-1]
}

// Lookalikes returns the contacts that p imitates, best match first (by
// score, then by position in the contacts). A contact with the same
// non-empty ID as p is p itself and never a suspect.
//
// A nickname matches when [CompareNicknames] calls it a lookalike. The
// search looks up contacts with an equal key in a map and, for the edit
// distance, only visits the length buckets within reach, skipping contacts
// whose grapheme masks already differ by more than the distance allows;
// it never recomputes a contact's key. Each suspect's Score combines its
// signals as 1 − ∏(1 − sᵢ), which equals the single score when one signal
// matched.
//
// An avatar matches when both profiles have one and their PDQ hashes are
// within [MatchThreshold] with usable quality, using the dihedral variants
// of either side (see [Avatar]); the suspect then carries [AvatarMatch]
// and the reasons of [AvatarMatch.Reasons]. The avatar search uses
// multi-index hashing over 16-bit chunks rather than a scan of every
// contact.
func (ix *Index) Lookalikes(p Profile) []Suspect {
	if ix.Len() == 0 {
		return nil
	}
	var c collector
	ix.nicknameCandidates(p, &c)
	ix.avatarCandidates(p, &c)
	return ix.suspects(p, c.cands)
}

// nicknameCandidates adds the contacts whose nickname matches p's.
func (ix *Index) nicknameCandidates(p Profile, c *collector) {
	q := analyzeNickname(p.Nickname)
	if q.key == "" {
		return
	}
	try := func(i int32) {
		if m := compareAnalyzed(p.Nickname, ix.contacts[i].Nickname, &q, &ix.nick[i]); m.Lookalike {
			c.at(i).nick = m
		}
	}
	for _, i := range ix.byKey[q.key] {
		try(i)
	}
	for n := range ix.buckets {
		lim := editLimit(max(n, q.units))
		if lim == 0 || abs(n-q.units) > lim {
			continue
		}
		for _, e := range ix.buckets[n] {
			if bits.OnesCount64(e.mask^q.mask) <= 2*lim && ix.nick[e.idx].key != q.key {
				try(e.idx)
			}
		}
	}
}

// suspects turns candidates into the ranked result, dropping p itself.
func (ix *Index) suspects(p Profile, cands []candidate) []Suspect {
	var out []Suspect
	order := make([]int32, 0, len(cands))
	byIdx := make(map[int32]Suspect, len(cands))
	for _, cd := range cands {
		contact := ix.contacts[cd.idx]
		if p.ID != "" && contact.ID == p.ID {
			continue
		}
		s := Suspect{Contact: contact, Nickname: cd.nick, Avatar: cd.avatar}
		s.Score = combineScores(cd.nick.Score, cd.avatar.Score)
		s.Reasons = append(cd.nick.Reasons.Codes(), cd.avatar.Reasons()...)
		s.Contact.Avatar = cloneAvatar(contact.Avatar)
		order = append(order, cd.idx)
		byIdx[cd.idx] = s
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(byIdx[b].Score, byIdx[a].Score); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, i := range order {
		out = append(out, byIdx[i])
	}
	return out
}

// combineScores combines independent signal scores in [0, 1] as
// 1 − ∏(1 − sᵢ) (noisy-or): one signal keeps its score, two agreeing
// signals rank above either alone.
func combineScores(scores ...float64) float64 {
	q := 1.0
	for _, s := range scores {
		q *= 1 - min(max(s, 0), 1)
	}
	return 1 - q
}
