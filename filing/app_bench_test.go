package filing

import (
	"crypto/md5"
	"crypto/sha1"
	"slices"
	"testing"
	"time"

	"github.com/go-playground/validator/v10"
)

// benchAppFiling is 1 subject + 2 websites + 2 apps, each app on Android and
// iOS with 3 domains per platform.
func benchAppFiling(tb testing.TB) *Filing {
	f := validAppFiling(tb)
	w := f.Websites[0]
	w.Name, w.Domains, w.HomeURL = "小明的相册", []string{"xiaomingphoto.cn"}, "https://www.xiaomingphoto.cn/"
	f.Websites = append(f.Websites, w)
	second := f.Apps[0]
	second.Name = "小明相册"
	second.Platforms = slices.Clone(second.Platforms)
	md := md5.Sum([]byte("photo-android"))
	sh := sha1.Sum([]byte("photo-ios"))
	second.Platforms[0].Identifier, second.Platforms[0].Fingerprint = "cn.xiaomingphoto.app", colonHex(md[:])
	second.Platforms[1].Identifier, second.Platforms[1].Fingerprint = "cn.xiaomingphoto.ios", colonHex(sh[:])
	second.Platforms[0].Domains = []string{"api.xiaomingphoto.cn", "img.xiaomingphoto.cn", "xiaomingphoto.cn"}
	second.Platforms[1].Domains = second.Platforms[0].Domains
	f.Apps = []App{f.Apps[0], second}
	return f
}

// plainAppValidator is the baseline: a plain validator/v10 walk of the same
// normalised structs with the same tags, our custom tags as no-ops.
func plainAppValidator(tb testing.TB) *validator.Validate {
	plain := validator.New(validator.WithRequiredStructEnabled())
	plain.RegisterTagNameFunc(jsonName)
	noop := func(validator.FieldLevel) bool { return true }
	for _, tag := range []string{TagResidentID, TagUSCC, TagOrgCode, TagMobile, TagLandline, TagPhone, TagEmail, TagDomain, TagHomeURL, TagProvince, TagNature, TagCertType, TagCertNumber, TagPreApproval, TagStatus} {
		if err := plain.RegisterValidation(tag, noop); err != nil {
			tb.Fatal(err)
		}
	}
	return plain
}

// BenchmarkValidateApps: Validate of 1 subject + 2 websites + 2 apps
// (Android and iOS, 3 domains each), and its baseline, a plain
// validator/v10 walk of the same structs (target: ≤ 3x). "ratio" times the
// two in interleaved blocks and reports the median ratio of the blocks, so
// that the shared machine's swings hit both alike.
func BenchmarkValidateApps(b *testing.B) {
	f := benchAppFiling(b)
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	v, err := NewValidator(WithNow(func() time.Time { return now }))
	if err != nil {
		b.Fatal(err)
	}
	if err := v.Validate(f); err != nil {
		b.Fatal(err)
	}
	plain := plainAppValidator(b)
	nf := NormalizeFiling(f)
	if err := plain.Struct(nf); err != nil {
		b.Fatal(err)
	}
	b.Run("beian", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := v.Validate(f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("validator-plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := plain.Struct(nf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ratio", func(b *testing.B) {
		const block = 200
		var ratios []float64
		for b.Loop() {
			t0 := time.Now()
			for range block {
				_ = v.Validate(f)
			}
			t1 := time.Now()
			for range block {
				_ = plain.Struct(nf)
			}
			t2 := time.Now()
			ratios = append(ratios, float64(t1.Sub(t0))/float64(t2.Sub(t1)))
		}
		slices.Sort(ratios)
		b.ReportMetric(ratios[len(ratios)/2], "x-plain")
	})
}
