package conflict

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
)

// checkApp is an app of a filing normalised for Check.
type checkApp struct {
	number string // numberKey
	name   string
	named  bool // the name has a NameKey
	hName  uint32
	ids    []checkAppID
	idRoom [2]checkAppID
}

type checkAppID struct {
	platform int    // index into Platforms of the filing's app
	id       string // as the filing gives it (width-folded, case kept): what messages quote
	key      string // AppIdentifierKey(id): what is compared
	h        uint32
}

// prepareCheckApps normalises the apps of f for Check into out (grown as
// needed; one allocation holds the apps and the room for their first
// identifiers) and returns it. Malformed identifiers are problems, as
// malformed domains are.
func (ix *Index) prepareCheckApps(f *filing.Filing, out []checkApp) ([]checkApp, error) {
	if f == nil || len(f.Apps) == 0 {
		return out, nil
	}
	var probs problemList
	if cap(out) < len(f.Apps) {
		out = make([]checkApp, 0, len(f.Apps))
	}
	out = out[:len(f.Apps)]
	for i := range f.Apps {
		a := &f.Apps[i]
		ca := &out[i]
		*ca = checkApp{}
		ca.ids = ca.idRoom[:0]
		ca.number = numberKey(a.Number)
		ca.name = a.Name
		if k := AppNameKey(a.Name); k != "" {
			ca.named, ca.hName = true, hash32(ix.seed, k)
		}
		for j := range a.Platforms {
			p := &a.Platforms[j]
			id := filing.NormalizeText(p.Identifier) // as NormalizeFiling stores it
			if id == "" {
				continue
			}
			plat := filing.Platform(strings.ToLower(strings.TrimSpace(string(p.Platform))))
			if err := filing.CheckAppIdentifier(plat, id); err != nil {
				probs = append(probs, at(err, appIDPath(i, j), "包名/Bundle ID"))
				continue
			}
			key := filing.AppIdentifierKey(id)
			dup := false
			for _, x := range ca.ids {
				dup = dup || x.key == key
			}
			if !dup {
				ca.ids = append(ca.ids, checkAppID{platform: j, id: id, key: key, h: hash32(ix.seed, key)})
			}
		}
	}
	return out, probs.err()
}

func appIDPath(i, j int) string {
	return "apps[" + strconv.Itoa(i) + "].platforms[" + strconv.Itoa(j) + "].identifier"
}

