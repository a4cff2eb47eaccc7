package formpdf_test

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/beiankit/beian/forms"
	"github.com/beiankit/beian/forms/formpdf"
)

// A portal prints an application for the applicant to sign and post: one
// A4 page, no browser header or footer, Chinese text in embedded fonts.
func ExampleNew() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	printer, err := formpdf.New(ctx, formpdf.Options{}) // finds chromium in PATH
	if err != nil {
		log.Fatal(err) // errors.Is(err, formpdf.ErrNoBrowser): install chromium
	}
	defer printer.Close()

	data, err := os.ReadFile("application.json") // a forms.Application, as forms.Encode wrote it
	if err != nil {
		log.Fatal(err)
	}
	app, err := forms.DecodeBytes(data)
	if err != nil {
		log.Fatal(err)
	}
	pdf, err := printer.Print(ctx, app)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("application.pdf", pdf, 0o644); err != nil {
		log.Fatal(err)
	}
}
