//lint:file-ignore SA1019 the registry lists every exported type, the deprecated ones too, until they are removed

package privacy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/beiankit/beian/filing/contact"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/cmd/beianwasm/jsapi"
	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	cmysqlstore "github.com/beiankit/beian/conflict/mysqlstore"
	cpgstore "github.com/beiankit/beian/conflict/pgstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/audit"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/content"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/footer"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/materials"
	"github.com/beiankit/beian/filing/personal"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/filing/province"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/resource"
	rpgstore "github.com/beiankit/beian/filing/resource/pgstore"
	"github.com/beiankit/beian/filing/resource/resourcetest"
	"github.com/beiankit/beian/filing/shell"
	"github.com/beiankit/beian/filing/sitename"
	"github.com/beiankit/beian/filing/sms"
	"github.com/beiankit/beian/forms"
	"github.com/beiankit/beian/forms/formpdf"
	"github.com/beiankit/beian/internal/catalog"
	"github.com/beiankit/beian/internal/gittest"
	"github.com/beiankit/beian/internal/jsonscan"
	"github.com/beiankit/beian/internal/sqltx"
	"github.com/beiankit/beian/numbering"
	nmysqlstore "github.com/beiankit/beian/numbering/mysqlstore"
	npgstore "github.com/beiankit/beian/numbering/pgstore"
)

// Sentinel personal data: a valid resident ID, a mobile and an e-mail
// address. leakParts are the pieces that must never appear in clear: the
// values and the middles their masks hide.
const (
	sentID    = "11010519491231002X"
	sentPhone = "13800138000"
	sentEmail = "zhang.san@example.com"
)

var leakParts = []string{sentID, "19491231", sentPhone, "380013", sentEmail, "zhang.san"}

// entry is one exported type of the module. Types whose values cannot be
// filled by reflection (they hold their data in unexported fields) give
// make, which builds a value holding the sentinels through the package's
// API.
type entry struct {
	typ  reflect.Type
	make func(t *testing.T) any
}

func typ[T any]() entry { return entry{typ: reflect.TypeFor[T]()} }

