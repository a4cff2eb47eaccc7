package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing"
)

// TestR31_ResidentIDAnswerDisclosesNoRecord: an unauthenticated submitter
// who types a resident-ID number on file learns that it is on file and
// what to do, never the record number, province, status or name it is filed
// under (with the public query, that would map the ID number to a person);
// an organisation's certificate is answered in full (TestConflictGuidance).
func TestR31_ResidentIDAnswerDisclosesNoRecord(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	const onFile = "110105198506122347" // 李明, 京ICP备2020033841号 in the sample record set
	v := with(sample(),
		fieldSponsorName, "王磊",
		fieldNature, string(filing.NatureIndividual),
		fieldCertType, string(filing.CertResidentID),
		fieldCertNumber, onFile,
		fieldPrincipalName, "王磊",
		fieldPrincipalCertNumber, onFile,
		fieldLegalRepresentative, "",
		fieldWebsiteName, "王磊的读书笔记",
		fieldServiceContent, "个人博客",
		fieldDomain, "wanglei-notes.cn",
		fieldHomeURL, "https://wanglei-notes.cn",
	)
	resp, body := p.post(v)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("resident ID on file: status %d, want 409:\n%s", resp.StatusCode, pageText(body))
	}
	wantContains(t, "page", body, "该证件号码已有备案记录或正在办理的备案", "为保护个人信息", "接入商账号")
	box, _, _ := strings.Cut(body[strings.Index(body, `id="conflicts"`):], "主办单位信息")
	for _, leak := range []string{"京ICP备2020033841号", "李明", "北京", "主体备案号："} {
		if strings.Contains(body, leak) && leak != "北京" || strings.Contains(box, leak) {
			t.Errorf("the page discloses %q:\n%s", leak, pageText(box))
		}
	}
	if strings.Contains(p.logs.String(), onFile) {
		t.Error("the logs hold the ID number")
	}
}
