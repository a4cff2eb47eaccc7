package numbering_test

import (
	"errors"
	"testing"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/numbering"
)

// FuzzParse: Parse never panics; whatever parses prints canonically and
// parses back to the same Number; failures are *ParseErrors with an offset
// inside the input.
func FuzzParse(f *testing.F) {
	for _, c := range corpus {
		f.Add(c.in)
	}
	for _, s := range []string{"", "黔ICP备1500041X号", "京ICP备05002571号-007", "沪ICP备2021527689-3号", "京ICP备05002571号-1 © 2024", "\xff京"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := numbering.Parse(s)
		if err != nil {
			var pe *numbering.ParseError
			if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > len(s) || pe.Code == "" || !n.IsZero() {
				t.Fatalf("Parse(%q): bad error %#v", s, err)
			}
			return
		}
		if n.IsZero() {
			t.Fatalf("Parse(%q) returned the zero Number without error", s)
		}
		str := n.String()
		back, err := numbering.Parse(str)
		if err != nil || back != n {
			t.Fatalf("Parse(%q) = %v; Parse(%q) = %v, %v", s, n, str, back, err)
		}
		if back.String() != str {
			t.Fatalf("String not stable: %q vs %q", back.String(), str)
		}
		if got := numbering.Find(str); len(got) != 1 || got[0] != n {
			t.Fatalf("Find(%q) = %v, want [%v]", str, got, n)
		}
	})
}

// FuzzFind: Find never panics and every match is a span of the text that
// Parse reads as the same Number.
func FuzzFind(f *testing.F) {
	f.Add("©mi.com 京ICP证110507号 京ICP备10046444号 京公网安备11010802020134号 京网文[2014]0059-0009号")
	f.Add("京公网安备11010802020134号-京ICP证110507号 A2.B1.B2-20202637，粤B2-20090059-1626X")
	f.Add("陕 ICP 备 19000424 号 -2 | 陕公网安备 61010302001034 号")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range numbering.FindAll(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span %d..%d after %d in %q", m.Start, m.End, prev, text)
			}
			prev = m.End
			n, err := numbering.Parse(text[m.Start:m.End])
			if err != nil || n != m.Number {
				t.Fatalf("span %q: Parse = %v, %v; Find said %v", text[m.Start:m.End], n, err, m.Number)
			}
		}
	})
}

// FuzzParsePublicSecurity: no panic; ParsePublicSecurity agrees with Parse
// (the same Number for a public-security number, an error otherwise, the
// error a *problem.Problem of R-87); an accepted number's canonical form
// parses to the same number with the same warnings; an older form, and
// only it, carries CodePSLegacy.
func FuzzParsePublicSecurity(f *testing.F) {
	for _, s := range []string{"京公网安备11010802035340号", "粤公网安备 44140202000117号", "浙备3301000000001号",
		"京公网安备１１０１０８０２０３５３４０号", "京公网安备号", "沪公网安备11010802035340号", "京公网安备99999902000001号",
		"京公网安备110105000655", "浙備33010000000012號", "京公网安备11010502030143号-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, warnings, err := numbering.ParsePublicSecurity(s)
		parsed, perr := numbering.Parse(s)
		if err != nil {
			var p *problem.Problem
			if !errors.As(err, &p) || p.Rule != "R-87" || !n.IsZero() || warnings != nil {
				t.Fatalf("%q: bad error %#v", s, err)
			}
			if perr == nil && parsed.Kind() == numbering.KindPublicSecurity {
				t.Fatalf("%q: Parse accepts %v, ParsePublicSecurity refuses: %v", s, parsed, err)
			}
			return
		}
		if perr != nil || parsed != n || n.Kind() != numbering.KindPublicSecurity {
			t.Fatalf("%q: ParsePublicSecurity = %v, Parse = %v, %v", s, n, parsed, perr)
		}
		m, again, err := numbering.ParsePublicSecurity(n.String())
		if err != nil || m != n || len(again) != len(warnings) {
			t.Fatalf("%q: %v does not round-trip: %v %v", s, n, m, err)
		}
		legacy := false
		for i, w := range warnings {
			if w.Code != again[i].Code || w.Rule != "R-87" {
				t.Fatalf("%q: warnings %v, then %v", s, warnings, again)
			}
			legacy = legacy || w.Code == numbering.CodePSLegacy
		}
		if legacy != n.Legacy() {
			t.Fatalf("%q: Legacy() = %v, warnings %v", s, n.Legacy(), warnings)
		}
	})
}
