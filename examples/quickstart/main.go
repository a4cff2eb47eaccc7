// Command quickstart walks one ICP filing through the whole beiankit SDK and
// prints a readable report. It needs no setup:
//
//	go run ./examples/quickstart
//
// The story, on a fixed clock (March 2026) so that every run prints the same:
//
//  1. A Guizhou company types in its first filing with mistakes; validation
//     lists every problem with its Chinese message (R-01..R-09). Full-width
//     digits in the mobile number are not a mistake: they are normalised.
//  2. The corrected filing passes, but its domain is already on file for a
//     company in Guangdong: the conflict check says whose record blocks it and
//     what to do. With the company's own domain it is clean.
//  3. The ISP submits and verifies it: the bureau's 20-working-day review
//     limit runs, counted on the State Council's holiday schedule.
//  4. The bureau approves it and numbering issues the subject number and the
//     website suffix, continuing after what the province already issued
//
//  5. Months later the ISP cancels the website's access: the shell check
//     says when it becomes a shell website and what to do (R-60..R-63).
//  6. The company ends the website: its cancellation application is checked
//     and printed (R-50..R-52).
//  7. A change that adds a domain is refused; the accepted change
//     names who verifies again by SMS, and that verification expires after
//     24 hours.
//  8. It files an app (Android and iOS) and a WeChat mini-program under its
//     subject: the wrong fingerprint and another company's Bundle ID are
//     caught, the app and the mini-program get -2A and -3X (R-70..R-75).
//  9. The mini-program's filing is prepared for WeChat's applyIcpFiling: the
//     platform's own rules are reported at the SDK's fields, and the
//     platform's per-field rejections are mapped back to them.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/shell"
	"github.com/beiankit/beian/filing/sms"
	"github.com/beiankit/beian/forms"
	"github.com/beiankit/beian/numbering"
)

// records is a small national record set: what the bureaus already have on
// file (the JSONL format of conflict.Index.LoadJSONL).
//
//go:embed records.jsonl
var records []byte

// formFile, set by -form, is where the demonstration writes the
// cancellation application as a printable A4 HTML page.
var formFile = flag.String("form", "", "write the cancellation application as a printable A4 HTML page to this file (print it with forms/formpdf, or in a browser with its headers and footers off)")

func main() {
	flag.Parse()
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// cst is China Standard Time, the zone every deadline is counted in.
var cst = calendar.Location()

// at is a civil instant in China.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, cst)
}

// report prints numbered sections.
type report struct {
	w       io.Writer
	section int
	err     error
}

func (r *report) head(title string) {
	r.section++
	if r.section > 1 {
		r.printf("\n")
	}
	r.printf("== %d. %s\n", r.section, title)
}

func (r *report) printf(format string, args ...any) {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, format, args...)
	}
}

// residentID completes a resident ID number with its GB 11643 check character.
func residentID(first17 string) filing.IDNumber {
	c, err := certno.ResidentIDCheckChar(first17)
	if err != nil {
		panic(err) // the inputs below are constants
	}
	return filing.IDNumber(first17 + string(c))
}

// typedIn is the filing as the user first types it, mistakes included.
func typedIn() *filing.Filing {
	principal := residentID("52010219800101123")
	return &filing.Filing{
		Subject: filing.Subject{
			Province:   "贵州",           // a name: normalised to the code "52"
			Name:       " 贵州星辰科技有限公司 ", // stray spaces: trimmed
			Nature:     filing.NatureEnterprise,
			CertType:   filing.CertBusinessLicence,
			CertNumber: "91520000214434146R",
			Address:    "贵州省贵阳市观山湖区长岭北路1号",
			Principal: filing.Person{
				Name:       "张伟",
				CertType:   filing.CertResidentID,
				CertNumber: principal[:17] + "0", // wrong check character
				Mobile:     "１３８ ００１３ ８０００",      // full-width with spaces: fine
				Email:      "zhangwei@example.com",
			},
			LegalRepresentative: "张伟",
		},
		Websites: []filing.Website{{
			Service: filing.Service{
				Name: "星辰官网",
				Principal: filing.Person{
					Name:       "李娜",
					CertType:   filing.CertResidentID,
					CertNumber: residentID("52010319900215246"),
					Mobile:     "13900139000",
					Email:      "lina@example.cn",
				},
			},
			Domains: []string{"xingchen.io"},          // .io is not approved for filing
			HomeURL: "https://www.xingchen-shop.com/", // not under the website's domain
		}},
	}
}

