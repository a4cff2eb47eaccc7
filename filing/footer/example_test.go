package footer_test

import (
	"fmt"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/footer"
)

func ExampleScan() {
	page := `<footer><p>© 2026 示例科技</p>
<a href="http://www.miitbeian.gov.cn/">京ICP备05002571号-1</a>
<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802035340">京公网安备11010802035340号</a></footer>`
	p, err := footer.Scan(strings.NewReader(page), footer.Options{MaxBytes: 1 << 20})
	fmt.Println(err)
	for _, n := range p.Numbers {
		fmt.Println(n.Number, n.Kind)
	}
	for _, n := range p.PublicSecurity {
		fmt.Println(n.Number, n.Kind)
	}
	// Output:
	// <nil>
	// 京ICP备05002571号-1 outdated
	// 京公网安备11010802035340号 current
}

func ExampleCheck() {
	s := filing.Subject{Province: "44", Number: "粤ICP备04000001号"}
	w := filing.Website{Service: filing.Service{Number: "粤ICP备04000001号-3"}}
	p, _ := footer.Scan(strings.NewReader(`<div class="ft">粤ICP备04000001号-3</div>`), footer.Options{})
	warnings, err := footer.Check(p, s, w)
	fmt.Println(err)
	for _, x := range warnings {
		fmt.Println(x.Code, x.Zh)
	}
	// Output:
	// filing: footer.link_missing: the record number does not link to https://beian.miit.gov.cn/
	// footer.number_preference 广东省通信管理局要求首页显示主体备案号
}

func ExampleSnippet() {
	html, err := footer.Snippet("粤ICP备2021012345号-3", "粤公网安备44030502000001号", footer.SnippetOptions{Class: "beian"})
	fmt.Println(err)
	fmt.Println(html)
	// Output:
	// <nil>
	// <div class="beian"><a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">粤ICP备2021012345号</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=44030502000001" target="_blank" rel="noopener noreferrer">粤公网安备44030502000001号</a></div>
}

func ExampleSnippetFor() {
	s := filing.Subject{Province: "11", Number: "京ICP备05002571号"}
	w := filing.Website{Service: filing.Service{Number: "京ICP备05002571号-1"}, PublicSecurityNumber: "京公网安备11010802035340号"}
	html, _ := footer.SnippetFor(s, w, footer.SnippetOptions{SameTab: true})
	fmt.Println(html)
	p, _ := footer.Scan(strings.NewReader(html), footer.Options{})
	warnings, err := footer.Check(p, s, w)
	fmt.Println(len(warnings), err)
	// Output:
	// <div><a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">京ICP备05002571号-1</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802035340" rel="noopener noreferrer">京公网安备11010802035340号</a></div>
	// 0 <nil>
}
