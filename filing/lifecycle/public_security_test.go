package lifecycle_test

import (
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestR87_PublicSecurityCountdown(t *testing.T) {
	connected := time.Date(2026, 1, 31, 23, 30, 0, 0, calendar.Location())
	due, ok := lifecycle.PublicSecurityDue(connected)
	require.True(t, ok)
	assert.Equal(t, time.Date(2026, 3, 2, 0, 0, 0, 0, calendar.Location()), due, "30 days after the connection day")
	// A connection at 23:30 UTC is the next civil day in China.
	dueUTC, _ := lifecycle.PublicSecurityDue(time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC))
	assert.Equal(t, time.Date(2026, 3, 3, 0, 0, 0, 0, calendar.Location()), dueUTC)
	// Leap year.
	dueLeap, _ := lifecycle.PublicSecurityDue(time.Date(2024, 2, 1, 9, 0, 0, 0, calendar.Location()))
	assert.Equal(t, time.Date(2024, 3, 2, 0, 0, 0, 0, calendar.Location()), dueLeap)

	c, _ := lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 2, 20, 8, 0, 0, 0, calendar.Location()))
	assert.Equal(t, 10, c.Remaining)
	c, _ = lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 3, 2, 23, 0, 0, 0, calendar.Location()))
	assert.True(t, c.DueToday)
	c, _ = lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 3, 5, 1, 0, 0, 0, calendar.Location()))
	assert.True(t, c.Overdue)
	assert.Equal(t, 3, c.OverdueBy)
	_, ok = lifecycle.PublicSecurityCountdown(time.Time{}, connected)
	assert.False(t, ok)

	w := filing.Website{Service: filing.Service{Access: []filing.Access{{ISP: "x", Since: connected}}}}
	assert.ErrorIs(t, lifecycle.CheckPublicSecurity(w, time.Date(2026, 3, 3, 9, 0, 0, 0, calendar.Location())), lifecycle.CodePSOverdue)
	assert.NoError(t, lifecycle.CheckPublicSecurity(w, time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())))
	w.PublicSecurityNumber = "京公网安备11010802035340号"
	assert.NoError(t, lifecycle.CheckPublicSecurity(w, time.Date(2027, 1, 1, 9, 0, 0, 0, calendar.Location())))
}
