package shell

import (
	"context"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
)

// genAsOf is the classification instant of the generated national record
// set.
var genAsOf = time.Date(2026, 6, 1, 0, 0, 0, 0, calendar.Location())

// genPattern is the number of websites of subject i%6: 10 websites per 6
// subjects, so 6 000 000 subjects carry 10 000 000 websites; one subject in
// six has none (a shell subject).
var genPattern = [6]int{2, 0, 2, 1, 3, 2}

// genISPs are the ISPs of the generated access records.
var genISPs = [...]string{"中国电信", "中国联通", "中国移动", "阿里云", "腾讯云", "华为云", "西部数码", "天翼云"}

// genRecords is a deterministic source of the national record set: subject
// i, then its websites, in the JSONL format of ClassifyTypedStream or as
// StreamRecords. Websites (by a hash of their index) are: 70% served now,
// 12% with their only access cancelled 1-60 days ago (shells, websites at
// risk, R-17), 10% moved to a second ISP (an old access ended, a new one
// active), 5% never had access (approved 1-30 days ago), 3% cancelled.
type genRecords struct {
	subjects int
	times    []string    // RFC 3339 instants before genAsOf, by minutes back
	instants []time.Time // the same, parsed
	provs    []filing.Province
}

func newGen(subjects int) *genRecords {
	g := &genRecords{subjects: subjects, provs: filing.Provinces()}
	for m := range 90 * 24 * 4 { // quarter hours back over 90 days
		t := genAsOf.Add(-time.Duration(m+1) * 15 * time.Minute)
		g.times = append(g.times, t.Format(time.RFC3339))
		g.instants = append(g.instants, t)
	}
	return g
}

// websites returns the number of websites the generator produces.
func (g *genRecords) websites() int {
	n := 0
	for i := range g.subjects {
		n += genPattern[i%6]
	}
	return n
}

func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// site describes generated website j (global index) of subject i.
type genSite struct {
	status   filing.Status
	approved int                                // index into times
	acc      [2]struct{ isp, since, until int } // until -1: open
	nacc     int
}

func (g *genRecords) site(j int) genSite {
	h := mix(uint64(j) + 0x9e3779b97f4a7c15)
	r := int(h % 100)
	q := len(g.times)
	s := genSite{status: filing.StatusApproved}
	isp := int(h>>8) % len(genISPs)
	day := 4 * 24
	switch {
	case r < 70: // served now
		since := day*30 + int(h>>16)%(day*59)
		s.approved = since + 4
		s.acc[0] = struct{ isp, since, until int }{isp, since, -1}
		s.nacc = 1
	case r < 82: // only access cancelled 1..60 days ago
		until := int(h>>16) % (day * 60)
		since := min(until+day*20+int(h>>32)%day, q-1)
		s.approved = min(since+4, q-1)
		s.acc[0] = struct{ isp, since, until int }{isp, since, until}
		s.nacc = 1
		if r < 76 {
			s.status = filing.StatusAccessCancelled
		}
	case r < 92: // moved ISP: old access ended, new one active
		newSince := int(h>>16) % (day * 30)
		oldSince := min(newSince+day*30, q-1)
		s.approved = min(oldSince+4, q-1)
		s.acc[0] = struct{ isp, since, until int }{(isp + 1) % len(genISPs), oldSince, newSince}
		s.acc[1] = struct{ isp, since, until int }{isp, newSince, -1}
		s.nacc = 2
	case r < 97: // never had access
		s.approved = int(h>>16) % (day * 30)
	default:
		s.status = filing.StatusCancelled
		s.approved = day * 80
	}
	return s
}

// reader returns the JSONL form as an io.Reader that generates lines on
// demand (never the whole input in memory).
func (g *genRecords) reader() io.Reader {
	return &genReader{g: g}
}

type genReader struct {
	g      *genRecords
	i, j   int // next subject, next global website index
	buf    []byte
	off    int
	export bool // the one export (record lines) instead of typed lines
}

