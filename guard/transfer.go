package guard

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/transferguard/transferguard/risk"
)

// Transfer is one transfer as the payment service knows it when the payer
// has picked a payee and entered an amount. It holds the payee's real name,
// so [Transfer.String] and [Transfer.LogValue] redact it.
type Transfer struct {
	// ID identifies the transfer; a challenge and the evidence are bound to it.
	ID string `json:"id"`
	// PayerID identifies the payer's account.
	PayerID string `json:"payer_id"`
	// Payee is the payee's account as the payer sees it: its ID, nickname and
	// avatar hash, and in RealName the name the account is registered under
	// (required: an empty RealName is [ErrNoPayeeName]).
	Payee risk.Profile `json:"payee"`
	// Amount is the amount to send; it must be positive and in a known
	// currency.
	Amount Money `json:"amount"`
	// SentToday is what the payer already sent to this payee today, before
	// this transfer, in the same currency; the zero Money means nothing.
	// Thresholds apply to Amount + SentToday.
	SentToday Money `json:"sent_today,omitzero"`
	// At is when the payer asked for the transfer; challenges are issued at
	// this time. It must not be the zero time ([ErrNoTime]).
	At time.Time `json:"at"`
	// PayerVerified and PayeeVerified say whether the accounts are real-name
	// verified.
	PayerVerified bool `json:"payer_verified"`
	PayeeVerified bool `json:"payee_verified"`
}

// String returns a redacted description: the transfer id and amount, never
// a name.
func (t Transfer) String() string { return "transfer " + t.ID + " " + t.Amount.String() }

// Format implements fmt.Formatter: every verb, %#v and %+v included,
// prints [Transfer.String], never the payee's name.
func (t Transfer) Format(f fmt.State, verb rune) { fmt.Fprint(f, t.String()) }

// LogValue implements slog.LogValuer with the ids and the amount only.
func (t Transfer) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", t.ID),
		slog.String("payer", t.PayerID),
		slog.String("payee", t.Payee.ID),
		slog.String("amount", t.Amount.String()),
	)
}

// Total returns Amount + SentToday, the figure that thresholds apply to. It
// returns [ErrUnknownCurrency], [ErrAmount] (a non-positive amount or a
// negative SentToday), [ErrCurrencyMismatch] or [ErrOverflow]. It does not
// allocate.
func (t Transfer) Total() (Money, error) {
	if err := t.Amount.Validate(); err != nil {
		return Money{}, err
	}
	if t.SentToday.IsZero() {
		return t.Amount, nil
	}
	if t.SentToday.Minor < 0 {
		return Money{}, ErrAmount
	}
	return t.Amount.Add(t.SentToday)
}

// validate checks everything [Policy.Evaluate] needs before it applies rules.
func (t Transfer) validate() (Money, error) {
	total, err := t.Total()
	if err != nil {
		return Money{}, err
	}
	if t.Payee.RealName == "" {
		return Money{}, ErrNoPayeeName
	}
	if t.At.IsZero() {
		return Money{}, ErrNoTime
	}
	return total, nil
}
