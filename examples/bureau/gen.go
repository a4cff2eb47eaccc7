package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/netip"
	"os"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/shell"
	"github.com/beiankit/beian/numbering"
)

// The generator (-gen) writes a deterministic synthetic export: the same
// seed, size and as-of instant give the same bytes. Every record is built
// from a chosen case (a website served, at risk, a shell, ...), and the
// generator counts what each case must produce (genStats) from the rules'
// definitions, so that a test can check the classifier against it.

// siteCase is what happens to one generated website.
type siteCase int

const (
	siteServed            siteCase = iota // approved, access active
	siteSwitched                          // the old ISP's access ended, the new ISP's is active
	siteAtRisk                            // access ended less than a week ago
	siteShell                             // access ended long ago
	siteNeverServed                       // approved long ago, never had access
	siteNeverServedRecent                 // approved days ago, no access yet
	siteNoApproval                        // a number but no approval instant and no access
	siteCancelled                         // filing cancelled
	siteChangeReview                      // change filing under bureau review (served meanwhile, R-08)
	siteAddedReview                       // website added under the subject, under bureau review, no number yet
	siteISPVerifying                      // website added under the subject, with the ISP, no number yet
	siteCases
)

// siteWeights is the mix, in percent.
var siteWeights = [siteCases]int{
	siteServed: 56, siteSwitched: 6, siteAtRisk: 5, siteShell: 12, siteNeverServed: 5,
	siteNeverServedRecent: 1, siteNoApproval: 1, siteCancelled: 5, siteChangeReview: 3,
	siteAddedReview: 3, siteISPVerifying: 3,
}

// appCase is what happens to one generated app.
type appCase int

const (
	appServed      appCase = iota // approved, access active
	appAtRisk                     // access ended less than a week ago
	appShell                      // access ended long ago: 空壳APP
	appNeverServed                // approved long ago, never had access: 空壳APP
	appMiniProgram                // a mini-program, served by its platform: never a shell
	appCancelled                  // filing cancelled
	appCases
)

// appWeights is the mix of apps, in percent.
var appWeights = [appCases]int{
	appServed: 50, appAtRisk: 8, appShell: 15, appNeverServed: 5, appMiniProgram: 17, appCancelled: 5,
}

// Per subject: websites 0..4 (weights), apps 0..2 (weights), a subject
// change under review, a cancelled subject (all its websites and apps
// cancelled).
var (
	sitesPerSubjectWeights = []int{6, 55, 24, 10, 5}
	appsPerSubjectWeights  = []int{85, 12, 3}
	subjectReviewPercent   = 3
	subjectCancelledPct    = 1
)

// Bad records: every badWebsiteEvery-th website (from badWebsiteAt) has
// access that ends before it starts; before every badSubjectEvery-th subject
// (from badSubjectAt) a record line cut short (invalid JSON) is written.
const (
	badWebsiteEvery, badWebsiteAt = 500, 50
	badSubjectEvery, badSubjectAt = 400, 3
)

// genProvinces are the provinces of the generated subjects, with weights;
// Jiangxi (36) reviews within 15 working days.
var genProvinces = []struct {
	code   string
	weight int
}{
	{"44", 18}, {"33", 10}, {"11", 10}, {"31", 8}, {"32", 8}, {"52", 8}, {"36", 8},
	{"37", 5}, {"51", 5}, {"42", 4}, {"50", 3}, {"53", 3}, {"61", 3}, {"62", 2}, {"45", 3},
}

var genISPs = []string{"中国电信", "中国联通", "中国移动", "阿里云", "腾讯云", "华为云"}

