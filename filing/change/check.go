package change

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// Options are facts of a change that the filings do not hold.
type Options struct {
	// NameChangeLetter records that the name-change letter (工商更名函) is
	// on file, required for a subject name change where Rules says so.
	NameChangeLetter bool
	// ProvinceRules is the province table whose filing.RuleChange* rows
	// apply (RulesIn); nil: filing.DefaultProvinceRules.
	ProvinceRules *filing.ProvinceRules
	// At is the instant the province table is read at; zero: time.Now.
	At time.Time
}

// rules returns the change rules of a province under the options' table.
func (o Options) rules(province string) Rules {
	at := o.At
	if at.IsZero() {
		at = time.Now()
	}
	if o.ProvinceRules == nil {
		return RulesIn(filing.DefaultProvinceRules(), province, at)
	}
	return RulesIn(*o.ProvinceRules, province, at)
}

// Plan is what a change filing needs once Check accepts it.
type Plan struct {
	// Set is the change set (Diff).
	Set Set `json:"set"`
	// Type is the filing type the changes make: a change of the subject,
	// of websites, of both, or of access only; an addition (new website or
	// new access) when nothing else changes; "" when nothing changed.
	// lifecycle.Event.Type takes it with ActionStartChange.
	Type sms.FilingType `json:"type,omitempty"`
	// Verify lists who receives the SMS code again, from the new
	// filing, per sms.Recipients; pass it to sms.New.
	// Only the principals of changed websites are named.
	Verify sms.Persons `json:"verify,omitempty"`
	// FaceCheck is true when the in-person or face check (当面核验) is
	// needed again: an identity field changed (subject name, nature,
	// certificate, legal representative, a responsible person's name or
	// certificate), or the province repeats it on every change (青海).
	FaceCheck bool `json:"face_check"`
	// DomainRealNameAgain is true after a subject name change: the domains'
	// real-name data must be redone under the new name (Huawei Cloud).
	DomainRealNameAgain bool `json:"domain_real_name_again"`
}

// Check judges the change from the filed record old to new (R-80..R-82)
// and returns its Plan; the problems that refuse it come as a
// *filing.ValidationError (errors.Is with the Codes of this package),
// and the Plan is filled all the same.
//
//   - nothing changes while the subject or a website of old is under
//     bureau review; a change and an addition do not run at once (change
//     first); a website is removed by cancelling it.
//   - a change never adds a domain to a website; a single-domain
//     website cannot replace its domain.
//   - the province never changes; the subject cannot become another
//     one (name and certificate both differ) unless the province allows it
//     (山东: same legal representative); the certificate number alone does
//     not change; an organisation never becomes an individual, and an
//     individual becomes an organisation only where the province allows;
//     a name change needs the name-change letter where the province asks;
//     a server never moves to another province by change.
//
// Access records are matched by ISP (see Diff): a record of a new ISP is
// an addition (新增接入), and a record of an ISP the website leaves is
// that ISP's cancellation (取消接入), which is neither a change nor an
// addition for R-82 (DESIGN: moving to another ISP is new access there,
// not a change, 腾讯云 变更信息; the old ISP then cancels its access). A
// change that only removes access records is of type
// sms.CancelAccess.
//
// Apps, mini-programs and quick apps are services like websites:
// a change of an app's fields is a change of a service (SMS type 变更网站,
// the app's responsible person verifying in the website principal's role:
// the SMS table names no app rows, DESIGN); a new app is an addition (新增
// 网站 type); an app is removed by cancelling it (CodeAppRemoved); an app
// number old does not hold is refused (CodeAppUnknown). An app's kind never
// changes (its number's letter names it, CodeAppKindChanged), and the
// identifier of a platform row it keeps is never replaced
// (CodeAppIdentifierReplaced): the identifier names the app on its
// platform as the domain names a single-domain website (R-80, R-74;
// DESIGN: a swap to another package would otherwise carry another party's
// app under this record). A platform row added by change brings a new
// identifier, which conflict.Check must clear like a new filing's.
//
// The province whose rules apply is old's, read from package filing's
// province table (opts.ProvinceRules, else the default table).
func Check(old, new *filing.Filing, opts Options) (Plan, error) {
	set, err := Diff(old, new)
	if err != nil {
		return Plan{}, err
	}
	return CheckSet(set, old, new, opts)
}

