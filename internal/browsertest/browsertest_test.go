package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a testing.TB that records Skip and Fatal instead of ending
// the test, so that Path's gate can be checked without a browser.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                         {}
func (r *recorder) Skip(args ...any)                { r.skipped = fmt.Sprint(args...) }
func (r *recorder) Fatal(args ...any)               { r.failed = fmt.Sprint(args...) }
func (r *recorder) Fatalf(format string, a ...any)  { r.failed = fmt.Sprintf(format, a...) }
func newRecorder(t *testing.T) *recorder            { return &recorder{TB: t} }
func (r *recorder) outcome() (skipped, failed bool) { return r.skipped != "", r.failed != "" }

func TestPathGate(t *testing.T) {
	for _, tc := range []struct {
		name, env, ci  string
		skip, fail     bool
		message, found string
	}{
		{name: "unset: skip with how to run", skip: true, message: "BEIAN_TEST_BROWSER=/usr/bin/chromium go test ./..."},
		{name: "unset under CI: fail", ci: "true", fail: true, message: ".ci/run installs chromium"},
		{name: "CI other than true: skip", ci: "1", skip: true},
		{name: "no such binary: fail", env: "/nonexistent/chromium", fail: true, message: "/nonexistent/chromium"},
		{name: "a binary: its path", env: "sh", found: "/sh"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvBrowser, tc.env)
			t.Setenv("CI", tc.ci)
			r := newRecorder(t)
			got := Path(r)
			skipped, failed := r.outcome()
			assert.Equal(t, tc.skip, skipped, "skipped: %q", r.skipped)
			assert.Equal(t, tc.fail, failed, "failed: %q", r.failed)
			assert.Contains(t, r.skipped+r.failed, tc.message)
			if tc.found != "" {
				assert.Contains(t, got, tc.found)
			}
		})
	}
}

// TestBrowserLeavesNothingInTmp: a browser started by New and closed with
// its test leaves no profile or scratch folder in the shared temporary
// directory.
func TestBrowserLeavesNothingInTmp(t *testing.T) {
	Path(t)
	chromiumEntries := func() []string {
		entries, err := os.ReadDir(os.TempDir())
		require.NoError(t, err)
		var out []string
		for _, e := range entries {
			if n := strings.ToLower(e.Name()); strings.Contains(n, "chrom") {
				out = append(out, e.Name())
			}
		}
		return out
	}
	before := chromiumEntries()
	t.Run("browser", func(t *testing.T) {
		ctx := New(t)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("data:text/html,<p>备案</p>")))
	})
	assert.ElementsMatch(t, before, chromiumEntries(), "folders the browser left in %s", os.TempDir())
}