var (
	genWords   = []string{"云山", "星河", "青禾", "远航", "智联", "数联", "华信", "百川", "启明", "海纳", "瑞丰", "博雅"}
	genPinyin  = []string{"yunshan", "xinghe", "qinghe", "yuanhang", "zhilian", "shulian", "huaxin", "baichuan", "qiming", "haina", "ruifeng", "boya"}
	genTrades  = []string{"科技", "网络", "信息技术", "文化传媒", "电子商务", "教育咨询"}
	genPersons = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"}
	genSites   = []string{"官网", "商城", "博客", "资讯", "服务平台", "帮助中心"}
	genTLDs    = []string{".cn", ".com", ".com.cn", ".net", ".org.cn"}
)

// Generated subjects are approved up to eight years before as-of, but not
// before genFirstApproval: numbers in the current form carry a four-digit
// year from numbering.MinYear to numbering.MaxYear, so -gen needs an as-of
// instant in genMinYear..numbering.MaxYear.
var genFirstApproval = calendar.Date(numbering.MinYear, time.January, 1)

const genMinYear = numbering.MinYear + 1

// genConfig are the generator's parameters.
type genConfig struct {
	websites int
	seed     uint64
	asOf     time.Time
	// keep, if set, receives the filing behind each record line written
	// (tests compare the export with it).
	keep func(*filing.Filing)
}

// genStats is what the generated export must give when classified as of
// its asOf, counted by the generator from its own choices.
type genStats struct {
	Lines, Subjects, Websites, Apps, BadRecords, Incomplete int

	ByKind     shell.FindingCounts
	ByProvince map[string]shell.FindingCounts
	ByISP      map[string]shell.FindingCounts

	// Reviews are the records under review; asOfWorkday says whether the
	// as-of date is a working day (it decides the case Elapsed == Limit).
	Reviews     []reviewPlan
	asOfWorkday bool
}

// reviewPlan is one record under review: the limit's length in working
// days and how many working days have elapsed from the day its clock
// started to the as-of date.
type reviewPlan struct{ Limit, Elapsed int }

// reviewCounts says how the reviews stand as of the generator's asOf:
// a limit of L working days that started k working days ago is overdue
// when k > L (or k == L and the as-of date is not a working day, since
// the due date is then already behind), else it has L-k working days left.
func (s *genStats) reviewCounts(dueWithin int) (overdue, dueSoon, onTime int) {
	for _, r := range s.Reviews {
		switch {
		case r.Elapsed > r.Limit || (r.Elapsed == r.Limit && !s.asOfWorkday):
			overdue++
		case r.Limit-r.Elapsed <= dueWithin:
			dueSoon++
		default:
			onTime++
		}
	}
	return overdue, dueSoon, onTime
}

func (s *genStats) finding(province, isp string, website bool, k shell.FindingKind) {
	s.ByKind[k]++
	if s.ByProvince[province] == nil {
		s.ByProvince[province] = shell.FindingCounts{}
	}
	s.ByProvince[province][k]++
	if website {
		if s.ByISP[isp] == nil {
			s.ByISP[isp] = shell.FindingCounts{}
		}
		s.ByISP[isp][k]++
	}
}

// The generator's drafts of one subject's parts; lineOf turns them into
// one line of the export.
type genSubject struct {
	Number      string
	Province    string
	Name        string
	Nature      filing.Nature
	CertType    filing.CertType
	CertNumber  filing.IDNumber
	Status      filing.Status
	SubmittedAt time.Time
}

type genApp struct {
	Number     string
	Kind       filing.AppKind
	Name       string
	Host       filing.HostPlatform
	Status     filing.Status
	ApprovedAt time.Time
	Access     []filing.Access
}

type genWebsite struct {
	Number      string
	Name        string
	Domains     []string
	HomeURL     string
	Status      filing.Status
	ApprovedAt  time.Time
	SubmittedAt time.Time
	FormAt      time.Time
	Access      []filing.Access
}

// exportSubject and exportWebsite are the record's subject and website with
// the two review fields this program reads (see the package doc); the
// SDK's decoder ignores them as unknown keys.
type exportSubject struct {
	record.Subject
	SubmittedAt time.Time `json:"submitted_at,omitzero"`
}

