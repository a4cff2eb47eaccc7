package numbering_test

import (
	"context"
	"fmt"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
)

// Apps, mini-programs and quick apps take their numbers from the subject's
// one sequence, websites included (R-42, R-75).
func ExampleAllocator_NextApp() {
	ctx := context.Background()
	alloc := numbering.NewAllocator(numbering.NewMemoryStore())
	subject := numbering.MustParse("黔ICP备2026001073号")
	site, _ := alloc.NextService(ctx, subject, numbering.ServiceWebsite)
	app, _ := alloc.NextApp(ctx, subject, filing.AppKindApp)
	mini, _ := alloc.NextApp(ctx, subject, filing.AppKindMiniProgram)
	quick, _ := alloc.NextApp(ctx, subject, filing.AppKindQuickApp)
	fmt.Println(site)
	fmt.Println(app)
	fmt.Println(mini)
	fmt.Println(quick)
	// Output:
	// 黔ICP备2026001073号-1
	// 黔ICP备2026001073号-2A
	// 黔ICP备2026001073号-3X
	// 黔ICP备2026001073号-4K
}
