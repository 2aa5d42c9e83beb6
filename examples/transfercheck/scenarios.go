package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/transferguard/transferguard/examples/internal/demodata"
	"github.com/transferguard/transferguard/guard"
	"github.com/transferguard/transferguard/risk"
)

// scenario is one transfer of the walk: what the payer does, what the
// service knows, what the payer types when challenged, and what happens
// afterwards.
type scenario struct {
	Title    string         `json:"title"`
	Transfer guard.Transfer `json:"transfer"`
	Signals  risk.Signals   `json:"signals"`
	// AvatarFile names a demo avatar (in the embedded demo data) for the
	// payee; the service would have stored its hash at upload.
	AvatarFile string `json:"avatar_file,omitempty"`
	// Answers are what the payer types, in order, while challenged.
	Answers []string `json:"answers,omitempty"`
	// Events happen after the transfer; the plan is made at AftercareAt.
	Events      []guard.Event `json:"events,omitempty"`
	AftercareAt time.Time     `json:"aftercare_at,omitzero"`
}

// start is the demo's clock: the walk happens on one morning in Hangzhou.
var start = time.Date(2026, 11, 27, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

func at(min int) time.Time { return start.Add(time.Duration(min) * time.Minute) }

func cny(yuan int64) guard.Money { return guard.Money{Minor: yuan * 100, Currency: "CNY"} }

func transfer(id string, payee risk.Profile, amount guard.Money, min int) guard.Transfer {
	return guard.Transfer{ID: id, PayerID: "u-lilei", Payee: payee, Amount: amount,
		At: at(min), PayerVerified: true, PayeeVerified: true}
}

// builtin returns the five scripted transfers of payer 李雷 (u-lilei).
func builtin() []scenario {
	years := func(n int) time.Time { return start.AddDate(-n, 0, 0) }
	unverified := transfer("t-1004", risk.Profile{ID: "u-5521", Nickname: "Lucky星", RealName: "孙丽"}, cny(900), 40)
	unverified.PayeeVerified = false
	return []scenario{{
		Title:    "A contact with history",
		Transfer: transfer("t-1001", risk.Profile{ID: "c-wangfang", Nickname: "芳芳🌸", RealName: "王芳"}, cny(300), 0),
		Signals:  risk.Signals{Now: at(0), Contact: true, Known: true, PriorTransfers: 14, PayeeCreated: years(3)},
	}, {
		Title:    "A new payee above the name threshold",
		Transfer: transfer("t-1002", risk.Profile{ID: "u-3090", Nickname: "洋洋", RealName: "刘洋"}, cny(2600), 10),
		Signals:  risk.Signals{Now: at(10), Known: true, PayeeCreated: years(2)},
		Answers:  []string{"柳", "刘"},
	}, {
		Title: "An impersonator: a contact's nickname and a recompressed copy of the contact's avatar",
		Transfer: transfer("t-1003", risk.Profile{ID: "u-7734", Nickname: "阿偉", RealName: "赵强"},
			cny(80000), 20),
		AvatarFile: "avatars/impersonator.jpg",
		Signals: risk.Signals{Now: at(20), Known: true, PayeeCreated: at(-3 * 24 * 60),
			NicknameChanged: at(-5 * 60), AvatarChanged: at(-5 * 60)},
		Answers: []string{"张伟", "張偉", "张 伟"},
	}, {
		Title:    "A payee who is not real-name verified",
		Transfer: unverified,
		Signals:  risk.Signals{Now: at(40), Known: true, PayeeCreated: years(1)},
	}, {
		Title:    "A payer who reports a mistake afterwards",
		Transfer: transfer("t-1005", risk.Profile{ID: "u-6161", Nickname: "静静Jing", RealName: "陈静"}, cny(60000), 50),
		Signals:  risk.Signals{Now: at(50), Known: true, PayeeCreated: years(4)},
		Answers:  []string{"陈静"},
		Events: []guard.Event{
			{Kind: guard.PayerReportedMistake, At: at(80)},
			{Kind: guard.PayeeBlockedPayer, At: at(95)},
		},
		AftercareAt: at(100),
	}}
}

func loadScenarios(file string) ([]scenario, error) {
	if file == "" {
		return builtin(), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var s scenario
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if s.Title == "" {
		s.Title = "Your transfer"
	}
	return []scenario{s}, nil
}

func loadPolicy(file string) (guard.Policy, error) {
	if file == "" {
		return guard.DefaultPolicy(), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return guard.Policy{}, err
	}
	var p guard.Policy
	if err := json.Unmarshal(b, &p); err != nil {
		return guard.Policy{}, fmt.Errorf("%s: %w", file, err)
	}
	return p, p.Validate()
}

// demoContacts is the payer's contact list, with avatars hashed from the
// embedded demo images.
func demoContacts() (*risk.Index, error) {
	profiles, err := demodata.LoadContacts(demodata.FS(), demodata.ContactsFile)
	if err != nil {
		return nil, err
	}
	return risk.NewIndex(profiles), nil
}
