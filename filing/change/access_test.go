package change_test

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/sms"
)

// jiangxi is a filed record in Jiangxi whose first website is on 甲云's
// servers in Jiangxi.
func jiangxi(t *testing.T) *filing.Filing {
	f := filed(t, "36")
	f.Websites[0].Access = []filing.Access{access("甲云", "36", "36.1.2.3")}
	f.Websites[1].Access[0].ISP = "China Telecom"
	return f
}

func access(isp, server, ip string) filing.Access {
	return filing.Access{ISP: isp, ISPProvince: server, ServerProvince: server, Method: "cloud",
		IPs: []netip.Addr{netip.MustParseAddr(ip)}, Since: since}
}

func paths(set change.Set) []string {
	var out []string
	for _, c := range set.Changes {
		out = append(out, c.Path+" "+string(c.Op))
	}
	return out
}

// TestR82_R81_AccessMatchedByISP: access records are matched by their ISP,
// not by their position. A new ISP's record is an addition (新增接入) and
// the record of an ISP that is gone a removal; only the records of one ISP
// are compared field by field, so that a server move is a move at one ISP.
func TestR82_R81_AccessMatchedByISP(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(f *filing.Filing)
		paths []string
		codes []filing.Code
		typ   sms.FilingType
	}{
		// Case A: 乙云 (Guangdong) added in front of the unchanged 甲云.
		{"new access in front of the unchanged one", func(f *filing.Filing) {
			f.Websites[0].Access = []filing.Access{access("乙云", "44", "14.1.2.3"), f.Websites[0].Access[0]}
		}, []string{"websites[0].access[0] added"}, nil, sms.NewAccess},
		{"new access after the unchanged one", func(f *filing.Filing) {
			f.Websites[0].Access = append(f.Websites[0].Access, access("乙云", "44", "14.1.2.3"))
		}, []string{"websites[0].access[1] added"}, nil, sms.NewAccess},
		// Case B: the subject renamed and 甲云 replaced by 乙云 at once.
		{"access replaced by a new ISP's with a subject rename", func(f *filing.Filing) {
			f.Subject.Name = "江西新名称科技有限公司"
			f.Websites[0].Access = []filing.Access{access("乙云", "44", "14.1.2.3")}
		}, []string{"subject.name modified", "websites[0].access[0] added", "websites[0].access[0] removed"},
			[]filing.Code{change.CodeWithAddition}, sms.ChangeSubject},
		// The move to another ISP alone is 新增接入 there; the old
		// record's removal is the old ISP's 取消接入, not a change.
		{"access moved to a new ISP", func(f *filing.Filing) {
			f.Websites[0].Access = []filing.Access{access("乙云", "44", "14.1.2.3")}
		}, []string{"websites[0].access[0] added", "websites[0].access[0] removed"}, nil, sms.NewAccess},
		{"access cancelled", func(f *filing.Filing) {
			f.Websites[0].Access = nil
		}, []string{"websites[0].access[0] removed"}, nil, sms.CancelAccess},
		// The ISP's name typed otherwise is the same ISP.
		{"same ISP with spaces and in another case", func(f *filing.Filing) {
			f.Websites[0].Access[0].ISP = " 甲云\u3000"
			f.Websites[1].Access[0].ISP = "ｃｈｉｎａ　ＴＥＬＥＣＯＭ"
		}, nil, nil, ""},
		// 甲云's server moves to Beijing behind a new 乙云 record: the
		// move is 甲云's (access[1] of the new filing), refused.
		{"server move at the same ISP behind a new one", func(f *filing.Filing) {
			moved := f.Websites[0].Access[0]
			moved.ServerProvince = "11"
			f.Websites[0].Access = []filing.Access{access("乙云", "44", "14.1.2.3"), moved}
		}, []string{"websites[0].access[0] added", "websites[0].access[1].server_province modified"},
			[]filing.Code{change.CodeWithAddition, change.CodeServerMoved}, sms.ChangeAccess},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old := jiangxi(t)
			nw := clone(old)
			tc.edit(nw)
			plan, err := change.Check(old, nw, change.Options{})
			assert.Equal(t, tc.paths, paths(plan.Set))
			assert.Equal(t, tc.codes, codes(err))
			assert.Equal(t, tc.typ, plan.Type)
			for _, c := range plan.Set.Changes {
				if strings.Contains(c.Path, "access") {
					assert.Equal(t, change.AreaAccess, c.Area, c.Path)
				}
			}
			if err != nil {
				var ve *filing.ValidationError
				require.ErrorAs(t, err, &ve)
				for _, p := range ve.Problems {
					if p.Code == change.CodeServerMoved {
						assert.Equal(t, "websites[0].access[1].server_province", p.Path)
						assert.Contains(t, p.Error(), "江西")
						assert.Contains(t, p.Error(), "北京")
					}
				}
			}
		})
	}

	// The IP change of the second of two ISPs, given in another order, is
	// the change of that ISP's record.
	old := jiangxi(t)
	old.Websites[0].Access = append(old.Websites[0].Access, access("丙云", "36", "36.9.9.9"))
	nw := clone(old)
	second := nw.Websites[0].Access[1]
	second.IPs = []netip.Addr{netip.MustParseAddr("36.9.9.10")}
	nw.Websites[0].Access = []filing.Access{second, nw.Websites[0].Access[0]}
	plan, err := change.Check(old, nw, change.Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"websites[0].access[0].ips modified"}, paths(plan.Set))
	assert.Equal(t, sms.ChangeAccess, plan.Type)

	// Two records of one ISP are told apart by their start.
	old = jiangxi(t)
	later := access("甲云", "36", "36.1.2.4")
	later.Since = since.AddDate(0, 6, 0)
	old.Websites[0].Access = append(old.Websites[0].Access, later)
	nw = clone(old)
	nw.Websites[0].Access = []filing.Access{nw.Websites[0].Access[1], nw.Websites[0].Access[0]}
	set, err := change.Diff(old, nw)
	require.NoError(t, err)
	assert.Empty(t, set.Changes, "the same two records of one ISP in another order")
}