// CheckSet is Check with a change set already computed by Diff(old, new).
func CheckSet(set Set, old, new *filing.Filing, opts Options) (Plan, error) {
	if old == nil || new == nil {
		return Plan{}, filing.NewProblem(CodeNil)
	}
	plan := Plan{Set: set}
	var ps []*filing.Problem
	add := func(c filing.Code, path, label string, args ...any) {
		ps = append(ps, filing.NewProblem(c, args...).WithPath(path, label))
	}
	rules := opts.rules(old.Subject.Province)

	// under review.
	if old.Subject.Status == filing.StatusBureauReview {
		add(CodeUnderReview, "subject.status", "备案状态")
	}
	for i := range old.Websites {
		if old.Websites[i].Status == filing.StatusBureauReview {
			add(CodeUnderReview, "websites["+strconv.Itoa(i)+"].status", "备案状态")
		}
	}

	var subject, website, access, addition, cancel bool
	changedSites, changedApps := map[int]bool{}, map[int]bool{}
	for _, c := range set.Changes {
		changed := changedSites
		if c.App {
			changed = changedApps
		}
		if c.Op == OpAdded && (isWebsite(c.Path) || isAccess(c.Path) || isApp(c.Path)) {
			addition = true
			changed[c.Website] = true
			continue
		}
		if c.Op == OpRemoved && isAccess(c.Path) {
			// The record of an ISP the website leaves: that ISP's
			// 取消接入, neither a change nor an addition (DESIGN).
			cancel = true
			continue
		}
		if c.Op == OpRemoved && isWebsite(c.Path) {
			add(CodeWebsiteRemoved, c.Path, c.Label)
			continue
		}
		if c.Op == OpRemoved && isApp(c.Path) {
			add(CodeAppRemoved, c.Path, c.Label)
			continue
		}
		switch c.Area {
		case AreaSubject:
			subject = true
		case AreaWebsite, AreaApp:
			website = true
			changed[c.Website] = true
		case AreaAccess:
			access = true
		}
		plan.FaceCheck = plan.FaceCheck || c.Identity
	}
	modified := subject || website || access
	if addition && modified {
		add(CodeWithAddition, "websites", "网站")
	}
	for i := range new.Websites {
		nw := &new.Websites[i]
		if nw.Number != "" && !hasNumber(old, nw.Number) {
			add(CodeWebsiteUnknown, "websites["+strconv.Itoa(i)+"].number", "网站备案号", nw.Number)
		}
	}
	ps = appRules(ps, old, new)

	// domains.
	for i := range new.Websites {
		nw := &new.Websites[i]
		ow := findWebsite(old, nw.Number)
		if ow == nil {
			continue
		}
		var added, removed []string
		for _, d := range nw.Domains {
			if !containsFold(ow.Domains, d) {
				added = append(added, d)
			}
		}
		for _, d := range ow.Domains {
			if !containsFold(nw.Domains, d) {
				removed = append(removed, d)
			}
		}
		for _, d := range added {
			path := "websites[" + strconv.Itoa(i) + "].domains"
			if len(ow.Domains) == 1 && len(removed) == 1 {
				add(CodeDomainReplaced, path, "网站域名", removed[0], d)
			} else {
				add(CodeDomainAdded, path, "网站域名", d)
			}
		}
	}

	// the table.
	os, ns := &old.Subject, &new.Subject
	if set.Has("subject.province") {
		add(CodeProvinceChanged, "subject.province", "主办单位所在省")
	}
	nameChanged, certChanged := set.Has("subject.name"), set.Has("subject.cert_number")
	switch {
	case nameChanged && certChanged:
		switch rules.SubjectToOther {
		case Always:
		case SameLegalRep:
			if l := filing.NormalizeText(os.LegalRepresentative); l == "" || l != filing.NormalizeText(ns.LegalRepresentative) {
				add(CodeSubjectReplacedLegalRep, "subject.legal_representative", "法定代表人")
			}
		default:
			add(CodeSubjectReplaced, "subject.cert_number", "主办单位证件号码")
		}
	case certChanged:
		if rules.CertChange != Always {
			add(CodeCertNumberChanged, "subject.cert_number", "主办单位证件号码")
		}
	}
	if nameChanged {
		plan.DomainRealNameAgain = true
		if rules.NameChangeLetter && !opts.NameChangeLetter {
			add(CodeNameChangeLetter, "subject.name", "主办单位名称")
		}
	}
	if set.Has("subject.nature") {
		oi, ni := individual(os.Nature), individual(ns.Nature)
		switch {
		case !oi && ni:
			add(CodeToIndividual, "subject.nature", "主办单位性质")
		case oi && !ni && rules.IndividualToOrganisation != Always:
			add(CodeToOrganisation, "subject.nature", "主办单位性质")
		}
	}
	for i := range new.Websites {
		nw := &new.Websites[i]
		ow := findWebsite(old, nw.Number)
		if ow == nil {
			continue
		}
		var room [4]int
		for k, j := range accessPairs(ow.Access, nw.Access, room[:0]) {
			if j < 0 {
				continue // a new ISP's access: an addition, not a move
			}
			a, b := strings.TrimSpace(ow.Access[j].ServerProvince), strings.TrimSpace(nw.Access[k].ServerProvince)
			if a != "" && b != "" && a != b {
				add(CodeServerMoved, "websites["+strconv.Itoa(i)+"].access["+strconv.Itoa(k)+"].server_province",
					"服务器放置地", provinceName(a), provinceName(b))
			}
		}
	}
	if rules.FaceCheckEveryChange && modified {
		plan.FaceCheck = true
	}

	// who verifies again.
	switch {
	case subject && website:
		plan.Type = sms.ChangeSubjectWebsite
	case subject:
		plan.Type = sms.ChangeSubject
	case website:
		plan.Type = sms.ChangeWebsite
	case access:
		plan.Type = sms.ChangeAccess
	case addition:
		plan.Type = sms.NewAccess
		if set.Touches(AreaWebsite) || set.Touches(AreaApp) {
			plan.Type = sms.NewWebsite
		}
	case cancel:
		plan.Type = sms.CancelAccess
	}
	if roles, ok := sms.Recipients(plan.Type); ok {
		for _, r := range roles {
			switch r {
			case sms.RoleSubjectPrincipal:
				plan.Verify = append(plan.Verify, sms.Person{Role: r, Person: ns.Principal})
			case sms.RoleWebsitePrincipal:
				for i := range new.Websites {
					if changedSites[i] {
						plan.Verify = append(plan.Verify, sms.Person{Role: r, Person: new.Websites[i].Principal})
					}
				}
				for i := range new.Apps {
					if changedApps[i] {
						plan.Verify = append(plan.Verify, sms.Person{Role: r, Person: new.Apps[i].Principal})
					}
				}
			}
		}
	}
	if len(ps) > 0 {
		return plan, &filing.ValidationError{Problems: ps}
	}
	return plan, nil
}

