package sqltx

import (
	"database/sql"
	"time"
)

// Option configures a database adapter of the SDK (numbering/pgstore,
// conflict/pgstore, filing/resource/pgstore, numbering/mysqlstore,
// conflict/mysqlstore). Each adapter declares its Option as an alias of
// this type, so that one []Option slice configures every adapter's New.
type Option func(*Policy)

// WithIsolation runs the Store's transactions at an isolation level
// (sql.LevelDefault: the server's).
func WithIsolation(level sql.IsolationLevel) Option {
	return func(p *Policy) { p.Isolation = level }
}

// WithUnavailableWait sets how long a call keeps retrying while the server
// cannot be reached (default 2s; 0 or less: fail at once).
// The Option only reads what it captured, so one slice may configure
// adapters in many goroutines at once.
func WithUnavailableWait(d time.Duration) Option {
	if d <= 0 {
		d = -1
	}
	return func(p *Policy) { p.UnavailableWait = d }
}

// NewPolicy returns the policy of an adapter of dialect d (nil for
// PostgreSQL, MySQL for the MySQL family) configured by opts, applied in
// order (a later option wins). The dialect is the adapter's, whatever the
// options say. A nil option is skipped.
func NewPolicy(d *Dialect, opts ...Option) Policy {
	var p Policy
	for _, o := range opts {
		if o != nil {
			o(&p)
		}
	}
	p.Dialect = d
	return p
}