type exportWebsite struct {
	record.Website
	SubmittedAt time.Time `json:"submitted_at,omitzero"`
	FormAt      time.Time `json:"form_received_at,omitzero"`
}

// exportLine is one line of the export: a record.Record in its JSON shape,
// with the review fields.
type exportLine struct {
	Subject  exportSubject   `json:"subject"`
	Websites []exportWebsite `json:"websites,omitempty"`
	Apps     []record.App    `json:"apps,omitempty"`
}

// lineOf returns the export line of a subject and its websites and apps:
// the record on file of the filing they make (record.Of), with the
// approval instant of each part and the review fields; and that filing.
func lineOf(s genSubject, approved time.Time, sites []genWebsite, apps []genApp) (exportLine, *filing.Filing) {
	f := filing.Filing{Subject: filing.Subject{Number: s.Number, Province: s.Province, Name: s.Name, Status: s.Status,
		Nature: s.Nature, CertType: s.CertType, CertNumber: s.CertNumber}}
	for _, w := range sites {
		f.Websites = append(f.Websites, filing.Website{
			Service: filing.Service{Number: w.Number, Name: w.Name, Status: w.Status, Access: w.Access},
			Domains: w.Domains, HomeURL: w.HomeURL})
	}
	for _, a := range apps {
		f.Apps = append(f.Apps, filing.App{Service: filing.Service{Number: a.Number, Name: a.Name, Status: a.Status, Access: a.Access},
			Kind: a.Kind, Host: a.Host})
	}
	rec := record.Of(&f, "", approved)
	line := exportLine{Subject: exportSubject{Subject: rec.Subject, SubmittedAt: s.SubmittedAt}, Apps: rec.Apps}
	for i, w := range rec.Websites {
		w.ApprovedAt = sites[i].ApprovedAt // each website's own (zero: unknown)
		line.Websites = append(line.Websites, exportWebsite{Website: w, SubmittedAt: sites[i].SubmittedAt, FormAt: sites[i].FormAt})
	}
	for i := range line.Apps {
		line.Apps[i].ApprovedAt = apps[i].ApprovedAt
	}
	return line, &f
}

// generateTo writes the export of cfg to -out or stdout.
func generateTo(cfg config, stdout io.Writer) (err error) {
	w := stdout
	if cfg.out != "-" {
		f, err := os.Create(cfg.out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); cerr != nil && err == nil {
				err = cerr
			}
		}()
		w = f
	}
	_, err = generate(w, genConfig{websites: cfg.gen, seed: cfg.seed, asOf: cfg.asOf})
	return err
}

// generator holds the state of one generation.
type generator struct {
	cfg genConfig
	rng *rand.Rand
	// appRng draws the apps: a stream of its own, so that the websites,
	// subjects and bad lines of a seed are those of an export without apps.
	appRng *rand.Rand
	cal    *calendar.Calendar
	enc    *json.Encoder
	buf    *bufio.Writer
	stats  genStats
	seq    map[[2]int]int // last serial per province index and year
	sites  int            // websites written
	subjs  int            // subjects started (cut ones included)
	asOf   time.Time
}

