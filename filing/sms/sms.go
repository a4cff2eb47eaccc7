package sms

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog). Their strings begin with "sms.".
var codes catalog.Set[filing.Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only.
func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Codes of the SMS verification.
var (
	CodeWrongInput = define("sms.wrong_input", "R-83",
		"验证码、手机号码或证件号码后六位不正确（已错误%[1]d次，错误满5次后再次提交将退回接入商）",
		"wrong code, mobile or last six certificate characters (%[1]d wrong inputs; after 5 the next attempt returns the filing to the ISP)")
	CodeTooManyWrong = define("sms.too_many_wrong", "R-83",
		"短信核验已错误5次，备案已退回接入商",
		"five wrong inputs: this sixth attempt returned the filing to the ISP")
	CodeExpired = define("sms.expired", "R-83",
		"短信验证码已超过24小时有效期，备案已退回接入商",
		"the SMS code is older than 24 hours: the filing is returned to the ISP")
	CodeResendLimit = define("sms.resend_limit", "R-83",
		"短信最多重发2次，本次未发送",
		"at most 2 resends: nothing was sent")
	CodeClosed = define("sms.closed", "R-83",
		"短信核验已结束（%[1]s）",
		"the SMS verification is over (%[1]s)")
	CodeNoRecipient = define("sms.no_recipient", "R-83",
		"该类备案无需短信核验，或未提供核验人的手机号码",
		"no SMS recipient: the filing type needs none, or no person with a mobile was given")
	CodeKey = define("sms.key", "R-83",
		"短信核验密钥无效",
		"verifier key must be at least 16 bytes, not a constant or a short repeated pattern (at least 8 distinct byte values)")
	CodeTime = define("sms.time", "R-83",
		"短信核验时间无效",
		"zero instant, or an instant before the SMS was sent")
	CodeCert = define("sms.cert", "R-83",
		"核验人（手机号码%[1]s）的证件号码缺失、不足六位或前后不一致，未发送短信",
		"the person with mobile %[1]s has no certificate number of at least 6 characters, or two different ones: nothing was sent")
	CodeSeal = define("sms.seal", "R-83",
		"短信核验凭据格式无效",
		"a seal is 64 hexadecimal digits")
)

// Limits of the MIIT SMS verification, nationwide since
// 2020-08-17.
const (
	// Validity is how long the code is valid, in clock hours.
	Validity = 24 * time.Hour
	// MaxWrong is how many wrong inputs are tolerated: the next attempt
	// returns the filing to the ISP.
	MaxWrong = 5
	// MaxResends is how many times the code can be sent again.
	MaxResends = 2
)

// Role is a responsible person who receives the code.
type Role string

// Roles that receive the code.
const (
	RoleSubjectPrincipal Role = "subject_principal" // 主体负责人
	RoleWebsitePrincipal Role = "website_principal" // 网站负责人
)

// FilingType is what a filing asks for (备案类型), as the MIIT system and
// its SMS verification name the types. It is the SDK's one filing-type
// enum: package change derives it from a before/after pair
// (change.Plan.Type), Recipients reads who verifies from it, and package
// lifecycle keeps it in lifecycle.State.Type and reads three things from
// it (DESIGN: one enum, where the lifecycle had a three-valued kind of its
// own beside this one):
//
//   - NewFiling (首次备案) is the only type a user may file by themselves
//     and edit before submission;
//   - NewWebsite (新增网站) needs its verification form within 7 working
//     days;
//   - every other type is filed on a record that already has a number, and
//     only the ISP edits it: a change, a new access (新增接入)
//     or a cancellation through the ISP.
//
// The zero value is no type; Valid reports a declared one.
type FilingType string

// Filing types.
const (
	NewFiling            FilingType = "new_filing"             // 首次备案
	NewWebsite           FilingType = "new_website"            // 新增网站
	NewAccess            FilingType = "new_access"             // 新增接入
	ChangeSubject        FilingType = "change_subject"         // 变更主体
	ChangeWebsite        FilingType = "change_website"         // 变更网站
	ChangeSubjectWebsite FilingType = "change_subject_website" // 变更主体和网站
	ChangeAccess         FilingType = "change_access"          // 变更接入
	CancelAccess         FilingType = "cancel_access"          // 取消接入
	CancelSubject        FilingType = "cancel_subject"         // 注销主体
	CancelWebsite        FilingType = "cancel_website"         // 注销网站
)

// Valid reports whether t is one of the declared filing types.
func (t FilingType) Valid() bool {
	_, ok := smsRecipients[t]
	return ok
}

//go:embed data/sms_recipients.json
var smsRecipientsJSON []byte

// smsRecipients is the default table of data/sms_recipients.json, one row
// per filing type.
var smsRecipients = loadRecipients()

func loadRecipients() map[FilingType][]Role {
	var d struct {
		Default map[FilingType][]Role `json:"default"`
	}
	if err := json.Unmarshal(smsRecipientsJSON, &d); err != nil || len(d.Default) == 0 {
		panic("sms: embedded data/sms_recipients.json: " + fmt.Sprint(err)) // build defect, caught by every test run
	}
	return d.Default
}

// Recipients returns who receives the code for a filing type (R-83:
// every filing type except 取消接入). Sources disagree; DESIGN: the data
// follows the 2020 table of an ISP notice (新增网站: both principals), but
// for 变更接入, where that table names nobody, it follows the rule and the
// nationwide notice (华为云 备案短信核验: every type but 取消接入) and sends
// to the website principal, as for 新增接入; the ISP table and the other
// readings are kept in the data file. 取消接入 returns no role. ok is false
// for an unknown type.
func Recipients(t FilingType) (roles []Role, ok bool) {
	r, ok := smsRecipients[t]
	return append([]Role(nil), r...), ok
}

// Person is a person who must verify, with the role in which they do.
type Person struct {
	Role   Role
	Person filing.Person
}

// Target is one mobile number that receives the code: one person,
// possibly in two roles (one verification, R-83).
type Target struct {
	Roles []Role `json:"roles"`
	// Mobile is the number the code goes to (personal data: masked in fmt
	// and slog).
	Mobile filing.Phone `json:"mobile"`
	// CertLast6 is the last six characters of the person's certificate
	// number, folded (upper-case, half-width), that Verifier.Send seals the
	// codes with (personal data: hidden in fmt and slog, raw in JSON). New
	// takes it from Person; empty when the person had no number.
	CertLast6 filing.IDNumber `json:"cert_last6,omitempty"`
	// Seal is the keyed hash of the current code with the mobile and the
	// certificate's last six characters (see Verifier); no code is kept.
	Seal Seal `json:"seal"`
	// VerifiedAt is when the target verified; zero while waiting.
	VerifiedAt time.Time `json:"verified_at,omitzero"`
}

// Status is the state of an SMS verification.
type Status string

// SMS statuses.
const (
	StatusWaiting             Status = "waiting"               // 等待核验
	StatusVerified            Status = "verified"              // 核验完成
	StatusReturnedWrongInputs Status = "returned_wrong_inputs" // 错误次数过多, 退回接入商
	StatusReturnedTimeout     Status = "returned_timeout"      // 超时, 退回接入商
)

// ReturnsToISP reports whether the status returned the filing to the ISP.
func (s Status) ReturnsToISP() bool {
	return s == StatusReturnedWrongInputs || s == StatusReturnedTimeout
}

// Verification is the MIIT SMS verification of one submission: who
// must verify, when the code was sent, wrong inputs and resends so far. Its
// methods return the next state and leave the receiver unchanged, as
// lifecycle.Apply does; a value is safe to share between goroutines.
//
// Decisions (DESIGN, sources silent): the 24 hours run from the first send
// and a resend does not extend them; wrong inputs are counted per
// submission, over all its targets; the code is valid for
// [SentAt, SentAt+24h) and an attempt at SentAt+24h has expired; once 5
// wrong inputs are counted, the next attempt returns the filing whatever it
// holds.
type Verification struct {
	SentAt      time.Time `json:"sent_at"`
	Targets     Targets   `json:"targets"`
	WrongInputs int       `json:"wrong_inputs"`
	Resends     int       `json:"resends"`
	Status      Status    `json:"status"`
	// ClosedAt is when the status left StatusWaiting.
	ClosedAt time.Time `json:"closed_at,omitzero"`
}

// New starts the verification of a submission sent to the bureau at
// sentAt, for the people a filing type names (Recipients). Each target
// keeps its person's certificate tail (Target.CertLast6). People with
// the same mobile number verify once (DESIGN: with the tail of the first of
// them that has a certificate number). Call Verifier.Send to issue the
// codes.
func New(sentAt time.Time, people []Person) (Verification, error) {
	if sentAt.IsZero() {
		return Verification{}, filing.NewProblem(CodeTime)
	}
	s := Verification{SentAt: sentAt, Status: StatusWaiting}
	for _, p := range people {
		s.Targets = mergeTarget(s.Targets, Target{Roles: []Role{p.Role}, Mobile: p.Person.Mobile,
			CertLast6: filing.IDNumber(certTail(p.Person.CertNumber.Raw()))})
	}
	if len(s.Targets) == 0 {
		return Verification{}, filing.NewProblem(CodeNoRecipient)
	}
	return s, nil
}

// mergeTarget adds t to ts with its mobile normalised (normMobile), merged
// into the target with the same mobile if there is one: the roles are
// joined, and the certificate tail and the seal are the first non-empty
// ones. A target without mobile digits is dropped. A merge updates ts[i]
// in place (with a fresh roles slice).
func mergeTarget(ts []Target, t Target) []Target {
	m := normMobile(t.Mobile.Raw())
	if m == "" {
		return ts
	}
	t.Mobile = filing.Phone(m)
	t.CertLast6 = filing.IDNumber(certTail(t.CertLast6.Raw()))
	for i := range ts {
		if ts[i].Mobile.Raw() != m {
			continue
		}
		roles := append([]Role(nil), ts[i].Roles...)
		for _, r := range t.Roles {
			if !containsRole(roles, r) {
				roles = append(roles, r)
			}
		}
		ts[i].Roles = roles
		if ts[i].CertLast6 == "" {
			ts[i].CertLast6 = t.CertLast6
		}
		if ts[i].Seal.IsZero() {
			ts[i].Seal = t.Seal
		}
		return ts
	}
	var roles []Role
	for _, r := range t.Roles {
		if !containsRole(roles, r) {
			roles = append(roles, r)
		}
	}
	t.Roles = roles
	return append(ts, t)
}

func containsRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// normMobile keeps the digits of a mainland mobile number, without +86.
func normMobile(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r -= '０' - '0'
		}
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if len(d) == 13 && strings.HasPrefix(d, "86") {
		d = d[2:]
	}
	return d
}

