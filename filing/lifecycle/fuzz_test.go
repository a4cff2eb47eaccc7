package lifecycle

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// FuzzApply drives a filing through random event sequences. Apply never
// panics; a refused event leaves the state as it was and says why with a
// known code; an accepted one appends exactly that event to a copy of the
// history; statuses stay known; instants never go backwards; and Allowed
// agrees with Apply for every actor (AllowedAt at the event's instant).
//
// SMS events carry a verification for two principals (or one, or
// none), an input by one of their mobiles or another one, right or wrong;
// some steps jump 13 hours so that the 24 hours of the code run out. A
// waiting SMS exists only under bureau review, an approval or a return by
// the bureau never passes a waiting SMS, and an event that ends the step
// returns the filing to the ISP with the cause as its reason.
func FuzzApply(f *testing.F) {
	f.Add(uint8(0), []byte{0, 2, 1, 2, 2, 1, 6, 2, 1, 7, 5, 1, 8, 5, 1})
	f.Add(uint8(1), []byte{0, 0, 1, 1, 0, 1, 2, 0, 1, 6, 2, 0, 9, 5, 1, 11, 0, 0})
	f.Add(uint8(2), []byte{0, 2, 1, 2, 2, 1, 6, 2, 1, 5, 5, 1, 7, 5, 1, 13, 2, 1, 12, 4, 1, 14, 5, 1})
	// The SMS seeds (start 5) are the named files sms_* of the corpus.
	actions := Actions()
	mobiles := []filing.Phone{"13812345678", "+86 139 8765 4321", "13000000000"}
	people := []sms.Person{
		{Role: sms.RoleSubjectPrincipal, Person: filing.Person{Name: "张三", Mobile: "13812345678"}},
		{Role: sms.RoleWebsitePrincipal, Person: filing.Person{Name: "李四", Mobile: "13987654321"}},
	}
	actors := []Actor{selfFiler, proxiedUser, ispGZ, ispZJ, ispOther, bureauGZ, bureauJX, {Kind: "x"}, {Kind: ActorBureau}}
	smsRequired := proxied()
	smsRequired.SMSRequired = true
	starts := []State{selfFiled(), proxied(), addWebsite(), jiangxiProxy(), {Type: sms.ChangeSubjectWebsite, Number: "黔ICP备1号-1", Province: "52", ISP: "中国电信"}, smsRequired}
	f.Fuzz(func(t *testing.T, start uint8, ops []byte) {
		s := starts[int(start)%len(starts)]
		at := t0
		for i := 0; i+2 < len(ops) && i < 3*64; i += 3 {
			a := actions[int(ops[i])%len(actions)]
			if ops[i] == 255 {
				a = "bogus"
			}
			actor := actors[int(ops[i+1])%len(actors)]
			step := time.Duration(int(ops[i+2])%5-1) * time.Hour // sometimes backwards
			if ops[i+2] >= 240 {
				step = 13 * time.Hour
			}
			at = at.Add(step)
			e := Event{Action: a, Actor: actor, At: at}
			if ops[i+2]%7 != 0 {
				e.Reason = "原因"
			}
			switch a {
			case ActionSMSSend:
				if k := int(ops[i+2]) % 4; k > 0 {
					sms, err := sms.New(at, people[:min(k, 2)])
					if err != nil {
						t.Fatal(err)
					}
					e.SMS = &sms
				}
			case ActionSMSInput:
				e.Mobile, e.Correct = mobiles[int(ops[i+2])%len(mobiles)], ops[i+2]%2 == 0
			}
			before := s
			hist := slices.Clone(s.History)
			allowed := slices.Contains(AllowedAt(s, actor, at), a)
			n, err := Apply(s, e)
			if !reflect.DeepEqual(s.History, hist) {
				t.Fatal("input history mutated")
			}
			if err != nil {
				var te *TransitionError
				if !errors.As(err, &te) || te.Code.MessageEn() == "" || te.Zh == "" || te.En == "" || !reflect.DeepEqual(n, before) {
					t.Fatalf("refusal %v", err)
				}
				last := time.Time{}
				if len(s.History) > 0 {
					last = s.History[len(s.History)-1].At
				}
				// Allowed assumes a reason, and a verification for a send.
				if allowed && e.Reason != "" && (a != ActionSMSSend || e.SMS != nil) && !e.At.Before(last) {
					t.Fatalf("Allowed lists %s for %+v at %s but Apply says %v", a, actor, s.Status, err)
				}
				continue
			}
			if !allowed {
				t.Fatalf("Apply accepted %s by %+v at %s, Allowed does not list it", a, actor, s.Status)
			}
			want := e
			if n.Status == filing.StatusReturnedToISP && s.SMS != nil && s.SMS.Status == sms.StatusWaiting &&
				(a == ActionSMSInput || a == ActionSMSResend || a == ActionSMSExpire) {
				// The step ended: returned to the ISP, the cause as reason.
				if !n.SMS.Status.ReturnsToISP() || n.Reason == "" || n.Reason == e.Reason {
					t.Fatalf("SMS return without its cause: %+v", n)
				}
				want.Reason = n.Reason
			}
			if len(n.History) != len(hist)+1 || !reflect.DeepEqual(n.History[len(hist)], want) || !n.Status.Valid() {
				t.Fatalf("bad result %+v", n)
			}
			if n.SMS != nil && n.SMS.Status == sms.StatusWaiting && n.Status != filing.StatusBureauReview {
				t.Fatalf("waiting SMS outside review: %+v", n)
			}
			if (a == ActionApprove || a == ActionReturnToUser || a == ActionReturnToISP) &&
				(s.SMS != nil && s.SMS.Status == sms.StatusWaiting || s.SMS == nil && s.smsRequired()) {
				t.Fatalf("%s passed the SMS step: %+v", a, s)
			}
			for k := 1; k < len(n.History); k++ {
				if n.History[k].At.Before(n.History[k-1].At) {
					t.Fatal("history goes backwards")
				}
			}
			if n.Status != filing.StatusBureauReview && !n.ReviewFrom.IsZero() {
				t.Fatal("review clock outside review")
			}
			if _, _, ok, _ := n.Due(nil); ok != (n.Status == filing.StatusBureauReview) {
				t.Fatalf("deadline at %s: %v", n.Status, ok)
			}
			s = n
		}
	})
}
