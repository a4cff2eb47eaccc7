package pgstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/pgstore"
)

// A bureau backend allocates record numbers from PostgreSQL: every server
// that opens the same database shares the sequences, and a restart never
// issues a number twice.
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
	alloc := numbering.NewAllocator(store)
	n, err := alloc.NextSubject(ctx, "贵州", time.Now())
	if err != nil {
		log.Fatal(err) // errors.Is(err, pgstore.ErrUnavailable): the database is down; retry later
	}
	fmt.Println(n)
}
