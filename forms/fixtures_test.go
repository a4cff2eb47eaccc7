package forms

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// now is the fixed "current" instant of the tests: Monday 2026-03-02 10:00
// in China.
var now = time.Date(2026, 3, 2, 10, 0, 0, 0, calendar.Location())

func domainCert(domain, holder string) *DomainCertificate {
	return &DomainCertificate{
		Domain:     domain,
		Holder:     holder,
		Authority:  AuthorityICANN,
		Registrar:  "阿里云计算有限公司",
		Registered: NewDate(2019, time.May, 1),
		Expires:    NewDate(2027, time.May, 1),
	}
}

// individualRetrieval is a complete retrieval form of an individual subject
// who signs it himself.
func individualRetrieval() *Application {
	return &Application{
		Kind:              KindRetrieval,
		Approved:          true,
		ApplicantName:     "张三",
		ApplicantMobile:   "13812345678",
		Date:              NewDate(2026, time.March, 1),
		RecordNumber:      "豫ICP备2021012345号-1",
		Domain:            "zhangsan.com",
		SponsorName:       "张三",
		SponsorNature:     filing.NatureIndividual,
		SubjectCertType:   filing.CertResidentID,
		SubjectCertNumber: "11010519491231002X",
		ContactName:       "张三",
		ContactLandline:   "0371-65795120",
		ContactEmail:      "zhangsan@example.com",
		Reason:            "备案时登记的联系人邮箱已停用，手机号码也已更换，无法在线找回密码",
		DomainCertificate: domainCert("zhangsan.com", "张三"),
		Enclosed:          []MaterialID{MaterialSubjectIDCopy},
	}
}

// orgCancellation is a complete cancellation form of an organisation whose
// employee (not the responsible person) signs it.
func orgCancellation() *Application {
	return &Application{
		Kind:              KindCancellation,
		Target:            TargetWebsite,
		Approved:          true,
		ApplicantName:     "李四",
		ApplicantMobile:   "13912345678",
		Date:              NewDate(2026, time.February, 27),
		RecordNumber:      "豫ICP备2021012345号-2",
		Domain:            "www.example.com.cn",
		SponsorName:       "郑州示例科技有限公司",
		SponsorNature:     filing.NatureEnterprise,
		SubjectCertType:   filing.CertBusinessLicence,
		SubjectCertNumber: "91350100M000100Y43",
		PrincipalName:     "王五",
		ContactName:       "李四",
		ContactLandline:   "0371-65795120",
		ContactEmail:      "lisi@example.com.cn",
		Reason:            "公司网站已停止运营，服务器租用合同于2026年1月到期，不再使用该域名提供服务",
		DomainCertificate: domainCert("example.com.cn", "郑州示例科技有限公司"),
		Enclosed:          []MaterialID{MaterialSeal, MaterialPrincipalIDCopy, MaterialLicenceCopy, MaterialApplicantIDCopy},
	}
}

// orgDeletion is a complete deletion form of an organisation's
// submission-stage data.
func orgDeletion() *Application {
	a := orgCancellation()
	a.Kind = KindDeletion
	a.Target = ""
	a.Approved = false
	a.RecordNumber = ""
	a.Reason = "提交的网站备案信息中网站名称填写错误，需删除提交阶段信息后由接入商重新提交"
	a.DomainCertificate = nil
	a.Enclosed = []MaterialID{MaterialSeal, MaterialLicenceCopy}
	return a
}

// holderCancellation is a complete domain-holder cancellation: an
// individual holder contests a company's filing of her domain.
func holderCancellation() *Application {
	return &Application{
		Kind:              KindDomainHolderCancellation,
		Target:            TargetWebsite,
		Approved:          true,
		ApplicantName:     "赵六",
		ApplicantMobile:   "15012345678",
		Date:              NewDate(2026, time.March, 2),
		RecordNumber:      "豫ICP备2019000123号-3",
		Domain:            "zhaoliu.cn",
		SponsorName:       "某某网络有限公司",
		ContactName:       "赵六",
		ContactLandline:   "13512345678",
		ContactEmail:      "zhaoliu@example.com",
		Reason:            "该域名于2025年由本人合法注册并持有，原持有单位的网站备案未注销，导致本人无法备案",
		DomainCertificate: &DomainCertificate{Domain: "zhaoliu.cn", Holder: "赵六", HolderNature: filing.NatureIndividual, Authority: AuthorityCNNIC, Registrar: "北京新网数码信息技术有限公司", Registered: NewDate(2025, time.June, 1), Expires: NewDate(2028, time.June, 1)},
		Enclosed:          []MaterialID{MaterialHolderIDCopy},
	}
}
