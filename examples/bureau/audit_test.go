package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/record"
)

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

// TestR97_AuditExport: the audit of a small export against the answers a
// resolver gave: a site resolving as filed has no finding; one resolving
// elsewhere is outside its filed address and the ISPs' blocks; one in
// review that resolves is reported; an approved one without answers does
// not resolve.
func TestR97_AuditExport(t *testing.T) {
	export := writeFile(t, "export.jsonl", strings.Join([]string{
		`{"subject":{"number":"黔ICP备2026001073号","province":"52","name":"贵阳云山科技有限公司","status":"approved"},"websites":[` +
			`{"number":"黔ICP备2026001073号-1","name":"官网","domains":["yunshan.cn"],"home_url":"https://yunshan.cn/","status":"approved","ips":["119.29.1.1"],"access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]},` +
			`{"number":"黔ICP备2026001073号-2","name":"商城","domains":["yunshan-shop.cn"],"home_url":"https://yunshan-shop.cn/","status":"approved","ips":["119.29.1.2"],"access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]},` +
			`{"name":"新站","domains":["yunshan-new.cn"],"status":"bureau_review"},` +
			`{"number":"黔ICP备2026001073号-3","name":"旧站","domains":["yunshan-old.cn"],"status":"approved","ips":["119.29.1.3"],"access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]}]}`,
	}, "\n"))
	answers := writeFile(t, "answers.jsonl", strings.Join([]string{
		`{"domain":"yunshan.cn","addrs":["119.29.1.1"]}`,
		`{"domain":"YUNSHAN-SHOP.CN.","addrs":["8.8.8.8"]}`,
		`{"domain":"yunshan-new.cn","addrs":["119.29.1.9"]}`,
	}, "\n"))
	var out, errb bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-in", export, "-audit", answers, "-blocks", "119.29.0.0/16", "-asof", "2026-06-01"},
		nil, &out, &errb), errb.String())
	text := out.String()
	assert.Contains(t, text, "黔ICP备2026001073号-2\tyunshan-shop.cn\t8.8.8.8\t域名yunshan-shop.cn解析到8.8.8.8，不在备案的网站IP地址中")
	assert.Contains(t, text, "不属于本接入商已备案的IP地址段")
	assert.Contains(t, text, "新站\tyunshan-new.cn\t119.29.1.9\t")
	assert.Contains(t, text, "黔ICP备2026001073号-3\tyunshan-old.cn\t-\t域名yunshan-old.cn没有解析记录")
	assert.NotContains(t, text, "\tyunshan.cn\t")
	assert.Contains(t, text, "网站 4 个（无法解析 0 行），outside_filed 1，outside_isp 1，special_address 0，no_resolution 1，resolves_in_review 1，lookup_failed 0")

	err := run(context.Background(), []string{"-in", export, "-audit", answers, "-blocks", "nonsense"}, nil, &out, &errb)
	var ue *usageError
	assert.ErrorAs(t, err, &ue)
}

// TestR97_AuditGeneratedExport: the audit runs over the example's own
// generated export, every domain answered with its filed address and one
// outside address.
func TestR97_AuditGeneratedExport(t *testing.T) {
	var exp bytes.Buffer
	_, err := generate(&exp, genConfig{websites: 2000, seed: 3, asOf: genDefaultAsOf})
	require.NoError(t, err)
	var answers bytes.Buffer
	sites := 0
	for rec, err := range record.Decode(bytes.NewReader(exp.Bytes())) {
		if err != nil { // the generator writes some broken lines on purpose
			continue
		}
		for _, w := range rec.Websites {
			sites++
			for _, d := range w.Domains {
				addrs := []string{"8.8.4.4"}
				for _, ip := range w.IPs {
					addrs = append(addrs, ip.String())
				}
				b, _ := json.Marshal(map[string]any{"domain": d, "addrs": addrs})
				answers.Write(append(b, '\n'))
			}
		}
	}
	require.Greater(t, sites, 1000)
	var out, errb bytes.Buffer
	err = run(context.Background(), []string{"-in", writeFile(t, "export.jsonl", exp.String()),
		"-audit", writeFile(t, "answers.jsonl", answers.String()), "-max-findings", "0"}, nil, &out, &errb)
	require.NoError(t, err, errb.String())
	summary := out.String()
	assert.Contains(t, summary, "网站 "+itoa(sites)+" 个（")
	assert.NotContains(t, summary, "outside_filed 0，", "8.8.4.4 is no site's filed address")
	assert.NotContains(t, summary, "resolves_in_review 0，", "the export has filings in review")
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
