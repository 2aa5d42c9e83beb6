package guard

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/transferguard/transferguard/internal/han"
	"github.com/transferguard/transferguard/risk"
)

// Errors about evidence records.
var (
	ErrInvalidEvidence = errors.New("guard: invalid evidence record")
	ErrBrokenChain     = errors.New("guard: evidence chain broken")
)

// EvidenceVersion is the version of the [Evidence] format and of its
// canonical encoding.
const EvidenceVersion = 1

// Digest is the SHA-256 of an evidence record's canonical encoding. The
// zero Digest starts a chain. It reads and writes as 64 lower-case hex
// digits.
type Digest [sha256.Size]byte

// IsZero reports whether d is the zero Digest.
func (d Digest) IsZero() bool { return d == Digest{} }

// String returns d as lower-case hex.
func (d Digest) String() string { return hex.EncodeToString(d[:]) }

// MarshalText implements encoding.TextMarshaler.
func (d Digest) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts exactly 64
// lower-case hex digits.
func (d *Digest) UnmarshalText(b []byte) error {
	if len(b) != 2*len(d) || bytes.ContainsFunc(b, func(r rune) bool { return 'A' <= r && r <= 'F' }) {
		return ErrInvalidEvidence
	}
	if _, err := hex.Decode(d[:], b); err != nil {
		return ErrInvalidEvidence
	}
	return nil
}

// TableVersion names a data table and its version, so that a record says
// which data judged it.
type TableVersion struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Tables returns the versions of the data tables that guard's judgement
// depends on, sorted by name. It allocates a new slice on every call.
func Tables() []TableVersion {
	return []TableVersion{
		{"cjk-confusables", han.CJKConfusablesVersion},
		{"iso4217", "SIX List One, amendment 179"},
		{"tr39-confusables", han.ConfusablesVersion},
		{"unicode", unicode.Version},
		{"unihan", han.UnihanVersion},
		{"x/text/norm", norm.Version},
	}
}

// Evidence records what the payer saw and confirmed at the moment of a
// transfer, for disputes and for authorities: the ids, amount and time, the
// masked name shown, the payee's nickname and avatar hash at that moment
// (scammers change them afterwards), the decision, the challenge's kind,
// attempts and outcome (never the typed answers), the data table versions,
// and the digest of the previous record so that a service can keep a hash
// chain. [Evidence.AppendCanonical] is its byte-stable encoding and
// [Evidence.Digest] the SHA-256 of it; its JSON form round-trips losslessly.
// All strings are valid UTF-8 ([NewEvidence] replaces invalid bytes).
type Evidence struct {
	// Version is [EvidenceVersion].
	Version int `json:"version"`
	// TransferID, PayerID and PayeeID are the service's account and
	// transfer ids.
	TransferID string `json:"transfer_id"`
	PayerID    string `json:"payer_id"`
	PayeeID    string `json:"payee_id"`
	// Amount and SentToday are the transfer's amount and what the payer had
	// already sent to the payee that day.
	Amount    Money `json:"amount"`
	SentToday Money `json:"sent_today,omitzero"`
	// At is the transfer's time.
	At time.Time `json:"at"`
	// Display is the masked name the payer was shown.
	Display string `json:"display"`
	// PayeeNickname is the payee's nickname at that moment.
	PayeeNickname string `json:"payee_nickname"`
	// PayeeAvatar is the payee's avatar PDQ hash in lower-case hex, or empty.
	PayeeAvatar string `json:"payee_avatar,omitempty"`
	// Action and Reasons are the decision.
	Action  Action  `json:"action"`
	Reasons Reasons `json:"reasons"`
	// Level and RiskReasons are the risk assessment's level and codes.
	Level       risk.Level    `json:"risk_level"`
	RiskReasons []risk.Reason `json:"risk_reasons,omitempty"`
	// Suspects are the contact ids the payer was warned about.
	Suspects []string `json:"suspects,omitempty"`
	// Hold and CancelUntil are the recommended hold and the end of its
	// cancel window (zero when none).
	Hold        HoldKind  `json:"hold"`
	CancelUntil time.Time `json:"cancel_until,omitzero"`
	// Challenge is the kind of challenge asked, NoChallenge when none.
	Challenge ChallengeKind `json:"challenge"`
	// Attempts is the number of answers the payer gave.
	Attempts int `json:"attempts"`
	// Outcome is the last verdict, VerdictUnknown when no challenge.
	Outcome Verdict `json:"outcome"`
	// Tables are the data table versions that judged the transfer.
	Tables []TableVersion `json:"tables"`
	// Prev is the digest of the previous record in the service's chain.
	Prev Digest `json:"prev"`
}

