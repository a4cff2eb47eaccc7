package conflict

import (
	"strings"

	"github.com/beiankit/beian/filing"
)

// ByAppName matches the whole name of an app, mini-program or quick app on
// AppNameKey (NameKey of the name's confusable skeleton), as ByWebsiteName matches website names. ByNumber finds
// app numbers too, and BySponsorName and a subject number list a subject's
// apps beside its websites; each row names its ServiceType.
const ByAppName Field = "app_name"

// appRowsByName returns the public rows of the filed apps named v.
func (ix *Index) appRowsByName(v string) []PublicRecord {
	key := AppNameKey(v)
	var rows []PublicRecord
	t := &ix.apps
	h := hash32(ix.seed, key)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for a := t.name.first(h); a != none; a = t.name.next[a] {
		if AppNameKey(string(t.nameBytes(a))) == key {
			rows = ix.appRow(rows, a)
		}
	}
	return rows
}

// appRowByNumber appends the row of the filed app numbered n (a numberKey).
func (ix *Index) appRowByNumber(rows []PublicRecord, n string) []PublicRecord {
	subjNum, _, ok := splitWebsiteNumber(n)
	if !ok {
		return rows
	}
	s := ix.findNum(subjNum)
	if s == none {
		return rows
	}
	t := &ix.apps
	t.each(s, func(a uint32) bool {
		v := t.view(a, false)
		if t.numberIs(&v, subjNum, n) {
			rows = ix.appRow(rows, a)
			return false
		}
		return true
	})
	return rows
}

// appRowsOf appends the rows of the filed apps of subject s, oldest first.
func (ix *Index) appRowsOf(rows []PublicRecord, s uint32) []PublicRecord {
	n := len(rows)
	ix.apps.each(s, func(a uint32) bool {
		rows = ix.appRow(rows, a)
		return true
	})
	for i, j := n, len(rows)-1; i < j; i, j = i+1, j-1 {
		rows[i], rows[j] = rows[j], rows[i]
	}
	return rows
}

// appRow appends the public row of app a when it and its subject are
// filed.
func (ix *Index) appRow(rows []PublicRecord, a uint32) []PublicRecord {
	t := &ix.apps
	v := t.view(a, true)
	if !filed(v.status) {
		return rows
	}
	sv := viewSubject(ix.subj[v.subject])
	if sv.number == "" {
		return rows
	}
	p := provinceList[sv.province]
	kind := appKinds[v.kind]
	return append(rows, PublicRecord{
		SponsorName: strings.Clone(sv.name), Nature: filing.Nature(ix.internedName(sv.natureID)),
		SubjectNumber: strings.Clone(sv.number), Licence: strings.Clone(sv.licence),
		Province: p.Code, ProvinceName: p.Name,
		ServiceType: kind.ServiceType(), AppNumber: v.number(sv.number), AppName: v.name, AppKind: kind,
	})
}