func (s Verification) target(mobile string) int {
	for i := range s.Targets {
		if s.Targets[i].Mobile.Raw() == mobile {
			return i
		}
	}
	return -1
}

func (s Verification) clone() Verification {
	s.Targets = append([]Target(nil), s.Targets...)
	return s
}

// Clone returns s with its own copy of the targets, so that a caller that
// keeps it (lifecycle.Apply keeps an event's verification) does not share
// the slice with the one it was given.
func (s Verification) Clone() Verification { return s.clone() }

// NormalizeMobile returns a mainland mobile number as a Target keeps it and
// Attempt compares it: its digits, full-width ones folded, without +86
// ("+86 138-1234-5678" and "１３８１２３４５６７８" are "13812345678").
func NormalizeMobile(mobile string) string { return normMobile(mobile) }

// FromTargets starts a verification sent at sentAt to targets built by the
// caller (with seals when a Verifier sent the codes): mobiles are
// normalised (NormalizeMobile) and targets with the same mobile merged as
// New merges people, and none has verified yet. A target without mobile
// digits, or no target at all, is CodeNoRecipient; a zero sentAt is
// CodeTime.
func FromTargets(sentAt time.Time, targets []Target) (Verification, error) {
	if sentAt.IsZero() {
		return Verification{}, filing.NewProblem(CodeTime)
	}
	s := Verification{SentAt: sentAt, Status: StatusWaiting}
	for _, t := range targets {
		if normMobile(t.Mobile.Raw()) == "" {
			return Verification{}, filing.NewProblem(CodeNoRecipient)
		}
		t.VerifiedAt = time.Time{}
		s.Targets = mergeTarget(s.Targets, t)
	}
	if len(s.Targets) == 0 {
		return Verification{}, filing.NewProblem(CodeNoRecipient)
	}
	return s, nil
}

