package douyin_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/douyin"
	"github.com/beiankit/beian/filing/platform/internal/object"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func lists(t testing.TB) douyin.Lists {
	var l douyin.Lists
	for _, n := range []string{"list_corp_types.json", "list_credentials_types.json", "list_regions.json",
		"list_service_content_types.json", "list_pre_approval_types.json"} {
		a, err := douyin.DecodeLists(read(t, n))
		require.NoError(t, err)
		require.Zero(t, a.ErrNo)
		l = l.Merge(a.Data)
	}
	return l
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, calendar.Location())
}

// fixture is a Guizhou company filing its Douyin mini-program; the app
// principal carries only what app_info carries (the face verification
// brings the rest), so the fixture survives the round trip.
func fixture() douyin.Input {
	zhang := filing.Person{Name: "张伟", CertType: filing.CertResidentID, CertNumber: "52010219800101123X",
		Mobile: "13800138000", Email: "zhangwei@example.com", EmergencyPhone: "13900139000",
		CertValidity: filing.Validity{Start: day(2024, 1, 1), End: day(2044, 1, 1)}}
	return douyin.Input{
		Filing: &filing.Filing{
			Subject: filing.Subject{
				Province: "52", Name: "贵州星辰科技有限公司", Nature: filing.NatureEnterprise,
				CertType: filing.CertBusinessLicence, CertNumber: "91520000214434146R",
				CertAddress: "贵州省贵阳市观山湖区长岭北路1号", Address: "贵州省贵阳市观山湖区长岭北路1号",
				Principal: zhang, LegalRepresentative: "张伟",
			},
			Apps: []filing.App{{
				Kind:       filing.AppKindMiniProgram,
				Host:       filing.HostDouyin,
				Categories: []string{"记账"},
				Service: filing.Service{
					ServiceContent: "为个人用户提供日常收支记账和账单统计服务。",
					Principal:      filing.Person{Mobile: "13700137000", Email: "lina@example.cn", EmergencyPhone: "13600136000"},
				},
			}},
		},
		Region:                 platform.Region{Province: "520000", City: "520100", District: "520115"},
		Languages:              []int{1},
		FacialRecognitionToken: "frt-7Qm2",
		Media: douyin.Media{
			CredentialsPic: "tos-cert", PrincipalFront: "tos-zw-front", PrincipalBack: "tos-zw-back",
			CorpCommitment: []string{"tos-commitment"}, AppAuthorityLetter: []string{"tos-ln-letter"},
		},
	}
}

// TestR95_DouyinPrepareGolden: the fixture's payload is the golden request
// written from submit_record_info's example (testdata/SOURCE.md).
func TestR95_DouyinPrepareGolden(t *testing.T) {
	p, err := douyin.Prepare(fixture(), lists(t))
	require.NoError(t, err)
	b, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	b = append(b, '\n')
	path := filepath.Join("testdata", "record_info.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(path, b, 0o644))
	}
	assert.Equal(t, string(read(t, "record_info.golden.json")), string(b))

	c := p.CorpInfo
	assert.Equal(t, 4, c.CorpType)
	assert.Equal(t, 1, c.CredentialsType)
	assert.Equal(t, 2, c.InchargePeopleCredentialsType)
	assert.Equal(t, [6]string{"520000", "贵州省", "520100", "贵阳市", "520115", "观山湖区"},
		[6]string{c.ProvinceCode, c.ProvinceName, c.CityCode, c.CityName, c.RegionCode, c.RegionName})
	assert.True(t, c.InchargePeopleCredentialsHasEndTime)
	assert.Equal(t, int64(1704038400), c.InchargePeopleCredentialsValidStartTime, "2024-01-01 in China, as the published example")
	assert.False(t, p.AppInfo.InvolvePreApproval, "explicit false")
	assert.Contains(t, string(b), `"involve_pre_approval": false`)
	assert.Equal(t, []int{5}, p.AppInfo.ServiceContentTypeList)
}

// TestR95_DouyinRoundTrip: model → payload → bytes → payload → model.
func TestR95_DouyinRoundTrip(t *testing.T) {
	l := lists(t)
	for name, edit := range map[string]func(*douyin.Input){
		"enterprise": func(*douyin.Input) {},
		"长期 certificate": func(in *douyin.Input) {
			in.Filing.Subject.Principal.CertValidity = filing.Validity{Start: day(2019, 1, 2), LongTerm: true}
		},
		"principal not the legal representative": func(in *douyin.Input) {
			in.Filing.Subject.LegalRepresentative = "" // the payload names none: only the letter
			in.Filing.Subject.AuthorisationLetter = true
			in.Media.CorpAuthorityLetter = []string{"tos-zw-letter"}
		},
		"pre-approvals": func(in *douyin.Input) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"publishing"}
			in.Filing.Apps[0].PreApprovals = []filing.PreApproval{{Category: "publishing", Number: "5678"}}
			in.Media.PreApprovals = map[filing.PreApprovalCategory][]string{"publishing": {"tos-pub-1", "tos-pub-2"}}
		},
		"remarks and other materials": func(in *douyin.Input) {
			in.Filing.Subject.Remarks = "备注"
			in.Media.CorpOtherMaterials = []string{"tos-other"}
			in.Media.AppOtherMaterials = []string{"tos-app-other"}
		},
	} {
		t.Run(name, func(t *testing.T) {
			in := fixture()
			edit(&in)
			p, err := douyin.Prepare(in, l)
			require.NoError(t, err)
			b, err := json.Marshal(p)
			require.NoError(t, err)
			p2, err := douyin.DecodeRecordInfo(b)
			require.NoError(t, err)
			back, err := douyin.ToModel(p2, l)
			require.NoError(t, err)
			assert.Equal(t, in, back)
		})
	}
}

