package main

import (
	"os"

	"github.com/beiankit/beian/calendar"
)

// loadCalendar returns the working-day calendar of the run: the embedded
// State Council schedules, plus the schedule file at path when one is given
// (-schedule: a notice published after this release, e.g. next year's, in
// the format of calendar.ScheduleFile), with provisional years for a year
// without a notice unless strict (-strict).
func loadCalendar(path string, strict bool) (*calendar.Calendar, error) {
	if path == "" && !strict {
		return calendar.Default(), nil
	}
	var opts []calendar.Option
	if strict {
		opts = append(opts, calendar.WithStrict())
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err // *fs.PathError: "open <path>: no such file or directory"
		}
		opts = append(opts, calendar.WithSchedulesJSON(data))
	}
	return calendar.New(opts...)
}
