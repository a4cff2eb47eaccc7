package conflict

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
)

// Kind is the kind of a conflict, a stable code. A Kind is an error, so it
// can be used as a sentinel: errors.Is(conflict, KindDomainSameProvince).
type Kind string

// Error returns the code.
func (k Kind) Error() string { return string(k) }

// Conflict kinds.
const (
	// KindDomainSameProvince: the domain (its registrable domain) is on file
	// for another subject of the applicant's province.
	KindDomainSameProvince Kind = "conflict.domain_same_province"
	// KindDomainOtherProvince: the domain is on file for another subject of
	// another province.
	KindDomainOtherProvince Kind = "conflict.domain_other_province"
	// KindDomainFiledByYou: the domain is already filed under one of the
	// applicant's own websites, and the filing presents it as a new website;
	// the right move is a change of the existing website.
	KindDomainFiledByYou Kind = "conflict.domain_filed_by_you"
	// KindSubjectFiled: a subject with the same certificate and the same
	// name is already filed; the applicant files a new subject instead of
	// adding the website under its existing one.
	KindSubjectFiled Kind = "conflict.subject_filed"
	// KindSubjectCertificateTaken: the certificate is on file for a subject
	// with another name (or for another subject number than the one the
	// filing names): the number may be mistyped, or someone else filed with
	// it.
	KindSubjectCertificateTaken Kind = "conflict.subject_certificate_taken"
	// KindResubmission: the applicant's earlier filing of the website (or of
	// the subject) was returned, and the website is filed again as new
	// instead of editing the returned filing.
	KindResubmission Kind = "conflict.resubmission"
	// KindPending: the applicant's earlier filing of the website (or of the
	// subject) is still under review, and it is filed again.
	KindPending Kind = "conflict.pending"
	// KindSubjectNumberNotProven: the subject number the filing names is on
	// file for another certificate (type and number) than the one the
	// filing gives. A claimed number is checked, not believed: the
	// filing is treated as the subject its certificate identifies, and
	// the named subject's websites are not its own.
	KindSubjectNumberNotProven Kind = "conflict.subject_number_not_proven"
)

// Rule returns the rule ID of the kind.
func (k Kind) Rule() string {
	switch k {
	case KindDomainSameProvince, KindDomainOtherProvince, KindDomainFiledByYou:
		return "R-30"
	case KindSubjectFiled, KindSubjectCertificateTaken, KindSubjectNumberNotProven:
		return "R-31"
	case KindResubmission, KindPending:
		return "R-13"
	case KindAppIdentifierTaken, KindAppFiledByYou, KindAppNameTaken:
		return "R-74"
	case KindContactTaken:
		return "R-94"
	}
	return ""
}

// Code returns the kind as its registered code (the same string), whose
// Rule, MessageZh and MessageEn are the kind's rule and its general
// statement.
func (k Kind) Code() filing.Code { return filing.Code(k) }

// Kinds returns every conflict kind, in the order of their declaration.
func Kinds() []Kind { return slices.Clone(allKinds[:]) }

var allKinds = [...]Kind{
	KindDomainSameProvince, KindDomainOtherProvince, KindDomainFiledByYou,
	KindSubjectFiled, KindSubjectCertificateTaken, KindResubmission, KindPending, KindSubjectNumberNotProven,
	KindAppIdentifierTaken, KindAppFiledByYou, KindAppNameTaken,
	KindContactTaken,
}

