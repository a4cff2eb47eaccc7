package main

// -audit: the access audit of an export's websites against DNS
// answers the caller gathered (JSON Lines {"domain", "addrs", "failed"})
// and, with -blocks, the ISPs' filed address blocks. The export (package
// filing/record) is read one record at a time with record.Decode, each
// website's filed addresses being its IPs (audit.SiteOfRecord); the
// answers are held in memory (one entry per domain looked up).

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strings"

	"github.com/beiankit/beian/filing/audit"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/record"
)

// answerLine is one line of the -audit answers file.
type answerLine struct {
	Domain string       `json:"domain"`
	Addrs  []netip.Addr `json:"addrs"`
	Failed bool         `json:"failed,omitempty"`
}

// readAnswers reads the answers file into a Resolver's table.
func readAnswers(path string) (audit.Answers, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := audit.Answers{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxRecordLine)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var a answerLine
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		d := strings.ToLower(strings.TrimSuffix(a.Domain, "."))
		if n, err := domain.NormalizeDomain(d); err == nil {
			d = n
		}
		out[d] = audit.Answer{Addrs: a.Addrs, Failed: a.Failed}
	}
	return out, sc.Err()
}

// parseBlocks reads -blocks: comma-separated prefixes.
func parseBlocks(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("-blocks: %w", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// auditExport runs the audit over the export and prints the findings (at
// most -max-findings) and the counts per kind.
func auditExport(ctx context.Context, cfg config, stdin io.Reader, stdout io.Writer) error {
	in := stdin
	if cfg.in != "-" {
		f, err := os.Open(cfg.in)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	answers, err := readAnswers(cfg.audit)
	if err != nil {
		return err
	}
	blocks, err := parseBlocks(cfg.blocks)
	if err != nil {
		return &usageError{err: err}
	}
	au, err := audit.New(blocks, answers)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	counts := map[audit.Kind]int{}
	sites, bad, shown := 0, 0, 0
	var buf []audit.Finding
	n := 0
	for rec, err := range record.Decode(in) {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err != nil {
			var de *record.DecodeError
			if !errors.As(err, &de) {
				return err // the input failed (*record.ReadError), not a line
			}
			bad++
			continue
		}
		for i := range rec.Websites {
			sites++
			buf = au.Site(buf[:0], audit.SiteOfRecord(rec.Websites[i]))
			for _, f := range buf {
				counts[f.Kind]++
				if cfg.maxFindings < 0 || shown < cfg.maxFindings {
					shown++
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", sanitize(f.Website), sanitize(f.Domain), addrText(f.Addr), f.Zh)
				}
			}
		}
	}
	fmt.Fprintf(w, "\n接入核查：网站 %d 个（无法解析 %d 行）", sites, bad)
	for _, k := range audit.Kinds() {
		fmt.Fprintf(w, "，%s %d", k, counts[k])
	}
	fmt.Fprintln(w)
	return nil
}

func addrText(a netip.Addr) string {
	if !a.IsValid() {
		return "-"
	}
	return a.String()
}

// sanitize drops control characters from export text before printing it.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, s)
}
