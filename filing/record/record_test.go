package record_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/record"
)

var approvedAt = time.Date(2026, 3, 2, 9, 30, 0, 0, calendar.Location())

// TestR40_OfCopiesTheFiling: Of carries every field the conflict index and the
// shell classification read, takes the decision's status where a part has
// none, and shares no slice with the filing (R-40: numbers are the
// filing's own).
func TestR40_OfCopiesTheFiling(t *testing.T) {
	g := filingtest.New(7)
	f := g.FilingWithApps(g.Organisation("52"), 2)
	f.Subject.Number = "黔ICP备2026000007号"
	f.Websites[0].Number = f.Subject.Number + "-1"
	f.Websites[1].Status = filing.StatusAccessCancelled
	since := approvedAt.Add(time.Hour)
	f.Websites[0].Access = []filing.Access{
		{ISP: "中国电信", ISPProvince: "52", Since: since, Until: since.Add(time.Hour), IPs: []netip.Addr{netip.MustParseAddr("1.1.1.1")}},
		{ISP: "阿里云", Since: since.Add(time.Hour), IPs: []netip.Addr{netip.MustParseAddr("2.2.2.2"), netip.MustParseAddr("2.2.2.2")}},
	}
	r := record.Of(f, filing.StatusApproved, approvedAt)

	s := r.Subject
	assert.Equal(t, []any{f.Subject.Number, f.Subject.Province, f.Subject.Name, f.Subject.Nature, f.Subject.CertType, f.Subject.CertNumber, filing.StatusApproved, approvedAt},
		[]any{s.Number, s.Province, s.Name, s.Nature, s.CertType, s.CertNumber, s.Status, s.ApprovedAt})
	require.Len(t, r.Websites, 2)
	w := r.Websites[0]
	assert.Equal(t, f.Websites[0].Domains, w.Domains)
	assert.Equal(t, f.Websites[0].HomeURL, w.HomeURL)
	assert.Equal(t, []netip.Addr{netip.MustParseAddr("2.2.2.2")}, w.IPs, "addresses of the access in force, once")
	assert.Equal(t, []record.Access{{ISP: "中国电信", ISPProvince: "52", Since: since, Until: since.Add(time.Hour)}, {ISP: "阿里云", Since: since.Add(time.Hour)}}, w.Access)
	assert.Equal(t, approvedAt, w.ApprovedAt)
	assert.Equal(t, filing.StatusAccessCancelled, r.Websites[1].Status, "a part's own status is kept")
	assert.True(t, r.Websites[1].ApprovedAt.IsZero(), "no number, no approval instant")
	require.Len(t, r.Apps, len(f.Apps))
	for i, a := range f.Apps {
		assert.Equal(t, a.Kind, r.Apps[i].Kind)
		assert.Equal(t, a.Name, r.Apps[i].Name)
		assert.Equal(t, a.Host, r.Apps[i].Host)
		require.Len(t, r.Apps[i].Platforms, len(a.Platforms))
		for j, p := range a.Platforms {
			assert.Equal(t, record.AppPlatform{Platform: p.Platform, Identifier: p.Identifier}, r.Apps[i].Platforms[j])
		}
	}
	r.Websites[0].Domains[0] = "changed.cn"
	assert.NotEqual(t, "changed.cn", f.Websites[0].Domains[0], "the record shares no memory with the filing")

	keep := record.Of(f, "", time.Time{})
	assert.Equal(t, f.Subject.Status, keep.Subject.Status, "an empty status keeps the filing's")
	assert.True(t, keep.Subject.ApprovedAt.IsZero())
}

