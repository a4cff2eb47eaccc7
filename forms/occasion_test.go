package forms

import (
	"errors"
	"testing"
)

// TestR50_OccasionsHaveAForm: every occasion of R-50 (网站备案日常问题解答 §二1) leads to
// a form kind and target that Check accepts as a pair, and the seed's
// scenarios map as it says: switching ISP and lost credentials cancel the
// subject with its websites (场景1, 场景2), a domain holder cancels the other
// party's website filing (场景3, R-32).
func TestR50_OccasionsHaveAForm(t *testing.T) {
	want := map[Occasion][2]string{
		OccasionServiceEnded:    {string(KindCancellation), string(TargetWebsite)},
		OccasionSwitchingISP:    {string(KindCancellation), string(TargetSubject)},
		OccasionCredentialsLost: {string(KindCancellation), string(TargetSubject)},
		OccasionDomainContested: {string(KindDomainHolderCancellation), string(TargetWebsite)},
	}
	if len(Occasions()) != len(want) {
		t.Fatalf("Occasions() = %v", Occasions())
	}
	for _, o := range Occasions() {
		kind, target, ok := o.Form()
		if !ok || !o.Valid() || o.Zh() == "" {
			t.Fatalf("%s: Form ok=%v Valid=%v Zh=%q", o, ok, o.Valid(), o.Zh())
		}
		if w := want[o]; string(kind) != w[0] || string(target) != w[1] {
			t.Errorf("%s.Form() = %s, %s; want %s, %s", o, kind, target, w[0], w[1])
		}
		// The pair is consistent: Check raises no target problem for it.
		a := &Application{Kind: kind, Target: target, Approved: true}
		err := a.CheckFields(now)
		for _, c := range []error{CodeTargetMissing, CodeTargetInvalid, CodeHolderTarget, CodeTargetNotHere, CodeKindUnknown} {
			if errors.Is(err, c) {
				t.Errorf("%s: %s/%s gives %v", o, kind, target, c)
			}
		}
	}
	if _, _, ok := Occasion("bored").Form(); ok || Occasion("bored").Valid() || Occasion("").Zh() != "" {
		t.Error("an unknown occasion is accepted")
	}
}
