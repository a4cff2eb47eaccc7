package resource

import (
	"net/netip"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/ipclass"
)

// State is the state of a ledger Entry.
type State string

// States of an Entry (Alibaba Cloud's 备案服务号 states in brackets).
const (
	// StateIssued: bound to its instance, free to redeem (已绑定).
	StateIssued State = "issued"
	// StateInReview: redeemed by one filing that is under review (备案中).
	StateInReview State = "in_review"
	// StateFiled: the filing succeeded; the resource is spent (已备案).
	StateFiled State = "filed"
	// StateRevoked: withdrawn by the ISP or its owner before use (已失效).
	StateRevoked State = "revoked"
	// StateExpired: the instance expired before the resource was spent
	// (已失效). Never stored: StateAt derives it from ExpiresAt.
	StateExpired State = "expired"
)

// Zh returns the state's Chinese name.
func (s State) Zh() string {
	switch s {
	case StateIssued:
		return "可用"
	case StateInReview:
		return "备案中"
	case StateFiled:
		return "已备案"
	case StateRevoked, StateExpired:
		return "已失效"
	}
	return "未知"
}

// Instance is what the caller knows of the cloud instance a resource is
// issued from. The ISP supplies these facts from its own systems; Eligible
// judges them against a Policy, and checks the address itself.
type Instance struct {
	// ID is the ISP's instance ID.
	ID string `json:"id"`
	// Account is the account that owns the instance.
	Account string `json:"account"`
	// Prepaid is true for a subscription (包年包月) instance.
	Prepaid bool `json:"prepaid"`
	// Trial is true for a free or trial product.
	Trial bool `json:"trial,omitempty"`
	// Running is true for an instance in normal operation.
	Running bool `json:"running"`
	// Mainland is true for an instance in a mainland China region.
	Mainland bool `json:"mainland"`
	// PublicIP is the instance's public address (zero: none).
	PublicIP netip.Addr `json:"public_ip"`
	// LoadBalancer is true when PublicIP is a load balancer's.
	LoadBalancer bool `json:"load_balancer,omitempty"`
	// ExpiresAt is the end of the paid service.
	ExpiresAt time.Time `json:"expires_at"`
}

// Entry is one filing resource in the ledger.
type Entry struct {
	// Code is the normalised code (NormalizeCode).
	Code string `json:"code"`
	// Kind is the policy's kind of resource.
	Kind Kind `json:"kind"`
	// Instance is the ID of the instance it was issued from.
	Instance string `json:"instance"`
	// Owner is the account that owns the instance.
	Owner string `json:"owner"`
	// Grantee is the account it was granted to, or "".
	Grantee string `json:"grantee,omitempty"`
	// State is the stored state (StateAt adds expiry).
	State State `json:"state"`
	// FilingID is the filing that redeemed it (in review or filed).
	FilingID string `json:"filing_id,omitempty"`
	// Filer is the account that redeemed it.
	Filer string `json:"filer,omitempty"`
	// RecordNumber is the record number of the successful filing.
	RecordNumber string `json:"record_number,omitempty"`
	// IssuedAt is when it was issued.
	IssuedAt time.Time `json:"issued_at"`
	// ExpiresAt is the instance's end of service: the resource dies with it.
	ExpiresAt time.Time `json:"expires_at"`
	// UpdatedAt is the time of the last step.
	UpdatedAt time.Time `json:"updated_at"`
}

// StateAt returns the state at t: a resource not yet spent (issued or in
// review) whose instance expired at or before t is StateExpired.
func (e Entry) StateAt(t time.Time) State {
	if (e.State == StateIssued || e.State == StateInReview) && !t.Before(e.ExpiresAt) {
		return StateExpired
	}
	return e.State
}

// Live reports whether the entry counts toward its instance's cap: issued,
// in review or filed (a filed resource keeps using its instance).
func (s State) Live() bool { return s == StateIssued || s == StateInReview || s == StateFiled }

// MonthsLater returns t plus n calendar months in China Standard Time, the
// day clamped to the month's last day (30 November plus 3 months is 28 or 29
// February, not 2 March). DESIGN: the documents count months without saying
// how month ends fall; clamping never lets a shorter month lengthen the
// requirement.
func MonthsLater(t time.Time, n int) time.Time {
	c := t.In(calendar.Location())
	y, m, d := c.Date()
	first := time.Date(y, m+time.Month(n), 1, c.Hour(), c.Minute(), c.Second(), c.Nanosecond(), calendar.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// Eligible judges inst against p at now and returns nil or an
// *IneligibleError with every reason. The public address must be a global
// unicast address outside the private, shared (100.64.0.0/10) and
// documentation ranges; the instance must have at least MinMonthsLeft
// calendar months of service left (MonthsLater).
func Eligible(inst Instance, p Policy, now time.Time) error {
	var rs []*Error
	add := func(code filing.Code, args ...any) {
		rs = append(rs, newError(code, inst.ID, append([]any{inst.ID}, args...)...))
	}
	if p.RequirePrepaid && !inst.Prepaid {
		add(ErrNotPrepaid)
	}
	if p.RefuseTrial && inst.Trial {
		add(ErrTrial)
	}
	if p.RequireRunning && !inst.Running {
		add(ErrNotRunning)
	}
	if p.RequireMainland && !inst.Mainland {
		add(ErrNotMainland)
	}
	if p.RequirePublicIP && !IsPublic(inst.PublicIP) {
		add(ErrNoPublicIP)
	}
	if p.RefuseLoadBalancer && inst.LoadBalancer {
		add(ErrLoadBalancerIP)
	}
	if !now.Before(inst.ExpiresAt) || (p.MinMonthsLeft > 0 && inst.ExpiresAt.Before(MonthsLater(now, p.MinMonthsLeft))) {
		add(ErrMonthsLeft, max(p.MinMonthsLeft, 1))
	}
	if len(rs) == 0 {
		return nil
	}
	return &IneligibleError{Instance: inst.ID, Reasons: rs}
}

// IsPublic reports whether a is a public address: valid, global unicast,
// not private and in no special-purpose range (shared, documentation,
// benchmarking, reserved; RFC 6890). An IPv4-mapped IPv6 address is judged
// as its IPv4 address.
func IsPublic(a netip.Addr) bool { return ipclass.IsPublic(a) }
