package rfc3339_test

import (
	"fmt"

	"github.com/beiankit/beian/internal/rfc3339"
)

func ExampleParse() {
	t, ok := rfc3339.Parse([]byte("2026-06-01T00:00:00Z"))
	fmt.Println(t, ok)
	_, ok = rfc3339.Parse([]byte("2026-02-29T00:00:00Z"))
	fmt.Println(ok)
	// Output:
	// 2026-06-01 08:00:00 +0800 CST true
	// false
}
