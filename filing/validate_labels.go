package filing

import (
	"fmt"
	"strings"
)

// Chinese field labels as the filing system shows them, by JSON path with
// the indices left out ("websites[].domains[]"). A person's fields are
// labelled by the role: 主体负责人 under subject.principal, 网站负责人 under
// websites[].principal.
var labels = func() map[string]string {
	m := map[string]string{
		"subject":                      "主体信息",
		"subject.number":               "主体备案号",
		"subject.province":             "主办单位所在省份",
		"subject.name":                 "主办单位名称",
		"subject.nature":               "主办单位性质",
		"subject.cert_type":            "主办单位证件类型",
		"subject.cert_number":          "主办单位证件号码",
		"subject.cert_address":         "主办单位证件住所",
		"subject.address":              "主办单位通信地址",
		"subject.legal_representative": "法定代表人姓名",
		"subject.authorisation_letter": "主体负责人授权说明书",
		"subject.residence_permit":     "居住证",
		"subject.status":               "主体备案状态",
		"subject.remarks":              "备注",

		"websites":                               "网站信息",
		"websites[]":                             "网站信息",
		"websites[].number":                      "网站备案号",
		"websites[].name":                        "网站名称",
		"websites[].domains":                     "网站域名",
		"websites[].domains[]":                   "网站域名",
		"websites[].home_url":                    "网站首页网址",
		"websites[].service_content":             "网站服务内容",
		"websites[].involves":                    "涉及前置审批的内容",
		"websites[].involves[]":                  "涉及前置审批的内容",
		"websites[].pre_approvals":               "前置审批文件",
		"websites[].pre_approvals[]":             "前置审批文件",
		"websites[].pre_approvals[].category":    "前置审批类型",
		"websites[].pre_approvals[].number":      "前置审批文号",
		"websites[].pre_approvals[].authority":   "审批机关",
		"websites[].pre_approvals[].valid_until": "审批文件有效期至",
		"websites[].access":                      "接入信息",
		"websites[].access[]":                    "接入信息",
		"websites[].access[].isp":                "接入服务商",
		"websites[].access[].isp_province":       "接入服务商所在省份",
		"websites[].access[].ips":                "网站IP地址",
		"websites[].access[].since":              "接入开始时间",
		"websites[].access[].until":              "取消接入时间",
		"websites[].status":                      "网站备案状态",
	}
	person := map[string]string{
		"":                 "",
		".name":            "姓名",
		".cert_type":       "证件类型",
		".cert_number":     "证件号码",
		".mobile":          "手机号码",
		".landline":        "固定电话",
		".emergency_phone": "应急联系电话",
		".email":           "电子邮箱",
	}
	for prefix, role := range map[string]string{"subject.principal": "主体负责人", "websites[].principal": "网站负责人"} {
		for field, l := range person {
			m[prefix+field] = role + l
		}
	}
	return m
}()

// Label returns the Chinese label of a field by its JSON path in a Filing
// ("websites[0].domains[1]" → "网站域名", "subject.principal.mobile" →
// "主体负责人手机号码"), or "" for an unknown path.
func Label(path string) string {
	if l, ok := labels[path]; ok {
		return l
	}
	return labels[stripIndices(path)]
}

// stripIndices removes the digits between brackets: "a[12].b[3]" → "a[].b[]".
func stripIndices(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	b := make([]byte, 0, len(path))
	in := false
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case c == '[':
			in = true
		case c == ']':
			in = false
		case in:
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func sprintf(format string, args []any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
