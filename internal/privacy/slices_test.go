package privacy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/sms"
)

// TestR04_SliceResultsMaskedInLogs: the slices the SDK hands out
// (sms.Verification.Targets, Plan.Verify, Store.Changes, Filing.Websites, Filing.Apps,
// conflict.Records) mask the responsible persons' data under fmt and under
// slog with any handler, the JSON handler included, logged bare; and
// encoding/json keeps the raw values.
func TestR04_SliceResultsMaskedInLogs(t *testing.T) {
	p := filing.Person{Name: "张三", CertType: filing.CertResidentID, CertNumber: sentID, Mobile: sentPhone, Email: sentEmail}
	ver, err := sms.New(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), []sms.Person{{Role: sms.RoleSubjectPrincipal, Person: p}})
	require.NoError(t, err)
	old := &filing.Filing{Subject: filing.Subject{Province: "52", Principal: p}}
	nw := &filing.Filing{Subject: filing.Subject{Province: "52", Principal: p, Address: "新地址"}}
	plan, _ := change.Check(old, nw, change.Options{})
	require.NotEmpty(t, plan.Verify)
	rec := conflict.Record{Subject: conflict.SubjectRecord{Number: "黔ICP备2026000001号", Province: "52", Name: "张三",
		Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: sentID}}
	store := conflict.NewMemoryStore()
	_, err = store.Put(t.Context(), rec, 0)
	require.NoError(t, err)
	changes, err := store.Changes(t.Context(), 0, 10)
	require.NoError(t, err)
	require.NotEmpty(t, changes)
	f := &filing.Filing{Websites: filing.Websites{{Service: filing.Service{Name: "站", Principal: p}}}, Apps: filing.Apps{{Service: filing.Service{Name: "应用", Principal: p}}}}

	for name, v := range map[string]any{
		"Verification.Targets": ver.Targets, "Plan.Verify": plan.Verify, "Store.Changes": changes,
		"Filing.Websites": f.Websites, "Filing.Apps": f.Apps, "conflict.Records": conflict.Records{rec},
	} {
		var b bytes.Buffer
		slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", v)
		slog.New(slog.NewTextHandler(&b, nil)).Info("m", "v", v)
		b.WriteString(fmt.Sprintf("%v %+v %#v %s", v, v, v, v))
		out := b.String()
		for _, leak := range []string{sentID, sentPhone, sentEmail} {
			assert.False(t, strings.Contains(out, leak), "%s leaks %s: %s", name, leak, out)
		}
		assert.Contains(t, out, "***", name)
		j, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.True(t, strings.Contains(string(j), sentID) || strings.Contains(string(j), sentPhone), "%s: encoding/json keeps raw values: %s", name, j)
	}
}
