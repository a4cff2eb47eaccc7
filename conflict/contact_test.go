package conflict_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/beiankit/beian/filing/contact"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
)

var contactSecret = []byte("beian-test-secret-0123456789abcdef")

func keyer(t testing.TB) *conflict.ContactKeyer {
	k, err := conflict.NewContactKeyer(contactSecret)
	require.NoError(t, err)
	return k
}

func contactFiling(cert, number, mobile, email string, sites ...filing.Person) *filing.Filing {
	f := &filing.Filing{Subject: filing.Subject{Province: "52", Number: number, Name: "贵州某科技有限公司", CertType: "工商营业执照",
		CertNumber: filing.IDNumber(cert), Principal: filing.Person{Name: "张伟", Mobile: filing.Phone(mobile), Email: filing.Email(email)}}}
	for i, p := range sites {
		f.Websites = append(f.Websites, filing.Website{Service: filing.Service{Name: fmt.Sprint("网站", i), Principal: p}, Domains: []string{fmt.Sprintf("site%d.cn", i)}})
	}
	return f
}

func TestR94_ContactKeyerNormalisesAndHashes(t *testing.T) {
	k := keyer(t)
	a, ok := k.MobileKey("13800138000")
	require.True(t, ok)
	for _, s := range []string{"１３８ ００１３ ８０００", "+86 138-0013-8000", "008613800138000", "(138)00138000"} {
		b, ok := k.MobileKey(s)
		require.True(t, ok, s)
		assert.Equal(t, a, b, s)
	}
	for _, s := range []string{"1380013800", "23800138000", "138001380001", "1380013800O", "+1 138 0013 8000 9"} {
		_, ok := k.MobileKey(s)
		assert.False(t, ok, s)
	}
	assert.Equal(t, conflict.KeyMobile, a.Kind)
	assert.Len(t, a.Value, 32)
	assert.NotContains(t, a.Value, "13800138000")
	e1, ok := k.EmailKey("Zhang.San@Example.COM")
	require.True(t, ok)
	e2, ok := k.EmailKey("zhang.san＠example.com")
	require.True(t, ok)
	assert.Equal(t, e1, e2)
	_, ok = k.EmailKey("not an address")
	assert.False(t, ok)
	// Another secret gives other keys: without it a key reveals nothing.
	k2, err := conflict.NewContactKeyer([]byte("another-secret-0123456789"))
	require.NoError(t, err)
	c, _ := k2.MobileKey("13800138000")
	assert.NotEqual(t, a, c)
	_, err = conflict.NewContactKeyer([]byte("short"))
	assert.ErrorIs(t, err, conflict.ErrContactKey)
	// The secret never prints.
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "keyer", k)
	out := fmt.Sprintf("%v %+v %#v %s", k, k, k, buf.String())
	assert.NotContains(t, out, "beian-test-secret")
	assert.NotContains(t, out, fmt.Sprint(contactSecret))
}

func TestR94_NormalizeMobileIdempotent(t *testing.T) {
	for _, s := range []string{"13800138000", "+86 13800138000", "１３８００１３８０００"} {
		d, ok := conflict.NormalizeMobile(s)
		require.True(t, ok)
		d2, ok := conflict.NormalizeMobile(d)
		require.True(t, ok)
		assert.Equal(t, d, d2)
	}
}

