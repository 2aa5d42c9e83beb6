package guard

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/transferguard/transferguard/risk"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// sampleEvidence runs a lookalike transfer through Evaluate and two
// answers, and records it.
func sampleEvidence(t *testing.T, prev Digest) Evidence {
	t.Helper()
	tr := transfer(300000)
	tr.Payee.Avatar = &risk.Avatar{Hash: risk.Hash{0: 0xab, 31: 0x01}, Quality: 90}
	a := risk.Assessment{Level: risk.LevelHigh, Reasons: []risk.Reason{"not_contact", "nickname_lookalike"},
		Suspects: []risk.Suspect{{Contact: risk.Profile{ID: "c7", Nickname: "小明", RealName: "张晓明"}, Score: 0.9}}}
	d, err := DefaultPolicy().Evaluate(tr, a)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := d.Challenge.Check(State{}, "李小明", at.Add(time.Minute))
	s, v := d.Challenge.Check(s, "张小明", at.Add(2*time.Minute))
	if v != Passed {
		t.Fatalf("verdict %v", v)
	}
	return NewEvidence(tr, d, s, v, prev)
}

func TestEvidenceGolden(t *testing.T) {
	e := sampleEvidence(t, Digest{})
	got, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	got = append(got, "digest "+e.Digest().String()+"\n"...)
	path := filepath.Join("testdata", "evidence.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("evidence (-want +got), run with -update if intended:\n%s", diff)
	}
	for _, secret := range []string{"张小明", "李小明", "张晓明"} {
		if bytes.Contains(got, []byte(secret)) {
			t.Errorf("evidence contains %+q: a name or typed answer", secret)
		}
	}
}

func TestEvidenceRoundTrip(t *testing.T) {
	e := sampleEvidence(t, Digest{1, 2, 3})
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back Evidence
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if !bytes.Equal(e.AppendCanonical(nil), back.AppendCanonical(nil)) || e.Digest() != back.Digest() {
		t.Error("canonical encoding changed in the round trip")
	}
	// A time in another zone is the same instant: same encoding.
	shifted := e
	shifted.At = e.At.In(time.FixedZone("CST", 8*3600))
	if shifted.Digest() != e.Digest() {
		t.Error("digest depends on the time zone")
	}
	changed := e
	changed.PayeeNickname += "!"
	if changed.Digest() == e.Digest() {
		t.Error("digest ignores the nickname")
	}
}

func TestEvidenceJSONErrors(t *testing.T) {
	e := sampleEvidence(t, Digest{})
	good, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, from, to string }{
		{"version", `"version":1`, `"version":2`},
		{"unknown field", `"version":1`, `"version":1,"answer":"x"`},
		{"amount", `"minor":300000`, `"minor":0`},
		{"currency", `"currency":"CNY"`, `"currency":"ABC"`},
		{"avatar", `"payee_avatar":"ab`, `"payee_avatar":"zz`},
		{"prev", `"prev":"0000`, `"prev":"00`},
		{"prev upper case", `"prev":"0000`, `"prev":"AA00`},
		{"action", `"action":"delay"`, `"action":"later"`},
		{"attempts", `"attempts":2`, `"attempts":-1`},
		{"reasons", `"reasons":[`, `"reasons":["bogus",`},
	}
	for _, tt := range tests {
		in := strings.Replace(string(good), tt.from, tt.to, 1)
		if in == string(good) {
			t.Fatalf("%s: %s not found in %s", tt.name, tt.from, good)
		}
		var back Evidence
		if err := json.Unmarshal([]byte(in), &back); err == nil {
			t.Errorf("%s: Unmarshal accepted %s", tt.name, in)
		}
	}
	bad := e
	bad.PayeeNickname = "\xff"
	if _, err := json.Marshal(bad); !errors.Is(err, ErrInvalidEvidence) {
		t.Errorf("Marshal with invalid UTF-8: %v", err)
	}
}

func TestVerifyChain(t *testing.T) {
	var chain []Evidence
	prev := Digest{}
	for i := range 4 {
		e := sampleEvidence(t, prev)
		e.TransferID = "t" + string(rune('0'+i))
		chain = append(chain, e)
		prev = e.Digest()
	}
	if err := VerifyChain(Digest{}, chain); err != nil {
		t.Fatalf("VerifyChain(good) = %v", err)
	}
	if err := VerifyChain(chain[0].Digest(), chain[1:]); err != nil {
		t.Fatalf("VerifyChain(tail) = %v", err)
	}
	tampered := append([]Evidence(nil), chain...)
	tampered[2].Display = "王*明"
	err := VerifyChain(Digest{}, tampered)
	var ce *ChainError
	if !errors.As(err, &ce) || ce.Index != 3 || !errors.Is(err, ErrBrokenChain) {
		t.Errorf("VerifyChain(tampered record 2) = %v, want a break at 3", err)
	}
	if err := VerifyChain(Digest{9}, chain); !errors.As(err, &ce) || ce.Index != 0 {
		t.Errorf("VerifyChain(wrong start) = %v, want a break at 0", err)
	}
	dropped := append(append([]Evidence(nil), chain[:1]...), chain[2:]...)
	if err := VerifyChain(Digest{}, dropped); !errors.As(err, &ce) || ce.Index != 1 {
		t.Errorf("VerifyChain(dropped record) = %v, want a break at 1", err)
	}
}
