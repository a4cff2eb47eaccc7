package filingtest

import "github.com/beiankit/beian/filing"

// personalSuffix are the endings of generated individuals' website names:
// words the name rules accept for an individual (R-90: no company,
// organisation, forum or platform word), as many as websiteSuffix so that
// a seed draws the same numbers whatever the nature.
var personalSuffix = []string{"笔记", "随笔", "手记", "读书笔记", "学习笔记", "摄影集", "杂记", "日志"}

// siteSuffix draws the ending of a generated website name: one of
// websiteSuffix for an organisation, "官网" for an organisation in
// Guangdong (the province's convention, R-91), one of personalSuffix for
// an individual.
func (g *Gen) siteSuffix(nature filing.Nature, province string) string {
	i := g.intn(len(websiteSuffix))
	switch {
	case nature == filing.NatureIndividual:
		return personalSuffix[i]
	case province == "44":
		return "官网"
	}
	return websiteSuffix[i]
}
