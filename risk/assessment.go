package risk

import "errors"

// Reason is a stable, machine-readable code for a risk finding, such as
// "nickname_homoglyph" or "avatar_match". Codes never contain user text.
type Reason string

// Level is the overall risk of a transfer. The zero value is LevelNone.
type Level uint8

// Levels, in rising order.
const (
	LevelNone Level = iota
	LevelLow
	LevelMedium
	LevelHigh
	LevelCritical
)

// String returns the level's lower-case name ("none", "low", "medium",
// "high", "critical"), or "invalid" for a value above LevelCritical.
func (l Level) String() string {
	switch l {
	case LevelNone:
		return "none"
	case LevelLow:
		return "low"
	case LevelMedium:
		return "medium"
	case LevelHigh:
		return "high"
	case LevelCritical:
		return "critical"
	}
	return "invalid"
}

// ErrUnknownLevel is returned when text does not name a [Level].
var ErrUnknownLevel = errors.New("risk: unknown risk level")

// MarshalText implements encoding.TextMarshaler with the String form; it
// reports [ErrUnknownLevel] for a value above LevelCritical.
func (l Level) MarshalText() ([]byte, error) {
	if l > LevelCritical {
		return nil, ErrUnknownLevel
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly the
// names String returns for valid levels and leaves l unchanged on error.
func (l *Level) UnmarshalText(b []byte) error {
	for v := LevelNone; v <= LevelCritical; v++ {
		if string(b) == v.String() {
			*l = v
			return nil
		}
	}
	return ErrUnknownLevel
}

// Avatar is a profile picture's PDQ hash with its quality (0–100), as
// [PDQ] or [HashAvatar] computes them. A quality below [MinQuality] makes
// the hash unusable for a match.
//
// Variants, when not nil, holds the eight dihedral hashes of the same image
// (from [HashAvatar] or [PDQDihedral]; Variants[Original] == Hash), so that
// a mirrored or rotated copy is recognised. They cannot be derived from Hash
// alone; when neither side of a comparison has them, only plain copies
// match.
type Avatar struct {
	Hash     Hash      `json:"hash"`
	Quality  int       `json:"quality"`
	Variants *Dihedral `json:"variants,omitempty"`
}

// Assessment is the risk judgement of one transfer's payee.
// The zero Assessment means no risk found.
type Assessment struct {
	Level    Level     `json:"level"`
	Score    float64   `json:"score"`
	Reasons  []Reason  `json:"reasons,omitempty"`
	Suspects []Suspect `json:"suspects,omitempty"`
}
