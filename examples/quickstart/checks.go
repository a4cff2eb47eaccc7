package main

import (
	"errors"
	"slices"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/sms"
)

// changeAndSMS shows a change filing refused for adding a domain, the
// accepted change with who verifies again, and that change's SMS
// verification expiring after 24 hours.
func changeAndSMS(r *report, f *filing.Filing) error {
	r.head("变更备案与短信核验 Change filing and SMS verification (R-80..R-83)")
	old := *f
	old.Websites = slices.Clone(f.Websites)
	changed := old
	changed.Websites = slices.Clone(old.Websites)
	w := &changed.Websites[0]
	w.Domains = append(slices.Clone(w.Domains), "xingchen-tech.cn")
	_, err := change.Check(&old, &changed, change.Options{})
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return errors.New("quickstart: adding a domain by change was not refused")
	}
	for _, p := range ve.Problems {
		r.printf("  ✗ [%s %s] %s\n", p.Code, p.Rule, p.Zh)
	}

	w.Domains = old.Websites[0].Domains
	w.Name = old.Websites[0].Name + "官网"
	plan, err := change.Check(&old, &changed, change.Options{})
	if err != nil {
		return err
	}
	r.printf("变更网站名称 ✓ 类型 %s，需重新短信核验：%d人，需重新当面核验：%t\n", plan.Type, len(plan.Verify), plan.FaceCheck)

	sent := at(2026, time.August, 3, 10, 15)
	ver, err := sms.New(sent, plan.Verify)
	if err != nil {
		return err
	}
	c := ver.Countdown(at(2026, time.August, 4, 9, 0))
	r.printf("短信已于%s发送至%s，验证码有效至%s（剩余%s，还可重发%d次）\n",
		sent.Format("2006-01-02 15:04"), ver.Targets[0].Mobile, c.Expires.Format("2006-01-02 15:04"), c.Remaining, c.ResendsLeft)
	late := at(2026, time.August, 4, 10, 20)
	ver, err = ver.Attempt(late, ver.Targets[0].Mobile.Raw(), true)
	var p *filing.Problem
	if !errors.As(err, &p) {
		return errors.New("quickstart: a late SMS input was accepted")
	}
	r.printf("%s输入验证码：[%s %s] %s（状态 %s）\n", late.Format("2006-01-02 15:04"), p.Code, p.Rule, p.Zh, ver.Status)
	return nil
}
