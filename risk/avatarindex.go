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
	tmpIDs, tmpKeys := make([]int32, n), make([]uint16, n)
	for c := range mihChunks {
		// Sort the ids by chunk value with a two-pass LSD radix sort (low
		// byte, then high byte; stable, so equal values keep id order).
		ids, keys := make([]int32, n), make([]uint16, n)
		for i, h := range hashes {
			tmpIDs[i], tmpKeys[i] = int32(i), h.word(c)
		}
		radixPass(ids, keys, tmpIDs, tmpKeys, 0)
		radixPass(tmpIDs, tmpKeys, ids, keys, 8)
		copy(ids, tmpIDs)
		copy(keys, tmpKeys)
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

// radixPass stably sorts (srcIDs, srcKeys) by the byte of the key at
// shift into (dstIDs, dstKeys).
func radixPass(dstIDs []int32, dstKeys []uint16, srcIDs []int32, srcKeys []uint16, shift uint) {
	var pos [257]int
	for _, k := range srcKeys {
		pos[(k>>shift)&0xff+1]++
	}
	for i := 1; i < len(pos); i++ {
		pos[i] += pos[i-1]
	}
	for i, k := range srcKeys {
		b := (k >> shift) & 0xff
		dstIDs[pos[b]], dstKeys[pos[b]] = srcIDs[i], k
		pos[b]++
	}
}

// search calls found(id, distance) for every stored hash within distance ≤
// mihRadius of q, in no particular order, and possibly more than once for
// the same id (once per chunk that led to it; at most 16 times). Callers
// keep the best per owner, so duplicates cost one distance each and no
// "seen" set needs allocating.
func (m *mihIndex) search(q Hash, found func(id int32, d int)) {
	for c := range mihChunks {
		qc := q.word(c)
		m.probe(c, qc, q, found)
		for b := range 16 {
			m.probe(c, qc^1<<b, q, found)
		}
	}
}

func (m *mihIndex) probe(c int, key uint16, q Hash, found func(id int32, d int)) {
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
	// Every (contact, distance, variant) found; sorted below so that per
	// contact the lowest distance, then the lowest variant, wins, as in
	// CompareAvatarsDihedral.
	var found []avatarHit
	x.full.search(payee.Hash, func(id int32, d int) {
		found = append(found, avatarHit{int(x.fullOwner[id]), AvatarMatch{Distance: d, Variant: x.fullVar[id]}})
	})
	queries := []Hash{payee.Hash}
	if payee.Variants != nil {
		queries = payee.Variants[:]
	}
	for v, q := range queries {
		x.plain.search(q, func(id int32, d int) {
			found = append(found, avatarHit{int(x.plainOwner[id]), AvatarMatch{Distance: d, Variant: Variant(v)}})
		})
	}
	slices.SortFunc(found, func(a, b avatarHit) int {
		return cmp.Or(cmp.Compare(a.contact, b.contact), cmp.Compare(a.match.Distance, b.match.Distance),
			cmp.Compare(a.match.Variant, b.match.Variant))
	})
	hits := found[:0]
	for i, f := range found {
		if i > 0 && found[i-1].contact == f.contact {
			continue // a worse (or equal, later-variant) find for the same contact
		}
		hits = append(hits, avatarHit{f.contact, avatarMatch(f.match.Distance, f.match.Variant, x.avatars[f.contact].Quality, payee.Quality)})
	}
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
