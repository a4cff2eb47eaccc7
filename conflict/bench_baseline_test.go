package conflict

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/domain"

	"github.com/beiankit/beian/filing"
	"golang.org/x/net/publicsuffix"
)

// Baselines measured in the same run as the index: what a caller gets from
// plain Go maps, with encoding/json and the public normalisers of package
// filing, for the same input.

// genJSONL returns the JSONL export (json.Encoder, one record a line) of n
// generated subjects.
func genJSONL(n int) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for r := range genRecords(n) {
		if err := enc.Encode(r); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
}

// plainMaps is the baseline of a bulk load: three maps (certificate,
// subject number, domain → ordinal) built from the records as they come,
// keys as typed.
type plainMaps struct {
	cert, num, dom map[string]int32
}

func newPlainMaps(subjects, websites int) *plainMaps {
	return &plainMaps{
		cert: make(map[string]int32, subjects),
		num:  make(map[string]int32, subjects),
		dom:  make(map[string]int32, websites),
	}
}

func (m *plainMaps) add(i int32, r *Record) {
	m.cert[string(r.Subject.CertType)+"\x00"+r.Subject.CertNumber.Raw()] = i
	if r.Subject.Number != "" {
		m.num[r.Subject.Number] = i
	}
	for _, w := range r.Websites {
		for _, d := range w.Domains {
			m.dom[d] = i
		}
	}
}

// loadPlainMaps reads JSONL with bufio.Scanner and encoding/json, one
// goroutine, into plain maps.
func loadPlainMaps(r io.Reader, subjects, websites int) (*plainMaps, error) {
	m := newPlainMaps(subjects, websites)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var i int32
	for sc.Scan() {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		m.add(i, &rec)
		i++
	}
	return m, sc.Err()
}

// plainCheckIndex is the baseline of Check: the registrable domains and the
// certificates of the records in plain maps, looked up with the filing's
// keys normalised by the public functions of package filing.
type plainCheckIndex struct {
	cert map[string]int32 // cert type + "\x00" + canonical certificate number
	dom  map[string]int32 // registrable domain, lower-case A-label
}

// plainHit is what the baseline returns for a conflict: the blocking
// ordinal and the field, no guidance.
type plainHit struct {
	path  string
	owner int32
}

func newPlainCheckIndex(recs []Record) *plainCheckIndex {
	ix := &plainCheckIndex{cert: map[string]int32{}, dom: map[string]int32{}}
	for i := range recs {
		r := &recs[i]
		ix.cert[string(r.Subject.CertType)+"\x00"+certKey(r.Subject.CertType, r.Subject.CertNumber.Raw())] = int32(i)
		for _, w := range r.Websites {
			for _, d := range w.Domains {
				n, err := domain.NormalizeDomain(d)
				if err != nil {
					panic(err)
				}
				reg, err := publicsuffix.EffectiveTLDPlusOne(n)
				if err != nil {
					panic(err)
				}
				ix.dom[reg] = int32(i)
			}
		}
	}
	return ix
}

func (ix *plainCheckIndex) check(f *filing.Filing) ([]plainHit, error) {
	var hits []plainHit
	c, err := certno.NormalizeCertNumber(f.Subject.CertType, f.Subject.CertNumber.Raw())
	if err != nil {
		return nil, err
	}
	if o, ok := ix.cert[string(f.Subject.CertType)+"\x00"+c.Raw()]; ok {
		hits = append(hits, plainHit{"subject.cert_number", o})
	}
	for i := range f.Websites {
		for j, d := range f.Websites[i].Domains {
			n, err := domain.NormalizeDomain(d)
			if err != nil {
				return nil, err
			}
			reg, err := publicsuffix.EffectiveTLDPlusOne(n)
			if err != nil {
				return nil, err
			}
			if o, ok := ix.dom[reg]; ok {
				hits = append(hits, plainHit{domainPath(i, j), o})
			}
		}
	}
	return hits, nil
}

var benchPlainCheck = sync.OnceValue(func() *plainCheckIndex {
	var recs []Record
	for r := range genRecords(30000) {
		recs = append(recs, r)
	}
	return newPlainCheckIndex(recs)
})

// BenchmarkCheckPlainMaps is the baseline of BenchmarkCheck: the same
// filings' keys normalised and looked up in plain maps (conflict: the
// filings that meet a filed domain; clean: the others).
func BenchmarkCheckPlainMaps(b *testing.B) {
	ix := benchPlainCheck()
	fs := checkFilings(30000, 1024)
	for _, c := range []struct {
		name string
		odd  int
	}{{"conflict", 0}, {"clean", 1}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := c.odd
			for b.Loop() {
				hits, err := ix.check(fs[i%len(fs)])
				if err != nil || (len(hits) == 0) != (c.odd == 1) {
					b.Fatal(hits, err)
				}
				i += 2
			}
		})
	}
}

// BenchmarkCheckVsPlainMaps alternates blocks of 64 Checks and 64
// plain-maps lookups of the same filings (conflict: filings that meet a
// filed domain; clean: the others) and reports the median time of each
// and the median ratio of neighbouring blocks: on a shared machine whose
// speed swings from one second to the next, the ratio holds where the
// times do not.
func BenchmarkCheckVsPlainMaps(b *testing.B) {
	ix, plain := benchIndex(), benchPlainCheck()
	fs := checkFilings(30000, 1024)
	const block = 64
	for _, c := range []struct {
		name string
		odd  int
	}{{"conflict", 0}, {"clean", 1}} {
		b.Run(c.name, func(b *testing.B) {
			var checkNs, plainNs, ratios []float64
			i := c.odd
			for b.Loop() {
				t0 := time.Now()
				for k := range block {
					if _, err := ix.Check(fs[(i+2*k)%len(fs)]); err != nil {
						b.Fatal(err)
					}
				}
				t1 := time.Now()
				for k := range block {
					if _, err := plain.check(fs[(i+2*k)%len(fs)]); err != nil {
						b.Fatal(err)
					}
				}
				t2 := time.Now()
				ck, pl := float64(t1.Sub(t0))/block, float64(t2.Sub(t1))/block
				checkNs, plainNs, ratios = append(checkNs, ck), append(plainNs, pl), append(ratios, ck/pl)
				i += 2 * block
			}
			b.ReportMetric(median(checkNs), "check-ns/op")
			b.ReportMetric(median(plainNs), "plain-ns/op")
			b.ReportMetric(median(ratios), "ratio")
		})
	}
}

func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	slices.Sort(x)
	return x[len(x)/2]
}
