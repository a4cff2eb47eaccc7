package filing_test

import (
	"errors"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

// FuzzLoadProvinceRules: any input either loads or fails with
// CodeProvinceRulesInvalid, never panics; a loaded table survives its JSON
// round trip and answers every lookup the same afterwards.
func FuzzLoadProvinceRules(f *testing.F) {
	f.Add([]byte(`{"rules":[{"province":"42","kind":"shell_grace_days","value":30,"source":"x","checked":"2026-12-01"}]}`))
	f.Add([]byte(`{"rules":[{"province":"36","kind":"review_limit_days","value":15,"policy":"form_arrival","source":"x"}]}`))
	f.Add([]byte(`{"rules":[{"province":"*","kind":"change_subject_to_other","policy":"never","source":"x","design":true}]}`))
	f.Add([]byte(`{"rules":[{"province":"44","kind":"domain_holder","policy":"subject_or_legal_rep","source":"x","since":"2027-01-01"}]}`))
	f.Add([]byte(`{"rules":[{"province":"11","kind":"cert_min_months","off":true,"source":"x"}]}`))
	at := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := filing.LoadProvinceRules(data)
		if err != nil {
			if !errors.Is(err, filing.CodeProvinceRulesInvalid) {
				t.Fatalf("error %v is not rules.invalid", err)
			}
			return
		}
		b, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := filing.LoadProvinceRules(b)
		if err != nil {
			t.Fatalf("round trip: %v", err)
		}
		for _, row := range r.Rules() {
			a, okA := r.Lookup(row.Province, row.Kind, at)
			c, okC := back.Lookup(row.Province, row.Kind, at)
			if okA != okC || a.Value != c.Value || a.Policy != c.Policy || a.Source != c.Source {
				t.Fatalf("round trip changed %s %s: %+v %v / %+v %v", row.Province, row.Kind, a, okA, c, okC)
			}
		}
	})
}
