package risk

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

var assessNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func TestAssessSignals(t *testing.T) {
	contacts := NewIndex([]Profile{
		{ID: "c1", Nickname: "阿伟", RealName: "张伟"},
		{ID: "c2", Nickname: "芳芳", RealName: "王芳"},
	})
	w := DefaultWeights()
	tests := []struct {
		name      string
		payee     Profile
		s         Signals
		want      []Reason
		wantLevel Level
	}{
		{"a contact with history", Profile{ID: "c2", Nickname: "芳芳"},
			Signals{Now: assessNow, Contact: true, Known: true, PriorTransfers: 12}, nil, LevelNone},
		{"nothing known", Profile{ID: "p1", Nickname: "刘洋"}, Signals{Contact: true}, nil, LevelNone},
		{"not a contact", Profile{ID: "p1", Nickname: "刘洋"}, Signals{},
			[]Reason{ReasonNotContact}, LevelLow},
		{"not a contact, first transfer", Profile{ID: "p1", Nickname: "刘洋"}, Signals{Known: true},
			[]Reason{ReasonNotContact, ReasonFirstTransfer}, LevelLow},
		{"new account", Profile{ID: "p1", Nickname: "刘洋"},
			Signals{Now: assessNow, Contact: true, PayeeCreated: assessNow.Add(-29 * 24 * time.Hour)},
			[]Reason{ReasonNewAccount}, LevelLow},
		{"old account", Profile{ID: "p1", Nickname: "刘洋"},
			Signals{Now: assessNow, Contact: true, PayeeCreated: assessNow.Add(-31 * 24 * time.Hour)},
			nil, LevelNone},
		{"recent nickname and avatar change", Profile{ID: "p1", Nickname: "刘洋"},
			Signals{Now: assessNow, Contact: true, NicknameChanged: assessNow.Add(-time.Hour), AvatarChanged: assessNow.Add(-71 * time.Hour)},
			[]Reason{ReasonNicknameChanged, ReasonAvatarChanged}, LevelLow},
		{"changes too old or in the future", Profile{ID: "p1", Nickname: "刘洋"},
			Signals{Now: assessNow, Contact: true, NicknameChanged: assessNow.Add(-73 * time.Hour), AvatarChanged: assessNow.Add(time.Hour)},
			nil, LevelNone},
		{"blocked the payer before", Profile{ID: "p1", Nickname: "刘洋"}, Signals{Contact: true, BlockedPayer: true},
			[]Reason{ReasonBlockedPayer}, LevelMedium},
		{"reported by others", Profile{ID: "p1", Nickname: "刘洋"}, Signals{Contact: true, Reports: 9},
			[]Reason{ReasonReported}, LevelMedium},
		{"own account", Profile{ID: "p2", Nickname: "李雷的卡", RealName: "李雷"},
			Signals{PayerRealName: "李雷"}, []Reason{ReasonNotContact, ReasonOwnAccount}, LevelNone},
		{"lookalike of a contact", Profile{ID: "x9", Nickname: "阿偉"}, Signals{},
			[]Reason{ReasonLookalike, ReasonNotContact}, LevelHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := w.Assess(tt.payee, contacts, tt.s)
			if diff := cmp.Diff(tt.want, a.Reasons); diff != "" {
				t.Errorf("reasons (-want +got):\n%s", diff)
			}
			if a.Level != tt.wantLevel {
				t.Errorf("level = %v, want %v (score %v)", a.Level, tt.wantLevel, a.Score)
			}
			if sum := reasonSum(w, tt.payee, contacts, tt.s, a); math.Abs(min(max(sum, 0), 1)-a.Score) > 1e-9 {
				t.Errorf("score %v is not the clamped sum %v of its reasons' weights", a.Score, sum)
			}
		})
	}
}

// reasonSum recomputes an assessment's score from its reasons, the way its
// doc comment explains it.
func reasonSum(w Weights, payee Profile, contacts *Index, s Signals, a Assessment) float64 {
	var sum float64
	for _, r := range a.Reasons {
		switch r {
		case ReasonLookalike:
			sum += w.Lookalike * a.Suspects[0].Score
		case ReasonNotContact:
			sum += w.NotContact
		case ReasonFirstTransfer:
			sum += w.FirstTransfer
		case ReasonNewAccount:
			sum += w.NewAccount
		case ReasonNicknameChanged, ReasonAvatarChanged:
			sum += w.RecentChange
		case ReasonBlockedPayer:
			sum += w.BlockedPayer
		case ReasonReported:
			sum += math.Min(float64(s.Reports)*w.Report, w.ReportsMax)
		case ReasonOwnAccount:
			sum += w.OwnAccount
		}
	}
	return sum
}

func TestAssessImpersonatorIsCritical(t *testing.T) {
	var cousin Hash
	for i := range cousin {
		cousin[i] = byte(i * 37)
	}
	copied := cousin
	copied[3] ^= 0x11 // two bits off: a recompressed copy
	contacts := NewIndex([]Profile{
		{ID: "c1", Nickname: "阿伟", RealName: "张伟", Avatar: &Avatar{Hash: cousin, Quality: 100}},
	})
	a := Assess(Profile{ID: "x9", Nickname: "阿伟", Avatar: &Avatar{Hash: copied, Quality: 90}}, contacts, Signals{})
	if a.Level != LevelCritical {
		t.Errorf("level = %v, want critical", a.Level)
	}
	if len(a.Suspects) != 1 || a.Suspects[0].Contact.ID != "c1" {
		t.Fatalf("suspects = %+v, want c1", a.Suspects)
	}
	if !a.Suspects[0].Nickname.Lookalike || !a.Suspects[0].Avatar.Match {
		t.Errorf("suspect should match by nickname and avatar: %+v", a.Suspects[0])
	}
}