func isWebsite(path string) bool {
	return strings.HasPrefix(path, "websites[") && strings.IndexByte(path, '.') < 0
}

func isAccess(path string) bool {
	return strings.HasSuffix(path, "]") && strings.Contains(path, ".access[") &&
		strings.LastIndexByte(path, '.') < strings.LastIndex(path, "access[")
}

func hasNumber(f *filing.Filing, n string) bool { return findWebsite(f, n) != nil }

func findWebsite(f *filing.Filing, n string) *filing.Website {
	if n == "" {
		return nil
	}
	for i := range f.Websites {
		if f.Websites[i].Number == n {
			return &f.Websites[i]
		}
	}
	return nil
}

// containsFold reports whether list holds the domain s (sameDomain).
func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return sameDomain(x, s) })
}

func provinceName(code string) string {
	if p, ok := filing.ProvinceByCode(code); ok {
		return p.Name
	}
	return code
}

// Format prints the plan for fmt with the people of Verify masked
// (filing.FormatMasked).
func (p Plan) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the plan with the people of Verify masked.
func (p Plan) LogValue() slog.Value { return filing.MaskedLogValue(p) }

func isApp(path string) bool {
	return strings.HasPrefix(path, "apps[") && strings.IndexByte(path, '.') < 0
}

// appRules adds the problems of the apps of a change: an unknown number,
// a kind changed, an identifier replaced (see Check).
func appRules(ps []*filing.Problem, old, new *filing.Filing) []*filing.Problem {
	add := func(c filing.Code, path, label string, args ...any) {
		ps = append(ps, filing.NewProblem(c, args...).WithPath(path, label))
	}
	for i := range new.Apps {
		na := &new.Apps[i]
		prefix := "apps[" + strconv.Itoa(i) + "]"
		if na.Number == "" {
			continue
		}
		oi := slices.IndexFunc(old.Apps, func(a filing.App) bool { return a.Number == na.Number })
		if oi < 0 {
			add(CodeAppUnknown, prefix+".number", "APP备案号", na.Number)
			continue
		}
		a, b := filing.NormalizeApp(old.Apps[oi]), filing.NormalizeApp(*na)
		if a.Kind != b.Kind {
			add(CodeAppKindChanged, prefix+".kind", "应用类型", a.Kind.Zh(), b.Kind.Zh())
		}
		used := make([]bool, len(a.Platforms))
		for k := range b.Platforms {
			for j := range a.Platforms {
				if used[j] || platformKey(&a.Platforms[j]) != platformKey(&b.Platforms[k]) {
					continue
				}
				used[j] = true
				x, y := a.Platforms[j].Identifier, b.Platforms[k].Identifier
				if filing.AppIdentifierKey(x) != filing.AppIdentifierKey(y) {
					add(CodeAppIdentifierReplaced, prefix+".platforms["+strconv.Itoa(k)+"].identifier", "应用标识", x, y)
				}
				break
			}
		}
	}
	return ps
}
