// Command challenge shows a masked payee and asks the payer to type what the
// mask hides, answering as a payment app would: retry, then lock.
//
//	go run ./examples/challenge -demo                   # payee 张小明, shown as *小明
//	go run ./examples/challenge -name 'John Smith' -style keep-last -kind surname
//
// It reads one answer per line, from a terminal or a pipe:
//
//	printf '张\n' | go run ./examples/challenge -demo
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/mask"
	"github.com/transferguard/transferguard/risk"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "challenge:", err)
		os.Exit(1)
	}
}

// clock is the demo's fixed start time; each answer takes 15 seconds.
var clock = time.Date(2026, 11, 27, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	fl := flag.NewFlagSet("challenge", flag.ContinueOnError)
	fl.SetOutput(stdout)
	demo := fl.Bool("demo", false, "use the demo payee 张小明 with Alipay's hide-surname display")
	name := fl.String("name", "", "the payee's registered real name")
	style := mask.HideSurname
	fl.TextVar(&style, "style", mask.HideSurname, "display style: keep-last, hide-surname, keep-surname, keep-ends")
	kind := guard.HiddenPart
	fl.TextVar(&kind, "kind", guard.HiddenPart, "what to ask for: hidden_part, surname, full_name")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *demo {
		*name = "张小明"
	}
	if *name == "" || fl.NArg() > 0 {
		return errors.New("usage: challenge -demo | -name NAME [-style S] [-kind K]")
	}
	p := guard.DefaultPolicy()
	p.Display = style
	t := guard.Transfer{ID: "t-demo", PayerID: "u-payer", At: clock,
		Payee:  risk.Profile{ID: "u-payee", Nickname: "小明", RealName: *name},
		Amount: guard.Money{Minor: 260000, Currency: "CNY"}, PayerVerified: true, PayeeVerified: true}
	c, err := p.NewChallenge(kind, t, clock, clock.Add(time.Duration(p.Challenge.TTL)))
	if err != nil {
		return err
	}
	return converse(c, bufio.NewScanner(stdin), stdout)
}
