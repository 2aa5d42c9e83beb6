// Package mask renders what the payer is shown: a payee's name with some
// grapheme clusters hidden, in one of several styles, and the account
// identifiers people expect beside a name (phone, bank card, e-mail, PRC
// resident identity number).
package mask
