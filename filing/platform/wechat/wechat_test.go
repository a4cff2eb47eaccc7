package wechat_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/wechat"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readList decodes one of the platform's list answers in testdata.
func readList(t testing.TB, name string) []wechat.ListItem {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	a, err := wechat.DecodeList(b)
	require.NoError(t, err)
	require.Zero(t, a.Errcode)
	return a.Items
}

func lists(t testing.TB) wechat.Lists {
	return wechat.Lists{
		SubjectTypes:        readList(t, "list_subject_types.json"),
		CertificateTypes:    readList(t, "list_certificate_types.json"),
		ServiceContentTypes: readList(t, "list_service_content_types.json"),
		NrlxTypes:           readList(t, "list_nrlx_types.json"),
		Districts:           readList(t, "list_districts.json"),
	}
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, calendar.Location())
}

// fixture is a Guizhou company filing its WeChat mini-program; every field
// it sets is one the payload carries, so it survives the round trip.
func fixture() wechat.Input {
	zhang := filing.Person{Name: "张伟", CertType: filing.CertResidentID, CertNumber: "52010219800101123X",
		Mobile: "13800138000", Email: "zhangwei@example.com", EmergencyPhone: "13900139000",
		CertValidity: filing.Validity{Start: day(2020, 5, 6), End: day(2040, 5, 6)}}
	li := filing.Person{Name: "李娜", CertType: filing.CertResidentID, CertNumber: "520103199002152468",
		Mobile: "13700137000", Email: "lina@example.cn", EmergencyPhone: "13600136000",
		CertValidity: filing.Validity{Start: day(2019, 1, 2), LongTerm: true}}
	return wechat.Input{
		Filing: &filing.Filing{
			Subject: filing.Subject{
				Province: "52", Name: "贵州星辰科技有限公司", Nature: filing.NatureEnterprise,
				CertType: filing.CertBusinessLicence, CertNumber: "91520000214434146R",
				CertAddress: "贵州省贵阳市观山湖区长岭北路1号", Address: "长岭北路1号",
				Principal: zhang, LegalRepresentative: "张伟",
			},
			Apps: []filing.App{{
				Kind:      filing.AppKindMiniProgram,
				Host:      filing.HostWeChat,
				HostAppID: "wx5a6c601ca97c8443",
				Service: filing.Service{
					Name:           "星辰记账助手",
					ServiceContent: "为个人用户提供日常收支记账、账单分类统计和月度预算提醒服务，不涉及支付与金融业务。",
					Principal:      li,
				},
				Categories: []string{"记账", "效率"},
			}},
		},
		Region:       platform.Region{Province: "520000", City: "520100", District: "520115"},
		VerifyTaskID: "R5bK2mQvUe8n",
		Media: wechat.Media{
			CertificatePhoto: "media-cert", PrincipalFront: "media-zw-front", PrincipalBack: "media-zw-back",
			AppPrincipalFront: "media-ln-front", AppPrincipalBack: "media-ln-back",
			AppPrincipalAuthorization: "media-ln-letter",
		},
		Materials: wechat.Materials{CommitmentLetter: []string{"media-commitment"}},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

// TestR95_WeChatPrepareGolden: the fixture's payload is the golden request
// written from applyIcpFiling's table (testdata/SOURCE.md).
func TestR95_WeChatPrepareGolden(t *testing.T) {
	p, err := wechat.Prepare(fixture(), lists(t))
	require.NoError(t, err)
	b, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	golden(t, "apply_request.golden.json", append(b, '\n'))

	// The facts the golden file must hold, one by one, so that a
	// regenerated file cannot hide a wrong mapping.
	assert.Equal(t, 4, p.IcpSubject.BaseInfo.Type, "企业 from the subject types list")
	assert.Equal(t, 1, p.IcpSubject.OrganizeInfo.CertificateType, "工商营业执照 is the list's 营业执照（个人或企业）")
	assert.Equal(t, 2, p.IcpSubject.PrincipalInfo.CertificateType)
	assert.Equal(t, []int{5, 6}, p.IcpApplets.BaseInfo.ServiceContentTypes)
	assert.Equal(t, []wechat.NrlxDetail{{Type: 24}}, p.IcpApplets.BaseInfo.NrlxDetails, "以上都不涉及, explicit")
	assert.Equal(t, "20200506", p.IcpSubject.PrincipalInfo.CertificateValidityDateStart)
	assert.Equal(t, "20400506", p.IcpSubject.PrincipalInfo.CertificateValidityDateEnd)
	assert.Equal(t, "长期", p.IcpApplets.PrincipalInfo.CertificateValidityDateEnd)
	assert.Nil(t, p.IcpSubject.LegalPersonInfo, "the principal is the legal representative")
	assert.Empty(t, p.IcpSubject.PrincipalInfo.VerifyTaskID, "the subject's principal does not verify by face")
	assert.Equal(t, "R5bK2mQvUe8n", p.IcpApplets.PrincipalInfo.VerifyTaskID)
}

// TestR95_WeChatRoundTrip: model → payload → bytes → payload → model gives
// the model back, for every mapped field.
func TestR95_WeChatRoundTrip(t *testing.T) {
	l := lists(t)
	for name, edit := range map[string]func(*wechat.Input){
		"enterprise": func(*wechat.Input) {},
		"principal not the legal representative": func(in *wechat.Input) {
			in.Filing.Subject.LegalRepresentative = "王芳"
			in.LegalPersonCertNumber = "520102197503034321"
			in.Media.PrincipalAuthorization = "media-zw-letter"
			in.Filing.Subject.AuthorisationLetter = true
		},
		"pre-approvals": func(in *wechat.Input) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"publishing", "education"}
			in.Filing.Apps[0].PreApprovals = []filing.PreApproval{
				{Category: "publishing", Number: "新出网证（黔）字001号"}, {Category: "education", Number: "黔教审〔2026〕12号"}}
			in.Media.PreApprovals = map[filing.PreApprovalCategory]string{"publishing": "media-pub", "education": "media-edu"}
		},
		"individual with residence proof": func(in *wechat.Input) {
			s := &in.Filing.Subject
			s.Nature, s.Name, s.CertType, s.CertNumber = filing.NatureIndividual, "张伟", filing.CertResidentID, s.Principal.CertNumber
			s.LegalRepresentative, s.ResidencePermit = "", true
			in.Media.ResidencePermit = "media-residence"
			in.Media.CertificatePhoto = ""
		},
		"subject remark": func(in *wechat.Input) {
			in.Filing.Subject.Remarks = "主体信息如实填写"
		},
	} {
		t.Run(name, func(t *testing.T) {
			in := fixture()
			edit(&in)
			p, err := wechat.Prepare(in, l)
			require.NoError(t, err)
			b, err := json.Marshal(p)
			require.NoError(t, err)
			p2, err := wechat.DecodeApply(b)
			require.NoError(t, err)
			back, err := wechat.ToModel(p2, l)
			require.NoError(t, err)
			assert.Equal(t, in, back)
		})
	}
}

