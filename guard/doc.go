// Package guard decides what happens to a transfer: a [Policy] turns a
// transfer and its risk assessment into a decision (allow, confirm,
// challenge, delay or block); a challenge asks the payer to type the hidden
// part of the payee's masked name; evidence records what the payer saw; and
// aftercare says what to do when a transfer went wrong.
package guard
