package risk

import (
	"cmp"
	"slices"
)

// Multi-index hashing (Norouzi, Punjani and Fleet, "Fast search in Hamming
// space with multi-index hashing", CVPR 2012) for PDQ hashes.
//
// A 256-bit hash is cut into 16 chunks of 16 bits, chunk c being word c of
// the reference's layout (DCT row c). Claim: if Distance(q, h) ≤ 31 then
// for some chunk c the chunks q_c and h_c differ in at most 1 bit.
// Proof: Distance(q, h) = Σ_c popcount(q_c ⊕ h_c) over the 16 chunks. If
// every chunk differed in 2 bits or more the sum would be ≥ 16 · 2 = 32 >
// 31, a contradiction (pigeonhole). ∎
// So probing, in every chunk table, q_c itself and its 16 one-bit
// neighbours (17 · 16 = 272 probes) finds every hash within distance 31;
// verifying each candidate's full distance then discards the false ones.
// The result is exactly the set a linear scan returns (tested).
//
// (Exact-chunk probing alone would need 32 chunks of 8 bits, whose 256
// buckets hold about n/256 entries each: no better than a scan at n = 5,000.
// With 16-bit chunks a random chunk value has about n/65,536 entries.)

const mihChunks = 16

// mihRadius is the largest distance that mihIndex answers exactly:
// 16 chunks · (1 bit + 1) − 1.
const mihRadius = mihChunks*2 - 1

// mihIndex answers "which stored hashes are within distance ≤ mihRadius of
// q" without a full scan. It is immutable once built.
type mihIndex struct {
	hashes []Hash
	// For each chunk: entry ids sorted by chunk value, the chunk values in
	// the same order, and the first position of each high byte (257
	// bounds), which narrows a lookup to one bucket.
	ids   [mihChunks][]int32
	keys  [mihChunks][]uint16
	start [mihChunks][257]int32
}

func newMIHIndex(hashes []Hash) *mihIndex {
	m := &mihIndex{hashes: hashes}
	n := len(hashes)
	for c := range mihChunks {
		ids := make([]int32, n)
		for i := range ids {
			ids[i] = int32(i)
		}
		slices.SortFunc(ids, func(a, b int32) int {
			return cmp.Or(cmp.Compare(hashes[a].word(c), hashes[b].word(c)), cmp.Compare(a, b))
		})
		keys := make([]uint16, n)
		for i, id := range ids {
			keys[i] = hashes[id].word(c)
		}
		pos := 0
		for hb := range 257 {
			for pos < n && int(keys[pos]>>8) < hb {
				pos++
			}
			m.start[c][hb] = int32(pos)
		}
		m.ids[c], m.keys[c] = ids, keys
	}
	return m
}

// search calls found(id, distance) once for every stored hash within
// distance ≤ mihRadius of q, in no particular order. seen must hold at least
// len(hashes) bits and be all zero; search leaves bits set in it.
func (m *mihIndex) search(q Hash, seen []uint64, found func(id int32, d int)) {
	for c := range mihChunks {
		qc := q.word(c)
		m.probe(c, qc, q, seen, found)
		for b := range 16 {
			m.probe(c, qc^1<<b, q, seen, found)
		}
	}
}

func (m *mihIndex) probe(c int, key uint16, q Hash, seen []uint64, found func(id int32, d int)) {
	lo, hi := m.start[c][key>>8], m.start[c][key>>8+1]
	keys := m.keys[c][lo:hi]
	i, ok := slices.BinarySearch(keys, key)
	if !ok {
		return
	}
	ids := m.ids[c][int(lo)+i:]
	for j, k := range keys[i:] {
		if k != key {
			break
		}
		id := ids[j]
		if seen[id/64]&(1<<(id%64)) != 0 {
			continue
		}
		seen[id/64] |= 1 << (id % 64)
		if d := q.Distance(m.hashes[id]); d <= mihRadius {
			found(id, d)
		}
	}
}