// NewEvidence records transfer t under decision d, with the challenge's
// final state s and verdict v (the zero State and VerdictUnknown when there
// was no challenge), chained to the previous record's digest prev (the zero
// Digest for the first record). Times are stored in UTC. It never records the
// payee's real name or any answer: only the masked display.
func NewEvidence(t Transfer, d Decision, s State, v Verdict, prev Digest) Evidence {
	e := Evidence{
		Version:       EvidenceVersion,
		TransferID:    valid(t.ID),
		PayerID:       valid(t.PayerID),
		PayeeID:       valid(t.Payee.ID),
		Amount:        t.Amount,
		SentToday:     t.SentToday,
		At:            t.At.UTC().Round(0),
		Display:       valid(d.Display.Text),
		PayeeNickname: valid(t.Payee.Nickname),
		Action:        d.Action,
		Reasons:       d.Reasons,
		Level:         d.Level,
		Hold:          d.Hold.Kind,
		Challenge:     d.Challenge.Kind(),
		Attempts:      s.Answers,
		Outcome:       v,
		Tables:        Tables(),
		Prev:          prev,
	}
	if t.Payee.Avatar != nil {
		e.PayeeAvatar = hex.EncodeToString(t.Payee.Avatar.Hash[:])
	}
	if d.Hold.Kind != NoHold {
		e.CancelUntil = d.Hold.CancelUntil.UTC().Round(0)
	}
	for _, r := range d.RiskReasons {
		e.RiskReasons = append(e.RiskReasons, risk.Reason(valid(string(r))))
	}
	for _, s := range d.Suspects {
		e.Suspects = append(e.Suspects, valid(s.ContactID))
	}
	return e
}

func valid(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// Validate reports whether e is a well-formed record: the current version,
// a valid amount, valid UTF-8, known enum values, a hex avatar hash and a
// non-negative attempt count. It returns an error wrapping
// [ErrInvalidEvidence] that names the field.
func (e Evidence) Validate() error {
	bad := func(f string) error { return fmt.Errorf("%w: %s", ErrInvalidEvidence, f) }
	switch {
	case e.Version != EvidenceVersion:
		return bad("version")
	case e.Amount.Validate() != nil:
		return bad("amount")
	case !e.SentToday.IsZero() && (e.SentToday.Currency != e.Amount.Currency || e.SentToday.Minor < 0):
		return bad("sent_today")
	case e.PayeeAvatar != "" && !isHash(e.PayeeAvatar):
		return bad("payee_avatar")
	case e.Attempts < 0:
		return bad("attempts")
	case int(e.Action) >= len(actionNames) || int(e.Hold) >= len(holdNames) ||
		int(e.Challenge) >= len(kindNames) || int(e.Outcome) >= len(verdictNames):
		return bad("enum")
	case e.Reasons>>numReasons != 0:
		return bad("reasons")
	}
	strs := []string{e.TransferID, e.PayerID, e.PayeeID, e.Display, e.PayeeNickname}
	strs = append(strs, e.Suspects...)
	for _, r := range e.RiskReasons {
		strs = append(strs, string(r))
	}
	for _, t := range e.Tables {
		strs = append(strs, t.Name, t.Version)
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			return bad("utf-8")
		}
	}
	return nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// evidenceJSON has Evidence's fields without its methods.
type evidenceJSON Evidence

// MarshalJSON writes e as JSON after checking it with [Evidence.Validate].
func (e Evidence) MarshalJSON() ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(evidenceJSON(e))
}

// UnmarshalJSON reads a record, rejecting unknown fields and records that
// fail [Evidence.Validate]. Decoding then encoding is lossless: the decoded
// record re-encodes to JSON that decodes to an equal record with the same
// digest.
func (e *Evidence) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var v evidenceJSON
	if err := dec.Decode(&v); err != nil {
		// Not wrapped: a JSON error can quote the record, which holds a
		// nickname.
		return fmt.Errorf("%w: malformed or unknown field", ErrInvalidEvidence)
	}
	if err := Evidence(v).Validate(); err != nil {
		return err
	}
	// An empty list and a missing one are the same record.
	if len(v.RiskReasons) == 0 {
		v.RiskReasons = nil
	}
	if len(v.Suspects) == 0 {
		v.Suspects = nil
	}
	if len(v.Tables) == 0 {
		v.Tables = nil
	}
	*e = Evidence(v)
	return nil
}

