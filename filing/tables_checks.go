package filing

// This file sorts after province.go: its init reads the province table.

import (
	_ "embed"
	"strings"
)

// Tables behind the checks around a filing (R-84..R-87), embedded from data/
// with their sources: minimum remaining validity of certificates and
// domains and the domain-holder policy per province (validity_rules.json),
// the access-method code list (access_methods.json) and the GB/T 2260
// area codes of public-security numbers (gbt2260.json).

//go:embed data/validity_rules.json
var validityRulesJSON []byte

//go:embed data/access_methods.json
var accessMethodsJSON []byte

//go:embed data/gbt2260.json
var gbt2260JSON []byte

type validityRules struct {
	Certificate struct {
		DefaultMonths int            `json:"default_months"`
		ByType        map[string]int `json:"by_type"`
		Provinces     map[string]int `json:"provinces"`
	} `json:"certificate"`
	Domain struct {
		DefaultMonths int            `json:"default_months"`
		WarnMonths    int            `json:"warn_months"`
		Provinces     map[string]int `json:"provinces"`
	} `json:"domain"`
	Holder struct {
		Default   string            `json:"default"`
		Provinces map[string]string `json:"provinces"`
	} `json:"holder"`
}

// AccessMethodInfo is one access method (接入方式) of the code list.
type AccessMethodInfo struct {
	Code AccessMethod `json:"code"`
	Zh   string       `json:"zh"`
	En   string       `json:"en"`
}

var (
	validityData  validityRules
	accessMethods []AccessMethodInfo
	// areaCodes maps a six-digit GB/T 2260 code to its name.
	areaCodes map[string]string
	// areaCodesAsOf is the date of the area-code edition.
	areaCodesAsOf string
)

func init() {
	mustUnmarshal("validity_rules", validityRulesJSON, &validityData)
	if validityData.Certificate.DefaultMonths < 0 || validityData.Domain.WarnMonths < 0 {
		panic("filing: embedded data/validity_rules.json: negative months") // build defect
	}
	for p, h := range validityData.Holder.Provinces {
		if _, ok := ProvinceByCode(p); !ok || !HolderPolicy(h).Valid() {
			panic("filing: embedded data/validity_rules.json: bad holder entry " + p) // build defect
		}
	}
	for p := range validityData.Certificate.Provinces {
		if _, ok := ProvinceByCode(p); !ok {
			panic("filing: embedded data/validity_rules.json: bad province " + p) // build defect
		}
	}
	for p := range validityData.Domain.Provinces {
		if _, ok := ProvinceByCode(p); !ok {
			panic("filing: embedded data/validity_rules.json: bad province " + p) // build defect
		}
	}
	var am struct {
		Methods []AccessMethodInfo `json:"methods"`
	}
	mustUnmarshal("access_methods", accessMethodsJSON, &am)
	accessMethods = am.Methods
	var ac struct {
		AsOf  string            `json:"as_of"`
		Codes map[string]string `json:"codes"`
	}
	mustUnmarshal("gbt2260", gbt2260JSON, &ac)
	for c := range ac.Codes {
		if len(c) != 6 || strings.Trim(c, "0123456789") != "" {
			panic("filing: embedded data/gbt2260.json: bad code " + c) // build defect
		}
	}
	areaCodes, areaCodesAsOf = ac.Codes, ac.AsOf
}

// AreaCode looks a six-digit GB/T 2260 administrative-division code up in
// the embedded table (GB/T 2260 as 民政部 publishes it: county rows of
// 统计用区划代码 as of AreaCodesAsOf, with the rows GB/T 2260 has beyond it,
// such as 460302 西沙区 and 810000 香港特别行政区) and returns its name
// ("南山区"). Codes retired before that edition are not known.
func AreaCode(code string) (name string, ok bool) {
	name, ok = areaCodes[code]
	return name, ok
}

// AreaCodesAsOf returns the date of the embedded area-code edition,
// "YYYY-MM-DD".
func AreaCodesAsOf() string { return areaCodesAsOf }

// AccessMethods returns the access-method code list (接入方式). No official
// list was found; the codes are the values ISP forms offer (DESIGN).
func AccessMethods() []AccessMethodInfo {
	return append([]AccessMethodInfo(nil), accessMethods...)
}
