package filing_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
)

func ExampleValidate() {
	f := &filing.Filing{
		Subject: filing.Subject{
			Province:   "北京",
			Name:       "北京星辰网络科技有限公司",
			Nature:     "企业",
			CertType:   "工商营业执照",
			CertNumber: "91110000802100433B",
			Address:    "北京市海淀区上地十街10号",
			Principal: filing.Person{
				Name:       "张伟",
				CertType:   filing.CertResidentID,
				CertNumber: "11010519491231002X",
				Mobile:     "１３８ ００１３ ８０００", // full-width, with spaces: normalised, accepted
				Email:      "zhangwei@example.com",
			},
			LegalRepresentative: "刘强", // not the principal, and Beijing takes no authorisation letter
		},
		Websites: []filing.Website{{
			Service: filing.Service{
				Name:      "星辰官网",
				Principal: filing.Person{Name: "李娜", CertType: filing.CertResidentID, CertNumber: "11010519491231002X", Email: "lina@example.cn"},
			},
			Domains: []string{"example.org"},
			HomeURL: "javascript:alert(1)",
		}},
	}
	now := func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }
	err := filing.Validate(f, filing.WithNow(now))
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s（%s）：%s\n", p.Path, p.Label, p.Zh)
		}
	}
	fmt.Println(errors.Is(err, domain.CodeDomainTLDNotApproved))
	// Output:
	// websites[0].principal.mobile（网站负责人手机号码）：请填写“网站负责人手机号码”
	// websites[0].domains[0]（网站域名）：该域名后缀“.org”未经工信部批复，无法备案（工信部信管〔2017〕264号）。请更换为已批复后缀（如 .cn、.com、.中国）的域名
	// websites[0].home_url（网站首页网址）：网站首页网址只能以“http://”或“https://”开头
	// subject.principal.name（主体负责人姓名）：单位备案的主体负责人须为法定代表人，请将主体负责人改为法定代表人
	// true
}
