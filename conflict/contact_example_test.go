package conflict_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
)

// A mobile number already used by another subject's principal is a
// conflict (R-94); the register keeps only keyed hashes of the numbers.
// guidance.For renders what to tell the applicant.
func ExampleContacts_Check() {
	keyer, _ := conflict.NewContactKeyer([]byte("the ISP's secret, at least 16 bytes"))
	contacts := conflict.NewContacts(keyer)
	filed := &filing.Filing{Subject: filing.Subject{Province: "52", Number: "黔ICP备2026000001号",
		CertType: "工商营业执照", CertNumber: "91520100MA6H000001",
		Principal: filing.Person{Mobile: "13800138000", Email: "boss@example.com"}}}
	_ = contacts.Put(filed)
	applicant := &filing.Filing{Subject: filing.Subject{Province: "52",
		CertType: "工商营业执照", CertNumber: "91520100MA6H000002",
		Principal: filing.Person{Mobile: "+86 138 0013 8000", Email: "new@example.com"}}}
	for _, c := range contacts.Check(applicant) {
		fmt.Println(c.Rule(), c.Path, c.Contact, c.Blocking.SubjectNumber)
		g := guidance.For(c)
		fmt.Println(g.Zh)
		fmt.Println(g.Steps[0].Zh)
	}
	// Output:
	// R-94 subject.principal.mobile mobile 黔ICP备2026000001号
	// 该负责人手机号码已被其他主体的负责人使用，不能用于本主体备案
	// 请填写负责人本人实名登记、本人使用的手机号码；管局核查时会拨打电话核实
}

// An index made WithContacts checks the principals' mobiles and e-mail
// addresses in the same Check as the domains (R-94, R-30): one call, one
// list of conflicts.
func ExampleWithContacts() {
	keyer, _ := conflict.NewContactKeyer([]byte("the ISP's secret, at least 16 bytes"))
	contacts := conflict.NewContacts(keyer)
	ix := conflict.New(conflict.WithContacts(contacts))
	filed := conflicttest.Pending("91520100MA6H000001", "52", "example.cn")
	_ = ix.Put(filed)
	f := conflicttest.FilingOf(filed)
	f.Subject.Principal = filing.Person{Name: "王芳", Mobile: "13800138000"}
	_ = contacts.Put(f)

	applicant := conflicttest.FilingOf(conflicttest.Pending("91520100MA6H000002", "52", "www.example.cn"))
	applicant.Subject.Principal = filing.Person{Name: "李娜", Mobile: "138 0013 8000"}
	conflicts, _ := ix.Check(applicant)
	for _, c := range conflicts {
		fmt.Println(c.Rule(), c.Kind, c.Path)
	}
	// Output:
	// R-30 conflict.domain_same_province websites[0].domains[0]
	// R-94 conflict.contact_taken subject.principal.mobile
}

// Stamp puts the principals' contact keys in the record a Store claims, so
// that every instance of a portal refuses a contact another subject holds
// (R-94): the store keeps keyed hashes, never the numbers.
// TakenConflicts turns the store's refusal into Conflicts.
func ExampleContactKeyer_Stamp() {
	ctx := context.Background()
	keyer, _ := conflict.NewContactKeyer([]byte("the ISP's secret, at least 16 bytes"))
	store := conflict.NewMemoryStore()
	file := func(cert, domain, mobile string) (*filing.Filing, error) {
		rec := conflicttest.Pending(cert, "52", domain)
		f := conflicttest.FilingOf(rec)
		f.Subject.Principal = filing.Person{Name: "王芳", Mobile: filing.Phone(mobile)}
		keyer.Stamp(&rec, f)
		_, err := store.Put(ctx, rec, conflict.Unconditional)
		return f, err
	}
	_, _ = file("91520100MA6H000001", "first.cn", "13800138000")
	f, err := file("91520100MA6H000002", "second.cn", "138-0013-8000")
	fmt.Println(errors.Is(err, conflict.ErrKeyTaken))
	for _, c := range keyer.TakenConflicts(f, err) {
		fmt.Println(c.Rule(), c.Path, c.Contact)
	}
	// Output:
	// true
	// R-94 subject.principal.mobile mobile
}

// StampAdd adds the contact keys of a filing that adds an app (or a
// website) to a subject on file, keeping those of the principals of the
// subject's other services.
func ExampleContactKeyer_StampAdd() {
	keyer, _ := conflict.NewContactKeyer([]byte("the ISP's secret, at least 16 bytes"))
	rec := conflicttest.Pending("91520100MA6H000001", "52", "first.cn")
	site := conflicttest.FilingOf(rec)
	site.Websites[0].Principal = filing.Person{Name: "王芳", Mobile: "13800138000"}
	keyer.Stamp(&rec, site)

	app := conflicttest.FilingOf(conflicttest.PendingApp("91520100MA6H000001", "52", "cn.first.app"))
	app.Apps[0].Principal = filing.Person{Name: "赵磊", Mobile: "13700137000", Email: "zhaolei@first.cn"}
	keyer.StampAdd(&rec, app)
	fmt.Println(len(rec.Subject.ContactKeys))
	// Output:
	// 3
}
