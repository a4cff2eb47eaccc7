package catalog_test

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/beiankit/beian/filing/contact"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/cmd/beianwasm/jsapi"
	"github.com/beiankit/beian/conflict"
	cpgstore "github.com/beiankit/beian/conflict/pgstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/audit"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/content"
	"github.com/beiankit/beian/filing/footer"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/materials"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/wechat"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/shell"
	"github.com/beiankit/beian/filing/sitename"
	"github.com/beiankit/beian/filing/sms"
	"github.com/beiankit/beian/forms"
	"github.com/beiankit/beian/internal/catalog"
	"github.com/beiankit/beian/numbering"
	npgstore "github.com/beiankit/beian/numbering/pgstore"
)

// noRule lists the codes that belong to no rule of the catalogue: misuse of
// the API, internal failures and malformed transport (JSON) rather than a
// filing that breaks a rule. Every other code names its rule.
var noRule = []string{
	"conflict.bad_input",   // a JSONL line that does not decode
	"conflict.contact_key", // misuse: a contact keyer's secret shorter than 16 bytes
	"conflict.bad_record",  // wraps the record's own problems, which carry their rules
	"conflict.invalid",     // wraps a field check's error without a code of its own
	"conflict.too_large",   // a record past the index's size limits
	"filing.internal",      // the validator engine failed
	"filing.option_invalid",
	"form.json.field",
	"form.json.syntax",
	"form.json.too_large",
	"form.json.trailing",
	"form.kind_unknown",
	"resource.bad_input", // misuse: an empty account, filing ID or instance
	"audit.bad_block",    // misuse: an invalid prefix given to audit.New
	"js.deadline",        // the JavaScript interface (cmd/beianwasm/jsapi): malformed calls
	"js.field",
	"js.json",
	"js.method",
	"js.time",
	"js.too_large",
	"record.syntax",     // a line of the record export that does not decode
	"store.failed",      // a database call failed (numbering/pgstore, conflict/pgstore)
	"store.unavailable", // the database cannot be reached
}

// packageCodes is every package's own list of its codes.
func packageCodes() map[string][]filing.Code {
	return map[string][]filing.Code{
		"filing":    filing.Codes(),
		"lifecycle": lifecycle.Codes(),
		"sms":       sms.Codes(),
		"shell":     shell.Codes(),
		"record":    record.Codes(),
		"numbering": numbering.Codes(),
		"conflict":  conflict.Codes(),
		"forms":     forms.Codes(),
		"change":    change.Codes(),
		"footer":    footer.Codes(),
		"platform":  platform.Codes(), // the WeChat and Douyin adapters share them
		"sitename":  sitenameCodes(),
		"content":   contentCodes(),
		"materials": materialsCodes(),
		"resource":  resource.Codes(),
		"audit":     audit.Codes(),
		"jsapi":     jsapi.Codes(),
		// The PostgreSQL stores share their codes (internal/sqltx);
		// TestStoreCodesShared checks that both list the same.
		"pgstore": npgstore.Codes(),
	}
}

// sitenameCodes lists package sitename's codes (its own Code type: it
// imports nothing of filing) as filing codes.
func sitenameCodes() []filing.Code {
	var out []filing.Code
	for _, c := range sitename.Codes() {
		out = append(out, filing.Code(c))
	}
	return out
}

// contentCodes lists package content's codes as filing codes.
func contentCodes() []filing.Code {
	var out []filing.Code
	for _, c := range content.Codes() {
		out = append(out, filing.Code(c))
	}
	return out
}

// materialsCodes lists package materials' codes as filing codes.
func materialsCodes() []filing.Code {
	var out []filing.Code
	for _, c := range materials.Codes() {
		out = append(out, filing.Code(c))
	}
	return out
}

