package conflict

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/beiankit/beian/filing"
)

// FuzzAppCheck decodes apps from JSON, checks them as a stranger's filing
// against the app fixture, and puts them as a record: no panic, errors
// typed, conflicts complete, a record put is looked up with its apps.
func FuzzAppCheck(f *testing.F) {
	f.Add(`[{"kind":"app","name":"抖音","platforms":[{"platform":"ios","identifier":"com.ss.iphone.ugc.AWEME"}]}]`, `"粤B2-20090059-9A"`)
	f.Add(`[{"kind":"mini_program","name":"腾讯客服","host":"wechat"}]`, `""`)
	f.Add(`[{"kind":"APP","name":"x","number":"粤B2-20090059-1627A","platforms":[{"platform":"harmonyos","identifier":"com.tencent.mm"},{"platform":"symbian","identifier":"a"}]}]`, `"粤B2-20090059-1"`)
	f.Add(`[{"kind":"app","name":"","platforms":[{"platform":"android","identifier":"com..x"}]}]`, `"x"`)
	ix := appFixture(f)
	f.Fuzz(func(t *testing.T, apps, number string) {
		if len(apps) > 4096 {
			return
		}
		var fa []filing.App
		if json.Unmarshal([]byte(apps), &fa) != nil {
			return
		}
		fl := appFiling("x")
		fl.Apps = fa
		cs, err := ix.Check(fl)
		if err != nil {
			var ve *filing.ValidationError
			if cs != nil || !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("Check: %v %v", cs, err)
			}
		}
		for _, c := range cs {
			if c.Kind.Rule() == "" || c.Path == "" || c.Province == "" || c.Blocking.ProvinceName() == "" || c.Blocking.AppKind == "" {
				t.Fatalf("incomplete conflict %+v", c)
			}
		}
		agreeWithOracle(t, ix, fl, cs, err)
		var num string
		_ = json.Unmarshal([]byte(number), &num)
		var ra []AppRecord
		if json.Unmarshal([]byte(apps), &ra) != nil {
			return
		}
		for i := range ra {
			if i == 0 && num != "" {
				ra[i].Number = num
			}
		}
		rec := Record{Subject: SubjectRecord{Number: numTencent, Province: "44", Name: "深圳市腾讯计算机系统有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certB}, Apps: ra}
		local := appFixture(t)
		if err := local.Put(rec); err != nil {
			if !errors.Is(err, ErrBadRecord) {
				t.Fatalf("Put: %v", err)
			}
			return
		}
		back, err := local.Lookup(numTencent)
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, a := range ra {
			st := a.Status
			if st == "" || (st != filing.StatusDraft && st != filing.StatusCancelled && st != filing.StatusDeleted) {
				kept++
			}
		}
		if len(back.Apps) != kept {
			t.Fatalf("put %d apps (%d kept), looked up %d", len(ra), kept, len(back.Apps))
		}
	})
}
