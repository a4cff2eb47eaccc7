package audit_test

import (
	"context"
	"flag"
	"io"
	"net/netip"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing/audit"
)

// bureauWebsites sizes TestR97_BureauScale (0: skipped). The figure of the
// rule's benchmark is -audit.websites=5000000.
var bureauWebsites = flag.Int("audit.websites", 0, "websites of the bureau-scale audit run (e.g. 5000000)")

// export is an io.Reader of a synthetic national export of n subjects, one
// website each with one domain and one filed address, generated line by
// line (never held whole). Every 50th website is in review.
type export struct {
	n, i int
	buf  []byte
	off  int
}

func (e *export) Read(p []byte) (int, error) {
	if e.off == len(e.buf) {
		if e.i == e.n {
			return 0, io.EOF
		}
		e.buf, e.off = e.buf[:0], 0
		i := e.i
		e.i++
		num := "粤ICP备" + strconv.Itoa(20000000+i) + "号"
		e.buf = append(e.buf, `{"subject":{"number":"`...)
		e.buf = append(e.buf, num...)
		e.buf = append(e.buf, `","province":"44","name":"深圳甲乙丙科技有限公司","nature":"企业","cert_type":"工商营业执照","cert_number":"91440300MA5F00000X"},"websites":[{`...)
		if i%50 == 0 {
			e.buf = append(e.buf, `"status":"bureau_review",`...)
		} else {
			e.buf = append(e.buf, `"number":"`...)
			e.buf = append(e.buf, num...)
			e.buf = append(e.buf, `-1",`...)
		}
		e.buf = append(e.buf, `"name":"甲乙丙官网","domains":["site`...)
		e.buf = strconv.AppendInt(e.buf, int64(i), 10)
		e.buf = append(e.buf, `.cn"],"home_url":"https://site`...)
		e.buf = strconv.AppendInt(e.buf, int64(i), 10)
		e.buf = append(e.buf, `.cn","ips":["119.29.`...)
		e.buf = strconv.AppendInt(e.buf, int64(i>>8&255), 10)
		e.buf = append(e.buf, '.')
		e.buf = strconv.AppendInt(e.buf, int64(i&255), 10)
		e.buf = append(e.buf, "\"]}]}\n"...)
	}
	n := copy(p, e.buf[e.off:])
	e.off += n
	return n, nil
}

// twoAnswers resolves every domain "siteN.cn" to two addresses computed
// from N (no table): the website's filed address, and a second one that is
// the filed one for six websites in seven and another ISP's for the
// seventh.
var twoAnswers = audit.ResolverFunc(func(d string) audit.Answer {
	i := 0
	for _, c := range []byte(d) {
		if c >= '0' && c <= '9' {
			i = i*10 + int(c-'0')
		}
	}
	filed := netip.AddrFrom4([4]byte{119, 29, byte(i >> 8), byte(i)})
	second := filed
	if i%7 == 0 {
		second = netip.AddrFrom4([4]byte{8, 8, byte(i >> 8), byte(i)})
	}
	return audit.Answer{Addrs: []netip.Addr{filed, second}}
})

func newAuditor(tb testing.TB) *audit.Auditor {
	au, err := audit.New([]netip.Prefix{netip.MustParsePrefix("119.29.0.0/16")}, twoAnswers)
	if err != nil {
		tb.Fatal(err)
	}
	return au
}

func decodeOnly(tb testing.TB, n int) {
	recs := 0
	for _, err := range conflict.JSONL(&export{n: n}) {
		if err != nil {
			tb.Fatal(err)
		}
		recs++
	}
	if recs != n {
		tb.Fatalf("decoded %d of %d", recs, n)
	}
}

func auditAll(tb testing.TB, au *audit.Auditor, n int) audit.Summary {
	sum, err := au.Stream(context.Background(), &export{n: n}, func(audit.SiteReport) error { return nil })
	if err != nil {
		tb.Fatal(err)
	}
	if sum.Websites != n {
		tb.Fatalf("audited %d of %d", sum.Websites, n)
	}
	return sum
}

// BenchmarkR97_Stream: the audit of 10 000 websites with 2 answers each,
// against BenchmarkR97_DecodeOnly, the decoding of the same export alone.
// Run them together: go test -run '^$' -bench 'R97_(Stream|DecodeOnly)'.
func BenchmarkR97_Stream(b *testing.B) {
	au := newAuditor(b)
	b.ReportAllocs()
	for b.Loop() {
		auditAll(b, au, 10000)
	}
}

// BenchmarkR97_DecodeOnly is BenchmarkR97_Stream's baseline.
func BenchmarkR97_DecodeOnly(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		decodeOnly(b, 10000)
	}
}

// TestR97_BureauScale audits -audit.websites websites (5 000 000 for the
// rule's figure) with 2 answers each, samples the live heap while it runs,
// and reports the time against decoding the same export alone. Skipped
// without the flag.
func TestR97_BureauScale(t *testing.T) {
	n := *bureauWebsites
	if n == 0 {
		t.Skip("bureau-scale run: go test ./filing/audit -run TestR97_BureauScale -audit.websites=5000000 -v")
	}
	au := newAuditor(t)
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	t0 := time.Now()
	decodeOnly(t, n)
	dec := time.Since(t0)
	t0 = time.Now()
	sum := auditAll(t, au, n)
	aud := time.Since(t0)
	close(done)
	t.Logf("websites %d, domains %d, findings %v", sum.Websites, sum.Domains, sum.Findings)
	t.Logf("decode alone %v (%.0f websites/s); audit %v (%.0f websites/s); audit ÷ decode = %.2f; peak heap in use %.1f MiB",
		dec, float64(n)/dec.Seconds(), aud, float64(n)/aud.Seconds(), aud.Seconds()/dec.Seconds(), float64(peak.Load())/(1<<20))
	if peak.Load() > 256<<20 {
		t.Fatalf("peak heap %d MiB: memory grows with the export", peak.Load()>>20)
	}
}
