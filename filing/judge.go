package filing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the judged kind of a filing subject: an individual or an
// organisation.
type Kind string

// Kinds of subject.
const (
	KindUnknown      Kind = "unknown"      // neither the name nor the nature decides
	KindIndividual   Kind = "individual"   // 个人
	KindOrganisation Kind = "organisation" // 单位 (enterprise, government, institution, ...)
)

// Judgement is the outcome of Judge with the reasons behind it.
type Judgement struct {
	// Kind is the judged kind.
	Kind Kind `json:"kind"`
	// Basis is what decided: "name", "nature", or "" when neither did.
	Basis string `json:"basis,omitempty"`
	// Marker is the organisation marker found in the name ("有限公司",
	// "个体工商户"), if any.
	Marker string `json:"marker,omitempty"`
	// Reasons explain the judgement step by step.
	Reasons []Reason `json:"reasons"`
}

// Reason is one step of a Judgement, in Chinese and English.
type Reason struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// orgMarkers are words that mark an organisation anywhere in a sponsor name.
// Longer markers come first so that the reported marker is the most telling
// one ("有限公司" rather than "公司"). 个体工商户 files as 企业, as the
// provincial bureaus answer it (Anhui, Zhejiang).
var orgMarkers = []string{
	"个体工商户", "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "有限", "集团",
	"委员会", "研究院", "研究所", "研究中心", "事务所", "工作室", "合作社", "联合会", "基金会",
	"协会", "学会", "商会", "中心", "学校", "大学", "学院", "中学", "小学", "幼儿园", "医院",
	"诊所", "卫生院", "卫生室", "政府", "办公室", "办事处", "管理处", "经营部",
	"服务部", "门市部", "商行", "商店", "超市", "酒店", "宾馆", "饭店", "餐厅", "俱乐部",
	"机构", "组织", "银行", "支行", "分行", "工厂", "网络科技", "科技", "传媒",
}

// orgSuffixes are single characters that mark an organisation when they end
// a name of three or more characters ("税务局", "民政厅", "张三店"): on their
// own they are too common in personal names to count anywhere else.
var orgSuffixes = []string{"局", "厅", "院", "所", "社", "馆", "部", "站", "店", "厂", "会", "处", "队", "团", "校", "委", "台", "报"}

// orgMarkersLatin are organisation markers of names written in Latin letters
// (matched as whole words, case-insensitively).
var orgMarkersLatin = []string{"co", "co.", "ltd", "ltd.", "limited", "inc", "inc.", "llc", "corp", "corp.", "corporation", "company", "group", "gmbh", "university", "college", "school", "association", "foundation", "institute", "studio", "center", "centre", "hospital"}

// JudgeKind judges whether a subject is an individual or an organisation
// (R-05, 河南省通信管理局 备案业务表格 须知2: "首先为…主办单位名称，其次为…主办单位性质"): first by
// the sponsor name, then, when the name is inconclusive, by the nature.
// See Judge for the reasons.
func JudgeKind(name string, nature Nature) Kind { return Judge(name, nature).Kind }

// Judge is JudgeKind with its reasons.
//
// The name decides when it carries an organisation marker (公司, 有限, 集团,
// 中心, 协会, 学校, 医院, 委员会, 研究院, 事务所, 工作室, 合作社, 个体工商户,
// ...; a name of three or more characters ending in 局, 厅, 院, 所, 店, 厂,
// ...; Co., Ltd., Inc., LLC, ... in Latin names) → organisation; or when it
// is a plausible personal name → individual: two to four Han characters, or
// Han names joined by a middle dot ("阿依古丽·买买提", "约翰·史密斯"). A 个体工商户
// files as an enterprise, so its marker judges organisation. Anything else
// (a brand without a marker, a Latin name) is inconclusive and the nature
// decides: 个人 → individual, any other known nature → organisation, an
// unknown nature → unknown.
func Judge(name string, nature Nature) Judgement {
	var j Judgement
	n := NormalizeText(name)
	switch k, marker := judgeName(n); k {
	case KindOrganisation:
		j.Kind, j.Basis, j.Marker = k, "name", marker
		j.Reasons = append(j.Reasons, Reason{
			Zh: "主办单位名称含有单位标识“" + marker + "”，判定为单位",
			En: "the sponsor name carries the organisation marker " + marker,
		})
		if marker == "个体工商户" {
			j.Reasons = append(j.Reasons, Reason{
				Zh: "个体工商户按企业备案",
				En: "an individually-owned business (个体工商户) files as an enterprise",
			})
		}
		return j
	case KindIndividual:
		j.Kind, j.Basis = k, "name"
		j.Reasons = append(j.Reasons, Reason{
			Zh: "主办单位名称为个人姓名，判定为个人",
			En: "the sponsor name is a personal name",
		})
		return j
	}
	j.Reasons = append(j.Reasons, Reason{
		Zh: "主办单位名称无法判定个人或单位，依据主办单位性质判定",
		En: "the sponsor name is inconclusive; the nature decides",
	})
	info, ok := nature.Info()
	switch {
	case !ok:
		j.Kind = KindUnknown
		j.Reasons = append(j.Reasons, Reason{Zh: "主办单位性质未知，无法判定", En: "the nature is unknown"})
	case info.Individual:
		j.Kind, j.Basis = KindIndividual, "nature"
		j.Reasons = append(j.Reasons, Reason{Zh: "主办单位性质为“个人”，判定为个人", En: "the nature is individual"})
	default:
		j.Kind, j.Basis = KindOrganisation, "nature"
		j.Reasons = append(j.Reasons, Reason{
			Zh: "主办单位性质为“" + info.Zh + "”，判定为单位",
			En: "the nature is " + info.En + ", an organisation",
		})
	}
	return j
}

// judgeName judges a normalised name alone. It returns KindUnknown when the
// name is inconclusive.
func judgeName(n string) (Kind, string) {
	if n == "" {
		return KindUnknown, ""
	}
	for _, m := range orgMarkers {
		if strings.Contains(n, m) {
			return KindOrganisation, m
		}
	}
	runes := utf8.RuneCountInString(n)
	if runes >= 3 {
		for _, s := range orgSuffixes {
			if strings.HasSuffix(n, s) {
				return KindOrganisation, s
			}
		}
	}
	if m := latinMarker(n); m != "" {
		return KindOrganisation, m
	}
	if personalName(n, runes) {
		return KindIndividual, ""
	}
	return KindUnknown, ""
}

// latinMarker returns the Latin organisation marker that is a word of n.
func latinMarker(n string) string {
	words := strings.FieldsFunc(strings.ToLower(n), func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')'
	})
	for _, w := range words {
		for _, m := range orgMarkersLatin {
			if w == m {
				return m
			}
		}
	}
	return ""
}

// isMiddleDot reports the separators written between the parts of a
// transliterated name.
func isMiddleDot(r rune) bool {
	switch r {
	case '·', '•', '・', '‧', '⋅', '･', '.':
		return true
	}
	return false
}

// personalName reports a plausible personal name: 2-4 Han characters, or
// Han parts of at least one character joined by middle dots (at most 30
// characters in all). Spaces typed between the characters ("张 伟") are
// ignored.
func personalName(n string, runes int) bool {
	dots, part := 0, 0
	for _, r := range n {
		switch {
		case r == ' ':
			runes--
		case unicode.Is(unicode.Han, r):
			part++
		case isMiddleDot(r):
			if part == 0 {
				return false
			}
			dots++
			part = 0
		default:
			return false
		}
	}
	if part == 0 {
		return false
	}
	if dots == 0 {
		return runes >= 2 && runes <= 4
	}
	return runes <= 30
}
