package resource

import (
	_ "embed"
	"encoding/json"
	"slices"
	"sync"
)

// Kind is the kind of a filing resource.
type Kind string

// Kinds of filing resources.
const (
	// KindAuthorisationCode is an authorisation code (备案授权码, Tencent
	// Cloud, Huawei Cloud).
	KindAuthorisationCode Kind = "authorisation_code"
	// KindServiceNumber is a filing service number (备案服务号, Alibaba
	// Cloud).
	KindServiceNumber Kind = "service_number"
)

// Policy is one ISP's rules for its filing resources. The zero
// Policy requires nothing and caps nothing; Validate rejects a Policy with a
// negative number.
type Policy struct {
	// Name is the preset's name ("tencent", "alibaba", "huawei") or the
	// ISP's own.
	Name string `json:"name"`
	// Zh names the policy in Chinese.
	Zh string `json:"zh,omitempty"`
	// Kind is what the ISP calls its resources.
	Kind Kind `json:"kind"`
	// Source names the public document the policy follows.
	Source string `json:"source,omitempty"`
	// RequirePrepaid refuses pay-as-you-go instances.
	RequirePrepaid bool `json:"require_prepaid"`
	// MinMonthsLeft is the service the instance must have left, in
	// calendar months from the check (0: none).
	MinMonthsLeft int `json:"min_months_left"`
	// RequireMainland refuses instances outside mainland China.
	RequireMainland bool `json:"require_mainland"`
	// RequirePublicIP refuses instances without a public (global unicast,
	// not private, not special-purpose) address.
	RequirePublicIP bool `json:"require_public_ip"`
	// RefuseLoadBalancer refuses an address that is a load balancer's.
	RefuseLoadBalancer bool `json:"refuse_load_balancer"`
	// RefuseTrial refuses trial products.
	RefuseTrial bool `json:"refuse_trial"`
	// RequireRunning refuses stopped or frozen instances.
	RequireRunning bool `json:"require_running"`
	// CapPerInstance is the most live resources (issued, in review or
	// filed) one instance holds (0: no cap).
	CapPerInstance int `json:"cap_per_instance"`
	// Bearer lets any account that holds the code redeem it (the code is
	// the authorisation, as Tencent's codes are); otherwise only the owner
	// and the account it was granted to may.
	Bearer bool `json:"bearer"`
	// Grantable lets the owner grant an unused resource to another account
	// (Alibaba's GrantBsnCode).
	Grantable bool `json:"grantable"`
}

// Validate reports a Policy with a negative number.
func (p Policy) Validate() error {
	if p.MinMonthsLeft < 0 || p.CapPerInstance < 0 {
		return newError(ErrBadInput, p.Name, "policy "+p.Name+": negative months or cap")
	}
	return nil
}

//go:embed data/policies.json
var policiesJSON []byte

type policyFile struct {
	Source   string   `json:"source"`
	Compiled string   `json:"compiled"`
	Policies []Policy `json:"policies"`
}

var loadPolicies = sync.OnceValue(func() policyFile {
	var f policyFile
	if err := json.Unmarshal(policiesJSON, &f); err != nil {
		panic("resource: embedded data/policies.json: " + err.Error()) // build defect, caught by every test run
	}
	return f
})

// Policies returns the presets (Tencent-like, Alibaba-like, Huawei-like),
// each with its source; the slice is a copy.
func Policies() []Policy { return slices.Clone(loadPolicies().Policies) }

// PolicyNamed returns the preset of that name.
func PolicyNamed(name string) (Policy, bool) {
	for _, p := range loadPolicies().Policies {
		if p.Name == name {
			return p, true
		}
	}
	return Policy{}, false
}

// PoliciesCompiled is the date the presets were compiled (YYYY-MM-DD).
func PoliciesCompiled() string { return loadPolicies().Compiled }
