// Command namecheck compares a typed name with a registered one and prints
// the verdict and reasons.
//
//	go run ./examples/namecheck '张三' '張三'
package main

import (
	"fmt"
	"os"

	"github.com/transferguard/transferguard/identity"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: namecheck ENTERED REGISTERED")
		os.Exit(1)
	}
	r := identity.Compare(os.Args[1], os.Args[2])
	fmt.Printf("%v\n", r)
}
