package record

import (
	"encoding/json"
	"net/netip"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/beiankit/beian/calendar"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/jsonscan"
	"github.com/beiankit/beian/internal/rfc3339"
)

// LineDecoder decodes single lines of the export into Records, for callers
// that split the input into lines themselves (conflict's bulk load decodes
// on every core). NewDecoder and Decode use one. The zero value is ready to
// use; a LineDecoder is not safe for concurrent use.
//
// A line decodes as json.Unmarshal decodes it into a Record, instants in
// China Standard Time. A fast path without reflection reads the export's
// own shape (internal/jsonscan) and hands every line it is not sure about
// to json.Unmarshal, which then decides and gives the error. FuzzDecode
// holds the fast path to encoding/json: whatever it accepts, encoding/json
// accepts with the same Record.
//
// The fast path leaves to encoding/json: syntax errors, a value of another
// JSON type than the field's, a key given twice (encoding/json merges
// objects and arrays given twice), a key that could match a field only
// case-insensitively (upper-case or non-ASCII keys), invalid UTF-8 in a
// field, IP addresses that do not parse, instants not in the canonical
// RFC 3339 form, a top-level null and nesting deeper than
// jsonscan.MaxDepth.
//
// The strings of a decoded Record are substrings of one string holding
// the line (one allocation per line) unless they hold escapes.
type LineDecoder struct {
	// Reuse makes the slices of a decoded Record the decoder's: the next
	// Decode overwrites them. It is for a caller that is done with each
	// record before it decodes the next (a bulk load); without it every
	// Record owns its slices.
	Reuse bool
	// Borrow makes the strings of a decoded Record point into the line
	// itself instead of one copy of it: they stay valid only while the
	// line's bytes are not modified. It is for a caller that copies the
	// few strings it keeps (the shell classification) and saves the copy
	// of every line; lines left to encoding/json are always copied.
	Borrow bool

	sc    jsonscan.Scanner
	line  string // the line being decoded, as a string
	esc   []byte
	sites []Website
	doms  []string
	ips   []netip.Addr
	accs  []Access
	// Results of UnmarshalText for the certificate types and natures seen
	// (a handful of values in a record set; UnmarshalText allocates).
	certTypes map[string]filing.CertType
	natures   map[string]filing.Nature
}

// maxMemo bounds the UnmarshalText results kept per decoder.
const maxMemo = 64

// Decode decodes line b into r (which it overwrites) as json.Unmarshal
// would, with instants in China Standard Time; the error is json.Unmarshal's
// (the caller adds the line number: DecodeError).
func (d *LineDecoder) Decode(b []byte, r *Record) error {
	if d.fast(b, r) {
		return nil
	}
	*r = Record{}
	if err := json.Unmarshal(b, r); err != nil {
		return err
	}
	inCST(r)
	return nil
}

// inCST sets the instants of r in China Standard Time, as the fast path
// returns them.
func inCST(r *Record) {
	loc := calendar.Location()
	cst := func(t *time.Time) {
		if !t.IsZero() {
			*t = t.In(loc)
		}
	}
	accs := func(l []Access) {
		for i := range l {
			cst(&l[i].Since)
			cst(&l[i].Until)
		}
	}
	cst(&r.Subject.ApprovedAt)
	for i := range r.Websites {
		cst(&r.Websites[i].ApprovedAt)
		accs(r.Websites[i].Access)
	}
	for i := range r.Apps {
		cst(&r.Apps[i].ApprovedAt)
		accs(r.Apps[i].Access)
	}
}

// fast decodes b into r, reporting false for a line left to
// encoding/json.
func (d *LineDecoder) fast(b []byte, r *Record) bool {
	*r = Record{}
	if !d.Reuse {
		d.sites, d.doms, d.ips, d.accs = nil, nil, nil, nil
	}
	d.sites, d.doms, d.ips, d.accs = d.sites[:0], d.doms[:0], d.ips[:0], d.accs[:0]
	d.sc.Reset(b)
	d.line = ""
	if !d.sc.Consume('{') {
		return false
	}
	if d.Borrow {
		d.line = unsafe.String(unsafe.SliceData(b), len(b))
	} else {
		d.line = string(b)
	}
	ok := d.object(func(k key) bool {
		switch k {
		case keySubject:
			if d.sc.Null() {
				return true
			}
			return d.subject(&r.Subject)
		case keyWebsites:
			return d.websites(&r.Websites)
		case keyApps:
			return d.apps(&r.Apps)
		case keyUnknown:
			return d.sc.SkipValue()
		}
		return false
	}, keySubject.bit()|keyWebsites.bit()|keyApps.bit())
	d.line = ""
	return ok && d.sc.AtEnd()
}

// key is a field name of the JSON form of Record.
type key uint8

