package change_test

import (
	"encoding/json"
	"net/netip"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/sms"
)

// filedWithApps returns an approved Guangdong filing from seed with one
// website and an app (Android, iOS, HarmonyOS, one access record), a
// mini-program and a quick app, all numbered.
func filedWithApps(t testing.TB, seed int64) *filing.Filing {
	t.Helper()
	g := filingtest.New(seed)
	s := g.Organisation("44")
	s.Number, s.Status = "粤ICP备2025001234号", filing.StatusApproved
	f := g.FilingWithApps(s, 1)
	f.Subject = s
	for i := range f.Websites {
		f.Websites[i].Number, f.Websites[i].Status = s.Number+"-"+strconv.Itoa(i+1), filing.StatusApproved
	}
	for i := range f.Apps {
		f.Apps[i].Number = s.Number + "-" + strconv.Itoa(i+2) + f.Apps[i].Kind.Letter()
		f.Apps[i].Status = filing.StatusApproved
	}
	f.Apps[0].Access = []filing.Access{{ISP: "中国电信", ISPProvince: "44", ServerProvince: "44", Method: "cloud",
		IPs: []netip.Addr{netip.MustParseAddr("1.2.3.4")}, Since: since}}
	return f
}

// deepCopy copies a filing through JSON, as a changed version read from a form would be.
func deepCopy(t testing.TB, f *filing.Filing) *filing.Filing {
	t.Helper()
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var g filing.Filing
	require.NoError(t, json.Unmarshal(b, &g))
	return &g
}

// TestR71_DiffSeesApps: every edit of an app that a hostile change would
// make shows in the change set, gives a type and names the app's
// responsible person for SMS verification (it gave an empty set before).
func TestR71_DiffSeesApps(t *testing.T) {
	other := filingtest.New(99).Person()
	cases := []struct {
		name  string
		edit  func(f *filing.Filing)
		path  string
		op    change.Op
		typ   sms.FilingType
		codes []filing.Code
	}{
		{"identifier swapped to another company's package", func(f *filing.Filing) {
			f.Apps[0].Platforms[0].Identifier = "com.tencent.mm"
		}, "apps[0].platforms[0].identifier", change.OpModified, sms.ChangeWebsite, []filing.Code{change.CodeAppIdentifierReplaced}},
		{"key and fingerprint replaced", func(f *filing.Filing) {
			f.Apps[0].Platforms[1].PublicKey = strings.Repeat("AB", 128)
			f.Apps[0].Platforms[1].Fingerprint = strings.Repeat("CD", 20)
		}, "apps[0].platforms[1].fingerprint", change.OpModified, sms.ChangeWebsite, nil},
		{"principal replaced", func(f *filing.Filing) {
			f.Apps[0].Principal = other
		}, "apps[0].principal.cert_number", change.OpModified, sms.ChangeWebsite, nil},
		{"new app", func(f *filing.Filing) {
			a := f.Apps[1]
			a.Number, a.Name, a.HostAppID = "", a.Name+"二", "wx0123456789abcdef"
			f.Apps = append(f.Apps, a)
		}, "apps[3]", change.OpAdded, sms.NewWebsite, nil},
		{"app removed", func(f *filing.Filing) {
			f.Apps = f.Apps[:2]
		}, "apps[2]", change.OpRemoved, "", []filing.Code{change.CodeAppRemoved}},
		{"mini-program's AppID replaced", func(f *filing.Filing) {
			f.Apps[1].HostAppID = "wxffffffffffffffff"
		}, "apps[1].host_app_id", change.OpModified, sms.ChangeWebsite, nil},
		{"kind changed", func(f *filing.Filing) {
			f.Apps[2].Kind = filing.AppKindMiniProgram
		}, "apps[2].kind", change.OpModified, sms.ChangeWebsite, []filing.Code{change.CodeAppKindChanged}},
		{"platform added", func(f *filing.Filing) {
			f.Apps[0].Platforms = append(f.Apps[0].Platforms, filing.AppPlatform{Platform: filing.PlatformOther, PlatformName: "车机", Identifier: "cn.example.car"})
		}, "apps[0].platforms[3]", change.OpAdded, sms.ChangeWebsite, nil},
		{"app access moved to another address", func(f *filing.Filing) {
			f.Apps[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("1.2.3.5")}
		}, "apps[0].access[0].ips", change.OpModified, sms.ChangeAccess, nil},
		{"unknown app number", func(f *filing.Filing) {
			f.Apps[2].Number = "粤ICP备2099000001号-9K"
		}, "apps[2]", change.OpAdded, "", []filing.Code{change.CodeAppUnknown, change.CodeAppRemoved}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			old := filedWithApps(t, 1)
			nw := deepCopy(t, old)
			tc.edit(nw)
			set, err := change.Diff(old, nw)
			require.NoError(t, err)
			i := -1
			for k, c := range set.Changes {
				if c.Path == tc.path && c.Op == tc.op {
					i = k
				}
			}
			require.GreaterOrEqual(t, i, 0, "%s missing from %+v", tc.path, set.Changes)
			assert.Equal(t, tc.op, set.Changes[i].Op)
			assert.True(t, set.Changes[i].App)
			plan, err := change.Check(old, nw, change.Options{})
			assert.ElementsMatch(t, tc.codes, codes(err))
			if tc.typ != "" {
				assert.Equal(t, tc.typ, plan.Type)
			}
			if tc.typ == sms.ChangeWebsite {
				require.NotEmpty(t, plan.Verify)
				app := set.Changes[i].Website
				assert.Equal(t, nw.Apps[app].Principal.CertNumber, plan.Verify[len(plan.Verify)-1].Person.CertNumber)
			}
		})
	}
}

