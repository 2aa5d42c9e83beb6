package guard

import (
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/mask"
)

// ErrAnswerTooLong is returned when a challenge's expected answer folds to
// more than 512 bytes, the fixed buffer of the constant-time comparison.
var ErrAnswerTooLong = errors.New("guard: name too long for a challenge")

// ErrNoAnswer is returned when a payee's name folds to nothing
// (identity.Fold drops it all), so no challenge can ask for it.
var ErrNoAnswer = errors.New("guard: name has nothing a challenge can ask for")

// keySize is the fixed size of the buffers that [Challenge.Check] compares
// in constant time. Names are far shorter: 512 bytes hold 85 Han characters.
const keySize = 512

// Verdict is the outcome of [Challenge.Check]. The zero value is
// VerdictUnknown, returned only for the zero [Challenge].
type Verdict uint8

// Verdicts.
const (
	VerdictUnknown Verdict = iota
	// Passed: the answer matches.
	Passed
	// Retry: the answer is wrong and attempts are left
	// ([Challenge.AttemptsLeft]).
	Retry
	// Locked: no answer is checked until [State.LockedUntil].
	Locked
	// Expired: the challenge is past its expiry; issue a new one.
	Expired
)

var verdictNames = [...]string{"unknown", "passed", "retry", "locked", "expired"}

// String returns the verdict's stable name, such as "retry".
func (v Verdict) String() string { return enumString(verdictNames[:], uint8(v)) }

