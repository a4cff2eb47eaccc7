package numbering_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The WeChat filing API's example: Tencent's mini-program 腾讯客服 is
// 粤B2-20090059-1626X under Tencent's telecom licence 粤B2-20090059.
func TestR75_AppKindsFromTheSubjectsOneSequenceUnderALicence(t *testing.T) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	require.NoError(t, a.Seed(ctx, slices.Values([]numbering.Number{numbering.MustParse("粤B2-20090059-1625")})))
	lic := numbering.MustParse("粤B2-20090059")
	for _, tc := range []struct {
		kind filing.AppKind
		site bool
		want string
	}{
		{filing.AppKindMiniProgram, false, "粤B2-20090059-1626X"},
		{"", true, "粤B2-20090059-1627"},
		{filing.AppKindApp, false, "粤B2-20090059-1628A"},
		{" QUICK_APP ", false, "粤B2-20090059-1629K"},
	} {
		var n numbering.Number
		var err error
		if tc.site {
			n, err = a.NextService(ctx, lic, numbering.ServiceWebsite)
		} else {
			n, err = a.NextApp(ctx, lic, tc.kind)
		}
		if assert.NoError(t, err, tc.want) {
			assert.Equal(t, tc.want, n.String())
			back, err := numbering.Parse(tc.want)
			assert.NoError(t, err)
			assert.Equal(t, n, back, "parses back")
			assert.Equal(t, lic, n.Subject())
		}
	}
}

func TestR75_AppNumbersUnderAFilingNumber(t *testing.T) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	// 粤ICP备2023103620号-3A and -5X are in one project: the app and the
	// mini-program took suffixes from the sequence of the websites.
	subj := numbering.MustParse("粤ICP备2023103620号")
	require.NoError(t, a.Seed(ctx, slices.Values([]numbering.Number{numbering.MustParse("粤ICP备2023103620号-2")})))
	n, err := a.NextApp(ctx, subj, filing.AppKindApp)
	require.NoError(t, err)
	assert.Equal(t, "粤ICP备2023103620号-3A", n.String())
	_, err = a.NextService(ctx, subj, numbering.ServiceWebsite)
	require.NoError(t, err)
	n, err = a.NextApp(ctx, subj, filing.AppKindMiniProgram)
	require.NoError(t, err)
	assert.Equal(t, "粤ICP备2023103620号-5X", n.String())

	_, err = a.NextApp(ctx, subj, "widget")
	assert.ErrorIs(t, err, numbering.CodeServiceKind)
	_, err = a.NextApp(ctx, n, filing.AppKindApp)
	assert.ErrorIs(t, err, numbering.CodeNotSubject, "an app number is no subject")
}

func TestR42_AppKindsConcurrentlyNeverShareASuffix(t *testing.T) {
	ctx := context.Background()
	a := numbering.NewAllocator(numbering.NewMemoryStore())
	lic := numbering.MustParse("粤B2-20090059")
	kinds := []filing.AppKind{filing.AppKindApp, filing.AppKindMiniProgram, filing.AppKindQuickApp}
	var mu sync.Mutex
	seen := map[int]string{}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 50 {
				n, err := a.NextApp(ctx, lic, kinds[(g+i)%3])
				if !assert.NoError(t, err) {
					return
				}
				mu.Lock()
				if prev, dup := seen[n.Suffix()]; dup {
					t.Errorf("suffix %d issued twice: %s and %s", n.Suffix(), prev, n)
				}
				seen[n.Suffix()] = n.String()
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	assert.Len(t, seen, 300)
	for s := 1; s <= 300; s++ {
		assert.Contains(t, seen, s)
	}
}

func TestR75_AppServiceKind(t *testing.T) {
	for _, tc := range []struct {
		kind filing.AppKind
		want numbering.ServiceKind
		ok   bool
	}{
		{filing.AppKindApp, numbering.ServiceApp, true},
		{filing.AppKindMiniProgram, numbering.ServiceMiniProgram, true},
		{filing.AppKindQuickApp, numbering.ServiceQuickApp, true},
		{"App", numbering.ServiceApp, true},
		{"website", numbering.ServiceNone, false},
		{"", numbering.ServiceNone, false},
	} {
		got, ok := numbering.AppServiceKind(tc.kind)
		assert.Equal(t, tc.ok, ok, string(tc.kind))
		assert.Equal(t, tc.want, got, string(tc.kind))
		if ok {
			assert.Equal(t, filing.AppKind(got.String()), filing.NormalizeApp(filing.App{Kind: tc.kind}).Kind, "kind names agree")
			assert.Equal(t, got.Letter(), filing.AppKind(got.String()).Letter(), "letters agree")
		}
	}
}
