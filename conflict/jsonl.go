package conflict

import (
	"encoding/json"
	"net/netip"
	"strings"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/jsonscan"
)

// recordDecoder decodes JSONL lines into Records as json.Unmarshal does,
// without reflection: the fast path reads the shape of Record directly
// (jsonscan), and hands every line it is not sure about to json.Unmarshal,
// which then decides (and gives the error). FuzzDecodeRecord holds the fast
// path to encoding/json: whatever it accepts, encoding/json accepts with
// the same Record.
//
// The fast path leaves to encoding/json: syntax errors, a value of another
// JSON type than the field's, a key given twice (encoding/json merges
// objects and arrays given twice), a key that could match a field only
// case-insensitively (upper-case or non-ASCII keys), invalid UTF-8 in a
// field, IP addresses that do not parse, a top-level null and nesting
// deeper than jsonscan.MaxDepth.
//
// The strings of a decoded Record are substrings of one string holding
// the line (one allocation per line) unless they hold escapes.
type recordDecoder struct {
	sc   jsonscan.Scanner
	line string // the line being decoded, as a string
	esc  []byte
	// reuse: the slices of a Record decoded are taken from sites, doms and
	// ips, which the next line reuses (for the bulk load, which prepares
	// each record before decoding the next). Otherwise every Record owns
	// its slices.
	reuse bool
	sites []WebsiteRecord
	doms  []string
	ips   []netip.Addr
	// Results of UnmarshalText for the certificate types and natures seen
	// (a handful of values in a record set; UnmarshalText allocates).
	certTypes map[string]filing.CertType
	natures   map[string]filing.Nature
}

// maxMemo bounds the UnmarshalText results kept per decoder.
const maxMemo = 64

// decode decodes one line into r (which it overwrites), as json.Unmarshal
// would; the error is json.Unmarshal's.
func (d *recordDecoder) decode(b []byte, r *Record) error {
	if d.fast(b, r) {
		return nil
	}
	*r = Record{}
	return json.Unmarshal(b, r)
}

// fast decodes b into r, reporting false for a line left to
// encoding/json.
func (d *recordDecoder) fast(b []byte, r *Record) bool {
	*r = Record{}
	if !d.reuse {
		d.sites, d.doms, d.ips = nil, nil, nil
	}
	d.sites, d.doms, d.ips = d.sites[:0], d.doms[:0], d.ips[:0]
	d.sc.Reset(b)
	d.line = ""
	if !d.sc.Consume('{') {
		return false
	}
	d.line = string(b)
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
			return d.apps(&r.Apps) // jsonl_app.go
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
	keyApps       // Record.Apps (app.go, jsonl_app.go)
	keyKind       // AppRecord.Kind
	keyPlatforms  // AppRecord.Platforms
	keyPlatform   // AppPlatformRecord.Platform
	keyIdentifier // AppPlatformRecord.Identifier
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
func (d *recordDecoder) object(field func(key) bool, fields uint32) bool {
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
func (d *recordDecoder) str(dst *string) bool {
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
func (d *recordDecoder) text() (string, bool) {
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
	1<<keyCertType | 1<<keyCertNumber | 1<<keyStatus

func (d *recordDecoder) subject(s *SubjectRecord) bool {
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
		}
		return d.sc.SkipValue()
	}, subjectFields)
}

// certType and nature give what their UnmarshalText gives (which
// encoding/json calls), remembered per value.
func (d *recordDecoder) certType(dst *filing.CertType) bool {
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

func (d *recordDecoder) nature(dst *filing.Nature) bool {
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
func (d *recordDecoder) array(elem func() bool) (isNull, ok bool) {
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

func (d *recordDecoder) websites(dst *[]WebsiteRecord) bool {
	from := len(d.sites)
	isNull, ok := d.array(func() bool {
		var w WebsiteRecord
		if !d.sc.Null() && !d.website(&w) {
			return false
		}
		d.sites = append(d.sites, w)
		return true
	})
	if ok && !isNull {
		*dst = nonNil(d.sites[from:len(d.sites):len(d.sites)])
	}
	return ok
}

const websiteFields = 1<<keyNumber | 1<<keyName | 1<<keyDomains | 1<<keyHomeURL | 1<<keyIPs | 1<<keyStatus

func (d *recordDecoder) website(w *WebsiteRecord) bool {
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
				w.Domains = nonNil(d.doms[from:len(d.doms):len(d.doms)])
			}
			return ok
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
		}
		return d.sc.SkipValue()
	}, websiteFields)
}