func TestAssessNilIndex(t *testing.T) {
	a := Assess(Profile{ID: "p", Nickname: "x"}, nil, Signals{Contact: true})
	if diff := cmp.Diff(Assessment{}, a); diff != "" {
		t.Errorf("nil index, nothing known (-want +got):\n%s", diff)
	}
}

func TestWeightsJSONRoundTrip(t *testing.T) {
	w := DefaultWeights()
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	var got Weights
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(w, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("DefaultWeights().Validate() = %v", err)
	}
}

func TestWeightsValidate(t *testing.T) {
	for name, mut := range map[string]func(*Weights){
		"nan":          func(w *Weights) { w.NotContact = math.NaN() },
		"negative":     func(w *Weights) { w.Lookalike = -0.1 },
		"own positive": func(w *Weights) { w.OwnAccount = 0.2 },
		"days":         func(w *Weights) { w.NewAccountDays = 0 },
		"hours":        func(w *Weights) { w.RecentChangeHours = -1 },
		"levels order": func(w *Weights) { w.High = w.Medium },
		"critical > 1": func(w *Weights) { w.Critical = 1.5 },
	} {
		w := DefaultWeights()
		mut(&w)
		if err := w.Validate(); !errors.Is(err, ErrInvalidWeights) {
			t.Errorf("%s: Validate() = %v, want ErrInvalidWeights", name, err)
		}
	}
}

func drawSignals(t *rapid.T) Signals {
	ago := func(label string) time.Time {
		if !rapid.Bool().Draw(t, label+"?") {
			return time.Time{}
		}
		return assessNow.Add(-time.Duration(rapid.IntRange(0, 24*90).Draw(t, label)) * time.Hour)
	}
	return Signals{
		Now:             assessNow,
		Contact:         rapid.Bool().Draw(t, "contact"),
		Known:           rapid.Bool().Draw(t, "known"),
		PriorTransfers:  rapid.IntRange(0, 5).Draw(t, "prior"),
		PayeeCreated:    ago("created"),
		NicknameChanged: ago("nick"),
		AvatarChanged:   ago("avatar"),
		BlockedPayer:    rapid.Bool().Draw(t, "blocked"),
		Reports:         rapid.IntRange(0, 10).Draw(t, "reports"),
	}
}

// propAssessMonotone: adding a risk signal never lowers the score or the
// level, and the score stays in [0, 1].
func propAssessMonotone(t *rapid.T) {
	ix := NewIndex([]Profile{{ID: "c1", Nickname: "阿伟"}, {ID: "c2", Nickname: "Alice"}})
	payee := Profile{ID: "x", Nickname: rapid.SampledFrom([]string{"阿偉", "刘洋", "Аlice", "Bob"}).Draw(t, "nick")}
	s := drawSignals(t)
	a := Assess(payee, ix, s)
	if a.Score < 0 || a.Score > 1 {
		t.Fatalf("score %v outside [0, 1]", a.Score)
	}
	more := s
	switch rapid.IntRange(0, 5).Draw(t, "signal") {
	case 0:
		more.Contact = false
	case 1:
		more.Known, more.PriorTransfers = true, 0
	case 2:
		more.PayeeCreated = assessNow.Add(-time.Hour)
	case 3:
		more.NicknameChanged = assessNow.Add(-time.Hour)
	case 4:
		more.BlockedPayer = true
	case 5:
		more.Reports++
	}
	b := Assess(payee, ix, more)
	if b.Score < a.Score || b.Level < a.Level {
		t.Fatalf("adding a signal lowered the assessment: %v/%v -> %v/%v", a.Score, a.Level, b.Score, b.Level)
	}
}

func TestAssessMonotone(t *testing.T) { rapid.Check(t, propAssessMonotone) }

// FuzzWeightsJSON: decoding weights from JSON never panics, and weights that
// decode and validate encode and decode back to the same value and give
// assessments with scores in [0, 1].
func FuzzWeightsJSON(f *testing.F) {
	def, err := json.Marshal(DefaultWeights())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(def)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"lookalike": 2, "low": 0.5}`))
	f.Add([]byte(`{"not_contact": "x"}`))
	f.Add([]byte(`{"own_account": -0.5, "new_account_days": 1, "recent_change_hours": 1, "low": 0.01, "medium": 0.02, "high": 0.03, "critical": 1}`))
	f.Add([]byte(`null`))
	ix := NewIndex([]Profile{{ID: "c1", Nickname: "阿伟"}})
	f.Fuzz(func(t *testing.T, b []byte) {
		var w Weights
		if json.Unmarshal(b, &w) != nil || w.Validate() != nil {
			return
		}
		again, err := json.Marshal(w)
		if err != nil {
			t.Fatalf("valid weights do not encode: %v", err)
		}
		var w2 Weights
		if err := json.Unmarshal(again, &w2); err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		if diff := cmp.Diff(w, w2); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		a := w.Assess(Profile{ID: "x", Nickname: "阿偉"}, ix, Signals{Now: assessNow, BlockedPayer: true, Reports: 3, PayeeCreated: assessNow})
		if a.Score < 0 || a.Score > 1 || a.Level > LevelCritical || a.Level < LevelHigh {
			t.Fatalf("assessment %v/%v out of range for valid weights", a.Score, a.Level)
		}
	})
}
