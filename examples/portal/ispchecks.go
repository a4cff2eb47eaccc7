package main

// The ISP's own checks before a filing goes to the bureau: the principals'
// contacts against other subjects and the filing resource the
// applicant names. handleCreate calls precheck before recording a
// filing and settle after; recordApp checks an app filing's contacts.

import (
	"context"
	"crypto/rand"
	"errors"
	"net/http"
	"net/netip"
	"strings"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/resource"
)

// demoAccount is the account of the portal's users in the demo (a real
// portal takes it from the signed-in user).
const demoAccount = "portal-user"

// ispChecks is the state of the ISP's own checks.
type ispChecks struct {
	keyer    *conflict.ContactKeyer // nil: the contact check is off
	contacts *conflict.Contacts
	ledger   *resource.Ledger
}

// stampContacts puts the principals' contact keys in rec (keyed hashes,
// R-94), so that the record set refuses them to another subject on every
// instance that shares its store, not only in this instance's register.
func (c *ispChecks) stampContacts(rec *conflict.Record, f *filing.Filing) {
	if c.keyer != nil {
		c.keyer.Stamp(rec, f)
	}
}

// stampContactsAdd adds the contact keys of the principals of f, a
// filing that adds to a subject on file (an app), to those rec holds.
func (c *ispChecks) stampContactsAdd(rec *conflict.Record, f *filing.Filing) {
	if c.keyer != nil {
		c.keyer.StampAdd(rec, f)
	}
}

// contactConflicts runs this instance's contact check: the
// contacts of f's principals that another subject holds.
func (c *ispChecks) contactConflicts(f *filing.Filing) []conflict.Conflict {
	if c.contacts == nil {
		return nil // the contact check is off
	}
	return c.contacts.Check(f)
}

// takenContacts turns the record set's refusal of a contact key (another
// instance recorded it first) into the conflicts the contact check gives.
func (c *ispChecks) takenContacts(f *filing.Filing, err error) []conflict.Conflict {
	if c.keyer == nil {
		return nil
	}
	return c.keyer.TakenConflicts(f, err)
}

// newISPChecks builds the contact register over key (nil: the contact
// check is off; main sets a random key per process) and a Tencent-like
// ledger holding the filing resources of the demo's
// instance, whose codes it logs at debug level (codes are no personal
// data).
func (s *server) newISPChecks(key []byte, codes int) error {
	if key != nil {
		k, err := conflict.NewContactKeyer(key)
		if err != nil {
			return err
		}
		s.checks.keyer, s.checks.contacts = k, conflict.NewContacts(k)
	}
	policy, _ := resource.PolicyNamed("tencent")
	var err error
	if s.checks.ledger, err = resource.NewLedger(resource.NewMemoryStore(), policy, resource.WithNow(s.now)); err != nil {
		return err
	}
	inst := resource.Instance{ID: "demo-cvm-1", Account: "isp-demo", Prepaid: true, Running: true, Mainland: true,
		PublicIP: netip.MustParseAddr("119.29.29.29"), ExpiresAt: s.now().AddDate(1, 0, 0)}
	for range min(codes, policy.CapPerInstance) {
		e, err := s.checks.ledger.Issue(context.Background(), inst)
		if err != nil {
			return err
		}
		s.log.Debug("demo filing resource issued", "code", e.Code, "instance", e.Instance)
	}
	return nil
}

// hold is what precheck reserved for a filing: the resource code redeemed
// under a provisional order ID, or nothing.
type hold struct{ code, order string }

// precheck runs the contact check and redeems the resource code (if one
// was given). On refusal it renders the form with the reasons (409, or
// 422 for a malformed code) and returns false.
func (s *server) precheck(w http.ResponseWriter, form filingForm, f *filing.Filing, code string) (hold, bool) {
	if cs := s.checks.contactConflicts(f); len(cs) > 0 {
		s.log.Info("filing refused: contact conflict", "province", f.Subject.Province, "conflicts", len(cs))
		page := newFormPage(form)
		page.addConflicts(disclose(f, cs)) // disclosure.go: contacts are not certificate kinds, shown in full
		s.render(w, http.StatusConflict, "form.html", page)
		return hold{}, false
	}
	code = strings.TrimSpace(code)
	if code == "" {
		return hold{}, true
	}
	h := hold{code: code, order: rand.Text()}
	if _, err := s.checks.ledger.Redeem(context.Background(), code, demoAccount, h.order); err != nil {
		re, ok := errors.AsType[*resource.Error](err)
		if !ok {
			s.internalError(w, "resource", err)
			return hold{}, false
		}
		s.log.Info("filing refused: filing resource", "code", re.Code)
		page := newFormPage(form)
		page.Invalid = true
		page.Errors["resource_code"] = append(page.Errors["resource_code"], re.Zh)
		status := http.StatusConflict
		if errors.Is(err, resource.ErrBadCode) || errors.Is(err, resource.ErrNotFound) {
			status = http.StatusUnprocessableEntity
		}
		s.render(w, status, "form.html", page)
		return hold{}, false
	}
	return h, true
}

// settle records the contacts of an accepted filing, or frees the
// resource of a refused one (reusable after abandonment, R-96). A filing
// accepted here is under review: its resource stays in review until the
// bureau decides (Complete or Abandon).
func (s *server) settle(f *filing.Filing, h hold, accepted bool) {
	if !accepted {
		if h.code != "" {
			if _, err := s.checks.ledger.Abandon(context.Background(), h.code, h.order); err != nil {
				s.log.Warn("freeing a filing resource", "err", err)
			}
		}
		return
	}
	if s.checks.contacts == nil {
		return
	}
	if err := s.checks.contacts.Put(f); err != nil {
		// A race with another submission of the same contacts: the
		// register keeps the first; the bureau's check decides.
		s.log.Warn("contact claims", "err", err)
	}
}
