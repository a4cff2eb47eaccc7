package numbering_test

import (
	"context"
	"errors"
	"flag"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/numberingtest"
	"github.com/stretchr/testify/assert"
)

var scale = flag.Bool("scale", false, "run the allocation tests at a larger scale (1 000 000 numbers)")

func TestR41_MemoryStoreConformance(t *testing.T) {
	numberingtest.TestStore(t, func(*testing.T) numbering.Store { return numbering.NewMemoryStore() })
}

// TestR41_MemoryStoreRestartFromSnapshot: the MemoryStore reload path
// (NewMemoryStoreFrom) continues where the snapshot left off.
func TestR41_MemoryStoreRestartFromSnapshot(t *testing.T) {
	ctx := context.Background()
	s := numbering.NewMemoryStore()
	a := numbering.NewAllocator(s)
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	var last numbering.Number
	for range 10 {
		n, err := a.NextSubject(ctx, "11", at)
		if err != nil {
			t.Fatal(err)
		}
		last = n
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b := numbering.NewAllocator(numbering.NewMemoryStoreFrom(snap))
	n, err := b.NextSubject(ctx, "京", at)
	if err != nil {
		t.Fatal(err)
	}
	if n.Sequence() != last.Sequence()+1 || n.String() != "京ICP备2026000011号" {
		t.Fatalf("after restart got %s, want sequence %d", n, last.Sequence()+1)
	}
}

func TestR40_SubjectNumbersPerProvinceYear(t *testing.T) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	at26 := time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)
	at25 := time.Date(2025, 7, 1, 10, 0, 0, 0, time.UTC)
	steps := []struct {
		province string
		at       time.Time
		want     string
	}{
		{"黔", at26, "黔ICP备2026000001号"},
		{"52", at26, "黔ICP备2026000002号"},
		{"贵", at26, "黔ICP备2026000003号"},
		{"贵州省", at26, "黔ICP备2026000004号"},
		{"52", at25, "黔ICP备2025000001号"},
		{"川", at26, "蜀ICP备2026000001号"},
		{"京", at26, "京ICP备2026000001号"},
	}
	for _, s := range steps {
		n, err := a.NextSubject(ctx, s.province, s.at)
		if err != nil {
			t.Fatalf("NextSubject(%q): %v", s.province, err)
		}
		if n.String() != s.want {
			t.Errorf("NextSubject(%q, %v) = %s, want %s", s.province, s.at, n, s.want)
		}
		if back, err := numbering.Parse(n.String()); err != nil || back != n {
			t.Errorf("allocated %s does not round-trip: %v", n, err)
		}
	}
	if _, err := a.NextSubject(ctx, "港", at26); !errors.Is(err, numbering.CodeProvince) {
		t.Errorf("unknown province: %v", err)
	}
	if _, err := a.NextSubject(ctx, "52", time.Date(1999, 7, 1, 0, 0, 0, 0, time.UTC)); !errors.Is(err, numbering.CodeOutOfRange) {
		t.Errorf("year 1999: %v", err)
	}
}

// TestR40_YearFromChinaStandardTime: the year is the CST civil year of the
// approval instant.
// The zero time and instants outside years 1..9999 in China have no year.
func TestR40_YearCSTOutOfRange(t *testing.T) {
	for _, at := range []time.Time{{}, time.Date(9999, 12, 31, 16, 0, 0, 0, time.UTC), time.Date(0, 12, 31, 15, 0, 0, 0, time.UTC)} {
		assert.Zero(t, numbering.YearCST(at), "%v", at)
	}
	assert.Equal(t, 9999, numbering.YearCST(time.Date(9999, 12, 31, 15, 59, 59, 0, time.UTC)))
	assert.Equal(t, 1, numbering.YearCST(time.Date(0, 12, 31, 16, 0, 0, 0, time.UTC)))
	_, err := numbering.NewAllocator(numbering.NewMemoryStore()).NextSubject(context.Background(), "44", time.Time{})
	assert.ErrorIs(t, err, numbering.CodeOutOfRange)
}

func TestR40_YearFromChinaStandardTime(t *testing.T) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	cases := []struct {
		at   time.Time
		year int
	}{
		{time.Date(2025, 12, 31, 15, 59, 59, 0, time.UTC), 2025}, // 23:59:59 CST
		{time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), 2026},   // 00:00 CST on 1 January
		{time.Date(2026, 1, 1, 0, 30, 0, 0, time.FixedZone("PST", -8*3600)), 2026},
		{time.Date(2026, 12, 31, 23, 0, 0, 0, time.FixedZone("PST", -8*3600)), 2027},
		{time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC), 2024},
	}
	for _, c := range cases {
		if got := numbering.YearCST(c.at); got != c.year {
			t.Errorf("YearCST(%v) = %d, want %d", c.at, got, c.year)
		}
		n, err := a.NextSubject(ctx, "44", c.at)
		if err != nil {
			t.Fatal(err)
		}
		if n.Year() != c.year {
			t.Errorf("NextSubject at %v: year %d, want %d", c.at, n.Year(), c.year)
		}
	}
}