// generate writes the export and returns what it must classify to.
func generate(w io.Writer, cfg genConfig) (genStats, error) {
	// The generator places submission days with the weekend rule where a
	// year has no published schedule: it only needs some working days, and
	// its placement must not fail (the classifier is the one that reports
	// unpublished years).
	cal, err := calendar.New(calendar.WithWeekendFallback())
	if err != nil {
		return genStats{}, err
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	g := &generator{
		cfg: cfg, rng: rand.New(rand.NewPCG(cfg.seed, 0x626569616e6b6974)), cal: cal,
		appRng: rand.New(rand.NewPCG(cfg.seed, 0x617070730a)),
		enc:    json.NewEncoder(bw), buf: bw, seq: map[[2]int]int{},
		asOf: cfg.asOf.In(calendar.Location()),
		stats: genStats{ByKind: shell.FindingCounts{}, ByProvince: map[string]shell.FindingCounts{},
			ByISP: map[string]shell.FindingCounts{}},
	}
	g.enc.SetEscapeHTML(false)
	g.stats.asOfWorkday, _ = cal.IsWorkday(g.asOf)
	for g.sites < cfg.websites {
		if err := g.subject(); err != nil {
			return g.stats, err
		}
	}
	return g.stats, bw.Flush()
}

func (g *generator) pick(weights []int) int { return g.pickWith(g.rng, weights) }

func (g *generator) pickWith(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// between returns a random instant in [a, b], to the minute.
func (g *generator) between(a, b time.Time) time.Time { return g.betweenWith(g.rng, a, b) }

func (g *generator) betweenWith(rng *rand.Rand, a, b time.Time) time.Time {
	if !b.After(a) {
		return a.Truncate(time.Minute)
	}
	return a.Add(time.Duration(rng.Int64N(int64(b.Sub(a))))).Truncate(time.Minute)
}

func (g *generator) ago(d time.Duration) time.Time { return g.asOf.Add(-d) }

const day = 24 * time.Hour

// number returns a new subject number of province (index i) for year.
func (g *generator) number(i, year int) (numbering.Number, error) {
	key := [2]int{i, year}
	last, ok := g.seq[key]
	if !ok {
		last = g.rng.IntN(2000)
	}
	last += 1 + g.rng.IntN(3)
	g.seq[key] = last
	return numbering.NewFilingNumber(genProvinces[i].code, year, last)
}

// write encodes one line.
func (g *generator) write(v any) error {
	g.stats.Lines++
	return g.enc.Encode(v)
}

// subject writes one subject and its websites.
func (g *generator) subject() error {
	pi := g.pick(genProvinceWeights)
	prov := genProvinces[pi].code
	approved := g.between(maxTime(g.ago(8*365*day), genFirstApproval), g.ago(30*day))
	g.subjs++
	if g.subjs%badSubjectEvery == badSubjectAt {
		if err := g.truncatedSubject(pi, approved); err != nil {
			return err
		}
	}
	num, err := g.number(pi, numbering.YearCST(approved))
	if err != nil {
		return err
	}

	word := g.rng.IntN(len(genWords))
	individual := g.rng.IntN(100) < 15
	name := genWords[word] + genTrades[g.rng.IntN(len(genTrades))] + "有限公司"
	if individual {
		name = genPersons[g.rng.IntN(len(genPersons))]
	}
	subj := genSubject{Number: num.String(), Province: prov, Name: name, Status: filing.StatusApproved,
		Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence,
		// Synthetic certificate numbers (not checksummed), unique per subject.
		CertNumber: filing.IDNumber(fmt.Sprintf("91%s0100%010d", prov, g.subjs))}
	if individual {
		subj.Nature, subj.CertType = filing.NatureIndividual, filing.CertResidentID
		subj.CertNumber = filing.IDNumber(fmt.Sprintf("%s0102%012d", prov, g.subjs))
	}
	cancelled := g.rng.IntN(100) < subjectCancelledPct
	switch {
	case cancelled:
		subj.Status = filing.StatusCancelled
	case g.rng.IntN(100) < subjectReviewPercent:
		subj.Status = filing.StatusBureauReview
		subj.SubmittedAt = g.review(prov, false)
	}
	g.stats.Subjects++
	var sites []genWebsite

	n := min(g.pick(sitesPerSubjectWeights), g.cfg.websites-g.sites)
	var inForce, pending, shellish int
	incomplete := false
	suffix := 0
	for range n {
		c := siteCase(g.pick(siteWeights[:]))
		if cancelled {
			c = siteCancelled
		}
		w := genWebsite{Status: filing.StatusApproved}
		w.Name, w.Domains, w.HomeURL = g.siteNames(name, individual, word)
		// A bad website (below) has a number: a bad record of the shell
		// batch, still a valid record for the conflict index.
		bad := g.sites%badWebsiteEvery == badWebsiteAt
		if bad || (c != siteAddedReview && c != siteISPVerifying) {
			suffix++
			wn, err := num.WithService(numbering.ServiceWebsite, suffix)
			if err != nil {
				return err
			}
			w.Number = wn.String()
		}
		siteApproved := approved
		if suffix > 1 {
			siteApproved = g.between(approved, g.ago(20*day))
		}
		g.sites++
		if bad {
			// Access that ends before it starts: a bad record, which
			// leaves its subject incomplete.
			since := g.between(siteApproved, g.ago(15*day))
			w.ApprovedAt = siteApproved
			w.Access = []filing.Access{g.access(prov, g.rng.IntN(len(genISPs)), since, since.Add(-10*day))}
			sites = append(sites, w)
			g.stats.BadRecords++
			incomplete = true
			continue
		}
		isp, kinds := g.site(&w, c, prov, siteApproved)
		sites = append(sites, w)
		g.stats.Websites++
		switch {
		case w.Number == "":
			pending++
		case c != siteCancelled:
			inForce++
			if len(kinds) > 0 {
				shellish++
			}
		}
		for _, k := range kinds {
			g.stats.finding(prov, isp, true, k)
		}
	}
	apps, appsShellish, appList, err := g.apps(num, suffix, prov, approved, cancelled)
	if err != nil {
		return err
	}
	line, f := lineOf(subj, approved, sites, appList)
	if err := g.write(line); err != nil {
		return err
	}
	if g.cfg.keep != nil {
		g.cfg.keep(f)
	}
	inForce += apps
	shellish += appsShellish
	if incomplete {
		g.stats.Incomplete++
	}
	// a filed subject with no website in force or in progress is a
	// shell subject; one whose websites in force are all shells or at risk
	// becomes one after the cleanup. An incomplete subject has neither.
	if !cancelled && !incomplete && pending == 0 {
		switch {
		case inForce == 0:
			g.stats.finding(prov, "", false, shell.FindingShellSubject)
		case shellish == inForce:
			g.stats.finding(prov, "", false, shell.FindingSubjectShellAfterCleanup)
		}
	}
	return nil
}

// apps writes the apps of a subject (numbers after its websites' suffixes)
// and returns how many are in force and how many of those are shells or at
// risk. App findings count by ISP as website findings do.
func (g *generator) apps(num numbering.Number, suffix int, prov string, approved time.Time, cancelled bool) (inForce, shellish int, list []genApp, err error) {
	n := g.pickWith(g.appRng, appsPerSubjectWeights)
	for range n {
		c := appCase(g.pickWith(g.appRng, appWeights[:]))
		if cancelled {
			c = appCancelled
		}
		suffix++
		kind, sk := filing.AppKindApp, numbering.ServiceApp
		if c == appMiniProgram {
			kind, sk = filing.AppKindMiniProgram, numbering.ServiceMiniProgram
		}
		an, err := num.WithService(sk, suffix)
		if err != nil {
			return 0, 0, nil, err
		}
		a := genApp{Number: an.String(), Kind: kind, Name: genWords[g.appRng.IntN(len(genWords))] + "APP",
			Status: filing.StatusApproved, ApprovedAt: g.betweenWith(g.appRng, approved, g.ago(20*day))}
		isp := g.appRng.IntN(len(genISPs))
		since := g.betweenWith(g.appRng, a.ApprovedAt, a.ApprovedAt.Add(3*day))
		var kinds []shell.FindingKind
		switch c {
		case appServed:
			a.Access = []filing.Access{g.appAccess(prov, isp, since, time.Time{})}
		case appAtRisk:
			a.Access = []filing.Access{g.appAccess(prov, isp, since, g.betweenWith(g.appRng, g.ago(6*day), g.ago(time.Hour)))}
			kinds = []shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingAppAtRisk}
		case appShell:
			ended := g.betweenWith(g.appRng, maxTime(since.Add(day), g.ago(700*day)), g.ago(shell.GraceFor(prov)+day))
			a.Access = []filing.Access{g.appAccess(prov, isp, since, ended)}
			kinds = []shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingShellApp}
		case appNeverServed:
			// A shell from its approval plus the province's grace (R-60,
			// R-64); at risk until then.
			kinds = []shell.FindingKind{shell.FindingShellApp}
			if !g.asOf.After(a.ApprovedAt.Add(shell.GraceFor(prov))) {
				kinds = []shell.FindingKind{shell.FindingAppAtRisk}
			}
		case appMiniProgram:
			a.Host, a.ApprovedAt = filing.HostWeChat, time.Time{}
		case appCancelled:
			a.Status = filing.StatusCancelled
		}
		list = append(list, a)
		g.stats.Apps++
		if c == appCancelled {
			continue
		}
		inForce++
		if len(kinds) > 0 {
			shellish++
		}
		ispName := ""
		if len(a.Access) > 0 {
			ispName = genISPs[isp]
		}
		for _, k := range kinds {
			g.stats.finding(prov, ispName, true, k)
		}
	}
	return inForce, shellish, list, nil
}

