// Package risk judges impersonation and transfer risk: nickname lookalikes
// (Unicode TR39 skeletons extended for nicknames, Han variants and CJK
// lookalikes), avatar lookalikes (the PDQ perceptual hash), a search of the
// payer's contacts for whom a payee imitates ([Index]), and the combination
// of risk signals into an [Assessment].
//
// # Concurrency
//
// Every function is pure and safe for concurrent use; an [Index] is
// immutable once built.
package risk
