package filingtest

import (
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
)

// Gen generates filing data that passes package filing's checks. Its output
// is a function of the seed alone: the same seed gives the same values, in
// the same order, on every platform (for a given version of this module,
// whose tables and filing's tables it draws from).
//
// Values a Gen returns are unique among that Gen's outputs where uniqueness
// matters to filing: certificate numbers, phone numbers, e-mail addresses,
// domains, and subject and website names never repeat, so the filings of one
// Gen do not conflict with each other. (Person names may repeat once a few
// thousand have been drawn, as real names do.) Separate Gens are
// independent and may well produce the same values.
//
// A Gen is not safe for concurrent use; give each goroutine its own Gen.
// Separate Gens are safe to use concurrently. The zero Gen is a Gen seeded
// with 0.
type Gen struct {
	src  *rand.PCG
	seen map[string]struct{}
	next int // counter of the tags that make a value unique
}

// pcgStream is the PCG increment of every Gen ("beiankit" in ASCII), so that
// a Gen's stream depends on the seed alone.
const pcgStream = 0x62656961_6e6b6974

// maxDraws is how many random draws a Gen makes for a value before it makes
// the value unique with a numeric tag.
const maxDraws = 32

// New returns a Gen seeded with seed.
func New(seed int64) *Gen {
	return &Gen{src: rand.NewPCG(uint64(seed), pcgStream), seen: make(map[string]struct{})}
}

// intn returns a uniform integer in [0, n) (Lemire's multiply-shift method,
// written out so that the stream does not depend on math/rand's algorithms);
// 0 when n <= 1.
func (g *Gen) intn(n int) int {
	if n <= 1 {
		return 0
	}
	bound := uint64(n)
	if g.src == nil { // the zero Gen
		g.src = rand.NewPCG(0, pcgStream)
	}
	hi, lo := bits.Mul64(g.src.Uint64(), bound)
	if lo < bound {
		thresh := -bound % bound
		for lo < thresh {
			hi, lo = bits.Mul64(g.src.Uint64(), bound)
		}
	}
	return int(hi)
}

// chance reports true with probability 1/n.
func (g *Gen) chance(n int) bool { return g.intn(n) == 0 }

// pick returns a random element of s; the zero value for an empty s (which
// the tables never are; the tests would see the zero values).
func pick[T any](g *Gen, s []T) T {
	var zero T
	if len(s) == 0 {
		return zero
	}
	return s[g.intn(len(s))]
}

// digits returns n random decimal digits.
func (g *Gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.intn(10))
	}
	return string(b)
}

// claim records v in namespace ns and reports whether it is new.
func (g *Gen) claim(ns, v string) bool {
	if g.seen == nil {
		g.seen = make(map[string]struct{})
	}
	k := ns + "\x00" + v
	if _, dup := g.seen[k]; dup {
		return false
	}
	g.seen[k] = struct{}{}
	return true
}

// fresh returns a value of draw that is new in namespace ns. draw gets ""
// for its first maxDraws attempts and then ever new numeric tags, which it
// must build into the value.
func (g *Gen) fresh(ns string, draw func(tag string) string) string {
	for range maxDraws {
		if v := draw(""); g.claim(ns, v) {
			return v
		}
	}
	for {
		g.next++
		if v := draw(strconv.Itoa(g.next)); g.claim(ns, v) {
			return v
		}
	}
}

// likelyFresh is fresh for values drawn from a space so large that a repeat
// is practically impossible (certificate numbers, phone numbers) or legal
// (person names): after maxDraws repeats it keeps the last draw.
func (g *Gen) likelyFresh(ns string, draw func() string) string {
	var v string
	for range maxDraws {
		if v = draw(); g.claim(ns, v) {
			return v
		}
	}
	return v
}

// ---------------------------------------------------------------------------
// Provinces and province rules

// knownPlaces are the entries of places whose province filing knows.
var knownPlaces = sync.OnceValue(func() []place {
	var out []place
	for _, p := range places {
		if _, ok := filing.ProvinceByCode(p.province); ok {
			out = append(out, p)
		}
	}
	return out
})

