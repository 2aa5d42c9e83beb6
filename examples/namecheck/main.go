// Command namecheck compares a typed name with a registered one and prints
// the verdict and reasons, as a Confirmation of Payee service would.
//
//	go run ./examples/namecheck '张三' '張三'
//	Match (han_variant)
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/transferguard/transferguard/identity"
)

var errUsage = errors.New("usage: namecheck ENTERED REGISTERED")

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run compares args[0] (what the payer typed) with args[1] (the registered
// name) and writes the result and a note on what it means.
func run(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return errUsage
	}
	r := identity.Compare(args[0], args[1])
	if _, err := fmt.Fprintln(stdout, r); err != nil {
		return err
	}
	var note string
	switch r.Verdict {
	case identity.Match:
		note = "the names are the same"
	case identity.CloseMatch:
		note = "the names are close: show the payer the registered name before paying"
	default:
		note = "the names differ: do not pay this account"
	}
	if _, err := fmt.Fprintln(stdout, note); err != nil {
		return err
	}
	if _, err := identity.Parse(args[1]); err != nil {
		// The error never contains the name, so it is safe to print.
		_, err = fmt.Fprintf(stdout, "note: the registered name is not a valid name: %v\n", err)
		return err
	}
	return nil
}
