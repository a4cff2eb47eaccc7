package province

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
)

// The GB/T 2260 administrative-division codes (统计用区划代码), embedded
// from data/gbt2260.json with its source and edition date. Public-security
// numbers begin with one of them; resident ID numbers with one too.

//go:embed data/gbt2260.json
var gbt2260JSON []byte

type divisionTable struct {
	asOf  string
	codes map[string]string // six-digit code -> name
}

// divisions decodes the table on first use.
var divisions = sync.OnceValue(func() divisionTable {
	var ac struct {
		AsOf  string            `json:"as_of"`
		Codes map[string]string `json:"codes"`
	}
	if err := json.Unmarshal(gbt2260JSON, &ac); err != nil {
		panic("province: embedded data/gbt2260.json: " + err.Error()) // build defect
	}
	for c := range ac.Codes {
		if len(c) != 6 || strings.Trim(c, "0123456789") != "" {
			panic("province: embedded data/gbt2260.json: bad code " + c) // build defect
		}
	}
	return divisionTable{asOf: ac.AsOf, codes: ac.Codes}
})

// AreaCode looks a six-digit GB/T 2260 administrative-division code up in
// the embedded table (GB/T 2260 as 民政部 publishes it: county rows of
// 统计用区划代码 as of AreaCodesAsOf, with the rows GB/T 2260 has beyond it,
// such as 460302 西沙区 and 810000 香港特别行政区) and returns its name
// ("南山区"). Codes retired before that edition are not known.
func AreaCode(code string) (name string, ok bool) {
	name, ok = divisions().codes[code]
	return name, ok
}

// AreaCodesAsOf returns the date of the embedded area-code edition,
// "YYYY-MM-DD".
func AreaCodesAsOf() string { return divisions().asOf }
