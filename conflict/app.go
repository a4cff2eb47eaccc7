package conflict

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
)

// Apps, mini-programs and quick apps on file.
//
// A Record carries its subject's apps beside its websites (Record.Apps).
// Check meets the platform identifiers of a filing's apps (Android package
// names, iOS Bundle IDs, HarmonyOS bundle names) with the identifiers on file
// under filing.AppIdentifierKey (ASCII case folded: Bundle IDs are
// case-insensitive), and the apps' names with the names of other subjects'
// apps on AppNameKey. The public query finds apps by name (ByAppName), by
// number and by sponsor name, with the service type in each row.
//
// Decisions (DESIGN: no source says what the filing system does):
//   - The same identifier under another subject is KindAppIdentifierTaken
//     reported with guidance like a domain conflict and never
//     resolved automatically: the bureau of the blocking record decides,
//     on the proof of who signs the package.
//   - An app name equal to another subject's app name is a finding of its
//     own, KindAppNameTaken: Huawei Cloud's app filing FAQ says a name must
//     not equal another app's, an ISP practice, not a rule of the system.
//   - An identifier already filed under one of the applicant's own apps,
//     given for a new app, is KindAppFiledByYou: adding a platform to an
//     app is a change of that app (Huawei Cloud: 变更备案 at the original
//     ISP), not a new filing.
//   - The domains of apps are not keyed for conflicts here: an app may use
//     its subject's website domains, and whose a domain is is the
//     holder check's question (the domain holder must be the subject).
//   - The public query does not search by certificate: for individuals it
//     is personal data, and the public system has no such field;
//     LookupCert gives the bureau a subject with its apps.

// AppRecord is one app, mini-program or quick app of a Record
// (record.App; the alias keeps conflict's API). The index keeps its
// number, kind, name, platform identifiers and status.
type AppRecord = record.App

// AppPlatformRecord is one platform identifier of an app
// (record.AppPlatform).
type AppPlatformRecord = record.AppPlatform

// Conflict kinds of apps.
const (
	// KindAppIdentifierTaken: a platform identifier of the filing is on
	// file for another subject's app.
	KindAppIdentifierTaken Kind = "conflict.app_identifier_taken"
	// KindAppFiledByYou: the identifier is on file under one of the
	// applicant's own apps, and the filing presents it as a new app: file a
	// change of that app.
	KindAppFiledByYou Kind = "conflict.app_filed_by_you"
	// KindAppNameTaken: another subject has an app of the same name (ISP
	// practice; a finding of its own, R-74).
	KindAppNameTaken Kind = "conflict.app_name_taken"
)

// Problem codes of app records.
var (
	// CodeAppRecord: an app of a record or filing that cannot be indexed
	// (unknown kind or platform, malformed identifier, identifier twice).
	CodeAppRecord = define("conflict.app_record", "R-74",
		"应用信息不正确", "invalid app in the record")
	// CodeAppNumber: an app number that is not under the subject number.
	CodeAppNumber = define("conflict.app_number", "R-75",
		"应用备案号与主体备案号不对应", "the app number is not under the subject number")
)

// Limits of one record's apps. The arena of the app table is addressed
// by 32-bit offsets: 4 GiB of app data, some 50 million apps.
const (
	maxApps         = 10000
	maxAppPlatforms = 8
)

var appPlatforms = [...]filing.Platform{filing.PlatformAndroid, filing.PlatformIOS, filing.PlatformHarmonyOS, filing.PlatformOther}
var appKinds = [...]filing.AppKind{filing.AppKindApp, filing.AppKindMiniProgram, filing.AppKindQuickApp}

func platformByte(p filing.Platform) (byte, bool) {
	for i, x := range appPlatforms {
		if x == p {
			return byte(i), true
		}
	}
	return 0, false
}

func kindByte(k filing.AppKind) (byte, bool) {
	for i, x := range appKinds {
		if x == k {
			return byte(i), true
		}
	}
	return 0, false
}

// prepApp is an app of a prepared record.
type prepApp struct {
	status byte
	kind   byte
	number string // numberKey
	name   string
	hName  uint32
	ids    []prepAppID
}

type prepAppID struct {
	platform byte
	id       string // trimmed, case kept
	h        uint32 // hash32 of filing.AppIdentifierKey(id)
}

