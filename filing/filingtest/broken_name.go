package filingtest

import (
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sitename"
)

// nameBrokenDefs are the broken cases of the name rules: one
// per form rule and per reserved-word family, with names as users type
// them (full-width, spaces, homoglyphs).
var nameBrokenDefs = []brokenDef{
	//
	{name: "name-too-short", rule: "R-90", desc: "a website name of two characters, typed with a full-width space",
		want: filing.Code(sitename.CodeTooShort), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星　辰" }},
	{name: "name-all-digits", rule: "R-90", desc: "a website name of full-width digits only",
		want: filing.Code(sitename.CodeAllDigits), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "１２３４５６" }},
	{name: "name-all-latin", rule: "R-90", desc: "a website name of Latin letters only",
		want: filing.Code(sitename.CodeAllLatin), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "Star Light" }},
	{name: "name-is-domain", rule: "R-90", desc: "the website's domain typed as its name",
		want: filing.Code(sitename.CodeDomain), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "WWW." + f.Websites[0].Domains[0] }},
	{name: "name-special-symbol", rule: "R-90", desc: "a website name with an ampersand",
		want: filing.Code(sitename.CodeSymbol), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星辰&朗月" }},
	{name: "name-individual-company-word", rule: "R-90", desc: "an individual's website named like a company",
		want: filing.Code(sitename.CodeOrganisationWord), path: "websites[0].name", base: individual("52"),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星辰科技有限公司" }},
	{name: "name-individual-own-name", rule: "R-90", desc: "an individual's website named after the person",
		want: filing.Code(sitename.CodePerson), path: "websites[0].name", base: individual("52"),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = f.Subject.Name + "网" }},
	{name: "name-individual-place", rule: "R-90", desc: "an individual's website named after a place",
		want: filing.Code(sitename.CodePlace), path: "websites[0].name", base: individual("52"),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "贵州美食笔记" }},
	{name: "app-name-all-digits", rule: "R-90", desc: "an app name of digits only",
		want: filing.Code(sitename.CodeAllDigits), path: "apps[0].name", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Name = "12306" }},

	//
	{name: "name-state-word", rule: "R-91", desc: "an enterprise's website starting with 中国, its registered name not carrying it",
		want: filing.Code(sitename.CodeStateWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "中国" + f.Websites[0].Name }},
	{name: "name-public-affairs-word", rule: "R-91", desc: "an enterprise's website named like a people's government",
		want: filing.Code(sitename.CodePublicAffairsWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "某某市人民政府门户" }},
	{name: "name-field-word", rule: "R-91", desc: "a website named 新闻网 without the news pre-approval",
		want: filing.Code(sitename.CodeFieldWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星辰新闻网" }},
	{name: "name-forum-word", rule: "R-91", desc: "a website named 论坛 without the bulletin-board approval",
		want: filing.Code(sitename.CodeForumWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星辰技术论坛" }},
	{name: "name-forum-homoglyph", rule: "R-91", desc: "bbs spelt with full-width and Cyrillic letters",
		want: filing.Code(sitename.CodeForumWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星辰ＢＢѕ站" }},
	{name: "name-forum-domain", rule: "R-91", desc: "a website whose domain carries bbs, without the bulletin-board approval",
		want: filing.Code(sitename.CodeForumWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, g.freshDomain("xingchenbbs", ".cn")) }},
	{name: "name-sensitive-word", rule: "R-91", desc: "a website name with a sensitive word",
		want: filing.Code(sitename.CodeSensitiveWord), path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "星辰博彩攻略" }},
	{name: "app-name-forum-word", rule: "R-91", desc: "an app named 社区 without the bulletin-board approval",
		want: filing.Code(sitename.CodeForumWord), path: "apps[0].name", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Name = "星辰社区" }},
}
