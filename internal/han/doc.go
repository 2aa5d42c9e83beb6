// Package han holds the Han character tables that identity and risk share:
// traditional/simplified and Z-variant folding, semantic variants, Mandarin
// readings and visual lookalikes, generated from Unihan and the CJK
// confusables data.
//
//go:generate go test -run=^TestTablesUpToDate$ -update
package han