// prepareApps prepares the apps of r into p, appending problems.
func prepareApps(p *prepared, r *Record, seed maphash.Seed, probs problemList) problemList {
	p.apps = p.apps[:0]
	if len(r.Apps) > maxApps {
		return append(probs, problem(CodeTooLarge, "", "apps", "应用信息", "应用数量过多", "too many apps in one record"))
	}
	for i := range r.Apps {
		a := &r.Apps[i]
		path := func() string { return "apps[" + strconv.Itoa(i) + "]" }
		st, ok := statusCode(a.Status)
		if !ok {
			probs = append(probs, problem(CodeStatusUnknown, "", path()+".status", "应用备案状态",
				"应用备案状态不正确", fmt.Sprintf("unknown app status %q", a.Status)))
			continue
		}
		num, subj, isSite := numberKeySplit(a.Number)
		if st == stNone && num != "" {
			st = stApproved
		}
		if st == stNone || (filed(st) && num == "") {
			probs = append(probs, problem(CodeNumberMissing, "R-40", path()+".number", "应用备案号",
				"已备案的应用应有备案号；未备案的应用请注明状态", "an approved app needs its number; an app without a number needs its status"))
			continue
		}
		if gone(st) {
			continue
		}
		if num != "" && (!isSite || subj != p.number) {
			probs = append(probs, problem(CodeAppNumber, "", path()+".number", "应用备案号",
				"应用备案号应为主体备案号加“-序号”和类型字母", "an app number is the subject number plus a -N suffix with its kind letter"))
			continue
		}
		kb, ok := kindByte(filing.AppKind(strings.ToLower(strings.TrimSpace(string(a.Kind)))))
		if !ok {
			probs = append(probs, problem(CodeAppRecord, "R-70", path()+".kind", "应用类型",
				"应用类型不正确", fmt.Sprintf("unknown app kind %q", a.Kind)))
			continue
		}
		pa := prepApp{status: st, kind: kb, number: num, name: normText(a.Name)}
		pa.hName = hash32(seed, AppNameKey(pa.name))
		if len(a.Platforms) > maxAppPlatforms {
			probs = append(probs, problem(CodeTooLarge, "", path()+".platforms", "运行平台", "运行平台过多", "too many platforms in one app"))
			continue
		}
		for j, pl := range a.Platforms {
			ppath := func() string { return path() + ".platforms[" + strconv.Itoa(j) + "]" }
			pb, ok := platformByte(filing.Platform(strings.ToLower(strings.TrimSpace(string(pl.Platform)))))
			if !ok {
				probs = append(probs, problem(CodeAppRecord, "R-71", ppath()+".platform", "运行平台",
					"运行平台不正确", fmt.Sprintf("unknown platform %q", pl.Platform)))
				continue
			}
			id := strings.TrimSpace(pl.Identifier)
			if err := filing.CheckAppIdentifier(appPlatforms[pb], id); err != nil {
				probs = append(probs, at(err, ppath()+".identifier", "包名/Bundle ID"))
				continue
			}
			key := filing.AppIdentifierKey(id)
			dup := false
			for _, x := range pa.ids {
				if filing.AppIdentifierKey(x.id) == key {
					dup = true // one app, one identifier on two platforms: one key
				}
			}
			pa.ids = append(pa.ids, prepAppID{platform: pb, id: id, h: hash32(seed, key)})
			if dup {
				pa.ids[len(pa.ids)-1].h = 0
				pa.ids[len(pa.ids)-1].platform |= 0x80 // not keyed
			}
		}
		p.apps = append(p.apps, pa)
	}
	return probs
}

// appTable holds the apps of the index. App blobs live in one byte arena
// (no string header and no allocation per app); an app's fields are
// decoded from the arena on demand. Replaced apps leave garbage in the
// arena, which is compacted when it exceeds the live bytes.
//
// Blob at off[a]: subject id uvarint, status byte, kind byte, uvarint
// len<<1|suffix + number bytes (suffix: the subject number precedes them),
// uvarint len + name, uvarint n, per identifier: platform byte (bit 7: not
// keyed, the same key as an earlier identifier of the app), uvarint entry
// id, uvarint len + identifier.
type appTable struct {
	arena  []byte
	off    []uint32 // by app id; none for a free id
	next   []uint32 // next app of the same subject
	free   []uint32
	first  []uint32      // first app by subject id, grown on demand
	name   chains[noVal] // app ids by hash of AppNameKey(name)
	idApp  []uint32      // identifier entry → app id
	idFree []uint32
	ids    chains[noVal] // identifier entries by hash of AppIdentifierKey
	n      int
	waste  int
}

