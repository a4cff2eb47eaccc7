package shell

import (
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
)

// The shell cleanup's grace per province is the
// filing.RuleShellGraceDays row of package filing's province table, with its
// source: the default table (filing.DefaultProvinceRules) gives one week
// nationally, Hubei one month (30 days, DESIGN) and Tibet 68 days. A caller
// hands its own table to every classifier with WithProvinceRules.

// GraceFor returns the shell cleanup's grace in a province (a GB/T 2260
// code) in the default province table: each bureau's publicity period
// (R-64, refining R-61). Grace (7 days) is the national figure; Hubei gives
// one month (30 days, DESIGN) and Tibet about ten weeks (68 days). The
// trigger stays "no access information", not unreachability.
func GraceFor(province string) time.Duration { return defaultGraces().of(province, time.Now()) }

// GraceIn returns the grace of a province in a province table at instant
// at: the table's filing.RuleShellGraceDays row (the province's own, else
// the national one) in days of 24 hours (CST has no daylight saving), or
// Grace where the table has none.
func GraceIn(rules filing.ProvinceRules, province string, at time.Time) time.Duration {
	if row, ok := rules.Lookup(province, filing.RuleShellGraceDays, at); ok {
		return time.Duration(row.Value) * 24 * time.Hour
	}
	return Grace
}

// WithProvinceRules classifies with the graces of a caller's province table
// (filing.RuleShellGraceDays rows, R-64) instead of the default table's. It
// applies to ClassifyStream and ClassifySeq and to the one-subject
// classifiers (ClassifySubject, ClassifyRecord, ClassifyFiling), which
// take no other StreamOption.
func WithProvinceRules(rules filing.ProvinceRules) StreamOption {
	g := newGraceTable(rules)
	return func(c *streamConfig) { c.grace = g }
}

// graceTable answers the graces of one province table. When no grace row
// has a start date (Since), the answers hold at every instant and are
// resolved once per province; otherwise each is looked up at the instant
// asked.
type graceTable struct {
	rules      filing.ProvinceRules
	fixed      bool
	byProvince map[string]time.Duration
	other      time.Duration // provinces outside filing.Provinces, and ""
}

func newGraceTable(rules filing.ProvinceRules) *graceTable {
	g := &graceTable{rules: rules, fixed: true}
	for _, row := range rules.Rules() {
		if row.Kind == filing.RuleShellGraceDays && row.Since != "" {
			g.fixed = false
			return g
		}
	}
	provinces := filing.Provinces()
	g.byProvince = make(map[string]time.Duration, len(provinces))
	for _, p := range provinces {
		g.byProvince[p.Code] = GraceIn(rules, p.Code, time.Time{})
	}
	g.other = GraceIn(rules, "", time.Time{})
	return g
}

// defaultGraces is the default table's, built on first use.
var defaultGraces = sync.OnceValue(func() *graceTable { return newGraceTable(filing.DefaultProvinceRules()) })

// of returns the grace of a province at instant at; a nil table is the
// default one.
func (g *graceTable) of(province string, at time.Time) time.Duration {
	if g == nil {
		g = defaultGraces()
	}
	if !g.fixed {
		return GraceIn(g.rules, province, at)
	}
	if d, ok := g.byProvince[province]; ok {
		return d
	}
	return g.other
}

// gracesOf returns the grace table the options name, nil for the default.
func gracesOf(opts []StreamOption) *graceTable {
	if len(opts) == 0 {
		return nil
	}
	var cfg streamConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	return cfg.grace
}