// TestR41_SuffixNeverReused: one sequence per subject, shared by every
// kind of service; cancelling a service (which the allocator never
// learns about) cannot bring its suffix back, and a store rebuilt from a
// snapshot continues after the maximum.
func TestR41_SuffixNeverReused(t *testing.T) {
	ctx := context.Background()
	s := numbering.NewMemoryStore()
	a := numbering.NewAllocator(s)
	subject, err := a.NextSubject(ctx, "浙", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"浙ICP备2024000001号-1", "浙ICP备2024000001号-2A", "浙ICP备2024000001号-3X", "浙ICP备2024000001号-4K", "浙ICP备2024000001号-5"}
	kinds := []numbering.ServiceKind{numbering.ServiceWebsite, numbering.ServiceApp, numbering.ServiceMiniProgram, numbering.ServiceQuickApp, numbering.ServiceWebsite}
	for i, k := range kinds {
		n, err := a.NextService(ctx, subject, k)
		if err != nil {
			t.Fatal(err)
		}
		if n.String() != want[i] || n.Subject() != subject {
			t.Errorf("service %d = %s, want %s", i, n, want[i])
		}
	}
	// Website -1 is cancelled: nothing to tell the allocator, the next is -6.
	n, err := a.NextService(ctx, subject, numbering.ServiceWebsite)
	if err != nil || n.Suffix() != 6 {
		t.Fatalf("after cancellation: %v %v, want suffix 6", n, err)
	}
	// Other subjects have their own sequences; licences take suffixes too.
	lic := numbering.MustParse("粤B2-20090059")
	n, err = a.NextService(ctx, lic, numbering.ServiceMiniProgram)
	if err != nil || n.String() != "粤B2-20090059-1X" {
		t.Fatalf("licence service: %v %v", n, err)
	}
	// Wrong inputs.
	site, _ := subject.WithService(numbering.ServiceWebsite, 1)
	ps := numbering.MustParse("京公网安备11010502030143号")
	for _, bad := range []numbering.Number{site, ps, {}} {
		if _, err := a.NextService(ctx, bad, numbering.ServiceWebsite); !errors.Is(err, numbering.CodeNotSubject) {
			t.Errorf("NextService(%q): %v, want CodeNotSubject", bad, err)
		}
	}
	if _, err := a.NextService(ctx, subject, numbering.ServiceKind(9)); !errors.Is(err, numbering.CodeServiceKind) {
		t.Errorf("bad kind: %v", err)
	}
}

