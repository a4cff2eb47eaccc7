package main

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/shell"
)

// TestOneExportForIndexAndShell: the example's generated export is the one
// export of package filing/record: it loads into the conflict index and
// runs through the shell batch, and both find the filings that produced it
// — the same subjects, websites, apps and numbers (R-30, R-33, R-60..R-62).
func TestOneExportForIndexAndShell(t *testing.T) {
	var filings []*filing.Filing
	var export bytes.Buffer
	stats, err := generate(&export, genConfig{websites: 3000, seed: 11, asOf: genDefaultAsOf,
		keep: func(f *filing.Filing) { filings = append(filings, f) }})
	require.NoError(t, err)
	require.Greater(t, len(filings), 1000)

	// The conflict index: every line that decodes is one subject's record.
	ix := conflict.New()
	syntax := 0
	for rec, err := range record.Decode(bytes.NewReader(export.Bytes())) {
		if err != nil {
			require.ErrorIs(t, err, record.ErrSyntax, "only the truncated lines the generator writes on purpose")
			syntax++
			continue
		}
		require.NoError(t, ix.Put(rec), rec.Subject.Number)
	}
	assert.Equal(t, stats.Lines-len(filings), syntax, "one line per filing, the rest truncated")
	kept := func(st filing.Status) bool { return st != filing.StatusCancelled && st != filing.StatusDeleted }
	for _, f := range filings {
		rec, err := ix.Lookup(f.Subject.Number)
		if !kept(f.Subject.Status) {
			assert.True(t, errors.Is(err, conflict.ErrNotFound), "a cancelled subject is not on file: %v", err)
			continue
		}
		require.NoError(t, err, f.Subject.Number)
		assert.Equal(t, f.Subject.Name, rec.Subject.Name)
		assert.Equal(t, f.Subject.Province, rec.Subject.Province)
		var want, got []string
		for _, w := range f.Websites {
			if kept(w.Status) {
				want = append(want, w.Number+"|"+w.Name+"|"+w.Domains[0])
			}
		}
		for _, w := range rec.Websites {
			got = append(got, w.Number+"|"+w.Name+"|"+w.Domains[0])
		}
		slices.Sort(want)
		slices.Sort(got)
		assert.Equal(t, want, got, f.Subject.Number)
		want, got = nil, nil
		for _, a := range f.Apps {
			if kept(a.Status) {
				want = append(want, a.Number+"|"+a.Name+"|"+string(a.Kind))
			}
		}
		for _, a := range rec.Apps {
			got = append(got, a.Number+"|"+a.Name+"|"+string(a.Kind))
		}
		slices.Sort(want)
		slices.Sort(got)
		assert.Equal(t, want, got, f.Subject.Number)
	}

	// The shell batch: one report per filing, in order, with its number;
	// every website and app counted but the bad ones.
	var numbers []string
	sum, err := shell.ClassifyStream(context.Background(), bytes.NewReader(export.Bytes()), genDefaultAsOf,
		func(r shell.SubjectReport) error { numbers = append(numbers, r.SubjectNumber); return nil })
	require.NoError(t, err)
	var want []string
	websites, apps := 0, 0
	for _, f := range filings {
		want = append(want, f.Subject.Number)
		websites += len(f.Websites)
		apps += len(f.Apps)
	}
	assert.Equal(t, want, numbers)
	assert.Equal(t, stats.Lines, sum.Lines)
	assert.Equal(t, websites-(stats.BadRecords-syntax), sum.Websites, "all websites but the bad ones")
	assert.Equal(t, apps, sum.Apps)
	assert.Equal(t, stats.Websites, sum.Websites)
}