// provinceCode returns the GB/T 2260 code of a province given as code, name
// or abbreviation (as filing.NormalizeFiling reads it), or "".
func provinceCode(s string) string {
	s = filing.NormalizeText(s)
	for _, look := range []func(string) (filing.Province, bool){filing.ProvinceByCode, filing.ProvinceByName, filing.ProvinceByAbbr} {
		if p, ok := look(s); ok {
			return p.Code
		}
	}
	return ""
}

// placeOf returns the place of a province given as code, name or
// abbreviation; anything else gives a random province.
func (g *Gen) placeOf(province string) place {
	code := provinceCode(province)
	for _, p := range knownPlaces() {
		if p.province == code {
			return p
		}
	}
	return pick(g, knownPlaces())
}

// rulesAt is the instant at which the generators read the province rules:
// far ahead, so that a requirement is met even when it only comes into force
// later (an extra landline or fewer websites never make a filing invalid).
// Permissions (authorisation letters) are only used when they hold from the
// start, see letterRule.
var rulesAt = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// rule returns the default province rule of a kind for a province.
func rule(province string, kind filing.RuleKind) (filing.ProvinceRule, bool) {
	return filing.DefaultProvinceRules().Lookup(province, kind, rulesAt)
}

// needsLandline reports whether the province wants a landline as well as a
// mobile for its principals (R-06, Jiangxi).
func needsLandline(province string) bool {
	_, ok := rule(province, filing.RuleLandlineRequired)
	return ok
}

// letterRule returns the province's authorisation-letter rule when
// the province accepts letters at all times.
func letterRule(province string) (filing.ProvinceRule, bool) {
	r, ok := rule(province, filing.RuleAuthorisationLetter)
	return r, ok && r.Since == ""
}

// provinceName returns the full Chinese name of a province code.
func provinceName(code string) string {
	p, _ := filing.ProvinceByCode(code)
	return p.Name
}

// ---------------------------------------------------------------------------
// Certificates

// usccAlphabet is the GB 32100-2015 character set (no I, O, Z, S, V); the
// bodies of the organisation codes generated here use it too, so that they
// fit into a credit code.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// Birth dates of generated people: 1960-01-01 to 2004-12-31, so that
// everyone is an adult in every province from 2023 on.
var (
	birthFrom = time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
	birthDays = int(time.Date(2004, 12, 31, 0, 0, 0, 0, time.UTC).Sub(birthFrom).Hours()/24) + 1
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
		return body + checkChar(filing.ResidentIDCheckChar, body)
	}))
}

// sequence returns a GB 11643 sequence code, 001 to 999.
func (g *Gen) sequence() string {
	s := strconv.Itoa(1 + g.intn(999))
	return strings.Repeat("0", 3-len(s)) + s
}

// birth returns a random birth date YYYYMMDD in the generators' range.
func (g *Gen) birth() string {
	return birthFrom.AddDate(0, 0, g.intn(birthDays)).Format("20060102")
}

// ResidentID returns a resident ID number (GB 11643-1999): the address code
// of a real district of a random province, a birth date between 1960 and
// 2004, a random sequence code and the MOD 11-2 check character of
// filing.ResidentIDCheckChar.
func (g *Gen) ResidentID() filing.IDNumber {
	p := pick(g, knownPlaces())
	return g.residentIDIn(p)
}

func (g *Gen) residentIDIn(p place) filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("id", func() string {
		body := p.county + g.birth() + g.sequence()
		return body + checkChar(filing.ResidentIDCheckChar, body)
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
// "XXXXXXXX-C", the check character from filing.OrgCodeCheckChar.
func (g *Gen) OrgCode() filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("orgcode", func() string {
		body := g.orgBody()
		return body + "-" + checkChar(filing.OrgCodeCheckChar, body)
	}))
}

// USCC returns the unified social credit code (GB 32100-2015) of an
// enterprise (registration department 9, category 1) registered in a real
// district of a random province, with an embedded organisation code and
// the MOD 31 check character of filing.USCCCheckChar.
func (g *Gen) USCC() filing.IDNumber {
	return g.uscc(orgKinds[0], pick(g, knownPlaces()))
}

