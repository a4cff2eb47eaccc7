package conflict

import "github.com/beiankit/beian/filing"

// The fast JSONL path for the apps of a record (Record.Apps), decoding as
// encoding/json would (FuzzDecodeRecord checks it): null leaves a field as
// it is, null elements are zero values, unknown keys are skipped, keys that
// could match a field only case-insensitively send the line to
// encoding/json.

func (d *recordDecoder) apps(dst *[]AppRecord) bool {
	var out []AppRecord
	isNull, ok := d.array(func() bool {
		var a AppRecord
		if !d.sc.Null() && !d.app(&a) {
			return false
		}
		out = append(out, a)
		return true
	})
	if ok && !isNull {
		*dst = nonNil(out)
	}
	return ok
}

const appFields = 1<<keyNumber | 1<<keyKind | 1<<keyName | 1<<keyPlatforms | 1<<keyStatus

func (d *recordDecoder) app(a *AppRecord) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyNumber:
			return d.str(&a.Number)
		case keyName:
			return d.str(&a.Name)
		case keyKind:
			v := string(a.Kind)
			ok := d.str(&v)
			a.Kind = filing.AppKind(v)
			return ok
		case keyStatus:
			v := string(a.Status)
			ok := d.str(&v)
			a.Status = filing.Status(v)
			return ok
		case keyPlatforms:
			var out []AppPlatformRecord
			isNull, ok := d.array(func() bool {
				var p AppPlatformRecord
				if !d.sc.Null() && !d.appPlatform(&p) {
					return false
				}
				out = append(out, p)
				return true
			})
			if ok && !isNull {
				a.Platforms = nonNil(out)
			}
			return ok
		}
		return d.sc.SkipValue()
	}, appFields)
}

const appPlatformFields = 1<<keyPlatform | 1<<keyIdentifier

func (d *recordDecoder) appPlatform(p *AppPlatformRecord) bool {
	if !d.sc.Consume('{') {
		return false
	}
	return d.object(func(k key) bool {
		switch k {
		case keyPlatform:
			v := string(p.Platform)
			ok := d.str(&v)
			p.Platform = filing.Platform(v)
			return ok
		case keyIdentifier:
			return d.str(&p.Identifier)
		}
		return d.sc.SkipValue()
	}, appPlatformFields)
}
