package guard

import (
	"errors"
	"fmt"
	"time"
)

// ErrUnknownName is returned when text does not name a known [Action],
// [ChallengeKind], [HoldKind], [Verdict], [EventKind], [StepKind] or reason code.
var ErrUnknownName = errors.New("guard: unknown name")

// Action is what should happen to a transfer. Actions are ordered: a later
// one includes the friction of the earlier ones. The zero value is
// ActionUnknown, which no decision carries.
type Action uint8

// Actions, in rising order.
const (
	ActionUnknown Action = iota
	// ActionAllow: the transfer needs no extra step.
	ActionAllow
	// ActionConfirm: show the masked payee name and the warnings, and ask the
	// payer to confirm.
	ActionConfirm
	// ActionChallenge: the payer must type part of the payee's name (see
	// [Challenge]).
	ActionChallenge
	// ActionDelay: the money arrives late (delayed arrival or a cooling-off
	// period, see [Hold]) and the payer may cancel meanwhile. A delay
	// decision may also carry a challenge.
	ActionDelay
	// ActionBlock: the transfer must not be made.
	ActionBlock
)

var actionNames = [...]string{"unknown", "allow", "confirm", "challenge", "delay", "block"}

// String returns the action's stable lower-case name, such as "challenge".
func (a Action) String() string { return enumString(actionNames[:], uint8(a)) }

// MarshalText implements encoding.TextMarshaler.
func (a Action) MarshalText() ([]byte, error) { return enumMarshal(actionNames[:], uint8(a)) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Action) UnmarshalText(b []byte) error { return enumUnmarshal(actionNames[:], (*uint8)(a), b) }

// ChallengeKind says what the payer must type. Kinds are ordered by how much
// the payer must know. The zero value is NoChallenge.
type ChallengeKind uint8

// Challenge kinds, in rising order of strength.
const (
	NoChallenge ChallengeKind = iota
	// HiddenPart: the graphemes that the masked display hides, e.g. the
	// surname 张 for *小明.
	HiddenPart
	// Surname: the payee's family name.
	Surname
	// FullName: the payee's whole name.
	FullName
)

var kindNames = [...]string{"none", "hidden_part", "surname", "full_name"}

// String returns the kind's stable name, such as "hidden_part".
func (k ChallengeKind) String() string { return enumString(kindNames[:], uint8(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k ChallengeKind) MarshalText() ([]byte, error) { return enumMarshal(kindNames[:], uint8(k)) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ChallengeKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(kindNames[:], (*uint8)(k), b)
}

// HoldKind names a delay from the [Policy]'s [Holds]. The options are those
// of the People's Bank of China notice 261 (2016), real-time (no hold), 2
// hours and next day, plus a short cooling-off period. Kinds are ordered by
// their default length. The zero value is NoHold (real-time arrival).
type HoldKind uint8

// Hold kinds, in rising order of default length.
const (
	NoHold HoldKind = iota
	// CoolingOff: a short pause for high-risk transfers (WeChat: 15 minutes).
	CoolingOff
	// DelayedArrival: PBoC notice 261 "普通到账", within 2 hours.
	DelayedArrival
	// NextDay: PBoC notice 261 "次日到账", 24 hours.
	NextDay
)

var holdNames = [...]string{"none", "cooling_off", "delayed_arrival", "next_day"}

// String returns the hold kind's stable name, such as "cooling_off".
func (h HoldKind) String() string { return enumString(holdNames[:], uint8(h)) }

// MarshalText implements encoding.TextMarshaler.
func (h HoldKind) MarshalText() ([]byte, error) { return enumMarshal(holdNames[:], uint8(h)) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (h *HoldKind) UnmarshalText(b []byte) error { return enumUnmarshal(holdNames[:], (*uint8)(h), b) }

// Duration is a [time.Duration] that reads and writes JSON as Go duration
// text ("15m0s", "2h0m0s").
type Duration time.Duration

// String returns the duration as Go duration text.
func (d Duration) String() string { return time.Duration(d).String() }

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// [time.ParseDuration] accepts.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("guard: bad duration: %w", ErrUnknownName)
	}
	*d = Duration(v)
	return nil
}

func enumString(names []string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "invalid"
}

func enumMarshal(names []string, v uint8) ([]byte, error) {
	if int(v) < len(names) {
		return []byte(names[v]), nil
	}
	return nil, ErrUnknownName
}

func enumUnmarshal(names []string, v *uint8, b []byte) error {
	for i, n := range names {
		if n == string(b) {
			*v = uint8(i)
			return nil
		}
	}
	return ErrUnknownName
}
