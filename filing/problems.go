package filing

// problems collects Problems while a validation walks an input.
type problems struct{ list []*Problem }

func (ps *problems) add(p *Problem) { ps.list = append(ps.list, p) }
func (ps *problems) addAt(p *Problem, path, label string) {
	ps.list = append(ps.list, p.WithPath(path, label))
}

// err returns nil when nothing was found, else a *ValidationError.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list}
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
