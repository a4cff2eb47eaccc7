package filingtest

import (
	"strconv"
	"strings"
	"sync"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/contact"
)

// Phones and e-mail of a Gen.

// mobilePrefixes are the three-digit prefixes under which filing accepts
// every mobile number (whatever a longer prefix of the segment table says),
// found by asking contact.CheckMobile.
var mobilePrefixes = sync.OnceValue(func() []string {
	var out []string
	for p := 130; p <= 199; p++ {
		prefix := strconv.Itoa(p)
		ok := true
		for x := 0; x < 100 && ok; x++ {
			n := prefix + strconv.Itoa(x/10) + strconv.Itoa(x%10) + "000000"
			ok = contact.CheckMobile(n) == nil
		}
		if ok {
			out = append(out, prefix)
		}
	}
	return out
})

// Mobile returns an 11-digit mainland mobile number in a segment filing
// accepts (contact.CheckMobile).
func (g *Gen) Mobile() filing.Phone {
	return filing.Phone(g.likelyFresh("phone", func() string {
		return pick(g, mobilePrefixes()) + g.digits(8)
	}))
}

// subscriberLen returns the subscriber-number length of an area code, 8 or
// 7, as contact.CheckLandline accepts it; 0 for an area filing rejects.
var subscriberLen = sync.OnceValue(func() map[string]int {
	out := map[string]int{}
	for _, p := range places {
		for _, l := range []int{8, 7} {
			if contact.CheckLandline(p.area+"-2"+strings.Repeat("0", l-1)) == nil {
				out[p.area] = l
				break
			}
		}
	}
	return out
})

// Landline returns a fixed-line number of a random provincial capital in
// filing's canonical form "0AA-NNNNNNNN" (contact.CheckLandline).
func (g *Gen) Landline() filing.Phone {
	return g.landlineIn(pick(g, knownPlaces()))
}

func (g *Gen) landlineIn(p place) filing.Phone {
	l := subscriberLen()[p.area]
	if l == 0 {
		return ""
	}
	return filing.Phone(g.likelyFresh("phone", func() string {
		return p.area + "-" + strconv.Itoa(2+g.intn(7)) + g.digits(l-1)
	}))
}

// Email returns an e-mail address under a domain reserved for examples
// (RFC 2606: example.com, example.net, example.org), so that no real
// mailbox is named.
func (g *Gen) Email() filing.Email {
	_, latin := g.personName()
	return g.emailFor(latin)
}

func (g *Gen) emailFor(latin string) filing.Email {
	return filing.Email(g.fresh("email", func(tag string) string {
		return latin + "." + g.digits(2) + tag + "@" + pick(g, emailDomains)
	}))
}
