package record

import (
	"fmt"
	"log/slog"
	"net/netip"
	"time"

	"github.com/beiankit/beian/filing"
)

// Record is what the filing system has on file for one subject: the subject
// with its websites and apps. It is one line of the export.
//
// A record is identified by its subject certificate (type and number) and,
// once approved, by its subject number. Records of filings under review or
// returned have no numbers and say so in their status.
type Record struct {
	Subject  Subject   `json:"subject"`
	Websites []Website `json:"websites,omitempty"`
	// Apps are the subject's apps, mini-programs and quick apps.
	Apps []App `json:"apps,omitempty"`
}

// Subject is the subject part of a Record.
type Subject struct {
	// Number is the subject record number, e.g. "黔ICP备1500041X号"; empty
	// before approval.
	Number string `json:"number,omitempty"`
	// Licence is the ICP licence number (ICP经营许可证, e.g. "京ICP证000001号")
	// of a commercial subject, if any; the public query finds it.
	Licence string `json:"licence,omitempty"`
	// Province is the two-digit GB/T 2260 code of the subject's bureau.
	Province string `json:"province"`
	// Name is the sponsor name (主办单位名称).
	Name string `json:"name"`
	// Nature is the subject nature (主办单位性质).
	Nature filing.Nature `json:"nature"`
	// CertType and CertNumber are the subject certificate. CertNumber is
	// personal data for individuals; fmt and slog mask it.
	CertType   filing.CertType `json:"cert_type"`
	CertNumber filing.IDNumber `json:"cert_number"`
	// Status is the subject's status. Empty means approved when Number is
	// set.
	Status filing.Status `json:"status,omitempty"`
	// ApprovedAt is when the subject was approved (its number issued);
	// zero when unknown.
	ApprovedAt time.Time `json:"approved_at,omitzero"`
	// ContactKeys are the claim keys of the principals' mobile numbers
	// and e-mail addresses, as conflict.ContactKeyer.Stamp sets
	// them: "mobile:" or "email:" and a keyed hash in 32 hexadecimal
	// digits, never a contact itself. A conflict store claims them as it
	// claims domains, so that another subject's filing that uses a
	// principal's contact is refused, on every instance of a portal. The
	// public query shows none of them; the conflict index keeps them with
	// the record (its Lookup gives them back) but checks none: the store
	// does, and conflict.Contacts in memory.
	ContactKeys []string `json:"contact_keys,omitempty"`
}

// Website is one website of a Record.
type Website struct {
	// Number is the website record number, e.g. "黔ICP备1500041X号-1",
	// under the subject's number. Empty before approval.
	Number string `json:"number,omitempty"`
	// Name is the website name (网站名称).
	Name string `json:"name"`
	// Domains are the website's domains as filed.
	Domains []string `json:"domains"`
	// HomeURL is the home page URL (网站首页网址).
	HomeURL string `json:"home_url,omitempty"`
	// IPs are the website's access addresses (网站IP地址): those of its
	// access records in force.
	IPs []netip.Addr `json:"ips,omitempty"`
	// Access is the website's access history (接入信息): which ISP served
	// it and when, as the shell classification reads it.
	Access []Access `json:"access,omitempty"`
	// Status is the website's status: approved and access_cancelled are on
	// the public record; isp_verifying and bureau_review are under review;
	// returned_to_user and returned_to_isp were rejected.
	// Empty means approved when Number is set.
	Status filing.Status `json:"status,omitempty"`
	// ApprovedAt is when the website was approved; zero when unknown.
	ApprovedAt time.Time `json:"approved_at,omitzero"`
	// Restricted is the public query's "是否限制接入": the website may not
	// be given access (R-33 shows it beside the number).
	Restricted bool `json:"restricted,omitempty"`
}

// ServiceType returns the service type the public query shows for a
// website: "网站".
func (Website) ServiceType() string { return filing.AppKind("").ServiceType() }

// Access is one access period of a website or app: the ISP that served it,
// from Since until Until (zero: still served).
type Access struct {
	// ISP is the access provider (接入服务商).
	ISP string `json:"isp"`
	// ISPProvince is the GB/T 2260 code of the ISP's province, if known.
	ISPProvince string `json:"isp_province,omitempty"`
	// Since is when the access began; Until when it ended (zero: open).
	Since time.Time `json:"since,omitzero"`
	Until time.Time `json:"until,omitzero"`
}

// Active reports whether the access serves at t, as filing.Access.Active:
// Since ≤ t and (Until zero or t < Until).
func (a Access) Active(t time.Time) bool {
	return !a.Since.After(t) && (a.Until.IsZero() || a.Until.After(t))
}

// App is one app, mini-program or quick app of a Record.
type App struct {
	// Number is the app's record number (…号-3A, 粤B2-20090059-1626X),
	// under the subject's number. Empty before approval.
	Number string `json:"number,omitempty"`
	// Kind is app, mini_program or quick_app.
	Kind filing.AppKind `json:"kind"`
	// Name is the app's name.
	Name string `json:"name"`
	// Platforms are the app's platform identifiers; none for
	// mini-programs and quick apps.
	Platforms []AppPlatform `json:"platforms,omitempty"`
	// Host is the platform that hosts a mini-program or quick app.
	Host filing.HostPlatform `json:"host,omitempty"`
	// Access is an app's access history; mini-programs and quick
	// apps have none (their host serves them).
	Access []Access `json:"access,omitempty"`
	// Status is as for a website: empty means approved when Number is set.
	Status filing.Status `json:"status,omitempty"`
	// ApprovedAt is when the app was approved; zero when unknown.
	ApprovedAt time.Time `json:"approved_at,omitzero"`
}

// ServiceType returns the service type the public query shows for the app:
// "APP应用", "小程序" or "快应用".
func (a App) ServiceType() string { return a.Kind.ServiceType() }

// AppPlatform is one platform identifier of an app (Android package name,
// iOS Bundle ID, HarmonyOS bundle name).
type AppPlatform struct {
	Platform   filing.Platform `json:"platform"`
	Identifier string          `json:"identifier"`
}

// LogValue logs the record with the subject's certificate number masked.
func (r Record) LogValue() slog.Value { return filing.MaskedLogValue(r) }

// LogValue logs the subject with its certificate number masked.
func (s Subject) LogValue() slog.Value { return filing.MaskedLogValue(s) }

// Format prints the record as fmt prints a struct, the certificate number
// masked for every verb.
func (r Record) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, r) }

// Format prints the subject as fmt prints a struct, the certificate number
// masked for every verb.
func (s Subject) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, s) }
