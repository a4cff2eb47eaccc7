package footer_test

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/beiankit/beian/filing/footer"
)

// benchPage is a home page of about 300 KB: head with scripts and styles,
// navigation, article cards with Chinese text and links, and the footer
// with the record and public-security numbers at the end.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例科技 - 首页</title>`)
	b.WriteString(`<style>` + strings.Repeat(`.card{margin:0 auto;padding:12px;color:#333}`, 100) + `</style>`)
	b.WriteString(`<script>` + strings.Repeat(`window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)};`, 60) + `</script></head><body>`)
	b.WriteString(`<nav class="top"><ul>`)
	for i := range 40 {
		fmt.Fprintf(&b, `<li class="nav-item"><a href="/category/%d" title="栏目%d">栏目%d</a></li>`, i, i, i)
	}
	b.WriteString(`</ul></nav><main>`)
	for i := range 600 {
		fmt.Fprintf(&b, `<div class="card" data-id="%d"><h3><a href="/post/%d.html">第%d篇：云计算与网站备案的那些事</a></h3>`+
			`<p>本文介绍网站备案流程、接入信息与域名实名认证的注意事项，&nbsp;阅读约5分钟。<span class="tag">备案</span><em>%d</em></p>`+
			`<img src="/img/%d.jpg" alt="配图%d" loading="lazy"></div>`, i, i, i, i, i, i)
	}
	b.WriteString(`</main><footer class="footer"><p>© 2026 示例科技有限公司 版权所有</p><p>`)
	b.WriteString(`<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">京ICP备05002571号-1</a> `)
	b.WriteString(`<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802035340"><img src="/ga.png">京公网安备11010802035340号</a>`)
	b.WriteString(`</p></footer></body></html>`)
	return []byte(b.String())
}

func bareTokenize(page []byte) int {
	z := html.NewTokenizer(bytes.NewReader(page))
	n := 0
	for z.Next() != html.ErrorToken {
		n++
	}
	if z.Err() != io.EOF {
		panic(z.Err())
	}
	return n
}

// BenchmarkScan scans the page (MB/s: target ≥ 50).
func BenchmarkScan(b *testing.B) {
	page := benchPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := footer.Scan(bytes.NewReader(page), footer.Options{})
		if err != nil || len(p.Numbers) != 1 || len(p.PublicSecurity) != 1 {
			b.Fatalf("%v %+v", err, p)
		}
	}
}

// BenchmarkBareTokenizer is the baseline: x/net/html's tokenizer over the
// same bytes, doing nothing with the tokens.
func BenchmarkBareTokenizer(b *testing.B) {
	page := benchPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		bareTokenize(page)
	}
}

// BenchmarkScanVsBareTokenizer interleaves both and reports the median
// throughput ratio scan/bare (target: ≥ 0.5) and the scan's MB/s.
func BenchmarkScanVsBareTokenizer(b *testing.B) {
	page := benchPage()
	var ratios, mbs []float64
	for b.Loop() {
		t0 := time.Now()
		if _, err := footer.Scan(bytes.NewReader(page), footer.Options{}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		bareTokenize(page)
		t2 := time.Now()
		scan, bare := t1.Sub(t0), t2.Sub(t1)
		ratios = append(ratios, float64(bare)/float64(scan))
		mbs = append(mbs, float64(len(page))/scan.Seconds()/1e6)
	}
	slices.Sort(ratios)
	slices.Sort(mbs)
	b.ReportMetric(ratios[len(ratios)/2], "throughput-ratio")
	b.ReportMetric(mbs[len(mbs)/2], "scan-MB/s")
}
