package filing

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

// FuzzAppValidate decodes an app from JSON, files it beside a valid subject
// and validates it: no panic, every problem typed and complete, the
// normalisation idempotent, and a valid app's fingerprints canonical.
func FuzzAppValidate(f *testing.F) {
	for _, s := range []string{
		`{"kind":"app","name":"微信","language":"中文简体","platforms":[{"platform":"android","identifier":"com.tencent.mm","public_key":"C0FFEE00C0FFEE00","fingerprint":"18:C8:67:F0:71:7A:A6:7B:2A:B7:34:75:05:BA:07:ED"}]}`,
		`{"kind":"mini_program","name":"腾讯客服","language":"中文简体","host":"wechat","host_app_id":"wx5a6c601ca97c8443","platforms":[{"platform":"ios"}]}`,
		`{"kind":"APP","name":"x","platforms":[{"platform":"IOS","identifier":"com.ss.iphone.ugc.Aweme","fingerprint":"a:b","fingerprint_algorithm":"SHA-1"}]}`,
	} {
		f.Add(s)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, js string) {
		var a App
		if json.Unmarshal([]byte(js), &a) != nil {
			return
		}
		fl := validIndividual(t)
		fl.Apps = []App{a}
		err := Validate(fl, WithNow(func() time.Time { return now }))
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("not a *ValidationError: %T %v", err, err)
			}
			for _, p := range ve.Problems {
				if p.Code == "" || p.Zh == "" || p.En == "" || p.Path == "" {
					t.Fatalf("incomplete problem %+v", p)
				}
			}
		}
		_ = Warnings(fl)
		n := NormalizeApp(a)
		if nn := NormalizeApp(n); !reflect.DeepEqual(n, nn) {
			t.Fatalf("NormalizeApp not idempotent:\n%+v\n%+v", n, nn)
		}
		for _, p := range n.Platforms {
			if fp, err := NormalizeFingerprint(p.Fingerprint, ""); err == nil {
				if again, err := NormalizeFingerprint(fp, ""); err != nil || again != fp {
					t.Fatalf("NormalizeFingerprint not idempotent: %q → %q → %q, %v", p.Fingerprint, fp, again, err)
				}
			}
			_ = CheckAppIdentifier(p.Platform, p.Identifier)
		}
	})
}
