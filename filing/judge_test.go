package filing

import (
	"fmt"
	"testing"
)

func TestR05_JudgeKind(t *testing.T) {
	tests := []struct {
		name   string
		nature Nature
		want   Kind
		basis  string
	}{
		// The name decides first.
		{"贵州星辰科技有限公司", NatureIndividual, KindOrganisation, "name"},
		{"北京百度网讯科技有限公司", "", KindOrganisation, "name"},
		{"阿里巴巴集团", NatureEnterprise, KindOrganisation, "name"},
		{"贵阳市数据中心", NatureInstitution, KindOrganisation, "name"},
		{"中国软件行业协会", NatureSocialGroup, KindOrganisation, "name"},
		{"贵阳市第一中学", "", KindOrganisation, "name"},
		{"贵州省人民医院", "", KindOrganisation, "name"},
		{"贵阳市公安局", "", KindOrganisation, "name"},
		{"国家发展和改革委员会", "", KindOrganisation, "name"},
		{"中国科学院软件研究所", "", KindOrganisation, "name"},
		{"北京金杜律师事务所", Nature("law_firm"), KindOrganisation, "name"},
		{"小明设计工作室", NatureIndividual, KindOrganisation, "name"},
		{"老王烧烤店", "", KindOrganisation, "name"},
		{"红星农机厂", "", KindOrganisation, "name"},
		{"丰收农民专业合作社", "", KindOrganisation, "name"},
		{"张三（个体工商户）", NatureIndividual, KindOrganisation, "name"},
		{"Tencent Technology Co., Ltd.", "", KindOrganisation, "name"},
		{"Example LLC", "", KindOrganisation, "name"},
		{"王小明", NatureEnterprise, KindIndividual, "name"},
		{"张伟", "", KindIndividual, "name"},
		{"欧阳娜娜", NatureIndividual, KindIndividual, "name"},
		{" 张　伟 ", "", KindIndividual, "name"}, // full-width space inside the name
		{"阿依古丽·买买提", "", KindIndividual, "name"},
		{"约翰・史密斯", "", KindIndividual, "name"}, // katakana middle dot
		{"ＡＢＣ", NatureIndividual, KindIndividual, "nature"},
		// Inconclusive names: the nature decides.
		{"星辰", "", KindUnknown, ""}, // 星 is no surname: a brand, the nature decides
		{"星辰", NatureEnterprise, KindOrganisation, "nature"},
		// R-05 from data: a surname and one or two characters is not an
		// organisation by one trailing character; the nature decides.
		{"刘建社", NatureIndividual, KindIndividual, "nature"},
		{"刘建社", "", KindUnknown, ""},
		{"王秀会", NatureIndividual, KindIndividual, "nature"},
		{"陈金台", NatureIndividual, KindIndividual, "nature"},
		{"欧阳建社", NatureIndividual, KindIndividual, "nature"},
		// Short organisation names without a word marker, by their suffix.
		{"海关总署", NatureIndividual, KindOrganisation, "name"},
		{"审计署", NatureIndividual, KindOrganisation, "name"},
		{"外交部", "", KindOrganisation, "name"},
		{"新华通讯社", "", KindOrganisation, "name"},
		{"星辰网络工作", NatureEnterprise, KindOrganisation, "nature"},
		{"John Smith", NatureIndividual, KindIndividual, "nature"},
		{"John Smith", NatureEnterprise, KindOrganisation, "nature"},
		{"某某某某某", NatureGovernment, KindOrganisation, "nature"},
		{"", NatureIndividual, KindIndividual, "nature"},
		{"", "", KindUnknown, ""},
		{"·张三", "", KindUnknown, ""},
		{"张", NatureIndividual, KindIndividual, "nature"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+string(tt.nature), func(t *testing.T) {
			j := Judge(tt.name, tt.nature)
			if j.Kind != tt.want || j.Basis != tt.basis {
				t.Errorf("Judge(%q, %q) = %s by %q, want %s by %q (%v)", tt.name, tt.nature, j.Kind, j.Basis, tt.want, tt.basis, j.Reasons)
			}
			if JudgeKind(tt.name, tt.nature) != j.Kind {
				t.Error("JudgeKind disagrees with Judge")
			}
			if len(j.Reasons) == 0 {
				t.Error("no reasons")
			}
		})
	}
}

func TestR05_JudgeReasons(t *testing.T) {
	j := Judge("张三（个体工商户）", NatureEnterprise)
	if j.Marker != "个体工商户" || len(j.Reasons) != 2 || j.Reasons[1].Zh != "个体工商户按企业备案" {
		t.Errorf("got %+v", j)
	}
	j = Judge("星辰网络工作", NatureEnterprise)
	if len(j.Reasons) != 2 || j.Reasons[1].Zh != "主办单位性质为“企业”，判定为单位" {
		t.Errorf("got %+v", j)
	}
}

func ExampleJudgeKind() {
	fmt.Println(JudgeKind("贵州星辰科技有限公司", NatureIndividual)) // the name decides first
	fmt.Println(JudgeKind("王小明", ""))
	fmt.Println(JudgeKind("John Smith", NatureEnterprise)) // name inconclusive: the nature decides
	for _, r := range Judge("张三（个体工商户）", NatureEnterprise).Reasons {
		fmt.Println(r.Zh)
	}
	// Output:
	// organisation
	// individual
	// organisation
	// 主办单位名称含有单位标识“个体工商户”，判定为单位
	// 个体工商户按企业备案
}