// avatarIndex finds, among contacts' avatars, those a payee's avatar
// matches under compareAvatar's rule, without scanning every contact.
//
// Contacts whose Avatar has Variants go into full, with all eight variant
// hashes as entries: a payee's plain hash is searched there. Contacts
// without Variants go into plain, with their one hash: it is searched with
// the payee's eight variants when the payee has them, else its hash.
type avatarIndex struct {
	full, plain *mihIndex
	// Entry → contact position and variant, for full and plain.
	fullOwner, plainOwner []int32
	fullVar               []Variant
	avatars               []*Avatar // by contact position; nil for none
}

// newAvatarIndex indexes avatars[i] (nil for contacts without an avatar)
// as contact i.
func newAvatarIndex(avatars []*Avatar) *avatarIndex {
	x := &avatarIndex{avatars: avatars}
	var full, plain []Hash
	for i, a := range avatars {
		switch {
		case a == nil:
		case a.Variants != nil:
			for v, h := range a.Variants {
				full = append(full, h)
				x.fullOwner = append(x.fullOwner, int32(i))
				x.fullVar = append(x.fullVar, Variant(v))
			}
		default:
			plain = append(plain, a.Hash)
			x.plainOwner = append(x.plainOwner, int32(i))
		}
	}
	x.full, x.plain = newMIHIndex(full), newMIHIndex(plain)
	return x
}

// avatarHit is one contact whose avatar the payee's matches by hash.
type avatarHit struct {
	contact int
	match   AvatarMatch
}

// lookup returns, sorted by contact position, every contact c with
// compareAvatar(avatars[c], payee).Distance ≤ MatchThreshold, with that
// comparison (whose Match also requires usable qualities).
func (x *avatarIndex) lookup(payee *Avatar) []avatarHit {
	if payee == nil {
		return nil
	}
	// Best (distance, variant) per contact, so that ties resolve as in
	// CompareAvatarsDihedral: the lowest distance, then the lowest variant.
	type best struct {
		d int
		v Variant
	}
	bests := map[int32]best{}
	keep := func(c int32, d int, v Variant) {
		if b, ok := bests[c]; !ok || d < b.d || (d == b.d && v < b.v) {
			bests[c] = best{d, v}
		}
	}
	seen := make([]uint64, (max(len(x.fullOwner), len(x.plainOwner))+63)/64)
	x.full.search(payee.Hash, seen, func(id int32, d int) {
		keep(x.fullOwner[id], d, x.fullVar[id])
	})
	queries := []Hash{payee.Hash}
	if payee.Variants != nil {
		queries = payee.Variants[:]
	}
	for v, q := range queries {
		clear(seen)
		x.plain.search(q, seen, func(id int32, d int) {
			keep(x.plainOwner[id], d, Variant(v))
		})
	}
	hits := make([]avatarHit, 0, len(bests))
	for c, b := range bests {
		if b.d > MatchThreshold {
			continue
		}
		hits = append(hits, avatarHit{int(c), avatarMatch(b.d, b.v, x.avatars[c].Quality, payee.Quality)})
	}
	slices.SortFunc(hits, func(a, b avatarHit) int { return cmp.Compare(a.contact, b.contact) })
	return hits
}

// cloneAvatar returns a deep copy of a (nil for nil), so that an Index
// shares no memory with its caller.
func cloneAvatar(a *Avatar) *Avatar {
	if a == nil {
		return nil
	}
	c := *a
	if a.Variants != nil {
		v := *a.Variants
		c.Variants = &v
	}
	return &c
}

// contactAvatars returns each contact's avatar, nil where there is none.
func (ix *Index) contactAvatars() []*Avatar {
	out := make([]*Avatar, len(ix.contacts))
	for i := range ix.contacts {
		out[i] = ix.contacts[i].Avatar
	}
	return out
}

// avatarCandidates adds the contacts whose avatar p's avatar matches
// (compareAvatar's rule: usable qualities, distance ≤ MatchThreshold).
func (ix *Index) avatarCandidates(p Profile, c *collector) {
	if p.Avatar == nil || p.Avatar.Quality < MinQuality || ix.avatars == nil {
		return
	}
	for _, h := range ix.avatars.lookup(p.Avatar) {
		if h.match.Match {
			c.at(int32(h.contact)).avatar = h.match
		}
	}
}
