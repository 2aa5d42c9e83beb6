package guard

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAftercare(t *testing.T) {
	e := sampleEvidence(t, Digest{}) // cooling-off hold: cancel window ends at+15m
	d := e.Digest()
	caseID := "TG-" + strings.ToUpper(hex.EncodeToString(d[:6]))
	ev := func(k EventKind, after time.Duration) Event { return Event{Kind: k, At: at.Add(after)} }
	payer := Step{Kind: StepDiscloseToPayer, Disclose: []string{DiscloseMaskedName, DiscloseCaseID}}
	m := time.Minute
	tests := []struct {
		name   string
		events []Event
		now    time.Duration
		want   Plan
	}{
		{"nothing happened", nil, time.Hour, Plan{}},
		{"only a nickname change", []Event{ev(PayeeChangedNickname, m)}, time.Hour, Plan{}},
		{"mistake inside the hold", []Event{ev(PayerReportedMistake, 5*m)}, 6 * m, Plan{CaseID: caseID, Steps: []Step{
			{Kind: StepCancel, Until: at.Add(15 * m)}, {Kind: StepOpenCase}, {Kind: StepContactPayee}, payer}}},
		{"mistake after the hold", []Event{ev(PayerReportedMistake, 20*m)}, 21 * m, Plan{CaseID: caseID, Steps: []Step{
			{Kind: StepOpenCase}, {Kind: StepContactPayee}, payer}}},
		{"mistake at the end of the window", []Event{ev(PayerReportedMistake, 5*m)}, 15 * m, Plan{CaseID: caseID, Steps: []Step{
			{Kind: StepOpenCase}, {Kind: StepContactPayee}, payer}}},
		{"blocked and mistake", []Event{ev(PayerReportedMistake, time.Hour), ev(PayeeBlockedPayer, 30*m)}, 2 * time.Hour,
			Plan{CaseID: caseID, Steps: []Step{{Kind: StepOpenCase}, {Kind: StepContactPayee}, {Kind: StepPoliceReport}, payer}}},
		{"blocked and changed avatar", []Event{ev(PayeeBlockedPayer, time.Hour), ev(PayeeChangedAvatar, 2*time.Hour)}, 3 * time.Hour,
			Plan{CaseID: caseID, Steps: []Step{{Kind: StepOpenCase}, {Kind: StepContactPayee}, {Kind: StepReviewPayee}, {Kind: StepPoliceReport}, payer}}},
		{"fraud", []Event{ev(PayerReportedFraud, time.Hour)}, 3 * time.Hour,
			Plan{CaseID: caseID, Steps: []Step{{Kind: StepOpenCase}, {Kind: StepContactPayee}, {Kind: StepPoliceReport}, payer}}},
		{"legal request only", []Event{ev(LegalRequest, 48*time.Hour)}, 49 * time.Hour,
			Plan{CaseID: caseID, Steps: []Step{{Kind: StepOpenCase}, {Kind: StepDiscloseToAuthority, Disclose: []string{DiscloseFullRecord}}}}},
		{"fraud and legal request", []Event{ev(LegalRequest, 48*time.Hour), ev(PayerReportedFraud, time.Hour)}, 49 * time.Hour,
			Plan{CaseID: caseID, Steps: []Step{{Kind: StepOpenCase}, {Kind: StepContactPayee}, {Kind: StepPoliceReport}, payer,
				{Kind: StepDiscloseToAuthority, Disclose: []string{DiscloseFullRecord}}}}},
		{"future and past events ignored", []Event{ev(PayerReportedFraud, 2*time.Hour), ev(PayeeBlockedPayer, -m), ev(EventUnknown, m), {Kind: 99, At: at}},
			time.Hour, Plan{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Aftercare(e, tt.events, at.Add(tt.now))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Aftercare(%v) (-want +got):\n%s", tt.events, diff)
			}
			if again := Aftercare(e, tt.events, at.Add(tt.now)); !cmp.Equal(got, again) {
				t.Error("Aftercare not deterministic")
			}
		})
	}
}
