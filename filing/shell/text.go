package shell

import (
	"strconv"
	"time"
)

// Messages and recommendations of the shell findings. The recommendations
// are R-63's, from 网站备案日常问题解答 §四 (建议) and §四2; the
// switching-ISP steps (1)-(4) are given as that document words them.

// switchISPStepsZh are the switching-ISP steps (1)-(4) of 网站备案日常问题解答 §四1.
const switchISPStepsZh = "更换接入商时：（1）用户应在原接入商办理主体和网站备案注销，若不清楚原接入商，可向省通信管理局申请注销；" +
	"（2）原接入商在与用户结束接入合作时，应同步注销主体和网站备案信息，避免历史数据引起后期误操作注销；" +
	"（3）新接入商应检查是否存在历史的主体和网站备案信息，若存在，请用户按（1）（2）办理后，再重新提交网站和主体备案；" +
	"（4）新接入商提交备案信息后，应及时检查是否已备案接入IP信息，若未备案，请及时按照新增接入方式进行备案。"

const switchISPStepsEn = "When switching ISP: (1) the user cancels the subject and website filings at the old ISP, or, " +
	"if the old ISP is unknown, applies to the provincial bureau for cancellation; (2) the old ISP cancels the subject " +
	"and website filings when the access service ends, so that stale records cause no mistaken cancellation later; " +
	"(3) the new ISP checks for existing subject and website filings and, if there are any, has the user handle them " +
	"by (1) and (2) before filing anew; (4) after filing, the new ISP checks that the access (IP) information is filed " +
	"and, if not, files it promptly as a new access (新增接入)."

const afterCleanupZh = "被清理注销后，请及时联系接入商，重新办理并完善备案信息。"
const afterCleanupEn = "If the records have been cleaned up (cancelled), contact your ISP promptly to file again."

const (
	recShellWebsiteZh = "该网站将在（或已在）管局定期清理中被注销。网站仍在使用的，请立即通过实际接入的接入商办理新增接入；" +
		"不再使用的，请办理网站注销，若主体下已无其他网站，请同步注销主体。" + switchISPStepsZh + afterCleanupZh
	recShellWebsiteEn = "The website is (or will be) cancelled in the bureaus' periodic cleanup. If it is still in use, " +
		"have the ISP that actually serves it file a new access now; if not, cancel the website filing, and the subject " +
		"with it when it is the subject's last website. " + switchISPStepsEn + " " + afterCleanupEn

	recAtRiskZh = "请在期限前通过实际接入的接入商办理新增接入，否则网站将被视为空壳网站并在管局定期清理中被注销；" +
		"网站不再使用的，请办理网站注销。" + switchISPStepsZh
	recAtRiskEn = "Have the ISP that actually serves the website file a new access before the deadline, or the website " +
		"becomes a shell website and is cancelled in the bureaus' periodic cleanup; if it is no longer used, cancel its " +
		"filing. " + switchISPStepsEn

	recR17Zh = "原接入商已取消接入但未注销备案。网站已迁至新接入商的，请由新接入商及时办理新增接入；" +
		"网站已停止服务的，请办理网站（及主体）注销。" + switchISPStepsZh
	recR17En = "The old ISP cancelled its access but the filing was not cancelled. If the website moved to a new ISP, " +
		"the new ISP files a new access promptly; if the service ended, cancel the website (and subject) filing. " +
		switchISPStepsEn

	recShellSubjectZh = "主体下已无网站，将在管局定期清理中被注销。不再需要该主体的，请及时注销主体备案；" +
		"仍需使用的，请联系接入商在该主体下新增网站。用户办理注销网站备案时，若不需要主体信息，应同步注销主体。" + afterCleanupZh
	recShellSubjectEn = "The subject has no website left and is cancelled in the bureaus' periodic cleanup. If it is no " +
		"longer needed, cancel the subject filing; if it is, have the ISP add a website under it. When cancelling a " +
		"subject's last website, cancel the subject with it. " + afterCleanupEn

	recAfterCleanupZh = "该主体下的网站均无接入，清理后主体将成为空壳主体并被注销。网站仍在使用的，请尽快新增接入；" +
		"不再使用的，注销最后一个网站时请同步注销主体。" + afterCleanupZh
	recAfterCleanupEn = "None of the subject's websites has access: once they are cleaned up the subject is a shell " +
		"subject and is cancelled too. If the websites are in use, file a new access soon; if not, cancel the subject " +
		"together with its last website. " + afterCleanupEn
)

