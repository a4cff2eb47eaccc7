package filing

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/sitename"
)

// through Validate: errors at the name's path with the Chinese
// reason and suggestion; warnings only through Warnings.
func TestR90_ValidateReportsNames(t *testing.T) {
	f := validFiling(t)
	f.Websites[0].Name = "中国星辰论坛"
	err := Validate(f, WithNow(fixedNow))
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	ps := ve.At("websites[0].name")
	require.Len(t, ps, 2, "%v", err)
	assert.Equal(t, Code(sitename.CodeStateWord), ps[0].Code)
	assert.Equal(t, "R-91", ps[0].Rule)
	assert.Contains(t, ps[0].Zh, "中国")
	assert.Contains(t, ps[0].Zh, "建议")
	assert.Equal(t, "网站名称", ps[0].Label)
	assert.True(t, errors.Is(err, Code(sitename.CodeForumWord)))

	// the bulletin-board approval declared: the forum word is allowed
	f.Websites[0].Name = "星辰技术论坛"
	f.Websites[0].Involves = []PreApprovalCategory{"bbs"}
	f.Websites[0].PreApprovals = []PreApproval{{Category: "bbs", Number: "黔通信管〔2026〕BBS001号"}}
	err = Validate(f, WithNow(fixedNow))
	if errors.As(err, &ve) {
		assert.Empty(t, ve.At("websites[0].name"))
	}
}

// a judgement or a single provider's practice is a warning, never a
// problem of Validate.
func TestR90_NameWarningsNotErrors(t *testing.T) {
	f := validFiling(t)
	f.Subject.Province = "44"
	f.Websites[0].Name = "星辰展示"
	err := Validate(f, WithNow(fixedNow))
	var ve *ValidationError
	if errors.As(err, &ve) {
		assert.Empty(t, ve.At("websites[0].name"), "the Guangdong convention is a warning")
	}
	var codes []Code
	for _, w := range Warnings(f) {
		codes = append(codes, w.Code)
	}
	assert.Contains(t, codes, Code(sitename.CodeProvinceConvention))
}

// the caller's rules replace the default ones.
func TestR91_WithNameRules(t *testing.T) {
	rules, err := sitename.Default().With(sitename.Family{ID: "forum"}) // drop the forum family
	require.NoError(t, err)
	f := validFiling(t)
	f.Websites[0].Name = "星辰技术论坛"
	assert.True(t, errors.Is(Validate(f, WithNow(fixedNow)), Code(sitename.CodeForumWord)))
	assert.False(t, errors.Is(Validate(f, WithNow(fixedNow), WithNameRules(rules)), Code(sitename.CodeForumWord)))
}

// BenchmarkR90_ValidateNames is the pair: Validate with the name rules
// (today's default) and without them (the Validate before ), in
// one run; BENCHMARKS.md records the ratio.
func BenchmarkR90_ValidateNames(b *testing.B) {
	f := validFiling(b)
	with, err := NewValidator(WithNow(fixedNow))
	require.NoError(b, err)
	without, err := NewValidator(WithNow(fixedNow), withoutNameRules())
	require.NoError(b, err)
	for _, bc := range []struct {
		name string
		v    *Validator
	}{{"without", without}, {"with", with}, {"without2", without}, {"with2", with}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bc.v.Validate(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkR90_ValidateNamesInterleaved validates the same filing without
// and with the name rules in every iteration, so that a loaded machine
// slows both alike, and reports the ratios (with/without) of the summed
// times, of the medians and of the fastest iterations: the minimum is the
// figure least disturbed by other processes.
func BenchmarkR90_ValidateNamesInterleaved(b *testing.B) {
	f := validFiling(b)
	with, err := NewValidator(WithNow(fixedNow))
	require.NoError(b, err)
	without, err := NewValidator(WithNow(fixedNow), withoutNameRules())
	require.NoError(b, err)
	var tWith, tWithout time.Duration
	var dWith, dWithout []time.Duration
	for b.Loop() {
		t0 := time.Now()
		_ = without.Validate(f)
		t1 := time.Now()
		_ = with.Validate(f)
		t2 := time.Now()
		tWithout += t1.Sub(t0)
		tWith += t2.Sub(t1)
		if len(dWith) < 1<<16 {
			dWith, dWithout = append(dWith, t2.Sub(t1)), append(dWithout, t1.Sub(t0))
		}
	}
	slices.Sort(dWith)
	slices.Sort(dWithout)
	b.ReportMetric(float64(tWith)/float64(tWithout), "sum-with/without")
	b.ReportMetric(float64(dWith[len(dWith)/2])/float64(dWithout[len(dWithout)/2]), "median-with/without")
	b.ReportMetric(float64(dWith[0])/float64(dWithout[0]), "min-with/without")
}