func (g *generator) appAccess(prov string, isp int, since, until time.Time) filing.Access {
	ip := netip.AddrFrom4([4]byte{198, 51, 100, byte(1 + g.appRng.IntN(254))})
	return filing.Access{ISP: genISPs[isp], ISPProvince: prov, IPs: []netip.Addr{ip}, Since: since, Until: until}
}

// site fills w for case c and returns the ISP of its last access ("" for
// none) and the findings the case gives.
func (g *generator) site(w *genWebsite, c siteCase, prov string, approved time.Time) (string, []shell.FindingKind) {
	isp := g.rng.IntN(len(genISPs))
	since := g.between(approved, approved.Add(3*day))
	w.ApprovedAt = approved
	switch c {
	case siteServed:
		w.Access = []filing.Access{g.access(prov, isp, since, time.Time{})}
	case siteSwitched:
		handover := g.between(since.Add(day), g.ago(day))
		next := (isp + 1 + g.rng.IntN(len(genISPs)-1)) % len(genISPs)
		w.Access = []filing.Access{g.access(prov, isp, since, handover), g.access(prov, next, handover, time.Time{})}
	case siteAtRisk:
		w.Access = []filing.Access{g.access(prov, isp, since, g.between(g.ago(6*day), g.ago(time.Hour)))}
		return genISPs[isp], []shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingWebsiteAtRisk}
	case siteShell:
		ended := g.between(maxTime(since.Add(day), g.ago(700*day)), g.ago(shell.GraceFor(prov)+day))
		w.Access = []filing.Access{g.access(prov, isp, since, ended)}
		if g.rng.IntN(2) == 0 {
			w.Status = filing.StatusAccessCancelled
		}
		return genISPs[isp], []shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingShellWebsite}
	case siteNeverServed:
		return "", []shell.FindingKind{shell.FindingShellWebsite}
	case siteNeverServedRecent:
		w.ApprovedAt = g.between(g.ago(6*day), g.ago(time.Hour))
		return "", []shell.FindingKind{shell.FindingWebsiteAtRisk}
	case siteNoApproval:
		w.ApprovedAt = time.Time{}
		return "", []shell.FindingKind{shell.FindingShellWebsite}
	case siteCancelled:
		w.Status = filing.StatusCancelled
		w.Access = []filing.Access{g.access(prov, isp, since, g.between(since.Add(day), g.ago(day)))}
	case siteChangeReview:
		w.Status = filing.StatusBureauReview
		w.Access = []filing.Access{g.access(prov, isp, since, time.Time{})}
		w.SubmittedAt = g.review(prov, false)
	case siteAddedReview:
		w.Status, w.ApprovedAt = filing.StatusBureauReview, time.Time{}
		if g.rng.IntN(10) < 7 {
			// The form has arrived: the review counts from its arrival.
			w.FormAt = g.review(prov, false)
			w.SubmittedAt = g.stepBack(w.FormAt, 1+g.rng.IntN(3))
		} else {
			w.SubmittedAt = g.review(prov, true)
		}
	case siteISPVerifying:
		w.Status, w.ApprovedAt = filing.StatusISPVerifying, time.Time{}
	}
	return "", nil
}

