package main

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestQuickStart runs the quick start and checks what it prints.
func TestQuickStart(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	w.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`^delay \*强 \S*lookalike_contact\S* c-1\nretry 2\n[0-9a-f]{64}\n$`)
	if !want.Match(out) {
		t.Errorf("quick start printed:\n%s", out)
	}
}

// TestREADMEQuickStart: the README's quick start is this program's main.
func TestREADMEQuickStart(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	body := src[bytes.Index(src, []byte("func main() {")):]
	for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
		if !strings.Contains(string(readme), line) {
			t.Errorf("README's quick start lacks the line %q of examples/quickstart/main.go", line)
		}
	}
}