// MarshalText implements encoding.TextMarshaler.
func (v Verdict) MarshalText() ([]byte, error) { return enumMarshal(verdictNames[:], uint8(v)) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (v *Verdict) UnmarshalText(b []byte) error {
	return enumUnmarshal(verdictNames[:], (*uint8)(v), b)
}

// State is what [Challenge.Check] reads and returns: the caller stores it
// between answers. Wrong and Answers belong to one challenge. The other
// fields outlive it, and the caller loads them from its own storage before
// each check and saves them after, also into the state of any new challenge:
// PayeeToday per payer×payee per day, PayerToday per payer per day, and
// Lockouts and LockedUntil per payer (Lockouts reset when the service sees
// fit, e.g. daily). Otherwise a locked-out payer could escape the lockout by
// starting a new transfer. The zero State is a fresh challenge of a payer
// with a clean day.
type State struct {
	// Wrong counts wrong answers since this challenge was issued or last
	// locked; it never reaches the policy's max_attempts.
	Wrong int `json:"wrong"`
	// Answers counts every answer checked on this challenge, right or wrong
	// (for the evidence).
	Answers int `json:"answers"`
	// PayeeToday counts the payer's wrong answers for this payee today.
	PayeeToday int `json:"payee_today"`
	// PayerToday counts the payer's wrong answers today, any payee.
	PayerToday int `json:"payer_today"`
	// Lockouts counts the payer's lockouts; each doubles the next one.
	Lockouts int `json:"lockouts"`
	// LockedUntil is the end of the current lockout; zero when none.
	LockedUntil time.Time `json:"locked_until,omitzero"`
}

// Challenge is a name challenge, kept on the server: it holds the expected
// answer and is bound to one transfer (its id, payee and amount), with an
// issue time and an expiry. Send the client its [Challenge.Prompt], never
// the Challenge. A Challenge is immutable; its String and LogValue never
// reveal the answer. The zero Challenge is not valid ([Challenge.IsValid]).
type Challenge struct {
	kind       ChallengeKind
	transferID string
	payeeID    string
	amount     Money
	issuedAt   time.Time
	expiresAt  time.Time
	view       view   // the masked display the payer sees
	fill       spans  // grapheme spans the payer must supply
	want       string // the expected answer as registered (for identity.Compare)
	key        string // identity.Fold(want), at most keySize bytes
	rules      ChallengeRules
	hideLength bool
}

// NewChallenge returns a challenge of the given kind for t's payee, bound to
// t and open from issuedAt until expiresAt. [Policy.Evaluate] calls it with
// t.At and t.At + challenge.ttl; call it directly to re-issue a challenge.
// It returns the errors of [Policy.Evaluate]'s transfer checks, the name
// parsing and masking errors, [ErrAnswerTooLong], [ErrNoAnswer], or [ErrInvalidPolicy] for
// an unknown kind or an expiry not after issuedAt.
func (p Policy) NewChallenge(kind ChallengeKind, t Transfer, issuedAt, expiresAt time.Time) (Challenge, error) {
	if _, err := t.validate(); err != nil {
		return Challenge{}, err
	}
	if kind == NoChallenge || int(kind) >= len(kindNames) || !expiresAt.After(issuedAt) {
		return Challenge{}, ErrInvalidPolicy
	}
	var n identity.Name
	_, v, err := p.display(&n, t.Payee.RealName, needView)
	if err != nil {
		return Challenge{}, err
	}
	var c Challenge
	if err := p.newChallenge(&c, kind, &t, &n, &v, issuedAt, expiresAt); err != nil {
		return Challenge{}, err
	}
	return c, nil
}

// newChallenge builds a challenge on an already parsed and masked name into
// *c, which it leaves as the zero Challenge on error.
func (p *Policy) newChallenge(c *Challenge, kind ChallengeKind, t *Transfer, n *identity.Name, v *view, issuedAt, expiresAt time.Time) error {
	kind = effectiveKind(kind, p.Display, n, v)
	*c = Challenge{
		kind: kind, transferID: t.ID, payeeID: t.Payee.ID, amount: t.Amount,
		issuedAt: issuedAt, expiresAt: expiresAt, view: *v, rules: p.Challenge,
		hideLength: p.HideLength,
	}
	switch kind {
	case HiddenPart:
		c.want, c.fill = v.hiddenText, v.hidden
	case Surname:
		s := n.Surname()
		c.want = n.Text(s)
		c.fill.add(Span{s.Start, s.End})
	case FullName:
		c.want = n.Unmasked()
		c.fill.add(Span{0, n.Len()})
	}
	var buf [keySize]byte
	k := identity.AppendFold(buf[:0], c.want)
	if len(k) == 0 && c.kind != FullName {
		// The asked part folds to nothing (punctuation only): ask for all.
		c.kind, c.want, c.fill = FullName, n.Unmasked(), spans{}
		c.fill.add(Span{0, n.Len()})
		k = identity.AppendFold(buf[:0], c.want)
	}
	switch {
	case len(k) == 0:
		*c = Challenge{}
		return ErrNoAnswer
	case len(k) > keySize:
		// AppendFold outgrew the array; the fold does not fit.
		*c = Challenge{}
		return ErrAnswerTooLong
	case string(k) == c.want:
		// The answer is its own fold (a simplified Han name, say): share
		// the string instead of copying it.
		c.key = c.want
	default:
		c.key = string(k)
	}
	return nil
}

// IsValid reports whether c was issued by [Policy.NewChallenge].
func (c Challenge) IsValid() bool { return c.kind != NoChallenge }

// Kind returns what the payer must type.
func (c Challenge) Kind() ChallengeKind { return c.kind }

// TransferID returns the id of the transfer c is bound to.
func (c Challenge) TransferID() string { return c.transferID }

// PayeeID returns the id of the payee c is bound to.
func (c Challenge) PayeeID() string { return c.payeeID }

// Amount returns the amount c is bound to.
func (c Challenge) Amount() Money { return c.amount }

// IssuedAt returns when c was issued.
func (c Challenge) IssuedAt() time.Time { return c.issuedAt }

// ExpiresAt returns when c expires: [Challenge.Check] answers [Expired] from
// this instant on.
func (c Challenge) ExpiresAt() time.Time { return c.expiresAt }

// Binds reports whether c was issued for t: the same transfer id, payee id
// and amount. A service checks it before moving money on a passed challenge.
func (c Challenge) Binds(t Transfer) bool {
	return c.IsValid() && c.transferID == t.ID && c.payeeID == t.Payee.ID && c.amount == t.Amount
}

// String returns a redacted description: kind and transfer id, never the
// answer.
func (c Challenge) String() string { return "challenge " + c.kind.String() + " for " + c.transferID }

// Format implements fmt.Formatter: every verb, %#v and %+v included,
// prints [Challenge.String], never the fields.
func (c Challenge) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// LogValue implements slog.LogValuer without the answer.
func (c Challenge) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("kind", c.kind.String()),
		slog.String("transfer", c.transferID),
		slog.String("payee", c.payeeID),
		slog.String("masked", c.view.text),
	)
}

