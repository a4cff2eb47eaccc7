package lifecycle_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
	"github.com/beiankit/beian/numbering"
)

// An app, mini-program or quick app added under a filed subject is filed as
// new internet information (新增互联网信息), as a website is: sms.NewWebsite,
// through the ISP, verification form within 7 working days,
// approval with its number from the subject's sequence.
func TestR70_NewAppFollowsTheNewWebsiteTransitions(t *testing.T) {
	cst := calendar.Location()
	isp := lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "华为云", Province: "44"}
	bureau := lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "44"}
	alloc := numbering.NewAllocator(numbering.NewMemoryStore())
	subject := numbering.MustParse("粤ICP备2023103620号")

	run := func(kind filing.AppKind) (lifecycle.State, error) {
		s := lifecycle.State{Type: sms.NewWebsite, ISP: "华为云", ISPProvince: "44", Province: "44"}
		events := []lifecycle.Event{
			{Action: lifecycle.ActionCreate, Actor: isp, At: time.Date(2026, 3, 2, 9, 0, 0, 0, cst)},
			{Action: lifecycle.ActionSubmit, Actor: isp, At: time.Date(2026, 3, 2, 10, 0, 0, 0, cst)},
			{Action: lifecycle.ActionVerify, Actor: isp, At: time.Date(2026, 3, 3, 10, 0, 0, 0, cst)},
		}
		for _, e := range events {
			var err error
			if s, err = lifecycle.Apply(s, e); err != nil {
				return s, err
			}
		}
		due, k, _, err := s.Due(nil)
		assert.NoError(t, err)
		assert.Equal(t, "R-23", k.RuleID(), "the verification form of added internet information")
		assert.Equal(t, "2026-03-12", due.Format(time.DateOnly))
		// Without the verification form the bureau cannot approve.
		_, err = lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: bureau, At: time.Date(2026, 3, 4, 10, 0, 0, 0, cst)})
		assert.Error(t, err)
		s, err = lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionFormReceived, Actor: bureau, At: time.Date(2026, 3, 5, 10, 0, 0, 0, cst)})
		require.NoError(t, err)
		n, err := alloc.NextApp(context.Background(), subject, kind)
		require.NoError(t, err)
		return lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: bureau, At: time.Date(2026, 3, 9, 10, 0, 0, 0, cst), Number: n.String()})
	}
	app, err := run(filing.AppKindApp)
	require.NoError(t, err)
	assert.Equal(t, filing.StatusApproved, app.Status)
	assert.Equal(t, "粤ICP备2023103620号-1A", app.Number)
	assert.True(t, app.Serving())

	mini, err := run(filing.AppKindMiniProgram)
	require.NoError(t, err)
	assert.Equal(t, "粤ICP备2023103620号-2X", mini.Number)
	assert.Len(t, mini.History, len(app.History), "same steps")

	// A later change keeps the app's number and access.
	ch, err := lifecycle.Apply(app, lifecycle.Event{Action: lifecycle.ActionStartChange, Actor: isp, At: time.Date(2026, 4, 1, 10, 0, 0, 0, cst)})
	require.NoError(t, err)
	assert.Equal(t, app.Number, ch.Number)
	assert.True(t, ch.Serving())
}