// msg builds a message in a stack buffer: one allocation per message.
type msg struct{ b []byte }

func newMsg(buf *[320]byte) msg { return msg{b: buf[:0]} }
func (m msg) s(s string) msg    { m.b = append(m.b, s...); return m }
func (m msg) t(t time.Time) msg { m.b = appendCivil(m.b, t, true); return m }
func (m msg) n(n int) msg       { m.b = strconv.AppendInt(m.b, int64(n), 10); return m }
func (m msg) q(s string) msg    { m.b = strconv.AppendQuote(m.b, s); return m }
func (m msg) String() string    { return string(m.b) }

func msgR60(number string) (zh, en string) {
	return "网站" + number + "有备案号但无接入信息，视为空壳网站",
		"website " + number + " has a record number but no access information: a shell website"
}

func msgShell(number string, since, from time.Time, grace time.Duration) (zh, en string) {
	var buf [320]byte
	if grace == Grace {
		zh = newMsg(&buf).s("网站").s(number).s("自").t(since).s("起无接入信息，已超过1周，自").t(from).s("后视为空壳网站").String()
		en = newMsg(&buf).s("website ").s(number).s(" has had no access since ").t(since).
			s(" CST, more than one week: a shell website since ").t(from).s(" CST").String()
		return zh, en
	}
	days := int(grace / (24 * time.Hour))
	zh = newMsg(&buf).s("网站").s(number).s("自").t(since).s("起无接入信息，已超过").n(days).s("天公示期，自").t(from).s("后视为空壳网站").String()
	en = newMsg(&buf).s("website ").s(number).s(" has had no access since ").t(since).
		s(" CST, more than the ").n(days).s("-day publicity period: a shell website since ").t(from).s(" CST").String()
	return zh, en
}

func msgAtRisk(number string, since, from time.Time, days int) (zh, en string) {
	var buf [320]byte
	zh = newMsg(&buf).s("网站").s(number).s("自").t(since).s("起无接入信息，如不新增接入，将于").t(from).
		s("后视为空壳网站（剩余").n(days).s("天）").String()
	en = newMsg(&buf).s("website ").s(number).s(" has had no access since ").t(since).
		s(" CST; without a new access it is a shell website after ").t(from).s(" CST (").n(days).s(" days left)").String()
	return zh, en
}

func msgR17(number, isp string, since time.Time) (zh, en string) {
	var buf [320]byte
	z := newMsg(&buf).s("网站").s(number).s("的接入")
	if !since.IsZero() {
		z = z.s("已于").t(since)
	}
	z = z.s("被")
	if isp != "" {
		z = z.s("接入商“").s(isp).s("”")
	} else {
		z = z.s("接入商")
	}
	zh = z.s("取消，但网站备案未注销，也没有新的接入").String()
	e := newMsg(&buf).s("the access of website ").s(number).s(" was cancelled by ")
	if isp != "" {
		e = e.s("ISP ").q(isp)
	} else {
		e = e.s("its ISP")
	}
	if !since.IsZero() {
		e = e.s(" on ").t(since).s(" CST")
	}
	en = e.s(", but the filing was not cancelled and no new access followed").String()
	return zh, en
}

func msgShellSubject(number string) (zh, en string) {
	return "主体" + number + "下已无网站，视为空壳主体",
		"subject " + number + " has no website: a shell subject"
}

func msgAfterCleanup(number string, websites int) (zh, en string) {
	if websites == 1 {
		return "主体" + number + "下唯一的网站无接入，清理后该主体将成为空壳主体",
			"the only website of subject " + number + " is without access: the subject becomes a shell subject once it is cleaned up"
	}
	var buf [320]byte
	zh = newMsg(&buf).s("主体").s(number).s("下的").n(websites).s("个网站均无接入，清理后该主体将成为空壳主体").String()
	en = newMsg(&buf).s("all ").n(websites).s(" websites of subject ").s(number).
		s(" are without access: the subject becomes a shell subject once they are cleaned up").String()
	return zh, en
}