func run(w io.Writer) error {
	r := &report{w: w}
	ctx := context.Background()
	now := at(2026, time.March, 2, 9, 30)
	clock := filing.WithNow(func() time.Time { return now })

	// 1. Validation.
	r.head("校验备案信息 Validation (R-01..R-09)")
	f := typedIn()
	err := filing.Validate(f, clock)
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("the typed-in filing should fail validation, got %v", err)
	}
	r.printf("发现%d个问题：\n", len(ve.Problems))
	for _, p := range ve.Problems {
		r.printf("  ✗ %s（%s）：%s [%s %s]\n", p.Label, p.Path, p.Zh, p.Code, p.Rule)
	}

	f.Subject.Principal.CertNumber = residentID("52010219800101123")
	f.Websites[0].Domains = []string{"xingchen.cn"}
	f.Websites[0].HomeURL = "https://www.xingchen.cn/"
	if err := filing.Validate(f, clock); err != nil {
		return fmt.Errorf("corrected filing: %w", err)
	}
	f = filing.NormalizeFiling(f) // store what validation checked
	r.printf("改正后通过校验 ✓  省份=%s 主办单位=%q 手机=%s（屏幕输出与日志中自动脱敏；交给管局的申请表上是完整号码）\n",
		f.Subject.Province, f.Subject.Name, f.Subject.Principal.Mobile)

	// 2. Conflicts against the national record set.
	r.head("冲突检测 Conflicts (R-30..R-32)")
	ix := conflict.New()
	n, err := ix.LoadJSONL(bytes.NewReader(records))
	if err != nil {
		return fmt.Errorf("record set: %w", err)
	}
	r.printf("已载入%d个主体的备案记录\n", n)
	conflicts, err := ix.Check(f)
	if err != nil {
		return err
	}
	for _, c := range conflicts {
		g := guidance.For(c) // the texts, rendered when shown
		r.printf("  ✗ %s\n", g.Zh)
		r.printf("    阻挡的备案：%s（%s，%s）；请联系：%s\n",
			c.Blocking.WebsiteNumber, c.Blocking.ProvinceName(), c.Rule(), g.Bureau)
		for i, s := range g.Steps {
			r.printf("    %d) %s\n", i+1, s.Zh)
		}
	}
	f.Websites[0].Domains = []string{"星辰科技.中国"}
	f.Websites[0].HomeURL = "http://www.星辰科技.中国"
	if err := filing.Validate(f, clock); err != nil {
		return fmt.Errorf("own domain: %w", err)
	}
	f = filing.NormalizeFiling(f)
	if conflicts, err = ix.Check(f); err != nil || len(conflicts) > 0 {
		return fmt.Errorf("own domain should be clean: %v %v", conflicts, err)
	}
	r.printf("改用本单位的域名 %s（%s）：无冲突 ✓\n", domain.DomainUnicode(f.Websites[0].Domains[0]), f.Websites[0].Domains[0])

	// 3. Lifecycle and the review limit.
	r.head("提交与审核期限 Submission and review limit (R-11, R-14, R-20)")
	isp := lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "贵州星云数据", Province: "52"}
	bureau := lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}
	st := lifecycle.State{Type: sms.NewFiling, ISP: isp.ISP, ISPProvince: "52", Province: f.Subject.Province}
	for _, e := range []lifecycle.Event{
		{Action: lifecycle.ActionCreate, Actor: isp, At: now},
		{Action: lifecycle.ActionSubmit, Actor: isp, At: at(2026, time.March, 2, 10, 0)},
		{Action: lifecycle.ActionVerify, Actor: isp, At: at(2026, time.March, 3, 16, 0)},
	} {
		if st, err = lifecycle.Apply(st, e); err != nil {
			return err
		}
	}
	due, kind, _, err := st.Due(nil)
	if err != nil {
		return err
	}
	r.printf("接入商核验并提交：2026-03-03；管局审核期限（%s，20个工作日）：%s\n", kind.RuleID(), due.Format(time.DateOnly))
	cd, _, err := st.Countdown(nil, at(2026, time.March, 20, 9, 0))
	if err != nil {
		return err
	}
	r.printf("截至2026-03-20：剩余%d个工作日\n", cd.Remaining)
	if _, err := lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "44"}, At: at(2026, time.March, 20, 10, 0)}); err != nil {
		var te *lifecycle.TransitionError
		if errors.As(err, &te) {
			r.printf("广东管局试图审核：%s [%s]\n", te.Zh, te.Code)
		}
	}

	// 4. Numbers.
	r.head("分配备案号 Record numbers (R-40..R-42)")
	alloc := numbering.NewAllocator(numbering.NewMemoryStore())
	if err := alloc.Seed(ctx, issuedNumbers()); err != nil {
		return err
	}
	approvedAt := at(2026, time.March, 24, 15, 0)
	subj, err := alloc.NextSubject(ctx, f.Subject.Province, approvedAt)
	if err != nil {
		return err
	}
	site, err := alloc.NextService(ctx, subj, numbering.ServiceWebsite)
	if err != nil {
		return err
	}
	if st, err = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: bureau, At: approvedAt, Number: site.String()}); err != nil {
		return err
	}
	f.Subject.Number, f.Websites[0].Number = subj.String(), site.String()
	r.printf("审核通过：%s  主体备案号 %s，网站备案号 %s（%d年，第%d号）；备案状态 %s，此后接入商可办理：%s（R-11）\n",
		approvedAt.Format(time.DateOnly), subj, site, subj.Year(), subj.Sequence(), st.Status.Zh(), actionsZh(lifecycle.Allowed(st, isp)))
	// record.Of turns the approved filing into the record on file.
	if err := ix.Put(record.Of(f, filing.StatusApproved, approvedAt)); err != nil {
		return err
	}
	res, err := ix.Query(conflict.Query{By: conflict.ByDomain, Value: "www.星辰科技.中国"})
	if err != nil {
		return err
	}
	for _, p := range res.Records {
		r.printf("公共查询（R-33）：%s %s %s\n", p.WebsiteNumber, p.SponsorName, p.WebsiteName)
	}

	// 5. Shell check.
	r.head("空壳核查 Shell records (R-60..R-63)")
	web := f.Websites[0]
	web.Status = filing.StatusApproved
	web.Access = []filing.Access{{ISP: isp.ISP, ISPProvince: "52", Since: at(2026, time.March, 25, 9, 0), Until: at(2026, time.June, 28, 18, 0)}}
	subject := f.Subject
	subject.Status = filing.StatusApproved
	sr, err := shell.ClassifySubject(subject, []filing.Website{web}, at(2026, time.July, 1, 9, 0))
	if err != nil {
		return err
	}
	r.printf("核查时间 2026-07-01（接入已于2026-06-28取消）：\n")
	for _, fd := range sr.Findings {
		r.printf("  %s %s：%s\n    建议：%s\n", fd.Rule, fd.Kind.Zh(), fd.Zh, fd.RecommendationZh)
	}

	// 6. The cancellation application.
	r.head("注销申请表 Cancellation application (R-50..R-52, R-22)")
	// The service ends: the form to start and what it cancels.
	formKind, target, _ := forms.OccasionServiceEnded.Form()
	r.printf("注销原因：%s → %s（%s）\n", forms.OccasionServiceEnded.Zh(), formKind.Title(), target.Zh())
	app := &forms.Application{
		Kind:              formKind,
		Target:            target,
		Approved:          true,
		ApplicantName:     "张伟",
		ApplicantMobile:   f.Subject.Principal.Mobile,
		Date:              forms.NewDate(2026, time.July, 2),
		RecordNumber:      site.String(),
		Domain:            domain.DomainUnicode(web.Domains[0]),
		SponsorName:       f.Subject.Name,
		SponsorNature:     f.Subject.Nature,
		SubjectCertType:   f.Subject.CertType,
		SubjectCertNumber: f.Subject.CertNumber,
		PrincipalName:     f.Subject.Principal.Name,
		ContactName:       "张伟",
		ContactLandline:   "0851-85551234",
		ContactEmail:      f.Subject.Principal.Email,
		Reason:            "公司业务调整，该网站已停止运营，不再使用该域名提供服务，申请注销网站备案",
	}
	if err := app.Check(at(2026, time.July, 2, 10, 0)); err != nil {
		if errors.As(err, &ve) {
			r.printf("申请材料尚不齐全：\n")
			for _, p := range ve.Problems {
				r.printf("  ✗ %s\n", p.Zh)
			}
		}
	}
	app.Enclosed = nil
	for _, m := range app.Checklist().Items {
		if m.Required {
			app.Enclosed = append(app.Enclosed, m.ID)
		}
	}
	app.DomainCertificate = &forms.DomainCertificate{
		Domain: app.Domain, Holder: app.SponsorName, Authority: forms.AuthorityCNNIC, Registrar: "北京新网数码信息技术有限公司",
		Registered: forms.NewDate(2025, time.December, 1), Expires: forms.NewDate(2027, time.December, 1),
	}
	if err := app.Check(at(2026, time.July, 2, 10, 0)); err != nil {
		return fmt.Errorf("completed application: %w", err)
	}
	if app, err = app.Receive(forms.NewDate(2026, time.July, 6), nil); err != nil {
		return err
	}
	r.printf("材料齐全 ✓  管局2026-07-06收到，应在%s前处理完毕（5个工作日）\n\n", app.Bureau.Due)
	var text strings.Builder
	if err := app.RenderText(&text); err != nil {
		return err
	}
	r.printf("%s", text.String())
	if *formFile != "" {
		if err := writeForm(*formFile, app); err != nil {
			return err
		}
		r.printf("申请表已写入%s（A4网页，可打印；转PDF见forms/formpdf）\n", *formFile)
	}
	if err := changeAndSMS(r, f); err != nil {
		return err
	}

	// 8. Apps and mini-programs (apps.go).
	if err := apps(r, ix, alloc, f, subj, at(2026, time.July, 10, 9, 0)); err != nil {
		return err
	}

	// 9. The mini-program filed through WeChat (platform.go).
	if err := wechatFiling(r, f); err != nil {
		return err
	}
	return r.err
}

// actionsZh joins the Chinese names of actions.
func actionsZh(as []lifecycle.Action) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Zh()
	}
	return strings.Join(names, "、")
}

// issuedNumbers yields every record number on file, so that the allocator
// continues after them (a bureau migrating in, R-41).
func issuedNumbers() func(yield func(numbering.Number) bool) {
	return func(yield func(numbering.Number) bool) {
		for _, line := range bytes.Split(records, []byte("\n")) {
			for _, n := range numbering.Find(string(line)) {
				if !yield(n) {
					return
				}
			}
		}
	}
}

// subjectRecord and websiteRecord turn the approved filing into the shape the
// national record set keeps.
// writeForm writes the application as its printable A4 HTML page.
func writeForm(path string, app *forms.Application) error {
	var page bytes.Buffer
	if err := app.RenderHTML(&page); err != nil {
		return err
	}
	return os.WriteFile(path, page.Bytes(), 0o644)
}
