package unihan_test

import (
	"fmt"
	"strings"

	"github.com/transferguard/transferguard/internal/gen/unihan"
)

func ExampleParseField() {
	f, err := unihan.ParseField("kSimplifiedVariant.txt", strings.NewReader("4E7E\tU+4E7E U+5E72\n5E79\tU+5E72\n"))
	if err != nil {
		panic(err)
	}
	vs, _ := unihan.ParseVariants(f['乾'])
	fmt.Printf("%q %q\n", string(vs), f['幹'])
	// Output: "乾干" "U+5E72"
}

func ExampleParseMandarin() {
	s, _ := unihan.ParseMandarin("jí xī")
	fmt.Println(s, unihan.Toneless("lǜ"))
	// Output: [ji xi] lü
}
