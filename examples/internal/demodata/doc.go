// Package demodata holds the demo data that the examples embed: accounts with
// nicknames, real names and avatars, and the payer's contact list.
package demodata

//go:generate go run ./mkavatars -dir avatars