func codes(err error) []string {
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path+" "+string(p.Code))
	}
	return out
}

// TestR95_DouyinRules: Douyin's own rules at the SDK's paths.
func TestR95_DouyinRules(t *testing.T) {
	l := lists(t)
	for _, tc := range []struct {
		name string
		edit func(*douyin.Input)
		want []string
	}{
		{"pre-approval without files", func(in *douyin.Input) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"education"}
			in.Filing.Apps[0].PreApprovals = []filing.PreApproval{{Category: "education", Number: "黔教审001"}}
		}, []string{"apps[0].pre_approvals platform.preapproval_number_missing"}},
		{"pre-approval the platform does not list", func(in *douyin.Input) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"news"}
		}, []string{"apps[0].involves platform.type_unmapped"}},
		{"six service types", func(in *douyin.Input) {
			in.Filing.Apps[0].Categories = []string{"记账", "效率", "生活缴费", "记账", "效率", "生活缴费"}
		}, []string{"apps[0].categories platform.service_types_max"}},
		{"first-level service type", func(in *douyin.Input) { in.Filing.Apps[0].Categories = []string{"生活服务"} },
			[]string{"apps[0].categories platform.service_type_not_second_level"}},
		{"validity missing", func(in *douyin.Input) { in.Filing.Subject.Principal.CertValidity = filing.Validity{} },
			[]string{"subject.principal.cert_validity platform.validity_missing"}},
		{"no emergency phone", func(in *douyin.Input) { in.Filing.Subject.Principal.EmergencyPhone = "" },
			[]string{"subject.principal.emergency_phone platform.material_missing"}},
		{"principal not the legal representative, no letter", func(in *douyin.Input) {
			in.Filing.Subject.LegalRepresentative = "王芳"
		}, []string{"media.corp_authority_letter platform.material_missing"}},
		{"no face verification", func(in *douyin.Input) { in.FacialRecognitionToken = "" },
			[]string{"facial_recognition_token platform.material_missing"}},
		{"district outside the city", func(in *douyin.Input) { in.Region.District = "110101" },
			[]string{"region.district platform.region_mismatch"}},
		{"no language", func(in *douyin.Input) { in.Languages = nil },
			[]string{"languages platform.type_unmapped"}},
		{"a WeChat mini-program", func(in *douyin.Input) { in.Filing.Apps[0].Host = filing.HostWeChat },
			[]string{"apps[0].host platform.not_mini_program"}},
		{"a nature the platform does not list", func(in *douyin.Input) { in.Filing.Subject.Nature = filing.NatureGovernment },
			[]string{"subject.nature platform.type_unmapped", "subject.cert_type platform.type_unmapped"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fixture()
			tc.edit(&in)
			p, err := douyin.Prepare(in, l)
			require.NotNil(t, p)
			assert.Equal(t, tc.want, codes(err))
		})
	}
}

// TestR95_DouyinToModelRules: the rules checked on a payload.
func TestR95_DouyinToModelRules(t *testing.T) {
	l := lists(t)
	for _, tc := range []struct {
		name string
		edit func(*douyin.RecordInfo)
		want []string
	}{
		{"involve_pre_approval true with no item", func(p *douyin.RecordInfo) { p.AppInfo.InvolvePreApproval = true },
			[]string{"apps[0].involves platform.preapproval_none_missing"}},
		{"items but involve_pre_approval false", func(p *douyin.RecordInfo) {
			p.AppInfo.PreApprovalList = []douyin.PreApproval{{PreApprovalItemID: 2, PreApprovalNumber: "1", PreApprovalFiles: []douyin.Material{{Path: "x"}}}}
		}, []string{"apps[0].involves platform.preapproval_none_missing"}},
		{"duplicate item", func(p *douyin.RecordInfo) {
			it := douyin.PreApproval{PreApprovalItemID: 2, PreApprovalNumber: "1", PreApprovalFiles: []douyin.Material{{Path: "x"}}}
			p.AppInfo.InvolvePreApproval, p.AppInfo.PreApprovalList = true, []douyin.PreApproval{it, it}
		}, []string{"apps[0].involves platform.preapproval_duplicate"}},
		{"end before start", func(p *douyin.RecordInfo) { p.CorpInfo.InchargePeopleCredentialsValidEndTime = 1 },
			[]string{"subject.principal.cert_validity platform.validity_format"}},
		{"no start", func(p *douyin.RecordInfo) { p.CorpInfo.InchargePeopleCredentialsValidStartTime = 0 },
			[]string{"subject.principal.cert_validity platform.validity_missing"}},
		{"unknown service type", func(p *douyin.RecordInfo) { p.AppInfo.ServiceContentTypeList = []int{42} },
			[]string{"apps[0].categories platform.service_type_unknown"}},
		{"unknown corp type", func(p *douyin.RecordInfo) { p.CorpInfo.CorpType = 9 },
			[]string{"subject.nature platform.type_unmapped", "subject.cert_type platform.type_unmapped"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := douyin.Prepare(fixture(), l)
			require.NoError(t, err)
			tc.edit(p)
			_, err = douyin.ToModel(p, l)
			assert.Equal(t, tc.want, codes(err))
		})
	}
}

