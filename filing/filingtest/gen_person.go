package filingtest

import (
	"strings"
	"sync"

	"github.com/beiankit/beian/filing"
)

// People of a Gen.

// latinOf maps the Han characters of the name tables to their pinyin.
var latinOf = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for _, s := range append(append([]syllable{}, surnames...), givenNames...) {
		for _, r := range s.han {
			m[r] = s.latin
		}
	}
	return m
})

// personName returns a Chinese name of two or three characters and its
// pinyin.
func (g *Gen) personName() (han, latin string) {
	han = g.likelyFresh("name", func() string {
		n := pick(g, surnames).han + pick(g, givenNames).han
		if !g.chance(3) {
			n += pick(g, givenNames).han
		}
		return n
	})
	var b strings.Builder
	for _, r := range han {
		b.WriteString(latinOf()[r])
	}
	return han, b.String()
}

// Person returns a person with a resident ID, a mobile, an emergency phone
// (another mobile), an e-mail address and, half of the time, a landline.
// The person's ID is from a random province; Subject and Website give their
// people IDs from the subject's province.
func (g *Gen) Person() filing.Person {
	return g.personIn(pick(g, knownPlaces()), g.chance(2))
}

func (g *Gen) personIn(p place, landline bool) filing.Person {
	name, latin := g.personName()
	person := filing.Person{
		Name:           name,
		CertType:       filing.CertResidentID,
		CertNumber:     g.residentIDIn(p),
		Mobile:         g.Mobile(),
		EmergencyPhone: g.Mobile(),
		Email:          g.emailFor(latin),
	}
	if landline {
		person.Landline = g.landlineIn(p)
	}
	return person
}
