package sqltx

import (
	"database/sql"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestNewPolicy: options apply in order, a non-positive wait means "fail at
// once" (negative in the Policy, since zero is the 2s default), a nil
// option is skipped, and the adapter's dialect wins.
func TestNewPolicy(t *testing.T) {
	assert.Equal(t, Policy{}, NewPolicy(nil))
	p := NewPolicy(MySQL, WithIsolation(sql.LevelSerializable), nil, WithUnavailableWait(0))
	assert.Equal(t, sql.LevelSerializable, p.Isolation)
	assert.Equal(t, time.Duration(-1), p.UnavailableWait)
	assert.Same(t, MySQL, p.Dialect)
	p = NewPolicy(nil, WithUnavailableWait(time.Second), WithUnavailableWait(3*time.Second), func(p *Policy) { p.Dialect = MySQL })
	assert.Equal(t, 3*time.Second, p.UnavailableWait)
	assert.Nil(t, p.Dialect, "the dialect is the adapter's")
}
