package main

import (
	"bytes"
	"errors"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"张三", "張三"}, "Match (han_variant)\nthe names are the same\n"},
		{[]string{"张晓明", "张小明"}, "CloseMatch (homophone)\nthe names are close: show the payer the registered name before paying\n"},
		{[]string{"J Smith", "John Smith"}, "CloseMatch (initial)\nthe names are close: show the payer the registered name before paying\n"},
		{[]string{"李小明", "张小明"}, "NoMatch\nthe names differ: do not pay this account\n"},
		{[]string{"张三", "张\u202e三"}, "Match (separator)\nthe names are the same\nnote: the registered name is not a valid name: identity: forbidden code point U+202E (bidi override) at byte offset 3\n"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		if err := run(tt.args, &out); err != nil {
			t.Errorf("run(%+q): %v", tt.args, err)
		}
		if got := out.String(); got != tt.want {
			t.Errorf("run(%+q) printed %+q, want %+q", tt.args, got, tt.want)
		}
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"张三"}, {"a", "b", "c"}} {
		var out bytes.Buffer
		if err := run(args, &out); !errors.Is(err, errUsage) || out.Len() != 0 {
			t.Errorf("run(%+q) = %v, output %q; want errUsage and no output", args, err, out.String())
		}
	}
}
