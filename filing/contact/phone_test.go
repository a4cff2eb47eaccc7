package contact

import (
	"fmt"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/problem"
)

func TestR09_MobileValid(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"13800138000", "13800138000"},
		{"+8613800138000", "13800138000"},
		{"+86 138 0013 8000", "13800138000"},
		{"+86-138-0013-8000", "13800138000"},
		{"(+86)13800138000", "13800138000"},
		{"008613800138000", "13800138000"},
		{"0086 138 0013 8000", "13800138000"},
		{"8613800138000", "13800138000"},
		{"138-0013-8000", "13800138000"},
		{"１３８００１３８０００", "13800138000"},
		{"＋８６ １３８－００１３－８０００", "13800138000"},
		{" 13800138000 ", "13800138000"},
		{"13400138000", "13400138000"}, // 134-0 移动
		{"13490138000", "13490138000"}, // 134-9 电信
		{"19212345678", "19212345678"}, // 广电
		{"19012345678", "19012345678"},
		{"19612345678", "19612345678"},
		{"19712345678", "19712345678"},
		{"16212345678", "16212345678"}, // MVNO
		{"16512345678", "16512345678"},
		{"16712345678", "16712345678"},
		{"17012345678", "17012345678"},
		{"17112345678", "17112345678"},
		{"14512345678", "14512345678"}, // data cards: accepted (SMS-capable)
		{"14712345678", "14712345678"},
		{"14912345678", "14912345678"},
		{"17400012345", "17400012345"}, // 174-00 电信
		{"17406012345", "17406012345"}, // 174-06 应急
		{"17412012345", "17412012345"},
		{"17490012345", "17490012345"}, // 174-9 海事卫星
		{"19912345678", "19912345678"},
	} {
		ckWantCode(t, tc.in, CheckMobile(tc.in), "")
		got, err := NormalizePhone(tc.in)
		if err != nil || got.Raw() != tc.want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", tc.in, got.Raw(), err, tc.want)
		}
	}
}

func TestR09_MobileInvalid(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Code
	}{
		{"", CodePhoneEmpty},
		{"  ", CodePhoneEmpty},
		{strings.Repeat("1", phoneMaxInput+1), CodePhoneTooLong},
		{"1380013800", CodePhoneMobileFormat},   // 10 digits
		{"138001380000", CodePhoneMobileFormat}, // 12 digits
		{"23800138000", CodePhoneMobileFormat},
		{"010-12345678", CodePhoneMobileFormat}, // a landline
		{"12012345678", CodePhoneMobileSegment},
		{"11012345678", CodePhoneMobileSegment},
		{"14012345678", CodePhoneMobileSegment},
		{"14112345678", CodePhoneMobileSegment},
		{"14412345678", CodePhoneMobileSegment},
		{"15412345678", CodePhoneMobileSegment},
		{"16112345678", CodePhoneMobileSegment},
		{"16812345678", CodePhoneMobileSegment},
		{"17413012345", CodePhoneMobileSegment}, // 174-13 unallocated
		{"17450012345", CodePhoneMobileSegment},
		{"19412345678", CodePhoneMobileSegment},
		{"10012345678", CodePhoneMobileSegment},
		{"1440012345678", CodePhoneMobileIoT}, // 13-digit IoT
		{"1441012345678", CodePhoneMobileIoT},
		{"1480012345678", CodePhoneMobileIoT},
		{"1460012345678", CodePhoneMobileIoT},
		{"1410012345678", CodePhoneMobileIoT},
		{"+86 1440012345678", CodePhoneMobileIoT},
		{"1420012345678", CodePhoneMobileFormat}, // 13 digits, not an IoT segment
		{"+85291234567", CodePhoneCountry},
		{"+1 415 555 0100", CodePhoneCountry},
		{"00852 9123 4567", CodePhoneCountry},
		{"138.0013.8000", CodePhoneChars},
		{"138 0013 800o", CodePhoneChars},
		{"13800138000+", CodePhoneChars},
		{"++8613800138000", CodePhoneChars},
		{"1380013800０\xff", CodePhoneChars},
	} {
		ckWantCode(t, tc.in, CheckMobile(tc.in), tc.want)
	}
}