// registry lists every exported type of every non-main package of the
// module. TestPromiseRegistryComplete fails when a type is missing: add it
// here (typ[pkg.T]() or, for a type built through constructors, with make).
var registry = map[string]entry{
	"calendar.Calendar":             typ[calendar.Calendar](),
	"calendar.CodedError":           typ[calendar.CodedError](),
	"calendar.Countdown":            typ[calendar.Countdown](),
	"calendar.Day":                  typ[calendar.Day](),
	"calendar.DayError":             typ[calendar.DayError](),
	"calendar.DayInfo":              typ[calendar.DayInfo](),
	"calendar.DayKind":              typ[calendar.DayKind](),
	"calendar.DeadlineKind":         typ[calendar.DeadlineKind](),
	"calendar.Due":                  typ[calendar.Due](),
	"calendar.Error":                typ[calendar.Error](),
	"calendar.HolidayPeriod":        typ[calendar.HolidayPeriod](),
	"calendar.InvalidScheduleError": typ[calendar.InvalidScheduleError](),
	"calendar.MakeupWorkday":        typ[calendar.MakeupWorkday](),
	"calendar.NotPublishedError":    typ[calendar.NotPublishedError](),
	"calendar.Notice":               typ[calendar.Notice](),
	"calendar.Option":               typ[calendar.Option](),
	"calendar.Schedule":             typ[calendar.Schedule](),
	"calendar.ScheduleError":        typ[calendar.ScheduleError](),
	"calendar.ScheduleFile":         typ[calendar.ScheduleFile](),
	"calendar.StatutoryDay":         typ[calendar.StatutoryDay](),

	"conflict.AppPlatformRecord":   typ[conflict.AppPlatformRecord](),
	"conflict.AppRecord":           typ[conflict.AppRecord](),
	"conflict.Change":              typ[conflict.Change](),
	"conflict.ClaimError":          typ[conflict.ClaimError](),
	"conflict.Key":                 typ[conflict.Key](),
	"conflict.KeyKind":             typ[conflict.KeyKind](),
	"conflict.MemoryStore":         {typ: reflect.TypeFor[conflict.MemoryStore](), make: makeMemoryStore},
	"conflict.Contacts":            {typ: reflect.TypeFor[conflict.Contacts](), make: makeContacts},
	"conflict.ContactKeyer":        {typ: reflect.TypeFor[conflict.ContactKeyer](), make: func(t *testing.T) any { return contactKeyer(t) }},
	"conflict.ContactClaim":        typ[conflict.ContactClaim](),
	"conflict.ContactProvinceRule": typ[conflict.ContactProvinceRule](),
	"conflict.Replica":             {typ: reflect.TypeFor[conflict.Replica](), make: makeReplica},
	"conflict.Store":               typ[conflict.Store](),
	"conflict.Taken":               typ[conflict.Taken](),
	"conflict.Blocking":            typ[conflict.Blocking](),
	"conflict.CheckOption":         typ[conflict.CheckOption](),
	"conflict.Conflict":            typ[conflict.Conflict](),
	"conflict.Error":               typ[conflict.Error](),
	"conflict.Field":               typ[conflict.Field](),
	"conflict.Index":               {typ: reflect.TypeFor[conflict.Index](), make: makeIndex},
	"conflict.Kind":                typ[conflict.Kind](),
	"conflict.Option":              typ[conflict.Option](),
	"conflict.PublicRecord":        typ[conflict.PublicRecord](),
	"conflict.Query":               typ[conflict.Query](),
	"conflict.Record":              typ[conflict.Record](),
	"conflict.Result":              typ[conflict.Result](),
	"conflict.SubjectRecord":       typ[conflict.SubjectRecord](),
	"conflict.WebsiteRecord":       typ[conflict.WebsiteRecord](),
	"conflict.Records":             typ[conflict.Records](),
	"conflict.Changes":             typ[conflict.Changes](),

	"conflict/guidance.Guidance": typ[guidance.Guidance](),
	"conflict/guidance.Text":     typ[guidance.Text](),
	"conflict/guidance.Renderer": {typ: reflect.TypeFor[guidance.Renderer](), make: func(*testing.T) any {
		return guidance.NewRenderer(filing.DefaultProvinceRules())
	}},

	"filing.AccessMethod":     typ[filing.AccessMethod](),
	"filing.AccessMethodInfo": typ[filing.AccessMethodInfo](),
	"filing.AddrRange":        typ[filing.AddrRange](),
	"filing.App":              typ[filing.App](),

	// The leaf packages: the filing root's names for these types are
	// aliases, so each entry has the same promise as its alias above.
	"filing/certno.CertFormat":       typ[certno.CertFormat](),
	"filing/certno.CertInfo":         typ[certno.CertInfo](),
	"filing/certno.CertType":         typ[certno.CertType](),
	"filing/certno.ResidentID":       typ[certno.ResidentID](),
	"filing/certno.Validity":         typ[certno.Validity](),
	"filing/certno.USCC":             typ[certno.USCC](),
	"filing/domain.Memo":             typ[domain.Memo](),
	"filing/personal.Email":          typ[personal.Email](),
	"filing/personal.IDNumber":       typ[personal.IDNumber](),
	"filing/personal.Phone":          typ[personal.Phone](),
	"filing/problem.Code":            typ[problem.Code](),
	"filing/problem.Problem":         typ[problem.Problem](),
	"filing/problem.ValidationError": typ[problem.ValidationError](),
	"filing/province.Province":       typ[province.Province](),
	"numbering.AppKind":              typ[numbering.AppKind](),

	"filing.AppKind":             typ[filing.AppKind](),
	"filing.AppPlatform":         typ[filing.AppPlatform](),
	"filing.AppSDK":              typ[filing.AppSDK](),
	"filing.DomainRegistration":  typ[filing.DomainRegistration](),
	"filing.HashAlgorithm":       typ[filing.HashAlgorithm](),
	"filing.HolderPolicy":        typ[filing.HolderPolicy](),
	"filing.HostPlatform":        typ[filing.HostPlatform](),
	"filing.Platform":            typ[filing.Platform](),
	"filing.Validity":            typ[filing.Validity](),
	"filing.Access":              typ[filing.Access](),
	"filing.CertFormat":          typ[filing.CertFormat](),
	"filing.CertInfo":            typ[filing.CertInfo](),
	"filing.CertType":            typ[filing.CertType](),
	"filing.Code":                typ[filing.Code](),
	"filing.Email":               typ[filing.Email](),
	"filing.Filing":              typ[filing.Filing](),
	"filing.IDNumber":            typ[filing.IDNumber](),
	"filing.Judgement":           typ[filing.Judgement](),
	"filing.Kind":                typ[filing.Kind](),
	"filing.Nature":              typ[filing.Nature](),
	"filing.NatureInfo":          typ[filing.NatureInfo](),
	"filing.Option":              typ[filing.Option](),
	"filing.Person":              typ[filing.Person](),
	"filing.Phone":               typ[filing.Phone](),
	"filing.PreApproval":         typ[filing.PreApproval](),
	"filing.PreApprovalCategory": typ[filing.PreApprovalCategory](),
	"filing.PreApprovalInfo":     typ[filing.PreApprovalInfo](),
	"filing.Problem":             typ[filing.Problem](),
	"filing.Province":            typ[filing.Province](),
	"filing.ProvinceRule":        typ[filing.ProvinceRule](),
	"filing.ProvinceRules":       typ[filing.ProvinceRules](),
	"filing.Reason":              typ[filing.Reason](),
	"filing.RuleKind":            typ[filing.RuleKind](),
	"filing.Status":              typ[filing.Status](),
	"filing.Subject":             typ[filing.Subject](),
	"filing.ValidationError":     typ[filing.ValidationError](),
	"filing.Validator":           typ[filing.Validator](),
	"filing.Service":             typ[filing.Service](),
	"filing.Website":             typ[filing.Website](),
	"filing.Websites":            typ[filing.Websites](),
	"filing.Apps":                typ[filing.Apps](),

	"filing/change.Allowance": typ[change.Allowance](),
	"filing/change.Area":      typ[change.Area](),
	"filing/change.Change":    typ[change.Change](),
	"filing/change.Op":        typ[change.Op](),
	"filing/change.Options":   typ[change.Options](),
	"filing/change.Plan":      typ[change.Plan](),
	"filing/change.Rules":     typ[change.Rules](),
	"filing/change.Set":       typ[change.Set](),

	"filing/footer.Displayed":   typ[footer.Displayed](),
	"filing/footer.DisplayedPS": typ[footer.DisplayedPS](),
	"filing/footer.LinkKind":    typ[footer.LinkKind](),
	"filing/footer.Options":     typ[footer.Options](),
	"filing/footer.Page":        typ[footer.Page](),
	"filing/footer.Preference":  typ[footer.Preference](),

	"filing/footer.SnippetOptions": typ[footer.SnippetOptions](),

	"cmd/beianwasm/jsapi.CountdownResult": typ[jsapi.CountdownResult](),
	"cmd/beianwasm/jsapi.Field":           typ[jsapi.Field](),
	"cmd/beianwasm/jsapi.FieldOptions":    typ[jsapi.FieldOptions](),
	"cmd/beianwasm/jsapi.NumberResult":    typ[jsapi.NumberResult](),
	"cmd/beianwasm/jsapi.Result":          typ[jsapi.Result](),
	"cmd/beianwasm/jsapi.ValidateOptions": typ[jsapi.ValidateOptions](),

	"filing/filingtest.BrokenCase": typ[filingtest.BrokenCase](),
	"filing/filingtest.Case":       typ[filingtest.Case](),
	"filing/filingtest.Expect":     typ[filingtest.Expect](),
	"filing/filingtest.Gen":        typ[filingtest.Gen](),

	"filing/lifecycle.PSCountdown":     typ[lifecycle.PSCountdown](),
	"filing/lifecycle.Action":          typ[lifecycle.Action](),
	"filing/lifecycle.Actor":           typ[lifecycle.Actor](),
	"filing/lifecycle.ActorKind":       typ[lifecycle.ActorKind](),
	"filing/lifecycle.Countdown":       typ[lifecycle.Countdown](),
	"filing/lifecycle.Event":           typ[lifecycle.Event](),
	"filing/lifecycle.Review":          typ[lifecycle.Review](),
	"filing/lifecycle.Role":            typ[lifecycle.Role](),
	"filing/lifecycle.State":           typ[lifecycle.State](),
	"filing/lifecycle.Transition":      typ[lifecycle.Transition](),
	"filing/lifecycle.TransitionError": typ[lifecycle.TransitionError](),

	// sms: the SMS verification; Person, Target, their slices and
	// Verification mask mobiles and hide certificate tails.
	"filing/sms.Countdown":    typ[sms.Countdown](),
	"filing/sms.FilingType":   typ[sms.FilingType](),
	"filing/sms.Person":       typ[sms.Person](),
	"filing/sms.Persons":      typ[sms.Persons](),
	"filing/sms.Role":         typ[sms.Role](),
	"filing/sms.Seal":         typ[sms.Seal](),
	"filing/sms.Status":       typ[sms.Status](),
	"filing/sms.Target":       typ[sms.Target](),
	"filing/sms.Targets":      typ[sms.Targets](),
	"filing/sms.Verification": typ[sms.Verification](),
	"filing/sms.Verifier":     typ[sms.Verifier](),

	// content: service content types and remarks; no personal data.
	"filing/content.Code":        typ[content.Code](),
	"filing/content.Declaration": typ[content.Declaration](),
	"filing/content.Problem":     typ[content.Problem](),
	"filing/content.Taxonomy":    typ[content.Taxonomy](),
	"filing/content.Type":        typ[content.Type](),

	// materials: a Case holds a filing, whose personal fields mask themselves.
	"filing/materials.Case":         typ[materials.Case](),
	"filing/materials.Code":         typ[materials.Code](),
	"filing/materials.ID":           typ[materials.ID](),
	"filing/materials.Material":     typ[materials.Material](),
	"filing/materials.MissingError": typ[materials.MissingError](),
	"filing/materials.Requirement":  typ[materials.Requirement](),
	"filing/materials.Row":          typ[materials.Row](),
	"filing/materials.Rules":        typ[materials.Rules](),

	// sitename: names, words and nature codes; no ID number, phone or e-mail.
	"filing/sitename.Code":      typ[sitename.Code](),
	"filing/sitename.Family":    typ[sitename.Family](),
	"filing/sitename.Finding":   typ[sitename.Finding](),
	"filing/sitename.Input":     typ[sitename.Input](),
	"filing/sitename.Rules":     typ[sitename.Rules](),
	"filing/sitename.Severity":  typ[sitename.Severity](),
	"filing/audit.Answer":       typ[audit.Answer](),
	"filing/audit.Answers":      typ[audit.Answers](),
	"filing/audit.Auditor":      typ[audit.Auditor](),
	"filing/audit.Error":        typ[audit.Error](),
	"filing/audit.Finding":      typ[audit.Finding](),
	"filing/audit.Kind":         typ[audit.Kind](),
	"filing/audit.Resolver":     typ[audit.Resolver](),
	"filing/audit.ResolverFunc": typ[audit.ResolverFunc](),
	"filing/audit.Site":         typ[audit.Site](),
	"filing/audit.SiteReport":   typ[audit.SiteReport](),
	"filing/audit.Summary":      typ[audit.Summary](),

	"filing/resource.Entry":              typ[resource.Entry](),
	"filing/resource.Error":              typ[resource.Error](),
	"filing/resource.IneligibleError":    typ[resource.IneligibleError](),
	"filing/resource.Instance":           typ[resource.Instance](),
	"filing/resource.Kind":               typ[resource.Kind](),
	"filing/resource.Ledger":             typ[resource.Ledger](),
	"filing/resource.MemoryStore":        typ[resource.MemoryStore](),
	"filing/resource.Option":             typ[resource.Option](),
	"filing/resource.Policy":             typ[resource.Policy](),
	"filing/resource.Set":                typ[resource.Set](),
	"filing/resource.State":              typ[resource.State](),
	"filing/resource.Store":              typ[resource.Store](),
	"filing/resource.Where":              typ[resource.Where](),
	"filing/resource/resourcetest.Clock": typ[resourcetest.Clock](),
	"filing/resource/pgstore.Error":      typ[rpgstore.Error](),
	"filing/resource/pgstore.Option":     typ[rpgstore.Option](),
	"filing/resource/pgstore.Store":      typ[rpgstore.Store](),

	"filing/record.Access":      typ[record.Access](),
	"filing/record.App":         typ[record.App](),
	"filing/record.AppPlatform": typ[record.AppPlatform](),
	"filing/record.DecodeError": typ[record.DecodeError](),
	"filing/record.Decoder":     typ[record.Decoder](),
	"filing/record.Encoder":     typ[record.Encoder](),
	"filing/record.LineDecoder": typ[record.LineDecoder](),
	"filing/record.ReadError":   typ[record.ReadError](),
	"filing/record.Record":      typ[record.Record](),
	"filing/record.Subject":     typ[record.Subject](),
	"filing/record.Website":     typ[record.Website](),

	"filing/shell.AppRecord":     typ[shell.AppRecord](),
	"filing/shell.FilingRecord":  typ[shell.FilingRecord](),
	"filing/shell.Finding":       typ[shell.Finding](),
	"filing/shell.FindingCounts": typ[shell.FindingCounts](),
	"filing/shell.FindingKind":   typ[shell.FindingKind](),
	"filing/shell.RecordError":   typ[shell.RecordError](),
	"filing/shell.RecordKind":    typ[shell.RecordKind](),
	"filing/shell.Report":        typ[shell.Report](),
	"filing/shell.StreamOption":  typ[shell.StreamOption](),
	"filing/shell.StreamRecord":  typ[shell.StreamRecord](),
	"filing/shell.StreamSummary": typ[shell.StreamSummary](),
	"filing/shell.SubjectRecord": typ[shell.SubjectRecord](),
	"filing/shell.SubjectReport": typ[shell.SubjectReport](),
	"filing/shell.WebsiteRecord": typ[shell.WebsiteRecord](),

	"forms.ApplicantKind":     typ[forms.ApplicantKind](),
	"forms.Application":       typ[forms.Application](),
	"forms.Attempt":           typ[forms.Attempt](),
	"forms.Authority":         typ[forms.Authority](),
	"forms.Checklist":         typ[forms.Checklist](),
	"forms.Date":              typ[forms.Date](),
	"forms.DeadlineError":     typ[forms.DeadlineError](),
	"forms.Decision":          typ[forms.Decision](),
	"forms.DomainCertificate": typ[forms.DomainCertificate](),
	"forms.Fingerprint":       {typ: reflect.TypeFor[forms.Fingerprint](), make: makeFingerprint},
	"forms.Guidance":          typ[forms.Guidance](),
	"forms.Kind":              typ[forms.Kind](),
	"forms.Material":          typ[forms.Material](),
	"forms.MaterialID":        typ[forms.MaterialID](),
	"forms.Occasion":          typ[forms.Occasion](),
	"forms.Outcome":           typ[forms.Outcome](),
	"forms.Processing":        typ[forms.Processing](),
	"forms.Result":            typ[forms.Result](),
	"forms.RetrievalRequest":  typ[forms.RetrievalRequest](),
	"forms.Secret":            typ[forms.Secret](),
	"forms.State":             typ[forms.State](),
	"forms.Target":            typ[forms.Target](),
	"forms/formpdf.Options":   typ[formpdf.Options](),
	"forms/formpdf.Printer":   typ[formpdf.Printer](),

	"conflict/mysqlstore.Error":   typ[cmysqlstore.Error](),
	"conflict/mysqlstore.Option":  typ[cmysqlstore.Option](),
	"conflict/mysqlstore.Store":   typ[cmysqlstore.Store](),
	"numbering/mysqlstore.Error":  typ[nmysqlstore.Error](),
	"numbering/mysqlstore.Option": typ[nmysqlstore.Option](),
	"numbering/mysqlstore.Store":  typ[nmysqlstore.Store](),
	"internal/sqltx.Dialect":      typ[sqltx.Dialect](),

	"conflict/pgstore.Error":    typ[cpgstore.Error](),
	"conflict/pgstore.Option":   typ[cpgstore.Option](),
	"conflict/pgstore.Store":    typ[cpgstore.Store](),
	"internal/sqltx.Error":      typ[sqltx.Error](),
	"internal/sqltx.Option":     typ[sqltx.Option](), // every adapter's Option is an alias of it
	"internal/sqltx.Policy":     typ[sqltx.Policy](),
	"numbering/pgstore.Error":   typ[npgstore.Error](),
	"numbering/pgstore.Option":  typ[npgstore.Option](),
	"numbering/pgstore.Store":   typ[npgstore.Store](),
	"internal/catalog.Entry":    typ[catalog.Entry](),
	"internal/catalog.Set":      typ[catalog.Set[filing.Code]](),
	"internal/jsonscan.Fault":   typ[jsonscan.Fault](),
	"internal/jsonscan.Scanner": typ[jsonscan.Scanner](),
	"internal/gittest.Repo":     typ[gittest.Repo](), // a test's throwaway repository: no personal data
	"numbering.AllocError":      typ[numbering.AllocError](),
	"numbering.Allocator":       typ[numbering.Allocator](),
	"numbering.Code":            typ[numbering.Code](),
	"numbering.Counter":         typ[numbering.Counter](),
	"numbering.Key":             typ[numbering.Key](),
	"numbering.Kind":            typ[numbering.Kind](),
	"numbering.Match":           typ[numbering.Match](),
	"numbering.MemoryStore":     typ[numbering.MemoryStore](),
	"numbering.Number":          typ[numbering.Number](),
	"numbering.ParseError":      typ[numbering.ParseError](),
	"numbering.ServiceKind":     typ[numbering.ServiceKind](),
	"numbering.Store":           typ[numbering.Store](),
}

