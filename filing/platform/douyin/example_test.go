package douyin_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform/douyin"
)

func exampleLists() douyin.Lists {
	var l douyin.Lists
	for _, n := range []string{"list_corp_types.json", "list_credentials_types.json", "list_regions.json",
		"list_service_content_types.json", "list_pre_approval_types.json"} {
		b, _ := os.ReadFile("testdata/" + n)
		a, _ := douyin.DecodeLists(b)
		l = l.Merge(a.Data)
	}
	return l
}

// A long-term certificate is sent without an end time; a missing face
// verification is reported where the portal asks for it.
func ExamplePrepare() {
	in := fixture()
	in.Filing.Subject.Principal.CertValidity = filing.Validity{Start: day(2024, 1, 1), LongTerm: true}
	in.FacialRecognitionToken = ""
	p, err := douyin.Prepare(in, exampleLists())
	c := p.CorpInfo
	fmt.Println(c.InchargePeopleCredentialsHasEndTime, c.InchargePeopleCredentialsValidStartTime, c.InchargePeopleCredentialsValidEndTime)
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		for _, pr := range ve.Problems {
			fmt.Println(pr.Path, pr.Zh)
		}
	}
	// Output:
	// false 1704038400 0
	// facial_recognition_token 请上传小程序负责人人证核验
}

// Douyin's rejection reasons name no field: they are kept and reported.
func ExampleStatusAnswer_Problems() {
	a, _ := douyin.DecodeStatus([]byte(`{"log_id":"x","data":{"status":3,"region_list":["小程序备注未描述实际经营内容"]},"err_msg":"","err_no":0}`))
	for _, p := range a.Problems() {
		fmt.Println(p.Code, p.Zh)
	}
	// Output:
	// platform.rejected_unplaced 平台驳回（字段“备案”无法对应到备案信息）：小程序备注未描述实际经营内容
}

// A stored payload maps back to the SDK's model.
func ExampleToModel() {
	b, _ := os.ReadFile("testdata/record_info.golden.json")
	p, _ := douyin.DecodeRecordInfo(b)
	in, err := douyin.ToModel(p, exampleLists())
	fmt.Println(err, in.Filing.Subject.Name, in.Filing.Subject.Principal.CertValidity, in.Filing.Apps[0].Categories)
	// Output:
	// <nil> 贵州星辰科技有限公司 2024-01-01至2044-01-01 [记账]
}

// Douyin's status numbers map through the caller's table.
func ExampleStatusAnswer_Status() {
	a, _ := douyin.DecodeStatus([]byte(`{"log_id":"x","data":{"status":1},"err_msg":"","err_no":0}`))
	st, ok := a.Status(map[int]filing.Status{1: filing.StatusISPVerifying})
	fmt.Println(st.Zh(), ok)
	// Output:
	// 接入商核验中 true
}

// The five list queries merge into one Lists.
func ExampleLists_Merge() {
	a, _ := douyin.DecodeLists([]byte(`{"data":{"pre_approval_item_type_list":[{"pre_approval_item_id":2,"pre_approval_item_name":"出版"}]},"err_msg":"","err_no":0,"log_id":"x"}`))
	b, _ := douyin.DecodeLists([]byte(`{"data":{"credentials_type_list":[{"credentials_type_id":2,"credentials_type_name":"居民身份证"}]},"err_msg":"","err_no":0,"log_id":"y"}`))
	l := a.Data.Merge(b.Data)
	fmt.Println(len(l.PreApprovalItemTypeList), len(l.CredentialsTypeList))
	// Output:
	// 1 1
}

// A submit error names no field.
func ExampleAnswer_Problems() {
	a, _ := douyin.DecodeAnswer([]byte(`{"err_no":9998,"err_msg":"请求参数错误","log_id":"x"}`))
	for _, p := range a.Problems() {
		fmt.Println(p.Code, p.Zh)
	}
	// Output:
	// platform.error 平台返回错误9998：请求参数错误
}
