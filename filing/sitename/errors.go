package sitename

import "github.com/beiankit/beian/internal/catalog"

// Code is the stable code of a name problem, registered in the module's
// one code registry: filing.Code(c) reads its rule and messages.
type Code string

var codes catalog.Set[Code]

// Codes returns every code the package defines, sorted.
func Codes() []Code { return codes.Codes() }

// The codes of the name rules. The Chinese message is for the applicant,
// the English one for the developer; %[1]s is the name, %[2]s the word,
// %[3]s the reason.
var (
	CodeTooShort = codes.Define("name.too_short", "R-90",
		"名称“%[1]s”不足%[2]s个字符（一个汉字、字母或数字计一个字符）", "name %[1]q has fewer than %[2]s characters")
	CodeAllDigits = codes.Define("name.all_digits", "R-90",
		"名称“%[1]s”不能全部是数字，应能体现网站或App的内容", "name %[1]q is all digits")
	CodeAllLatin = codes.Define("name.all_latin", "R-90",
		"名称“%[1]s”不能全部是英文字母（须含汉字），应能体现网站或App的内容", "name %[1]q has no Chinese character")
	CodeDomain = codes.Define("name.domain", "R-90",
		"名称“%[1]s”不能是域名", "name %[1]q is a domain name")
	CodeSymbol = codes.Define("name.symbol", "R-90",
		"名称“%[1]s”含特殊符号“%[2]s”（只可使用汉字、字母、数字和“-”“()”）", "name %[1]q carries the special symbol %[2]q")
	CodePerson = codes.Define("name.person", "R-90",
		"个人网站的名称“%[1]s”不能以主办者姓名“%[2]s”命名", "an individual's name %[1]q is named after the person %[2]q")
	CodePlace = codes.Define("name.place", "R-90",
		"个人网站的名称“%[1]s”不能以地名“%[2]s”命名", "an individual's name %[1]q is named after the place %[2]q")
	CodeOrganisationWord = codes.Define("name.organisation_word", "R-90",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeIndividualWord = codes.Define("name.individual_word", "R-90",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeStateWord = codes.Define("name.state_word", "R-91",
		"名称“%[1]s”以“%[2]s”开头：%[3]s", "name %[1]q starts with %[2]q: %[3]s")
	CodePublicAffairsWord = codes.Define("name.public_affairs_word", "R-91",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeFieldWord = codes.Define("name.field_word", "R-91",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeForumWord = codes.Define("name.forum_word", "R-91",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeSensitiveWord = codes.Define("name.sensitive_word", "R-91",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeProvinceWord = codes.Define("name.province_word", "R-91",
		"名称“%[1]s”含“%[2]s”：%[3]s", "name %[1]q carries %[2]q: %[3]s")
	CodeProvinceConvention = codes.Define("name.province_convention", "R-91",
		"名称“%[1]s”不符合本省命名惯例：%[3]s", "name %[1]q does not follow the province's convention: %[3]s")
)
