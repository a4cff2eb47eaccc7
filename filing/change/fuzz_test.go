package change_test

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

// FuzzDiff decodes two filings from JSON and diffs and checks them: no
// panic, a filing differs from itself only by its websites without a
// number (each an addition, as Diff documents), and every change names a
// path.
func FuzzDiff(f *testing.F) {
	old := filed(f, "52")
	b, _ := json.Marshal(old)
	nw := clone(old)
	nw.Websites[0].Domains = append(nw.Websites[0].Domains, "new.cn")
	c, _ := json.Marshal(nw)
	f.Add(b, c)
	f.Add(b, b)
	f.Add([]byte(`{"subject":{"province":"37"},"websites":[{"number":"x"}]}`), []byte(`{"websites":[{"number":"x","domains":["a.cn"]},{"domains":["b.cn"]}]}`))
	f.Add([]byte(`{"websites":[{"number":"x-1","name":"a"},{"number":"x-1","name":"b"},{"name":"c"}]}`), b)
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
		var want []change.Change
		for i, w := range x.Websites {
			if w.Number == "" {
				want = append(want, change.Change{Path: "websites[" + strconv.Itoa(i) + "]", Label: "网站", Op: change.OpAdded, Area: change.AreaWebsite, Website: i})
			}
		}
		if !reflect.DeepEqual(self.Changes, want) {
			t.Fatalf("a filing differs from itself: %+v", self.Changes)
		}
	})
}
