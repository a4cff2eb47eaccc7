package filing

import (
	"slices"
	"time"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/personal"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/filing/province"
	"github.com/beiankit/beian/internal/catalog"
	"github.com/beiankit/beian/internal/textnorm"
	"github.com/beiankit/beian/numbering"
)

// This file keeps, as filing.X, the names of the leaf packages that the
// model and Validate's answers are made of: the problem types, the
// province, the personal data types, the certificate types, the app kinds.
// The checks and codes of the leaf packages (certno, contact, domain,
// province) are used from those packages.

// Code is problem.Code: the stable, machine-readable identifier of one kind
// of problem, such as "id.checksum" or "domain.tld_not_approved".
type Code = problem.Code

// Problem is problem.Problem: one thing wrong with an input.
type Problem = problem.Problem

// ValidationError is problem.ValidationError: every problem found in one
// input.
type ValidationError = problem.ValidationError

// NewProblem builds the Problem of a registered code (problem.New).
func NewProblem(code Code, args ...any) *Problem { return problem.New(code, args...) }

// newProblem is problem.New, for this package's checks.
func newProblem(code Code, args ...any) *Problem { return problem.New(code, args...) }

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code of the filing family, sorted: the codes this
// package defines and those of its leaf packages (certno, contact and
// domain), which were defined here before they moved; the code strings
// did not change.
func Codes() []Code {
	out := codes.Codes()
	out = append(out, certno.Codes()...)
	out = append(out, contact.Codes()...)
	out = append(out, domain.Codes()...)
	slices.Sort(out)
	return out
}

// Province is province.Province: one of the 31 provincial communications
// bureaus that take ICP filings.
type Province = province.Province

// Provinces returns the 31 provinces in GB/T 2260 code order (province.All).
func Provinces() []Province { return province.All() }

// ProvinceByCode returns the province with a two-digit GB/T 2260 code
// (province.ByCode).
func ProvinceByCode(code string) (Province, bool) { return province.ByCode(code) }

// ProvinceByAbbr returns the province of a one-character abbreviation
// (province.ByAbbr).
func ProvinceByAbbr(abbr string) (Province, bool) { return province.ByAbbr(abbr) }

// AreaCode looks a six-digit GB/T 2260 division code up (province.AreaCode).
func AreaCode(code string) (name string, ok bool) { return province.AreaCode(code) }

// AreaCodesAsOf returns the date of the embedded area-code edition
// (province.AreaCodesAsOf).
func AreaCodesAsOf() string { return province.AreaCodesAsOf() }

// IDNumber is personal.IDNumber: a certificate number that prints masked.
type IDNumber = personal.IDNumber

// Phone is personal.Phone: a phone number that prints masked.
type Phone = personal.Phone

// Email is personal.Email: an e-mail address that prints masked.
type Email = personal.Email

// NormalizeText returns s in NFKC form (full-width letters, digits and
// punctuation that Chinese input methods produce become their ASCII forms:
// "１３８" → "138", "－" → "-", the ideographic space becomes a space), with
// surrounding white space removed and inner runs of white space folded to one
// space. Invalid UTF-8 sequences are replaced by U+FFFD so that checks see
// and reject them instead of passing raw bytes on.
func NormalizeText(s string) string { return textnorm.Text(s) }

// normalizeKey normalises a table key typed by a user (a nature or
// certificate name): NFKC and trimmed.
func normalizeKey(s string) string { return textnorm.Text(s) }

// isPlainASCII is textnorm.PlainASCII.
func isPlainASCII(s string) bool { return textnorm.PlainASCII(s) }

// AppKind is numbering.AppKind: app, mini-program or quick app.
type AppKind = numbering.AppKind

// App kinds (numbering.AppKindApp, ...).
const (
	AppKindApp         = numbering.AppKindApp         // APP: -nA
	AppKindMiniProgram = numbering.AppKindMiniProgram // 小程序: -nX
	AppKindQuickApp    = numbering.AppKindQuickApp    // 快应用: -nK
)

// CertFormat is certno.CertFormat.
type CertFormat = certno.CertFormat

// CertInfo is certno.CertInfo.
type CertInfo = certno.CertInfo

// CertType is certno.CertType.
type CertType = certno.CertType

// Certificate types (certno.CertResidentID, ...).
const (
	CertBusinessLicence = certno.CertBusinessLicence
	CertForeignPRID     = certno.CertForeignPRID
	CertHKMOPermit      = certno.CertHKMOPermit
	CertHKMOTWResidence = certno.CertHKMOTWResidence
	CertInstitution     = certno.CertInstitution
	CertOrgCode         = certno.CertOrgCode
	CertPassport        = certno.CertPassport
	CertResidentID      = certno.CertResidentID
	CertTWPermit        = certno.CertTWPermit
	CertUSCC            = certno.CertUSCC
)

// checkResidentID is certno.CheckResidentID as of *now (nil: the clock).
func checkResidentID(s string, now *time.Time) error {
	if now == nil {
		return certno.CheckResidentID(s)
	}
	return certno.CheckResidentIDAt(s, *now)
}

// normalizeCertNumberAt is certno.NormalizeCertNumber as of *now (nil: the
// clock).
func normalizeCertNumberAt(t CertType, s string, now *time.Time) (IDNumber, error) {
	if now == nil {
		return certno.NormalizeCertNumber(t, s)
	}
	return certno.NormalizeCertNumberAt(t, s, *now)
}

// CheckDomainForNature is domain.CheckDomainForNature for a subject nature:
// CheckDomain plus the suffixes reserved for some natures.
func CheckDomainForNature(s string, nature Nature) error {
	return domain.CheckDomainForNature(s, string(nature))
}