// The kinds are registered as codes (one code per kind, the kind's own
// string) with their rule and a general statement; the statement of one
// conflict, naming its domain and record, and the steps to take are
// rendered by package conflict/guidance.
var _ = [...]filing.Code{
	defineKind(KindDomainSameProvince, "域名已被本省其他主体备案，本次备案无法提交", "the domain is on file for another subject of the filing's province"),
	defineKind(KindDomainOtherProvince, "域名已被其他省份的主体备案，本次备案无法提交", "the domain is on file for a subject of another province"),
	defineKind(KindDomainFiledByYou, "域名已在您的主体下备案，不能作为新网站再次备案", "the domain is filed under one of the applicant's own websites"),
	defineKind(KindSubjectFiled, "该主办单位已经备案，请勿重复提交主体备案", "a subject with this certificate and name is already filed"),
	defineKind(KindSubjectCertificateTaken, "主办单位证件号码与已备案的主体重复，存在主体信息冲突", "the subject certificate is on file for another subject"),
	defineKind(KindResubmission, "此前提交的备案已被退回，请修改原备案，勿作为新备案再次提交", "the earlier filing was returned; it must not be filed again as new"),
	defineKind(KindPending, "已有备案申请正在审核中，请勿重复提交", "a filing of it is under review; do not file it again"),
	defineKind(KindSubjectNumberNotProven, "填写的主体备案号与主办单位证件类型和证件号码不符", "the subject number is on file for another certificate than the filing's"),
	defineKind(KindAppIdentifierTaken, "应用标识已由其他主体的应用备案", "the app identifier is on file for another subject's app"),
	defineKind(KindAppFiledByYou, "应用标识已在本主体的应用中备案，请办理变更备案", "the app identifier is filed under one of the applicant's own apps"),
	defineKind(KindAppNameTaken, "应用名称已被其他主体的应用使用", "the app name is used by another subject's app"),
	defineKind(KindContactTaken, "负责人联系方式已被其他主体的负责人使用", "the principal's contact is on file for another subject's principal"),
}

func defineKind(k Kind, zh, en string) filing.Code { return define(string(k), k.Rule(), zh, en) }

// Conflict is one reason the filing system refuses a filing, as data: its
// kind (a registered code with its rule), the field of the filing in
// conflict, the key that meets (the registrable domain, the app
// identifier, the kind of contact), the filing's province and the record
// that blocks it. It carries no personal data of the blocking record (no
// names of individuals, no certificate numbers): record numbers,
// provinces, app names and identifiers are public.
//
// What to tell the applicant (the statement in Chinese and English, the
// bureau to turn to, the form, the materials and the steps, R-30..R-32,
// ) is rendered from these data when read:
// guidance.For(c) in package conflict/guidance. A Check builds none of it.
//
// A Conflict is error-shaped (ErrorCode, MessageZh, MessageEn, Error: the
// kind's code and its general statement) so a portal can return it as one;
// errors.Is(c, KindX) matches its Kind.
//
// The rule and the blocking province's name are not stored: Rule and
// Blocking.ProvinceName derive them, and the JSON form still carries them
// ("rule", "province_name"; see MarshalJSON), so that a Check fills a
// smaller block.
type Conflict struct {
	Kind Kind `json:"kind"`
	// Path is the field of the filing in conflict, in JSON terms:
	// "websites[0].domains[0]" or "subject.cert_number".
	Path string `json:"path"`
	// Domain is the registrable domain (lower-case A-label) in conflict, for
	// domain conflicts; DomainUnicode shows it.
	Domain string `json:"domain,omitempty"`
	// Province is the GB/T 2260 code of the filing's province (the
	// applicant's bureau), for the conflicts of Index.Check; empty for
	// those of Contacts.Check.
	Province string `json:"province,omitempty"`
	// Blocking is the record on file that blocks the filing.
	Blocking Blocking `json:"blocking"`
	// Identifier is the filing's app platform identifier in conflict, as
	// the filing gives it (case kept), for the identifier conflicts of
	// apps; OnFile is the identifier on file when it is spelt
	// otherwise (another letter case), else empty.
	Identifier string `json:"identifier,omitempty"`
	OnFile     string `json:"on_file,omitempty"`
	// Contact is the kind of the principal's contact that is taken
	// (KeyMobile or KeyEmail), for KindContactTaken.
	Contact KeyKind `json:"contact,omitempty"`
}

// Blocking identifies a record on file.
type Blocking struct {
	// SubjectNumber and WebsiteNumber are the record numbers; empty while
	// the blocking filing is under review or was returned.
	SubjectNumber string `json:"subject_number,omitempty"`
	WebsiteNumber string `json:"website_number,omitempty"`
	// AppNumber is the blocking app's number (app conflicts, R-74).
	AppNumber string `json:"app_number,omitempty"`
	// Province is the GB/T 2260 code of the blocking record's bureau;
	// ProvinceName returns its Chinese name.
	Province string `json:"province"`
	// Status is the blocking record's status.
	Status filing.Status `json:"status"`
	// AppKind and AppName are the blocking app's kind and name (app
	// conflicts, R-74; both public, R-33).
	AppKind filing.AppKind `json:"app_kind,omitempty"`
	AppName string         `json:"app_name,omitempty"`
}