// sentinelRecord is a conflict record whose subject certificate is the
// sentinel ID.
func sentinelRecord() conflict.Record {
	return conflict.Record{
		Subject: conflict.SubjectRecord{Number: "京ICP备2020000001号", Province: "11", Name: "张三",
			Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: sentID},
		Websites: []conflict.WebsiteRecord{{Number: "京ICP备2020000001号-1", Name: "张三的博客", Domains: []string{"zhangsan.cn"}}},
	}
}

func makeIndex(t *testing.T) any {
	ix := conflict.New()
	require.NoError(t, ix.Put(sentinelRecord()))
	return ix
}

// makeMemoryStore returns a store holding the sentinel record (its keys
// hold the sentinel certificate).
func makeMemoryStore(t *testing.T) any {
	s := conflict.NewMemoryStore()
	_, err := s.Put(t.Context(), sentinelRecord(), conflict.Unconditional)
	require.NoError(t, err)
	return s
}

// contactKeyer is a keyer whose secret holds the sentinel mobile, so that a
// keyer printing its secret would leak it.
func contactKeyer(t *testing.T) *conflict.ContactKeyer {
	k, err := conflict.NewContactKeyer([]byte("secret:" + sentPhone + ":" + sentEmail))
	require.NoError(t, err)
	return k
}

