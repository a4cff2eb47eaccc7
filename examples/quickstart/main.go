// Command quickstart walks one ICP filing through the beiankit SDK and prints
// a readable report. It needs no setup: go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/beiankit/beian/filing"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	p, _ := filing.ProvinceByCode("52")
	fmt.Fprintf(w, "省份 %s（%s）: 备案号前缀 %s, %s\n", p.Name, p.NameEn, p.ICPAbbr, p.Bureau)
	for _, in := range []string{"例子。中国", "WWW.Example.COM.", "example.io:8080"} {
		d, err := filing.NormalizeDomain(in)
		if err != nil {
			var pr *filing.Problem
			if e, ok := err.(*filing.Problem); ok {
				pr = e
			}
			fmt.Fprintf(w, "域名 %-20q 不通过: %s (%s)\n", in, pr.Zh, pr.Code)
			continue
		}
		fmt.Fprintf(w, "域名 %-20q → %s (%s)\n", in, d, filing.DomainUnicode(d))
	}
	return nil
}
