package conflict

import (
	"fmt"
	"hash/maphash"
	"net/netip"
	"reflect"
	"testing"

	"github.com/beiankit/beian/filing"
)

// TestPrepareIntoReuse: preparing records one after another into the same
// prepared (as the bulk load does with its recycled batches) gives what a
// fresh prepare gives, for records of every shape, bad ones included.
func TestPrepareIntoReuse(t *testing.T) {
	seed := maphash.MakeSeed()
	var recs []Record
	site := 0
	for i := range 300 {
		var r Record
		r, site = genRecord(i, site)
		recs = append(recs, r)
	}
	wide, _ := genRecord(3, 900000)
	for k := range 6 {
		wide.Websites = append(wide.Websites, WebsiteRecord{
			Number:  fmt.Sprintf("%s-%d", wide.Subject.Number, 10+k),
			Domains: []string{fmt.Sprintf("w%d.cn", k), fmt.Sprintf("m.w%d.cn", k), fmt.Sprintf("例子%d.中国", k)},
			IPs:     []netip.Addr{netip.AddrFrom4([4]byte{1, 2, 3, byte(k)}), netip.MustParseAddr("2001:db8::1"), netip.AddrFrom4([4]byte{1, 2, 3, byte(k)})},
		})
	}
	gone := recs[5]
	gone.Subject.Status = filing.StatusCancelled
	bad := recs[6]
	bad.Websites = append(append([]WebsiteRecord(nil), bad.Websites...), WebsiteRecord{Number: "京ICP备1号-1", Domains: []string{"com.cn", "a.cn", "A.CN"}, IPs: []netip.Addr{{}}})
	skipped := recs[9]
	skipped.Websites = append([]WebsiteRecord{{Name: "草稿", Domains: []string{"draft.cn"}, Status: filing.StatusDraft}}, skipped.Websites...)
	order := []Record{wide, recs[1], gone, recs[0], bad, recs[3], wide, skipped, recs[2], {}, wide}
	order = append(order, recs...)

	var reused prepared
	for i := range order {
		want, wantDrop, wantErr := prepare(&order[i], seed)
		drop, err := prepareInto(&reused, &order[i], seed)
		// %+v prints nil and empty slices alike, and every field.
		if got, w := fmt.Sprintf("%+v", reused), fmt.Sprintf("%+v", want); got != w || drop != wantDrop || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("record %d: reused\n%s %v %v\nfresh\n%s %v %v", i, got, drop, err, w, wantDrop, wantErr)
		}
	}
}

// TestLoadRecycledBatches: a load of many batches, in which later records
// replace or remove earlier ones, builds the same index as Put of every
// record in turn.
func TestLoadRecycledBatches(t *testing.T) {
	const subjects = 6000 // 24 batches
	var recs []Record
	site := 0
	for i := range subjects {
		var r Record
		r, site = genRecord(i, site)
		recs = append(recs, r)
	}
	for i := 0; i < subjects; i += 7 { // replacements, with other domains
		r, _ := genRecord(i, 1_000_000+i*3)
		if i%5 == 0 {
			r.Subject.Status = filing.StatusCancelled // removes the subject
		}
		recs = append(recs, r)
	}
	loaded, put := New(), New()
	if n, err := loaded.LoadSlice(recs); err != nil || n != len(recs) {
		t.Fatalf("LoadSlice: %d %v", n, err)
	}
	for _, r := range recs {
		if err := put.Put(r); err != nil {
			t.Fatal(err)
		}
	}
	ls, lw := loaded.Len()
	ps, pw := put.Len()
	if ls != ps || lw != pw {
		t.Fatalf("Len: loaded %d, %d; put %d, %d", ls, lw, ps, pw)
	}
	for i := range subjects {
		ct, cn := genCert(i)
		a, errA := loaded.LookupCert(ct, cn)
		b, errB := put.LookupCert(ct, cn)
		if !reflect.DeepEqual(a, b) || fmt.Sprint(errA) != fmt.Sprint(errB) {
			t.Fatalf("subject %d: loaded %+v %v, put %+v %v", i, a, errA, b, errB)
		}
	}
	for _, r := range recs[subjects-50:] {
		for _, w := range r.Websites {
			qa, _ := loaded.Query(Query{By: ByDomain, Value: w.Domains[0]})
			qb, _ := put.Query(Query{By: ByDomain, Value: w.Domains[0]})
			if !reflect.DeepEqual(qa, qb) {
				t.Fatalf("%s: loaded %+v, put %+v", w.Domains[0], qa, qb)
			}
		}
	}
}