// TestR81_DiffComparesNormalisedNamesAndCertificates: the same name or
// certificate number typed with surrounding spaces, in full-width or with
// the check letter in lower case is no change, and so no subject
// replacement and no face check. Diff compares names (and every text
// field) by filing.NormalizeText and certificate numbers by
// certno.NormalizeCertNumber.
func TestR81_DiffComparesNormalisedNamesAndCertificates(t *testing.T) {
	fullWidth := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if r > ' ' && r < 0x7f {
				r += 0xFEE0
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	// A resident ID whose check character is X (GB 11643), in lower case.
	const idX = "11010519491231002X"
	for _, tc := range []struct {
		name string
		edit func(f *filing.Filing)
	}{
		{"name with surrounding spaces", func(f *filing.Filing) { f.Subject.Name = "  " + f.Subject.Name + "\u3000" }},
		{"certificate with surrounding spaces", func(f *filing.Filing) {
			f.Subject.CertNumber = " " + f.Subject.CertNumber + " "
		}},
		{"name and certificate with spaces", func(f *filing.Filing) {
			f.Subject.Name, f.Subject.CertNumber = f.Subject.Name+" ", " "+f.Subject.CertNumber
		}},
		{"certificate in full-width", func(f *filing.Filing) {
			f.Subject.CertNumber = filing.IDNumber(fullWidth(f.Subject.CertNumber.Raw()))
		}},
		{"certificate in lower case", func(f *filing.Filing) {
			f.Subject.CertNumber = filing.IDNumber(strings.ToLower(f.Subject.CertNumber.Raw()))
		}},
		{"principal's ID with a lower-case x", func(f *filing.Filing) {
			f.Subject.Principal.CertNumber = filing.IDNumber(strings.ToLower(idX))
		}},
		{"principal's name and legal representative in full-width spaces", func(f *filing.Filing) {
			f.Subject.Principal.Name = "\u3000" + f.Subject.Principal.Name
			f.Subject.LegalRepresentative += " "
		}},
		{"website name in full-width", func(f *filing.Filing) {
			f.Websites[1].Name = fullWidth(f.Websites[1].Name) + " "
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old := filed(t, "52")
			old.Subject.Principal.CertType, old.Subject.Principal.CertNumber = filing.CertResidentID, idX
			old.Websites[1].Name = "Example网站"
			nw := clone(old)
			tc.edit(nw)
			plan, err := change.Check(old, nw, change.Options{})
			assert.NoError(t, err)
			assert.Empty(t, paths(plan.Set))
			assert.False(t, plan.FaceCheck)
		})
	}

	// A real change is still one, and a number that does not parse is
	// compared as normalised text.
	old := filed(t, "52")
	nw := clone(old)
	nw.Subject.CertNumber = "91520000MA6XXXXX0X"
	_, err := change.Check(old, nw, change.Options{})
	assert.Equal(t, []filing.Code{change.CodeCertNumberChanged}, codes(err))
	old.Subject.CertNumber, nw.Subject.CertNumber = "no-such-number-1x", " NO-SUCH-NUMBER-1X "
	set, err := change.Diff(old, nw)
	require.NoError(t, err)
	assert.Empty(t, set.Changes)
	nw.Subject.CertNumber = "no-such-number-2x"
	set, err = change.Diff(old, nw)
	require.NoError(t, err)
	assert.True(t, set.Has("subject.cert_number"))
}
