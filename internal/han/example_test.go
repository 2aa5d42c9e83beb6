package han_test

import (
	"fmt"

	"github.com/transferguard/transferguard/internal/han"
)

func ExampleFold() {
	for _, r := range "張乾幹於餘範瀋" {
		fmt.Printf("%c→%c ", r, han.Fold(r))
	}
	fmt.Println()
	// Output: 張→张 乾→乾 幹→干 於→於 餘→余 範→范 瀋→沈
}

func ExampleIsHan() {
	fmt.Println(han.IsHan('张'), han.IsHan('a'), han.IsHan('\U000323B0'))
	// Output: true false true
}

func ExampleSemanticVariant() {
	fmt.Println(han.SemanticVariant('哲', '喆'), han.SemanticVariant('峰', '峯'), han.SemanticVariant('张', '張'))
	// Output: true true false
}

func ExampleHomophone() {
	fmt.Println(han.Homophone('张', '章'), han.Homophone('小', '晓'), han.Homophone('张', '李'))
	// Output: true true false
}

func ExampleLookalike() {
	fmt.Println(han.Lookalike('己', '已'), han.Lookalike('末', '未'), han.Lookalike('王', '玉'))
	// Output: true true false
}

func ExampleLookalikes() {
	fmt.Printf("%q\n", han.Lookalikes('戌'))
	// Output: "弍戊戍"
}

func ExampleLookalikeKey() {
	for _, r := range "己已巳末未土士" {
		fmt.Printf("%c→%c ", r, han.LookalikeKey(r))
	}
	fmt.Println()
	// Output: 己→己 已→己 巳→己 末→未 未→未 土→十 士→十
}

func ExampleVariants() {
	fmt.Printf("%q %q %q\n", han.Variants('干'), han.Variants('吴'), han.Variants('乾'))
	// Output: "干幹" "吳吴呉" ""
}
