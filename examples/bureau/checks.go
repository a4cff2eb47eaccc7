package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
)

// With -checks the input is one filed record per line, a filing.Filing as
// JSON (subject and websites with their numbers, access, domain registry
// data and public-security numbers), and the report lists, as of -asof:
//
//   - approved records whose responsible persons' certificates have
//     expired (a change filing is due);
//   - domains expired or expiring within the province's minimum
//     remaining validity (refused where the province sets one, warned
//     about elsewhere);
//   - websites without a public-security number more than 30 days
//     after their first access.

// checkSummary counts what -checks found.
type checkSummary struct {
	Records, Bad, Expired, Domains, Overdue int
}

// maxRecordLine bounds one record line.
const maxRecordLine = 4 << 20

func checkRecords(cfg config, stdin io.Reader, stdout io.Writer) error {
	in := stdin
	if cfg.in != "-" {
		f, err := os.Open(cfg.in)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	sum, err := runChecks(in, stdout, cfg.asOf)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "\n记录 %d 条（无法解析 %d 条）：证件过期 %d，域名到期 %d，公安备案逾期 %d\n",
		sum.Records, sum.Bad, sum.Expired, sum.Domains, sum.Overdue)
	return err
}

func runChecks(in io.Reader, out io.Writer, asOf time.Time) (checkSummary, error) {
	var sum checkSummary
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), maxRecordLine)
	w := bufio.NewWriter(out)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var f filing.Filing
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			sum.Bad++
			fmt.Fprintf(w, "第%d行：无法解析（%s）\n", line, jsonZh(err))
			continue
		}
		sum.Records++
		s := &f.Subject
		if s.Status == filing.StatusApproved {
			if err := filing.CheckExpired(s.Principal, asOf); err != nil {
				sum.Expired++
				fmt.Fprintf(w, "R-84 %s 主体负责人：%s\n", s.Number, zh(err))
			}
		}
		for _, web := range f.Websites {
			if web.Status == filing.StatusApproved {
				if err := filing.CheckExpired(web.Principal, asOf); err != nil {
					sum.Expired++
					fmt.Fprintf(w, "R-84 %s 网站负责人：%s\n", web.Number, zh(err))
				}
			}
			if len(web.Registrations) > 0 {
				warnings, err := filing.CheckWebsiteRegistrations(*s, web, asOf)
				var ve *filing.ValidationError
				if errors.As(err, &ve) {
					for _, p := range ve.Problems {
						if p.Code == filing.CodeDomainExpired || p.Code == filing.CodeDomainExpiringSoon {
							sum.Domains++
							fmt.Fprintf(w, "R-85 %s：%s\n", web.Number, p.Zh)
						}
					}
				}
				for _, p := range warnings {
					sum.Domains++
					fmt.Fprintf(w, "R-85 %s（提醒）：%s\n", web.Number, p.Zh)
				}
			}
			if err := lifecycle.CheckPublicSecurity(web, asOf); err != nil {
				sum.Overdue++
				fmt.Fprintf(w, "R-87 %s：%s\n", web.Number, zh(err))
			}
		}
	}
	if err := sc.Err(); err != nil {
		w.Flush()
		return sum, fmt.Errorf("line %d: %w", line+1, err)
	}
	return sum, w.Flush()
}

// zh is the Chinese message of err for the report: every error of the SDK
// carries one (MessageZh); anything else is reported without its English
// text, which belongs in a developer's log, not in the Chinese report.
func zh(err error) string {
	var p *filing.Problem
	if errors.As(err, &p) {
		return p.Zh
	}
	var m interface{ MessageZh() string }
	if errors.As(err, &m) {
		if s := m.MessageZh(); s != "" {
			return s
		}
	}
	return "无法核查（内部错误）"
}

// jsonZh says in Chinese why a line is not a record: where the JSON is
// broken, or which field has the wrong type, or the SDK's own message.
func jsonZh(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("JSON格式错误，位于第%d个字节附近", syn.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		if typ.Field != "" {
			return fmt.Sprintf("字段“%s”的类型不正确", typ.Field)
		}
		return "记录的类型不正确，应为一个JSON对象"
	}
	var m interface{ MessageZh() string }
	if errors.As(err, &m) && m.MessageZh() != "" {
		return m.MessageZh()
	}
	return "不是有效的备案记录JSON"
}
