package forms

import (
	"testing"

	"github.com/beiankit/beian/filing"
)

func onFile() *filing.Subject {
	return &filing.Subject{
		Number:     "豫ICP备2021012345号",
		Name:       "郑州示例科技有限公司",
		Nature:     filing.NatureEnterprise,
		CertType:   filing.CertBusinessLicence,
		CertNumber: "91350100M000100Y43",
	}
}

func TestR58_RetrievalMatches(t *testing.T) {
	cases := []struct {
		name string
		req  RetrievalRequest
		want bool
	}{
		{"exact", RetrievalRequest{"豫ICP备2021012345号", filing.CertBusinessLicence, "91350100M000100Y43"}, true},
		{"website number stands for its subject", RetrievalRequest{"豫ICP备2021012345号-3", filing.CertBusinessLicence, "91350100M000100Y43"}, true},
		{"full-width, spaces, lower case", RetrievalRequest{" 豫ＩＣＰ备２０２１０１２３４５号 ", "工商营业执照", "９１３５０１００m０００１００y４３"}, true},
		{"wrong record number", RetrievalRequest{"豫ICP备2021012346号", filing.CertBusinessLicence, "91350100M000100Y43"}, false},
		{"wrong province", RetrievalRequest{"京ICP备2021012345号", filing.CertBusinessLicence, "91350100M000100Y43"}, false},
		{"wrong certificate type", RetrievalRequest{"豫ICP备2021012345号", filing.CertUSCC, "91350100M000100Y43"}, false},
		{"wrong certificate number", RetrievalRequest{"豫ICP备2021012345号", filing.CertBusinessLicence, "9144030071526726XG"}, false},
		{"invalid certificate number", RetrievalRequest{"豫ICP备2021012345号", filing.CertBusinessLicence, "91350100M000100Y4"}, false},
		{"garbage record number", RetrievalRequest{"不记得", filing.CertBusinessLicence, "91350100M000100Y43"}, false},
		{"empty request", RetrievalRequest{}, false},
		{"all wrong", RetrievalRequest{"京ICP备05002571号", filing.CertResidentID, "11010519491231002X"}, false},
	}
	s := onFile()
	fp := SubjectFingerprint(s)
	for _, tc := range cases {
		if got := MatchRetrieval(tc.req, s); got != tc.want {
			t.Errorf("%s: MatchRetrieval = %v, want %v", tc.name, got, tc.want)
		}
		if got := fp.Matches(tc.req); got != tc.want {
			t.Errorf("%s: Fingerprint.Matches = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestR58_EmptyOnFileNeverMatchesEmptyRequest(t *testing.T) {
	empty := &filing.Subject{}
	if MatchRetrieval(RetrievalRequest{}, empty) {
		t.Fatal("empty request matched an empty subject")
	}
	// Garbage on file is not matched by the same garbage... unless all three
	// parts are given and equal; an invalid record number still never
	// matches a different one.
	junk := &filing.Subject{Number: "x", CertType: "y", CertNumber: "z"}
	if MatchRetrieval(RetrievalRequest{"w", "y", "z"}, junk) {
		t.Fatal("different invalid numbers matched")
	}
}

func TestR58_PartsDoNotCollide(t *testing.T) {
	// The same string in different parts digests differently (domain
	// separation), so a value cannot be moved from one part to another.
	a := FingerprintOf("豫ICP备2021012345号", filing.CertResidentID, "11010519491231002X")
	if a.record == a.certNumber || a.certType == a.certNumber {
		t.Fatal("part digests collide")
	}
	if digest("record", "v") == digest("cert_number", "v") {
		t.Fatal("no domain separation")
	}
}

func TestR58_OversizedInputBounded(t *testing.T) {
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = '9'
	}
	if MatchRetrieval(RetrievalRequest{string(big), filing.CertOrgCode, filing.IDNumber(big)}, onFile()) {
		t.Fatal("oversized request matched")
	}
}
