package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/transferguard/transferguard/guard"
)

func TestWalkText(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	var titles []string
	for _, m := range regexp.MustCompile(`(?m)^== \d\. (.*)$`).FindAllStringSubmatch(text, -1) {
		titles = append(titles, m[1])
	}
	var want []string
	for _, s := range builtin() {
		want = append(want, s.Title)
	}
	if diff := cmp.Diff(want, titles); diff != "" {
		t.Errorf("scenarios printed (-want +got):\n%s", diff)
	}
	for _, line := range []string{
		"decision   allow (no rule fired)",
		"decision   challenge: amount_confirm, amount_challenge",
		`  typed "刘"      -> passed`,
		`suspect    not your contact *伟 "阿伟" (c-zhangwei), it only looks like it`,
		"decision   block:",
		"  - cancel until",
		"  - disclose_to_payer (disclose: masked_name, case_id)",
		"evidence chain: 5 records verified",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("output lacks %q:\n%s", line, text)
		}
	}
	// The impersonator is named with both the nickname and the avatar reasons.
	imp := regexp.MustCompile(`suspect .*c-zhangwei.*`).FindString(text)
	if !strings.Contains(imp, "nickname_han_variant") || !strings.Contains(imp, "avatar_match") {
		t.Errorf("impersonator suspect line lacks nickname or avatar reasons: %q", imp)
	}
	// The payer cannot pass the impersonator's full-name challenge with the
	// cousin's name: three wrong answers lock.
	if !strings.Contains(text, `typed "张 伟"    -> locked until`) {
		t.Errorf("third wrong answer should lock:\n%s", text)
	}
	// No clear-text real name is ever printed, except in what the payer
	// typed.
	shown := regexp.MustCompile(`(?m)^  typed .*$`).ReplaceAllString(text, "")
	for _, name := range []string{"王芳", "刘洋", "赵强", "孙丽", "陈静", "张伟"} {
		if strings.Contains(shown, name) {
			t.Errorf("output reveals the real name %q", name)
		}
	}
}

func TestWalkJSON(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-json"}, &out); err != nil {
		t.Fatal(err)
	}
	var got []result
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	var actions []guard.Action
	records := make([]guard.Evidence, len(got))
	for i, r := range got {
		actions = append(actions, r.Action)
		records[i] = r.Evidence
		if r.Digest != r.Evidence.Digest() {
			t.Errorf("%s: digest %v is not the evidence's %v", r.TransferID, r.Digest, r.Evidence.Digest())
		}
	}
	want := []guard.Action{guard.ActionAllow, guard.ActionChallenge, guard.ActionDelay, guard.ActionBlock, guard.ActionDelay}
	if diff := cmp.Diff(want, actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if err := guard.VerifyChain(guard.Digest{}, records); err != nil {
		t.Errorf("decoded evidence chain: %v", err)
	}
}

func TestOwnTransferAndPolicy(t *testing.T) {
	dir := t.TempDir()
	scenario := `{"title": "Rent", "transfer": {"id": "t-9", "payer_id": "u-1",
		"payee": {"id": "u-2", "nickname": "房东", "real_name": "周杰"},
		"amount": {"minor": 350000, "currency": "CNY"}, "at": "2026-11-27T09:00:00+08:00",
		"payer_verified": true, "payee_verified": true},
		"signals": {"contact": true}, "answers": ["周"]}`
	tf := filepath.Join(dir, "t.json")
	if err := os.WriteFile(tf, []byte(scenario), 0o644); err != nil {
		t.Fatal(err)
	}
	p := guard.DefaultPolicy()
	p.Display = 2 // any valid style other than the default
	pb, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	pf := filepath.Join(dir, "p.json")
	if err := os.WriteFile(pf, pb, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-transfer", tf, "-policy", pf}, &out); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"== 1. Rent", "decision   challenge:", "evidence chain: 1 records verified"} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("output lacks %q:\n%s", line, out.String())
		}
	}

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"thresholds": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-policy", bad}, &out); err == nil {
		t.Error("an invalid policy file was accepted")
	}
	if err := run([]string{"extra"}, &out); err == nil {
		t.Error("an extra argument was accepted")
	}
}
