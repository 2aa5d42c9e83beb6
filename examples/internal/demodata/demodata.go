package demodata

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"

	"github.com/transferguard/transferguard/risk"
)

//go:embed contacts.json avatars
var files embed.FS

// FS returns the embedded demo files: contacts.json and avatars/.
func FS() fs.FS { return files }

// ContactsFile is the name of the demo contact list in [FS].
const ContactsFile = "contacts.json"

// entry is one account of a contacts file. AvatarFile is relative to the
// contacts file's folder.
type entry struct {
	ID         string `json:"id"`
	Nickname   string `json:"nickname"`
	RealName   string `json:"real_name,omitempty"`
	AvatarFile string `json:"avatar_file,omitempty"`
}

// LoadContacts reads a contacts file (a JSON array of objects with id,
// nickname, real_name and avatar_file) from fsys and hashes every avatar, as
// a payment service does when a user uploads one.
func LoadContacts(fsys fs.FS, name string) ([]risk.Profile, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var entries []entry
	if err := json.Unmarshal(b, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]risk.Profile, 0, len(entries))
	for _, e := range entries {
		p := risk.Profile{ID: e.ID, Nickname: e.Nickname, RealName: e.RealName}
		if e.AvatarFile != "" {
			a, err := HashAvatarFile(fsys, path.Join(path.Dir(name), e.AvatarFile))
			if err != nil {
				return nil, err
			}
			p.Avatar = &a
		}
		out = append(out, p)
	}
	return out, nil
}

// HashAvatarFile decodes an image file of fsys within the default limits and
// hashes it with PDQ.
func HashAvatarFile(fsys fs.FS, name string) (risk.Avatar, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return risk.Avatar{}, err
	}
	defer f.Close()
	img, err := risk.DecodeAvatar(f, risk.DefaultLimits())
	if err != nil {
		return risk.Avatar{}, fmt.Errorf("%s: %w", name, err)
	}
	return risk.HashAvatar(img), nil
}
