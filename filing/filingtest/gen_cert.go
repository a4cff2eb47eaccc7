package filingtest

import (
	"strconv"
	"strings"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// Certificates of a Gen.

// usccAlphabet is the GB 32100-2015 character set (no I, O, Z, S, V); the
// bodies of the organisation codes generated here use it too, so that they
// fit into a credit code.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// Birth dates of generated people: 1960-01-01 to 2004-12-31, so that
// everyone is an adult in every province from 2023 on.
var (
	birthFrom = calendar.MustParseDay("1960-01-01")
	birthDays = calendar.MustParseDay("2004-12-31").Sub(birthFrom) + 1
)

// checkChar returns the check character computed by f, or '?' should f
// reject its input (it cannot for the inputs built here; the tests would
// see the '?').
func checkChar(f func(string) (byte, error), s string) string {
	c, err := f(s)
	if err != nil {
		return "?"
	}
	return string(c)
}

// residentID builds the 18-character number of a person registered in a
// county, born on birth (YYYYMMDD), with a random sequence code.
func (g *Gen) residentID(county, birth string) filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("id", func() string {
		body := county + birth + g.sequence()
		return body + checkChar(certno.ResidentIDCheckChar, body)
	}))
}

// sequence returns a GB 11643 sequence code, 001 to 999.
func (g *Gen) sequence() string {
	s := strconv.Itoa(1 + g.intn(999))
	return strings.Repeat("0", 3-len(s)) + s
}

// birth returns a random birth date YYYYMMDD in the generators' range.
func (g *Gen) birth() string {
	return strings.ReplaceAll(birthFrom.AddDays(g.intn(birthDays)).String(), "-", "")
}

// ResidentID returns a resident ID number (GB 11643-1999): the address code
// of a real district of a random province, a birth date between 1960 and
// 2004, a random sequence code and the MOD 11-2 check character of
// certno.ResidentIDCheckChar.
func (g *Gen) ResidentID() filing.IDNumber {
	p := pick(g, knownPlaces())
	return g.residentIDIn(p)
}

func (g *Gen) residentIDIn(p place) filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("id", func() string {
		body := p.county + g.birth() + g.sequence()
		return body + checkChar(certno.ResidentIDCheckChar, body)
	}))
}

// orgBody returns the 8 body characters of an organisation code: digits as
// in most codes, or, one time in four, "MA" and six characters as in the
// codes issued with credit codes since 2015.
func (g *Gen) orgBody() string {
	if !g.chance(4) {
		return strconv.Itoa(1+g.intn(9)) + g.digits(7)
	}
	b := []byte("MA")
	for range 6 {
		b = append(b, usccAlphabet[g.intn(len(usccAlphabet))])
	}
	return string(b)
}

// OrgCode returns an organisation code (GB 11714-1997) in its printed form
// "XXXXXXXX-C", the check character from certno.OrgCodeCheckChar.
func (g *Gen) OrgCode() filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("orgcode", func() string {
		body := g.orgBody()
		return body + "-" + checkChar(certno.OrgCodeCheckChar, body)
	}))
}

// USCC returns the unified social credit code (GB 32100-2015) of an
// enterprise (registration department 9, category 1) registered in a real
// district of a random province, with an embedded organisation code and
// the MOD 31 check character of certno.USCCCheckChar.
func (g *Gen) USCC() filing.IDNumber {
	return g.uscc(orgKinds[0], pick(g, knownPlaces()))
}

func (g *Gen) uscc(k orgKind, p place) filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("uscc", func() string {
		body := g.orgBody()
		first := k.dept + k.category + p.county + body + checkChar(certno.OrgCodeCheckChar, body)
		return first + checkChar(certno.USCCCheckChar, first)
	}))
}
