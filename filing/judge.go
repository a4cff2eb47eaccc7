package filing

import (
	_ "embed"
	"slices"
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

// The tables of the judgement are data/names.json: organisation words and
// suffixes from the organisational forms of 《企业名称登记管理规定》 and its
// implementing measures and from the names of government bodies, and the
// surnames of 《百家姓》 with the frequent ones of the national name report.
//
// orgMarkers are words that mark an organisation anywhere in a sponsor name,
// longest first ("有限公司" is reported rather than "公司"). orgSuffixes are
// single characters that mark an organisation when they end a name that is
// not personal-shaped ("审计署", "民政厅"). orgMarkersLatin are organisation
// markers of names written in Latin letters (whole words,
// case-insensitive). surnames and compoundSurnames are the surname table.
var orgMarkers, orgSuffixes, orgMarkersLatin, surnames, compoundSurnames = loadNames()

//go:embed data/names.json
var namesJSON []byte

// loadNames decodes data/names.json into the judgement's tables.
func loadNames() (orgMarkers, orgSuffixes, orgMarkersLatin []string, surnames map[rune]bool, compoundSurnames map[string]bool) {
	var d struct {
		Surnames struct {
			Single      string   `json:"single"`
			SingleAdded string   `json:"single_frequent_added"`
			Compound    []string `json:"compound"`
		} `json:"surnames"`
		OrgWords struct {
			Words []string `json:"words"`
		} `json:"org_words"`
		OrgSuffixes struct {
			Chars string `json:"chars"`
		} `json:"org_suffixes"`
		Latin struct {
			Words []string `json:"words"`
		} `json:"latin_markers"`
	}
	mustUnmarshal("names", namesJSON, &d)
	surnames, compoundSurnames = map[rune]bool{}, map[string]bool{}
	for _, r := range d.Surnames.Single + d.Surnames.SingleAdded {
		surnames[r] = true
	}
	for _, c := range d.Surnames.Compound {
		if utf8.RuneCountInString(c) != 2 {
			panic("filing: embedded data/names.json: compound surname " + c) // build defect
		}
		compoundSurnames[c] = true
	}
	orgMarkers = d.OrgWords.Words
	// Longest first, stable for equal lengths.
	slices.SortStableFunc(orgMarkers, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	for _, r := range d.OrgSuffixes.Chars {
		orgSuffixes = append(orgSuffixes, string(r))
	}
	return orgMarkers, orgSuffixes, d.Latin.Words, surnames, compoundSurnames
}

// JudgeKind judges whether a subject is an individual or an organisation
// (R-05, 河南省通信管理局 备案业务表格 须知2: "首先为…主办单位名称，其次为…主办单位性质"): first by
// the sponsor name, then, when the name is inconclusive, by the nature.
// See Judge for the reasons.
func JudgeKind(name string, nature Nature) Kind { return Judge(name, nature).Kind }

// Judge is JudgeKind with its reasons.
//
// The name decides when it carries an organisation word (公司, 有限, 集团,
// 中心, 协会, 学校, 医院, 委员会, 总署, 事务所, 工作室, 合作社, 个体工商户,
// ...; Co., Ltd., Inc., LLC, ... in Latin names) → organisation; when it
// ends in an organisation suffix (局, 厅, 署, 部, 院, 所, 社, 会, 台, 店, 厂,
// ...) and is not personal-shaped → organisation; when it is
// personal-shaped — a surname of 《百家姓》 or of the national name report
// followed by one or two characters, a compound surname (欧阳, 司马, ...)
// followed by one or two — or Han names joined by a middle dot
// ("阿依古丽·买买提") → individual. A personal-shaped name ending in a
// suffix ("刘建社") is ambiguous: one trailing character does not make it an
// organisation. A 个体工商户 files as an enterprise, so its marker judges
// organisation. Anything else (an ambiguous name, a brand without a
// marker, a Latin name) is inconclusive and the nature decides: 个人 →
// individual, any other known nature → organisation, an unknown nature →
// unknown. The tables are data/names.json.
func Judge(name string, nature Nature) Judgement {
	var j Judgement
	n := NormalizeText(name)
	k, marker := judgeName(n)
	switch k {
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
	if marker != "" {
		j.Reasons = append(j.Reasons, Reason{
			Zh: "主办单位名称为姓氏加名字的形式，又以“" + marker + "”结尾，仅凭名称无法判定个人或单位",
			En: "the sponsor name has the shape of a surname and a given name but ends in " + marker,
		})
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
// name is inconclusive, with the suffix that made it so, if any.
//
// A name that is a surname followed by one or two characters (a compound
// surname by one or two) is personal-shaped: one trailing character such as
// 社, 会 or 台 does not make it an organisation ("刘建社"); when such a name
// ends in an organisation suffix it is ambiguous and the nature decides.
// A name that is not personal-shaped and ends in a suffix is an
// organisation ("审计署", "外交部").
func judgeName(n string) (Kind, string) {
	if n == "" {
		return KindUnknown, ""
	}
	for _, m := range orgMarkers {
		if strings.Contains(n, m) {
			return KindOrganisation, m
		}
	}
	if m := latinMarker(n); m != "" {
		return KindOrganisation, m
	}
	shaped := personalShaped(n)
	if utf8.RuneCountInString(n) >= 2 {
		for _, s := range orgSuffixes {
			if strings.HasSuffix(n, s) {
				if shaped {
					return KindUnknown, s
				}
				return KindOrganisation, s
			}
		}
	}
	if shaped || transliterated(n) {
		return KindIndividual, ""
	}
	return KindUnknown, ""
}

// personalShaped reports a name of Han characters (spaces typed between
// them ignored) that is a surname of the table followed by one or two
// characters, or a compound surname followed by one or two.
func personalShaped(n string) bool {
	var rs [5]rune
	k := 0
	for _, r := range n {
		if r == ' ' {
			continue
		}
		if !unicode.Is(unicode.Han, r) || k == len(rs) {
			return false
		}
		rs[k] = r
		k++
	}
	if k >= 3 && k <= 4 && compoundSurnames[string(rs[:2])] {
		return true
	}
	return k >= 2 && k <= 3 && surnames[rs[0]]
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

// transliterated reports a name of Han parts joined by middle dots
// ("阿依古丽·买买提", "约翰·史密斯"), at most 30 characters; spaces are
// ignored.
func transliterated(n string) bool {
	dots, part, runes := 0, 0, 0
	for _, r := range n {
		switch {
		case r == ' ':
		case unicode.Is(unicode.Han, r):
			part++
			runes++
		case isMiddleDot(r):
			if part == 0 {
				return false
			}
			dots++
			part = 0
			runes++
		default:
			return false
		}
	}
	return dots > 0 && part > 0 && runes <= 30
}