// exportReader returns the same record set as the one export of package
// filing/record: one subject with its websites per line.
func (g *genRecords) exportReader() io.Reader {
	return &genReader{g: g, export: true}
}

func (r *genReader) Read(p []byte) (int, error) {
	if r.off == len(r.buf) {
		if r.i >= r.g.subjects {
			return 0, io.EOF
		}
		r.buf, r.off = r.buf[:0], 0
		for len(r.buf) < 64<<10 && r.i < r.g.subjects {
			if r.export {
				r.buf = r.g.appendRecord(r.buf, r.i, &r.j)
			} else {
				r.buf = r.g.appendSubject(r.buf, r.i, &r.j)
			}
			r.i++
		}
	}
	n := copy(p, r.buf[r.off:])
	r.off += n
	return n, nil
}

func (g *genRecords) subjectNumber(b []byte, i int) []byte {
	p := &g.provs[i%len(g.provs)]
	b = append(b, p.ICPAbbr...)
	b = append(b, "ICP备"...)
	b = strconv.AppendInt(b, int64(2010+i%16), 10)
	n := i / 16
	for d := 100000; d > 1; d /= 10 {
		if n < d {
			b = append(b, '0')
		}
	}
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, "号"...)
}

func (g *genRecords) appendSubject(b []byte, i int, j *int) []byte {
	p := &g.provs[i%len(g.provs)]
	b = append(b, `{"type":"subject","number":"`...)
	numStart := len(b)
	b = g.subjectNumber(b, i)
	num := b[numStart:]
	b = append(b, `","province":"`...)
	b = append(b, p.Code...)
	b = append(b, `","status":"approved","name":"某某科技有限公司"}`+"\n"...)
	for k := range genPattern[i%6] {
		s := g.site(*j)
		*j++
		b = append(b, `{"type":"website","subject":"`...)
		b = append(b, num...) // num may move when b grows: copy first
		b = append(b, `","number":"`...)
		b = g.subjectNumber(b, i)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(k+1), 10)
		b = g.appendSiteFields(b, &s, p, *j)
		b = append(b, "]}\n"...)
		num = b[numStart : numStart+len(num)]
	}
	return b
}

// appendSiteFields appends what the two export forms share of website s
// (the j-th generated) of province p: from its status to its access list,
// not closed.
func (g *genRecords) appendSiteFields(b []byte, s *genSite, p *filing.Province, j int) []byte {
	b = append(b, `","status":"`...)
	b = append(b, s.status...)
	b = append(b, `","approved_at":"`...)
	b = append(b, g.times[s.approved]...)
	b = append(b, `","domains":["example`...)
	b = strconv.AppendInt(b, int64(j), 10)
	b = append(b, `.cn"],"access":[`...)
	for a := range s.nacc {
		if a > 0 {
			b = append(b, ',')
		}
		ac := s.acc[a]
		b = append(b, `{"isp":"`...)
		b = append(b, genISPs[ac.isp]...)
		b = append(b, `","isp_province":"`...)
		b = append(b, p.Code...)
		b = append(b, `","since":"`...)
		b = append(b, g.times[ac.since]...)
		if ac.until >= 0 {
			b = append(b, `","until":"`...)
			b = append(b, g.times[ac.until]...)
		}
		b = append(b, `"}`...)
	}
	return b
}

// appendRecord appends subject i with its websites as one line of the
// export, the same content as appendSubject's lines.
func (g *genRecords) appendRecord(b []byte, i int, j *int) []byte {
	p := &g.provs[i%len(g.provs)]
	b = append(b, `{"subject":{"number":"`...)
	numStart := len(b)
	b = g.subjectNumber(b, i)
	numEnd := len(b)
	b = append(b, `","province":"`...)
	b = append(b, p.Code...)
	b = append(b, `","status":"approved","name":"某某科技有限公司"}`...)
	if genPattern[i%6] > 0 {
		b = append(b, `,"websites":[`...)
	}
	for k := range genPattern[i%6] {
		s := g.site(*j)
		*j++
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"number":"`...)
		b = append(b, b[numStart:numEnd]...)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(k+1), 10)
		b = g.appendSiteFields(b, &s, p, *j)
		b = append(b, "]}"...)
	}
	if genPattern[i%6] > 0 {
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}