const (
	keyUnknown key = iota
	keySubject
	keyWebsites
	keyNumber
	keyLicence
	keyProvince
	keyName
	keyNature
	keyCertType
	keyCertNumber
	keyStatus
	keyDomains
	keyHomeURL
	keyIPs
	keyFold       // a key that may match a field case-insensitively
	keyApps       // Record.Apps
	keyKind       // App.Kind
	keyPlatforms  // App.Platforms
	keyPlatform   // AppPlatform.Platform
	keyIdentifier // AppPlatform.Identifier
	keyApprovedAt // Subject, Website and App.ApprovedAt
	keyAccess     // Website and App.Access
	keyRestricted // Website.Restricted
	keyHost       // App.Host
	keyISP        // Access.ISP
	keyISPProvince
	keySince
	keyUntil
	keyContactKeys // Subject.ContactKeys
)

func (k key) bit() uint32 { return 1 << k }

// keyOf returns the key named by k (decoded). Keys are matched exactly; a
// key that is not a field name but could match one case-insensitively as
// encoding/json matches them (ASCII upper case, or non-ASCII bytes, which
// simple Unicode folding may turn into ASCII: "ſ", the Kelvin sign) is
// keyFold.
func keyOf(k []byte) key {
	switch string(k) {
	case "subject":
		return keySubject
	case "websites":
		return keyWebsites
	case "apps":
		return keyApps
	case "kind":
		return keyKind
	case "platforms":
		return keyPlatforms
	case "platform":
		return keyPlatform
	case "identifier":
		return keyIdentifier
	case "number":
		return keyNumber
	case "licence":
		return keyLicence
	case "province":
		return keyProvince
	case "name":
		return keyName
	case "nature":
		return keyNature
	case "cert_type":
		return keyCertType
	case "cert_number":
		return keyCertNumber
	case "status":
		return keyStatus
	case "domains":
		return keyDomains
	case "home_url":
		return keyHomeURL
	case "ips":
		return keyIPs
	case "approved_at":
		return keyApprovedAt
	case "access":
		return keyAccess
	case "restricted":
		return keyRestricted
	case "host":
		return keyHost
	case "isp":
		return keyISP
	case "isp_province":
		return keyISPProvince
	case "since":
		return keySince
	case "until":
		return keyUntil
	case "contact_keys":
		return keyContactKeys
	}
	for _, c := range k {
		if ('A' <= c && c <= 'Z') || c >= utf8.RuneSelf {
			return keyFold
		}
	}
	return keyUnknown
}

// object reads the members of an object whose '{' was consumed, handing
// each key of fields (a set of key bits) to field with the scanner at the
// value, and other keys as keyUnknown. It fails on a key given twice and on
// a keyFold.
func (d *LineDecoder) object(field func(key) bool, fields uint32) bool {
	sc := &d.sc
	if sc.Consume('}') {
		return true
	}
	var seen uint32
	for {
		sc.SkipSpace()
		start, end, flags, ok := sc.Str()
		if !ok || !sc.Consume(':') {
			return false
		}
		name := sc.Data[start:end]
		if flags&jsonscan.Escaped != 0 {
			d.esc = jsonscan.Unquote(d.esc[:0], name)
			name = d.esc
		}
		k := keyOf(name)
		switch {
		case k == keyFold:
			return false
		case k == keyUnknown || fields&k.bit() == 0:
			k = keyUnknown
		case seen&k.bit() != 0:
			return false
		default:
			seen |= k.bit()
		}
		sc.SkipSpace()
		if !field(k) {
			return false
		}
		if sc.Consume(',') {
			continue
		}
		return sc.Consume('}')
	}
}

// str reads a string field into *dst; null leaves *dst as it is (zero:
// keys are not given twice), as encoding/json does.
func (d *LineDecoder) str(dst *string) bool {
	if d.sc.Null() {
		return true
	}
	s, ok := d.text()
	if ok {
		*dst = s
	}
	return ok
}

// text reads a string value: a substring of the line, or a new string for
// one with escapes. It fails on invalid UTF-8 (encoding/json replaces it).
func (d *LineDecoder) text() (string, bool) {
	start, end, flags, ok := d.sc.Str()
	switch {
	case !ok:
		return "", false
	case flags&jsonscan.Escaped != 0:
		d.esc = jsonscan.Unquote(d.esc[:0], d.sc.Data[start:end])
		if flags&jsonscan.NonASCII != 0 && !utf8.Valid(d.sc.Data[start:end]) {
			return "", false
		}
		return string(d.esc), true
	case flags&jsonscan.NonASCII != 0 && !utf8.Valid(d.sc.Data[start:end]):
		return "", false
	}
	return d.line[start:end], true
}

const subjectFields = 1<<keyNumber | 1<<keyLicence | 1<<keyProvince | 1<<keyName | 1<<keyNature |
	1<<keyCertType | 1<<keyCertNumber | 1<<keyStatus | 1<<keyApprovedAt | 1<<keyContactKeys

