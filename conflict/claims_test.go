package conflict

import (
	"encoding/json"
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
				assert.Equal(t, "R-31", cf.Rule())
				assert.Equal(t, "subject.number", cf.Path)
				assert.Equal(t, numA, cf.Blocking.SubjectNumber)
				b, err := json.Marshal(cf)
				require.NoError(t, err)
				assert.NotContains(t, string(b), certA, "no certificate number of the record")
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

// TestR74_R31_ClaimedSubjectNumberOwnsNoApp: the app check believes a
// claimed subject number no more than the website check does. A stranger
// naming Tencent's subject number (and WeChat's app number) is told the
// number is not proven and WeChat's identifier and name are another
// subject's, never that WeChat is its own app.
func TestR74_R31_ClaimedSubjectNumberOwnsNoApp(t *testing.T) {
	ix := appFixture(t)
	taken := []Kind{KindAppIdentifierTaken, KindAppNameTaken}
	for _, c := range []struct {
		name      string
		number    string // the subject number the filing claims
		cert      string
		appNumber string // the app number the filing claims ("" for a new app)
		want      []Kind
	}{
		{"stranger, no claim", "", certE, "", taken},
		{"stranger claims Tencent", numTencent, certE, "", append([]Kind{KindSubjectNumberNotProven}, taken...)},
		{"stranger claims Tencent and WeChat", numTencent, certE, numTencent + "-1627A", append([]Kind{KindSubjectNumberNotProven}, taken...)},
		{"stranger claims Tencent and WeChat, lower case", numTencent, certE, "粤b2-20090059-1627a", append([]Kind{KindSubjectNumberNotProven}, taken...)},
		// Douyin's certificate is on file under Douyin's number.
		{"Douyin claims Tencent and WeChat", numTencent, certA, numTencent + "-1627A", append([]Kind{KindSubjectCertificateTaken}, taken...)},
		// The honest case: Tencent's number, certificate and app.
		{"Tencent, change of WeChat", numTencent, certB, numTencent + "-1627A", nil},
		{"Tencent, WeChat again as new", numTencent, certB, "", []Kind{KindAppFiledByYou}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := appFiling("微信", plat(filing.PlatformAndroid, "com.tencent.mm"))
			f.Subject.Number, f.Subject.CertNumber = c.number, filing.IDNumber(c.cert)
			f.Apps[0].Number = c.appNumber
			cs, err := ix.Check(f)
			require.NoError(t, err)
			assert.Equal(t, c.want, kinds(cs))
			for _, cf := range cs {
				if cf.Rule() == "R-74" {
					assert.Equal(t, numTencent+"-1627A", cf.Blocking.AppNumber)
				}
			}
		})
	}

	// Another subject's app number under an unproven claim is still unknown.
	f := appFiling("抖音", plat(filing.PlatformAndroid, "cn.example.dy"))
	f.Subject.Number = numTencent
	f.Apps[0].Number = numDouyin + "-2A"
	_, err := ix.Check(f)
	assert.ErrorIs(t, err, CodeNumberUnknown)
}
