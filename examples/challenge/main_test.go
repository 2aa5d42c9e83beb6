package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestChallenge(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		input string
		want  []string // lines the output must contain, in order
		not   []string
	}{
		{"demo passes", []string{"-demo"}, "张\n",
			[]string{"Pay CNY 2600.00 to *小明", "(3 attempts left)", "Passed: the name matches."}, []string{"张"}},
		{"traditional or full-width input still passes", []string{"-demo"}, "張\n",
			[]string{"Passed"}, nil},
		{"retry then pass", []string{"-demo"}, "章\n张\n",
			[]string{"does not match", "(2 attempts left)", "Passed"}, nil},
		{"three wrong answers lock", []string{"-demo"}, "李\n章\n王\n张\n",
			[]string{"(3 attempts left)", "(2 attempts left)", "(1 attempt left)", "Locked: too many wrong answers. Try again after 09:35:45."},
			[]string{"Passed"}},
		{"input ends", []string{"-demo"}, "李\n",
			[]string{"does not match", "No answer: the transfer is cancelled."}, nil},
		{"own name, surname", []string{"-name", "John Smith", "-style", "keep-last", "-kind", "surname"}, "smith\n",
			[]string{"Pay CNY 2600.00 to **** ****h", "type the payee's surname", "Passed"}, nil},
		{"full name", []string{"-name", "欧阳娜娜", "-style", "keep-ends", "-kind", "full_name"}, "欧阳娜\n歐陽娜娜\n",
			[]string{"欧**娜", "type the payee's full name", "does not match", "Passed"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(tt.args, strings.NewReader(tt.input), &out); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			rest := text
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, text)
				}
				rest = rest[i+len(w):]
			}
			// The prompt lines never show the hidden text.
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("output contains %q:\n%s", n, text)
				}
			}
		})
	}
}

func TestChallengeUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"-style", "bogus", "-demo"}, {"-demo", "extra"}} {
		if err := run(args, strings.NewReader(""), &bytes.Buffer{}); err == nil {
			t.Errorf("run(%q) accepted bad arguments", args)
		}
	}
}