func TestR09_LandlineValid(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"010-12345678", "010-12345678"},
		{"01012345678", "010-12345678"},
		{"(010)12345678", "010-12345678"},
		{"（010）12345678", "010-12345678"},
		{"(010) 1234 5678", "010-12345678"},
		{"010 12345678", "010-12345678"},
		{"０１０－１２３４５６７８", "010-12345678"},
		{"+86 10 12345678", "010-12345678"},
		{"+86-10-12345678", "010-12345678"},
		{"+861012345678", "010-12345678"},
		{"0086 10 12345678", "010-12345678"},
		{"+86 (0)10 12345678", "010-12345678"},
		{"021-87654321", "021-87654321"},
		{"029-87654321", "029-87654321"},
		{"0755-8765-4321", "0755-87654321"},
		{"0755-87654321", "0755-87654321"},
		{"075587654321", "0755-87654321"},
		{"0351-7654321", "0351-7654321"},
		{"03517654321", "0351-7654321"},
		{"0851-7654321", "0851-7654321"},   // 851 allows 7 digits
		{"0851-87654321", "0851-87654321"}, // and 8 digits
		{"010-12345678-123", "010-12345678-123"},
		{"010-12345678 123", "010-12345678-123"},
		{"010-12345678转123", "010-12345678-123"},
		{"010-12345678 转 123", "010-12345678-123"},
		{"010-12345678分机123", "010-12345678-123"},
		{"010-12345678 ext. 123", "010-12345678-123"},
		{"010-12345678 EXT 123", "010-12345678-123"},
		{"010-12345678x123", "010-12345678-123"},
		{"010-12345678#123456", "010-12345678-123456"},
		{"0755-8765-4321-8", "0755-87654321-8"},
		{"0351-7654321-88", "0351-7654321-88"},
	} {
		ckWantCode(t, tc.in, CheckLandline(tc.in), "")
		got, err := NormalizePhone(tc.in)
		if err != nil || got.Raw() != tc.want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", tc.in, got.Raw(), err, tc.want)
		}
	}
}

func TestR09_LandlineInvalid(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Code
	}{
		{"", CodePhoneEmpty},
		{"-", CodePhoneEmpty},
		{"转123", CodePhoneEmpty},
		{strings.Repeat("0", phoneMaxInput+1), CodePhoneTooLong},
		{"12345678", CodePhoneLandArea},        // no area code
		{"87654321", CodePhoneLandArea},        // no area code
		{"011-12345678", CodePhoneLandArea},    // 011 not an area
		{"026-12345678", CodePhoneLandArea},    // 026 not allocated
		{"0300-1234567", CodePhoneLandArea},    // 300 not allocated
		{"13800138000", CodePhoneLandFormat},   // a mobile
		{"010-1234567", CodePhoneLandNumber},   // 7 digits in Beijing
		{"010-123456789", CodePhoneLandNumber}, // 9 digits, no group boundary
		{"01012345678123", CodePhoneLandNumber},
		{"0351-12345678", CodePhoneLandNumber}, // 351 has 7 digits
		{"0755-7654321", CodePhoneLandNumber},  // 755 has 8 digits
		{"010-02345678", CodePhoneLandNumber},  // subscriber starts with 0
		{"010", CodePhoneLandFormat},
		{"010-12345678-1234567", CodePhoneExtension},
		{"010-12345678转", CodePhoneExtension},
		{"010-12345678转12a", CodePhoneExtension},
		{"010-12345678转1234567", CodePhoneExtension},
		{"010-12345678-12-34", CodePhoneLandFormat},
		{"010-12345678转123-456-7", CodePhoneExtension},
		{"010-1234-5678转12 3", "" /* spaces inside the extension are dropped */},
		{"400-123-4567", CodePhoneService},
		{"4001234567", CodePhoneService},
		{"800-123-4567", CodePhoneService},
		{"10800-123-4567", CodePhoneService},
		{"+852 2123 4567", CodePhoneCountry},
		{"00852 2123 4567", CodePhoneCountry},
		{"+86", CodePhoneLandFormat},
		{"010_12345678", CodePhoneChars},
		{"010/12345678", CodePhoneChars},
	} {
		ckWantCode(t, tc.in, CheckLandline(tc.in), tc.want)
	}
}

// TestR09_NormalizePhoneDispatch: NormalizePhone picks mobile or landline by
// the digits after the country code.
func TestR09_NormalizePhoneDispatch(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Code
	}{
		{"14012345678", CodePhoneMobileSegment},
		{"1440012345678", CodePhoneMobileIoT},
		{"1380013800", CodePhoneMobileFormat},
		{"12345678", CodePhoneLandArea},
		{"400-123-4567", CodePhoneService},
		{"+85291234567", CodePhoneCountry},
		{"13800138000转1", CodePhoneLandFormat}, // a mobile has no extension
		{"", CodePhoneEmpty},
	} {
		_, err := NormalizePhone(tc.in)
		ckWantCode(t, tc.in, err, tc.want)
	}
}

