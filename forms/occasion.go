package forms

// Occasion is why a user applies to the bureau for a cancellation (R-50,
// 网站备案日常问题解答 §二1): the service ends, the user switches ISP, the people who
// held the credentials are gone, or a domain's holder finds someone else's
// filing of the domain. A portal asks the user for the occasion and starts
// the application Occasion.Form names.
type Occasion string

// Cancellation occasions.
const (
	// OccasionServiceEnded: the website's service ends (网站服务结束、终止业务).
	// Cancel the website; with the subject's last website, cancel the
	// subject too, or it becomes a shell subject.
	OccasionServiceEnded Occasion = "service_ended"
	// OccasionSwitchingISP: the user moves to another ISP (变更网站接入商,
	// 场景1). The website and subject filings are cancelled at the old ISP
	// (online through it, R-53) or, when the old ISP is unknown, by
	// application to the bureau; then the user files again with the new ISP
	//
	OccasionSwitchingISP Occasion = "switching_isp"
	// OccasionCredentialsLost: the staff who filed have left and neither the
	// ISP nor the password is known (场景2): the website and subject filings
	// may be cancelled. (Where the filing must be kept, the retrieval form,
	// KindRetrieval, recovers the credentials instead, R-58.)
	OccasionCredentialsLost Occasion = "credentials_lost"
	// OccasionDomainContested: the holder of a valid domain certificate
	// (CNNIC or ICANN, unexpired) finds the domain filed by another party
	// (场景3): the holder may have that website filing cancelled.
	OccasionDomainContested Occasion = "domain_contested"
)

// Occasions lists every occasion, in the seed's order.
func Occasions() []Occasion {
	return []Occasion{OccasionServiceEnded, OccasionSwitchingISP, OccasionCredentialsLost, OccasionDomainContested}
}

var occasionInfo = map[Occasion]struct {
	zh     string
	kind   Kind
	target Target
}{
	OccasionServiceEnded:    {"网站服务结束", KindCancellation, TargetWebsite},
	OccasionSwitchingISP:    {"更换接入商", KindCancellation, TargetSubject},
	OccasionCredentialsLost: {"原备案人员离职，接入商及密码均无从得知", KindCancellation, TargetSubject},
	OccasionDomainContested: {"域名已被他人备案", KindDomainHolderCancellation, TargetWebsite},
}

// Valid reports whether o is one of the declared occasions.
func (o Occasion) Valid() bool { _, ok := occasionInfo[o]; return ok }

// Zh returns the occasion in Chinese, or "" for an unknown occasion.
func (o Occasion) Zh() string { return occasionInfo[o].zh }

// Form returns the form kind and the cancellation target to start an
// application with for the occasion; ok is false for an
// unknown occasion. The target is the usual one: a user whose subject keeps
// other websites in service cancels the website only (TargetWebsite).
func (o Occasion) Form() (kind Kind, target Target, ok bool) {
	info, ok := occasionInfo[o]
	return info.kind, info.target, ok
}
