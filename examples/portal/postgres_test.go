package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/internal/pgtest"
)

// newPortalDB starts a portal instance on the PostgreSQL schema of dsn.
// The instance follows the database only every hour, so that what it knows
// comes from its own claims and from the races it loses.
func newPortalDB(t *testing.T, dsn string, now time.Time) *portal {
	t.Helper()
	return newPortalDBWith(t, dsn, now, nil)
}

// newPortalDBWith is newPortalDB with a contact-claim secret (nil: the
// contact check is off).
func newPortalDBWith(t *testing.T, dsn string, now time.Time, contactKey []byte) *portal {
	t.Helper()
	p := &portal{t: t, clock: &clock{t: now}, logs: &lockedBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	h, err := newServer(options{
		Now:         p.clock.Now,
		ISP:         "测试云",
		Logger:      slog.New(slog.NewTextHandler(p.logs, nil)),
		DB:          pgtest.Open(t, dsn),
		Context:     ctx,
		FollowEvery: time.Hour,
		ContactKey:  contactKey,
	})
	if err != nil {
		t.Fatal(err)
	}
	p.ts = httptest.NewServer(h)
	t.Cleanup(p.ts.Close)
	p.client = p.ts.Client()
	p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return p
}

// TestR30_TwoInstancesOneDatabase: two portal instances on one database
// refuse the same domain twice, one after the other and at the same moment,
// and the instance that lost shows the conflict of the first filing. The
// sample record set fills the empty database once.
func TestR30_TwoInstancesOneDatabase(t *testing.T) {
	_, dsn := pgtest.NewSchema(t, pgtest.DSN(t))
	now := cst(2026, 3, 2, 10)
	a := newPortalDB(t, dsn, now)
	b := newPortalDB(t, dsn, now)
	wantContains(t, "instance a logs", a.logs.String(), "database filled with the record set")
	wantContains(t, "instance b logs", b.logs.String(), "record set loaded from the database")

	// The sample record set is in the database: both refuse its domains.
	for _, p := range []*portal{a, b} {
		resp, body := p.post(with(company(t, 1), fieldDomain, "guizhou-tea.cn", fieldHomeURL, "https://guizhou-tea.cn"))
		if resp.StatusCode != http.StatusConflict {
			t.Fatalf("sample domain: status %d, want 409", resp.StatusCode)
		}
		wantContains(t, "page", body, "贵州")
	}

	// One after the other: b has not seen a's filing, the database refuses it.
	a.submit(company(t, 2))
	resp, body := b.post(with(company(t, 3), fieldDomain, "shop-2.cn", fieldHomeURL, "https://www.shop-2.cn"))
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("same domain on the second instance: status %d, want 409; body:\n%s", resp.StatusCode, pageText(body))
	}
	wantContains(t, "instance b logs", b.logs.String(), "conflict.domain_same_province")

	// The same applicant submits the same filing on both: the second is a
	// filing under review filed again.
	a.submit(sample())
	resp, body = b.post(sample())
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("same filing on the second instance: status %d, want 409; body:\n%s", resp.StatusCode, pageText(body))
	}
	wantContains(t, "instance b logs", b.logs.String(), "conflict.pending")

	// At the same moment, 20 times: exactly one 303 each time.
	for i := 10; i < 30; i++ {
		var codes [2]int
		var wg sync.WaitGroup
		for j, p := range []*portal{a, b} {
			d := fmt.Sprintf("race-%d.cn", i)
			v := with(company(t, 100*i+j), fieldDomain, d, fieldHomeURL, "https://"+d)
			wg.Go(func() {
				resp, _ := p.post(v)
				codes[j] = resp.StatusCode
			})
		}
		wg.Wait()
		if !(codes[0] == 303 && codes[1] == 409 || codes[0] == 409 && codes[1] == 303) {
			t.Fatalf("race %d: statuses %v, want one 303 and one 409", i, codes)
		}
	}
}

// TestPortalsStartedTogetherFillOnce: portal instances started at the same
// moment on one empty database fill it once; the others load what the first
// filled, and their logs say so.
func TestPortalsStartedTogetherFillOnce(t *testing.T) {
	_, dsn := pgtest.NewSchema(t, pgtest.DSN(t))
	now := cst(2026, 3, 2, 10)
	const n = 4
	portals := make([]*portal, n)
	var wg sync.WaitGroup
	for i := range portals {
		wg.Go(func() { portals[i] = newPortalDB(t, dsn, now) })
	}
	wg.Wait()
	filled := 0
	for _, p := range portals {
		logs := p.logs.String()
		if strings.Contains(logs, "database filled with the record set") {
			filled++
		}
		wantContains(t, "logs", logs, "record set loaded from the database")
	}
	if filled != 1 {
		t.Fatalf("%d of %d instances filled the database, want 1", filled, n)
	}
}

// TestR94_TwoInstancesOneDatabaseShareContacts: two instances with one
// secret on one database: a principal's mobile filed through one is
// refused to another subject through the other, which never saw that
// filing in its own register (the database holds the contact keys). The
// database holds no mobile in clear.
func TestR94_TwoInstancesOneDatabaseShareContacts(t *testing.T) {
	name, dsn := pgtest.NewSchema(t, pgtest.DSN(t))
	now := cst(2026, 3, 2, 10)
	secret := []byte("one-secret-for-every-instance")
	a := newPortalDBWith(t, dsn, now, secret)
	b := newPortalDBWith(t, dsn, now, secret)
	first := distinct(t, 51)
	a.submit(first)
	resp, body := b.post(with(company(t, 52), fieldMobile, "+86 "+first.Get(fieldMobile), fieldEmail, "other52@example.com"))
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("a mobile filed on the other instance: status %d, want 409; body:\n%s", resp.StatusCode, pageText(body))
	}
	wantContains(t, "contact conflict", pageText(body), "该负责人手机号码已被其他主体的负责人使用")
	b.submit(distinct(t, 53))
	db := pgtest.Open(t, dsn)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ` + name + `.beian_conflict_claim WHERE kind = 'mobile'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("%d mobile claims in the database, want 2", n)
	}
	var raw int
	if err := db.QueryRow(`SELECT count(*) FROM `+name+`.beian_conflict_record WHERE body::text LIKE '%' || $1 || '%'`, first.Get(fieldMobile)).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if raw != 0 {
		t.Fatalf("a mobile in clear in %d records of the database", raw)
	}
}
