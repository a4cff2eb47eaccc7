package change_test

import (
	"encoding/json"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

// FuzzDiff decodes two filings from JSON and diffs and checks them: no
// panic, a filing never differs from itself, and every change names a path.
func FuzzDiff(f *testing.F) {
	old := filed(f, "52")
	b, _ := json.Marshal(old)
	nw := clone(old)
	nw.Websites[0].Domains = append(nw.Websites[0].Domains, "new.cn")
	c, _ := json.Marshal(nw)
	f.Add(b, c)
	f.Add(b, b)
	f.Add([]byte(`{"subject":{"province":"37"},"websites":[{"number":"x"}]}`), []byte(`{"websites":[{"number":"x","domains":["a.cn"]},{"domains":["b.cn"]}]}`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var x, y filing.Filing
		if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
			return
		}
		set, err := change.Diff(&x, &y)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range set.Changes {
			if c.Path == "" || c.Op == "" || c.Area == "" {
				t.Fatalf("incomplete change %+v", c)
			}
		}
		_, _ = change.CheckSet(set, &x, &y, change.Options{})
		self, _ := change.Diff(&x, &x)
		if !self.Empty() {
			t.Fatalf("a filing differs from itself: %+v", self.Changes)
		}
	})
}
