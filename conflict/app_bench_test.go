package conflict

import (
	"flag"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

var scaleApps = flag.Bool("scale.apps", false, "run BenchmarkAppIndexScale: 1 000 000 apps beside the 5 000 000 websites of -scale.subjects subjects (heap per app, clean app Check)")

// genApps gives subject i of a generated record set an app when i%3 == 1
// (3 000 000 subjects → 1 000 000 apps): Android and iOS identifiers of
// their own, a name shared by one app in ten ("记账本"); every 10th is a
// mini-program. The app takes the suffix after the subject's websites.
func genApps(i int, r *Record) {
	if i%3 != 1 {
		return
	}
	a := AppRecord{Kind: filing.AppKindApp, Name: fmt.Sprintf("应用%d", i), Status: r.Subject.Status,
		Platforms: []AppPlatformRecord{
			{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.gen%d.app", i)},
			{Platform: filing.PlatformIOS, Identifier: fmt.Sprintf("cn.gen%d.App-iOS", i)},
		}}
	if i%10 == 4 {
		a.Name = "记账本"
	}
	if i%30 == 1 {
		a.Kind, a.Platforms = filing.AppKindMiniProgram, nil
	}
	if r.Subject.Number != "" {
		a.Number = fmt.Sprintf("%s-%d%s", r.Subject.Number, len(r.Websites)+1, a.Kind.Letter())
	}
	r.Apps = append(r.Apps, a)
}

// appCheckFilings returns stranger filings of one app (Android and iOS);
// odd ones are clean, even ones meet a generated identifier.
func appCheckFilings(subjects, n int) []*filing.Filing {
	out := make([]*filing.Filing, n)
	for k := range out {
		ct, cn := genCert(subjects + k)
		android, ios := fmt.Sprintf("cn.fresh%d.app", k), fmt.Sprintf("cn.fresh%d.ios", k)
		if k%2 == 0 {
			i := (k*7919)%(subjects/3)*3 + 1
			if i%30 == 1 { // a mini-program: no identifiers
				i += 3
			}
			android = fmt.Sprintf("cn.gen%d.app", i)
		}
		out[k] = &filing.Filing{
			Subject: filing.Subject{Province: provinceList[k%31].Code, Name: "申请单位", CertType: ct, CertNumber: cn},
			Apps: []filing.App{{
				Kind: filing.AppKindApp,
				Service: filing.Service{
					Name: fmt.Sprintf("新应用%d", k),
				},
				Platforms: []filing.AppPlatform{
					{Platform: filing.PlatformAndroid, Identifier: android},
					{Platform: filing.PlatformIOS, Identifier: ios},
				},
			}},
		}
	}
	return out
}

var appBenchIndex = sync.OnceValue(func() *Index {
	ix := New()
	recs := make([]Record, 0, 30000)
	site := 0
	for i := range 30000 {
		var r Record
		r, site = genRecord(i, site)
		genApps(i, &r)
		recs = append(recs, r)
	}
	if _, err := ix.LoadSlice(recs); err != nil {
		panic(err)
	}
	return ix
})

// BenchmarkCheckApp: Check of a stranger's app filing (Android + iOS) that
// is clean or meets an identifier on file, beside Check of a clean website
// filing in the same run (the ratio to report).
func BenchmarkCheckApp(b *testing.B) {
	ix := appBenchIndex()
	apps := appCheckFilings(30000, 1024)
	sites := checkFilings(30000, 1024)
	for _, c := range []struct {
		name string
		fs   []*filing.Filing
		odd  int
	}{{"website-clean", sites, 1}, {"app-clean", apps, 1}, {"app-conflict", apps, 0}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := c.odd
			for b.Loop() {
				cs, err := ix.Check(c.fs[i%len(c.fs)])
				if err != nil || (c.odd == 1) != (len(cs) == 0) {
					b.Fatal(err, cs)
				}
				i += 2
			}
		})
	}
}

// BenchmarkQueryAppName: the public query by app name.
func BenchmarkQueryAppName(b *testing.B) {
	ix := appBenchIndex()
	b.ReportAllocs()
	i := 1
	for b.Loop() {
		if _, err := ix.Query(Query{By: ByAppName, Value: fmt.Sprintf("应用%d", i%30000/3*3+1)}); err != nil {
			b.Fatal(err)
		}
		i += 3
	}
}

// BenchmarkAppIndexScale measures the app table at national scale: the
// -scale.subjects subjects (3 000 000 by default, 5 000 000 websites) are
// loaded once without apps and once with an app for every third subject
// (1 000 000 apps), each index alone in memory; the difference of their
// heaps after GC per app is reported (B/app; target ≤ 150), and Check of
// clean app filings (ns/app-check-p50; target ≤ 2 µs) beside clean website
// filings in the same run (app/site). Run with
//
//	go test ./conflict -run '^$' -bench AppIndexScale -benchtime 1x -timeout 30m -scale.apps
func BenchmarkAppIndexScale(b *testing.B) {
	if !*scaleApps {
		b.Skip("national-scale app run: pass -scale.apps (about 3 GB of memory, a minute or two)")
	}
	n := *scaleSubjects
	heapOf := func(withApps bool) (*Index, int64, int, time.Duration) {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		ix := New(WithCapacity(n, genSites(n)))
		apps := 0
		start := time.Now()
		_, err := ix.Load(func(yield func(Record, error) bool) {
			site := 0
			for i := range n {
				var r Record
				r, site = genRecord(i, site)
				if withApps {
					genApps(i, &r)
					apps += len(r.Apps)
				}
				if !yield(r, nil) {
					return
				}
			}
		})
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&m1)
		return ix, int64(m1.HeapAlloc) - int64(m0.HeapAlloc), apps, d
	}
	ix, plain, _, plainLoad := heapOf(false)
	ix = nil
	ix, with, apps, appsLoad := heapOf(true)
	perApp := float64(with-plain) / float64(apps)
	b.Logf("%d websites: index %d MiB without apps (load %v), %d MiB with %d apps (load %v): %.0f B/app (HeapAlloc after GC, difference)",
		genSites(n), plain>>20, plainLoad.Round(time.Millisecond), with>>20, apps, appsLoad.Round(time.Millisecond), perApp)

	appFs, siteFs := appCheckFilings(n, 4096), checkFilings(n, 4096)
	measure := func(fs []*filing.Filing) time.Duration {
		var d []time.Duration
		for round := range 20 {
			for k := 1; k < len(fs); k += 2 {
				t0 := time.Now()
				if _, err := ix.Check(fs[k]); err != nil {
					b.Fatal(err)
				}
				if round > 0 {
					d = append(d, time.Since(t0))
				}
			}
		}
		slices.Sort(d)
		return d[len(d)/2]
	}
	var appP50, siteP50 time.Duration
	for b.Loop() {
		siteP50 = measure(siteFs)
		appP50 = measure(appFs)
	}
	b.ReportMetric(perApp, "B/app")
	b.ReportMetric(float64(appP50.Nanoseconds()), "ns/app-check-p50")
	b.ReportMetric(float64(siteP50.Nanoseconds()), "ns/site-check-p50")
	b.ReportMetric(float64(appP50)/float64(siteP50), "app/site")
	b.Logf("clean Check p50: app filing %v, website filing %v (%.2fx)", appP50, siteP50, float64(appP50)/float64(siteP50))
}