func (g *Gen) uscc(k orgKind, p place) filing.IDNumber {
	return filing.IDNumber(g.likelyFresh("uscc", func() string {
		body := g.orgBody()
		first := k.dept + k.category + p.county + body + checkChar(filing.OrgCodeCheckChar, body)
		return first + checkChar(filing.USCCCheckChar, first)
	}))
}

// ---------------------------------------------------------------------------
// Phones and e-mail

// mobilePrefixes are the three-digit prefixes under which filing accepts
// every mobile number (whatever a longer prefix of the segment table says),
// found by asking filing.CheckMobile.
var mobilePrefixes = sync.OnceValue(func() []string {
	var out []string
	for p := 130; p <= 199; p++ {
		prefix := strconv.Itoa(p)
		ok := true
		for x := 0; x < 100 && ok; x++ {
			n := prefix + strconv.Itoa(x/10) + strconv.Itoa(x%10) + "000000"
			ok = filing.CheckMobile(n) == nil
		}
		if ok {
			out = append(out, prefix)
		}
	}
	return out
})

// Mobile returns an 11-digit mainland mobile number in a segment filing
// accepts (filing.CheckMobile).
func (g *Gen) Mobile() filing.Phone {
	return filing.Phone(g.likelyFresh("phone", func() string {
		return pick(g, mobilePrefixes()) + g.digits(8)
	}))
}

// subscriberLen returns the subscriber-number length of an area code, 8 or
// 7, as filing.CheckLandline accepts it; 0 for an area filing rejects.
var subscriberLen = sync.OnceValue(func() map[string]int {
	out := map[string]int{}
	for _, p := range places {
		for _, l := range []int{8, 7} {
			if filing.CheckLandline(p.area+"-2"+strings.Repeat("0", l-1)) == nil {
				out[p.area] = l
				break
			}
		}
	}
	return out
})

// Landline returns a fixed-line number of a random provincial capital in
// filing's canonical form "0AA-NNNNNNNN" (filing.CheckLandline).
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

// ---------------------------------------------------------------------------
// Domains

// domainPool returns the TLDs of a candidate list under which filing
// accepts a domain for an enterprise (approved, not reserved).
func domainPool(candidates []string, label string) []string {
	var out []string
	for _, t := range candidates {
		if filing.CheckDomainForNature(label+"."+t, filing.NatureEnterprise) == nil {
			out = append(out, t)
		}
	}
	return out
}

var (
	asciiPool = sync.OnceValue(func() []string { return domainPool(asciiTLDs, "a0") })
	idnPool   = sync.OnceValue(func() []string { return domainPool(idnTLDs, "例子") })
)

// asciiLabel returns a domain label from one or two brand words.
func (g *Gen) asciiLabel(b syllable) string {
	if g.chance(2) {
		return b.latin
	}
	return b.latin + pick(g, brands).latin
}

// hanLabel returns a Chinese domain label from one or two brand words.
func (g *Gen) hanLabel(b syllable) string {
	if g.chance(2) {
		return b.han
	}
	return b.han + pick(g, brands).han
}

// Domain returns a registrable ASCII domain under a TLD approved for filing
// (filing.CheckDomain), such as "xingchen.com" or "yunhaiboya.com.cn".
func (g *Gen) Domain() string {
	b := pick(g, brands)
	return g.fresh("domain", func(tag string) string {
		return g.asciiLabel(b) + tag + "." + pick(g, asciiPool())
	})
}

// DomainIDN returns a registrable Chinese domain in its Unicode form under
// an approved Chinese TLD, such as "星辰.中国" or "云海博雅.公司". Its A-label
// is filing.NormalizeDomain's result.
func (g *Gen) DomainIDN() string {
	b := pick(g, brands)
	return g.fresh("domain", func(tag string) string {
		return g.hanLabel(b) + tag + "." + pick(g, idnPool())
	})
}

// ---------------------------------------------------------------------------
// People

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
