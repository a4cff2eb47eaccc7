package filing

import (
	_ "embed"
)

// Tables behind the checks around a filing (R-84..R-87), embedded from data/
// with their sources: minimum remaining validity of certificates and
// domains and the domain-holder policy per province (validity_rules.json),
// and the access-method code list (access_methods.json). The GB/T 2260
// area codes of public-security numbers are package province's.

//go:embed data/validity_rules.json
var validityRulesJSON []byte

//go:embed data/access_methods.json
var accessMethodsJSON []byte

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
	validityData  = loadValidityRules()
	accessMethods = loadAccessMethods()
)

// loadValidityRules decodes and checks validity_rules.json.
func loadValidityRules() (validityData validityRules) {
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
	return validityData
}

// loadAccessMethods decodes access_methods.json.
func loadAccessMethods() []AccessMethodInfo {
	var am struct {
		Methods []AccessMethodInfo `json:"methods"`
	}
	mustUnmarshal("access_methods", accessMethodsJSON, &am)
	return am.Methods
}

// AccessMethods returns the access-method code list (接入方式). No official
// list was found; the codes are the values ISP forms offer (DESIGN).
func AccessMethods() []AccessMethodInfo {
	return append([]AccessMethodInfo(nil), accessMethods...)
}