func newAppTable() appTable {
	return appTable{name: newChains(0, false), ids: newChains(0, false)}
}

// appView is one decoded app.
type appView struct {
	id      uint32
	subject uint32
	status  byte
	kind    byte
	numRaw  string
	suffix  bool
	name    string
	nIDs    int
	idsAt   int
}

type appRd struct {
	b []byte
	i int
}

func (r *appRd) uv() uint64 {
	x, n := binary.Uvarint(r.b[r.i:])
	r.i += n
	return x
}

func (r *appRd) byte1() byte { c := r.b[r.i]; r.i++; return c }

func (r *appRd) str(n int) string { s := string(r.b[r.i : r.i+n]); r.i += n; return s }

// bytes returns the next n bytes without copying.
func (r *appRd) bytes(n int) []byte { s := r.b[r.i : r.i+n]; r.i += n; return s }

func (t *appTable) view(a uint32, copyStrings bool) appView {
	r := appRd{b: t.arena, i: int(t.off[a])}
	v := appView{id: a}
	v.subject = uint32(r.uv())
	v.status = r.byte1()
	v.kind = r.byte1()
	x := r.uv()
	v.suffix = x&1 == 1
	if copyStrings {
		v.numRaw = r.str(int(x >> 1))
		v.name = r.str(int(r.uv()))
	} else {
		r.i += int(x >> 1)
		r.i += int(r.uv())
	}
	v.nIDs = int(r.uv())
	v.idsAt = r.i
	return v
}

// nameBytes returns app a's name in the arena (valid under the lock only).
func (t *appTable) nameBytes(a uint32) []byte {
	r := appRd{b: t.arena, i: int(t.off[a])}
	r.uv()
	r.i += 2
	r.i += int(r.uv() >> 1)
	return r.bytes(int(r.uv()))
}

// identifiers calls fn with each identifier of app v (bytes of the arena:
// valid under the lock only).
func (t *appTable) identifiers(v *appView, fn func(platform byte, entry uint32, id []byte) bool) {
	r := appRd{b: t.arena, i: v.idsAt}
	for range v.nIDs {
		pb := r.byte1()
		e := uint32(r.uv())
		id := r.bytes(int(r.uv()))
		if !fn(pb, e, id) {
			return
		}
	}
}

func (v *appView) number(subjectNumber string) string {
	if v.suffix {
		return subjectNumber + v.numRaw
	}
	return v.numRaw
}

// linkApps adds the apps of a prepared record under subject s.
func (ix *Index) linkApps(s uint32, p *prepared) {
	t := &ix.apps
	for i := range p.apps {
		pa := &p.apps[i]
		a := alloc(&t.off, &t.free, none)
		for uint32(len(t.next)) <= a {
			t.next = append(t.next, none)
		}
		for uint32(len(t.first)) <= s {
			t.first = append(t.first, none)
		}
		t.next[a] = t.first[s]
		t.first[s] = a
		start := len(t.arena)
		b := binary.AppendUvarint(t.arena, uint64(s))
		b = append(b, pa.status, pa.kind)
		num, suffix := pa.number, uint64(0)
		if p.number != "" && len(num) > len(p.number) && strings.HasPrefix(num, p.number) {
			num, suffix = num[len(p.number):], 1
		}
		b = binary.AppendUvarint(b, uint64(len(num))<<1|suffix)
		b = append(b, num...)
		b = binary.AppendUvarint(b, uint64(len(pa.name)))
		b = append(b, pa.name...)
		b = binary.AppendUvarint(b, uint64(len(pa.ids)))
		for _, x := range pa.ids {
			e := none
			if x.platform&0x80 == 0 {
				e = alloc(&t.idApp, &t.idFree, none)
				t.idApp[e] = a
				t.ids.add(x.h, e)
			}
			b = append(b, x.platform)
			b = binary.AppendUvarint(b, uint64(e))
			b = binary.AppendUvarint(b, uint64(len(x.id)))
			b = append(b, x.id...)
		}
		t.arena = b
		t.off[a] = uint32(start)
		t.name.add(pa.hName, a)
		t.n++
	}
}