func TestR94_SecondSubjectUsingAContactConflicts(t *testing.T) {
	cs := conflict.NewContacts(keyer(t))
	first := contactFiling("91520100MA6H000001", "黔ICP备2026000001号", "13800138000", "boss@example.com",
		filing.Person{Name: "李娜", Mobile: "13900139000", Email: "lina@example.cn"})
	require.NoError(t, cs.Put(first))
	assert.Equal(t, 4, cs.Len()) // the boss's and Li Na's mobile and e-mail
	// The same subject filing again, with the same person on two websites: no conflict.
	again := contactFiling("91520100MA6H000001", "黔ICP备2026000001号", "13800138000", "boss@example.com",
		filing.Person{Name: "张伟", Mobile: "138 0013 8000", Email: "BOSS@example.com"},
		filing.Person{Name: "张伟", Mobile: "13800138000", Email: "boss@example.com"})
	assert.Empty(t, cs.Check(again))
	// Another subject whose website principal uses the first subject's mobile, in another spelling.
	other := contactFiling("91520100MA6H000002", "", "13700137000", "me@example.org",
		filing.Person{Name: "王芳", Mobile: "+86 138-0013-8000", Email: "wf@example.org"},
		filing.Person{Name: "赵磊", Mobile: "13600136000", Email: "LiNa@Example.cn"})
	got := cs.Check(other)
	require.Len(t, got, 2)
	assert.Equal(t, "websites[0].principal.mobile", got[0].Path)
	assert.Equal(t, "websites[1].principal.email", got[1].Path)
	assert.Equal(t, conflict.KeyMobile, got[0].Contact)
	assert.Equal(t, conflict.KeyEmail, got[1].Contact)
	for _, c := range got {
		assert.Equal(t, conflict.KindContactTaken, c.Kind)
		assert.Equal(t, "R-94", c.Rule())
		assert.Equal(t, "R-94", c.Kind.Rule())
		assert.True(t, errors.Is(c, conflict.KindContactTaken))
		assert.Equal(t, "黔ICP备2026000001号", c.Blocking.SubjectNumber)
		assert.Equal(t, "贵州省", c.Blocking.ProvinceName())
		g := guidance.For(c)
		assert.NotEmpty(t, g.Steps)
		b, err := json.Marshal(c)
		require.NoError(t, err)
		gb, err := json.Marshal(g)
		require.NoError(t, err)
		for _, raw := range []string{"13800138000", "138-0013", "lina", "LiNa"} {
			assert.NotContains(t, string(b), raw, "a conflict never shows the contact")
			assert.NotContains(t, string(gb), raw, "its guidance never shows the contact")
		}
	}
	// Put refuses the second subject, all or none, and names no contact.
	err := cs.Put(other)
	var ce *conflict.ClaimError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, conflict.ErrKeyTaken)
	assert.Len(t, ce.Taken, 2)
	assert.NotContains(t, err.Error(), "13800138000")
	assert.Equal(t, 4, cs.Len())
	// Once the first subject gives the numbers up, the second may file.
	cs.Remove(first.Subject.CertType, first.Subject.CertNumber)
	assert.Empty(t, cs.Check(other))
	require.NoError(t, cs.Put(other))
}

// TestR94_OnePersonOnTwoServicesIsOneConflict: a subject whose principal
// is also its websites' principal, with contacts another subject holds,
// gets one conflict per contact, at the subject's path, whether the
// websites repeat the contact as written (skipped before hashing) or in
// another spelling (met again, and reported once).
func TestR94_OnePersonOnTwoServicesIsOneConflict(t *testing.T) {
	cs := conflict.NewContacts(keyer(t))
	require.NoError(t, cs.Put(contactFiling("91520100MA6H000001", "黔ICP备2026000001号", "13800138000", "boss@example.com")))
	boss := filing.Person{Name: "张伟", Mobile: "13800138000", Email: "boss@example.com"}
	for name, sites := range map[string][]filing.Person{
		"as written":       {boss, boss},
		"another spelling": {{Name: "张伟", Mobile: "+86 138 0013 8000", Email: "Boss@Example.com"}, boss},
	} {
		f := contactFiling("91520100MA6H000002", "", "13800138000", "boss@example.com", sites...)
		got := cs.Check(f)
		paths := make([]string, len(got))
		for i, c := range got {
			paths[i] = c.Path
		}
		assert.Equal(t, []string{"subject.principal.mobile", "subject.principal.email"}, paths, name)
	}
}

func TestR94_ContactsReleasedOnChange(t *testing.T) {
	cs := conflict.NewContacts(keyer(t))
	a := contactFiling("91520100MA6H000001", "黔ICP备2026000001号", "13800138000", "boss@example.com")
	require.NoError(t, cs.Put(a))
	a2 := contactFiling("91520100MA6H000001", "黔ICP备2026000001号", "13900139000", "boss@example.com")
	require.NoError(t, cs.Put(a2)) // the principal changed numbers
	b := contactFiling("91520100MA6H000002", "", "13800138000", "b@example.com")
	assert.Empty(t, cs.Check(b), "the old number was released")
}

func TestR94_ContactsConcurrentPutsOneWinner(t *testing.T) {
	cs := conflict.NewContacts(keyer(t))
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for i := range 32 {
		wg.Go(func() {
			f := contactFiling(fmt.Sprintf("91520100MA6H%06d", i), "", "13800138000", fmt.Sprintf("u%d@example.com", i))
			if cs.Put(f) == nil {
				mu.Lock()
				won++
				mu.Unlock()
			}
			_ = cs.Check(f)
		})
	}
	wg.Wait()
	assert.Equal(t, 1, won)
}

