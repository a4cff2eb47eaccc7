package certno

import (
	_ "embed"
	"encoding/json"
)

// Tables behind the certificate checks, embedded from data/ with
// their sources: province parts of GB/T 2260 address codes (regions.json) and
// the GB 32100-2015 registration-department / category table
// (uscc_categories.json).

//go:embed data/regions.json
var certRegionsJSON []byte

//go:embed data/uscc_categories.json
var certUSCCCategoriesJSON []byte

// certDepartment is one registration-department code of GB 32100 with its
// categories.
type certDepartment struct {
	Code       string            `json:"code"`
	Zh         string            `json:"zh"`
	Later      bool              `json:"later,omitempty"`
	Categories map[string]string `json:"categories"`
}

var (
	// certProvince[n] is true when the two-digit number n is a mainland
	// province code (11..65 subset).
	certProvince [100]bool
	// certPermitRegion holds the residence-permit address codes (810000...).
	certPermitRegion = map[string]string{}
	// certNationalRegion holds region codes of national-level registration
	// authorities in credit codes (100000).
	certNationalRegion = map[string]bool{}
	// certDepartments is indexed by the department character.
	certDepartments [256]*certDepartment
	_               = loadCertTables()
)

func mustUnmarshal(name string, data []byte, v any) {
	if err := json.Unmarshal(data, v); err != nil {
		panic("certno: embedded data/" + name + ".json: " + err.Error()) // build defect, caught by every test run
	}
}

// loadCertTables decodes the embedded tables into the look-up arrays above;
// it runs once, during package variable initialisation.
func loadCertTables() bool {
	var r struct {
		Mainland        []string          `json:"mainland"`
		ResidencePermit map[string]string `json:"residence_permit"`
		National        []string          `json:"national"`
	}
	mustUnmarshal("regions", certRegionsJSON, &r)
	for _, p := range r.Mainland {
		if len(p) != 2 || !certAllDigits(p) {
			panic("certno: embedded data/regions.json: bad province code " + p) // build defect
		}
		certProvince[int(p[0]-'0')*10+int(p[1]-'0')] = true
	}
	certPermitRegion = r.ResidencePermit
	for _, n := range r.National {
		certNationalRegion[n] = true
	}

	var u struct {
		Departments     []certDepartment `json:"departments"`
		LaterCategories []struct {
			Code string `json:"code"`
			Zh   string `json:"zh"`
		} `json:"later_categories"`
	}
	mustUnmarshal("uscc_categories", certUSCCCategoriesJSON, &u)
	for i := range u.Departments {
		d := &u.Departments[i]
		if len(d.Code) != 1 || usccValue[d.Code[0]] < 0 {
			panic("certno: embedded data/uscc_categories.json: bad department " + d.Code) // build defect
		}
		certDepartments[d.Code[0]] = d
	}
	for _, c := range u.LaterCategories {
		if len(c.Code) != 2 || certDepartments[c.Code[0]] == nil {
			panic("certno: embedded data/uscc_categories.json: bad later category " + c.Code) // build defect
		}
		certDepartments[c.Code[0]].Categories[c.Code[1:]] = c.Zh
	}
	return true
}

// certAllDigits reports whether s is non-empty and all ASCII digits.
func certAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
