package filing

import (
	"time"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/personal"
)

// Names of package filing/certno (certificate numbers: GB 11643, GB 32100,
// GB 11714, permits, passports; the certificate types), kept here for code
// written against filing.

// CertFormat is certno.CertFormat.
type CertFormat = certno.CertFormat

// CertInfo is certno.CertInfo.
type CertInfo = certno.CertInfo

// CertType is certno.CertType.
type CertType = certno.CertType

// CertTypes is certno.CertTypes.
func CertTypes() []certno.CertInfo { return certno.CertTypes() }

// CheckCertNumber is certno.CheckCertNumber.
func CheckCertNumber(t certno.CertType, s string) error { return certno.CheckCertNumber(t, s) }

// CheckCertNumberAt is certno.CheckCertNumberAt.
func CheckCertNumberAt(t certno.CertType, s string, now time.Time) error {
	return certno.CheckCertNumberAt(t, s, now)
}

// CheckForeignPRID is certno.CheckForeignPRID.
func CheckForeignPRID(s string) error { return certno.CheckForeignPRID(s) }

// CheckHKMOPermit is certno.CheckHKMOPermit.
func CheckHKMOPermit(s string) error { return certno.CheckHKMOPermit(s) }

// CheckOrgCode is certno.CheckOrgCode.
func CheckOrgCode(s string) error { return certno.CheckOrgCode(s) }

// CheckPassport is certno.CheckPassport.
func CheckPassport(s string) error { return certno.CheckPassport(s) }

// CheckResidentID is certno.CheckResidentID.
func CheckResidentID(s string) error { return certno.CheckResidentID(s) }

// CheckResidentIDAt is certno.CheckResidentIDAt.
func CheckResidentIDAt(s string, now time.Time) error { return certno.CheckResidentIDAt(s, now) }

// CheckTWPermit is certno.CheckTWPermit.
func CheckTWPermit(s string) error { return certno.CheckTWPermit(s) }

// CheckUSCC is certno.CheckUSCC.
func CheckUSCC(s string) error { return certno.CheckUSCC(s) }

// NormalizeCertNumber is certno.NormalizeCertNumber.
func NormalizeCertNumber(t certno.CertType, s string) (personal.IDNumber, error) {
	return certno.NormalizeCertNumber(t, s)
}

// NormalizeCertNumberAt is certno.NormalizeCertNumberAt.
func NormalizeCertNumberAt(t certno.CertType, s string, now time.Time) (personal.IDNumber, error) {
	return certno.NormalizeCertNumberAt(t, s, now)
}

// OrgCodeCheckChar is certno.OrgCodeCheckChar.
func OrgCodeCheckChar(first8 string) (byte, error) { return certno.OrgCodeCheckChar(first8) }

// ParseResidentID is certno.ParseResidentID.
func ParseResidentID(s string) (certno.ResidentID, error) { return certno.ParseResidentID(s) }

// ParseResidentIDAt is certno.ParseResidentIDAt.
func ParseResidentIDAt(s string, now time.Time) (certno.ResidentID, error) {
	return certno.ParseResidentIDAt(s, now)
}

// ParseUSCC is certno.ParseUSCC.
func ParseUSCC(s string) (certno.USCC, error) { return certno.ParseUSCC(s) }

// ResidentID is certno.ResidentID.
type ResidentID = certno.ResidentID

// ResidentIDCheckChar is certno.ResidentIDCheckChar.
func ResidentIDCheckChar(first17 string) (byte, error) { return certno.ResidentIDCheckChar(first17) }

// USCC is certno.USCC.
type USCC = certno.USCC

// USCCCheckChar is certno.USCCCheckChar.
func USCCCheckChar(first17 string) (byte, error) { return certno.USCCCheckChar(first17) }

// UpgradeLegacyResidentID is certno.UpgradeLegacyResidentID.
func UpgradeLegacyResidentID(s string) (personal.IDNumber, error) {
	return certno.UpgradeLegacyResidentID(s)
}

const CertBusinessLicence = certno.CertBusinessLicence // certno.CertBusinessLicence

const CertForeignPRID = certno.CertForeignPRID // certno.CertForeignPRID

const CertHKMOPermit = certno.CertHKMOPermit // certno.CertHKMOPermit

const CertHKMOTWResidence = certno.CertHKMOTWResidence // certno.CertHKMOTWResidence

const CertInstitution = certno.CertInstitution // certno.CertInstitution

const CertOrgCode = certno.CertOrgCode // certno.CertOrgCode

