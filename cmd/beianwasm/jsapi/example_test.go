package jsapi_test

import (
	"fmt"

	"github.com/beiankit/beian/cmd/beianwasm/jsapi"
)

func ExampleDispatch() {
	out := jsapi.Dispatch(jsapi.MethodParseNumber, []byte(`{"number":"京ICP备05002571号－1"}`))
	fmt.Println(string(out))
	out = jsapi.Dispatch(jsapi.MethodCheckField, []byte(`{"field":"mobile","value":"+86 138 0013 8000"}`))
	fmt.Println(string(out))
	// Output:
	// {"valid":true,"number":"京ICP备05002571号-1","kind":"icp_filing","province":"11","subject":"京ICP备05002571号","year":2005,"suffix":1,"service":"website"}
	// {"valid":true,"problems":[]}
}

func ExampleCheckField() {
	r := jsapi.CheckField(jsapi.FieldDomain, "example.invalidtld", jsapi.FieldOptions{Path: "websites[0].domains[0]"})
	for _, p := range r.Problems {
		fmt.Println(p.Path, p.Label, p.Code, p.Rule)
	}
	// Output:
	// websites[0].domains[0] 网站域名 domain.tld_not_approved R-09
}