// Rule returns the rule ID of the conflict's kind (Kind.Rule).
func (c Conflict) Rule() string { return c.Kind.Rule() }

// ProvinceName returns the Chinese name of the blocking record's province
// ("贵州省"), from the province table of package filing; "" for a code it
// does not hold.
func (b Blocking) ProvinceName() string {
	if p, ok := filing.ProvinceByCode(b.Province); ok {
		return p.Name
	}
	return ""
}

// MarshalJSON encodes the conflict with its derived rule after its kind,
// the keys and their order of the stored fields of before.
func (c Conflict) MarshalJSON() ([]byte, error) {
	type fields Conflict // without the method
	return json.Marshal(struct {
		Kind Kind   `json:"kind"`
		Rule string `json:"rule"`
		fields
	}{c.Kind, c.Rule(), fields(c)})
}

// MarshalJSON encodes the blocking record with its province's name after
// its code, the keys and their order of the stored fields of before.
func (b Blocking) MarshalJSON() ([]byte, error) {
	type fields Blocking // without the method
	return json.Marshal(struct {
		SubjectNumber string `json:"subject_number,omitempty"`
		WebsiteNumber string `json:"website_number,omitempty"`
		AppNumber     string `json:"app_number,omitempty"`
		Province      string `json:"province"`
		ProvinceName  string `json:"province_name"`
		fields
	}{b.SubjectNumber, b.WebsiteNumber, b.AppNumber, b.Province, b.ProvinceName(), fields(b)})
}

// Error returns "kind: path: general statement" (English).
func (c Conflict) Error() string { return string(c.Kind) + ": " + c.Path + ": " + c.MessageEn() }

// ErrorCode returns the kind.
func (c Conflict) ErrorCode() string { return string(c.Kind) }

// MessageZh returns the kind's general statement in Chinese; the statement
// of this conflict is guidance.For(c).Zh.
func (c Conflict) MessageZh() string { return c.Kind.Code().MessageZh() }

// MessageEn returns the kind's general statement in English; the statement
// of this conflict is guidance.For(c).En.
func (c Conflict) MessageEn() string { return c.Kind.Code().MessageEn() }

// Is matches the conflict's Kind.
func (c Conflict) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == c.Kind
}

// CheckOption adjusts Check.
type CheckOption func(*checkOptions)

type checkOptions struct{ resubmit bool }

// Resubmission declares that the filing is the applicant's returned filing,
// edited and sent back: the applicant's own records that were
// returned or are under review are that same filing, not conflicts. Without
// it, filing such a website again is KindResubmission or KindPending.
func Resubmission() CheckOption { return func(o *checkOptions) { o.resubmit = true } }

// Check reports the conflicts between a new or changed filing and the
// records on file: domains on file for other subjects (R-30, with R-32), the
// subject's certificate on file, websites filed again after a
// rejection or while under review. It returns nil when there is none.
// The conflicts are data; guidance.For (package conflict/guidance) renders
// what to tell the applicant.
//
// The applicant is identified by its subject certificate (CertType,
// CertNumber) and, for an approved subject, by Subject.Number: records under
// that subject are the applicant's own and never block it. Subject.Number
// is believed only when it is the number of the certificate's subject
// (KindSubjectNumberNotProven otherwise), for websites and apps alike. A
// website (an app) with a Number is a change of that own website (app); a
// website or app without one, or one of a subject claimed without proof,
// is new.
// Domains are compared by registrable domain (www.Example.com., example.com
// and m.example.com meet; an IDN meets its A-label).
//
// Bad input returns an error and no conflicts: a *filing.ValidationError
// listing every problem (malformed or public-suffix domains with the codes
// of package filing, CodeDomainDuplicate, CodeProvinceUnknown,
// CodeCertMissing, CodeNumberUnknown for a subject or website number that is
// not on file, CodeWebsiteNotOwn). Check does not repeat the field
// validation of package filing (approved TLDs, certificate checksums, ...):
// validate first.
func (ix *Index) Check(f *filing.Filing, opts ...CheckOption) ([]Conflict, error) {
	return ix.AppendCheck(nil, f, opts...)
}

