package filing_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
)

// An app and a WeChat mini-program filed under a company (R-70..R-73): the
// iOS row gives an MD5 fingerprint where iOS takes SHA-1, the Android row a
// package name that is no package name, and the mini-program a platform row
// that only apps carry (its hosting platform files those facts).
func ExampleValidate_apps() {
	p := filing.Person{Name: "张伟", CertType: filing.CertResidentID, CertNumber: "11010519491231002X",
		Mobile: "13800138000", Email: "zhangwei@example.com"}
	key := "C0FFEE00112233445566778899AABBCCDDEEFF00112233445566778899AABBCC"
	f := &filing.Filing{
		Subject: filing.Subject{Province: "北京", Name: "北京星辰网络科技有限公司", Nature: "企业",
			CertType: "工商营业执照", CertNumber: "91110000802100433B", Address: "北京市海淀区上地十街10号",
			Principal: p, LegalRepresentative: "张伟"},
		Apps: []filing.App{{
			Kind:     filing.AppKindApp,
			Service:  filing.Service{Name: "星辰记账", Principal: p},
			Language: "中文简体",
			Platforms: []filing.AppPlatform{
				{Platform: filing.PlatformAndroid, Identifier: "1cn.xingchen", PublicKey: key,
					Fingerprint: "b3:4f:be:0a:1c:2d:3e:4f:50:61:72:83:94:a5:b6:c7"},
				{Platform: filing.PlatformIOS, Identifier: "cn.xingchen.Ledger", PublicKey: key,
					Fingerprint: "B34FBE0A1C2D3E4F5061728394A5B6C7"},
			},
		}, {
			Kind:     filing.AppKindMiniProgram,
			Service:  filing.Service{Name: "星辰记账助手", Principal: p},
			Language: "中文简体",
			Host:     filing.HostWeChat,
			Platforms: []filing.AppPlatform{{Platform: filing.PlatformAndroid, Identifier: "cn.xingchen.mini",
				PublicKey: key, Fingerprint: "B34FBE0A1C2D3E4F5061728394A5B6C7"}},
		}},
	}
	now := func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }
	err := filing.Validate(f, filing.WithNow(now))
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s [%s %s]\n  %s\n", p.Path, p.Code, p.Rule, p.Zh)
		}
	}
	// Output:
	// apps[0].platforms[0].identifier [app.identifier_syntax R-72]
	//   安卓包名格式不正确：每段须以字母开头
	// apps[0].platforms[1].fingerprint [app.fingerprint_length R-72]
	//   SHA-1签名值应为40位十六进制字符，实际为32位
	// apps[1].platforms [app.hosted_field R-71]
	//   小程序无需填写运行平台、包名、公钥、签名值和域名，由所在平台备案
}
