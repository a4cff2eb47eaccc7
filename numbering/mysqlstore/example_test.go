package mysqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"time"

	_ "github.com/go-sql-driver/mysql" // database/sql driver "mysql"

	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/mysqlstore"
)

// A bureau backend allocates record numbers from MySQL, MariaDB, a Galera
// cluster or TiDB: every server that opens the same database shares the
// sequences, and a restart never issues a number twice.
func ExampleNew() {
	// For example "user:pass@tcp(db.example:3306)/beian".
	db, err := sql.Open("mysql", os.Getenv("MYSQL_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	store := mysqlstore.New(db)
	if err := store.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	alloc := numbering.NewAllocator(store)
	n, err := alloc.NextSubject(ctx, "贵州", time.Now())
	if err != nil {
		log.Fatal(err) // errors.Is(err, mysqlstore.ErrUnavailable): the database is down; retry later
	}
	fmt.Println(n)
}