// contactFiling is a filing whose principals hold the sentinel mobile and
// e-mail address, of the subject with certificate cert.
func contactFiling(cert string) *filing.Filing {
	p := filing.Person{Name: "张三", CertType: filing.CertResidentID, CertNumber: sentID, Mobile: sentPhone, Email: sentEmail}
	return &filing.Filing{
		Subject:  filing.Subject{Province: "11", Number: "京ICP备05002571号", Name: "北京某科技有限公司", CertType: "工商营业执照", CertNumber: filing.IDNumber(cert), Principal: p},
		Websites: []filing.Website{{Service: filing.Service{Name: "网站", Principal: p}, Domains: []string{"example.cn"}}},
	}
}

// makeContacts returns a register holding the sentinel contacts.
func makeContacts(t *testing.T) any {
	c := conflict.NewContacts(contactKeyer(t))
	require.NoError(t, c.Put(contactFiling("91110000802100433B")))
	return c
}

// TestPromiseContactClaimsNeverRaw: the contact claims keep no
// contact in clear anywhere, encoding/json included: the register's keys,
// a conflict with another subject, the ClaimError of a losing Put.
func TestPromiseContactClaimsNeverRaw(t *testing.T) {
	k := contactKeyer(t)
	c := conflict.NewContacts(k)
	first := contactFiling("91110000802100433B")
	require.NoError(t, c.Put(first))
	second := contactFiling("91110000MA00000001")
	second.Subject.Number = ""
	claims, invalid := k.ContactClaims(second)
	require.Len(t, claims, 2)
	require.Empty(t, invalid)
	conflicts := c.Check(second)
	require.Len(t, conflicts, 2)
	err := c.Put(second)
	require.ErrorIs(t, err, conflict.ErrKeyTaken)
	for what, v := range map[string]any{"claims": claims, "conflicts": conflicts, "error": err, "contacts": c, "keyer": k} {
		j, jerr := json.Marshal(v)
		if jerr == nil {
			assertNoLeak(t, "json of "+what, string(j))
		}
		checkFmt(t, what, v)
		checkSlog(t, what, v, nil)
	}
	assertNoLeak(t, "error text", err.Error())
	p := conflict.CheckMobileProvince(conflict.ContactProvinceRule{Province: "11", RequireLocalMobile: true}, "subject.principal.mobile", sentPhone, nil)
	require.NotNil(t, p)
	assertNoLeak(t, "province problem", p.Zh+p.En+p.Error())
}

