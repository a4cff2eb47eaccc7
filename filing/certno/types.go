package certno

import (
	_ "embed"
	"encoding/json"
	"slices"
	"sync"

	"github.com/beiankit/beian/internal/textnorm"
)

// CertType identifies a kind of certificate the filing system accepts, as a
// stable code such as "resident_id" or "business_licence". JSON input may use
// the code or the Chinese name ("居民身份证"); output is always the code.
type CertType string

// CertFormat names the national standard a certificate number follows, which
// decides how it is checked.
type CertFormat string

// Certificate number formats.
const (
	FormatResidentID    CertFormat = "resident_id"     // GB 11643-1999
	FormatUSCC          CertFormat = "uscc"            // GB 32100-2015
	FormatOrgCode       CertFormat = "orgcode"         // GB 11714-1997
	FormatUSCCOrOrgCode CertFormat = "uscc_or_orgcode" // either of the two
	FormatHKMOPermit    CertFormat = "hk_mo_permit"    // 港澳居民来往内地通行证
	FormatTWPermit      CertFormat = "tw_permit"       // 台湾居民来往大陆通行证
	FormatPassport      CertFormat = "passport"        // ICAO 9303 document number
	FormatForeignPRID   CertFormat = "foreign_pr_id"   // 外国人永久居留身份证, 2017 and 2023 forms
	FormatFree          CertFormat = "free"            // no national standard: length and charset only
)

// Certificate types (the codes of data/certificates.json most callers need by
// name; CertTypes lists them all).
const (
	CertResidentID      CertType = "resident_id"
	CertHKMOPermit      CertType = "hk_mo_permit"
	CertTWPermit        CertType = "tw_permit"
	CertHKMOTWResidence CertType = "hk_mo_tw_residence"
	CertPassport        CertType = "passport"
	CertForeignPRID     CertType = "foreign_pr_id"
	CertBusinessLicence CertType = "business_licence"
	CertUSCC            CertType = "uscc_certificate"
	CertOrgCode         CertType = "orgcode_certificate"
	CertInstitution     CertType = "institution_legal_person"
)

// CertInfo describes one certificate type.
type CertInfo struct {
	Code CertType `json:"code"`
	// Zh is the Chinese name as the filing system shows it.
	Zh string `json:"zh"`
	// En is an English name.
	En string `json:"en"`
	// Holder is "person" or "organisation".
	Holder string `json:"holder"`
	// Format is the number format.
	Format CertFormat `json:"format"`
}

// Personal reports whether the certificate is held by a natural person.
func (c CertInfo) Personal() bool { return c.Holder == "person" }

//go:embed data/certificates.json
var certificatesJSON []byte

// certTable is data/certificates.json, decoded on first use.
type certTable struct {
	infos []CertInfo
	byKey map[string]int // code or Chinese name -> index
}

var certTypes = sync.OnceValue(func() *certTable {
	// The rows are read with the code as a plain string: CertType's
	// UnmarshalText looks codes up in this very table.
	type row struct {
		Code   string     `json:"code"`
		Zh     string     `json:"zh"`
		En     string     `json:"en"`
		Holder string     `json:"holder"`
		Format CertFormat `json:"format"`
	}
	var c struct {
		Certificates []row `json:"certificates"`
	}
	if err := json.Unmarshal(certificatesJSON, &c); err != nil {
		panic("certno: embedded data/certificates.json: " + err.Error()) // build defect, caught by every test run
	}
	t := certTable{byKey: map[string]int{}}
	for _, r := range c.Certificates {
		t.infos = append(t.infos, CertInfo{Code: CertType(r.Code), Zh: r.Zh, En: r.En, Holder: r.Holder, Format: r.Format})
	}
	for i, x := range t.infos {
		t.byKey[string(x.Code)] = i
		t.byKey[x.Zh] = i
	}
	return &t
})

// CertTypes returns every certificate type the filing system accepts.
func CertTypes() []CertInfo { return slices.Clone(certTypes().infos) }

// Info returns the description of the certificate type; ok is false for an
// unknown code.
func (t CertType) Info() (info CertInfo, ok bool) {
	if p := t.info(); p != nil {
		return *p, true
	}
	return CertInfo{}, false
}

// info is Info without the copy of the row, for the normalisers; nil for
// an unknown type.
func (t CertType) info() *CertInfo {
	tab := certTypes()
	if i, ok := tab.byKey[string(t)]; ok {
		return &tab.infos[i]
	}
	return nil
}

// UnmarshalText accepts the code or the Chinese name.
func (t *CertType) UnmarshalText(b []byte) error {
	s := textnorm.Text(string(b))
	if i, ok := certTypes().byKey[s]; ok {
		*t = certTypes().infos[i].Code
		return nil
	}
	*t = CertType(s) // unknown: kept, reported by validation
	return nil
}