// review places the start of a review clock a random number of working
// days before asOf (a working day, at office hours) and records the plan.
// form says the limit is the verification form's (R-23, 7 working days);
// otherwise it is the review's: 15 working days in Jiangxi, 20
// elsewhere.
func (g *generator) review(prov string, form bool) time.Time {
	limit, spread := 20, 24
	switch {
	case form:
		limit, spread = 7, 12
	case prov == "36":
		limit = 15
	}
	k := 1 + g.rng.IntN(spread)
	start := g.stepBack(calendar.DateOf(g.asOf), k)
	g.stats.Reviews = append(g.stats.Reviews, reviewPlan{Limit: limit, Elapsed: k})
	return start
}

// stepBack returns a working day d before t's date with exactly k working
// days in (d, t's date], at a random office hour. It steps day by day with
// IsWorkday, independently of the calendar's AddWorkdays.
func (g *generator) stepBack(t time.Time, k int) time.Time {
	d := calendar.DateOf(t)
	for c := 0; ; d = d.AddDate(0, 0, -1) {
		work, _ := g.cal.IsWorkday(d) // the fallback calendar does not fail in years 1..9999
		if work && c == k && !d.Equal(calendar.DateOf(t)) {
			break
		}
		if work {
			c++
		}
	}
	return d.Add(9*time.Hour + time.Duration(g.rng.IntN(9*60))*time.Minute)
}

