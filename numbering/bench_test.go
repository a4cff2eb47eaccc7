package numbering_test

import (
	"context"
	"testing"
	"time"

	"github.com/beiankit/beian/numbering"
)

var sinkNumber numbering.Number
var sinkString string

func BenchmarkParse(b *testing.B) {
	for _, c := range []struct{ name, in string }{
		{"filing_old", "京ICP备05002571号"},
		{"filing_site", "粤ICP备2021012345号-3"},
		{"filing_app", "浙ICP备2024071295号-2A"},
		{"licence", "京ICP证030173号"},
		{"telecom", "A2.B1.B2-20090003"},
		{"public_security", "京公网安备11010502030143号"},
		{"messy", "\u3000京ＩＣＰ备 ０５００２５７１ 号 － 1 "},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, err := numbering.Parse(c.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkNumber = n
			}
		})
	}
}

// BenchmarkParsePublicSecurity: the one public-security parser with its
// R-87 warnings, for a current number (area code looked up, no warning), an
// older form (one warning) and a number whose area code is unknown.
func BenchmarkParsePublicSecurity(b *testing.B) {
	for _, c := range []struct{ name, in string }{
		{"current", "京公网安备11010802035340号"},
		{"fullwidth", "京公网安备１１０１０８０２０３５３４０号"},
		{"legacy", "浙备3301000000001号"},
		{"area_unknown", "京公网安备99999902000001号"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, _, err := numbering.ParsePublicSecurity(c.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkNumber = n
			}
		})
	}
}

func BenchmarkParseError(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := numbering.Parse("京ICP备05002571号-007"); err == nil {
			b.Fatal("no error")
		}
	}
}

func BenchmarkString(b *testing.B) {
	for _, in := range []string{"粤ICP备2021012345号-3", "京公网安备11010502030143号", "A2.B1.B2-20090003"} {
		n, err := numbering.Parse(in)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(n.Kind().String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkString = n.String()
			}
		})
	}
}

func BenchmarkFind(b *testing.B) {
	text := `<div class="footer">©mi.com 京ICP证110507号 京ICP备10046444号 京公网安备11010802020134号 京网文[2014]0059-0009号 <br />违法和不良信息举报电话：185-0130-1238，本网站所列数据，除特殊说明，所有数据均出自我司实验室测试</div>`
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(numbering.Find(text)) != 3 {
			b.Fatal("wrong count")
		}
	}
}

// BenchmarkAllocateSubject: one goroutine issuing subject numbers from the
// in-memory store, spread over 31 provinces (target ≥ 5 000 000 numbers/s).
func BenchmarkAllocateSubject(b *testing.B) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	codes := []string{"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
	instants := yearInstants()
	b.ReportAllocs()
	i := 0
	start := time.Now()
	for b.Loop() {
		n, err := a.NextSubject(ctx, codes[i%len(codes)], instants[(i/len(codes))%len(instants)])
		if err != nil {
			b.Fatal(err)
		}
		sinkNumber = n
		i++
	}
	b.ReportMetric(float64(i)/time.Since(start).Seconds(), "numbers/s")
}

// BenchmarkAllocateService: one goroutine issuing service suffixes under
// 1000 subjects.
func BenchmarkAllocateService(b *testing.B) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	subjects := make([]numbering.Number, 1000)
	for i := range subjects {
		var err error
		if subjects[i], err = numbering.NewFilingNumber("44", 2026, i+1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	i := 0
	start := time.Now()
	for b.Loop() {
		n, err := a.NextService(ctx, subjects[i%len(subjects)], numbering.ServiceWebsite)
		if err != nil {
			b.Fatal(err)
		}
		sinkNumber = n
		i++
	}
	b.ReportMetric(float64(i)/time.Since(start).Seconds(), "numbers/s")
}

// BenchmarkAllocateParallel: every goroutine issuing subject numbers.
func BenchmarkAllocateParallel(b *testing.B) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	codes := []string{"11", "31", "44", "52", "33", "32", "51", "37"}
	instants := yearInstants()
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := a.NextSubject(ctx, codes[i%len(codes)], instants[(i/len(codes))%len(instants)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "numbers/s")
}

// yearInstants returns one instant in each year 2000..2099, so that a long
// benchmark run spreads over many province-years instead of exhausting one.
func yearInstants() []time.Time {
	var out []time.Time
	for y := numbering.MinYear; y <= numbering.MaxYear; y++ {
		out = append(out, time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}
