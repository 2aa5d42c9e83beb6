package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/transferguard/transferguard/guard"
)

func writeJSON(w io.Writer, results []result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(results)
}

func writeText(w io.Writer, results []result) error {
	var b strings.Builder
	records := make([]guard.Evidence, 0, len(results))
	for i, r := range results {
		fmt.Fprintf(&b, "== %d. %s\n", i+1, r.Title)
		fmt.Fprintf(&b, "payee      %s %q, shown as %s\n", r.PayeeID, r.Nickname, r.Display)
		fmt.Fprintf(&b, "amount     %v\n", r.Amount)
		fmt.Fprintf(&b, "risk       %v (score %.2f)%s\n", r.Level, r.Score, list(": ", " (no signal)", r.Risk))
		for _, s := range r.Suspects {
			fmt.Fprintf(&b, "suspect    not your contact %s %q (%s), it only looks like it: score %.2f%s\n",
				s.Name.Text, s.Nickname, s.ContactID, s.Score, list(", ", "", s.Reasons))
		}
		fmt.Fprintf(&b, "decision   %v%s\n", r.Action, list(": ", " (no rule fired)", r.Reasons))
		if r.Hold.Kind != guard.NoHold {
			fmt.Fprintf(&b, "hold       %v for %v, cancel until %s\n", r.Hold.Kind, r.Hold.Duration, clock(r.Hold.CancelUntil))
		}
		if r.Prompt != nil {
			fmt.Fprintf(&b, "challenge  %v: fill in %s (%d attempts)\n", r.Prompt.Kind, r.Prompt.Masked, r.Prompt.AttemptsLeft)
			for _, a := range r.Attempts {
				switch a.Verdict {
				case guard.Retry:
					fmt.Fprintf(&b, "  typed %-8q -> %v (%d left)\n", a.Answer, a.Verdict, a.Left)
				case guard.Locked:
					fmt.Fprintf(&b, "  typed %-8q -> %v until %s\n", a.Answer, a.Verdict, clock(a.LockedUntil))
				default:
					fmt.Fprintf(&b, "  typed %-8q -> %v\n", a.Answer, a.Verdict)
				}
			}
		}
		fmt.Fprintf(&b, "evidence   %s (prev %.12s)\n", r.Digest, r.Evidence.Prev)
		if r.Plan != nil {
			fmt.Fprintf(&b, "aftercare  case %s\n", r.Plan.CaseID)
			for _, s := range r.Plan.Steps {
				fmt.Fprintf(&b, "  - %v", s.Kind)
				if !s.Until.IsZero() {
					fmt.Fprintf(&b, " until %s", clock(s.Until))
				}
				if len(s.Disclose) > 0 {
					fmt.Fprintf(&b, " (disclose: %s)", strings.Join(s.Disclose, ", "))
				}
				b.WriteByte('\n')
			}
		}
		b.WriteByte('\n')
		records = append(records, r.Evidence)
	}
	if err := guard.VerifyChain(guard.Digest{}, records); err != nil {
		fmt.Fprintf(&b, "evidence chain: BROKEN: %v\n", err)
	} else {
		fmt.Fprintf(&b, "evidence chain: %d records verified\n", len(records))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// list joins codes after a lead-in, or says that there are none.
func list[T ~string](lead, none string, xs []T) string {
	if len(xs) == 0 {
		return none
	}
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return lead + strings.Join(s, ", ")
}

// clock prints a time in the demo's time zone.
func clock(t time.Time) string { return t.In(start.Location()).Format("Jan 2 15:04 MST") }
