package han

import "testing"

func TestQuick(t *testing.T) {
	for _, p := range []string{"乾乾", "於於", "餘余", "範范", "瀋沈", "張张", "幹干", "干干"} {
		r := []rune(p)
		if Fold(r[0]) != r[1] {
			t.Errorf("Fold(%c)=%c want %c", r[0], Fold(r[0]), r[1])
		}
	}
	for _, p := range []string{"哲喆", "峰峯", "坤堃"} {
		r := []rune(p)
		if !SemanticVariant(r[0], r[1]) || !SemanticVariant(r[1], r[0]) {
			t.Errorf("SemanticVariant %s", p)
		}
	}
	for _, p := range []string{"张章", "小晓"} {
		r := []rune(p)
		if !Homophone(r[0], r[1]) {
			t.Errorf("Homophone %s", p)
		}
	}
	if Homophone('张', '李') {
		t.Error("张李")
	}
	for _, p := range []string{"己已", "已巳", "末未", "土士", "戊戌", "日曰", "千干", "候侯", "人入"} {
		r := []rune(p)
		if !Lookalike(r[0], r[1]) || LookalikeKey(r[0]) != LookalikeKey(r[1]) {
			t.Errorf("Lookalike %s %v %c %c", p, Lookalike(r[0], r[1]), LookalikeKey(r[0]), LookalikeKey(r[1]))
		}
	}
	t.Logf("%q %q %q", Variants('干'), Lookalikes('未'), Variants('沈'))
	if !IsHan('中') || IsHan('a') || !IsHan(0x323B0) {
		t.Error("IsHan")
	}
}
