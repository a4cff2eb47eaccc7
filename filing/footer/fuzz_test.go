package footer_test

import (
	"bytes"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/footer"
)

// FuzzScan: no panic on any bytes, the read stays within the bound, and
// Check runs on whatever was found.
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
		_, _ = footer.Check(p, filing.Subject{Province: "11", Number: "京ICP备05002571号"},
			filing.Website{Number: "京ICP备05002571号-1", PublicSecurityNumber: "京公网安备11010802035340号"})
	})
}
