package filing

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/go-playground/validator/v10"
)

// plainValidator is the baseline engine of the validation benchmarks: the
// same tags, JSON names in paths, our custom tags as no-ops, so only the
// standard tags (required, max, min, omitempty, dive) do work.
func plainValidator(b *testing.B) *validator.Validate {
	plain := validator.New(validator.WithRequiredStructEnabled())
	plain.RegisterTagNameFunc(jsonName)
	noop := func(validator.FieldLevel) bool { return true }
	for _, tag := range []string{TagResidentID, TagUSCC, TagOrgCode, TagMobile, TagLandline, TagPhone, TagEmail, TagDomain, TagHomeURL, TagProvince, TagNature, TagCertType, TagCertNumber, TagPreApproval, TagStatus} {
		if err := plain.RegisterValidation(tag, noop); err != nil {
			b.Fatal(err)
		}
	}
	return plain
}

// BenchmarkValidateVsBaselines measures Validate of the valid filing of
// BenchmarkValidate (1 subject + 3 websites) against its two baselines in
// the same run, in interleaved blocks so that the load of a shared machine
// falls on all three alike:
//
//   - json: json.Unmarshal of the same filing from its JSON encoding
//     (target: Validate ≤ 1.5× json);
//   - plain: a plain validator/v10 walk of the same normalised structs with
//     our custom tags as no-ops (BenchmarkValidatorStructPlain).
//
// It reports the median per-call time of each over the blocks and the
// medians of the per-block ratios validate/json and validate/plain.
func BenchmarkValidateVsBaselines(b *testing.B) {
	f := validFiling(b)
	v, err := NewValidator(WithNow(fixedNow))
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(f)
	if err != nil {
		b.Fatal(err)
	}
	plain, norm := plainValidator(b), NormalizeFiling(f)
	const block = 32
	var valNs, jsonNs, plainNs, rJSON, rPlain []float64
	for b.Loop() {
		t0 := time.Now()
		for range block {
			if err := v.Validate(f); err != nil {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		for range block {
			var g Filing
			if err := json.Unmarshal(data, &g); err != nil {
				b.Fatal(err)
			}
		}
		t2 := time.Now()
		for range block {
			if err := plain.Struct(norm); err != nil {
				b.Fatal(err)
			}
		}
		t3 := time.Now()
		vn, jn, pn := float64(t1.Sub(t0))/block, float64(t2.Sub(t1))/block, float64(t3.Sub(t2))/block
		valNs, jsonNs, plainNs = append(valNs, vn), append(jsonNs, jn), append(plainNs, pn)
		rJSON, rPlain = append(rJSON, vn/jn), append(rPlain, vn/pn)
	}
	b.ReportMetric(medianOf(valNs), "validate-ns/op")
	b.ReportMetric(medianOf(jsonNs), "json-ns/op")
	b.ReportMetric(medianOf(plainNs), "plain-ns/op")
	b.ReportMetric(medianOf(rJSON), "validate/json")
	b.ReportMetric(medianOf(rPlain), "validate/plain")
}

func medianOf(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	x = slices.Clone(x)
	slices.Sort(x)
	return x[len(x)/2]
}