func (d *LineDecoder) subject(s *Subject) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyNumber:
			return d.str(&s.Number)
		case keyLicence:
			return d.str(&s.Licence)
		case keyProvince:
			return d.str(&s.Province)
		case keyName:
			return d.str(&s.Name)
		case keyNature:
			return d.nature(&s.Nature)
		case keyCertType:
			return d.certType(&s.CertType)
		case keyCertNumber:
			var v string
			ok := d.str(&v)
			s.CertNumber = filing.IDNumber(v)
			return ok
		case keyStatus:
			var v string
			ok := d.str(&v)
			s.Status = filing.Status(v)
			return ok
		case keyApprovedAt:
			return d.instant(&s.ApprovedAt)
		case keyContactKeys:
			return d.strs(&s.ContactKeys)
		}
		return d.sc.SkipValue()
	}, subjectFields)
}

// certType and nature give what their UnmarshalText gives (which
// encoding/json calls), remembered per value.
func (d *LineDecoder) certType(dst *filing.CertType) bool {
	if d.sc.Null() {
		return true
	}
	s, ok := d.text()
	if !ok {
		return false
	}
	if v, ok := d.certTypes[s]; ok {
		*dst = v
		return true
	}
	var v filing.CertType
	if err := v.UnmarshalText([]byte(s)); err != nil {
		return false
	}
	if d.certTypes == nil {
		d.certTypes = map[string]filing.CertType{}
	}
	if len(d.certTypes) < maxMemo {
		d.certTypes[strings.Clone(s)] = v // s shares the line's memory
	}
	*dst = v
	return true
}

func (d *LineDecoder) nature(dst *filing.Nature) bool {
	if d.sc.Null() {
		return true
	}
	s, ok := d.text()
	if !ok {
		return false
	}
	if v, ok := d.natures[s]; ok {
		*dst = v
		return true
	}
	var v filing.Nature
	if err := v.UnmarshalText([]byte(s)); err != nil {
		return false
	}
	if d.natures == nil {
		d.natures = map[string]filing.Nature{}
	}
	if len(d.natures) < maxMemo {
		d.natures[strings.Clone(s)] = v
	}
	*dst = v
	return true
}

// array reads an array or null (*isNull), calling elem with the scanner at
// each element.
func (d *LineDecoder) array(elem func() bool) (isNull, ok bool) {
	sc := &d.sc
	if sc.Null() {
		return true, true
	}
	if !sc.Consume('[') {
		return false, false
	}
	if sc.Consume(']') {
		return false, true
	}
	for {
		sc.SkipSpace()
		if !elem() {
			return false, false
		}
		if sc.Consume(',') {
			continue
		}
		return false, sc.Consume(']')
	}
}

// nonNil returns s, or an empty non-nil slice for a nil s: encoding/json
// decodes [] to an empty slice, null to nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// strs reads an array of strings (null: *dst stays nil) into the
// decoder's string slab.
func (d *LineDecoder) strs(dst *[]string) bool {
	from := len(d.doms)
	isNull, ok := d.array(func() bool {
		var s string
		if !d.str(&s) {
			return false
		}
		d.doms = append(d.doms, s)
		return true
	})
	if ok && !isNull {
		*dst = nonNil(d.doms[from:len(d.doms):len(d.doms)])
	}
	return ok
}

func (d *LineDecoder) websites(dst *[]Website) bool {
	from := len(d.sites)
	isNull, ok := d.array(func() bool {
		// Decoded in place: website appends to doms, ips and accs only.
		n := len(d.sites)
		d.sites = append(d.sites, Website{})
		return d.sc.Null() || d.website(&d.sites[n])
	})
	if ok && !isNull {
		*dst = nonNil(d.sites[from:len(d.sites):len(d.sites)])
	}
	return ok
}

const websiteFields = 1<<keyNumber | 1<<keyName | 1<<keyDomains | 1<<keyHomeURL | 1<<keyIPs | 1<<keyStatus |
	1<<keyApprovedAt | 1<<keyAccess | 1<<keyRestricted

func (d *LineDecoder) website(w *Website) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyNumber:
			return d.str(&w.Number)
		case keyName:
			return d.str(&w.Name)
		case keyHomeURL:
			return d.str(&w.HomeURL)
		case keyStatus:
			var v string
			ok := d.str(&v)
			w.Status = filing.Status(v)
			return ok
		case keyDomains:
			return d.strs(&w.Domains)
		case keyIPs:
			from := len(d.ips)
			isNull, ok := d.array(func() bool {
				var a netip.Addr
				if !d.sc.Null() {
					s, ok := d.text()
					if !ok {
						return false
					}
					if s != "" { // UnmarshalText of "" is the zero Addr
						var err error
						if a, err = netip.ParseAddr(s); err != nil {
							return false
						}
					}
				}
				d.ips = append(d.ips, a)
				return true
			})
			if ok && !isNull {
				w.IPs = nonNil(d.ips[from:len(d.ips):len(d.ips)])
			}
			return ok
		case keyApprovedAt:
			return d.instant(&w.ApprovedAt)
		case keyAccess:
			return d.access(&w.Access)
		case keyRestricted:
			return d.boolean(&w.Restricted)
		}
		return d.sc.SkipValue()
	}, websiteFields)
}

