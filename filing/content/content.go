package content

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/beiankit/beian/internal/catalog"
)

//go:embed data/service_content.json
var taxonomyJSON []byte

// Type is one service content type of the two-level taxonomy.
type Type struct {
	// ID is the type's number; Parent is its first-level type's number,
	// 0 for a first-level type.
	ID     int    `json:"type"`
	Parent int    `json:"parent_type"`
	Name   string `json:"name"`
	Remark string `json:"remark,omitempty"`
	// Individual is "" when an individual may choose the type, "refused"
	// when the guidance documents advise against it for individuals.
	Individual string `json:"individual,omitempty"`
}

// Taxonomy is a two-level list of service content types. It is immutable
// and safe for concurrent use.
type Taxonomy struct {
	types  []Type
	byID   map[int]int
	byName map[string]int
}

// ParseWeChat reads a taxonomy in the shape WeChat's
// queryIcpServiceContentTypes answers ({"items": [{"type", "parent_type",
// "name", "remark"}]}) or the shape of the embedded table ({"types":
// [...]}). It fails on malformed JSON, a type without a name or number, a
// duplicate number, or a second-level type whose parent is not a
// first-level type of the list.
func ParseWeChat(data []byte) (*Taxonomy, error) {
	var doc struct {
		Items []Type `json:"items"`
		Types []Type `json:"types"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("content: taxonomy: %w", err)
	}
	return newTaxonomy(slices.Concat(doc.Items, doc.Types))
}

func newTaxonomy(types []Type) (*Taxonomy, error) {
	t := &Taxonomy{types: types, byID: map[int]int{}, byName: map[string]int{}}
	for i, ty := range types {
		if ty.ID <= 0 || strings.TrimSpace(ty.Name) == "" {
			return nil, fmt.Errorf("content: taxonomy: type %d %q: a type needs a positive number and a name", ty.ID, ty.Name)
		}
		if _, dup := t.byID[ty.ID]; dup {
			return nil, fmt.Errorf("content: taxonomy: type %d listed twice", ty.ID)
		}
		t.byID[ty.ID] = i
		t.byName[ty.Name] = i
	}
	for _, ty := range types {
		if ty.Parent == 0 {
			continue
		}
		p, ok := t.byID[ty.Parent]
		if !ok || types[p].Parent != 0 {
			return nil, fmt.Errorf("content: taxonomy: type %d %q: parent %d is not a first-level type", ty.ID, ty.Name, ty.Parent)
		}
	}
	return t, nil
}

var defaultTaxonomy = sync.OnceValue(func() *Taxonomy {
	t, err := ParseWeChat(taxonomyJSON)
	if err != nil {
		panic("content: embedded data/service_content.json: " + err.Error()) // build defect
	}
	return t
})

// Default returns the embedded excerpt of WeChat's guide; load the
// platform's live list with ParseWeChat where it is available.
func Default() *Taxonomy { return defaultTaxonomy() }

// Types returns the types, first-level and second-level, as listed; the
// slice is a copy.
func (t *Taxonomy) Types() []Type { return slices.Clone(t.types) }

// Lookup finds a type by its number ("103") or its name ("工具").
func (t *Taxonomy) Lookup(key string) (Type, bool) {
	key = strings.TrimSpace(key)
	if n, err := strconv.Atoi(key); err == nil {
		if i, ok := t.byID[n]; ok {
			return t.types[i], true
		}
	}
	if i, ok := t.byName[key]; ok {
		return t.types[i], true
	}
	return Type{}, false
}

// MaxTypes is the most second-level types one service declares (WeChat
// applyIcpFiling).
const MaxTypes = 5

// Remark lengths where the platform asks for a remark (备注, WeChat
// applyIcpFiling: 20-200 characters describing the actual business).
const (
	MinRemark = 20
	MaxRemark = 200
)

// Declaration is what a service states about its content.
type Declaration struct {
	// Types are the second-level types, by number or name.
	Types []string `json:"types"`
	// Nature is the sponsor's nature code ("individual", "enterprise" ...).
	Nature string `json:"nature"`
	// PreApprovals are the pre-approval categories the service holds
	// (R-07 codes such as "news").
	PreApprovals []string `json:"pre_approvals,omitempty"`
	// NoneApplies states explicitly that no pre-approval applies
	// (以上都不涉及).
	NoneApplies bool `json:"none_applies,omitempty"`
	// Remark is the remark, checked when RemarkRequired.
	Remark         string `json:"remark,omitempty"`
	RemarkRequired bool   `json:"remark_required,omitempty"`
}

// Code is the stable code of a service content problem, registered in the
// module's code registry.
type Code string

var codes catalog.Set[Code]

// Codes returns every code the package defines, sorted.
func Codes() []Code { return codes.Codes() }

// The codes of R-92.
var (
	CodeNoType        = codes.Define("content.no_type", "R-92", "请至少选择一项服务内容", "no service content type")
	CodeTooMany       = codes.Define("content.too_many", "R-92", "服务内容最多选择%[1]d项，已选%[2]d项", "at most %[1]d service content types, %[2]d given")
	CodeUnknownType   = codes.Define("content.unknown_type", "R-92", "服务内容“%[1]s”不在服务内容类型列表中", "service content type %[1]q is not in the taxonomy")
	CodeFirstLevel    = codes.Define("content.first_level", "R-92", "“%[1]s”是一级类目，请选择其下的二级类目", "%[1]q is a first-level type; choose second-level types")
	CodeDuplicate     = codes.Define("content.duplicate", "R-92", "服务内容“%[1]s”重复选择", "service content type %[1]q given twice")
	CodeNature        = codes.Define("content.nature", "R-92", "个人备案不能选择服务内容“%[1]s”（经营类、论坛类或企业类内容须以单位名义备案）", "an individual's service cannot declare %[1]q")
	CodeUnstated      = codes.Define("content.preapproval_unstated", "R-92", "请填写涉及的前置审批，或明确选择“以上都不涉及”", "pre-approvals not stated: list them or state that none applies")
	CodeContradiction = codes.Define("content.preapproval_contradiction", "R-92", "已选择“以上都不涉及”，不能同时填写前置审批", "none applies is stated together with pre-approvals")
	CodeRemarkLength  = codes.Define("content.remark_length", "R-92", "备注须为%[1]d至%[2]d个字，说明实际业务，现为%[3]d个字", "the remark has %[3]d characters, not %[1]d-%[2]d")
)

// Problem is one problem of a declaration.
type Problem struct {
	Code  Code   `json:"code"`
	Rule  string `json:"rule"`
	Field string `json:"field"` // "types", "types[2]", "pre_approvals", "remark"
	Zh    string `json:"zh"`
	En    string `json:"en"`
}

// Error returns "field: code: english message".
func (p *Problem) Error() string { return p.Field + ": " + string(p.Code) + ": " + p.En }

// Is matches the problem's Code, so errors.Is works with the codes.
func (p *Problem) Is(target error) bool { c, ok := target.(Code); return ok && c == p.Code }

// Error returns the code itself, so that a Code is an errors.Is target.
func (c Code) Error() string { return string(c) }

// ErrorCode, MessageZh and MessageEn give the error shape of the module.
func (p *Problem) ErrorCode() string { return string(p.Code) }

// MessageZh returns the Chinese message for end users.
func (p *Problem) MessageZh() string { return p.Zh }

// MessageEn returns the English message for developers.
func (p *Problem) MessageEn() string { return p.En }

func problem(code Code, field string, args ...any) *Problem {
	e, _ := catalog.Filled(string(code), args...)
	return &Problem{Code: code, Rule: e.Rule, Field: field, Zh: e.Zh, En: e.En}
}

// Check checks a declaration against the default taxonomy.
func Check(d Declaration) []*Problem { return Default().Check(d) }

// Check checks a declaration: one to MaxTypes second-level types
// of the taxonomy, none twice, none refused for the sponsor's nature;
// pre-approvals stated explicitly ("none applies" included, never both);
// a remark of MinRemark-MaxRemark characters where one is required.
func (t *Taxonomy) Check(d Declaration) []*Problem {
	var out []*Problem
	switch n := len(d.Types); {
	case n == 0:
		out = append(out, problem(CodeNoType, "types"))
	case n > MaxTypes:
		out = append(out, problem(CodeTooMany, "types", MaxTypes, n))
	}
	seen := map[int]bool{}
	for i, key := range d.Types {
		field := "types[" + strconv.Itoa(i) + "]"
		ty, ok := t.Lookup(key)
		switch {
		case !ok:
			out = append(out, problem(CodeUnknownType, field, key))
		case ty.Parent == 0:
			out = append(out, problem(CodeFirstLevel, field, ty.Name))
		case seen[ty.ID]:
			out = append(out, problem(CodeDuplicate, field, ty.Name))
		case d.Nature == "individual" && ty.Individual == "refused":
			out = append(out, problem(CodeNature, field, ty.Name))
		}
		if ok {
			seen[ty.ID] = true
		}
	}
	switch {
	case d.NoneApplies && len(d.PreApprovals) > 0:
		out = append(out, problem(CodeContradiction, "pre_approvals"))
	case !d.NoneApplies && len(d.PreApprovals) == 0:
		out = append(out, problem(CodeUnstated, "pre_approvals"))
	}
	if d.RemarkRequired {
		if n := utf8.RuneCountInString(strings.TrimSpace(d.Remark)); n < MinRemark || n > MaxRemark {
			out = append(out, problem(CodeRemarkLength, "remark", MinRemark, MaxRemark, n))
		}
	}
	return out
}