// TestR95_WeChatGoldenDecodes: the golden request decodes to the fixture.
func TestR95_WeChatGoldenDecodes(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "apply_request.golden.json"))
	require.NoError(t, err)
	p, err := wechat.DecodeApply(b)
	require.NoError(t, err)
	back, err := wechat.ToModel(p, lists(t))
	require.NoError(t, err)
	assert.Equal(t, fixture(), back)
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

// TestR95_WeChatRules: the platform's own rules, each reported at the SDK
// path the user typed, with a Chinese message.
func TestR95_WeChatRules(t *testing.T) {
	l := lists(t)
	cases := []struct {
		name string
		edit func(*wechat.Input, *wechat.Lists)
		want []string
	}{
		{"six service types", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Categories = []string{"记账", "效率", "图片", "天气", "生活缴费", "家政"}
		}, []string{"apps[0].categories platform.service_types_max"}},
		{"first-level service type", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Categories = []string{"工具"}
		}, []string{"apps[0].categories platform.service_type_not_second_level"}},
		{"service type not in the list", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Categories = []string{"记账", "区块链"}
		}, []string{"apps[0].categories platform.service_type_unknown"}},
		{"no service type", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Categories = nil
		}, []string{"apps[0].categories platform.service_types_missing"}},
		{"no 以上都不涉及 in the list", func(_ *wechat.Input, l *wechat.Lists) {
			l.NrlxTypes = l.NrlxTypes[:4]
		}, []string{"apps[0].involves platform.preapproval_none_missing"}},
		{"duplicate pre-approval", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"news", "news"}
			in.Filing.Apps[0].PreApprovals = []filing.PreApproval{{Category: "news", Number: "国新网1234"}}
			in.Media.PreApprovals = map[filing.PreApprovalCategory]string{"news": "m"}
		}, []string{"apps[0].involves platform.preapproval_duplicate"}},
		{"pre-approval without number", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"news"}
		}, []string{"apps[0].pre_approvals platform.preapproval_number_missing"}},
		{"pre-approval the platform does not list", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Involves = []filing.PreApprovalCategory{"ride_hailing"}
		}, []string{"apps[0].involves platform.type_unmapped"}},
		{"remark of 19 characters", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].ServiceContent = strings.Repeat("记", 19)
		}, []string{"apps[0].service_content platform.remark_length"}},
		{"remark of 201 characters", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].ServiceContent = strings.Repeat("账", 201)
		}, []string{"apps[0].service_content platform.remark_length"}},
		{"remark of 20 full-width characters is fine", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].ServiceContent = strings.Repeat("Ａ", 20)
		}, nil},
		{"remark of 200 characters is fine", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].ServiceContent = strings.Repeat("账", 200)
		}, nil},
		{"principal not the legal representative, no legal person", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Subject.LegalRepresentative = "王芳"
		}, []string{"legal_person_cert_number platform.legal_person_missing", "media.principal_authorization platform.material_missing"}},
		{"validity missing", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Principal.CertValidity = filing.Validity{Start: day(2019, 1, 2)}
		}, []string{"apps[0].principal.cert_validity platform.validity_missing"}},
		{"city outside the province", func(in *wechat.Input, _ *wechat.Lists) {
			in.Region.City = "110100"
		}, []string{"region.city platform.region_mismatch"}},
		{"region of another province than the subject's", func(in *wechat.Input, _ *wechat.Lists) {
			in.Region = platform.Region{Province: "110000", City: "110100", District: "110105"}
		}, []string{"region.province platform.region_mismatch"}},
		{"district code prefixes, without the platform's list", func(in *wechat.Input, l *wechat.Lists) {
			l.Districts = nil
			in.Region.District = "520302"
		}, []string{"region.district platform.region_mismatch"}},
		{"region missing", func(in *wechat.Input, _ *wechat.Lists) {
			in.Region = platform.Region{}
		}, []string{"region platform.region_missing"}},
		{"an app, not a mini-program", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Kind, in.Filing.Apps[0].Host = filing.AppKindApp, ""
		}, []string{"apps[0].host platform.not_mini_program"}},
		{"a Douyin mini-program", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Apps[0].Host = filing.HostDouyin
		}, []string{"apps[0].host platform.not_mini_program"}},
		{"no certificate photo", func(in *wechat.Input, _ *wechat.Lists) {
			in.Media.CertificatePhoto = ""
		}, []string{"media.certificate_photo platform.material_missing"}},
		{"two commitment letters, eleven other materials", func(in *wechat.Input, _ *wechat.Lists) {
			in.Materials.CommitmentLetter = []string{"a", "b"}
			in.Materials.SubjectOtherMaterials = make([]string, 11)
			in.Materials.AppletsOtherMaterials = make([]string, 10)
		}, []string{"materials.commitment_letter platform.material_too_many", "materials.subject_other_materials platform.material_too_many"}},
		{"individual from another province without residence proof", func(in *wechat.Input, _ *wechat.Lists) {
			s := &in.Filing.Subject
			s.Nature, s.Name, s.CertType, s.CertNumber = filing.NatureIndividual, "张伟", filing.CertResidentID, s.Principal.CertNumber
			s.LegalRepresentative, s.ResidencePermit = "", true
		}, []string{"media.residence_permit platform.material_missing"}},
		{"no face verification", func(in *wechat.Input, _ *wechat.Lists) {
			in.VerifyTaskID = ""
		}, []string{"verify_task_id platform.material_missing"}},
		{"subject type the platform does not list", func(in *wechat.Input, _ *wechat.Lists) {
			in.Filing.Subject.Nature = filing.NatureSocialGroup
		}, []string{"subject.nature platform.type_unmapped"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, ll := fixture(), l
			ll.NrlxTypes = append([]wechat.ListItem(nil), l.NrlxTypes...)
			tc.edit(&in, &ll)
			p, err := wechat.Prepare(in, ll)
			require.NotNil(t, p)
			assert.Equal(t, tc.want, codes(err))
			var ve *filing.ValidationError
			if errors.As(err, &ve) {
				for _, pr := range ve.Problems {
					assert.Equal(t, "R-95", pr.Rule)
					assert.Regexp(t, `\p{Han}`, pr.Zh)
				}
			}
		})
	}
}

// TestR95_WeChatAddressWithoutRegion: the address is sent without its
// leading province, city and district, as the platform's table asks.
func TestR95_WeChatAddressWithoutRegion(t *testing.T) {
	in := fixture()
	in.Filing.Subject.Address = "贵州省贵阳市观山湖区长岭北路1号"
	p, err := wechat.Prepare(in, lists(t))
	require.NoError(t, err)
	assert.Equal(t, "长岭北路1号", p.IcpSubject.BaseInfo.Address)
}

func TestR95_WeChatPrepareMisuse(t *testing.T) {
	_, err := wechat.Prepare(wechat.Input{}, wechat.Lists{})
	assert.ErrorIs(t, err, filing.CodeFilingNil)
	in := fixture()
	in.App = 3
	_, err = wechat.Prepare(in, wechat.Lists{})
	assert.ErrorIs(t, err, platform.CodeAppMissing)
	_, err = wechat.ToModel(nil, wechat.Lists{})
	assert.ErrorIs(t, err, filing.CodeFilingNil)
}