// WithSeals returns s with the seals of given, the new codes of a resend:
// each target of s that has not verified takes the seal (and, when given,
// the certificate tail) of the given target with the same mobile, in any
// form NormalizeMobile folds. Targets of s that given does not name keep
// their seals; s is left unchanged.
func (s Verification) WithSeals(given []Target) Verification {
	var gs []Target
	for _, t := range given {
		gs = mergeTarget(gs, t)
	}
	s = s.clone()
	for i := range s.Targets {
		if !s.Targets[i].VerifiedAt.IsZero() {
			continue
		}
		for _, g := range gs {
			if g.Mobile == s.Targets[i].Mobile {
				s.Targets[i].Seal = g.Seal
				if g.CertLast6 != "" {
					s.Targets[i].CertLast6 = g.CertLast6
				}
			}
		}
	}
	return s
}

// Expires returns the instant the code stops being valid.
func (s Verification) Expires() time.Time { return s.SentAt.Add(Validity) }

// Expire returns s closed as StatusReturnedTimeout when it is still waiting at
// now and the 24 hours have run out, else s unchanged.
func (s Verification) Expire(now time.Time) Verification {
	if s.Status == StatusWaiting && !now.Before(s.Expires()) {
		s = s.clone()
		s.Status, s.ClosedAt = StatusReturnedTimeout, s.Expires()
	}
	return s
}

