package audit_test

import (
	"bytes"
	"context"
	"net/netip"
	"testing"

	"github.com/beiankit/beian/filing/audit"
)

// FuzzR97_Stream: any bytes as the export: no panic; the summary counts
// exactly the findings reported, each with its rule and a domain.
func FuzzR97_Stream(f *testing.F) {
	f.Add([]byte(`{"subject":{"province":"44","name":"甲","nature":"企业","cert_type":"工商营业执照","cert_number":"91440300MA5F00000X"},"websites":[{"number":"粤ICP备1号-1","name":"甲","domains":["a.cn"],"ips":["119.29.1.1"]}]}`))
	f.Add([]byte(`{"websites":[{"domains":["ＡＢＣ.中国","a.cn"],"home_url":"http://[::1]:80/","status":"bureau_review"}]}`))
	f.Add([]byte("{}\n\n{\"websites\":null}"))
	au, err := audit.New([]netip.Prefix{netip.MustParsePrefix("119.29.0.0/16")}, audit.ResolverFunc(func(d string) audit.Answer {
		switch len(d) % 4 {
		case 0:
			return audit.Answer{}
		case 1:
			return audit.Answer{Failed: true}
		case 2:
			return audit.Answer{Addrs: []netip.Addr{netip.MustParseAddr("10.0.0.1")}}
		}
		return audit.Answer{Addrs: []netip.Addr{netip.MustParseAddr("8.8.8.8"), netip.MustParseAddr("::ffff:119.29.0.1")}}
	}))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		sum, _ := au.Stream(context.Background(), bytes.NewReader(b), func(r audit.SiteReport) error {
			for _, x := range r.Findings {
				if x.Rule != "R-97" || x.Domain == "" || x.Zh == "" {
					t.Fatalf("finding %+v", x)
				}
			}
			n += len(r.Findings)
			return nil
		})
		total := 0
		for _, c := range sum.Findings {
			total += c
		}
		if total != n {
			t.Fatalf("summary counts %d findings, %d reported", total, n)
		}
	})
}
