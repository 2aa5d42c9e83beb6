// Package bench compares transferguard with peer libraries. It is a nested
// module so that the library itself does not depend on the peers.
package bench

import (
	_ "github.com/corona10/goimagehash"
	_ "github.com/mtibben/confusables"
	_ "github.com/transferguard/transferguard/risk"
)
