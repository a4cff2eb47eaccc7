// Package sitename judges the names of websites and apps (网站名称, APP名称;
// the national requirements (at least three characters, not
// all digits, not all Latin letters, not a domain, no special symbols, an
// individual's site named neither after a person or a place nor with a
// company or organisation word), the reserved-word families (state-level
// words for non-state units, public-affairs words for non-government
// bodies, a field's words without its pre-approval, forum words without
// the bulletin-board approval, "bbs" in a domain) and the province rows
// (Guangdong's "…官网"). Check applies the embedded rules (Default); Parse
// and Rules.With let a caller supply or override rows. Package filing
// calls it from Validate (errors) and Warnings (warnings); it imports
// nothing of filing and can be used on its own.
//
// # Data and sources
//
// The rules are rows of data/rules.json, each with the guidance document
// it comes from and that document's grade: A the MIIT 互联网站备案管理工作方案
// (2009) and a bureau's FAQ reproducing it, B Tencent Cloud's 网站命名要求,
// C providers' pages (新网, QingCloud, ozabc). Where they disagree:
//   - length: three characters, a letter or a digit counting as one
//     (Tencent), not three Chinese characters (新网);
//   - "not all Latin letters" is read as "has a Chinese character"
//     (DESIGN: 新网 asks for Chinese characters, Tencent for more than
//     Latin letters; a name of letters and digits only is refused);
//   - state-level words (中国, 中华, 国家, 中央, 人民, 人大) are refused as
//     the start of a name (the MIIT text says 字头), not elsewhere, and are
//     allowed where the sponsor's registered name carries them (DESIGN:
//     a state-level unit cannot be recognised from the filing; 中国银行股份有限公司
//     may name its site 中国银行官网). For a government sponsor whose name
//     does not carry the word they are a warning, not a refusal (DESIGN:
//     Tencent bars them for non-government sponsors only, and a
//     state-level government unit, as 国务院办公厅 for 中国政府网, cannot be
//     told from a local one). A field's word carried by the sponsor's
//     registered name is allowed too (DESIGN: providers advise organisations
//     to use their full name);
//   - the words single providers refuse in individuals' names (导航, 平台,
//     网址 …), Guangdong's "…官网" convention (新网 alone) and an
//     individual's name that carries the person's name inside a longer
//     name ("王磊的读书笔记") are warnings, never errors.
//
// Whether a name reflects the site's content, which the providers' pages
// ask for, is not judged, neither as an error nor as a warning: the rules
// read the name and the filing's facts, not the site. The form rules
// refuse the names that cannot reflect any content (all digits, all Latin
// letters, a domain); the rest is left to the bureau.
//
// # Comparison
//
// Names and words are compared after Normalize: NFKC (full-width forms),
// no white space, Latin in lower case, Cyrillic and Greek look-alikes as
// Latin letters.
package sitename