// TestR09_PhoneNormalizeIdempotent: a canonical phone passes again unchanged.
func TestR09_PhoneNormalizeIdempotent(t *testing.T) {
	for _, in := range []string{
		"+86 138 0013 8000", "(010)12345678", "0755-8765-4321-8", "010-12345678 转 66", "+86 10 12345678", "０３５１－７６５４３２１",
	} {
		p, err := NormalizePhone(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		again, err := NormalizePhone(p.Raw())
		if err != nil || again != p {
			t.Errorf("%q → %q → %q, %v", in, p.Raw(), again.Raw(), err)
		}
	}
}

// TestR09_EveryMobileSegment walks the whole segment table: every non-IoT
// prefix padded to 11 digits is accepted, every IoT prefix padded to 13
// digits is rejected as IoT.
func TestR09_EveryMobileSegment(t *testing.T) {
	kinds := map[string]bool{"voice": true, "mvno": true, "data": true, "iot": true, "satellite": true, "emergency": true}
	seen := map[string]bool{}
	for _, seg := range phoneSegments {
		if !kinds[seg.Kind] || seg.Carrier == "" {
			t.Errorf("segment %+v: bad kind or carrier", seg)
		}
		if seen[seg.Prefix] {
			t.Errorf("duplicate prefix %s", seg.Prefix)
		}
		seen[seg.Prefix] = true
		if seg.Kind == "iot" {
			n := seg.Prefix + strings.Repeat("0", 13-len(seg.Prefix))
			ckWantCode(t, n, CheckMobile(n), CodePhoneMobileIoT)
			continue
		}
		n := seg.Prefix + strings.Repeat("7", 11-len(seg.Prefix))
		ckWantCode(t, n, CheckMobile(n), "")
	}
	// Every three-digit mobile segment in the facts file §3.1 is covered.
	for _, p := range strings.Fields("130 131 132 133 135 136 137 138 139 145 147 149 150 151 152 153 155 156 157 158 159 " +
		"162 165 166 167 171 172 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 190 191 192 193 195 196 197 198 199") {
		n := p + "12345678"
		ckWantCode(t, n, CheckMobile(n), "")
	}
}

// TestR09_AreaCodeTable checks the area-code table against the facts file
// §3.2: the 2-digit areas, 8-digit subscriber areas, and that every listed
// area has a subscriber length.
func TestR09_AreaCodeTable(t *testing.T) {
	for _, a := range []int{10, 20, 21, 22, 23, 24, 25, 27, 28, 29} {
		if !phoneTwoDigitArea[a] {
			t.Errorf("two-digit area %d missing", a)
		}
	}
	for _, a := range []int{26, 11, 12, 19} {
		if phoneTwoDigitArea[a] {
			t.Errorf("%d is not a two-digit area", a)
		}
	}
	for _, a := range strings.Fields("311 371 377 379 411 431 432 433 435 451 510 519 523 527 531 532 551 571 573 577 579 591 595 731 754 755 757 760 769 791 851 871 898") {
		if phoneAreaLens[phoneAtoi(a)]&(1<<8) == 0 {
			t.Errorf("area %s should have 8-digit numbers", a)
		}
		n := "0" + a + "-87654321"
		ckWantCode(t, n, CheckLandline(n), "")
	}
	count := 0
	for a, l := range phoneAreaLens {
		if l != 0 {
			count++
			if a < 300 {
				t.Errorf("three-digit area %d below 300", a)
			}
			n := fmt.Sprintf("0%d-7654321", a)
			if l&(1<<7) == 0 {
				n = fmt.Sprintf("0%d-87654321", a)
			}
			ckWantCode(t, n, CheckLandline(n), "")
		}
	}
	if count < 300 {
		t.Errorf("only %d three-digit areas", count)
	}
}

func TestR09_PhoneCodesRegistered(t *testing.T) {
	for _, c := range []Code{
		CodePhoneEmpty, CodePhoneTooLong, CodePhoneChars, CodePhoneCountry, CodePhoneMobileFormat,
		CodePhoneMobileSegment, CodePhoneMobileIoT, CodePhoneLandFormat, CodePhoneLandArea,
		CodePhoneLandNumber, CodePhoneExtension, CodePhoneService,
	} {
		if c.Rule() != "R-09" {
			t.Errorf("%s: rule %q", c, c.Rule())
		}
	}
	p := problem.New(CodePhoneLandNumber, 7)
	if !strings.Contains(p.Zh, "7位") || !strings.Contains(p.En, "7 digits") {
		t.Errorf("message args not filled: %+v", p)
	}
}
