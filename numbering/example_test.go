package numbering_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/numbering"
)

func ExampleParse() {
	n, err := numbering.Parse(" 川ICP备 2021012345 号－2A ")
	if err != nil {
		panic(err)
	}
	fmt.Println(n, n.Kind(), n.ProvinceCode(), n.Year(), n.Sequence(), n.Suffix(), n.Service())
	fmt.Println(n.Subject())

	_, err = numbering.Parse("沪ICP备2021527689-3号")
	var pe *numbering.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Code, pe.RuneOffset)
		fmt.Println(pe.MessageZh())
	}
	// Output:
	// 蜀ICP备2021012345号-2A icp_filing 51 2021 12345 2 app
	// 蜀ICP备2021012345号
	// number.suffix_misplaced 15
	// 备案号格式不正确：网站序号应写在“号”字之后，例如“沪ICP备2021527689号-3”（第16个字符处）
}

func ExampleNumber_String() {
	for _, s := range []string{"京ＩＣＰ备０５００２５７１号—1", "蜀公网安备 51078202110037", "合字B2.B1-20130004"} {
		n, err := numbering.Parse(s)
		if err != nil {
			panic(err)
		}
		fmt.Println(n.String())
	}
	// Output:
	// 京ICP备05002571号-1
	// 川公网安备51078202110037号
	// 合字B1.B2-20130004
}

func ExampleFind() {
	footer := `©mi.com 京ICP证110507号 京ICP备10046444号 京公网安备11010802020134号 京网文[2014]0059-0009号`
	for _, n := range numbering.Find(footer) {
		fmt.Println(n.Kind(), n)
	}
	// Output:
	// icp_licence 京ICP证110507号
	// icp_filing 京ICP备10046444号
	// public_security 京公网安备11010802020134号
}

func ExampleAllocator() {
	ctx := context.Background()
	store := numbering.NewMemoryStore()
	alloc := numbering.NewAllocator(store)

	// A bureau migrating in continues after what it already issued.
	existing := numbering.MustParse("黔ICP备2026001072号-3")
	if err := alloc.Seed(ctx, func(yield func(numbering.Number) bool) { yield(existing) }); err != nil {
		panic(err)
	}

	approved := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	subject, _ := alloc.NextSubject(ctx, "贵州省", approved)
	site, _ := alloc.NextService(ctx, subject, numbering.ServiceWebsite)
	app, _ := alloc.NextService(ctx, subject, numbering.ServiceApp)
	more, _ := alloc.NextService(ctx, existing.Subject(), numbering.ServiceMiniProgram)
	fmt.Println(subject)
	fmt.Println(site)
	fmt.Println(app)
	fmt.Println(more)
	// Output:
	// 黔ICP备2026001073号
	// 黔ICP备2026001073号-1
	// 黔ICP备2026001073号-2A
	// 黔ICP备2026001072号-4X
}

// MustParse is for numbers known at compile time, in tests and examples; it
// panics on a string that is not a record number (R-40).
func ExampleMustParse() {
	n := numbering.MustParse("黔ICP备 2026001073 号－1")
	fmt.Println(n, n.Subject())
	defer func() { fmt.Println("panic:", recover() != nil) }()
	numbering.MustParse("黔ICP备1500041X号")
	// Output:
	// 黔ICP备2026001073号-1 黔ICP备2026001073号
	// panic: true
}
