package conflict

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/beiankit/beian/filing"
)

func TestLoadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"subject":{"number":"黔ICP备1500041X号","province":"52","name":"贵州示例科技有限公司","nature":"企业","cert_type":"business_licence","cert_number":"91350100M000100Y43"},"websites":[{"number":"黔ICP备1500041X号-1","name":"示例网","domains":["example.com"],"ips":["1.2.3.4"]}]}`,
		``,
		`{"subject":{"number":"京ICP备2021033841号","province":"11","name":"他人","cert_type":"工商营业执照","cert_number":"9144030071526726XG"},"websites":[{"number":"京ICP备2021033841号-1","name":"他人网","domains":["other.cn"]}]}`,
	}, "\n")
	ix := New()
	n, err := ix.LoadJSONL(strings.NewReader(in))
	if err != nil || n != 2 {
		t.Fatalf("n=%d err=%v", n, err)
	}
	if s, w := ix.Len(); s != 2 || w != 2 {
		t.Errorf("Len = %d, %d", s, w)
	}
	r, err := ix.Lookup("京ICP备2021033841号")
	if err != nil || r.Subject.CertType != filing.CertBusinessLicence {
		t.Errorf("Chinese certificate type name not decoded: %+v %v", r.Subject, err)
	}

	// Errors name the line: a JSON error on line 3, a bad record on line 2.
	bad := "{\"subject\":{\"number\":\"黔ICP备1号\",\"province\":\"52\",\"name\":\"a\",\"cert_type\":\"business_licence\",\"cert_number\":\"" + certE + "\"}}\n" +
		"{\"subject\":{\"number\":\"黔ICP备2号\",\"province\":\"99\",\"name\":\"b\",\"cert_type\":\"business_licence\",\"cert_number\":\"" + certF + "\"}}\n{oops\n"
	ix = New()
	n, err = ix.LoadJSONL(strings.NewReader(bad))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrBadRecord) || e.Line != 2 || n != 1 || !errors.Is(err, CodeProvinceUnknown) {
		t.Errorf("n=%d err=%v", n, err)
	}
	ix = New()
	n, err = ix.LoadJSONL(strings.NewReader(strings.Replace(bad, `"99"`, `"52"`, 1)))
	if !errors.As(err, &e) || !errors.Is(err, ErrBadInput) || e.Line != 3 || n != 2 {
		t.Errorf("n=%d err=%v", n, err)
	}
	// The iterator form stops at the bad line too.
	count := 0
	for _, err := range JSONL(strings.NewReader(in + "\n[1,2]")) {
		if err != nil {
			if !errors.As(err, &e) || e.Line != 4 {
				t.Errorf("JSONL error %v", err)
			}
			break
		}
		count++
	}
	if count != 2 {
		t.Errorf("JSONL yielded %d records", count)
	}
}

// TestIndexSmallScale loads 50 000 generated websites (the small version of
// the scale benchmark) and checks every one of them from a stranger's
// filing.
func TestIndexSmallScale(t *testing.T) {
	const subjects = 30000
	ix := New()
	n, err := ix.Load(genRecords(subjects))
	if err != nil || n != subjects {
		t.Fatalf("n=%d err=%v", n, err)
	}
	if s, w := ix.Len(); s != subjects || w != genSites(subjects) {
		t.Fatalf("Len = %d, %d, want %d, %d", s, w, subjects, genSites(subjects))
	}
	stranger := newFiling("52")
	site := 0
	for i := range subjects {
		r, next := genRecord(i, site)
		for k := range r.Websites {
			stranger.Websites[0].Domains = []string{"www." + genDomain(site+k)}
			cs, err := ix.Check(stranger)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 1 || cs[0].Blocking.WebsiteNumber != r.Websites[k].Number {
				t.Fatalf("subject %d website %d: %+v", i, k, cs)
			}
			want := KindDomainOtherProvince
			if r.Subject.Province == "52" {
				want = KindDomainSameProvince
			}
			if cs[0].Kind != want {
				t.Fatalf("kind %s, want %s", cs[0].Kind, want)
			}
		}
		site = next
	}
	// The owner's change filing never conflicts.
	r, _ := genRecord(12, genSites(12))
	own := &filing.Filing{Subject: filing.Subject{Number: r.Subject.Number, Province: r.Subject.Province, CertType: r.Subject.CertType, CertNumber: r.Subject.CertNumber}}
	for _, w := range r.Websites {
		own.Websites = append(own.Websites, filing.Website{Service: filing.Service{Number: w.Number}, Domains: w.Domains})
	}
	if cs, err := ix.Check(own); err != nil || len(cs) != 0 {
		t.Errorf("own change: %v %v", cs, err)
	}
	// Public query: the common name finds only approved websites.
	res, err := ix.Query(Query{By: ByWebsiteName, Value: "个人博客", Limit: 1})
	if err != nil || res.Total == 0 || res.Total >= genSites(subjects)/10 {
		t.Errorf("common name: total %d, %v", res.Total, err)
	}
}

// TestIndexMatchesModel applies random Put/Remove operations and compares
// every domain lookup with a plain map model.
func TestIndexMatchesModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ix := New()
	model := map[int]Record{} // subject → record
	const subjects, domains = 200, 300
	for op := range 5000 {
		i := rng.IntN(subjects)
		switch rng.IntN(4) {
		case 0:
			if _, ok := model[i]; ok {
				err := ix.Remove(genSubjectNumber(i))
				if err != nil {
					t.Fatalf("op %d: %v", op, err)
				}
				delete(model, i)
			} else if err := ix.Remove(genSubjectNumber(i)); !errors.Is(err, ErrNotFound) {
				t.Fatalf("op %d: Remove of absent subject: %v", op, err)
			}
		default:
			ct, cn := genCert(i)
			r := Record{Subject: SubjectRecord{Number: genSubjectNumber(i), Province: provinceList[i%31].Code, Name: fmt.Sprint("s", i), CertType: ct, CertNumber: cn}}
			used := map[int]bool{}
			for k := range rng.IntN(4) {
				d := rng.IntN(domains)
				for used[d] {
					d = (d + 1) % domains
				}
				used[d] = true
				r.Websites = append(r.Websites, WebsiteRecord{
					Number:  fmt.Sprintf("%s-%d", r.Subject.Number, k+1),
					Domains: []string{fmt.Sprintf("d%d.cn", d)},
					IPs:     []netip.Addr{netip.AddrFrom4([4]byte{10, 0, 0, byte(rng.IntN(8))})},
				})
			}
			if err := ix.Put(r); err != nil {
				t.Fatalf("op %d: %v", op, err)
			}
			model[i] = r
		}
		if op%250 != 0 {
			continue
		}
		for d := range domains {
			dom := fmt.Sprintf("d%d.cn", d)
			want := map[string]bool{}
			for _, r := range model {
				for _, w := range r.Websites {
					if w.Domains[0] == dom {
						want[w.Number] = true
					}
				}
			}
			res, err := ix.Query(Query{By: ByDomain, Value: dom, Limit: 1000})
			if err != nil || res.Total != len(want) {
				t.Fatalf("op %d %s: total %d want %d (%v)", op, dom, res.Total, len(want), err)
			}
			for _, r := range res.Records {
				if !want[r.WebsiteNumber] {
					t.Fatalf("op %d %s: unexpected %s", op, dom, r.WebsiteNumber)
				}
			}
			// A stranger filing the domain meets every website that
			// holds it (Check reads the records through the chains'
			// head slots, Query through the entries).
			ct, cn := genCert(subjects + 1)
			cs, err := ix.Check(&filing.Filing{Subject: filing.Subject{Province: "52", Name: "x", CertType: ct, CertNumber: cn},
				Websites: []filing.Website{{Domains: []string{"www." + dom}}}})
			if err != nil || len(cs) != len(want) {
				t.Fatalf("op %d %s: %d conflicts, want %d (%v)", op, dom, len(cs), len(want), err)
			}
			for _, c := range cs {
				if !want[c.Blocking.WebsiteNumber] {
					t.Fatalf("op %d %s: conflict with %s", op, dom, c.Blocking.WebsiteNumber)
				}
			}
		}
		nw := 0
		for _, r := range model {
			nw += len(r.Websites)
		}
		if s, w := ix.Len(); s != len(model) || w != nw {
			t.Fatalf("op %d: Len %d,%d want %d,%d", op, s, w, len(model), nw)
		}
		// Every domain chain's head slot holds the record of its first
		// entry's subject; a free slot holds none.
		for i, sl := range ix.dom.head.slots {
			if sl.key == 0 {
				if sl.val != "" {
					t.Fatalf("op %d: free head slot %d holds a record", op, i)
				}
				continue
			}
			if s := ix.domOwner[uint32(sl.key)-1].subj; s == none || sl.val != ix.subj[s] {
				t.Fatalf("op %d: head slot %d: entry %d of subject %d does not hold its record", op, i, uint32(sl.key)-1, s)
			}
		}
	}
}

// TestConcurrentReadersOneWriter: a writer flips a subject between two
// versions (domains a/b ↔ c/d) while readers check all four domains; a
// reader must always see exactly one version, never half an update. Run
// with -race.
func TestConcurrentReadersOneWriter(t *testing.T) {
	ix := fixture(t)
	version := func(v int) Record {
		r := Record{Subject: SubjectRecord{Number: numB, Province: "11", Name: "翻转", CertType: filing.CertBusinessLicence, CertNumber: certB}}
		d := [][]string{{"flip-a.cn", "flip-b.cn"}, {"flip-c.cn", "flip-d.cn"}}[v]
		for k, dom := range d {
			r.Websites = append(r.Websites, WebsiteRecord{Number: fmt.Sprintf("%s-%d", numB, k+1), Domains: []string{dom}})
		}
		return r
	}
	if err := ix.Put(version(0)); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	var checks atomic.Int64
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := newFiling("52", "flip-a.cn")
			f.Websites = []filing.Website{{Domains: []string{"flip-a.cn"}}, {Domains: []string{"flip-b.cn"}}, {Domains: []string{"flip-c.cn"}}, {Domains: []string{"flip-d.cn"}}}
			for !stop.Load() {
				cs, err := ix.Check(f)
				if err != nil {
					errs <- err
					return
				}
				if len(cs) != 2 || !((cs[0].Domain == "flip-a.cn" && cs[1].Domain == "flip-b.cn") || (cs[0].Domain == "flip-c.cn" && cs[1].Domain == "flip-d.cn")) {
					errs <- fmt.Errorf("half an update: %+v", cs)
					return
				}
				if res, err := ix.Query(Query{By: ByNumber, Value: numB}); err != nil || res.Total != 2 {
					errs <- fmt.Errorf("query saw %d websites (%v)", res.Total, err)
					return
				}
				checks.Add(1)
			}
		}()
	}
	// At least 2000 updates, and more until a reader has run (on a busy
	// machine the writer can finish before the readers start).
	for i := 0; i < 2000 || (checks.Load() == 0 && i < 1_000_000); i++ {
		if err := ix.Put(version((i + 1) % 2)); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if checks.Load() == 0 {
		t.Error("readers never ran")
	}
}