// unlinkApps removes the apps of subject s.
func (ix *Index) unlinkApps(s uint32) {
	t := &ix.apps
	if int(s) >= len(t.first) {
		return
	}
	for a := t.first[s]; a != none; {
		v := t.view(a, true)
		t.identifiers(&v, func(pb byte, e uint32, id []byte) bool {
			if pb&0x80 == 0 {
				t.ids.remove(hash32(ix.seed, filing.AppIdentifierKey(string(id))), e)
				t.idApp[e] = none
				t.idFree = append(t.idFree, e)
			}
			return true
		})
		t.name.remove(hash32(ix.seed, AppNameKey(v.name)), a)
		next := t.next[a]
		t.waste += t.blobLen(a)
		t.off[a] = none
		t.next[a] = none
		t.free = append(t.free, a)
		t.n--
		a = next
	}
	t.first[s] = none
	if t.waste > 1<<16 && t.waste > len(t.arena)/2 {
		t.compact()
	}
}

// blobLen returns the length of app a's blob.
func (t *appTable) blobLen(a uint32) int {
	v := t.view(a, false)
	r := appRd{b: t.arena, i: v.idsAt}
	for range v.nIDs {
		r.i++
		r.uv()
		r.i += int(r.uv())
	}
	return r.i - int(t.off[a])
}

// compact rewrites the arena without the blobs of removed apps.
func (t *appTable) compact() {
	out := make([]byte, 0, len(t.arena)-t.waste+len(t.arena)/8)
	for a, off := range t.off {
		if off == none {
			continue
		}
		n := t.blobLen(uint32(a))
		t.off[a] = uint32(len(out))
		out = append(out, t.arena[off:int(off)+n]...)
	}
	t.arena, t.waste = out, 0
}

// each calls fn with the app ids of subject s, newest first.
func (t *appTable) each(s uint32, fn func(a uint32) bool) {
	if int(s) >= len(t.first) {
		return
	}
	for a := t.first[s]; a != none; a = t.next[a] {
		if !fn(a) {
			return
		}
	}
}

// preparedApps decodes the apps of subject s back into prepared form
// (oldest first, as they were put).
func (ix *Index) preparedApps(s uint32) []prepApp {
	t := &ix.apps
	var out []prepApp
	subjNum := viewSubject(ix.subj[s]).number
	t.each(s, func(a uint32) bool {
		v := t.view(a, true)
		pa := prepApp{status: v.status, kind: v.kind, number: v.number(subjNum), name: v.name}
		pa.hName = hash32(ix.seed, AppNameKey(v.name))
		t.identifiers(&v, func(pb byte, _ uint32, id []byte) bool {
			x := prepAppID{platform: pb, id: string(id)}
			if pb&0x80 == 0 {
				x.h = hash32(ix.seed, filing.AppIdentifierKey(x.id))
			}
			pa.ids = append(pa.ids, x)
			return true
		})
		out = append(out, pa)
		return true
	})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// appRecords decodes the apps of subject s (copies, oldest first).
func (ix *Index) appRecords(s uint32) []AppRecord {
	var out []AppRecord
	for _, pa := range ix.preparedApps(s) {
		r := AppRecord{Number: pa.number, Kind: appKinds[pa.kind], Name: pa.name, Status: statusNames[pa.status]}
		for _, x := range pa.ids {
			r.Platforms = append(r.Platforms, AppPlatformRecord{Platform: appPlatforms[x.platform&0x7f], Identifier: x.id})
		}
		out = append(out, r)
	}
	return out
}

// AppLen returns the number of apps in the index (every status it keeps).
func (ix *Index) AppLen() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.apps.n
}

// trim releases the spare capacity of the app table after a bulk load.
func (t *appTable) trim() {
	t.arena = trimmed(t.arena)
	t.off = trimmed(t.off)
	t.next = trimmed(t.next)
	t.first = trimmed(t.first)
	t.idApp = trimmed(t.idApp)
	t.name.trim()
	t.ids.trim()
}