// AppendCheck is Check appending the conflicts to dst, for a caller that
// reuses a buffer across filings: it returns dst extended by the conflicts
// (dst itself when there is none), or dst and the error. With room in dst
// for the conflicts, the only allocation left is the bytes of a blocking
// website number stored as its subject number and suffix (Check, given no
// buffer, puts those in the block of the conflict it allocates).
func (ix *Index) AppendCheck(dst []Conflict, f *filing.Filing, opts ...CheckOption) ([]Conflict, error) {
	var o checkOptions
	if len(opts) > 0 {
		o = applyCheckOptions(opts)
	}
	// Room on the stack for the websites and domains of a typical filing:
	// prepareFiling uses it instead of allocating.
	var (
		in       checkInput
		siteRoom [4]checkSite
		domRoom  [8]checkDomain
	)
	ws, err := ix.prepareFiling(f, &in, checkWebsites{sites: siteRoom[:0], doms: domRoom[:0]})
	var apps []checkApp
	if f != nil && len(f.Apps) > 0 {
		var appErr error
		apps, appErr = ix.prepareCheckApps(f, nil) // app_check.go
		err = joinProblems(err, appErr)
	}
	if err != nil {
		return dst, err
	}
	// Room for the hits of a typical filing on the stack: check appends to
	// it and describe copies out what the conflicts need.
	var room [4]hit
	var appConflicts []Conflict
	ix.mu.RLock()
	found, err := ix.check(&in, &ws, &o, room[:0])
	if err == nil && len(apps) > 0 {
		appConflicts, err = ix.checkApps(&in, apps, &o)
	}
	ix.mu.RUnlock()
	if err != nil {
		return dst, err
	}
	if len(found) > 0 {
		dst = ix.describe(dst, &in, found)
	}
	if dst == nil {
		dst = appConflicts // no copy
	} else {
		dst = append(dst, appConflicts...)
	}
	if ix.contacts != nil { // WithContacts: the subject's certificate is known
		dst = ix.contacts.appendCheck(dst, f, ownSubject{in.certType, in.cert, true})
	}
	return dst, nil
}

// applyCheckOptions is apart from Check because the options escape to the
// heap (they are passed to unknown functions): a Check without options
// then allocates none.
func applyCheckOptions(opts []CheckOption) checkOptions {
	o := new(checkOptions)
	for _, fn := range opts {
		fn(o)
	}
	return *o
}

// checkInput is a filing normalised for Check.
type checkInput struct {
	province byte
	certType string
	cert     string
	// name is the sponsor name as given: check compares its NameKey only
	// when the certificate is on file (rarely), so it is not computed
	// before.
	name   string
	number string
	// own is the applicant's subject on file as check proved it (none
	// when the filing is nobody on file), and unproven the subject whose
	// number the filing claims without proof (none when there is no such
	// claim). check sets both for checkApps, so that apps are judged by
	// the same proof as websites.
	own, unproven uint32
	// touched keeps what Index.touch loaded (meaningless).
	touched uint64
}

// checkWebsites are the websites of a filing normalised for Check. They are
// apart from checkInput so that the strings of checkInput, which go to
// messages and normalisers, do not make the compiler move the room that
// Check gives these slices on its stack to the heap.
type checkWebsites struct {
	sites []checkSite
	// doms are the domains of every website, in order: those of website i
	// are doms[sites[i].from:sites[i].to].
	doms []checkDomain
}

type checkSite struct {
	number   string
	from, to int
}

// domains returns the domains of website i.
func (in *checkWebsites) domains(i int) []checkDomain {
	return in.doms[in.sites[i].from:in.sites[i].to]
}

type checkDomain struct {
	site, idx int
	domain    string
	also      []string // other domains of the website under the same registrable domain
	reg       string
	h         uint32
}

func (d *checkDomain) path() string { return domainPath(d.site, d.idx) }

func domainPath(i, j int) string {
	return "websites[" + strconv.Itoa(i) + "].domains[" + strconv.Itoa(j) + "]"
}