// Canonical encoding: the magic "transferguard/evidence/1\n", then every
// field in declaration order. Strings are a uvarint byte length and the
// bytes; integers are 8 bytes big-endian (two's complement); times are the
// Unix seconds (8 bytes) and nanoseconds (4 bytes) of the instant, so the
// encoding does not depend on the time zone; lists are a uvarint count and
// their elements; the digest is its 32 bytes.
const evidenceMagic = "transferguard/evidence/1\n"

// AppendCanonical appends e's canonical encoding to dst: the same record
// always gives the same bytes, and two records that differ in any field
// other than a time's zone give different bytes.
func (e Evidence) AppendCanonical(dst []byte) []byte {
	dst = append(dst, evidenceMagic...)
	dst = appendInt(dst, int64(e.Version))
	for _, s := range []string{e.TransferID, e.PayerID, e.PayeeID} {
		dst = appendString(dst, s)
	}
	dst = appendMoney(dst, e.Amount)
	dst = appendMoney(dst, e.SentToday)
	dst = appendTime(dst, e.At)
	dst = appendString(dst, e.Display)
	dst = appendString(dst, e.PayeeNickname)
	dst = appendString(dst, e.PayeeAvatar)
	dst = appendInt(dst, int64(e.Action))
	dst = appendInt(dst, int64(e.Reasons))
	dst = appendInt(dst, int64(e.Level))
	dst = binary.AppendUvarint(dst, uint64(len(e.RiskReasons)))
	for _, r := range e.RiskReasons {
		dst = appendString(dst, string(r))
	}
	dst = binary.AppendUvarint(dst, uint64(len(e.Suspects)))
	for _, s := range e.Suspects {
		dst = appendString(dst, s)
	}
	dst = appendInt(dst, int64(e.Hold))
	dst = appendTime(dst, e.CancelUntil)
	dst = appendInt(dst, int64(e.Challenge))
	dst = appendInt(dst, int64(e.Attempts))
	dst = appendInt(dst, int64(e.Outcome))
	dst = binary.AppendUvarint(dst, uint64(len(e.Tables)))
	for _, t := range e.Tables {
		dst = appendString(dst, t.Name)
		dst = appendString(dst, t.Version)
	}
	return append(dst, e.Prev[:]...)
}

func appendString(dst []byte, s string) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(s))), s...)
}

func appendInt(dst []byte, v int64) []byte { return binary.BigEndian.AppendUint64(dst, uint64(v)) }

func appendMoney(dst []byte, m Money) []byte {
	return appendString(appendInt(dst, m.Minor), m.Currency)
}

func appendTime(dst []byte, t time.Time) []byte {
	return binary.BigEndian.AppendUint32(appendInt(dst, t.Unix()), uint32(t.Nanosecond()))
}

// Digest returns the SHA-256 of e's canonical encoding.
func (e Evidence) Digest() Digest {
	return sha256.Sum256(e.AppendCanonical(make([]byte, 0, 512)))
}

// ChainError says where an evidence chain breaks: record Index does not
// carry the digest of the record before it (or, for index 0, the digest the
// chain was expected to start from).
type ChainError struct{ Index int }

// Error implements error.
func (e *ChainError) Error() string {
	return fmt.Sprintf("guard: evidence chain broken at record %d", e.Index)
}

// Unwrap returns [ErrBrokenChain].
func (e *ChainError) Unwrap() error { return ErrBrokenChain }

// VerifyChain checks that records form a hash chain starting from prev (the
// zero Digest for a chain's first record, or the digest of the record
// before the first one given): each record's Prev is the digest of the
// record before it. It returns nil or a *[ChainError] naming the first
// record whose Prev does not match; errors.Is(err, ErrBrokenChain) holds.
func VerifyChain(prev Digest, records []Evidence) error {
	for i, e := range records {
		if e.Prev != prev {
			return &ChainError{Index: i}
		}
		prev = e.Digest()
	}
	return nil
}