// makeReplica returns a replica loaded from makeMemoryStore's store.
func makeReplica(t *testing.T) any {
	s := makeMemoryStore(t).(*conflict.MemoryStore)
	r := conflict.NewReplica(s, conflict.New())
	_, err := r.Load(t.Context())
	require.NoError(t, err)
	return r
}

func makeFingerprint(t *testing.T) any {
	return forms.FingerprintOf("京ICP备2020000001号", filing.CertResidentID, sentID)
}

// personalField tells whether a plain string field's name says it holds
// personal data, so that a new type keeping such data in a string instead
// of IDNumber, Phone or Email is caught.
var personalField = regexp.MustCompile(`(?i)(cert_?number|id_?number|idcard|mobile|phone|landline|e_?mail)`)

var (
	idType    = reflect.TypeFor[filing.IDNumber]()
	phoneType = reflect.TypeFor[filing.Phone]()
	emailType = reflect.TypeFor[filing.Email]()
	timeType  = reflect.TypeFor[time.Time]()
)

// filler fills a value with sentinels and "x" for other strings.
type filler struct {
	placed   int // sentinels placed
	exported int // of which reachable through exported fields only
}

func sentinelFor(name string, t reflect.Type) string {
	switch {
	case t == phoneType || regexp.MustCompile(`(?i)mobile|phone|landline`).MatchString(name):
		return sentPhone
	case t == emailType || regexp.MustCompile(`(?i)mail`).MatchString(name):
		return sentEmail
	}
	return sentID
}

