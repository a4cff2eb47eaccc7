package shell

import (
	_ "embed"
	"encoding/json"
	"time"

	"github.com/beiankit/beian/filing"
)

//go:embed data/grace.json
var graceJSON []byte

var graceByProvince = map[string]time.Duration{}

func init() {
	var d struct {
		DefaultDays int            `json:"default_days"`
		Provinces   map[string]int `json:"provinces"`
	}
	if err := json.Unmarshal(graceJSON, &d); err != nil || d.DefaultDays*24*int(time.Hour) != int(Grace) {
		panic("shell: embedded data/grace.json: bad data or default differs from Grace") // build defect
	}
	for p, n := range d.Provinces {
		if _, ok := filing.ProvinceByCode(p); !ok || n <= 0 {
			panic("shell: embedded data/grace.json: bad province " + p) // build defect
		}
		graceByProvince[p] = time.Duration(n) * 24 * time.Hour
	}
}

// GraceFor returns the shell cleanup's grace in a province (a GB/T 2260
// code): each bureau's publicity period (R-64, refining R-61). Grace (7
// days) is the default; Hubei gives one month (30 days, DESIGN) and Tibet
// about ten weeks (68 days). The trigger stays "no access information", not
// unreachability.
func GraceFor(province string) time.Duration {
	if g, ok := graceByProvince[province]; ok {
		return g
	}
	return Grace
}
