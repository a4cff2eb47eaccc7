package platform

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// MaxServiceTypes is how many second-level service content types a
// mini-program may name: WeChat's applyIcpFiling table says "只能填写二级服务
// 内容类型，最多5个"; the SDK's App.Categories has the same cap.
const MaxServiceTypes = 5

// Remark bounds of WeChat's mini-program remark (备注内容字数限制20-200字),
// counted in characters (runes).
const (
	RemarkMin = 20
	RemarkMax = 200
)

// NoPreApproval is the explicit entry a WeChat filing needs when no
// pre-approval applies (如不涉及前置审批项，也需要填“以上都不涉及”).
const NoPreApproval = "以上都不涉及"

// At returns the problem of a registered code placed at an SDK path.
func At(path, label string, code filing.Code, args ...any) *filing.Problem {
	return filing.NewProblem(code, args...).WithPath(path, label)
}

// ServiceType is one entry of a platform's service content type list.
type ServiceType struct {
	// ID is the platform's type number.
	ID int `json:"id"`
	// Parent is the ID of the first-level type above a second-level one;
	// 0 for a first-level type.
	Parent int `json:"parent,omitempty"`
	// Name is the type's Chinese name ("生活服务", "生活缴费").
	Name string `json:"name"`
}

// SelectServiceTypes turns the service categories of an app (their Chinese
// names) into the platform's second-level type IDs, from the list the
// platform answered (never from numbers the caller hard-codes). It reports
// none chosen, more than MaxServiceTypes, a first-level name and a name not
// in the list, at path.
func SelectServiceTypes(names []string, list []ServiceType, path string) ([]int, []*filing.Problem) {
	const label = "服务内容类型"
	var ids []int
	var probs []*filing.Problem
	if len(names) == 0 {
		return nil, []*filing.Problem{At(path, label, CodeServiceTypesMissing)}
	}
	if len(names) > MaxServiceTypes {
		probs = append(probs, At(path, label, CodeServiceTypesMax, MaxServiceTypes, len(names)))
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		var hit *ServiceType
		for i := range list {
			if list[i].Name == n && (hit == nil || list[i].Parent != 0) {
				hit = &list[i]
			}
		}
		switch {
		case hit == nil:
			probs = append(probs, At(path, label, CodeServiceTypeUnknown, n))
		case hit.Parent == 0:
			probs = append(probs, At(path, label, CodeServiceTypeNotSecond, n))
		default:
			ids = append(ids, hit.ID)
		}
	}
	return ids, probs
}

// ServiceTypeNames is the reverse of SelectServiceTypes: the names of the
// IDs, and the IDs not in the list.
func ServiceTypeNames(ids []int, list []ServiceType) (names []string, unknown []int) {
	for _, id := range ids {
		found := false
		for _, t := range list {
			if t.ID == id {
				names, found = append(names, t.Name), true
				break
			}
		}
		if !found {
			unknown = append(unknown, id)
		}
	}
	return names, unknown
}

// CheckRemark reports a remark outside RemarkMin..RemarkMax characters.
func CheckRemark(s, path string) *filing.Problem {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	if n < RemarkMin || n > RemarkMax {
		return At(path, "备注", CodeRemarkLength, n, RemarkMin, RemarkMax)
	}
	return nil
}

// Region is where the subject files: the six-digit GB/T 2260 codes of the
// province, city and district (县区) the platforms ask for.
type Region struct {
	Province string `json:"province"`
	City     string `json:"city"`
	District string `json:"district"`
}

// Area is one entry of a platform's region list, with the areas below it.
type Area struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Sub  []Area `json:"sub,omitempty"`
}