// records returns the record set as records on file (the iterator path of
// ClassifySeq). The yielded records share their slices from one to the
// next, which ClassifySeq allows (it keeps nothing of a record).
func (g *genRecords) records() iter.Seq2[record.Record, error] {
	return func(yield func(record.Record, error) bool) {
		var rec record.Record
		var webs []record.Website
		var accs []record.Access
		var nb []byte
		j := 0
		for i := range g.subjects {
			nb = g.subjectNumber(nb[:0], i)
			rec.Subject = record.Subject{Number: string(nb), Province: g.provs[i%len(g.provs)].Code, Status: filing.StatusApproved}
			webs, accs = webs[:0], accs[:0]
			for k := range genPattern[i%6] {
				s := g.site(j)
				j++
				start := len(accs)
				for a := range s.nacc {
					ac := s.acc[a]
					x := record.Access{ISP: genISPs[ac.isp], ISPProvince: rec.Subject.Province, Since: g.instants[ac.since]}
					if ac.until >= 0 {
						x.Until = g.instants[ac.until]
					}
					accs = append(accs, x)
				}
				webs = append(webs, record.Website{Number: rec.Subject.Number + "-" + strconv.Itoa(k+1), Status: s.status,
					ApprovedAt: g.instants[s.approved], Access: accs[start:len(accs):len(accs)]})
			}
			rec.Websites = webs
			if !yield(rec, nil) {
				return
			}
		}
	}
}

// seq returns the records as StreamRecords (the iterator path). The
// yielded values are reused between records, as ClassifyTypedSeq allows.
func (g *genRecords) seq() iter.Seq2[StreamRecord, error] {
	return func(yield func(StreamRecord, error) bool) {
		var subj filing.Subject
		var web WebsiteRecord
		var acc [2]filing.Access
		var nb []byte
		j := 0
		for i := range g.subjects {
			nb = g.subjectNumber(nb[:0], i)
			subj.Number = string(nb)
			subj.Province = g.provs[i%len(g.provs)].Code
			subj.Status = filing.StatusApproved
			if !yield(StreamRecord{Subject: &subj}, nil) {
				return
			}
			for k := range genPattern[i%6] {
				s := g.site(j)
				j++
				web.Number = subj.Number + "-" + strconv.Itoa(k+1)
				web.Status = s.status
				web.ApprovedAt = g.instants[s.approved]
				for a := range s.nacc {
					ac := s.acc[a]
					acc[a] = filing.Access{ISP: genISPs[ac.isp], ISPProvince: subj.Province, Since: g.instants[ac.since]}
					if ac.until >= 0 {
						acc[a].Until = g.instants[ac.until]
					}
				}
				web.Access = acc[:s.nacc]
				if !yield(StreamRecord{Website: &web, SubjectNumber: subj.Number}, nil) {
					return
				}
			}
		}
	}
}

// cpuTime returns the process's user+system CPU time: on this shared
// machine the wall time of a benchmark depends on the other processes, its
// CPU time much less.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU seconds per op spent since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// benchStream runs the one export through ClassifyStream.
func benchStream(b *testing.B, subjects int) {
	benchClassify(b, subjects, func(g *genRecords, count func(SubjectReport) error) (StreamSummary, error) {
		return ClassifyStream(context.Background(), g.exportReader(), genAsOf, count)
	})
}

// benchTypedStream runs the typed-line format through ClassifyTypedStream
// (the format before the one export).
func benchTypedStream(b *testing.B, subjects int) {
	benchClassify(b, subjects, func(g *genRecords, count func(SubjectReport) error) (StreamSummary, error) {
		return ClassifyTypedStream(context.Background(), g.reader(), genAsOf, count)
	})
}

