package conflict_test

import (
	"fmt"
	"strings"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
)

func exampleIndex() *conflict.Index {
	ix := conflict.New()
	_ = ix.Put(conflict.Record{
		Subject: conflict.SubjectRecord{Number: "黔ICP备1500041X号", Province: "52", Name: "贵州示例科技有限公司",
			Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: "91350100M000100Y43"},
		Websites: []conflict.WebsiteRecord{{Number: "黔ICP备1500041X号-1", Name: "示例网",
			Domains: []string{"例子.中国"}, HomeURL: "https://www.例子.中国"}},
	})
	return ix
}

// Check returns the conflicts as data; guidance.For renders the statement,
// the bureau and the steps of one when it is shown.
func ExampleIndex_Check() {
	ix := exampleIndex()
	f := &filing.Filing{
		Subject: filing.Subject{Province: "11", Name: "北京新申请有限公司", Nature: filing.NatureEnterprise,
			CertType: filing.CertBusinessLicence, CertNumber: "9144030010001686XA"},
		Websites: []filing.Website{{Service: filing.Service{Name: "新网站"}, Domains: []string{"WWW.xn--fsqu00a.xn--fiqs8s"}}},
	}
	conflicts, err := ix.Check(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range conflicts {
		fmt.Println(c.Kind, c.Rule(), c.Path)
		fmt.Println("blocking:", c.Blocking.WebsiteNumber, c.Blocking.ProvinceName())
		g := guidance.For(c)
		fmt.Println(g.Zh)
		fmt.Println("bureau:", g.Bureau)
		fmt.Println("step 2:", g.Steps[1].Zh)
	}
	// Output:
	// conflict.domain_other_province R-30 websites[0].domains[0]
	// blocking: 黔ICP备1500041X号-1 贵州省
	// 域名“例子.中国”已被贵州省的其他主体备案（备案号：黔ICP备1500041X号-1），本次备案无法提交。
	// bureau: 贵州省通信管理局
	// step 2: 原备案为贵州省的备案：请与原备案所在地的贵州省通信管理局联系，请其为您注销原备案。
}

// A caller that checks filing after filing reuses one buffer:
// AppendCheck appends to it instead of allocating the conflicts.
func ExampleIndex_AppendCheck() {
	ix := exampleIndex()
	var buf []conflict.Conflict
	for _, d := range []string{"WWW.xn--fsqu00a.xn--fiqs8s", "new-example.cn"} {
		f := &filing.Filing{
			Subject: filing.Subject{Province: "11", Name: "北京新申请有限公司", Nature: filing.NatureEnterprise,
				CertType: filing.CertBusinessLicence, CertNumber: "9144030010001686XA"},
			Websites: []filing.Website{{Service: filing.Service{Name: "新网站"}, Domains: []string{d}}},
		}
		var err error
		buf, err = ix.AppendCheck(buf[:0], f)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d, len(buf))
		for _, c := range buf {
			fmt.Println(" ", c.Kind, c.Blocking.WebsiteNumber)
		}
	}
	// Output:
	// WWW.xn--fsqu00a.xn--fiqs8s 1
	//   conflict.domain_other_province 黔ICP备1500041X号-1
	// new-example.cn 0
}

// Every kind of conflict is a registered code with its rule and a general
// statement (what Error, MessageZh and MessageEn of a Conflict give).
func ExampleKinds() {
	for _, k := range conflict.Kinds()[:3] {
		fmt.Println(k, k.Rule(), k.Code().MessageZh())
	}
	// Output:
	// conflict.domain_same_province R-30 域名已被本省其他主体备案，本次备案无法提交
	// conflict.domain_other_province R-30 域名已被其他省份的主体备案，本次备案无法提交
	// conflict.domain_filed_by_you R-30 域名已在您的主体下备案，不能作为新网站再次备案
}

func ExampleIndex_Query() {
	ix := exampleIndex()
	res, err := ix.Query(conflict.Query{By: conflict.ByDomain, Value: "m.例子.中国"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.Records {
		fmt.Println(r.WebsiteNumber, r.SponsorName, r.WebsiteName, domain.DomainUnicode(r.Domains[0]), r.HomeURL)
	}
	// Output:
	// 黔ICP备1500041X号-1 贵州示例科技有限公司 示例网 例子.中国 https://www.例子.中国
}

func ExampleIndex_LoadJSONL() {
	jsonl := `{"subject":{"number":"京ICP备2021033841号","province":"11","name":"北京示例网络有限公司","nature":"企业","cert_type":"工商营业执照","cert_number":"9144030071526726XG"},"websites":[{"number":"京ICP备2021033841号-1","name":"示例商城","domains":["shop.example.cn"],"ips":["203.0.113.7"]}]}
{"subject":{"number":"京ICP备2021033842号","province":"11","name":"x","cert_type":"工商营业执照","cert_number":"914403001922038216"},"websites":[{"number":"京ICP备2021033842号-1","name":"y","domains":["com.cn"]}]}
`
	ix := conflict.New()
	n, err := ix.LoadJSONL(strings.NewReader(jsonl))
	fmt.Println("loaded:", n)
	if e, ok := err.(*conflict.Error); ok {
		fmt.Println("line", e.Line, e.Code)
		fmt.Println(e.Err)
	}
	res, _ := ix.Query(conflict.Query{By: conflict.ByIP, Value: "203.0.113.7"})
	fmt.Println(res.Records[0].WebsiteNumber)
	// Output:
	// loaded: 1
	// line 2 conflict.bad_record
	// filing: websites[0].domains[0]: domain.public_suffix: the name is a public suffix, not a registrable domain
	// 京ICP备2021033841号-1
}