// TestR71_DiffAppsSameValueOtherwiseTyped: an app typed otherwise (full-width,
// identifier case, fingerprint with colons and lower case) is no change.
func TestR71_DiffAppsSameValueOtherwiseTyped(t *testing.T) {
	old := filedWithApps(t, 2)
	nw := deepCopy(t, old)
	nw.Apps[0].Name = " " + nw.Apps[0].Name + " "
	nw.Apps[0].Platforms[1].Identifier = strings.ToUpper(nw.Apps[0].Platforms[1].Identifier)
	nw.Apps[0].Platforms[0].Fingerprint = strings.ToLower(nw.Apps[0].Platforms[0].Fingerprint)
	set, err := change.Diff(old, nw)
	require.NoError(t, err)
	assert.Empty(t, set.Changes)
}

// FuzzR71_DiffApps: over two filings with apps, any difference in a filed
// field of an app appears in the change set, at the field's path or the
// path of the row or list that holds it. The fuzzer picks the filing (a
// filingtest seed) and the field to change; the change is one no
// normalisation folds away. Record numbers, statuses and an access
// record's Since and Until are the lifecycle's, not filed fields (Diff).
func FuzzR71_DiffApps(f *testing.F) {
	for i := range 8 {
		f.Add(int64(i), uint64(i*37))
	}
	f.Fuzz(func(t *testing.T, seed int64, pick uint64) {
		old := filedWithApps(t, seed)
		nw := deepCopy(t, old)
		leaves := appLeaves(reflect.ValueOf(&nw.Apps).Elem(), "apps", nil)
		require.NotEmpty(t, leaves)
		l := leaves[pick%uint64(len(leaves))]
		l.mutate()
		set, err := change.Diff(old, nw)
		require.NoError(t, err)
		for _, c := range set.Changes {
			if within(c.Path, l.path) || within(l.path, c.Path) {
				return
			}
		}
		t.Fatalf("%s changed, change set %+v", l.path, set.Changes)
	})
}

// within reports whether path p lies at or under prefix.
func within(p, prefix string) bool {
	return p == prefix || strings.HasPrefix(p, prefix) && (p[len(prefix)] == '.' || p[len(prefix)] == '[')
}

type leaf struct {
	path   string
	mutate func()
}

var (
	timeType = reflect.TypeFor[time.Time]()
	addrType = reflect.TypeFor[netip.Addr]()
)

// appLeaves lists the filed fields under v with their JSON paths.
func appLeaves(v reflect.Value, path string, out []leaf) []leaf {
	switch {
	case v.Type() == timeType:
		return append(out, leaf{path, func() { v.Set(reflect.ValueOf(v.Interface().(time.Time).AddDate(0, 0, 1))) }})
	case v.Type() == addrType:
		return append(out, leaf{path, func() { v.Set(reflect.ValueOf(v.Interface().(netip.Addr).Next())) }})
	}
	switch v.Kind() {
	case reflect.String:
		return append(out, leaf{path, func() { v.SetString(v.String() + "x") }})
	case reflect.Bool:
		return append(out, leaf{path, func() { v.SetBool(!v.Bool()) }})
	case reflect.Slice:
		out = append(out, leaf{path, func() {
			e := reflect.New(v.Type().Elem()).Elem()
			if e.Kind() == reflect.String {
				e.SetString("added.example.cn")
			}
			v.Set(reflect.Append(v, e))
		}})
		for i := range v.Len() {
			out = appLeaves(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
		return out
	case reflect.Struct:
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" && sf.Anonymous { // filing.Service: its fields are the app's
				out = appLeaves(v.Field(i), path, out)
				continue
			}
			if name == "" {
				name = strings.ToLower(sf.Name)
			}
			if name == "number" && v.Type() == reflect.TypeFor[filing.App]() || name == "status" ||
				v.Type() == reflect.TypeFor[filing.Access]() && (name == "since" || name == "until") {
				continue // the lifecycle's
			}
			out = appLeaves(v.Field(i), path+"."+name, out)
		}
	}
	return out
}
