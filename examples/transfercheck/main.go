// Command transfercheck walks a payment service through five transfers with
// transferguard: risk assessment, the policy's decision, the name challenge,
// the evidence chain and aftercare.
//
//	go run ./examples/transfercheck              # the five scripted transfers
//	go run ./examples/transfercheck -json        # the same, as JSON
//	go run ./examples/transfercheck -transfer my.json [-policy policy.json]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "transfercheck:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("transfercheck", flag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print JSON instead of text")
	transferFile := fl.String("transfer", "", "a scenario file: {\"title\", \"transfer\", \"signals\", \"answers\", \"events\"}")
	policyFile := fl.String("policy", "", "a guard.Policy JSON file (default: guard.DefaultPolicy())")
	fl.SetOutput(stdout)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	policy, err := loadPolicy(*policyFile)
	if err != nil {
		return err
	}
	scenarios, err := loadScenarios(*transferFile)
	if err != nil {
		return err
	}
	contacts, err := demoContacts()
	if err != nil {
		return err
	}
	results, err := walk(policy, contacts, scenarios)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, results)
	}
	return writeText(stdout, results)
}
