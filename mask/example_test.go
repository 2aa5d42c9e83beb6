package mask_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/mask"
	"golang.org/x/text/language"
)

// Each style on the names of issue #3's table.
func ExampleStyle() {
	names := []string{"张三", "张小明", "欧阳娜娜", "买买提·艾力", "John Smith"}
	for _, st := range []mask.Style{mask.KeepLast, mask.HideSurname, mask.KeepSurname, mask.KeepEnds} {
		fmt.Printf("%-12s", st)
		for _, name := range names {
			m, err := mask.Name(name, st)
			if err != nil {
				fmt.Println(err)
				return
			}
			fmt.Printf(" %s", m)
		}
		fmt.Println()
	}
	// Output:
	// keep-last    *三 **明 ***娜 ***·*力 **** ****h
	// hide-surname *三 *小明 **娜娜 买买提·** John *****
	// keep-surname 张* 张** 欧阳** ***·艾力 **** Smith
	// keep-ends    *三 张*明 欧**娜 买**·*力 J*** ****h
}

func ExampleName() {
	m, err := mask.Name("欧阳娜娜", mask.HideSurname)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	fmt.Println(m.Hidden())
	// Output:
	// **娜娜
	// [{0 2}]
}

// Names that identity rejects, such as one with an emoji, are not masked.
func ExampleName_error() {
	m, err := mask.Name("张👨\u200d👩\u200d👧", mask.KeepLast)
	fmt.Printf("%q %v\n", m, errors.Is(err, identity.ErrForbiddenRune))
	// Output:
	// "" true
}

// HideLength shows every hidden run as three mask runes.
func ExampleHideLength() {
	for _, name := range []string{"张明", "张小明", "欧阳小明"} {
		m, _ := mask.Name(name, mask.KeepLast, mask.HideLength(true))
		fmt.Println(m)
	}
	// Output:
	// ***明
	// ***明
	// ***明
}

func ExampleMaskRune() {
	m, _ := mask.Name("张小明", mask.KeepSurname, mask.MaskRune('●'))
	fmt.Println(m)
	// Output:
	// 张●●
}

// The deny-list widens a mask that would read as an offensive word.
func ExampleName_denyList() {
	for _, name := range []string{"Dina", "Dirk"} {
		m, _ := mask.Name(name, mask.KeepEnds)
		fmt.Println(m)
	}
	// Output:
	// D**a
	// D***
}

// NameFrom masks a name parsed with a hint: a Hungarian name puts the
// family name first.
func ExampleNameFrom() {
	n, err := identity.Parse("Kovács János", identity.Language(mustTag("hu")))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := mask.NameFrom(n, mask.KeepSurname)
	fmt.Println(m)
	// Output:
	// Kovács *****
}

// Segments let a UI show the visible part large and the hidden part as
// boxes; UnmaskedHidden is the server's expected answer for a challenge.
func ExampleMasked_Segments() {
	m, _ := mask.Name("买买提·艾力", mask.KeepLast)
	for _, s := range m.Segments() {
		fmt.Printf("%q hidden=%v graphemes=%v\n", s.Text, s.Hidden, s.Span)
	}
	// Output:
	// "***" hidden=true graphemes={0 3}
	// "·" hidden=false graphemes={3 4}
	// "*" hidden=true graphemes={4 5}
	// "力" hidden=false graphemes={5 6}
}

func ExampleMasked_UnmaskedHidden() {
	m, _ := mask.Name("张小明", mask.HideSurname)
	fmt.Printf("shown %v, expected answer %q\n", m, m.UnmaskedHidden())
	// %#v and %+v print the masked text too, never the fields.
	fmt.Printf("%#v %+v\n", m, m)
	// Output:
	// shown *小明, expected answer "张"
	// "*小明" *小明
}

// A Style is a JSON string.
func ExampleStyle_MarshalText() {
	b, _ := json.Marshal(struct{ Style mask.Style }{mask.KeepEnds})
	fmt.Println(string(b))
	var v struct{ Style mask.Style }
	err := json.Unmarshal([]byte(`{"Style":"hide-surname"}`), &v)
	fmt.Println(v.Style, err)
	// Output:
	// {"Style":"keep-ends"}
	// hide-surname <nil>
}

func ExamplePhone() {
	for _, s := range []string{"13812345678", "+86 138 1234 5678", "+44 20 7946 0958", "+65 6123 4567", "12345"} {
		fmt.Println(mask.Phone(s))
	}
	// Output:
	// 138****5678 <nil>
	// +86 138****5678 <nil>
	// +44 ****** 0958 <nil>
	// +65 ***** 567 <nil>
	//  mask: invalid identifier
}

func ExampleBankCard() {
	fmt.Println(mask.BankCard("6222 0212 3456 1234"))
	fmt.Println(mask.BankCard("6222021234561234567"))
	// Output:
	// 6222 **** **** 1234 <nil>
	// 6222 **** **** ***4 567 <nil>
}

func ExampleEmail() {
	fmt.Println(mask.Email("zhangsan@example.com"))
	fmt.Println(mask.Email("ab@example.com"))
	fmt.Println(mask.Email("张三丰@例子.中国"))
	// Output:
	// z***@example.com <nil>
	// ***@example.com <nil>
	// 张***@例子.中国 <nil>
}

func ExampleIDNumber() {
	fmt.Println(mask.IDNumber("11010519491231002X"))
	fmt.Println(mask.IDNumber("110105194912310021"))
	// Output:
	// 1****************X <nil>
	//  mask: invalid identifier: check digit mismatch
}

func mustTag(s string) language.Tag { return language.MustParse(s) }