// TestR95_DouyinStatus: the rejection reasons are kept and reported; the
// status maps through the caller's table; unknown keys are kept.
func TestR95_DouyinStatus(t *testing.T) {
	a, err := douyin.DecodeStatus(read(t, "status_rejected.json"))
	require.NoError(t, err)
	var got []string
	for _, p := range a.Problems() {
		got = append(got, string(p.Code)+" "+p.Zh)
	}
	assert.Equal(t, []string{
		"platform.rejected_unplaced 平台驳回（字段“备案”无法对应到备案信息）：主体负责人证件照片不清晰，请重新上传",
		"platform.rejected_unplaced 平台驳回（字段“备案”无法对应到备案信息）：小程序备注未描述实际经营内容",
		"platform.unknown_key 平台答复中有未知字段“data.audit_time”，已原样保留，请核对",
	}, got)
	table := map[int]filing.Status{3: filing.StatusDraft}
	st, ok := a.Status(table)
	assert.True(t, ok)
	assert.Equal(t, filing.StatusDraft, st)
	_, ok = a.Status(nil)
	assert.False(t, ok)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, string(read(t, "status_rejected.json")), string(b))

	ans, err := douyin.DecodeAnswer([]byte(`{"err_no":9998,"err_msg":"请求参数错误","log_id":"x"}`))
	require.NoError(t, err)
	require.Len(t, ans.Problems(), 1)
	assert.Equal(t, "平台返回错误9998：请求参数错误", ans.Problems()[0].Zh)
	f, err := douyin.DecodeFacial([]byte(`{"err_no":0,"err_msg":"","log_id":"x","data":{"facial_recognition_token":"frt","facial_recognition_url":"https://example.com"}}`))
	require.NoError(t, err)
	assert.Equal(t, "frt", f.Data.FacialRecognitionToken)
}

// TestR95_DouyinUnknownKeysKept: unknown keys at any depth survive and are
// reported by ToModel, without their values.
func TestR95_DouyinUnknownKeysKept(t *testing.T) {
	var m map[string]any
	require.NoError(t, json.Unmarshal(read(t, "record_info.golden.json"), &m))
	m["corp_info"].(map[string]any)["credentials_pic"].(map[string]any)["width"] = 800
	m["app_info"].(map[string]any)["app_name"] = "星辰记账"
	in, _ := json.Marshal(m)
	p, err := douyin.DecodeRecordInfo(in)
	require.NoError(t, err)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(in), string(out))
	_, err = douyin.ToModel(p, lists(t))
	assert.Equal(t, []string{" platform.unknown_key", " platform.unknown_key"}, codes(err))
	assert.ErrorContains(t, err, "corp_info.credentials_pic.width")
	assert.NotContains(t, err.Error(), "星辰记账")
}

// TestR95_DouyinEveryFieldMapped: every field of the request has a row,
// mapped or deliberately unmapped, and the package doc lists it.
func TestR95_DouyinEveryFieldMapped(t *testing.T) {
	declared := object.DeclaredPaths(reflect.TypeFor[douyin.RecordInfo]())
	require.Len(t, declared, 41, "the request's field count (update data/fields.json with the table)")
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, r := range douyin.Fields().Rows {
		seen[r.Payload] = true
		assert.Contains(t, declared, r.Payload)
		assert.True(t, strings.Contains(string(doc), "//   - "+r.Payload+" ") || strings.Contains(string(doc), "//   - "+r.Payload+": "), "doc.go does not list %s", r.Payload)
	}
	for _, p := range declared {
		assert.True(t, seen[p], "payload field %s is neither mapped nor listed as unmapped", p)
	}
}

func TestR95_DouyinPrepareMisuse(t *testing.T) {
	_, err := douyin.Prepare(douyin.Input{}, douyin.Lists{})
	assert.ErrorIs(t, err, filing.CodeFilingNil)
	in := fixture()
	in.App = -1
	_, err = douyin.Prepare(in, douyin.Lists{})
	assert.ErrorIs(t, err, platform.CodeAppMissing)
	_, err = douyin.ToModel(nil, douyin.Lists{})
	assert.ErrorIs(t, err, filing.CodeFilingNil)
	_, err = douyin.DecodeStatus([]byte(`{"data":{"status":"1"}}`))
	assert.ErrorIs(t, err, platform.CodeAnswerInvalid)
}