// The fast path for the apps of a record (Record.Apps), decoding as
// encoding/json would (FuzzDecode checks it): null leaves a field as
// it is, null elements are zero values, unknown keys are skipped, keys that
// could match a field only case-insensitively send the line to
// encoding/json.

func (d *LineDecoder) apps(dst *[]App) bool {
	var out []App
	isNull, ok := d.array(func() bool {
		var a App
		if !d.sc.Null() && !d.app(&a) {
			return false
		}
		out = append(out, a)
		return true
	})
	if ok && !isNull {
		*dst = nonNil(out)
	}
	return ok
}

const appFields = 1<<keyNumber | 1<<keyKind | 1<<keyName | 1<<keyPlatforms | 1<<keyStatus |
	1<<keyHost | 1<<keyAccess | 1<<keyApprovedAt

func (d *LineDecoder) app(a *App) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyNumber:
			return d.str(&a.Number)
		case keyName:
			return d.str(&a.Name)
		case keyKind:
			v := string(a.Kind)
			ok := d.str(&v)
			a.Kind = filing.AppKind(v)
			return ok
		case keyStatus:
			v := string(a.Status)
			ok := d.str(&v)
			a.Status = filing.Status(v)
			return ok
		case keyPlatforms:
			var out []AppPlatform
			isNull, ok := d.array(func() bool {
				var p AppPlatform
				if !d.sc.Null() && !d.appPlatform(&p) {
					return false
				}
				out = append(out, p)
				return true
			})
			if ok && !isNull {
				a.Platforms = nonNil(out)
			}
			return ok
		case keyHost:
			v := string(a.Host)
			ok := d.str(&v)
			a.Host = filing.HostPlatform(v)
			return ok
		case keyApprovedAt:
			return d.instant(&a.ApprovedAt)
		case keyAccess:
			return d.access(&a.Access)
		}
		return d.sc.SkipValue()
	}, appFields)
}

const appPlatformFields = 1<<keyPlatform | 1<<keyIdentifier

func (d *LineDecoder) appPlatform(p *AppPlatform) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyPlatform:
			v := string(p.Platform)
			ok := d.str(&v)
			p.Platform = filing.Platform(v)
			return ok
		case keyIdentifier:
			return d.str(&p.Identifier)
		}
		return d.sc.SkipValue()
	}, appPlatformFields)
}

// access reads an access list into *dst (null leaves it as it is).
func (d *LineDecoder) access(dst *[]Access) bool {
	from := len(d.accs)
	isNull, ok := d.array(func() bool {
		var a Access
		if !d.sc.Null() && !d.accessPeriod(&a) {
			return false
		}
		d.accs = append(d.accs, a)
		return true
	})
	if ok && !isNull {
		*dst = nonNil(d.accs[from:len(d.accs):len(d.accs)])
	}
	return ok
}

const accessFields = 1<<keyISP | 1<<keyISPProvince | 1<<keySince | 1<<keyUntil

func (d *LineDecoder) accessPeriod(a *Access) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyISP:
			return d.str(&a.ISP)
		case keyISPProvince:
			return d.str(&a.ISPProvince)
		case keySince:
			return d.instant(&a.Since)
		case keyUntil:
			return d.instant(&a.Until)
		}
		return d.sc.SkipValue()
	}, accessFields)
}

// instant reads an RFC 3339 instant in its canonical form (null leaves
// *dst as it is); anything else is left to encoding/json (time.Time's
// UnmarshalJSON).
func (d *LineDecoder) instant(dst *time.Time) bool {
	if d.sc.Null() {
		return true
	}
	start, end, flags, ok := d.sc.Str()
	if !ok || flags != 0 {
		return false
	}
	t, ok := rfc3339.Fast(d.sc.Data[start:end])
	if ok {
		*dst = t
	}
	return ok
}

// boolean reads true, false or null (which leaves *dst as it is).
func (d *LineDecoder) boolean(dst *bool) bool {
	sc := &d.sc
	switch rest := sc.Data[sc.Pos:]; {
	case sc.Null():
		return true
	case len(rest) >= 4 && string(rest[:4]) == "true":
		sc.Pos += 4
		*dst = true
		return true
	case len(rest) >= 5 && string(rest[:5]) == "false":
		sc.Pos += 5
		*dst = false
		return true
	}
	return false
}
