package main

import (
	"net/http"
	"testing"

	"github.com/beiankit/beian/internal/pgtest"
)

// TestR74_AppClaimedOnTheSharedDatabase: two portal instances on one
// database, the second not yet synced (it follows every hour): an app
// package accepted by the first for one subject is refused by the second
// for another subject on file, because the first claimed it in the
// database; before, each instance checked its own index only.
func TestR74_AppClaimedOnTheSharedDatabase(t *testing.T) {
	_, dsn := pgtest.NewSchema(t, pgtest.DSN(t))
	now := cst(2026, 3, 2, 10)
	a := newPortalDB(t, dsn, now)
	b := newPortalDB(t, dsn, now)

	resp, page := a.postApp(sampleApp())
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("instance a: status %d, want 201:\n%s", resp.StatusCode, pageText(page))
	}
	other := sampleAppForm()
	other.SubjectNumber, other.Province, other.SponsorName = "浙ICP备2019012345号", "33", "杭州好物电子商务有限公司"
	other.CertNumber, other.Address, other.Name = "91330100MA2CFK3L9N", "浙江省杭州市西湖区文三路1号", "好物茶课"
	other.Rows[0].Domains, other.Rows[1].Domains = "api.example-shop.cn", "api.example-shop.cn"
	resp, page = b.postApp(other.values())
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("instance b, same package for another subject: status %d, want 409:\n%s", resp.StatusCode, pageText(page))
	}
	wantContains(t, "instance b logs", b.logs.String(), "conflict.app_identifier_taken")

	// The same app filed again on b, which has still not followed: a filing under review.
	resp, page = b.postApp(sampleApp())
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("instance b, same app again: status %d, want 409:\n%s", resp.StatusCode, pageText(page))
	}
}
