package forms

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// RetrievalRequest is an online password retrieval request: the
// record number, the subject's certificate type and certificate number. The
// new password then goes to the e-mail and mobile on file, never to the
// requester directly.
type RetrievalRequest struct {
	RecordNumber string          `json:"record_number"`
	CertType     filing.CertType `json:"cert_type"`
	CertNumber   filing.IDNumber `json:"cert_number"`
}

// Fingerprint holds the SHA-256 digests of the canonical forms of a
// subject's record number, certificate type and certificate number, for
// constant-time matching of retrieval requests. Digests have a fixed
// length, so the comparison time does not depend on the lengths or the
// contents of the values on file.
//
// A fingerprint is not a safe way to store certificate numbers: ID numbers
// have little entropy and an unsalted digest can be brute-forced. Keep it
// where the subject itself is kept.
type Fingerprint struct {
	record, certType, certNumber [sha256.Size]byte
}

// FingerprintOf computes the fingerprint of a subject on file.
func FingerprintOf(recordNumber string, t filing.CertType, n filing.IDNumber) Fingerprint {
	return Fingerprint{
		record:     digest("record", canonicalSubjectNumber(recordNumber)),
		certType:   digest("cert_type", canonicalCertType(t)),
		certNumber: digest("cert_number", canonicalCertNumber(t, n)),
	}
}

// SubjectFingerprint is FingerprintOf for a filing.Subject.
func SubjectFingerprint(s *filing.Subject) Fingerprint {
	return FingerprintOf(s.Number, s.CertType, s.CertNumber)
}

// Matches reports whether the request names the subject of the fingerprint
// . All three parts are always canonicalised, digested and compared
// with crypto/subtle, and the results combined without short-circuit, so the
// time taken does not reveal which part differs; the answer is a bare
// boolean, so the caller cannot tell either (show one message for every
// mismatch, e.g. "信息不匹配").
//
// Canonical forms: a website number "…号-2" stands for its subject number
// "…号" (numbering.Parse, Number.Subject); the certificate type is its code
// (Chinese names accepted); the number is certno.NormalizeCertNumber's form
// (full-width digits folded, letters upper-cased, separators removed), or,
// when it does not check, its normalised upper-cased text, so an invalid
// number is compared (and fails) in the same way as a valid one.
func (f Fingerprint) Matches(r RetrievalRequest) bool {
	q := FingerprintOf(r.RecordNumber, r.CertType, r.CertNumber)
	ok := subtle.ConstantTimeCompare(f.record[:], q.record[:])
	ok &= subtle.ConstantTimeCompare(f.certType[:], q.certType[:])
	ok &= subtle.ConstantTimeCompare(f.certNumber[:], q.certNumber[:])
	// An empty request part never matches, not even an empty part on file.
	// This branches on the request only, which the requester knows anyway.
	if filing.NormalizeText(r.RecordNumber) == "" || filing.NormalizeText(string(r.CertType)) == "" ||
		filing.NormalizeText(r.CertNumber.Raw()) == "" {
		ok = 0
	}
	return ok == 1
}

// MatchRetrieval reports whether a retrieval request names the subject on
// file; see Fingerprint.Matches.
func MatchRetrieval(r RetrievalRequest, onFile *filing.Subject) bool {
	return SubjectFingerprint(onFile).Matches(r)
}

// digest hashes a canonical value with a domain-separation prefix, so that
// equal strings in different parts never collide.
func digest(part, v string) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte("beiankit/forms/R-58/"))
	h.Write([]byte(part))
	h.Write([]byte{0})
	h.Write([]byte(v))
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// maxMatchInput bounds the work spent on one request part.
const maxMatchInput = 256

func canonicalSubjectNumber(s string) string {
	if len(s) > maxMatchInput {
		s = s[:maxMatchInput]
	}
	if n, ok := subjectRecordNumber(s); ok {
		return n
	}
	return "\x00invalid:" + strings.ToUpper(filing.NormalizeText(s))
}

func canonicalCertType(t filing.CertType) string {
	s := string(t)
	if len(s) > maxMatchInput {
		s = s[:maxMatchInput]
	}
	var ct filing.CertType
	_ = ct.UnmarshalText([]byte(s)) // never fails: unknown types are kept as text
	if _, ok := ct.Info(); ok {
		return string(ct)
	}
	return "\x00invalid:" + string(ct)
}

func canonicalCertNumber(t filing.CertType, n filing.IDNumber) string {
	s := n.Raw()
	if len(s) > maxMatchInput {
		s = s[:maxMatchInput]
	}
	var ct filing.CertType
	_ = ct.UnmarshalText([]byte(t))
	if c, err := certno.NormalizeCertNumber(ct, s); err == nil {
		return c.Raw()
	}
	return "\x00invalid:" + strings.ToUpper(strings.ReplaceAll(filing.NormalizeText(s), " ", ""))
}

// LogValue logs the request with its certificate number masked.
func (r RetrievalRequest) LogValue() slog.Value { return filing.MaskedLogValue(r) }

// Format prints the request as fmt prints a struct, the certificate number
// masked for every verb.
func (r RetrievalRequest) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, r) }