// TestStoreCodesShared: numbering/pgstore and conflict/pgstore list the same
// store codes, which match their errors.
func TestStoreCodesShared(t *testing.T) {
	require.NotEmpty(t, npgstore.Codes())
	assert.Equal(t, npgstore.Codes(), cpgstore.Codes())
	assert.ElementsMatch(t, []filing.Code{npgstore.ErrUnavailable, npgstore.ErrFailed}, npgstore.Codes())
	assert.ElementsMatch(t, []filing.Code{cpgstore.ErrUnavailable, cpgstore.ErrFailed}, cpgstore.Codes())
}

// unreachableDB is a database on a port where no server listens: every
// call fails at once with connection refused.
func unreachableDB(t *testing.T) *sql.DB {
	db, err := sql.Open("pgx", "postgres://beian@127.0.0.1:1/beian?connect_timeout=1&sslmode=disable")
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// TestCodes lists every code of every package with its rule and messages
// (go test -v shows the list), and checks that each code has one owner,
// names its rule unless it is listed in noRule, and has both messages.
func TestCodes(t *testing.T) {
	owner := map[filing.Code]string{}
	for pkg, codes := range packageCodes() {
		require.NotEmpty(t, codes, pkg)
		for _, c := range codes {
			if prev, dup := owner[c]; dup {
				t.Errorf("code %s is defined by %s and %s", c, prev, pkg)
			}
			owner[c] = pkg
		}
	}
	all := catalog.All()
	assert.Len(t, all, len(owner), "the registry holds codes no package lists, or the reverse")
	for _, code := range all {
		c := filing.Code(code)
		e, ok := catalog.Lookup(code)
		require.True(t, ok, code)
		t.Logf("%-10s %-45s %-5s %s | %s", owner[c], code, e.Rule, e.Zh, e.En)
		assert.NotEmpty(t, owner[c], "%s: registered but listed by no package's Codes()", code)
		assert.Equal(t, e.Rule, c.Rule(), code)
		assert.Equal(t, e.Zh, c.MessageZh(), code)
		assert.Equal(t, e.En, c.MessageEn(), code)
		assert.True(t, hasHan(e.Zh), "%s: Chinese message %q has no Chinese", code, e.Zh)
		assert.NotEmpty(t, e.En, "%s: no English message", code)
		if slices.Contains(noRule, code) {
			assert.Empty(t, e.Rule, "%s is listed as belonging to no rule but names %s", code, e.Rule)
		} else {
			assert.Regexp(t, `^R-\d\d$`, e.Rule, "%s: no rule (add it, or list it in noRule with a reason)", code)
		}
	}
	for _, code := range noRule {
		_, ok := catalog.Lookup(code)
		assert.True(t, ok, "noRule lists %s, which no package defines", code)
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// codedError is the method set every error of the SDK has.
type codedError interface {
	error
	ErrorCode() string
	MessageZh() string
	MessageEn() string
}

// TestErrorShape checks, on a real error from every package, that the error
// matches its sentinel with errors.Is and that ErrorCode, MessageZh and
// MessageEn work the same way whatever the package. calendar, the leaf that
// imports nothing of ours, has its own sentinels with the same methods.
func TestErrorShape(t *testing.T) {
	at := time.Date(2026, 3, 5, 9, 0, 0, 0, calendar.Location())
	ctx := context.Background()
	db := unreachableDB(t)
	cases := []struct {
		pkg    string
		err    func() error
		target error
		code   string
	}{
		{"filing", func() error { return filing.Validate(nil) }, filing.CodeFilingNil, "filing.nil"},
		{"filing", func() error { return contact.CheckEmail("no-at-sign") }, nil, ""},
		{"lifecycle", func() error {
			s := lifecycle.State{Status: filing.StatusBureauReview, Type: sms.NewFiling,
				SelfFiled: true, ISP: "中国电信", Province: "52", ReviewFrom: at.Add(-time.Hour)}
			_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionReturnToUser,
				Actor: lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}, At: at})
			return err
		}, lifecycle.CodeReasonRequired, "lifecycle.reason_required"},
		{"lifecycle", func() error { return lifecycle.CheckChangeNotice(time.Time{}, at) }, lifecycle.CodeChangeNoticeTime, "change.notice_time"},
		{"shell", func() error {
			_, err := shell.ClassifySubject(filing.Subject{Number: "黔ICP备2026001073号", Province: "52"}, nil, time.Time{})
			return err
		}, shell.CodeAsOfMissing, "shell.as_of_missing"},
		{"numbering", func() error { _, err := numbering.Parse("黔ICP备2026001073"); return err }, numbering.CodeMissingHao, "number.missing_hao"},
		{"conflict", func() error { _, err := conflict.New().Lookup("黔ICP备2026001073号"); return err }, conflict.ErrNotFound, "conflict.not_found"},
		{"forms", func() error { _, err := forms.DecodeBytes([]byte("{")); return err }, forms.CodeJSONSyntax, "form.json.syntax"},
		{"change", func() error { _, err := change.Check(&filing.Filing{}, nil, change.Options{}); return err }, change.CodeNil, "change.nil"},
		{"footer", func() error { _, err := footer.Check(nil, filing.Subject{}, filing.Website{}); return err }, footer.CodeNumberMissing, "footer.number_missing"},
		{"filing (apps)", func() error { return filing.CheckAppIdentifier(filing.PlatformAndroid, "1com.example") }, nil, ""},
		{"sms", func() error { _, err := sms.New(time.Time{}, nil); return err }, sms.CodeTime, "sms.time"},
		{"numbering (apps)", func() error {
			_, err := numbering.NewAllocator(numbering.NewMemoryStore()).NextApp(ctx, numbering.MustParse("黔ICP备2026001073号"), filing.AppKind("x"))
			return err
		}, numbering.CodeServiceKind, string(numbering.CodeServiceKind)},
		{"numbering/pgstore", func() error {
			_, err := npgstore.New(db, npgstore.WithUnavailableWait(0)).Reserve(ctx, numbering.Key{Province: "52", Year: 2026}, 10)
			return err
		}, npgstore.ErrUnavailable, "store.unavailable"},
		{"conflict/pgstore", func() error {
			_, err := cpgstore.New(db, cpgstore.WithUnavailableWait(0)).Changes(ctx, 0, 10)
			return err
		}, cpgstore.ErrUnavailable, "store.unavailable"},
		{"filing/platform", func() error { _, err := wechat.DecodeApplyAnswer([]byte("{")); return err }, platform.CodeAnswerInvalid, "platform.answer_invalid"},
		{"calendar", func() error { _, err := calendar.Default().AddWorkdays(time.Time{}, 1); return err }, calendar.ErrZeroTime, calendar.CodeZeroTime},
	}
	for _, tc := range cases {
		err := tc.err()
		require.Error(t, err, tc.pkg)
		var ce codedError
		if !assert.True(t, errors.As(err, &ce), "%s: %T has no ErrorCode/MessageZh/MessageEn", tc.pkg, err) {
			continue
		}
		assert.True(t, hasHan(ce.MessageZh()), "%s: MessageZh %q", tc.pkg, ce.MessageZh())
		assert.NotEmpty(t, ce.MessageEn(), tc.pkg)
		assert.Contains(t, err.Error(), ce.ErrorCode(), "%s: Error() names the code", tc.pkg)
		if tc.target == nil { // any code of the package: it is a sentinel for the same error
			tc.target, tc.code = filing.Code(ce.ErrorCode()), ce.ErrorCode()
		}
		assert.Equal(t, tc.code, ce.ErrorCode(), tc.pkg)
		assert.ErrorIs(t, err, tc.target, tc.pkg)
		if c, ok := tc.target.(filing.Code); ok {
			_, registered := catalog.Lookup(string(c))
			assert.True(t, registered, "%s: %s is not in the registry", tc.pkg, c)
			assert.NotErrorIs(t, err, filing.Code(string(c)+".other"), tc.pkg)
		}
	}
}