// CheckRegion checks that r names a province, a city in it and a district in
// that city, and that the province is the subject's filing province (its
// two-digit code). With the platform's region list it checks the tree and
// returns the three names; without one it checks the code prefixes (GB/T
// 2260: a city's code begins with its province's two digits, a district's
// with its city's four) and returns the province's name alone. path is the
// SDK path of the region ("region").
func CheckRegion(r Region, subjectProvince string, areas []Area, path string) (names [3]string, probs []*filing.Problem) {
	const label = "备案地区"
	if len(r.Province) != 6 || len(r.City) != 6 || len(r.District) != 6 {
		return names, []*filing.Problem{At(path, label, CodeRegionMissing)}
	}
	if subjectProvince != "" && !strings.HasPrefix(r.Province, subjectProvince) {
		probs = append(probs, At(path+".province", label, CodeRegionMismatch, r.Province, "主体所在省份"+subjectProvince))
	}
	if p, ok := filing.ProvinceByCode(r.Province[:2]); ok {
		names[0] = p.Name
	}
	if len(areas) == 0 {
		if r.City[:2] != r.Province[:2] {
			probs = append(probs, At(path+".city", label, CodeRegionMismatch, r.City, r.Province))
		}
		if r.District[:4] != r.City[:4] {
			probs = append(probs, At(path+".district", label, CodeRegionMismatch, r.District, r.City))
		}
		return names, probs
	}
	prov := find(areas, r.Province)
	if prov == nil {
		return names, append(probs, At(path+".province", label, CodeRegionMismatch, r.Province, "平台的地区列表"))
	}
	names[0] = prov.Name
	city := find(prov.Sub, r.City)
	if city == nil {
		return names, append(probs, At(path+".city", label, CodeRegionMismatch, r.City, prov.Name))
	}
	names[1] = city.Name
	dist := find(city.Sub, r.District)
	if dist == nil {
		return names, append(probs, At(path+".district", label, CodeRegionMismatch, r.District, prov.Name+city.Name))
	}
	names[2] = dist.Name
	return names, probs
}

func find(areas []Area, code string) *Area {
	for i := range areas {
		if areas[i].Code == code {
			return &areas[i]
		}
	}
	return nil
}

// StripRegion removes the leading province, city and district names from
// an address ("北京市朝阳区高碑店路181号" → "高碑店路181号"): WeChat wants the
// address without them (地址开头的省市区不用填入). 市辖区 and empty names are
// skipped.
func StripRegion(address string, names [3]string) string {
	a := strings.TrimSpace(address)
	for _, n := range names {
		if n != "" && n != "市辖区" {
			a = strings.TrimPrefix(a, n)
		}
	}
	return strings.TrimSpace(a)
}

// LongTerm is the end of a certificate that does not expire, as the
// platforms write it (如证件长期有效，请填写“长期”).
const LongTerm = "长期"

// ValidityDates writes a validity period as WeChat wants it: YYYYmmdd
// (civil dates in China) and "长期" for no expiry. ok is false when the
// validity is unknown or has neither an end nor 长期.
func ValidityDates(v filing.Validity) (start, end string, ok bool) {
	if v.Start.IsZero() || (v.End.IsZero() && !v.LongTerm) {
		return "", "", false
	}
	start = civil(v.Start).Format("20060102")
	if v.LongTerm {
		return start, LongTerm, true
	}
	return start, civil(v.End).Format("20060102"), true
}

// ParseValidityDates reads WeChat's YYYYmmdd dates and "长期" back; it
// accepts nothing else (no dashes, no full-width digits), as the platform's
// table says, and reports CodeValidityFormat at path.
func ParseValidityDates(start, end, path string) (filing.Validity, *filing.Problem) {
	var v filing.Validity
	var ok bool
	if v.Start, ok = yyyymmdd(start); !ok {
		return filing.Validity{}, At(path, "证件有效期", CodeValidityFormat, start)
	}
	if end == LongTerm {
		v.LongTerm = true
		return v, nil
	}
	if v.End, ok = yyyymmdd(end); !ok {
		return filing.Validity{}, At(path, "证件有效期", CodeValidityFormat, end)
	}
	return v, nil
}

func yyyymmdd(s string) (time.Time, bool) {
	if len(s) != 8 {
		return time.Time{}, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
	}
	t, err := time.ParseInLocation("20060102", s, cst)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// cst is China Standard Time, the zone of the platforms' civil dates.
var cst = calendar.Location()

// civil returns midnight in China of t's civil date there.
func civil(t time.Time) time.Time {
	y, m, d := t.In(cst).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, cst)
}

// UnixDay returns the instant Douyin writes for a civil date: the Unix
// seconds of its midnight in China (1704038400 is 2024-01-01).
func UnixDay(t time.Time) int64 { return civil(t).Unix() }

// DayOfUnix is the reverse of UnixDay: the civil date in China of a Unix
// instant, at midnight in China.
func DayOfUnix(s int64) time.Time { return civil(time.Unix(s, 0)) }