func TestR94_InvalidContactsAreReportedNotClaimed(t *testing.T) {
	f := contactFiling("91520100MA6H000001", "", "12345", "nope",
		filing.Person{Name: "李娜", Mobile: "13900139000"})
	claims, invalid := keyer(t).ContactClaims(f)
	assert.Equal(t, []string{"subject.principal.mobile", "subject.principal.email"}, invalid)
	require.Len(t, claims, 1)
	assert.Equal(t, "websites[0].principal.mobile", claims[0].Path)
}

func TestR94_MobileProvince(t *testing.T) {
	rule := conflict.ContactProvinceRule{Province: "52", RequireLocalMobile: true, Source: "test"}
	seg := func(d string) (string, bool) {
		if strings.HasPrefix(d, "1388510") {
			return "52", true
		}
		if strings.HasPrefix(d, "1380013") {
			return "11", true
		}
		return "", false
	}
	assert.Nil(t, conflict.CheckMobileProvince(conflict.ContactProvinceRule{Province: "52"}, "p", "13800138000", nil))
	assert.Nil(t, conflict.CheckMobileProvince(rule, "p", "13885101234", seg))
	p := conflict.CheckMobileProvince(rule, "subject.principal.mobile", "13800138000", seg)
	require.NotNil(t, p)
	assert.Equal(t, conflict.ErrContactOtherProvince, p.Code)
	assert.Contains(t, p.Zh, "北京市")
	assert.NotContains(t, p.Zh+p.En, "13800138000")
	p = conflict.CheckMobileProvince(rule, "subject.principal.mobile", "13700137000", seg)
	require.NotNil(t, p)
	assert.Equal(t, conflict.ErrContactProvinceUnknown, p.Code)
	p = conflict.CheckMobileProvince(rule, "subject.principal.mobile", "13700137000", nil)
	require.NotNil(t, p)
	assert.Equal(t, conflict.ErrContactProvinceUnknown, p.Code, "no segment data: a warning, never a guess")
	p = conflict.CheckMobileProvince(rule, "x", "bad", seg)
	require.NotNil(t, p)
	assert.Equal(t, conflict.ErrContactInvalid, p.Code)
}

// FuzzR94_NormalizeMobile: no panic; a result is 11 digits starting with 1
// and normalises to itself.
func FuzzR94_NormalizeMobile(f *testing.F) {
	for _, s := range []string{"13800138000", "+86 138-0013-8000", "１３８ ００１３ ８０００", "0086 13800138000", "86", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := conflict.NormalizeMobile(s)
		if !ok {
			return
		}
		if len(d) != 11 || d[0] != '1' {
			t.Fatalf("%q → %q", s, d)
		}
		if d2, ok := conflict.NormalizeMobile(d); !ok || d2 != d {
			t.Fatalf("not idempotent: %q → %q → %q", s, d, d2)
		}
	})
}

// TestR94_SimpleEmailFastPathAgreesWithFiling: the ASCII fast path gives
// the form contact.NormalizeEmail gives (lower-cased) wherever both accept.
func TestR94_SimpleEmailFastPathAgreesWithFiling(t *testing.T) {
	k := keyer(t)
	for _, s := range []string{"Zhang.San@Example.COM", "a_b-c+d%e@sub.example.cn", "X@Y.CN", "root@xn--fiqs8s.cn", "a@b", "a..b@c.cn",
		".a@b.cn", "a@-b.cn", "a@b-.cn", "a@b..cn", "张三@例子.中国"} {
		e, err := contact.NormalizeEmail(s)
		fast, fok := k.EmailKey(s)
		if err != nil {
			continue // validation reports it; a claim key for it is harmless
		}
		slow, _ := k.EmailKey(strings.ToLower(string(e)))
		require.True(t, fok, s)
		assert.Equal(t, slow, fast, s)
	}
}

