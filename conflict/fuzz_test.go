package conflict

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing"
)

// FuzzCheck builds a filing from fuzzed fields and checks it against the
// fixture index: Check must not panic, must return either conflicts or an
// error (not both), and every conflict must be complete.
func FuzzCheck(f *testing.F) {
	f.Add("52", "", "91350100M000100Y43", "贵州示例科技有限公司", "", "example.com", "m.example.com", false)
	f.Add("11", "黔ICP备1500041X号", "9144030071526726XG", "x", "黔ICP备1500041X号-1", "例子.中国", "com.cn", true)
	f.Add("52", "", "11010519491231002X", "张三", "", "www.rejected.cn", "rejected.cn", false)
	f.Add("99", "黔ICP备", " ", "", "-1", "ＥＸＡＭＰＬＥ．ｃｏｍ", "xn--", false)
	f.Add("52", "黔ICP备1500041X号", "91350100M000100Y43", "", "黔ICP备1500041X号-2", "例子。中国", "other.cn", false)
	ix := fixture(f)
	f.Fuzz(func(t *testing.T, province, number, cert, name, siteNumber, d1, d2 string, resubmit bool) {
		if len(d1)+len(d2)+len(cert)+len(name) > 4096 {
			return
		}
		certTypes := []filing.CertType{filing.CertBusinessLicence, filing.CertResidentID, "unknown"}
		fl := &filing.Filing{
			Subject: filing.Subject{Province: province, Number: number, Name: name,
				CertType: certTypes[len(cert)%len(certTypes)], CertNumber: filing.IDNumber(cert)},
			Websites: []filing.Website{{Service: filing.Service{Number: siteNumber}, Domains: []string{d1}}, {Domains: []string{d2}}},
		}
		var opts []CheckOption
		if resubmit {
			opts = append(opts, Resubmission())
		}
		cs, err := ix.Check(fl, opts...)
		if err != nil {
			if cs != nil {
				t.Fatalf("conflicts and error: %v", err)
			}
			var ve *filing.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error of unexpected type: %T %v", err, err)
			}
			return
		}
		for _, c := range cs {
			if c.Kind.Rule() == "" || c.Rule() != c.Kind.Rule() || c.Province == "" || c.Blocking.Province == "" || c.Blocking.ProvinceName() == "" {
				t.Fatalf("incomplete conflict %+v", c)
			}
			if !strings.HasPrefix(c.Path, "subject.") && !strings.HasPrefix(c.Path, "websites[") {
				t.Fatalf("path %q", c.Path)
			}
			if b, _ := json.Marshal(c); strings.Contains(string(b), "91350100M000100Y43") || strings.Contains(string(b), "11010519491231002X") {
				t.Fatalf("certificate number in the conflict: %s", b)
			}
		}
		agreeWithOracle(t, ix, fl, cs, err, opts...)
	})
}
