package footer_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/footer"
)

// FuzzScan: no panic on any bytes, the read stays within the bound, a
// number is only ever linked to a filing system by an http, https or
// scheme-relative link, and Check runs on whatever was found.
func FuzzScan(f *testing.F) {
	f.Add([]byte(`<a href="https://beian.miit.gov.cn/">京ICP备05002571号-1</a>京公网安备11010802035340号`))
	f.Add([]byte(`<script>京ICP备05002571号</script><div><span>京ICP备</span>05002571号</div>`))
	f.Add([]byte(`<a href="http://www.miibeian.gov.cn"><a>京ICP备05002571号-1`))
	f.Add([]byte("<p>&#20140;ICP&#22791;05002571&#21495;</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, _ := footer.Scan(bytes.NewReader(b), footer.Options{MaxBytes: 1 << 16, MaxToken: 4096})
		if p == nil {
			t.Fatal("nil page")
		}
		if p.Bytes > 1<<16 {
			t.Fatalf("read %d bytes past the bound", p.Bytes)
		}
		for _, n := range p.Numbers {
			if n.Kind == footer.LinkCurrent || n.Kind == footer.LinkOutdated {
				assertWebLink(t, n.Link)
			}
		}
		for _, n := range p.PublicSecurity {
			if n.Kind == footer.LinkCurrent || n.Kind == footer.LinkOutdated {
				assertWebLink(t, n.Link)
			}
		}
		_, _ = footer.Check(p, filing.Subject{Province: "11", Number: "京ICP备05002571号"},
			filing.Website{Service: filing.Service{Number: "京ICP备05002571号-1"}, PublicSecurityNumber: "京公网安备11010802035340号"})
	})
}

// assertWebLink fails unless href is an http, https or scheme-relative URL
// with a host.
func assertWebLink(t *testing.T, href string) {
	t.Helper()
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || u.Host == "" || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		t.Fatalf("%q classified as a link to the filing system", href)
	}
}
