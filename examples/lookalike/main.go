// Command lookalike scans a payer's contact list for the contacts that a
// profile imitates, by nickname and by avatar, and prints the ranked
// suspects.
//
//	go run ./examples/lookalike -nickname 阿偉 -avatar examples/internal/demodata/avatars/impersonator.jpg
//	go run ./examples/lookalike -contacts my-contacts.json -nickname 'Аlice'
//
// Without -contacts it uses the embedded demo contact list
// (examples/internal/demodata/contacts.json): a JSON array of objects with
// id, nickname, real_name and avatar_file (relative to the JSON file).
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/transferguard/transferguard/examples/internal/demodata"
	"github.com/transferguard/transferguard/risk"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lookalike:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("lookalike", flag.ContinueOnError)
	fl.SetOutput(stdout)
	contactsFile := fl.String("contacts", "", "contacts JSON file (default: the embedded demo contacts)")
	nickname := fl.String("nickname", "", "the profile's nickname")
	avatar := fl.String("avatar", "", "the profile's avatar image (PNG, JPEG, GIF or WebP)")
	id := fl.String("id", "u-unknown", "the profile's account id")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if (*nickname == "" && *avatar == "") || fl.NArg() > 0 {
		return fmt.Errorf("usage: lookalike [-contacts FILE] -nickname NICK [-avatar IMAGE]")
	}
	var fsys fs.FS = demodata.FS()
	name := demodata.ContactsFile
	if *contactsFile != "" {
		fsys, name = os.DirFS(filepath.Dir(*contactsFile)), filepath.Base(*contactsFile)
	}
	contacts, err := demodata.LoadContacts(fsys, name)
	if err != nil {
		return err
	}
	p := risk.Profile{ID: *id, Nickname: *nickname}
	if *avatar != "" {
		a, err := demodata.HashAvatarFile(os.DirFS(filepath.Dir(*avatar)), filepath.Base(*avatar))
		if err != nil {
			return err
		}
		p.Avatar = &a
	}
	suspects := risk.NewIndex(contacts).Lookalikes(p)
	fmt.Fprintf(stdout, "%d contacts scanned for %q", len(contacts), p.Nickname)
	if p.Avatar != nil {
		fmt.Fprintf(stdout, " with avatar %s (quality %d)", p.Avatar.Hash, p.Avatar.Quality)
	}
	fmt.Fprintf(stdout, ": %d suspects\n", len(suspects))
	for i, s := range suspects {
		fmt.Fprintf(stdout, "%d. %s %q  score %.2f  %s\n", i+1, s.Contact.ID, s.Contact.Nickname, s.Score, reasons(s.Reasons))
		if s.Avatar.Match {
			fmt.Fprintf(stdout, "   avatar distance %d/256 (%v)\n", s.Avatar.Distance, s.Avatar.Variant)
		}
	}
	return nil
}

func reasons(rs []risk.Reason) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}
