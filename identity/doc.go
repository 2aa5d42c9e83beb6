// Package identity treats personal names as values: it parses a verified
// real name into grapheme clusters, parts and a surname ([Parse]), computes
// the comparison key of any string ([Fold]), and grades what a payer typed
// against a registered name ([Compare]) in the manner of the UK's
// Confirmation of Payee and the EU's Verification of Payee.
//
// # Concurrency
//
// Every function in this package is pure and safe for concurrent use.
package identity