// check opens a move at instant at: the verification must be waiting and
// not expired.
func (s Verification) check(at time.Time) (Verification, error) {
	if at.IsZero() || at.Before(s.SentAt) {
		return s, filing.NewProblem(CodeTime)
	}
	if s.Status != StatusWaiting {
		return s, filing.NewProblem(CodeClosed, s.Status)
	}
	if e := s.Expire(at); e.Status != StatusWaiting {
		return e, filing.NewProblem(CodeExpired)
	}
	return s, nil
}

// Attempt records one input at instant at on the verification page for
// mobile, correct or not, and returns the next state. Errors:
// CodeExpired (and the state is StatusReturnedTimeout), CodeTooManyWrong
// on the attempt after 5 wrong inputs (StatusReturnedWrongInputs),
// CodeWrongInput for a wrong input (counted), CodeClosed after the
// end. A mobile that is not a target is a wrong input.
func (s Verification) Attempt(at time.Time, mobile string, correct bool) (Verification, error) {
	s, err := s.check(at)
	if err != nil {
		return s, err
	}
	s = s.clone()
	if s.WrongInputs >= MaxWrong {
		s.Status, s.ClosedAt = StatusReturnedWrongInputs, at
		return s, filing.NewProblem(CodeTooManyWrong)
	}
	i := s.target(normMobile(mobile))
	if !correct || i < 0 {
		s.WrongInputs++
		return s, filing.NewProblem(CodeWrongInput, s.WrongInputs)
	}
	if s.Targets[i].VerifiedAt.IsZero() {
		s.Targets[i].VerifiedAt = at
	}
	if s.Waiting() == 0 {
		s.Status, s.ClosedAt = StatusVerified, at
	}
	return s, nil
}

// Resend records a resend at instant at (短信重发): at most 2; the
// third sends nothing (CodeResendLimit, state unchanged). The 24 hours
// still count from SentAt. Use Verifier.Send to issue the new codes.
func (s Verification) Resend(at time.Time) (Verification, error) {
	s, err := s.check(at)
	if err != nil {
		return s, err
	}
	if s.Resends >= MaxResends {
		return s, filing.NewProblem(CodeResendLimit)
	}
	s = s.clone()
	s.Resends++
	return s, nil
}

