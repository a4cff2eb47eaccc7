package lifecycle

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

// FuzzApply drives a filing through random event sequences. Apply never
// panics; a refused event leaves the state as it was and says why with a
// known code; an accepted one appends exactly that event to a copy of the
// history; statuses stay known; instants never go backwards; and Allowed
// agrees with Apply for every actor.
func FuzzApply(f *testing.F) {
	f.Add(uint8(0), []byte{0, 2, 1, 2, 2, 1, 6, 2, 1, 7, 5, 1, 8, 5, 1})
	f.Add(uint8(1), []byte{0, 0, 1, 1, 0, 1, 2, 0, 1, 6, 2, 0, 9, 5, 1, 11, 0, 0})
	f.Add(uint8(2), []byte{0, 2, 1, 2, 2, 1, 6, 2, 1, 5, 5, 1, 7, 5, 1, 13, 2, 1, 12, 4, 1, 14, 5, 1})
	actions := Actions()
	actors := []Actor{selfFiler, proxiedUser, ispGZ, ispZJ, ispOther, bureauGZ, bureauJX, {Kind: "x"}, {Kind: ActorBureau}}
	starts := []State{selfFiled(), proxied(), addWebsite(), jiangxiProxy(), {Kind: KindChange, Number: "黔ICP备1号-1", Province: "52", ISP: "中国电信"}}
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
			at = at.Add(step)
			e := Event{Action: a, Actor: actor, At: at}
			if ops[i+2]%7 != 0 {
				e.Reason = "原因"
			}
			before := s
			hist := slices.Clone(s.History)
			allowed := slices.Contains(Allowed(s, actor), a)
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
				if allowed && e.Reason != "" && !e.At.Before(last) {
					t.Fatalf("Allowed lists %s for %+v at %s but Apply says %v", a, actor, s.Status, err)
				}
				continue
			}
			if !allowed {
				t.Fatalf("Apply accepted %s by %+v at %s, Allowed does not list it", a, actor, s.Status)
			}
			if len(n.History) != len(hist)+1 || !reflect.DeepEqual(n.History[len(hist)], e) || !n.Status.Valid() {
				t.Fatalf("bad result %+v", n)
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
