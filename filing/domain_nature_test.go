package filing

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/beiankit/beian/filing/domain"

	"github.com/stretchr/testify/assert"
)

// TestR09_TLDReservedNaturesKnown: every subject nature the approved-suffix
// table (package domain's data/tlds.json) reserves a suffix for is a known
// Nature.
func TestR09_TLDReservedNaturesKnown(t *testing.T) {
	b, err := os.ReadFile("domain/data/tlds.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Reserved []struct {
			Suffix  string   `json:"suffix"`
			Natures []Nature `json:"natures"`
		} `json:"reserved"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Reserved) == 0 {
		t.Fatal("no reserved suffixes")
	}
	for _, r := range doc.Reserved {
		for _, n := range r.Natures {
			if _, ok := n.Info(); !ok {
				t.Errorf("reserved %q names unknown nature %q", r.Suffix, n)
			}
		}
	}
}

func TestR09_CheckDomainForNature(t *testing.T) {
	tests := []struct {
		domain string
		nature Nature
		want   Code
	}{
		{"beijing.gov.cn", NatureGovernment, ""},
		{"beijing.gov.cn", NatureEnterprise, domain.CodeDomainGovernmentOnly},
		{"BEIJING.GOV.CN.", NatureIndividual, domain.CodeDomainGovernmentOnly},
		{"北京.政务", NatureGovernment, ""},
		{"北京.政务", NatureInstitution, domain.CodeDomainGovernmentOnly},
		{"北京.政务.cn", NatureEnterprise, domain.CodeDomainGovernmentOnly},
		{"红十字.公益", NatureSocialGroup, ""},
		{"红十字.公益", NatureInstitution, ""},
		{"红十字.公益", NatureEnterprise, domain.CodeDomainNonprofitOnly},
		{"红十字.公益.cn", NatureIndividual, domain.CodeDomainNonprofitOnly},
		{"agov.cn", NatureEnterprise, ""}, // label boundary: not under gov.cn
		{"example.org", NatureGovernment, domain.CodeDomainTLDNotApproved},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s", tt.domain, tt.nature), func(t *testing.T) {
			err := CheckDomainForNature(tt.domain, tt.nature)
			if tt.want == "" && err != nil || tt.want != "" && !errors.Is(err, tt.want) {
				t.Fatalf("CheckDomainForNature(%q, %s) = %v, want %q", tt.domain, tt.nature, err, tt.want)
			}
		})
	}
}

// TestR09_PrivateSuffixHostIsSubdomain: validation agrees; a host under a
// private-section entry is not a registrable domain a user could file.
func TestR09_PrivateSuffixHostIsSubdomain(t *testing.T) {
	for _, c := range []struct{ in, reg string }{
		{"a.blogspot.com", "blogspot.com"},
		{"shop.myshopify.com", "myshopify.com"},
		{"x.cn-north-1.eb.amazonaws.com.cn", "amazonaws.com.cn"},
		{"www.例子.政务.cn", "例子.政务.cn"},
	} {
		f := validFiling(t)
		f.Websites[0].Domains = []string{c.in}
		f.Websites[0].HomeURL = "http://" + c.in
		err := validateAt(f)
		assert.ErrorIs(t, err, domain.CodeDomainSubdomain, c.in)
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, c.in) {
			found := false
			for _, p := range ve.Problems {
				if p.Code == domain.CodeDomainSubdomain {
					found = true
					assert.Contains(t, p.Zh, c.reg, "the message names the registered domain")
				}
			}
			assert.True(t, found, c.in)
		}
	}
}