// Waiting returns how many targets have not verified yet ("请等待其他核验人
// 进行短信核验" while it is not 0).
func (s Verification) Waiting() int {
	n := 0
	for _, t := range s.Targets {
		if t.VerifiedAt.IsZero() {
			n++
		}
	}
	return n
}

// Countdown is the SMS step as a portal shows it.
type Countdown struct {
	// Expires is when the code stops being valid.
	Expires time.Time `json:"expires"`
	// Remaining is the time left (0 once expired), in clock time.
	Remaining time.Duration `json:"remaining"`
	// Expired is true once the 24 hours have run out.
	Expired bool `json:"expired"`
	// WrongInputsLeft is how many more wrong inputs are tolerated.
	WrongInputsLeft int `json:"wrong_inputs_left"`
	// ResendsLeft is how many resends remain.
	ResendsLeft int `json:"resends_left"`
	// Waiting is how many people have not verified yet.
	Waiting int `json:"waiting"`
	// Status is the state as of now (StatusReturnedTimeout once expired).
	Status Status `json:"status"`
}

// Countdown returns the SMS step as of now.
func (s Verification) Countdown(now time.Time) Countdown {
	e := s.Expire(now)
	c := Countdown{
		Expires:         s.Expires(),
		WrongInputsLeft: max(0, MaxWrong-s.WrongInputs),
		ResendsLeft:     max(0, MaxResends-s.Resends),
		Waiting:         s.Waiting(),
		Status:          e.Status,
	}
	if e.Status == StatusWaiting {
		c.Remaining = s.Expires().Sub(now)
	}
	c.Expired = e.Status == StatusReturnedTimeout
	return c
}

// Seal is the keyed hash (HMAC-SHA256) of an SMS code with the mobile
// number and the last six characters of the certificate number. It is what
// a Verifier stores instead of the code. Its text form is hex.
type Seal [sha256.Size]byte

// IsZero reports whether no code was sealed.
func (s Seal) IsZero() bool { return s == Seal{} }

// MarshalText returns the seal in hex.
func (s Seal) MarshalText() ([]byte, error) {
	if s.IsZero() {
		return []byte{}, nil
	}
	return []byte(hex.EncodeToString(s[:])), nil
}

// UnmarshalText reads a hex seal; empty text is the zero seal. Text that
// is not 64 hexadecimal digits is CodeSeal, and s is left unchanged.
func (s *Seal) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = Seal{}
		return nil
	}
	var x Seal
	if len(b) != hex.EncodedLen(len(x)) {
		return filing.NewProblem(CodeSeal)
	}
	if _, err := hex.Decode(x[:], b); err != nil {
		return filing.NewProblem(CodeSeal)
	}
	*s = x
	return nil
}

// Verifier issues and checks SMS codes for the ISP or bureau side.
// It keeps only a secret key; codes are stored as Seals, compared in
// constant time. A Verifier is safe for concurrent use.
type Verifier struct {
	key []byte
}

// NewVerifier returns a verifier with a secret key of at least 16 bytes
// (CodeKey otherwise). Keep the key out of the database holding the
// seals.
func NewVerifier(key []byte) (*Verifier, error) {
	if len(key) < 16 || weakKey(key) {
		return nil, filing.NewProblem(CodeKey)
	}
	return &Verifier{key: append([]byte(nil), key...)}, nil
}

// certTail returns the last six characters of a certificate number,
// upper-case, spaces and full-width forms folded.
func certTail(s string) string {
	var rs []rune
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			r -= 0xFEE0
		case r == ' ' || r == '\u3000' || r == '\t':
			continue
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		rs = append(rs, r)
	}
	if len(rs) > 6 {
		rs = rs[len(rs)-6:]
	}
	return string(rs)
}

// SealCode returns the seal of code for mobile and a certificate number
// (its last six characters are used; passing only them works too).
func (v *Verifier) SealCode(code, mobile, cert string) Seal {
	return v.seal(code, mobile, certTail(cert))
}

