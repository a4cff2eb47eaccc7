package change

import "github.com/beiankit/beian/filing"

// natureKey is a subject nature as a change compares it: the code
// of the nature table's row that the value names, by its code or its
// Chinese name, after filing.NormalizeText (spaces around, full-width
// forms), as Validate reads it: "个人", " individual " and
// "ｉｎｄｉｖｉｄｕａｌ" are all "individual". A value naming no row is
// compared as NormalizeText gives it.
func natureKey(n filing.Nature) string {
	t := filing.NormalizeText(string(n))
	if info, ok := filing.Nature(t).Info(); ok {
		return string(info.Code)
	}
	return t
}

// individual reports whether a nature, spelt as Validate accepts it, is the
// individual's (个人): the table's Individual flag, never a comparison of
// the raw value with one spelling.
func individual(n filing.Nature) bool {
	info, ok := filing.Nature(filing.NormalizeText(string(n))).Info()
	return ok && info.Individual
}