// TestR41_SequenceExhausted: at 999999 in a province-year the allocator
// fails with a typed error, never a 7-digit or wrapped number.
func TestR41_SequenceExhausted(t *testing.T) {
	ctx := context.Background()
	s := numbering.NewMemoryStore()
	a := numbering.NewAllocator(s)
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if err := s.Raise(ctx, numbering.Counter{Key: numbering.SubjectKey("11", 2026), Last: numbering.MaxSequence - 1}); err != nil {
		t.Fatal(err)
	}
	n, err := a.NextSubject(ctx, "11", at)
	if err != nil || n.String() != "京ICP备2026999999号" {
		t.Fatalf("last number: %v %v", n, err)
	}
	for range 3 {
		n, err = a.NextSubject(ctx, "11", at)
		if !errors.Is(err, numbering.ErrSequenceExhausted) || !n.IsZero() {
			t.Fatalf("past the end: %v %v, want ErrSequenceExhausted", n, err)
		}
	}
	var ae *numbering.AllocError
	if !errors.As(err, &ae) || ae.Code != numbering.CodeSequenceExhausted || ae.MessageZh() == "" || ae.Detail != "subject/11/2026" {
		t.Fatalf("AllocError = %#v", ae)
	}
	// Other province-years are unaffected.
	if n, err := a.NextSubject(ctx, "12", at); err != nil || n.Sequence() != 1 {
		t.Fatalf("Tianjin: %v %v", n, err)
	}
	// Service suffixes stop at MaxSuffix the same way.
	subj := numbering.MustParse("京ICP备05002571号")
	if err := s.Raise(ctx, numbering.Counter{Key: numbering.ServiceKey(subj), Last: numbering.MaxSuffix}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.NextService(ctx, subj, numbering.ServiceWebsite); !errors.Is(err, numbering.ErrSequenceExhausted) {
		t.Fatalf("suffix past MaxSuffix: %v", err)
	}
}

// brokenStore returns out-of-range values and errors, to prove the
// allocator never turns a bad store answer into a number.
type brokenStore struct {
	numbering.Store
	value uint64
	err   error
}

func (b brokenStore) Reserve(context.Context, numbering.Key, uint64) (uint64, error) {
	return b.value, b.err
}

func TestR41_BrokenStoreNeverYieldsWrongNumber(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	subj := numbering.MustParse("京ICP备05002571号")
	for _, v := range []uint64{0, numbering.MaxSequence + 1, 1 << 40} {
		a := numbering.NewAllocator(brokenStore{value: v})
		if n, err := a.NextSubject(ctx, "11", at); err == nil {
			t.Errorf("store value %d gave %v", v, n)
		}
		if n, err := a.NextService(ctx, subj, numbering.ServiceApp); err == nil {
			t.Errorf("store value %d gave %v", v, n)
		}
	}
	boom := errors.New("connection reset")
	a := numbering.NewAllocator(brokenStore{err: boom})
	_, err := a.NextSubject(ctx, "11", at)
	var ae *numbering.AllocError
	if !errors.Is(err, boom) || !errors.As(err, &ae) || ae.Code != "" || ae.MessageZh() == "" {
		t.Fatalf("store error not wrapped: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := numbering.NewAllocator(numbering.NewMemoryStore()).NextSubject(cctx, "11", at); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: %v", err)
	}
}

// TestR41_SeedContinuesAfterHighest: a bureau migrating in continues after
// the highest number per province-year and per subject.
func TestR41_SeedContinuesAfterHighest(t *testing.T) {
	ctx := context.Background()
	existing := []string{
		"黔ICP备2026001073号-1",
		"黔ICP备2026000999号",
		"黔ICP备2026001073号-4A", // highest suffix under the subject, though -2 and -3 are missing (cancelled)
		"黔ICP备2025123456号",
		"豫ICP备20006012号-1",   // old 8-digit serial of 2020
		"粤B2-20090059-1626X", // licensed subject's services
		"京公网安备11010502030143号",
	}
	var nums []numbering.Number
	for _, s := range existing {
		n, err := numbering.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		nums = append(nums, n)
	}
	s := numbering.NewMemoryStore()
	a := numbering.NewAllocator(s)
	if err := a.Seed(ctx, slices.Values(nums)); err != nil {
		t.Fatal(err)
	}
	// Seeding again, and with lower numbers, changes nothing.
	if err := a.Seed(ctx, slices.Values(nums[1:2])); err != nil {
		t.Fatal(err)
	}
	check := func(n numbering.Number, err error, want string) {
		t.Helper()
		if err != nil || n.String() != want {
			t.Errorf("got %v %v, want %s", n, err, want)
		}
	}
	n, err := a.NextSubject(ctx, "52", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	check(n, err, "黔ICP备2026001074号")
	n, err = a.NextSubject(ctx, "52", time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
	check(n, err, "黔ICP备2025123457号")
	n, err = a.NextSubject(ctx, "41", time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC))
	check(n, err, "豫ICP备2020006013号")
	subj := numbering.MustParse("黔ICP备2026001073号")
	n, err = a.NextService(ctx, subj, numbering.ServiceWebsite)
	check(n, err, "黔ICP备2026001073号-5")
	lic := numbering.MustParse("粤B2-20090059")
	n, err = a.NextService(ctx, lic, numbering.ServiceApp)
	check(n, err, "粤B2-20090059-1627A")
	snap, _ := s.Snapshot(ctx)
	for _, c := range snap {
		if c.Key.Province == "11" {
			t.Errorf("public security number seeded a counter: %v", c)
		}
	}
}

func TestKeyTextForm(t *testing.T) {
	subj := numbering.MustParse("黔ICP备2026001073号")
	for _, k := range []numbering.Key{numbering.SubjectKey("52", 2026), numbering.ServiceKey(subj)} {
		back, err := numbering.ParseKey(k.String())
		if err != nil || back != k {
			t.Errorf("ParseKey(%q) = %v, %v", k.String(), back, err)
		}
	}
	if got := numbering.ServiceKey(subj).String(); got != "service/黔ICP备2026001073号" {
		t.Errorf("ServiceKey string %q", got)
	}
	for _, bad := range []string{"", "subject/99/2026", "subject/52", "subject/52/19", "service/黔ICP备2026001073号-1", "service/x", "other/1"} {
		if k, err := numbering.ParseKey(bad); err == nil {
			t.Errorf("ParseKey(%q) = %v, want error", bad, k)
		}
	}
}

// TestR41_ConcurrentAllocation: 64 goroutines allocate 100 000 numbers
// (subjects in 3 provinces × 2 years, and services under 8 subjects); no
// number is issued twice and every province-year's serials are gap-free.
// Run with -race; -scale allocates 1 000 000.
func TestR41_ConcurrentAllocation(t *testing.T) {
	const goroutines = 64
	total := 100_000
	if *scale {
		total = 1_000_000
	}
	if testing.Short() {
		total = 10_000
	}
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	provinces := []string{"11", "44", "52"}
	instants := []time.Time{time.Date(2025, 12, 31, 15, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 17, 0, 0, 0, time.UTC)}
	var subjects []numbering.Number
	for _, p := range provinces {
		n, err := a.NextSubject(ctx, p, instants[0])
		if err != nil {
			t.Fatal(err)
		}
		subjects = append(subjects, n)
	}
	lic := numbering.MustParse("粤B2-20090059")
	subjects = append(subjects, lic)

	per := total / goroutines
	results := make([][]numbering.Number, goroutines)
	errs := make([]error, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			out := make([]numbering.Number, 0, per)
			for i := range per {
				var n numbering.Number
				var err error
				if i%4 == 3 {
					n, err = a.NextService(ctx, subjects[(g+i)%len(subjects)], numbering.ServiceKind(1+i%4))
				} else {
					n, err = a.NextSubject(ctx, provinces[(g+i)%len(provinces)], instants[(g/2+i)%len(instants)])
				}
				if err != nil {
					errs[g] = err
					return
				}
				out = append(out, n)
			}
			results[g] = out
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	seen := make(map[numbering.Number]struct{}, total)
	type py struct {
		p string
		y int
	}
	seqs := map[py][]int{}
	suffixes := map[numbering.Number][]int{}
	for _, s := range subjects[:3] {
		seen[s] = struct{}{}
		seqs[py{s.ProvinceCode(), s.Year()}] = append(seqs[py{s.ProvinceCode(), s.Year()}], s.Sequence())
	}
	count := 0
	for _, out := range results {
		for _, n := range out {
			count++
			if _, dup := seen[n]; dup {
				t.Fatalf("%s issued twice", n)
			}
			seen[n] = struct{}{}
			if n.IsSubject() {
				k := py{n.ProvinceCode(), n.Year()}
				seqs[k] = append(seqs[k], n.Sequence())
			} else {
				suffixes[n.Subject()] = append(suffixes[n.Subject()], n.Suffix())
			}
		}
	}
	if count != per*goroutines {
		t.Fatalf("allocated %d, want %d", count, per*goroutines)
	}
	if len(seqs) != len(provinces)*len(instants) {
		t.Fatalf("province-years: %d", len(seqs))
	}
	for k, vs := range seqs {
		slices.Sort(vs)
		for i, v := range vs {
			if v != i+1 {
				t.Fatalf("%v: serials not gap-free at %d: %d", k, i, v)
			}
		}
	}
	for k, vs := range suffixes {
		slices.Sort(vs)
		for i, v := range vs {
			if v != i+1 {
				t.Fatalf("%v: suffixes not gap-free at %d: %d", k, i, v)
			}
		}
	}
}

// TestR41_MemoryStoreAnyKey: keys that do not name a known province-year or
// a plain subject still count correctly and survive a snapshot.
func TestR41_MemoryStoreAnyKey(t *testing.T) {
	ctx := context.Background()
	subj := numbering.MustParse("京ICP备05002571号")
	site := numbering.MustParse("京ICP备05002571号-3A")
	keys := []numbering.Key{
		{},
		{Province: "99", Year: 2026},
		{Province: "京", Year: 2026},
		{Province: "52", Year: -1},
		{Province: "52", Year: 1 << 20},
		{Subject: site},
		{Subject: subj, Province: "11"},
		numbering.ServiceKey(subj),
		numbering.SubjectKey("52", 2026),
	}
	s := numbering.NewMemoryStore()
	for round := uint64(1); round <= 3; round++ {
		for _, k := range keys {
			v, err := s.Reserve(ctx, k, 10)
			if err != nil || v != round {
				t.Fatalf("Reserve(%+v) = %d, %v; want %d", k, v, err, round)
			}
		}
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[numbering.Key]uint64{}
	for _, c := range snap {
		got[c.Key] = c.Last
	}
	if len(got) != len(keys) {
		t.Fatalf("snapshot has %d keys, want %d: %v", len(got), len(keys), got)
	}
	for _, k := range keys {
		if got[k] != 3 {
			t.Errorf("snapshot[%+v] = %d, want 3", k, got[k])
		}
	}
	r := numbering.NewMemoryStoreFrom(snap)
	for _, k := range keys {
		if v, err := r.Reserve(ctx, k, 10); err != nil || v != 4 {
			t.Errorf("rebuilt store: Reserve(%+v) = %d, %v; want 4", k, v, err)
		}
	}
}
