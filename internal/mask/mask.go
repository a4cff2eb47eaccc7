// Package mask holds the two string helpers behind every masked personal
// value of the module: Middle hides the middle of a value, Format prints an
// already masked string for any fmt verb.
package mask

import (
	"fmt"
	"unicode/utf8"
)

// Format prints masked for verb: quoted for %q and %#v, as is otherwise.
func Format(f fmt.State, verb rune, masked string) {
	if verb == 'q' || (verb == 'v' && f.Flag('#')) {
		fmt.Fprintf(f, "%q", masked)
		return
	}
	fmt.Fprint(f, masked)
}

// Middle keeps head runes at the start and tail runes at the end and
// replaces the rest with '*'. Short values are masked more: at least a third
// of the runes are always hidden.
func Middle(s string, head, tail int) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	for head+tail > n-(n+2)/3 {
		switch {
		case head > tail && head > 0:
			head--
		case tail > 0:
			tail--
		default:
			head--
		}
	}
	b := make([]byte, 0, len(s))
	i := 0
	for _, r := range s {
		if i < head || i >= n-tail {
			b = utf8.AppendRune(b, r)
		} else {
			b = append(b, '*')
		}
		i++
	}
	return string(b)
}
