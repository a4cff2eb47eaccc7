package main

import (
	"net/http"
	"testing"
)

// the portal lists the materials a filing carries beyond its fields,
// and the name warnings that do not stop the submission.
func TestR93_MaterialsPage(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(with(company(t, 1), fieldWebsiteName, "星辰科技工作室"))
	resp, body := p.get(loc + "/materials")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	wantContains(t, "materials page", body, "网站备案信息真实性核验单", "手持证件照")

	individual := with(sample(),
		fieldSponsorName, "王磊",
		fieldNature, "individual",
		fieldCertType, "resident_id",
		fieldCertNumber, "520102199003071236",
		fieldLegalRepresentative, "",
		fieldWebsiteName, "王磊的读书导航",
		fieldServiceContent, "个人博客",
	)
	loc = p.submit(with(individual, fieldProvince, "52"))
	_, body = p.get(loc + "/materials")
	wantContains(t, "name warnings", body, "名称提示", "导航", "王磊")

	resp, _ = p.get("/filings/nope/materials")
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown filing: status %d, want 404", resp.StatusCode)
	}
}
