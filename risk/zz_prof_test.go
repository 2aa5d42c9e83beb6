package risk

import (
	"os"
	"strconv"
	"testing"
)

func TestZZProf(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ZZN"))
	w := os.Getenv("ZZW")
	var in string
	for _, c := range benchClasses {
		if c.name == w {
			in = c.in
		}
	}
	if in == "" {
		return
	}
	for i := 0; i < n; i++ {
		_ = Skeleton(in)
	}
}
