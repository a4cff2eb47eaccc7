package rfc3339

import (
	"time"

	"github.com/beiankit/beian/calendar"
)

// Parse parses an RFC 3339 instant as time.Parse(time.RFC3339Nano) does,
// the canonical form by hand (Fast), and returns it in China Standard Time.
func Parse(s []byte) (time.Time, bool) {
	if t, ok := Fast(s); ok {
		return t, true
	}
	t, err := time.Parse(time.RFC3339Nano, string(s))
	if err != nil {
		return time.Time{}, false
	}
	return t.In(calendar.Location()), true
}

// Fast parses the canonical RFC 3339 form
// "2006-01-02T15:04:05[.999999999](Z|±07:00)" into an instant in China
// Standard Time, without allocating. It reports false for anything else,
// including forms time.Parse accepts (a caller that wants those calls Parse,
// or hands the text to time.Time's UnmarshalJSON).
func Fast(s []byte) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range s[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	dd, ok3 := num(8, 2)
	hh, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	ss, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || hh > 23 || mi > 59 || ss > 59 {
		return time.Time{}, false
	}
	day, err := calendar.NewDay(y, time.Month(mo), dd) // no normalisation: 02-30 is refused
	if err != nil {
		return time.Time{}, false
	}
	i := 19
	nsec := 0
	if s[i] == '.' {
		i++
		k := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-k < 9 {
				nsec = nsec*10 + int(s[i]-'0')
			}
			i++
		}
		n := i - k
		if n == 0 || n > 9 {
			return time.Time{}, false
		}
		for ; n < 9; n++ {
			nsec *= 10
		}
	}
	off := 0
	switch rest := s[i:]; {
	case len(rest) == 1 && rest[0] == 'Z':
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := num(i+1, 2)
		om, ok2 := num(i+4, 2)
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		off = oh*3600 + om*60
		if rest[0] == '-' {
			off = -off
		}
	default:
		return time.Time{}, false
	}
	// day is read as a date in UTC here: its days since 1970-01-01.
	unix := int64(day.Sub(unixEpochDay))*86400 + int64(hh*3600+mi*60+ss-off)
	return time.Unix(unix, int64(nsec)).In(calendar.Location()), true
}

// unixEpochDay is 1970-01-01, day 0 of Unix time.
var unixEpochDay = calendar.MustParseDay("1970-01-01")
