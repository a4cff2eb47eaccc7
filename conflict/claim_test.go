package conflict_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/filing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func key(kind conflict.KeyKind, v string) conflict.Key { return conflict.Key{Kind: kind, Value: v} }

// TestR30_R31_RecordKeys: the keys a record holds in a Store, normalised as
// Check compares them.
func TestR30_R31_RecordKeys(t *testing.T) {
	approved := conflicttest.Pending("91520100MA6H7K2Q1D", "52", "WWW.Example.COM.", "m.example.com", "例子.中国", "shop.example.com.cn")
	approved.Subject.Number, approved.Subject.Status = "黔ICP备2026000001号", ""
	approved.Websites[0].Number, approved.Websites[0].Status = "黔ICP备2026000001号－1", ""
	cancelled := conflicttest.Pending("A1", "52", "a.cn")
	cancelled.Subject.Status = filing.StatusCancelled
	draftSite := conflicttest.Pending("A2", "52", "a.cn")
	draftSite.Websites[0].Status = filing.StatusDraft
	fullwidth := conflicttest.Pending("ａ３", "52", "ＳＨＯＰ．ｅｘａｍｐｌｅ．ｃｎ")
	withApps := approved
	withApps.Apps = []conflict.AppRecord{
		{Number: "黔ICP备2026000001号-2A", Kind: filing.AppKindApp, Name: "例子", Platforms: []conflict.AppPlatformRecord{
			{Platform: filing.PlatformAndroid, Identifier: " com.Example.App "},
			{Platform: filing.PlatformIOS, Identifier: "com.example.app"}, // the same key
			{Platform: filing.PlatformHarmonyOS, Identifier: "com.example.harmony"},
		}},
		{Number: "黔ICP备2026000001号-3X", Kind: filing.AppKindMiniProgram, Name: "例子小程序"},
		{Kind: filing.AppKindApp, Name: "草稿", Status: filing.StatusDraft, Platforms: []conflict.AppPlatformRecord{
			{Platform: filing.PlatformAndroid, Identifier: "com.example.draft"},
		}},
	}

	for _, c := range []struct {
		name    string
		r       conflict.Record
		subject conflict.Key
		keys    []conflict.Key
		gone    bool
	}{
		{"approved: numbers, registrable domains once, IDN as A-label", approved,
			key(conflict.KeyCert, "uscc_certificate:91520100MA6H7K2Q1D"),
			[]conflict.Key{
				key(conflict.KeyCert, "uscc_certificate:91520100MA6H7K2Q1D"),
				key(conflict.KeyDomain, "example.com"),
				key(conflict.KeyDomain, "example.com.cn"),
				key(conflict.KeyDomain, "xn--fsqu00a.xn--fiqs8s"),
				key(conflict.KeyNumber, "黔ICP备2026000001号"),
				key(conflict.KeyNumber, "黔ICP备2026000001号-1"),
			}, false},
		{"R74 apps: identifiers case-folded, one key across platforms, app numbers; draft apps left out", withApps,
			key(conflict.KeyCert, "uscc_certificate:91520100MA6H7K2Q1D"),
			[]conflict.Key{
				key(conflict.KeyApp, "com.example.app"),
				key(conflict.KeyApp, "com.example.harmony"),
				key(conflict.KeyCert, "uscc_certificate:91520100MA6H7K2Q1D"),
				key(conflict.KeyDomain, "example.com"),
				key(conflict.KeyDomain, "example.com.cn"),
				key(conflict.KeyDomain, "xn--fsqu00a.xn--fiqs8s"),
				key(conflict.KeyNumber, "黔ICP备2026000001号"),
				key(conflict.KeyNumber, "黔ICP备2026000001号-1"),
				key(conflict.KeyNumber, "黔ICP备2026000001号-2A"),
				key(conflict.KeyNumber, "黔ICP备2026000001号-3X"),
			}, false},
		{"cancelled subject holds nothing", cancelled, key(conflict.KeyCert, "uscc_certificate:A1"), nil, true},
		{"draft website left out", draftSite, key(conflict.KeyCert, "uscc_certificate:A2"),
			[]conflict.Key{key(conflict.KeyCert, "uscc_certificate:A2")}, false},
		{"full-width certificate and domain", fullwidth, key(conflict.KeyCert, "uscc_certificate:A3"),
			[]conflict.Key{key(conflict.KeyCert, "uscc_certificate:A3"), key(conflict.KeyDomain, "example.cn")}, false},
	} {
		subj, keys, gone, err := conflict.RecordKeys(c.r)
		if !assert.NoError(t, err, c.name) {
			continue
		}
		assert.Equal(t, c.subject, subj, c.name)
		assert.Equal(t, c.keys, keys, c.name)
		assert.Equal(t, c.gone, gone, c.name)
		assert.Equal(t, subj, conflict.SubjectKey(c.r.Subject.CertType, c.r.Subject.CertNumber), "%s: SubjectKey", c.name)
	}

	_, _, _, err := conflict.RecordKeys(conflicttest.Pending("A4", "52", "com.cn"))
	assert.ErrorIs(t, err, conflict.ErrBadRecord, "a public suffix")
	var ve *filing.ValidationError
	assert.ErrorAs(t, err, &ve)
}

// A certificate key prints masked through every route but JSON.
func TestKeyMasksCertificate(t *testing.T) {
	k := conflict.SubjectKey(filing.CertResidentID, "520102199003071236")
	for _, s := range []string{k.String(), fmt.Sprint(k), fmt.Sprintf("%v %+v %#v %s %q", k, k, k, k, k), (&conflict.ClaimError{Taken: []conflict.Taken{{Key: k, Holder: k}}}).Error()} {
		assert.NotContains(t, s, "199003071236", s)
	}
	var buf strings.Builder
	slog.New(slog.NewTextHandler(&buf, nil)).Info("claim", "key", k)
	assert.NotContains(t, buf.String(), "199003071236")
	b, err := json.Marshal(k)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"cert","value":"resident_id:520102199003071236"}`, string(b))
	assert.Equal(t, "domain:example.com", conflict.Key{Kind: conflict.KeyDomain, Value: "example.com"}.String())
}

// FuzzRecordKeys: RecordKeys never panics, and its keys are a fixed point:
// a record rebuilt from them (same certificate, the domains it holds) holds
// the same domain and certificate keys.
func FuzzRecordKeys(f *testing.F) {
	f.Add("91520100MA6H7K2Q1D", "52", "WWW.Example.COM.", "例子.中国")
	f.Add("ａ３", "33", "ＳＨＯＰ．ｅｘａｍｐｌｅ．ｃｎ", "shop.example.cn")
	f.Add("", "99", "com.cn", "xn--")
	f.Fuzz(func(t *testing.T, cert, province, d1, d2 string) {
		r := conflicttest.Pending(cert, province, d1, d2)
		subj, keys, _, err := conflict.RecordKeys(r)
		if err != nil {
			return
		}
		var domains []string
		for _, k := range keys {
			if k.Kind == conflict.KeyDomain {
				domains = append(domains, k.Value)
			}
		}
		again := conflicttest.Pending(cert, province, domains...)
		subj2, keys2, _, err := conflict.RecordKeys(again)
		if err != nil {
			t.Fatalf("keys %v do not make a record: %v", keys, err)
		}
		if subj2 != subj || fmt.Sprint(keys2) != fmt.Sprint(keys) {
			t.Fatalf("not a fixed point: %v %v, then %v %v", subj, keys, subj2, keys2)
		}
	})
}
