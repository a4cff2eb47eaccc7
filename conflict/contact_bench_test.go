package conflict

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

// benchContacts is a register of the contacts of the 30 000 subjects of
// benchIndex (two principals each: the subject's and a website's).
var benchContacts = sync.OnceValue(func() *Contacts {
	k, err := NewContactKeyer([]byte("bench-secret-0123456789abcdef"))
	if err != nil {
		panic(err)
	}
	c := NewContacts(k)
	for i := range 30000 {
		ct, cn := genCert(i)
		f := &filing.Filing{Subject: filing.Subject{Province: "52", CertType: ct, CertNumber: cn,
			Principal: filing.Person{Mobile: filing.Phone(fmt.Sprintf("138%08d", i)), Email: filing.Email(fmt.Sprintf("p%d@example.com", i))}},
			Websites: []filing.Website{{Service: filing.Service{Principal: filing.Person{Mobile: filing.Phone(fmt.Sprintf("139%08d", i)), Email: filing.Email(fmt.Sprintf("w%d@example.cn", i))}}}}}
		if err := c.Put(f); err != nil {
			panic(err)
		}
	}
	return c
})

// contactFilings are checkFilings with principals: the subject's and the
// website's mobile and e-mail, every 4th reusing a number on file.
func contactFilings() []*filing.Filing { return contactFilingsTaken(4) }

// contactFilingsTaken is contactFilings with every every-th filing reusing
// a number on file (0: none does).
func contactFilingsTaken(every int) []*filing.Filing {
	fs := checkFilings(30000, 1024)
	out := make([]*filing.Filing, len(fs))
	for i, f := range fs {
		g := *f
		g.Websites = append([]filing.Website(nil), f.Websites...)
		m := fmt.Sprintf("137%08d", i)
		if every > 0 && i%every == 0 {
			m = fmt.Sprintf("138%08d", i*7)
		}
		g.Subject.Principal = filing.Person{Name: "张伟", Mobile: filing.Phone(m), Email: filing.Email(fmt.Sprintf("new%d@example.com", i))}
		g.Websites[0].Principal = filing.Person{Name: "李娜", Mobile: filing.Phone(fmt.Sprintf("136%08d", i)), Email: filing.Email(fmt.Sprintf("site%d@example.cn", i))}
		out[i] = &g
	}
	return out
}

// onePerson gives each filing of fs its subject's principal as its
// website's, as most filings do (the portal's form fills both from one
// set of fields).
func onePerson(fs []*filing.Filing) []*filing.Filing {
	for _, f := range fs {
		f.Websites[0].Principal = f.Subject.Principal
	}
	return fs
}

// BenchmarkR94_CheckWithContacts: Check alone and Check followed by the
// contact claims' check, on the same filings with two principals;
// the ratio of the two is the cost of the contact claims (at most 1.15).
// go test ./conflict -run '^$' -bench R94_CheckWithContacts -count 3
func BenchmarkR94_CheckWithContacts(b *testing.B) {
	ix, cs := benchIndex(), benchContacts()
	fs := contactFilings()
	b.Run("check", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := ix.Check(fs[i%len(fs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("check+contacts", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			f := fs[i%len(fs)]
			if _, err := ix.Check(f); err != nil {
				b.Fatal(err)
			}
			_ = cs.Check(f)
			i++
		}
	})
}

// BenchmarkR94_ContactsCheck: the contact claims' check alone.
func BenchmarkR94_ContactsCheck(b *testing.B) {
	cs := benchContacts()
	fs := contactFilings()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = cs.Check(fs[i%len(fs)])
		i++
	}
}

// BenchmarkR94_ContactOverhead interleaves, in one loop, rounds of 512
// Checks of the index alone, 512 of the same index with the contact
// register (WithContacts: the Check the budget is about), and 512 of the
// index alone followed by Contacts.Check (the two calls of a caller that
// keeps them apart), and reports the time of each kind of round, summed
// over the run, over that of the Checks alone: "ratio" for the first (at
// most 1.15 by R-94's budget), "ratio-separate" for the second. The rounds
// alternate, so that a machine that slows down or speeds up weighs on
// every kind alike; the sums count every round, with the collections its
// allocations cause (the Check's; the contact claims allocate nothing
// unless a contact is taken). "cold" reads 30 000 filings in turn, each
// round filings the rounds before it did not; "hot" reads 256, which stay
// in the cache, as a portal checks the filing it has just decoded.
// "one-person" is "cold" with the subject's principal as its website's.
// go test ./conflict -run '^$' -bench R94_ContactOverhead
func BenchmarkR94_ContactOverhead(b *testing.B) {
	b.Run("taken=none/cold", func(b *testing.B) { contactOverhead(b, contactFilingsTaken(0)) })
	b.Run("taken=1in4/cold", func(b *testing.B) { contactOverhead(b, contactFilingsTaken(4)) })
	b.Run("taken=none/cold/one-person", func(b *testing.B) { contactOverhead(b, onePerson(contactFilingsTaken(0))) })
	b.Run("taken=none/hot", func(b *testing.B) { contactOverhead(b, contactFilingsTaken(0)[:256]) })
	b.Run("taken=1in4/hot", func(b *testing.B) { contactOverhead(b, contactFilingsTaken(4)[:256]) })
}

func contactOverhead(b *testing.B, fs []*filing.Filing) {
	ix, cs := benchIndex(), benchContacts()
	// One index for the three rounds, so that they read the same memory:
	// the register is set for the second round only (New sets it
	// otherwise; the benchmark runs on one goroutine).
	defer func() { ix.contacts = nil }()
	const round = 512
	var total [3]time.Duration
	n, i := 0, 0
	for b.Loop() {
		for k := range 3 {
			ix.contacts = nil
			if k == 1 {
				ix.contacts = cs
			}
			t0 := time.Now()
			for j := range round {
				f := fs[(i+k*round+j)%len(fs)]
				if _, err := ix.Check(f); err != nil {
					b.Fatal(err)
				}
				if k == 2 {
					_ = cs.Check(f)
				}
			}
			total[k] += time.Since(t0)
		}
		i += 3 * round
		n += round
	}
	b.ReportMetric(float64(total[0].Nanoseconds())/float64(n), "check-ns/op")
	b.ReportMetric(float64(total[1].Nanoseconds())/float64(n), "check+contacts-ns/op")
	b.ReportMetric(float64(total[1])/float64(total[0]), "ratio")
	b.ReportMetric(float64(total[2])/float64(total[0]), "ratio-separate")
}

// BenchmarkR94_ContactsCheckTaken: the contact check alone on filings
// that each reuse a mobile on file (the cost of a hit).
func BenchmarkR94_ContactsCheckTaken(b *testing.B) {
	cs := benchContacts()
	fs := contactFilingsTaken(1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = cs.Check(fs[i%len(fs)])
		i++
	}
}
