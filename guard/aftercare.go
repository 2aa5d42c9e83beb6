package guard

import (
	"encoding/hex"
	"strings"
	"time"
)

// EventKind is something that happened after a transfer. The zero value is
// EventUnknown, which [Aftercare] ignores.
type EventKind uint8

// Event kinds.
const (
	EventUnknown EventKind = iota
	// PayeeBlockedPayer: the payee blocked the payer (a common step of a
	// scam once the money has arrived).
	PayeeBlockedPayer
	// PayerReportedMistake: the payer says the money went to the wrong
	// person.
	PayerReportedMistake
	// PayerReportedFraud: the payer says they were deceived.
	PayerReportedFraud
	// PayeeChangedNickname: the payee changed their nickname.
	PayeeChangedNickname
	// PayeeChangedAvatar: the payee changed their avatar.
	PayeeChangedAvatar
	// LegalRequest: an authority (police, court) made a legal request for
	// the record.
	LegalRequest
)

var eventNames = [...]string{"unknown", "payee_blocked_payer", "payer_reported_mistake",
	"payer_reported_fraud", "payee_changed_nickname", "payee_changed_avatar", "legal_request"}

// String returns the event kind's stable name.
func (k EventKind) String() string { return enumString(eventNames[:], uint8(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) { return enumMarshal(eventNames[:], uint8(k)) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *EventKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(eventNames[:], (*uint8)(k), b)
}

// Event is one thing that happened after a transfer, at a time.
type Event struct {
	Kind EventKind `json:"kind"`
	At   time.Time `json:"at"`
}

// StepKind is one step of an aftercare [Plan]. Steps appear in a plan in
// the order of their kinds.
type StepKind uint8

// Step kinds, in plan order.
const (
	StepUnknown StepKind = iota
	// StepCancel: cancel the transfer; the hold's cancel window is still
	// open (Step.Until is its end).
	StepCancel
	// StepOpenCase: open an assistance case (Plan.CaseID).
	StepOpenCase
	// StepContactPayee: the service contacts the payee and asks them to
	// return the money.
	StepContactPayee
	// StepReviewPayee: review the payee's account: it changed its nickname
	// or avatar after a transfer that went wrong.
	StepReviewPayee
	// StepPoliceReport: guide the payer to report to the police (in China,
	// 110 or the anti-fraud hotline 96110), with the case number.
	StepPoliceReport
	// StepDiscloseToPayer: tell the payer the masked name and the case
	// number, never the payee's full name.
	StepDiscloseToPayer
	// StepDiscloseToAuthority: give the authority that made a legal request
	// the full record.
	StepDiscloseToAuthority
)

var stepNames = [...]string{"unknown", "cancel", "open_case", "contact_payee", "review_payee",
	"police_report", "disclose_to_payer", "disclose_to_authority"}

// String returns the step kind's stable name.
func (k StepKind) String() string { return enumString(stepNames[:], uint8(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k StepKind) MarshalText() ([]byte, error) { return enumMarshal(stepNames[:], uint8(k)) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *StepKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(stepNames[:], (*uint8)(k), b)
}

// Disclosure items, as named in [Step.Disclose].
const (
	DiscloseMaskedName = "masked_name" // Evidence.Display
	DiscloseCaseID     = "case_id"     // Plan.CaseID
	DiscloseFullRecord = "full_record" // the evidence record and the payee's registered identity
)

// Step is one thing to do.
type Step struct {
	Kind StepKind `json:"kind"`
	// Until is the step's deadline, zero when none.
	Until time.Time `json:"until,omitzero"`
	// Disclose lists what may be disclosed, for the disclosure steps.
	Disclose []string `json:"disclose,omitempty"`
}

// Plan is what to do after a transfer.
type Plan struct {
	// CaseID is the assistance case's number, empty when no case is opened.
	// It is derived from the evidence digest, so the same record always gets
	// the same case number.
	CaseID string `json:"case_id,omitempty"`
	Steps  []Step `json:"steps"`
}

// Aftercare returns the plan for transfer record e given the events that
// happened after it, as seen at time now. Events before e.At or after now
// are ignored. The rules, applied in this order of steps:
//
//   - trouble is a report by the payer (mistake or fraud) or the payee
//     blocking the payer;
//   - trouble while the hold's cancel window is open (now before
//     e.CancelUntil): cancel, until e.CancelUntil;
//   - trouble or a legal request: open a case, numbered "TG-" and the first
//     6 bytes of e's digest in upper-case hex;
//   - trouble: the service contacts the payee;
//   - trouble and a nickname or avatar change by the payee: review the payee
//     (the record keeps what the payer saw);
//   - a fraud report, or the payee blocking the payer together with a
//     mistake report or a profile change: guide the payer to the police;
//   - trouble: disclose to the payer the masked name and the case number,
//     never the full name;
//   - a legal request: disclose the full record to the authority.
//
// No events (or only ignored ones) give an empty plan. Aftercare is
// deterministic: the same inputs give the same plan.
func Aftercare(e Evidence, events []Event, now time.Time) Plan {
	var seen [len(eventNames)]bool
	for _, ev := range events {
		if int(ev.Kind) < len(seen) && !ev.At.Before(e.At) && !ev.At.After(now) {
			seen[ev.Kind] = true
		}
	}
	blocked, reported := seen[PayeeBlockedPayer], seen[PayerReportedMistake] || seen[PayerReportedFraud]
	trouble := blocked || reported
	changed := seen[PayeeChangedNickname] || seen[PayeeChangedAvatar]
	legal := seen[LegalRequest]

	var p Plan
	add := func(k StepKind, until time.Time, disclose ...string) {
		p.Steps = append(p.Steps, Step{Kind: k, Until: until, Disclose: disclose})
	}
	if trouble && e.Hold != NoHold && now.Before(e.CancelUntil) {
		add(StepCancel, e.CancelUntil)
	}
	if trouble || legal {
		d := e.Digest()
		p.CaseID = "TG-" + strings.ToUpper(hex.EncodeToString(d[:6]))
		add(StepOpenCase, time.Time{})
	}
	if trouble {
		add(StepContactPayee, time.Time{})
	}
	if trouble && changed {
		add(StepReviewPayee, time.Time{})
	}
	if seen[PayerReportedFraud] || blocked && (seen[PayerReportedMistake] || changed) {
		add(StepPoliceReport, time.Time{})
	}
	if trouble {
		add(StepDiscloseToPayer, time.Time{}, DiscloseMaskedName, DiscloseCaseID)
	}
	if legal {
		add(StepDiscloseToAuthority, time.Time{}, DiscloseFullRecord)
	}
	return p
}