func benchSeq(b *testing.B, subjects int) {
	benchClassify(b, subjects, func(g *genRecords, count func(SubjectReport) error) (StreamSummary, error) {
		return ClassifySeq(context.Background(), g.records(), genAsOf, count)
	})
}

// benchClassify times classify over the generated export of subjects
// subjects and checks its summary.
func benchClassify(b *testing.B, subjects int, classify func(*genRecords, func(SubjectReport) error) (StreamSummary, error)) {
	g := newGen(subjects)
	websites := g.websites()
	b.ReportAllocs()
	var sum StreamSummary
	reports := 0
	count := func(r SubjectReport) error { reports += len(r.Findings); return nil }
	start := cpuTime()
	for b.Loop() {
		var err error
		if sum, err = classify(g, count); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
	if sum.Subjects != subjects || sum.Websites != websites || sum.BadRecords != 0 {
		b.Fatalf("subjects %d websites %d bad %d; want %d, %d, 0", sum.Subjects, sum.Websites, sum.BadRecords, subjects, websites)
	}
	b.ReportMetric(float64(websites), "websites/op")
}

// BenchmarkGenerate10M measures the generator alone (JSONL bytes for the
// 10M-website record set), to separate its cost from the classification.
func BenchmarkGenerate10M(b *testing.B) {
	g := newGen(6_000_000)
	buf := make([]byte, 256<<10)
	start := cpuTime()
	defer func() { reportCPU(b, start) }()
	for b.Loop() {
		r := g.reader()
		var n int64
		for {
			k, err := r.Read(buf)
			n += int64(k)
			if err == io.EOF {
				break
			}
		}
		b.ReportMetric(float64(n), "bytes/op")
	}
}

// BenchmarkClassifyStream100k is the JSONL path (the one export) on
// 100 000 subjects.
func BenchmarkClassifyStream100k(b *testing.B) { benchStream(b, 100_000) }

// BenchmarkClassifyTypedStream100k is the typed-line format on the same
// record set (deprecated; kept for the comparison).
func BenchmarkClassifyTypedStream100k(b *testing.B) { benchTypedStream(b, 100_000) }

// BenchmarkClassifySeq100k is the iterator path on 100 000 subjects.
func BenchmarkClassifySeq100k(b *testing.B) { benchSeq(b, 100_000) }

// BenchmarkClassifyStream10M is the national scale: 10 000 000 websites
// under 6 000 000 subjects, JSONL generated on the fly and decoded. It runs
// only when -bench selects it (benchmarks never run in the default test
// run).
func BenchmarkClassifyStream10M(b *testing.B) { benchStream(b, 6_000_000) }

// BenchmarkClassifySeq10M is the same record set through the iterator path
// (no JSON).
func BenchmarkClassifySeq10M(b *testing.B) { benchSeq(b, 6_000_000) }

// BenchmarkClassifyFile10M is the national scale as a bureau runs it: the
// 10M-website JSONL export (≈3.6 GB) written to a file first, outside the
// timer, then classified from the open file, so that the figure is the
// SDK's work (reading, decoding, classifying) without the generator's. The
// file is written to the benchmark's temporary directory and removed after.
func BenchmarkClassifyFile10M(b *testing.B) {
	g := newGen(6_000_000)
	path := filepath.Join(b.TempDir(), "export.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(f, g.exportReader()); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	websites := g.websites()
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	var sum StreamSummary
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		sum, err = ClassifyStream(context.Background(), f, genAsOf, func(SubjectReport) error { return nil })
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
	if sum.Subjects != 6_000_000 || sum.Websites != websites || sum.BadRecords != 0 {
		b.Fatalf("subjects %d websites %d bad %d", sum.Subjects, sum.Websites, sum.BadRecords)
	}
	b.ReportMetric(float64(websites), "websites/op")
}