// FuzzR94_EmailKey: wherever contact.NormalizeEmail accepts an address, the
// claim key of the address as typed is the key of its normal form (the
// ASCII fast path and the full normalisation agree).
func FuzzR94_EmailKey(f *testing.F) {
	for _, s := range []string{"Zhang.San@Example.COM", "root@xn--fiqs8s.cn", "a@b-c.cn", "张三@例子.中国", "a.b@c.d.e", "X@Y.CN"} {
		f.Add(s)
	}
	k := keyer(f)
	f.Fuzz(func(t *testing.T, s string) {
		e, err := contact.NormalizeEmail(s)
		if err != nil {
			return
		}
		got, ok := k.EmailKey(s)
		if !ok {
			t.Fatalf("%q: filing accepts it (%q), the claim does not", s, e)
		}
		want, ok := k.EmailKey(string(e))
		if !ok || got != want {
			t.Fatalf("%q and its normal form %q give different keys", s, e)
		}
	})
}

// TestR94_EveryContactFoundAfterTheFilterGrows: the register's filter is
// rebuilt as it grows; no contact on file may be missed after that.
func TestR94_EveryContactFoundAfterTheFilterGrows(t *testing.T) {
	cs := conflict.NewContacts(keyer(t))
	const n = 3000 // 12 000 keys: the filter grows several times
	for i := range n {
		require.NoError(t, cs.Put(contactFiling(fmt.Sprintf("91520100MA6H%06d", i), fmt.Sprintf("黔ICP备2026%06d号", i),
			fmt.Sprintf("138%08d", i), fmt.Sprintf("u%d@example.com", i),
			filing.Person{Name: "李娜", Mobile: filing.Phone(fmt.Sprintf("139%08d", i)), Email: filing.Email(fmt.Sprintf("w%d@example.cn", i))})))
	}
	require.Equal(t, 4*n, cs.Len())
	for i := range n {
		other := contactFiling("91520100MA6HZZZZZZ", "", fmt.Sprintf("138%08d", i), fmt.Sprintf("other%d@example.org", i),
			filing.Person{Name: "王芳", Mobile: "13700000000", Email: filing.Email(fmt.Sprintf("W%d@EXAMPLE.cn", i))})
		got := cs.Check(other)
		if assert.Len(t, got, 2, "filing %d", i) {
			assert.Equal(t, "subject.principal.mobile", got[0].Path)
			assert.Equal(t, "websites[0].principal.email", got[1].Path)
			assert.Equal(t, fmt.Sprintf("黔ICP备2026%06d号", i), got[0].Blocking.SubjectNumber)
		}
	}
}

// TestR94_OwnSubjectInAnotherSpelling: the subject's own contacts are no
// conflict when its certificate number is typed full-width or in lower
// case: the holder is compared on the certificate's canonical form.
func TestR94_OwnSubjectInAnotherSpelling(t *testing.T) {
	cs := conflict.NewContacts(keyer(t))
	const uscc = "91350100M000100Y43" // a valid unified social credit code
	require.NoError(t, cs.Put(contactFiling(uscc, "闽ICP备2026000001号", "13800138000", "boss@example.com")))
	for _, spelling := range []string{uscc, "９１３５０１００Ｍ０００１００Ｙ４３", "91350100m000100y43", " 91350100M000100Y43 "} {
		assert.Empty(t, cs.Check(contactFiling(spelling, "", "13800138000", "boss@example.com")), spelling)
	}
	assert.Len(t, cs.Check(contactFiling("91350100M000100Y44", "", "13800138000", "boss@example.com")), 2, "another subject: its mobile and e-mail are taken")
}