func (g *generator) access(prov string, isp int, since, until time.Time) filing.Access {
	ip := netip.AddrFrom4([4]byte{203, 0, 113, byte(1 + g.rng.IntN(254))})
	return filing.Access{ISP: genISPs[isp], ISPProvince: prov, IPs: []netip.Addr{ip}, Since: since, Until: until}
}

func (g *generator) siteNames(subject string, individual bool, word int) (name string, domains []string, home string) {
	domain := fmt.Sprintf("%s%d%s", genPinyin[word], g.rng.IntN(100000), genTLDs[g.pick([]int{40, 35, 10, 10, 5})])
	if individual {
		name = subject + "的个人" + []string{"博客", "主页", "作品集"}[g.rng.IntN(3)]
	} else {
		name = genWords[word] + genSites[g.rng.IntN(len(genSites))]
	}
	return name, []string{domain}, "https://www." + domain + "/"
}

// truncatedSubject writes a record line cut short, as an export that
// crashed mid-write would: invalid JSON, a bad record on its own.
func (g *generator) truncatedSubject(pi int, approved time.Time) error {
	num, err := g.number(pi, numbering.YearCST(approved))
	if err != nil {
		return err
	}
	cut, _ := lineOf(genSubject{Number: num.String(), Province: genProvinces[pi].code,
		Name: "截断的主体记录", Status: filing.StatusApproved}, time.Time{}, nil, nil)
	line, err := json.Marshal(cut)
	if err != nil {
		return err
	}
	at := bytes.Index(line, []byte(`,"name"`))
	g.stats.Lines++
	g.stats.BadRecords++
	_, err = g.buf.Write(append(line[:at+1:at+1], '\n'))
	return err
}

var genProvinceWeights = func() []int {
	w := make([]int, len(genProvinces))
	for i, p := range genProvinces {
		w[i] = p.weight
	}
	return w
}()

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
