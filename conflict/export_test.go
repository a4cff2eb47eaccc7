package conflict

import "github.com/beiankit/beian/filing"

// Exports of the oracle (the former eager guidance builder, kept in
// oracle_describe_test.go and oracle_check_test.go) for the external test
// that compares package conflict/guidance with it
// (guidance_oracle_test.go).

// OracleConflict is a conflict as the former Check built it, texts
// included.
type OracleConflict = oracleConflict

// OracleText is a sentence of the former builder.
type OracleText = oracleText

// OracleCheck is the former Check.
func (ix *Index) OracleCheck(f *filing.Filing, opts ...CheckOption) ([]OracleConflict, error) {
	return ix.oracleCheck(f, opts...)
}

// OracleCheck is the former Contacts.Check.
func (c *Contacts) OracleCheck(f *filing.Filing) []OracleConflict { return c.oracleCheck(f) }

// OracleHits describes the synthetic hits of guidanceHits for an applicant
// of the province at index mine of the province table, both ways: as data
// (describe, got) and with the former builder (want). Their numbers are
// the same; one hit at a time and all at once give the same data.
func OracleHits(mine int) (got []Conflict, want []OracleConflict) {
	ix := New()
	in := &checkInput{province: byte(mine)}
	hits := guidanceHits()
	return ix.describe(nil, in, hits), ix.oracleDescribe(in, hits)
}

// guidanceHits returns hits of every kind found by check (websites and
// subjects) against records of every province, with and without record
// numbers, with website numbers whole and in two parts (subject number and
// suffix, as check reads them from the index), for ASCII and IDN domains,
// for paths past the precomputed ones and for subject hits.
func guidanceHits() []hit {
	kinds := []Kind{KindDomainSameProvince, KindDomainOtherProvince, KindDomainFiledByYou, KindSubjectFiled,
		KindSubjectCertificateTaken, KindResubmission, KindPending, KindSubjectNumberNotProven}
	nums := [][3]string{{"黔ICP备1500041X号", "黔ICP备1500041X号-2", ""}, {"黔ICP备1500041X号", "黔ICP备1500041X号", "-3"},
		{"京ICP备2021033841号", "", ""}, {"", "", ""}}
	where := []struct {
		site, idx int
		reg       string
	}{{0, 0, "example.com"}, {2, 7, "example.cn"}, {3, 120, "xn--fsqu00a.xn--fiqs8s"}, {4, 0, "example.net"}, {-1, 0, ""}}
	var hits []hit
	for _, k := range kinds {
		for p := range provinceList {
			for _, n := range nums {
				for _, w := range where {
					if k == KindSubjectNumberNotProven && w.site >= 0 {
						continue // check finds it on the subject only
					}
					hits = append(hits, hit{kind: k, site: w.site, idx: w.idx, reg: w.reg, subjNum: n[0], siteNum: n[1], siteSuf: n[2],
						province: byte(p), status: byte(p % int(stDeleted+1))})
				}
			}
		}
	}
	return hits
}