func (f *filler) fill(v reflect.Value, name string, exported bool, depth int) {
	if depth > 8 || !v.CanSet() {
		return
	}
	t := v.Type()
	switch {
	case t == idType || t == phoneType || t == emailType ||
		(t.Kind() == reflect.String && personalField.MatchString(name)):
		v.SetString(sentinelFor(name, t))
		f.placed++
		if exported {
			f.exported++
		}
		return
	case t == timeType:
		v.Set(reflect.ValueOf(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)))
		return
	}
	switch t.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Struct:
		for i := range t.NumField() {
			sf := t.Field(i)
			fv := v.Field(i)
			if !sf.IsExported() {
				if !personalField.MatchString(sf.Name) {
					continue
				}
				fv = reflect.NewAt(fv.Type(), unsafe.Pointer(fv.UnsafeAddr())).Elem()
			}
			f.fill(fv, sf.Name, exported && sf.IsExported(), depth+1)
		}
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		f.fill(p.Elem(), name, exported, depth+1)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(t, 1, 1)
		f.fill(s.Index(0), name, exported, depth+1)
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			f.fill(v.Index(i), name, exported, depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(t)
		k := reflect.New(t.Key()).Elem()
		f.fill(k, name, exported, depth+1)
		e := reflect.New(t.Elem()).Elem()
		f.fill(e, name, exported, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	}
}

