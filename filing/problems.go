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
