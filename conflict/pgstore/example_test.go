package pgstore_test

import (
	"context"
	"database/sql"
	"log"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/conflict/pgstore"
	"github.com/beiankit/beian/filing"
)

// A portal instance behind a load balancer: its index loads from the
// database and follows it; Claim lets the database decide the race for a
// domain between instances.
func ExampleNew() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	store := pgstore.New(db)
	if err := store.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	replica := conflict.NewReplica(store, conflict.New())
	if _, err := replica.Load(ctx); err != nil {
		log.Fatal(err)
	}
	go replica.Follow(ctx, time.Second, func(err error) { log.Print(err) })

	var f *filing.Filing            // the validated filing
	var underReview conflict.Record // its record: the filing under review
	conflicts, err := replica.Claim(ctx, f, underReview)
	switch {
	case err != nil:
		log.Print(err)
	case len(conflicts) > 0:
		log.Print(guidance.For(conflicts[0]).Zh) // refuse, with the guidance
	}
}

// A bureau moves its national record set in, 500 records per transaction.
func ExampleStore_Import() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	export, err := os.Open("records.jsonl")
	if err != nil {
		log.Fatal(err)
	}
	defer export.Close()
	n, err := pgstore.New(db).Import(context.Background(), conflict.JSONL(export))
	log.Print(n, err)
}
