package conflict

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// TestR31_ClaimedSubjectNumberIsProven: a subject number the filing names
// must belong to the certificate (type and number) it gives. Otherwise the
// claim is not believed: a typed R-31 conflict with guidance, and the named
// subject's domains and websites are not the applicant's.
func TestR31_ClaimedSubjectNumberIsProven(t *testing.T) {
	ix := fixture(t)
	cases := []struct {
		name      string
		number    string
		certType  filing.CertType
		cert      string
		website   string // the website's number (a change), "" for a new website
		domain    string
		wantKinds []Kind
	}{
		// The honest case: A's number with A's certificate, A's domain
		// in a change of A's website: nothing.
		{"proven change", numA, filing.CertBusinessLicence, certA, numA + "-1", "example.com", nil},
		// A's number with a stranger's certificate, A's domain as a new
		// website: previously "already filed under your subject".
		{"stranger claims A, new website", numA, filing.CertBusinessLicence, certE, "", "example.com",
			[]Kind{KindSubjectNumberNotProven, KindDomainSameProvince}},
		// ... and as a change of A's website: previously no conflict.
		{"stranger claims A, change of A's website", numA, filing.CertBusinessLicence, certE, numA + "-1", "example.com",
			[]Kind{KindSubjectNumberNotProven, KindDomainSameProvince}},
		// ... with a fresh domain: the claim alone is the conflict.
		{"stranger claims A, fresh domain", numA, filing.CertBusinessLicence, certE, "", "fresh-domain.cn",
			[]Kind{KindSubjectNumberNotProven}},
		// A's certificate number under another type is another certificate.
		{"A's number, A's digits, other type", numA, filing.CertUSCC, certA, "", "fresh-domain.cn",
			[]Kind{KindSubjectNumberNotProven}},
		// B's certificate claiming A's number: B's certificate is on file
		// under another number (KindSubjectCertificateTaken says so), and
		// A's domain is A's, not B's.
		{"B claims A", numA, filing.CertBusinessLicence, certB, "", "example.com",
			[]Kind{KindSubjectCertificateTaken, KindDomainSameProvince}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFiling("52", c.domain)
			f.Subject.Number, f.Subject.CertType, f.Subject.CertNumber = c.number, c.certType, filing.IDNumber(c.cert)
			f.Websites[0].Number = c.website
			cs, err := ix.Check(f)
			require.NoError(t, err)
			assert.Equal(t, c.wantKinds, kinds(cs))
			for _, k := range kinds(cs) {
				assert.NotEqual(t, KindDomainFiledByYou, k, "a claim must not make another's domain the applicant's")
			}
			for _, cf := range cs {
				if cf.Kind != KindSubjectNumberNotProven {
					continue
				}
				assert.Equal(t, "R-31", cf.Rule)
				assert.Equal(t, "subject.number", cf.Path)
				assert.Equal(t, numA, cf.Blocking.SubjectNumber)
				assert.Len(t, cf.Steps, 4)
				assert.Contains(t, cf.Zh, numA)
				assert.NotContains(t, cf.Zh+cf.En, certA, "no certificate number of the record")
				assert.ErrorIs(t, cf, KindSubjectNumberNotProven)
			}
		})
	}
}

// TestR31_ClaimedWebsiteNumberMustBeTheSubjects: a website number claimed
// in a change must be under the (proven) subject.
func TestR31_ClaimedWebsiteNumberMustBeTheSubjects(t *testing.T) {
	ix := fixture(t)
	f := newFiling("52", "other.cn")
	f.Subject.Number, f.Subject.CertNumber = numA, certA
	f.Websites[0].Number = numB + "-1" // B's website, claimed by A
	_, err := ix.Check(f)
	assert.ErrorIs(t, err, CodeWebsiteNotOwn)
}