// prepareFiling normalises f into in, and its websites into ws, which it
// returns: it appends to ws.sites and ws.doms, which the caller may have
// pointed at room on its stack. (ws goes in and out by value: stored
// through a pointer, the room would move to the heap.)
func (ix *Index) prepareFiling(f *filing.Filing, in *checkInput, ws checkWebsites) (checkWebsites, error) {
	if f == nil {
		return ws, &filing.ValidationError{Problems: []*filing.Problem{problem(CodeCertMissing, "R-31", "subject", "主体", "备案信息为空", "nil filing")}}
	}
	var probs problemList
	s := &f.Subject
	pi, ok := lookupProvince(s.Province)
	if !ok {
		probs = append(probs, problem(CodeProvinceUnknown, "", "subject.province", "省份",
			fmt.Sprintf("省份代码“%s”不正确，应为两位GB/T 2260省级代码（如贵州为52）", s.Province),
			fmt.Sprintf("province %q is not a GB/T 2260 province code of the 31 bureaus", s.Province)))
	}
	in.province = pi
	if s.CertType == "" || strings.TrimSpace(s.CertNumber.Raw()) == "" {
		probs = append(probs, problem(CodeCertMissing, "R-31", "subject.cert_number", "主办单位证件号码",
			"请填写主办单位证件类型和证件号码", "subject certificate type and number are required"))
	} else {
		in.certType = string(s.CertType)
		in.cert = certKey(s.CertType, s.CertNumber.Raw())
	}
	in.name = s.Name
	in.number = numberKey(s.Number)
	if len(f.Websites) > cap(ws.sites) {
		ws.sites = make([]checkSite, 0, len(f.Websites))
	}
	for i := range f.Websites {
		w := &f.Websites[i]
		ws.sites = append(ws.sites, checkSite{number: numberKey(w.Number), from: len(ws.doms)})
		cs := &ws.sites[i]
		for j, raw := range w.Domains {
			d, off, err := normDomain(raw)
			if err != nil {
				probs = append(probs, at(err, domainPath(i, j), "网站域名"))
				continue
			}
			reg := d[off:]
			dup, dupSite := "", -1
			for k := range ws.doms {
				x := &ws.doms[k]
				if x.domain == d {
					dup = x.path()
				}
				for _, a := range x.also {
					if a == d {
						dup = x.path()
					}
				}
				if x.reg == reg && dupSite < 0 {
					dupSite = x.site
				}
			}
			if dup != "" {
				probs = append(probs, dupDomain(d, domainPath(i, j), dup))
				continue
			}
			if dupSite >= 0 && dupSite != i {
				u := domain.DomainUnicode(reg)
				prev := ""
				for _, x := range ws.domains(dupSite) {
					if x.reg == reg {
						prev = x.path()
					}
				}
				probs = append(probs, problem(CodeDomainDuplicate, "R-09", domainPath(i, j), "网站域名",
					"域名“"+u+"”已在本次备案的另一个网站中填写（"+prev+"），同一域名只能属于一个网站",
					"registrable domain "+reg+" is also given for another website ("+prev+")"))
				continue
			}
			if dupSite == i {
				// a.com and www.a.com in one website: checked once.
				for k := cs.from; k < len(ws.doms); k++ {
					if ws.doms[k].reg == reg {
						ws.doms[k].also = append(ws.doms[k].also, d)
					}
				}
				continue
			}
			ws.doms = append(ws.doms, checkDomain{site: i, idx: j, domain: d, reg: reg, h: hash32(ix.seed, reg)})
		}
		cs.to = len(ws.doms)
	}
	return ws, probs.err()
}

// hit is a conflict found under the read lock, described after it.
type hit struct {
	kind Kind
	// site and idx locate the filing's domain in conflict
	// (websites[site].domains[idx]); site is -1 for the subject
	// certificate. describe writes the path, outside the lock.
	site, idx int
	reg       string
	subjNum   string
	// The blocking website's number is siteNum+siteSuf: a number stored
	// as the subject's number and a suffix comes in those two parts, so
	// that it is not concatenated (allocated) under the lock; describe
	// joins them, outside it.
	siteNum, siteSuf string
	province         byte
	status           byte
}