// AttemptsLeft returns how many wrong answers s still allows before a
// lockout: the least of the per-challenge, per-payee and per-payer limits.
func (c Challenge) AttemptsLeft(s State) int {
	r := c.rules
	return max(0, min(r.MaxAttempts-s.Wrong, r.MaxPerPayeeDay-s.PayeeToday, r.MaxPerPayerDay-s.PayerToday))
}

// Check is the challenge's state machine. It checks answer against the
// expected answer at time now and returns the next state and the verdict:
//
//   - [Locked] while now is before s.LockedUntil, state unchanged;
//   - [Expired] from c's expiry on, state unchanged;
//   - [Locked] until the expiry when a daily limit is already used up;
//   - [Passed] when the answer is right: its fold equals the expected
//     answer's fold (identity.Compare's Match), or identity.Compare says
//     CloseMatch and the policy accepts close matches;
//   - otherwise the answer is wrong: every counter grows by one and the
//     verdict is [Retry], or [Locked] when a limit is reached. A lockout
//     reached through max_attempts lasts lockout_base × 2^Lockouts (capped at
//     lockout_max) and starts a new round of attempts; one reached through a
//     daily limit lasts until the expiry.
//
// Every wrong answer gets the same verdict and the same next state,
// whichever character was wrong; the folded strings are compared in
// constant time over fixed 512-byte buffers. Answers longer than 512 bytes
// are wrong. Check does not allocate (TestCheckAllocs).
func (c Challenge) Check(s State, answer string, now time.Time) (State, Verdict) {
	if !c.IsValid() {
		return s, VerdictUnknown
	}
	if now.Before(s.LockedUntil) {
		return s, Locked
	}
	if !now.Before(c.expiresAt) {
		return s, Expired
	}
	r := c.rules
	if s.PayeeToday >= r.MaxPerPayeeDay || s.PayerToday >= r.MaxPerPayerDay {
		s.LockedUntil = c.expiresAt
		return s, Locked
	}
	s.Answers++
	if c.correct(answer) {
		return s, Passed
	}
	s.Wrong++
	s.PayeeToday++
	s.PayerToday++
	v := Retry
	if s.Wrong >= r.MaxAttempts {
		s.LockedUntil = now.Add(lockout(r, s.Lockouts))
		s.Lockouts++
		s.Wrong = 0
		v = Locked
	}
	if s.PayeeToday >= r.MaxPerPayeeDay || s.PayerToday >= r.MaxPerPayerDay {
		if s.LockedUntil.Before(c.expiresAt) {
			s.LockedUntil = c.expiresAt
		}
		v = Locked
	}
	return s, v
}

// lockout returns the n-th lockout's duration: base × 2^n, capped at max.
func lockout(r ChallengeRules, n int) time.Duration {
	d, hi := time.Duration(r.LockoutBase), time.Duration(r.LockoutMax)
	for i := 0; i < n && d < hi; i++ {
		d *= 2
	}
	return min(d, hi)
}

// correct reports whether answer is right. The fold of the answer goes into
// a fixed buffer and is compared with the expected fold in constant time:
// the time taken does not depend on where the two differ.
func (c Challenge) correct(answer string) bool {
	var buf [keySize]byte
	ok := 0
	if len(answer) <= keySize {
		k := identity.AppendFold(buf[:0], answer)
		if len(k) <= keySize {
			// k aliases buf unless AppendFold had to grow it.
			n := copy(buf[:], k)
			clear(buf[n:])
			ok = subtle.ConstantTimeEq(int32(n), int32(len(c.key)))
		}
	}
	var key [keySize]byte
	copy(key[:], c.key)
	ok &= equalKeys(&buf, &key)
	if ok == 1 {
		return true
	}
	if !c.rules.AcceptCloseMatch || len(answer) > keySize {
		return false
	}
	// Opt-in only: identity.Compare is not constant-time.
	v := identity.Compare(answer, c.want).Verdict
	return v == identity.Match || v == identity.CloseMatch
}

