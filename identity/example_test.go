package identity_test

import (
	"errors"
	"fmt"

	"github.com/transferguard/transferguard/identity"
	"golang.org/x/text/language"
)

func ExampleParse() {
	n, err := identity.Parse("欧阳娜娜")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Len(), n.Script(), n.Text(n.Surname()), n.Text(n.Given()))
	fmt.Println(n) // String never reveals the name

	m := identity.MustParse("买买提·艾力")
	for i := range m.NumParts() {
		fmt.Print(m.Text(m.Part(i)), " ")
	}
	fmt.Println("surname:", m.Text(m.Surname()))
	// Output:
	// 4 han 欧阳 娜娜
	// ****
	// 买买提 艾力 surname: 艾力
}

func ExampleParse_language() {
	n := identity.MustParse("Zhang Xiaoming", identity.Language(language.Chinese))
	fmt.Println(n.Text(n.Surname()))
	n = identity.MustParse("Mary Smith-Jones")
	fmt.Println(n.Text(n.Surname()))
	// Output:
	// Zhang
	// Smith-Jones
}

func ExampleParse_errors() {
	_, err := identity.Parse("张\u202e三")
	fmt.Println(errors.Is(err, identity.ErrForbiddenRune))
	if pe, ok := errors.AsType[*identity.ParseError](err); ok {
		fmt.Println(pe.Offset)
	}
	fmt.Println(err)
	// Output:
	// true
	// 3
	// identity: forbidden code point U+202E (bidi override) at byte offset 3
}

func ExampleFold() {
	fmt.Println(identity.Fold("張 三"))
	fmt.Println(identity.Fold("徐乾學"))
	fmt.Println(identity.Fold("ＪＯＳÉ  Ørsted-Núñez"))
	fmt.Println(identity.Fold("买买提·艾力"))
	// Output:
	// 张三
	// 徐乾学
	// jose orsted nunez
	// 买买提艾力
}

func ExampleAppendFold() {
	buf := make([]byte, 0, 64)
	buf = identity.AppendFold(buf, "Straße")
	fmt.Println(string(buf))
	// Output: strasse
}

func ExampleCompare() {
	for _, p := range [][2]string{
		{"张三", "張三"},
		{"张晓明", "张小明"},
		{"張曉明", "张小明"},
		{"王末", "王未"},
		{"J Smith", "John Smith"},
		{"张三", "张三丰"},
	} {
		fmt.Println(identity.Compare(p[0], p[1]))
	}
	// Output:
	// Match (han_variant)
	// CloseMatch (homophone)
	// CloseMatch (han_variant, homophone)
	// CloseMatch (lookalike)
	// CloseMatch (initial)
	// NoMatch
}
