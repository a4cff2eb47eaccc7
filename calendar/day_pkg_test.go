package calendar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The Day range constants are the epoch days of 0001-01-01 and 9999-12-31,
// and the zero Day is the only one with n == 0.
func TestDayRangeConstants(t *testing.T) {
	assert.Equal(t, daysFromCivil(1, 1, 1), int64(firstEpochDay))
	assert.Equal(t, daysFromCivil(9999, 12, 31), int64(lastEpochDay))
	assert.Equal(t, minDay, int64(firstEpochDay))
	assert.Equal(t, maxDay, int64(lastEpochDay))
	assert.Equal(t, int32(1), MustParseDay("0001-01-01").n)
	assert.Equal(t, int64(0), MustParseDay("1970-01-01").epoch())
}
