package conflict

import (
	"fmt"
	"iter"
	"net/netip"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// Deterministic generator of a national-scale record set for the tests and
// the scale benchmark: subject i of n gets 1 website, or 3 when i%3 == 0
// (3 000 000 subjects → 5 000 000 websites). Certificates pass their
// national standards (30 % resident IDs, the rest credit codes); every
// 100th record is a returned filing and every 100th another one is under
// review (no numbers); every 50th subject has an access-cancelled website;
// one website in ten has a common name ("个人博客"), an IP is shared by 50
// websites, one domain in twelve is an IDN.

var genTLDs = []string{"com", "cn", "com.cn", "net", "中国", "org.cn", "cc", "top", "xn--fiqs8s", "net.cn", "vip", "公司"}

func genCert(i int) (filing.CertType, filing.IDNumber) {
	if i%10 < 3 {
		d := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/1000)
		first17 := "110105" + d.Format("20060102") + fmt.Sprintf("%03d", i%1000)
		c, _ := certno.ResidentIDCheckChar(first17)
		return filing.CertResidentID, filing.IDNumber(first17 + string(c))
	}
	body := fmt.Sprintf("%08d", i)
	oc, _ := certno.OrgCodeCheckChar(body)
	first17 := "91110105" + body + string(oc)
	c, _ := certno.USCCCheckChar(first17)
	return filing.CertBusinessLicence, filing.IDNumber(first17 + string(c))
}

func genSubjectNumber(i int) string {
	p := provinceList[i%len(provinceList)]
	return fmt.Sprintf("%sICP备%d%06d号", p.ICPAbbr, 2010+i%16, i)
}

func genDomain(site int) string {
	return fmt.Sprintf("site%d-%x.%s", site, site*2654435761%1000003, genTLDs[site%len(genTLDs)])
}

func genRecord(i int, firstSite int) (Record, int) {
	p := provinceList[i%len(provinceList)]
	ct, cn := genCert(i)
	nature := filing.NatureEnterprise
	name := fmt.Sprintf("黔云数据%d科技有限公司", i)
	if ct == filing.CertResidentID {
		nature = filing.NatureIndividual
		name = fmt.Sprintf("张%d", i)
	}
	r := Record{Subject: SubjectRecord{
		Province: p.Code, Name: name, Nature: nature, CertType: ct, CertNumber: cn,
	}}
	status := filing.StatusApproved
	switch i % 100 {
	case 7:
		status = filing.StatusReturnedToUser
	case 8:
		status = filing.StatusBureauReview
	}
	r.Subject.Status = status
	if status == filing.StatusApproved {
		r.Subject.Number = genSubjectNumber(i)
	}
	n := 1
	if i%3 == 0 {
		n = 3
	}
	for k := range n {
		site := firstSite + k
		w := WebsiteRecord{
			Name:    fmt.Sprintf("数据服务%d", site),
			Domains: []string{genDomain(site)},
			IPs:     []netip.Addr{netip.AddrFrom4([4]byte{10, byte(site / 50 >> 16), byte(site / 50 >> 8), byte(site / 50)})},
			Status:  status,
		}
		if site%10 == 0 {
			w.Name = "个人博客"
		}
		w.HomeURL = "https://www." + w.Domains[0] + "/"
		if status == filing.StatusApproved {
			w.Number = fmt.Sprintf("%s-%d", r.Subject.Number, k+1)
			if i%50 == 1 && k == n-1 {
				w.Status = filing.StatusAccessCancelled
				w.IPs = nil
			}
		}
		r.Websites = append(r.Websites, w)
	}
	return r, firstSite + n
}

// genRecords yields the records of subjects [0, n).
func genRecords(n int) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		site := 0
		for i := range n {
			var r Record
			r, site = genRecord(i, site)
			if !yield(r, nil) {
				return
			}
		}
	}
}

// genSites returns the number of websites of n generated subjects.
func genSites(n int) int { return n + 2*((n+2)/3) }