func assertNoLeak(t *testing.T, what, out string) bool {
	t.Helper()
	for _, p := range leakParts {
		if strings.Contains(out, p) {
			return assert.Failf(t, "personal data in clear", "%s shows %q:\n%s", what, p, out)
		}
	}
	return true
}

var verbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%20v", "%-8s"}

// checkFmt prints x with every verb and, for an error, its message.
func checkFmt(t *testing.T, name string, x any) {
	t.Helper()
	for _, verb := range verbs {
		assertNoLeak(t, verb+" of "+name, fmt.Sprintf(verb, x))
	}
	assertNoLeak(t, "Sprint of "+name, fmt.Sprint(x))
	assertNoLeak(t, "Sprintln of "+name, fmt.Sprintln(x))
	if err, ok := x.(error); ok && !reflect.ValueOf(x).IsZero() {
		assertNoLeak(t, "Error() of "+name, err.Error())
		assertNoLeak(t, "wrapped "+name, fmt.Errorf("wrapped: %w", err).Error())
	}
	if s, ok := x.(fmt.Stringer); ok {
		assertNoLeak(t, "String() of "+name, s.String())
	}
}

// quiet drops the time of every record, then applies opts' ReplaceAttr: a
// timestamp's digits ("…T15:58:43.380013…") can contain a leak part and
// would make the test fail once in a while.
func quiet(opts *slog.HandlerOptions) *slog.HandlerOptions {
	var o slog.HandlerOptions
	if opts != nil {
		o = *opts
	}
	inner := o.ReplaceAttr
	o.ReplaceAttr = func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		if inner != nil {
			return inner(groups, a)
		}
		return a
	}
	return &o
}

// checkSlog logs x through the text and the JSON handler, as a top-level
// attribute, inside a group, through With and WithGroup.
func checkSlog(t *testing.T, name string, x any, opts *slog.HandlerOptions) {
	t.Helper()
	for hname, mk := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, quiet(opts)) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, quiet(opts)) },
	} {
		var b bytes.Buffer
		l := slog.New(mk(&b))
		l.Info("m", "v", x)
		l.Info("m", slog.Group("g", "v", x, slog.Group("h", "w", x)))
		l.With("with", x).WithGroup("grp").Info("m", "v", x, slog.Any("any", x))
		l.LogAttrs(t.Context(), slog.LevelInfo, "m", slog.Any("v", x))
		assertNoLeak(t, "slog "+hname+" of "+name, b.String())
	}
}

// TestPromisePersonalDataMasked: every exported type, filled with sentinel
// personal data, shows none of it in clear through fmt (every verb), slog
// (text and JSON handlers, top level, in groups, With) or its error
// message; encoding/json keeps it raw. T and *T are logged as they are; a
// plain []T or map[string]T through the text handler as it is and through
// the JSON handler with filing.MaskAttr, as the README says.
func TestPromisePersonalDataMasked(t *testing.T) {
	masked := &slog.HandlerOptions{ReplaceAttr: filing.MaskAttr}
	for name, e := range registry {
		t.Run(name, func(t *testing.T) {
			var x any
			var f filler
			switch {
			case e.make != nil:
				x = e.make(t)
				f.placed = 1
			case e.typ.Kind() == reflect.Interface || e.typ.Kind() == reflect.Func:
				return // no values of their own
			default:
				p := reflect.New(e.typ)
				f.fill(p.Elem(), e.typ.Name(), true, 0)
				x = p.Elem().Interface()
			}
			rv := reflect.ValueOf(x)
			ptr := reflect.New(rv.Type())
			ptr.Elem().Set(rv)
			slice := reflect.MakeSlice(reflect.SliceOf(rv.Type()), 1, 1)
			slice.Index(0).Set(rv)
			m := reflect.MakeMap(reflect.MapOf(reflect.TypeFor[string](), rv.Type()))
			m.SetMapIndex(reflect.ValueOf("k"), rv)
			ptrs := reflect.MakeSlice(reflect.SliceOf(ptr.Type()), 1, 1)
			ptrs.Index(0).Set(ptr)
			ptrMap := reflect.MakeMap(reflect.MapOf(reflect.TypeFor[string](), ptr.Type()))
			ptrMap.SetMapIndex(reflect.ValueOf("k"), ptr)

			for what, v := range map[string]any{"T": x, "*T": ptr.Interface()} {
				checkFmt(t, what, v)
				checkSlog(t, what, v, nil)
				checkSlog(t, what+" (MaskAttr)", v, masked)
			}
			for what, v := range map[string]any{"[]T": slice.Interface(), "map[string]T": m.Interface(), "[]*T": ptrs.Interface(), "map[string]*T": ptrMap.Interface()} {
				checkFmt(t, what, v)
				var b bytes.Buffer
				slog.New(slog.NewTextHandler(&b, quiet(nil))).Info("m", "v", v, slog.Group("g", "v", v))
				assertNoLeak(t, "slog text of "+what, b.String())
				checkSlog(t, what+" (MaskAttr)", v, masked)
				assertNoLeak(t, "MaskedLogValue of "+what, slogJSON(filing.MaskedLogValue(v)))
			}
			if f.exported > 0 {
				// Not vacuous: the masked forms are there.
				assert.Contains(t, slogJSON(slog.AnyValue(x)), "***", "slog JSON shows no masked value")
				assert.Contains(t, fmt.Sprintf("%+v", x), "***", "fmt shows no masked value")
				j, err := json.Marshal(x)
				if err == nil {
					assert.True(t, containsAny(string(j)), "encoding/json must keep personal data raw: %s", j)
				}
			}
		})
	}
}

