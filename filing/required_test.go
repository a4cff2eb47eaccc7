package filing

import (
	"errors"
	"testing"
)

// TestR04_RequiredFields: a website filing carries the website's data, its
// responsible person's certificate and contact details. Each case
// blanks one field of a valid filing (whitespace counts as blank: it is
// trimmed by the normalisation) and expects filing.required at that path,
// with the field's Chinese label in the message. The face-verification photo
// and the signed verification form (真实性核验单) are materials, not fields:
// the lifecycle tracks the form's arrival (ActionFormReceived, R-15).
func TestR04_RequiredFields(t *testing.T) {
	for _, tc := range []struct {
		path  string
		blank func(f *Filing)
	}{
		{"websites[0].name", func(f *Filing) { f.Websites[0].Name = "" }},
		{"websites[0].name", func(f *Filing) { f.Websites[0].Name = " \u3000 " }}, // full-width space only
		{"websites[0].domains", func(f *Filing) { f.Websites[0].Domains = nil }},
		{"websites[0].home_url", func(f *Filing) { f.Websites[0].HomeURL = "" }},
		{"websites[0].principal.name", func(f *Filing) { f.Websites[0].Principal.Name = "" }},
		{"websites[0].principal.cert_type", func(f *Filing) { f.Websites[0].Principal.CertType = "" }},
		{"websites[0].principal.cert_number", func(f *Filing) { f.Websites[0].Principal.CertNumber = "" }},
		{"websites[0].principal.mobile", func(f *Filing) { f.Websites[0].Principal.Mobile = "" }},
		{"websites[0].principal.email", func(f *Filing) { f.Websites[0].Principal.Email = "  " }},
		{"subject.name", func(f *Filing) { f.Subject.Name = "" }},
		{"subject.address", func(f *Filing) { f.Subject.Address = "" }},
		{"subject.principal.mobile", func(f *Filing) { f.Subject.Principal.Mobile = "" }},
	} {
		t.Run(tc.path, func(t *testing.T) {
			f := validFiling(t)
			tc.blank(f)
			err := validateAt(f)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate = %v, want a *ValidationError", err)
			}
			var found *Problem
			for _, p := range ve.At(tc.path) {
				if p.Code == CodeRequired {
					found = p
				}
			}
			if found == nil {
				t.Fatalf("no %s at %s in %v", CodeRequired, tc.path, err)
			}
			if found.Rule != "R-04" || found.Label == "" || found.Zh != "请填写“"+found.Label+"”" {
				t.Errorf("problem %+v: want rule R-04 and a message naming the label", found)
			}
		})
	}
}