const CertPassport = certno.CertPassport // certno.CertPassport

const CertResidentID = certno.CertResidentID // certno.CertResidentID

const CertTWPermit = certno.CertTWPermit // certno.CertTWPermit

const CertUSCC = certno.CertUSCC // certno.CertUSCC

const FormatForeignPRID = certno.FormatForeignPRID // certno.FormatForeignPRID

const FormatFree = certno.FormatFree // certno.FormatFree

const FormatHKMOPermit = certno.FormatHKMOPermit // certno.FormatHKMOPermit

const FormatOrgCode = certno.FormatOrgCode // certno.FormatOrgCode

const FormatPassport = certno.FormatPassport // certno.FormatPassport

const FormatResidentID = certno.FormatResidentID // certno.FormatResidentID

const FormatTWPermit = certno.FormatTWPermit // certno.FormatTWPermit

const FormatUSCC = certno.FormatUSCC // certno.FormatUSCC

const FormatUSCCOrOrgCode = certno.FormatUSCCOrOrgCode // certno.FormatUSCCOrOrgCode

var CodeCertEmpty = certno.CodeCertEmpty // certno.CodeCertEmpty

var CodeCertFree = certno.CodeCertFree // certno.CodeCertFree

var CodeCertTooLong = certno.CodeCertTooLong // certno.CodeCertTooLong

var CodeCertUnknownType = certno.CodeCertUnknownType // certno.CodeCertUnknownType

var CodeHKMOPermitFormat = certno.CodeHKMOPermitFormat // certno.CodeHKMOPermitFormat

var CodeIDBirthDate = certno.CodeIDBirthDate // certno.CodeIDBirthDate

var CodeIDBirthEarly = certno.CodeIDBirthEarly // certno.CodeIDBirthEarly

var CodeIDBirthFuture = certno.CodeIDBirthFuture // certno.CodeIDBirthFuture

var CodeIDChars = certno.CodeIDChars // certno.CodeIDChars

var CodeIDChecksum = certno.CodeIDChecksum // certno.CodeIDChecksum

var CodeIDLegacy15 = certno.CodeIDLegacy15 // certno.CodeIDLegacy15

var CodeIDLength = certno.CodeIDLength // certno.CodeIDLength

var CodeIDNotPermit = certno.CodeIDNotPermit // certno.CodeIDNotPermit

var CodeIDPermitNumber = certno.CodeIDPermitNumber // certno.CodeIDPermitNumber

var CodeIDRegion = certno.CodeIDRegion // certno.CodeIDRegion

var CodeOrgCodeChecksum = certno.CodeOrgCodeChecksum // certno.CodeOrgCodeChecksum

var CodeOrgCodeFormat = certno.CodeOrgCodeFormat // certno.CodeOrgCodeFormat

var CodePRIDChecksum = certno.CodePRIDChecksum // certno.CodePRIDChecksum

var CodePRIDFormat = certno.CodePRIDFormat // certno.CodePRIDFormat

var CodePassportFormat = certno.CodePassportFormat // certno.CodePassportFormat

var CodeTWPermitFormat = certno.CodeTWPermitFormat // certno.CodeTWPermitFormat

var CodeUSCCChars = certno.CodeUSCCChars // certno.CodeUSCCChars

var CodeUSCCChecksum = certno.CodeUSCCChecksum // certno.CodeUSCCChecksum

var CodeUSCCDepartment = certno.CodeUSCCDepartment // certno.CodeUSCCDepartment

var CodeUSCCLength = certno.CodeUSCCLength // certno.CodeUSCCLength

var CodeUSCCOrgCode = certno.CodeUSCCOrgCode // certno.CodeUSCCOrgCode

var CodeUSCCRegNo15 = certno.CodeUSCCRegNo15 // certno.CodeUSCCRegNo15

var CodeUSCCRegion = certno.CodeUSCCRegion // certno.CodeUSCCRegion

// checkResidentID is CheckResidentID as of *now (nil: the clock).
func checkResidentID(s string, now *time.Time) error {
	if now == nil {
		return certno.CheckResidentID(s)
	}
	return certno.CheckResidentIDAt(s, *now)
}

// normalizeCertNumberAt is NormalizeCertNumber as of *now (nil: the clock).
func normalizeCertNumberAt(t CertType, s string, now *time.Time) (IDNumber, error) {
	if now == nil {
		return certno.NormalizeCertNumber(t, s)
	}
	return certno.NormalizeCertNumberAt(t, s, *now)
}
