package numbering

import (
	_ "embed"
	"encoding/json"
	"unicode/utf8"

	"github.com/beiankit/beian/filing/province"
)

// The province table comes from package filing (filing/data/provinces.json);
// data/abbreviations.json adds, per kind of number, the abbreviation printed
// where real numbers differ from filing's ICPAbbr (川公网安备, 贵公网安备,
// 川B2-...). Input accepts every abbreviation of a province for every kind.

// The CJK Unified Ideographs block, where every province abbreviation lies.
const (
	cjkBase = 0x4E00
	cjkSize = 0xA000 - 0x4E00
)

//go:embed data/abbreviations.json
var abbreviationsJSON []byte

// provinceEntry is one province in the numbering tables. Number stores the
// index+1 of its province (0 = none) so that Number stays small and
// comparable.
type provinceEntry struct {
	p    province.Province
	code uint8     // numeric GB/T 2260 code, e.g. 52
	out  [5]string // printed abbreviation per Kind
}

// provs is the province table; provByRune finds a province's index+1 by
// any of its abbreviations, provByCJK is provByRune as an array over the CJK
// block (for Parse), provByCode by its numeric GB/T 2260 code.
var provs, provByRune, provByCJK, provByCode = buildProvinces()

// buildProvinces builds the numbering tables from package province's table
// and data/abbreviations.json.
func buildProvinces() (provs []provinceEntry, provByRune map[rune]uint8, provByCJK [cjkSize]uint8, provByCode [100]uint8) {
	var doc struct {
		PublicSecurity map[string]string `json:"public_security"`
		Telecom        map[string]string `json:"telecom_licence"`
	}
	if err := json.Unmarshal(abbreviationsJSON, &doc); err != nil {
		panic("numbering: embedded data/abbreviations.json: " + err.Error()) // build defect, caught by every test run
	}
	provByRune = map[rune]uint8{}
	for _, p := range province.All() {
		if len(provs) >= 254 || len(p.Code) != 2 {
			panic("numbering: unexpected province table") // build defect
		}
		e := provinceEntry{p: p, code: (p.Code[0]-'0')*10 + (p.Code[1] - '0')}
		for k := range e.out {
			e.out[k] = p.ICPAbbr
		}
		if a, ok := doc.PublicSecurity[p.Code]; ok {
			e.out[KindPublicSecurity] = a
		}
		if a, ok := doc.Telecom[p.Code]; ok {
			e.out[KindTelecomLicence] = a
		}
		provs = append(provs, e)
		idx := uint8(len(provs))
		provByCode[e.code] = idx
		for _, a := range append([]string{p.ICPAbbr, p.Abbr}, p.AltAbbr...) {
			r, n := utf8.DecodeRuneInString(a)
			if n != len(a) {
				panic("numbering: province abbreviation is not one character: " + a) // build defect
			}
			provByRune[r] = idx
			if r < cjkBase || r >= cjkBase+cjkSize {
				panic("numbering: province abbreviation outside the CJK block: " + a) // build defect
			}
			provByCJK[r-cjkBase] = idx
		}
	}
	return provs, provByRune, provByCJK, provByCode
}

// lookupProvince resolves a two-digit code, an abbreviation or a name.
func lookupProvince(s string) (uint8, bool) {
	if len(s) == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' {
		i := provByCode[(s[0]-'0')*10+(s[1]-'0')]
		return i, i != 0
	}
	if r, n := utf8.DecodeRuneInString(s); n == len(s) && n > 0 {
		i, ok := provByRune[r]
		return i, ok
	}
	if p, ok := province.ByName(s); ok {
		return lookupProvince(p.Code)
	}
	return 0, false
}