// TestExportRoundTrip: what the Encoder writes, Decode reads back as it was
// (instants in China Standard Time), over generated filings of every shape.
func TestExportRoundTrip(t *testing.T) {
	g := filingtest.New(3)
	var want []record.Record
	for i := range 60 {
		s := g.Organisation("52")
		if i%3 == 0 {
			s = g.Individual("11")
		}
		f := g.FilingWithApps(s, i%3)
		f.Subject.Number = fmt.Sprintf("黔ICP备2026%06d号", i+1)
		for j := range f.Websites {
			f.Websites[j].Number = fmt.Sprintf("%s-%d", f.Subject.Number, j+1)
			f.Websites[j].Access = []filing.Access{{ISP: "中国电信", Since: approvedAt.UTC(), IPs: []netip.Addr{netip.MustParseAddr("10.0.0.1")}}}
		}
		want = append(want, record.Of(f, filing.StatusApproved, approvedAt))
	}
	var buf bytes.Buffer
	require.NoError(t, record.Write(&buf, slices.Values(want)))
	assert.Equal(t, len(want), bytes.Count(buf.Bytes(), []byte("\n")), "one subject per line")
	var got []record.Record
	for r, err := range record.Decode(&buf) {
		require.NoError(t, err)
		got = append(got, r)
	}
	require.Len(t, got, len(want))
	for i := range want {
		// Since was given in UTC: it comes back in China Standard Time.
		for j := range want[i].Websites {
			for k := range want[i].Websites[j].Access {
				a := &want[i].Websites[j].Access[k]
				a.Since = a.Since.In(calendar.Location())
			}
		}
		assert.Equal(t, want[i], got[i])
	}
}

// TestDecodeErrorsCarryLines: a bad line is a *DecodeError with its line,
// matching ErrSyntax and reaching the cause; the next lines still decode.
// A read error is a *ReadError with its line and ends the stream.
func TestDecodeErrorsCarryLines(t *testing.T) {
	in := `{"subject":{"number":"a"}}` + "\r\n\n" + `{"subject":` + "\n" + `{"subject":{"number":"b"}}` + "\n"
	var lines []int
	var numbers []string
	for r, err := range record.Decode(strings.NewReader(in)) {
		if err != nil {
			var de *record.DecodeError
			require.ErrorAs(t, err, &de)
			assert.ErrorIs(t, err, record.ErrSyntax)
			assert.Equal(t, "record.syntax", de.ErrorCode())
			assert.Equal(t, "备案信息导出文件第3行格式不正确", de.MessageZh())
			lines = append(lines, de.Line)
			continue
		}
		numbers = append(numbers, r.Subject.Number)
	}
	assert.Equal(t, []int{3}, lines)
	assert.Equal(t, []string{"a", "b"}, numbers)

	boom := errors.New("disk gone")
	n := 0
	for _, err := range record.Decode(io.MultiReader(strings.NewReader(`{"subject":{}}`+"\n"), iotest.ErrReader(boom))) {
		n++
		if n == 2 {
			require.ErrorIs(t, err, boom)
			var re *record.ReadError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, 2, re.Line)
			assert.NotErrorIs(t, err, record.ErrSyntax, "a read error is no bad line")
		}
	}
	assert.Equal(t, 2, n, "a read error ends the stream")

	d := record.NewDecoder(strings.NewReader(""))
	var r record.Record
	assert.Equal(t, io.EOF, d.Decode(&r))
}

// TestRecordMasksPersonalData: the certificate number of an individual
// never prints in clear through fmt or slog; JSON keeps it.
func TestRecordMasksPersonalData(t *testing.T) {
	const id = "11010519491231002X"
	r := record.Record{Subject: record.Subject{Name: "张三", CertType: filing.CertResidentID, CertNumber: id}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.NotContains(t, fmt.Sprintf(verb, r), id, verb)
		assert.NotContains(t, fmt.Sprintf(verb, r.Subject), id, verb)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "r", r, "s", r.Subject)
	assert.NotContains(t, buf.String(), id)
	var out bytes.Buffer
	require.NoError(t, record.NewEncoder(&out).Encode(r))
	assert.Contains(t, out.String(), id)
}

// TestR33_ServiceTypeAsThePublicQueryShowsIt: the service type of a record
// reads as the public query prints it, for websites and every app kind.
func TestR33_ServiceTypeAsThePublicQueryShowsIt(t *testing.T) {
	assert.Equal(t, "网站", record.Website{}.ServiceType())
	for kind, want := range map[filing.AppKind]string{
		filing.AppKindApp:         "APP应用",
		filing.AppKindMiniProgram: "小程序",
		filing.AppKindQuickApp:    "快应用",
	} {
		assert.Equal(t, want, record.App{Kind: kind}.ServiceType(), "%s", kind)
	}
}