// TestR94_RecordKeysHoldContactKeys: a record's contact keys are among the
// keys a Store claims; anything but a keyed hash is refused at its path,
// without the value in the message (it may be a contact typed where its
// key belongs), by RecordKeys and by the index alike.
func TestR94_RecordKeysHoldContactKeys(t *testing.T) {
	r := conflicttest.Pending("A13", "52", "a13.cn")
	r.Subject.ContactKeys = []string{"email:00112233445566778899aabbccddeeff", "mobile:ffeeddccbbaa99887766554433221100"}
	_, keys, _, err := conflict.RecordKeys(r)
	require.NoError(t, err)
	assert.Contains(t, keys, conflict.Key{Kind: conflict.KeyMobile, Value: "ffeeddccbbaa99887766554433221100"})
	assert.Contains(t, keys, conflict.Key{Kind: conflict.KeyEmail, Value: "00112233445566778899aabbccddeeff"})
	ix := conflict.New()
	require.NoError(t, ix.Put(r), "the index takes the record")
	got, err := ix.LookupCert(r.Subject.CertType, r.Subject.CertNumber)
	require.NoError(t, err)
	assert.Equal(t, r.Subject.ContactKeys, got.Subject.ContactKeys, "and gives its contact keys back, so that a record read from it and put again keeps its claims")
	r.Subject.ContactKeys = nil
	require.NoError(t, ix.Put(r))
	got, err = ix.LookupCert(r.Subject.CertType, r.Subject.CertNumber)
	require.NoError(t, err)
	assert.Empty(t, got.Subject.ContactKeys)
	for _, bad := range []string{"mobile:13800138000", "email:boss@example.com", "13800138000", "phone:00112233445566778899aabbccddeeff",
		"mobile:00112233445566778899AABBCCDDEEFF", "mobile:00112233445566778899aabbccddeef", "mobile:00112233445566778899aabbccddeeff0", ""} {
		r.Subject.ContactKeys = []string{bad}
		_, _, _, err := conflict.RecordKeys(r)
		require.ErrorIs(t, err, conflict.ErrBadRecord, bad)
		var ve *filing.ValidationError
		require.ErrorAs(t, err, &ve, bad)
		require.Len(t, ve.Problems, 1, bad)
		assert.Equal(t, conflict.CodeContactKey, ve.Problems[0].Code, bad)
		assert.Equal(t, "subject.contact_keys[0]", ve.Problems[0].Path, bad)
		if bad != "" {
			assert.NotContains(t, err.Error(), bad, "the value is not repeated")
		}
		assert.Error(t, conflict.New().Put(r), bad)
	}
}

// TestR94_IndexWithContactsReportsTheRegistersConflicts: an index made
// WithContacts reports, in one Check, its own conflicts followed by those of
// the register's Check, for filings that conflict in neither, in one, in
// the other or in both, the subject's own contacts (no conflict, also with
// the certificate typed otherwise), contacts that do not normalise, and a
// filing the index refuses (its error, and no conflict).
func TestR94_IndexWithContactsReportsTheRegistersConflicts(t *testing.T) {
	const (
		heldCert  = "91520100MA6H000001"
		otherCert = "91520100MA6H000002"
	)
	cs := conflict.NewContacts(keyer(t))
	plain, with := conflict.New(), conflict.New(conflict.WithContacts(cs))
	held := contactFiling(heldCert, "", "13800138000", "Boss@Example.com",
		filing.Person{Name: "李娜", Mobile: "13900139000", Email: "site@example.cn"})
	require.NoError(t, cs.Put(held))
	for _, ix := range []*conflict.Index{plain, with} {
		require.NoError(t, ix.Put(conflicttest.Pending(heldCert, "52", "held.cn")))
	}
	cases := map[string]*filing.Filing{
		"clean":   contactFiling(otherCert, "", "13700137000", "new@example.com"),
		"contact": contactFiling(otherCert, "", "+86 138-0013-8000", "boss@EXAMPLE.com"),
		"domain":  contactFiling(otherCert, "", "13700137000", "new@example.com", filing.Person{Name: "王芳", Mobile: "13600136000"}),
		"both": contactFiling(otherCert, "", "13700137000", "new@example.com",
			filing.Person{Name: "王芳", Mobile: "13900139000", Email: "SITE@example.cn"}),
		"own":            contactFiling(heldCert, "", "13800138000", "boss@example.com"),
		"own-lower-case": contactFiling("91520100ma6h000001", "", "13800138000", "boss@example.com"),
		"invalid":        contactFiling(otherCert, "", "1380013800", "boss@@example.com"),
		"refused":        contactFiling("", "", "13800138000", "boss@example.com"),
	}
	cases["domain"].Websites[0].Domains = []string{"www.held.cn"}
	cases["both"].Websites[0].Domains = []string{"held.cn"}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := with.Check(f)
			want, wantErr := plain.Check(f)
			if wantErr != nil {
				require.Error(t, err)
				assert.Equal(t, wantErr.Error(), err.Error())
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			want = append(want, cs.Check(f)...)
			assert.Equal(t, want, got)
		})
	}
	got, err := with.Check(cases["both"])
	require.NoError(t, err)
	kinds := make([]conflict.Kind, len(got))
	for i, c := range got {
		kinds[i] = c.Kind
	}
	assert.Equal(t, []conflict.Kind{conflict.KindDomainSameProvince, conflict.KindContactTaken, conflict.KindContactTaken}, kinds)
	got, err = with.Check(cases["own-lower-case"])
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = with.Check(cases["refused"])
	assert.Error(t, err)
}
