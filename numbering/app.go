package numbering

import (
	"context"
	"strings"
)

// AppServiceKind returns the service kind of an app kind:
// ServiceApp for AppKindApp (-nA), ServiceMiniProgram for
// AppKindMiniProgram (-nX), ServiceQuickApp for AppKindQuickApp
// (-nK). The kind is read as filing.NormalizeApp reads it (case and
// surrounding space aside). ok is false for any other kind.
func AppServiceKind(k AppKind) (ServiceKind, bool) {
	switch AppKind(strings.ToLower(strings.TrimSpace(string(k)))) {
	case AppKindApp:
		return ServiceApp, true
	case AppKindMiniProgram:
		return ServiceMiniProgram, true
	case AppKindQuickApp:
		return ServiceQuickApp, true
	}
	return ServiceNone, false
}

// NextApp issues the record number of an app, mini-program or quick app
// approved under a subject: NextService with the kind's letter, from the
// subject's one sequence shared with its websites. subject
// may be an ICP filing number (黔ICP备2026001073号 gives …号-2A) or a licence
// number (粤B2-20090059 gives 粤B2-20090059-1626X). An unknown kind is an
// error matching CodeServiceKind.
func (a *Allocator) NextApp(ctx context.Context, subject Number, kind AppKind) (Number, error) {
	sk, ok := AppServiceKind(kind)
	if !ok {
		return Number{}, &AllocError{Code: CodeServiceKind, Detail: string(kind), Err: CodeServiceKind}
	}
	return a.NextService(ctx, subject, sk)
}
