// Package certno answers one question: is this certificate number (证件号码)
// well formed for its certificate type, and what is its canonical form
//
//
// CheckResidentID checks a resident identity card number (GB 11643-1999:
// region, birth date, MOD 11-2 check character), CheckUSCC a unified social
// credit code (GB 32100-2015: registration department and category, region,
// MOD 31 check), CheckOrgCode an organisation code (GB 11714-1997),
// CheckHKMOPermit, CheckTWPermit, CheckPassport and CheckForeignPRID the
// permits and passports; CheckCertNumber dispatches on a CertType (the
// certificate types of data/certificates.json, CertTypes) and
// NormalizeCertNumber returns the canonical form as a personal.IDNumber,
// which prints masked. Full-width digits and letters, spaces and dashes are
// accepted. ParseResidentID and ParseUSCC return the parts of a number.
//
// Every problem is a *problem.Problem with a stable code (id.*, cert.*).
// Package filing's model names certificate types through aliases
// (filing.CertType, filing.CertResidentID, ...); the checks are called here.
package certno