// seal is SealCode with the certificate tail already folded.
func (v *Verifier) seal(code, mobile, tail string) Seal {
	m := hmac.New(sha256.New, v.key)
	m.Write([]byte("beian-sms-v1\x00"))
	m.Write([]byte(foldCode(code)))
	m.Write([]byte{0})
	m.Write([]byte(normMobile(mobile)))
	m.Write([]byte{0})
	m.Write([]byte(tail))
	var s Seal
	m.Sum(s[:0])
	return s
}

// Check reports, in constant time over the seal, whether code, mobile and
// the certificate's last six characters match the seal. An input with fewer
// than six certificate characters never matches.
func (v *Verifier) Check(seal Seal, code, mobile, certLast6 string) bool {
	tail := certTail(certLast6)
	if utf8.RuneCountInString(tail) < 6 {
		return false
	}
	got := v.seal(code, mobile, tail)
	return !seal.IsZero() && hmac.Equal(got[:], seal[:])
}

// GenerateCode returns a random 6-digit code from crypto/rand.
func GenerateCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// Send issues a fresh code to every target that has not verified: it
// returns s with the new seals and the codes to deliver, codes[i] for
// s.Targets[i] ("" for a target already verified). Each code is sealed
// with the target's certificate tail: certs, which may be nil, maps a
// mobile (in any form normMobile folds: "+86 138 1234 5678") to its
// person's certificate number and replaces the tail New kept
// (Target.CertLast6). A waiting target left without a tail of six
// characters, or given two different numbers under two forms of its mobile,
// is CodeCert and nothing is sent. The first call sends; later calls are
// resends and count as such (Resend).
func (v *Verifier) Send(s Verification, at time.Time, certs map[string]filing.IDNumber) (Verification, []string, error) {
	tails := make(map[string]string, len(certs))
	for m, c := range certs {
		k, t := normMobile(m), certTail(c.Raw())
		if old, dup := tails[k]; dup && old != t {
			return s, nil, filing.NewProblem(CodeCert, filing.Phone(k).Masked())
		}
		tails[k] = t
	}
	orig := s
	if anySealed(s) {
		var err error
		if s, err = s.Resend(at); err != nil {
			return s, nil, err
		}
	} else if _, err := s.check(at); err != nil {
		return s, nil, err
	}
	for _, t := range s.Targets {
		if !t.VerifiedAt.IsZero() {
			continue
		}
		tail, ok := tails[normMobile(t.Mobile.Raw())]
		if !ok {
			tail = certTail(t.CertLast6.Raw())
		}
		if utf8.RuneCountInString(tail) < 6 {
			return orig, nil, filing.NewProblem(CodeCert, t.Mobile.Masked())
		}
	}
	s = s.clone()
	codes := make([]string, len(s.Targets))
	for i, t := range s.Targets {
		if !t.VerifiedAt.IsZero() {
			continue
		}
		c, err := GenerateCode()
		if err != nil {
			return s, nil, err
		}
		tail, ok := tails[normMobile(t.Mobile.Raw())]
		if !ok {
			tail = certTail(t.CertLast6.Raw())
		}
		codes[i] = c
		s.Targets[i].CertLast6 = filing.IDNumber(tail)
		s.Targets[i].Seal = v.seal(c, t.Mobile.Raw(), tail)
	}
	return s, codes, nil
}

func anySealed(s Verification) bool {
	for _, t := range s.Targets {
		if !t.Seal.IsZero() {
			return true
		}
	}
	return false
}

// Enter checks one input on the verification page at instant at (code,
// mobile, last six characters of the certificate number) against the
// seals and records it with Attempt.
func (v *Verifier) Enter(s Verification, at time.Time, code, mobile, certLast6 string) (Verification, error) {
	return s.Attempt(at, mobile, v.Match(s, code, mobile, certLast6))
}

// Match reports whether one input on the verification page (code, mobile,
// last six characters of the certificate number) matches the seal of the
// target of s with that mobile, without recording it: false when no target
// has the mobile. lifecycle.SMSInput builds its event from it.
func (v *Verifier) Match(s Verification, code, mobile, certLast6 string) bool {
	i := s.target(normMobile(mobile))
	return i >= 0 && v.Check(s.Targets[i].Seal, code, mobile, certLast6)
}
