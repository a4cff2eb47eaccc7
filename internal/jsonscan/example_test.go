package jsonscan_test

import (
	"fmt"

	"github.com/beiankit/beian/internal/jsonscan"
)

// A decoder walks an object with Member and More and skips what it does
// not read; a failed step leaves the offending byte's position and a Fault.
func ExampleScanner_Member() {
	var sc jsonscan.Scanner
	for _, line := range []string{`{"name":"a\u00e9","extra":[1,{"b":null}]}`, `{"name":"a" "extra":1}`} {
		sc.Reset([]byte(line))
		if !sc.Consume('{') {
			continue
		}
		for {
			start, end, flags, ok := sc.Member()
			if !ok {
				break
			}
			if key := string(sc.Data[start:end]); key == "name" {
				start, end, flags, ok = sc.Str()
				if name := sc.Data[start:end]; ok {
					if flags&jsonscan.Escaped != 0 {
						name = jsonscan.Unquote(nil, name)
					}
					fmt.Printf("name %s\n", name)
				}
			} else {
				ok = sc.SkipValue()
			}
			more := false
			if ok {
				more, ok = sc.More('}')
			}
			if !ok {
				fmt.Printf("%s at byte %d\n", sc.Fault, sc.Pos+1)
			}
			if !more {
				break
			}
		}
	}
	// Output:
	// name aé
	// name a
	// expected ',' or '}' at byte 13
}
