package filing

import (
	"testing"

	"github.com/go-playground/validator/v10"
)

// BenchmarkValidate validates a valid filing of one subject with three
// websites: normalisation, the validator/v10 walk with our tags, and the
// cross rules.
func BenchmarkValidate(b *testing.B) {
	f := validFiling(b)
	v, err := NewValidator(WithNow(fixedNow))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Validate(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateBroken validates a filing with eight problems.
func BenchmarkValidateBroken(b *testing.B) {
	f := validFiling(b)
	f.Subject.CertNumber = "91520000214434146A"
	f.Subject.Principal.Email = ""
	f.Websites[0].Domains = []string{"example.org"}
	f.Websites[1].HomeURL = "javascript:alert(1)"
	f.Websites[2].HomeURL = "http://www.other.cn/"
	v, err := NewValidator(WithNow(fixedNow))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Validate(f); err == nil {
			b.Fatal("no problems")
		}
	}
}

// BenchmarkValidatorStructPlain is the baseline of BenchmarkValidate: a
// plain validator.Struct walk of the same (normalised) structs with the same
// tags, where our custom tags are no-ops, so only the standard tags
// (required, max, min, omitempty, dive) do work. No normalisation, no cross
// rules.
func BenchmarkValidatorStructPlain(b *testing.B) {
	plain := validator.New(validator.WithRequiredStructEnabled())
	plain.RegisterTagNameFunc(jsonName)
	noop := func(validator.FieldLevel) bool { return true }
	for _, tag := range []string{TagResidentID, TagUSCC, TagOrgCode, TagMobile, TagLandline, TagPhone, TagEmail, TagDomain, TagHomeURL, TagProvince, TagNature, TagCertType, TagCertNumber, TagPreApproval, TagStatus} {
		if err := plain.RegisterValidation(tag, noop); err != nil {
			b.Fatal(err)
		}
	}
	f := NormalizeFiling(validFiling(b))
	b.ReportAllocs()
	for b.Loop() {
		if err := plain.Struct(f); err != nil {
			b.Fatal(err)
		}
	}
}