// checkApps returns the conflicts of the filing's apps; the caller holds
// the read lock and has run check, which set in.own (the applicant's
// subject as its certificate proves it) and in.unproven (a subject whose
// number the filing claims without proof). A claimed subject number is
// never believed here either: an app of the unproven subject is
// not the applicant's, and an app number of it is checked as a new app,
// so that its identifiers and name meet their record, as check
// does with the websites of that subject.
func (ix *Index) checkApps(in *checkInput, apps []checkApp, o *checkOptions) ([]Conflict, error) {
	t := &ix.apps
	own := in.own
	var probs problemList
	var out []Conflict
	for i := range apps {
		ca := &apps[i]
		change := false // the filing changes an own app on file
		if ca.number != "" {
			switch {
			case ix.hasApp(own, ca.number):
				change = true
			case ix.hasApp(in.unproven, ca.number):
				// Another subject's app, claimed with its subject:
				// checked as new.
			default:
				probs = append(probs, problem(CodeNumberUnknown, "R-75", "apps["+strconv.Itoa(i)+"].number", "应用备案号",
					fmt.Sprintf("应用备案号“%s”不存在或不属于本主体，请核对", ca.number),
					fmt.Sprintf("app number %s is not on file under the filing's subject", ca.number)))
				continue
			}
		}
		for _, x := range ca.ids {
			for e := t.ids.first(x.h); e != none; e = t.ids.next[e] {
				a := t.idApp[e]
				v := t.view(a, false)
				match, onFile := false, ""
				t.identifiers(&v, func(_ byte, id uint32, b []byte) bool {
					if id == e {
						if match = asciiFoldEqual(b, x.key); match && string(b) != x.id {
							onFile = string(b)
						}
						return false
					}
					return true
				})
				if !match {
					continue
				}
				var k Kind
				if v.subject == own {
					switch {
					case change:
						continue // a change: own apps never block it
					case o.resubmit && (rejected(v.status) || pending(v.status)):
						continue
					case rejected(v.status):
						k = KindResubmission
					case pending(v.status):
						k = KindPending
					default:
						k = KindAppFiledByYou
					}
				} else {
					k = KindAppIdentifierTaken
				}
				out = ix.appConflict(out, in, k, appIDPath(i, x.platform), x.id, onFile, a)
			}
		}
		if !ca.named {
			continue
		}
		key := ""
		for a := t.name.first(ca.hName); a != none; a = t.name.next[a] {
			v := t.view(a, false)
			if v.subject == own || rejected(v.status) {
				continue
			}
			if key == "" {
				key = AppNameKey(ca.name)
			}
			if AppNameKey(string(t.nameBytes(a))) != key {
				continue
			}
			out = ix.appConflict(out, in, KindAppNameTaken, "apps["+strconv.Itoa(i)+"].name", "", "", a)
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// hasApp reports whether subject s (none: nobody) has an app numbered n
// (a numberKey).
func (ix *Index) hasApp(s uint32, n string) bool {
	if s == none {
		return false
	}
	t := &ix.apps
	subjNum := viewSubject(ix.subj[s]).number
	found := false
	t.each(s, func(a uint32) bool {
		v := t.view(a, false)
		found = t.numberIs(&v, subjNum, n)
		return !found
	})
	return found
}

// numberIs reports whether app v's number is n.
func (t *appTable) numberIs(v *appView, subjectNumber, n string) bool {
	r := appRd{b: t.arena, i: int(t.off[v.id])}
	r.uv()
	r.i += 2
	x := r.uv()
	raw := r.bytes(int(x >> 1))
	if x&1 == 1 {
		return len(n) == len(subjectNumber)+len(raw) && strings.HasPrefix(n, subjectNumber) && string(raw) == n[len(subjectNumber):]
	}
	return string(raw) == n
}

// asciiFoldEqual reports whether b equals the lower-case key with ASCII
// letters folded.
func asciiFoldEqual(b []byte, key string) bool {
	if len(b) != len(key) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

// appConflict appends the conflict of kind k with the app a on file, found
// for a field of the filing (path), unless the same conflict is there. id is
// the filing's identifier as given (case kept), onFile the one on file when
// it is spelt otherwise (another letter case), or "". The conflict is data;
// package conflict/guidance renders its texts.
func (ix *Index) appConflict(out []Conflict, in *checkInput, k Kind, path, id, onFile string, a uint32) []Conflict {
	t := &ix.apps
	v := t.view(a, true)
	sv := viewSubject(ix.subj[v.subject])
	their := &provinceList[sv.province]
	c := Conflict{
		Kind: k, Path: path, Province: provinceList[in.province].Code,
		Identifier: id, OnFile: onFile,
		Blocking: Blocking{
			SubjectNumber: strings.Clone(sv.number), AppNumber: v.number(sv.number),
			Province: their.Code, Status: statusNames[v.status],
		},
	}
	if c.Blocking.AppNumber == sv.number {
		c.Blocking.AppNumber = c.Blocking.SubjectNumber // not the subject blob
	}
	for _, x := range out {
		// The same kind at the same field with the same record (apps
		// without a number yet are one record per subject and status).
		b, xb := &c.Blocking, &x.Blocking
		if x.Kind == c.Kind && x.Path == c.Path && xb.SubjectNumber == b.SubjectNumber && xb.WebsiteNumber == b.WebsiteNumber &&
			xb.AppNumber == b.AppNumber && xb.Province == b.Province && xb.Status == b.Status {
			return out
		}
	}
	c.Blocking.AppKind, c.Blocking.AppName = appKinds[v.kind], v.name
	return append(out, c)
}

// joinProblems merges the problems of two validation errors (either may be
// nil).
func joinProblems(a, b error) error {
	if b == nil {
		return a
	}
	if a == nil {
		return b
	}
	va, okA := a.(*filing.ValidationError)
	vb, okB := b.(*filing.ValidationError)
	if !okA || !okB {
		return a
	}
	return &filing.ValidationError{Problems: append(append([]*filing.Problem(nil), va.Problems...), vb.Problems...)}
}
