package filing

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
)

func FuzzValidate(f *testing.F) {
	for _, fil := range []*Filing{validFiling(f), validIndividual(f), {}} {
		b, _ := json.Marshal(fil)
		f.Add(b)
	}
	f.Add([]byte(`{"subject":{"province":"江西","name":"张三","nature":"个人","cert_type":"居民身份证"},"websites":[{"domains":["例子.中国","xn--fsqu00a.xn--fiqs8s"],"home_url":"javascript:x"}]}`))
	v, err := NewValidator(WithNow(fixedNow))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var fil Filing
		if json.Unmarshal(data, &fil) != nil {
			return
		}
		err := v.Validate(&fil)
		if err == nil {
			return
		}
		var ve *ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) == 0 {
			t.Fatalf("Validate returned %T %v", err, err)
		}
		for _, p := range ve.Problems {
			if p.Code == "" || p.Zh == "" || p.En == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
		}
		// Validating the normalised form finds the same problems.
		again := v.Validate(NormalizeFiling(&fil))
		var ve2 *ValidationError
		if !errors.As(again, &ve2) || !slices.Equal(pathCodes(ve.Problems), pathCodes(ve2.Problems)) {
			t.Fatalf("normalised filing validates differently:\n%v\n%v", err, again)
		}
	})
}
