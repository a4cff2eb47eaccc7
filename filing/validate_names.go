package filing

import (
	"strconv"

	"github.com/beiankit/beian/filing/sitename"
)

// Names of websites and apps are judged by package sitename,
// which holds the rules as data (national requirements, reserved-word
// families, province rows). Validate reports its errors at the name's path
// ("websites[0].name", "apps[1].name"); Warnings reports its warnings (the
// rules that are one provider's practice, and an individual's name that
// carries the person's name inside a longer name).

// WithNameRules replaces the name rules (sitename.Default) with rules, for
// example sitename.Default().With(row) with a province's own reading.
func WithNameRules(rules *sitename.Rules) Option {
	return func(o *options) { o.names = rules }
}

// withoutNameRules turns the name rules off: the baseline of the
// benchmark pair (validate_names_test.go), the Validate before.
func withoutNameRules() Option {
	return func(o *options) { o.noNames = true }
}

// nameRules returns the validator's name rules.
func (c *ruleCtx) nameRules() *sitename.Rules {
	if c.v.o.names != nil {
		return c.v.o.names
	}
	return sitename.Default()
}

// nameInput builds the input of the name rules for one website or app.
func nameInput(s *Subject, service, name string, involves []PreApprovalCategory, pas []PreApproval, domains []string) sitename.Input {
	in := sitename.Input{Name: name, Sponsor: s.Name, Province: s.Province, Domains: domains, Service: service}
	in.Nature = string(s.Nature) // a code: the filing is normalised (NormalizeFiling)
	if n := len(involves) + len(pas); n > 0 {
		in.Approvals = make([]string, 0, n)
		for _, c := range involves {
			in.Approvals = append(in.Approvals, string(c))
		}
		for _, p := range pas {
			in.Approvals = append(in.Approvals, string(p.Category))
		}
	}
	return in
}

// nameProblem turns a finding into a Problem at path.
func nameProblem(f sitename.Finding, path string) *Problem {
	p := newProblem(Code(f.Code))
	p.Zh, p.En = f.Zh, f.En
	if f.Suggestion != "" {
		p.Zh += "。建议：" + f.Suggestion
	}
	return p.WithPath(path, Label(path))
}

// checkName reports the name errors of one website or app.
func (c *ruleCtx) checkName(path, service, name string, involves []PreApprovalCategory, pas []PreApproval, domains []string) {
	if name == "" || c.failed[path] || c.v.o.noNames {
		return
	}
	for _, f := range c.nameRules().Check(nameInput(&c.f.Subject, service, name, involves, pas, domains)) {
		if f.Severity == sitename.Error {
			c.ps.add(nameProblem(f, path))
		}
	}
}

// websiteName: for website i.
func (c *ruleCtx) websiteName(i int) {
	w := &c.f.Websites[i]
	c.checkName(websitePath(i, ".name"), "website", w.Name, w.Involves, w.PreApprovals, w.Domains)
}

// appName: for app i.
func (c *ruleCtx) appName(i int) {
	a := &c.f.Apps[i]
	c.checkName(appPath(i, ".name"), "app", a.Name, a.Involves, a.PreApprovals, nil)
}

// nameWarnings returns the warnings of the default name rules on the
// filing's website and app names.
func nameWarnings(f *Filing) []*Problem {
	if len(f.Websites) == 0 && len(f.Apps) == 0 {
		return nil
	}
	f = NormalizeFiling(f) // province names as codes, as the rules read them
	var out []*Problem
	add := func(path, service, name string, involves []PreApprovalCategory, pas []PreApproval, domains []string) {
		if name == "" {
			return
		}
		for _, fd := range sitename.Default().Check(nameInput(&f.Subject, service, name, involves, pas, domains)) {
			if fd.Severity == sitename.Warning {
				out = append(out, nameProblem(fd, path))
			}
		}
	}
	for i := range f.Websites {
		w := &f.Websites[i]
		add("websites["+strconv.Itoa(i)+"].name", "website", w.Name, w.Involves, w.PreApprovals, w.Domains)
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		add("apps["+strconv.Itoa(i)+"].name", "app", a.Name, a.Involves, a.PreApprovals, nil)
	}
	return out
}
