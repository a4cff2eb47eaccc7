package main

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/materials"
	"github.com/beiankit/beian/forms"
)

// The materials page (GET /filings/{id}/materials): what the filing carries
// beyond its fields and the name warnings the applicant
// should look at before the bureau does. It shows names of materials and
// of websites, never personal data.

var materialsTmpl = template.Must(template.New("materials").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>备案材料 · ICP备案</title></head>
<body>
<h1>备案材料</h1>
{{if .Items}}<p>除表单信息外，本次备案还需提交以下材料：</p>
<ul class="materials">{{range .Items}}<li>{{.Zh}}</li>{{end}}</ul>
{{else}}<p>本次备案无需额外材料。</p>{{end}}
{{if .Warnings}}<h2>名称提示</h2>
<p>以下提示不会阻止提交，但管局可能据此退回，请确认：</p>
<ul class="warnings">{{range .Warnings}}<li>{{.Label}}：{{.Zh}}</li>{{end}}</ul>{{end}}
<p><a href="/filings/{{.ID}}">返回备案状态</a></p>
</body></html>
`))

type materialsPage struct {
	ID       string
	Items    []forms.Material
	Warnings []*filing.Problem
}

func (s *server) handleMaterials(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	e, ok := s.readEntry(r.PathValue("id"), now)
	if !ok {
		s.renderMessage(w, http.StatusNotFound, "未找到该备案申请", "请核对链接是否完整。")
		return
	}
	page := materialsPage{
		ID:       e.ID,
		Items:    forms.FilingMaterials(materials.Case{Filing: e.Filing, Now: now}),
		Warnings: filing.Warnings(e.Filing),
	}
	var buf bytes.Buffer
	if err := materialsTmpl.Execute(&buf, page); err != nil {
		s.internalError(w, "materials page", err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = buf.WriteTo(w)
}
