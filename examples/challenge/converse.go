package main

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/transferguard/transferguard/guard"
)

// ask is what the app says for each kind of challenge.
func ask(k guard.ChallengeKind) string {
	switch k {
	case guard.Surname:
		return "type the payee's surname"
	case guard.FullName:
		return "type the payee's full name"
	}
	return "type the hidden part of the name"
}

func attempts(n int) string {
	if n == 1 {
		return "1 attempt left"
	}
	return fmt.Sprintf("%d attempts left", n)
}

// converse shows the prompt and checks one answer per line until the
// challenge passes, locks or expires, or the input ends.
func converse(c guard.Challenge, in *bufio.Scanner, out io.Writer) error {
	var s guard.State
	now := c.IssuedAt()
	p := c.Prompt(s)
	fmt.Fprintf(out, "Pay CNY 2600.00 to %s\n", p.Masked)
	for {
		fmt.Fprintf(out, "To confirm whom you pay, %s (%s): ", ask(p.Kind), attempts(p.AttemptsLeft))
		if !in.Scan() {
			fmt.Fprintln(out, "\nNo answer: the transfer is cancelled.")
			return in.Err()
		}
		now = now.Add(15 * time.Second)
		var v guard.Verdict
		s, v = c.Check(s, in.Text(), now)
		switch v {
		case guard.Passed:
			fmt.Fprintln(out, "\nPassed: the name matches. The transfer goes ahead.")
			return nil
		case guard.Retry:
			fmt.Fprintln(out, "\nThat does not match the payee's name.")
		case guard.Locked:
			fmt.Fprintf(out, "\nLocked: too many wrong answers. Try again after %s.\n",
				s.LockedUntil.In(clock.Location()).Format("15:04:05"))
			return nil
		case guard.Expired:
			fmt.Fprintln(out, "\nExpired: start the transfer again.")
			return nil
		}
		p = c.Prompt(s)
	}
}
