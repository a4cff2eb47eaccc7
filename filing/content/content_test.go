package content_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/content"
)

func codes(ps []*content.Problem) []content.Code {
	var out []content.Code
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func TestR92_Declarations(t *testing.T) {
	remark := strings.Repeat("提供记账和日历工具", 3) // 27 characters
	for _, c := range []struct {
		name string
		d    content.Declaration
		want []content.Code
	}{
		{"valid by name", content.Declaration{Types: []string{"工具"}, Nature: "individual", NoneApplies: true}, nil},
		{"valid by number with spaces", content.Declaration{Types: []string{" 103 "}, Nature: "enterprise", PreApprovals: []string{"news"}}, nil},
		{"valid remark", content.Declaration{Types: []string{"工具"}, NoneApplies: true, RemarkRequired: true, Remark: remark}, nil},
		{"no type", content.Declaration{NoneApplies: true}, []content.Code{content.CodeNoType}},
		{"six types", content.Declaration{Types: []string{"工具", "招聘", "生活缴费", "工具", "招聘", "生活缴费"}, Nature: "enterprise", NoneApplies: true},
			[]content.Code{content.CodeTooMany, content.CodeDuplicate, content.CodeDuplicate, content.CodeDuplicate}},
		{"unknown", content.Declaration{Types: []string{"网络游戏"}, NoneApplies: true}, []content.Code{content.CodeUnknownType}},
		{"first level", content.Declaration{Types: []string{"生活服务"}, NoneApplies: true}, []content.Code{content.CodeFirstLevel}},
		{"individual recruiting", content.Declaration{Types: []string{"招聘"}, Nature: "individual", NoneApplies: true}, []content.Code{content.CodeNature}},
		{"enterprise recruiting", content.Declaration{Types: []string{"招聘"}, Nature: "enterprise", NoneApplies: true}, nil},
		{"pre-approvals unstated", content.Declaration{Types: []string{"工具"}}, []content.Code{content.CodeUnstated}},
		{"none applies and approvals", content.Declaration{Types: []string{"工具"}, NoneApplies: true, PreApprovals: []string{"news"}}, []content.Code{content.CodeContradiction}},
		{"remark too short", content.Declaration{Types: []string{"工具"}, NoneApplies: true, RemarkRequired: true, Remark: "记账工具"}, []content.Code{content.CodeRemarkLength}},
		{"remark too long", content.Declaration{Types: []string{"工具"}, NoneApplies: true, RemarkRequired: true, Remark: strings.Repeat("长", 201)}, []content.Code{content.CodeRemarkLength}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := content.Check(c.d)
			assert.Equal(t, c.want, codes(ps))
			for _, p := range ps {
				assert.Equal(t, "R-92", p.Rule)
				assert.NotContains(t, p.Zh, "%!")
				assert.True(t, errors.Is(p, p.Code))
			}
		})
	}
}

func TestR92_ParseWeChat(t *testing.T) {
	tx, err := content.ParseWeChat([]byte(`{"errcode":0,"items":[{"type":1,"parent_type":0,"name":"社交"},{"type":11,"parent_type":1,"name":"即时通信","remark":"x"}]}`))
	require.NoError(t, err)
	assert.Empty(t, tx.Check(content.Declaration{Types: []string{"即时通信"}, NoneApplies: true}))
	assert.Equal(t, []content.Code{content.CodeUnknownType}, codes(tx.Check(content.Declaration{Types: []string{"工具"}, NoneApplies: true})))
	for _, bad := range []string{`{`, `{"items":[{"type":0,"name":"x"}]}`, `{"items":[{"type":1,"name":"a"},{"type":1,"name":"b"}]}`,
		`{"items":[{"type":2,"parent_type":9,"name":"orphan"}]}`, `{"items":[{"type":1,"name":"a"},{"type":2,"parent_type":1,"name":"b"},{"type":3,"parent_type":2,"name":"c"}]}`} {
		_, err := content.ParseWeChat([]byte(bad))
		assert.Error(t, err, bad)
	}
	assert.NotEmpty(t, content.Default().Types())
}

func FuzzR92_ParseWeChat(f *testing.F) {
	f.Add([]byte(`{"items":[{"type":1,"parent_type":0,"name":"社交"},{"type":11,"parent_type":1,"name":"即时通信"}]}`))
	f.Add([]byte(`{"types":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tx, err := content.ParseWeChat(data)
		if err != nil {
			return
		}
		for _, ty := range tx.Types() {
			_ = tx.Check(content.Declaration{Types: []string{ty.Name}, NoneApplies: true})
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	d := content.Declaration{Types: []string{"工具", "103"}, Nature: "enterprise", NoneApplies: true}
	b.ReportAllocs()
	for b.Loop() {
		_ = content.Check(d)
	}
}
