package province

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
)

// Province is one of the 31 provincial communications bureaus (省通信管理局)
// that take ICP filings. A subject files with the bureau of the province of its
// domicile (Order No. 33 art. 3).
type Province struct {
	// Code is the two-digit GB/T 2260 province code, e.g. "52".
	Code string `json:"code"`
	// Name is the full Chinese name, e.g. "贵州省".
	Name string `json:"name"`
	// NameEn is the English name, e.g. "Guizhou".
	NameEn string `json:"name_en"`
	// Abbr is the GB/T 2260 one-character abbreviation, e.g. "贵".
	Abbr string `json:"abbr"`
	// ICPAbbr is the abbreviation that prefixes record numbers, e.g. "黔"
	// . It differs from Abbr for Sichuan (蜀), Guizhou (黔),
	// Yunnan (滇) and Gansu (陇).
	ICPAbbr string `json:"icp_abbr"`
	// AltAbbr lists other abbreviations seen in real record numbers of the
	// province (e.g. 川 for Sichuan); parsers accept them, output uses ICPAbbr.
	// In a Province from ByCode, ByAbbr or ByName the slice is the table's
	// own, so that lookups do not allocate: read it, do not change its
	// elements (append to it copies). All returns rows with their own
	// slices.
	AltAbbr []string `json:"alt_abbr,omitempty"`
	// Bureau is the name of the provincial communications administration.
	Bureau string `json:"bureau"`
}

//go:embed data/provinces.json
var provincesJSON []byte

var (
	provinces      = loadProvinces()
	provinceByCode = map[string]int{}
	provinceByAbbr = map[string]int{}
	provinceByName = map[string]int{}
	_              = indexProvinces()
)

// loadProvinces decodes the embedded table.
func loadProvinces() []Province {
	var doc struct {
		Provinces []Province `json:"provinces"`
	}
	if err := json.Unmarshal(provincesJSON, &doc); err != nil {
		panic("province: embedded data/provinces.json: " + err.Error()) // build defect, caught by every test run
	}
	for i := range doc.Provinces {
		// No spare capacity: a caller's append to a looked-up row's
		// AltAbbr copies instead of writing into the table.
		doc.Provinces[i].AltAbbr = slices.Clip(doc.Provinces[i].AltAbbr)
	}
	return doc.Provinces
}

// indexProvinces fills the look-up maps; it runs once, during package
// variable initialisation, after provinces is loaded.
func indexProvinces() bool {
	for i, p := range provinces {
		provinceByCode[p.Code] = i
		provinceByName[p.Name] = i
		provinceByName[strings.TrimRight(p.Name, "省市")] = i
		provinceByAbbr[p.ICPAbbr] = i
		provinceByAbbr[p.Abbr] = i
		for _, a := range p.AltAbbr {
			provinceByAbbr[a] = i
		}
	}
	return true
}

// All returns the 31 provinces in GB/T 2260 code order. The slice is a
// copy, the rows' AltAbbr slices included; changing it changes nothing in
// the package.
func All() []Province {
	out := make([]Province, len(provinces))
	for i, p := range provinces {
		p.AltAbbr = slices.Clone(p.AltAbbr)
		out[i] = p
	}
	return out
}

// ByCode returns the province with a two-digit GB/T 2260 code.
func ByCode(code string) (Province, bool) {
	i, ok := provinceByCode[code]
	if !ok {
		return Province{}, false
	}
	return provinces[i], true
}

// ByAbbr returns the province of a one-character abbreviation, either
// the record-number abbreviation (黔), the GB/T 2260 one (贵) or an
// alternate seen in real numbers (川 for 蜀).
func ByAbbr(abbr string) (Province, bool) {
	i, ok := provinceByAbbr[abbr]
	if !ok {
		return Province{}, false
	}
	return provinces[i], true
}

// ByName returns the province with a Chinese name, full ("贵州省")
// or without its 省/市 suffix ("贵州").
func ByName(name string) (Province, bool) {
	i, ok := provinceByName[name]
	if !ok {
		return Province{}, false
	}
	return provinces[i], true
}
