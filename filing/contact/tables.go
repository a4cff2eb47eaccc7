package contact

import "encoding/json"

func mustUnmarshal(name string, data []byte, v any) {
	if err := json.Unmarshal(data, v); err != nil {
		panic("contact: embedded data/" + name + ".json: " + err.Error()) // build defect, caught by every test run
	}
}

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
