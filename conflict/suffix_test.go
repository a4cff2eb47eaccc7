package conflict

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// TestR42_ServiceSuffixes: websites, apps, mini-programs and quick apps of
// one subject share one suffix sequence and each number carries its
// service's letter; a record that breaks this is refused by Index.Put,
// RecordKeys (what the PostgreSQL store claims by) and the memory store.
func TestR42_ServiceSuffixes(t *testing.T) {
	subj := SubjectRecord{Number: numDouyin, Province: "11", Name: "北京微播视界科技有限公司", Nature: filing.NatureEnterprise,
		CertType: filing.CertBusinessLicence, CertNumber: certA}
	site := func(n string) WebsiteRecord {
		return WebsiteRecord{Number: numDouyin + n, Name: "抖音" + n, Domains: []string{"douyin.com"}}
	}
	app := func(n string, k filing.AppKind) AppRecord {
		return AppRecord{Number: numDouyin + n, Kind: k, Name: "应用" + n}
	}
	cases := []struct {
		name  string
		sites []WebsiteRecord
		apps  []AppRecord
		want  filing.Code
	}{
		{"app -2A beside website -1", []WebsiteRecord{site("-1")}, []AppRecord{app("-2A", filing.AppKindApp)}, ""},
		{"mini-program -3X, quick app -4K", nil, []AppRecord{app("-3X", filing.AppKindMiniProgram), app("-4K", filing.AppKindQuickApp)}, ""},
		{"app numbered -2K", nil, []AppRecord{app("-2K", filing.AppKindApp)}, CodeServiceLetter},
		{"app numbered -7", nil, []AppRecord{app("-7", filing.AppKindApp)}, CodeServiceLetter},
		{"quick app numbered -3A", nil, []AppRecord{app("-3A", filing.AppKindQuickApp)}, CodeServiceLetter},
		{"website numbered -1A", []WebsiteRecord{site("-1A")}, nil, CodeServiceLetter},
		{"website -1 beside app -1A", []WebsiteRecord{site("-1")}, []AppRecord{app("-1A", filing.AppKindApp)}, CodeSuffixTaken},
		{"two apps -2A", nil, []AppRecord{app("-2A", filing.AppKindApp), app("-2A", filing.AppKindApp)}, CodeSuffixTaken},
		{"mini-program -2X beside app -2A", nil, []AppRecord{app("-2A", filing.AppKindApp), app("-2X", filing.AppKindMiniProgram)}, CodeSuffixTaken},
		{"full-width suffix collides", []WebsiteRecord{site("-１")}, []AppRecord{app("-1A", filing.AppKindApp)}, CodeSuffixTaken},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Subject: subj, Websites: tc.sites, Apps: tc.apps}
			errPut := New().Put(r)
			_, _, _, errKeys := RecordKeys(r)
			_, errStore := NewMemoryStore().Put(context.Background(), r, 0)
			for name, err := range map[string]error{"Index.Put": errPut, "RecordKeys": errKeys, "MemoryStore.Put": errStore} {
				if tc.want == "" {
					assert.NoError(t, err, name)
					continue
				}
				require.Error(t, err, name)
				assert.True(t, errors.Is(err, tc.want), "%s: %v", name, err)
			}
		})
	}
}
