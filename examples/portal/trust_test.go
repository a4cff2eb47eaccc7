package main

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPromisePortalBoundsStoredFilings: beyond MaxFilings a submission is
// refused with a clear answer (503, a message, Retry-After), and nothing
// more is stored.
func TestPromisePortalBoundsStoredFilings(t *testing.T) {
	p := &portal{t: t, clock: &clock{t: cst(2026, time.March, 2, 10)}, logs: &lockedBuffer{}}
	h, err := newServer(options{Now: p.clock.Now, ISP: "测试云", Logger: slog.New(slog.NewTextHandler(p.logs, nil)), MaxFilings: 2})
	require.NoError(t, err)
	p.ts = httptest.NewServer(h)
	t.Cleanup(p.ts.Close)
	p.client = p.ts.Client()
	p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	first := p.submit(company(t, 1))
	p.submit(company(t, 2))
	resp, body := p.post(company(t, 3))
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))
	assert.Contains(t, body, "已达上限（2件）")
	assert.Contains(t, p.logs.String(), "store full")
	// The stored ones are still served.
	resp, _ = p.get(first)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

// TestPromisePortalNoStore: every page, personal data or not, is sent with
// Cache-Control: no-store.
func TestPromisePortalNoStore(t *testing.T) {
	p := newPortal(t, cst(2026, time.March, 2, 10))
	loc := p.submit(company(t, 1))
	bad := with(sample(), fieldCertNumber, "123")
	for name, resp := range map[string]*http.Response{
		"form":     first(p.get("/")),
		"status":   first(p.get(loc)),
		"invalid":  first(p.post(bad)),
		"conflict": first(p.post(company(t, 1))),
		"404":      first(p.get("/filings/nope")),
	} {
		assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"), name)
	}
}

func first(r *http.Response, _ string) *http.Response { return r }

// TestPromisePortalInvalidUTF8NotEchoed: invalid UTF-8 in a submission is
// replaced before the form echoes it.
func TestPromisePortalInvalidUTF8NotEchoed(t *testing.T) {
	p := newPortal(t, cst(2026, time.March, 2, 10))
	resp, body := p.post(with(sample(), fieldWebsiteName, "站\xff\xfe名", fieldCertNumber, "bad\xc3"))
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	assert.True(t, utf8.ValidString(body), "the page is valid UTF-8")
	assert.False(t, strings.Contains(body, "\xff"))
	assert.Contains(t, body, "站\uFFFD名") // a run of invalid bytes is one U+FFFD
}

// The app form echoes what it refuses too: the same replacement applies.
func TestPromisePortalAppFormInvalidUTF8NotEchoed(t *testing.T) {
	p := newPortal(t, cst(2026, time.March, 2, 10))
	v := sampleApp()
	v.Set(fieldAppName, "记\xff账")
	v.Set(rowField(0, "identifier"), "cn.bad\xc3")
	resp, body := p.postApp(v)
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	assert.True(t, utf8.ValidString(body), "the page is valid UTF-8")
	assert.False(t, strings.Contains(body, "\xff"))
	assert.Contains(t, body, "记\uFFFD账")
}