func slogJSON(v slog.Value) string {
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, quiet(nil))).Info("m", "v", v)
	return b.String()
}

func containsAny(s string) bool {
	for _, p := range []string{sentID, sentPhone, sentEmail} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// TestPromiseRegistryComplete: the registry lists every exported type the
// module's sources declare, and nothing else.
func TestPromiseRegistryComplete(t *testing.T) {
	declared := exportedTypes(t)
	require.NotEmpty(t, declared)
	seen := map[string]bool{}
	for _, n := range declared {
		seen[n] = true
		assert.Contains(t, registry, n, "exported type %s is not in the privacy registry (internal/privacy/privacy_test.go): add it", n)
	}
	for n := range registry {
		assert.True(t, seen[n], "registry entry %s names no exported type", n)
	}
}

// TestPromiseFillerFindsPersonalData: the filler reaches the personal data
// of the model, so the masking test is not vacuous.
func TestPromiseFillerFindsPersonalData(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[filing.Filing](), reflect.TypeFor[conflict.Record](), reflect.TypeFor[forms.Application]()} {
		var f filler
		f.fill(reflect.New(typ).Elem(), typ.Name(), true, 0)
		assert.Positive(t, f.exported, typ.String())
	}
	// A type that keeps a certificate number in a plain string is filled
	// too, and leaks: the check sees it.
	type leaky struct {
		HolderCertNumber string
	}
	var f filler
	v := reflect.New(reflect.TypeFor[leaky]()).Elem()
	f.fill(v, "leaky", true, 0)
	require.Equal(t, 1, f.placed)
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, quiet(nil))).Info("m", "v", v.Interface())
	assert.Contains(t, b.String(), sentID)
}

// TestPromiseErrorsDoNotEchoPersonalData: the errors of the checks and of
// validation never quote the personal data they reject.
func TestPromiseErrorsDoNotEchoPersonalData(t *testing.T) {
	bad := []string{sentID[:17] + "1", sentID[:16], sentPhone[:10], sentPhone + "9", "zhang.san@@example.com", "zhang.san@example", "zhang.san"}
	var errs []error
	for _, s := range bad {
		for _, ct := range []filing.CertType{filing.CertResidentID, filing.CertPassport, filing.CertBusinessLicence} {
			errs = append(errs, certno.CheckCertNumber(ct, s))
		}
		errs = append(errs, contact.CheckMobile(s), contact.CheckLandline(s), contact.CheckEmail(s), certno.CheckResidentID(s))
		f := filingtest.New(1).Filing(filingtest.New(2).Individual("52"), 1)
		f.Subject.CertNumber = filing.IDNumber(s)
		f.Subject.Principal.Mobile = filing.Phone(s)
		f.Subject.Principal.Email = filing.Email(s)
		f.Websites[0].Principal.Landline = filing.Phone(s)
		errs = append(errs, filing.Validate(f))
		ix := conflict.New()
		_, err := ix.Check(f)
		errs = append(errs, err)
	}
	n := 0
	for _, err := range errs {
		if err == nil {
			continue
		}
		n++
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			assertNoLeak(t, verb+" of error", fmt.Sprintf(verb, err))
		}
		var ve *filing.ValidationError
		if errors.As(err, &ve) {
			j, _ := json.Marshal(ve)
			assertNoLeak(t, "JSON of a validation error", string(j))
		}
	}
	require.Greater(t, n, len(bad), "the bad values must be rejected")
}
