package shell_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/shell"
)

func ExampleGraceFor() {
	for _, p := range []string{"52", "42", "54"} {
		fmt.Println(p, shell.GraceFor(p))
	}
	// Output:
	// 52 168h0m0s
	// 42 720h0m0s
	// 54 1632h0m0s
}
