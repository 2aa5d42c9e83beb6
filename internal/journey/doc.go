// Package journey holds the whole-journey property tests: risk, guard, mask
// and identity together, driven by the exported rapid generators that
// payment services use in their own tests.
package journey