// equalKeys returns 1 if a and b are equal and 0 otherwise, in time that
// depends on neither: it ORs the XOR of every 8-byte word, without a
// branch on the data, as subtle.ConstantTimeCompare does byte by byte
// (eight times the work for a fixed 512-byte buffer).
func equalKeys(a, b *[keySize]byte) int {
	var acc uint64
	for i := 0; i < keySize; i += 8 {
		acc |= binary.LittleEndian.Uint64(a[i:i+8]) ^ binary.LittleEndian.Uint64(b[i:i+8])
	}
	return subtle.ConstantTimeEq(int32(uint32(acc)|uint32(acc>>32)), 0)
}

// Prompt is what the client may see of a challenge: the masked name, its
// segments, which grapheme spans to fill, the attempts left and the times.
// It never contains the expected answer. It is ready for encoding/json.
type Prompt struct {
	// Kind is what to type.
	Kind ChallengeKind `json:"kind"`
	// Masked is the masked name, as in the decision's display.
	Masked string `json:"masked"`
	// Segments are Masked's visible and hidden runs.
	Segments []Segment `json:"segments"`
	// Fill lists the grapheme spans of the name to type; omitted when the
	// policy hides the length.
	Fill []Span `json:"fill,omitempty"`
	// AttemptsLeft is [Challenge.AttemptsLeft] for the state.
	AttemptsLeft int `json:"attempts_left"`
	// ExpiresAt is the challenge's expiry.
	ExpiresAt time.Time `json:"expires_at"`
	// LockedUntil is the end of the current lockout, zero when none.
	LockedUntil time.Time `json:"locked_until,omitzero"`
}

// Segment is a run of the masked name: visible text, or a hidden run shown
// as mask runes (never the hidden text).
type Segment struct {
	Text   string `json:"text"`
	Hidden bool   `json:"hidden,omitempty"`
}

// Span is a half-open range [Start, End) of grapheme indices in the masked
// name.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// promptFill returns the spans to fill, or nil when the display hides the
// length (the spans would tell it).
func (c Challenge) promptFill() []Span {
	if c.hideLength || !c.IsValid() {
		return nil
	}
	return append([]Span(nil), c.fill.list()...)
}

// Prompt returns what the client may see of c in state s.
func (c Challenge) Prompt(s State) Prompt {
	return Prompt{
		Kind:         c.kind,
		Masked:       c.view.text,
		Segments:     append([]Segment(nil), c.view.segs...),
		Fill:         c.promptFill(),
		AttemptsLeft: c.AttemptsLeft(s),
		ExpiresAt:    c.expiresAt,
		LockedUntil:  s.LockedUntil,
	}
}

// effectiveKind is the challenge actually asked for kind: a display that
// hides nothing leaves no hidden part to ask for (FullName); one that hides
// pieces of several words (J*** ****h, 买**·*力) would ask the payer to type
// fragments ("ohn Smit"), so the surname is asked instead; and asking for a
// surname that the display shows would ask for nothing (FullName). It never
// lowers a kind, and it keeps their order (HiddenPart ≤ Surname ≤
// FullName afterwards too), so a stronger rule never gets a weaker
// challenge.
func effectiveKind(kind ChallengeKind, display mask.Style, n *identity.Name, v *view) ChallengeKind {
	if kind == HiddenPart {
		switch {
		case v.hiddenText == "":
			return FullName
		case !wholeParts(n, v.hidden.list()):
			kind = Surname
		}
	}
	if kind == Surname && display == mask.KeepSurname {
		return FullName
	}
	return kind
}

// wholeParts reports whether every hidden span of a name with several parts
// is one whole part. A one-part name (张*明) always qualifies.
func wholeParts(n *identity.Name, hidden []Span) bool {
	if n.NumParts() < 2 {
		return true
	}
	for _, h := range hidden {
		whole := false
		for i := range n.NumParts() {
			if p := n.Part(i); p.Start == h.Start && p.End == h.End {
				whole = true
				break
			}
		}
		if !whole {
			return false
		}
	}
	return true
}