// check appends the hits of in to hits, and sets in.own and in.unproven.
func (ix *Index) check(in *checkInput, ws *checkWebsites, o *checkOptions, hits []hit) ([]hit, error) {
	var probs problemList
	own, unproven := none, none
	hCert, hNum := certHash(ix.seed, in.certType, in.cert), uint32(0)
	if in.number != "" {
		hNum = hash32(ix.seed, in.number)
	}
	in.touched = ix.touch(hCert, hNum, in.number != "", ws)
	byCert := ix.findCertHashed(hCert, in.certType, in.cert)
	if in.number != "" {
		claimed := ix.findNumHashed(hNum, in.number)
		switch {
		case claimed == none:
			probs = append(probs, problem(CodeNumberUnknown, "R-31", "subject.number", "主体备案号",
				fmt.Sprintf("主体备案号“%s”不存在或已注销，请核对", in.number),
				fmt.Sprintf("subject number %s is not on file", in.number)))
		case claimed == byCert:
			// Proven: the number is the certificate's subject.
			own = claimed
		default:
			// Not proven: the number belongs to another certificate.
			// The filing is whoever its certificate identifies (byCert,
			// or nobody on file), and the claimed subject's websites
			// are another subject's: their domains conflict. A
			// certificate on file under another number is
			// KindSubjectCertificateTaken, which says so; a certificate
			// not on file is KindSubjectNumberNotProven.
			if byCert != none {
				hits = append(hits, ix.subjectHit(KindSubjectCertificateTaken, byCert))
			} else {
				hits = append(hits, ix.subjectHit(KindSubjectNumberNotProven, claimed))
			}
			own, unproven = byCert, claimed
		}
	} else if byCert != none {
		v := viewSubject(ix.subj[byCert])
		switch {
		case v.number != "" && NameKey(v.name) == NameKey(in.name):
			hits = append(hits, ix.subjectHit(KindSubjectFiled, byCert))
			own = byCert
		case v.number != "":
			hits = append(hits, ix.subjectHit(KindSubjectCertificateTaken, byCert))
		default:
			// The applicant's own earlier filing, not yet numbered.
			own = byCert
			switch {
			case o.resubmit:
			case rejected(v.status):
				hits = append(hits, ix.subjectHit(KindResubmission, byCert))
			case pending(v.status):
				hits = append(hits, ix.subjectHit(KindPending, byCert))
			}
		}
	}
	// Websites named by number must be on file under the applicant's subject.
	var idRoom [4]uint32
	siteIDs := idRoom[:0]
	if len(ws.sites) > len(idRoom) {
		siteIDs = make([]uint32, 0, len(ws.sites))
	}
	for i := range ws.sites {
		siteIDs = append(siteIDs, none)
		n := ws.sites[i].number
		if n == "" {
			continue
		}
		s, w := ix.findSite(n)
		path := fmt.Sprintf("websites[%d].number", i)
		switch {
		case w == none:
			probs = append(probs, problem(CodeNumberUnknown, "R-13", path, "网站备案号",
				fmt.Sprintf("网站备案号“%s”不存在或已注销，请核对", n),
				fmt.Sprintf("website number %s is not on file", n)))
		case s == unproven:
			// A website of the subject the filing claimed without proof:
			// not the applicant's; checked as a new website, so that its
			// domains meet their record (the subject conflict says why).
		case s != own:
			probs = append(probs, problem(CodeWebsiteNotOwn, "R-13", path, "网站备案号",
				fmt.Sprintf("网站备案号“%s”不属于本主体，请核对", n),
				fmt.Sprintf("website number %s is not under the filing's subject", n)))
		default:
			siteIDs[i] = w
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	in.own, in.unproven = own, unproven
	for k := range ws.doms {
		d := &ws.doms[k]
		hits = ix.domainHits(hits, in, o, own, siteIDs[d.site], d)
	}
	return hits, nil
}

// touch loads the first slot that the lookups of the filing's
// certificate, subject number (when it has one) and registrable domains
// read, one load after the other with nothing between them that waits
// for one: at national scale each load misses the CPU caches, and issued
// together the misses overlap, where the lookups, one after the other,
// would wait for each in turn. The lookups then find the slots in the
// cache. The result means nothing; check stores it (in.touched) so that
// the compiler keeps the loads.
func (ix *Index) touch(hCert, hNum uint32, number bool, ws *checkWebsites) uint64 {
	x := ix.cert.head.peek(hCert)
	if number {
		x ^= ix.num.head.peek(hNum)
	}
	for k := range ws.doms {
		x ^= ix.dom.head.peek(ws.doms[k].h)
	}
	return x
}

func (ix *Index) subjectHit(k Kind, s uint32) hit {
	v := viewSubject(ix.subj[s])
	return hit{kind: k, site: -1, subjNum: v.number, province: v.province, status: v.status}
}

// domainHits appends the conflicts of one registrable domain of website
// site (none for a new website).
func (ix *Index) domainHits(hits []hit, in *checkInput, o *checkOptions, own, site uint32, d *checkDomain) []hit {
	i := ix.dom.head.find(d.h)
	if i < 0 {
		return hits
	}
	// The chain's first entry and its record come from the head slot;
	// the entries after it (a.com and www.a.com of one website, or
	// another key with the same hash) from the entry arrays.
	sl := &ix.dom.head.slots[i]
	e, blob := uint32(sl.key)-1, sl.val
	for {
		// The entry's subject and the next entry are loaded with the
		// record, not after it is read: at national scale the three
		// loads miss the caches, and issued together the misses overlap.
		next, s := ix.dom.next[e], ix.domOwner[e].subj
		hits = ix.domainHit(hits, in, o, own, site, d, e, s, blob)
		if next == none {
			return hits
		}
		e = next
		blob = ix.subj[ix.domOwner[e].subj]
	}
}

// domainHit appends the conflict of domain entry e, of subject s whose
// record is blob, when e is the registrable domain of d and blocks it.
func (ix *Index) domainHit(hits []hit, in *checkInput, o *checkOptions, own, site uint32, d *checkDomain, e, s uint32, blob string) []hit {
	var v domainView
	if !v.read(blob, e, d.reg) {
		return hits // another key with the same hash
	}
	h := hit{site: d.site, idx: d.idx, reg: d.reg, subjNum: v.number, province: v.province, status: v.status}
	if v.numRaw != "" {
		h.siteNum = v.numRaw
		if v.suffix {
			h.siteNum, h.siteSuf = v.number, v.numRaw
		}
	}
	if s == own {
		switch {
		case site != none:
			return hits // a change filing: own websites never block it
		case o.resubmit && (rejected(v.status) || pending(v.status)):
			return hits
		case rejected(v.status):
			h.kind = KindResubmission
		case pending(v.status):
			h.kind = KindPending
		default:
			h.kind = KindDomainFiledByYou
		}
	} else if v.province == in.province {
		h.kind = KindDomainSameProvince
	} else {
		h.kind = KindDomainOtherProvince
	}
	if !containsHit(hits, h) {
		hits = append(hits, h)
	}
	return hits
}

// domainView is what a domain hit needs of a record: the subject's number
// and province, and the status and number of the website that holds the
// domain.
type domainView struct {
	number, numRaw   string
	province, status byte
	suffix           bool
}

// read decodes, from a subject blob (in the format viewSubject and
// siteIter read), the facts of the website that holds domain entry e in
// one pass that skips what a hit does not need, and reports whether entry
// e is the registrable domain reg (entries of other keys share a hash
// chain).
func (v *domainView) read(blob string, e uint32, reg string) bool {
	r := rd{s: blob}
	v.province = r.byte1()
	r.i++ // status
	r.uv()
	r.uv()
	v.number = r.str()
	r.n(int(r.uv())) // licence
	r.n(int(r.uv())) // name
	r.n(int(r.uv())) // certificate
	for n := int(r.uv()); n > 0; n-- {
		r.uv() // site id
		status := r.byte1()
		l := r.uv()
		numRaw := r.n(int(l >> 1))
		r.n(int(r.uv())) // name
		if t := r.uv(); t&1 == 0 {
			r.i += int(t >> 1) // home URL
		}
		for range int(r.uv()) { // domains
			id := uint32(r.uv())
			dom := r.str()
			off := int(r.uv())
			if id == e {
				v.status, v.numRaw, v.suffix = status, numRaw, l&1 == 1
				return dom[off:] == reg
			}
		}
		for range int(r.uv()) { // IPs
			r.uv()
			r.i += int(r.byte1())
		}
	}
	return false
}

func containsHit(hits []hit, h hit) bool {
	for _, x := range hits {
		if x.kind == h.kind && x.site == h.site && x.idx == h.idx && x.subjNum == h.subjNum && x.siteNum == h.siteNum && x.siteSuf == h.siteSuf {
			return true
		}
	}
	return false
}
