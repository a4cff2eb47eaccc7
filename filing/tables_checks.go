package filing

import (
	_ "embed"
)

// Tables behind the checks around a filing (R-84..R-87), embedded from data/
// with their sources: the certificate types' own minimum remaining validity
// (validity_rules.json; the province minimums and the domain-holder policy
// are rows of the province table, data/province_rules.json), and the
// access-method code list (access_methods.json). The GB/T 2260
// area codes of public-security numbers are package province's.

//go:embed data/validity_rules.json
var validityRulesJSON []byte

//go:embed data/access_methods.json
var accessMethodsJSON []byte

type validityRules struct {
	Certificate struct {
		ByType map[string]int `json:"by_type"`
	} `json:"certificate"`
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
	for t, m := range validityData.Certificate.ByType {
		if _, known := CertType(t).Info(); m <= 0 || !known {
			panic("filing: embedded data/validity_rules.json: bad certificate type entry " + t) // build defect
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
