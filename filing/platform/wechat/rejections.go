package wechat

import (
	_ "embed"
	"sync"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

//go:embed data/fields.json
var fieldsJSON []byte

var fieldTable = sync.OnceValue(func() *platform.Fields {
	f, err := platform.LoadFields(fieldsJSON)
	if err != nil {
		panic("wechat: embedded data/fields.json: " + err.Error()) // build defect, caught by every test run
	}
	return f
})

// Fields returns the field table of applyIcpFiling: every field of the
// payload with its SDK path and Chinese label, or why it is not mapped.
func Fields() *platform.Fields { return fieldTable() }

// Problems maps applyIcpFiling's answer to problems: each hint
// becomes a platform.CodeRejectedField problem at the SDK path of its
// err_field (for the mini-program at index app of the filing), with the
// platform's message; a hint whose field the table does not know becomes
// platform.CodeRejectedUnplaced (kept, with the field as the platform named
// it); an error without hints becomes platform.CodePlatformError; keys the
// SDK does not know become platform.CodeUnknownKey. A success gives none.
func (a ApplyAnswer) Problems(app int) []*filing.Problem {
	var out []*filing.Problem
	for _, h := range a.Hints {
		if r, ok := Fields().ByPayload(h.ErrField); ok && r.SDK != "" {
			out = append(out, platform.At(r.SDKPath(app), r.Label, platform.CodeRejectedField, h.Errmsg, ""))
			continue
		}
		out = append(out, filing.NewProblem(platform.CodeRejectedUnplaced, h.ErrField, h.Errmsg, ""))
	}
	if a.Errcode != 0 && len(a.Hints) == 0 {
		out = append(out, filing.NewProblem(platform.CodePlatformError, a.Errcode, a.Errmsg))
	}
	return append(out, platform.UnknownKeys(a)...)
}

// Status maps the platform's filing status to the SDK's lifecycle status
// (DESIGN: the platform does the ISP's part): 2 平台审核中 is
// StatusISPVerifying, 3 平台审核驳回 StatusDraft (back to the user, as an
// ISP's return), 4 管局审核中 StatusBureauReview, 5 管局审核驳回
// StatusReturnedToUser, 6 已备案 StatusApproved, 1024..1031 未备案 the empty
// status (nothing filed). ok is false for a status the platform's table does
// not list.
func (e EntranceInfo) Status() (status filing.Status, ok bool) {
	switch s := e.Info.Status; {
	case s == 2:
		return filing.StatusISPVerifying, true
	case s == 3:
		return filing.StatusDraft, true
	case s == 4:
		return filing.StatusBureauReview, true
	case s == 5:
		return filing.StatusReturnedToUser, true
	case s == 6:
		return filing.StatusApproved, true
	case s >= 1024 && s <= 1031:
		return "", true
	}
	return "", false
}

// notReady are the flags of the 1025..1031 statuses (未备案 && ...).
var notReady = []struct {
	bit  int
	path string
	zh   string
}{
	{1, "apps[#].name", "小程序信息未填"},
	{2, "apps[#].categories", "小程序类目未填"},
	{4, "apps[#].host_app_id", "小程序未认证"},
}

// Problems maps getIcpEntranceInfo's answer to problems: each
// audit_data item becomes platform.CodeRejectedField at the SDK path of the
// field its key_name (the field's Chinese name) names, with the reason and
// the suggestion; an item whose name the table does not know becomes
// platform.CodeRejectedUnplaced, kept with its name; the 未备案 flags
// (1025..1031) become platform.CodeNotReady; an unknown status becomes
// platform.CodeStatusUnknown; keys the SDK does not know become
// platform.CodeUnknownKey. app is the mini-program's index in the filing.
func (e EntranceInfo) Problems(app int) []*filing.Problem {
	var out []*filing.Problem
	for _, d := range e.Info.AuditData {
		suggest := ""
		if d.Suggest != "" {
			suggest = "（建议：" + d.Suggest + "）"
		}
		if r, ok := Fields().ByLabel(d.KeyName); ok && r.SDK != "" {
			out = append(out, platform.At(r.SDKPath(app), r.Label, platform.CodeRejectedField, d.Error, suggest))
			continue
		}
		out = append(out, filing.NewProblem(platform.CodeRejectedUnplaced, d.KeyName, d.Error, suggest))
	}
	if s := e.Info.Status; s > 1024 && s <= 1031 {
		for _, f := range notReady {
			if (s-1024)&f.bit != 0 {
				r := platform.Field{SDK: f.path}
				out = append(out, platform.At(r.SDKPath(app), "", platform.CodeNotReady, f.zh))
			}
		}
	}
	if _, ok := e.Status(); !ok {
		out = append(out, filing.NewProblem(platform.CodeStatusUnknown, e.Info.Status))
	}
	if e.Errcode != 0 {
		out = append(out, filing.NewProblem(platform.CodePlatformError, e.Errcode, e.Errmsg))
	}
	return append(out, platform.UnknownKeys(e)...)
}
