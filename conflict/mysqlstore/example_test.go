package mysqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"

	_ "github.com/go-sql-driver/mysql" // database/sql driver "mysql"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/mysqlstore"
)

// Portal instances behind a load balancer share one record set in MySQL,
// MariaDB, a Galera cluster or TiDB: each keeps its own Index through a
// Replica, and the database decides the races between them.
func ExampleNew() {
	db, err := sql.Open("mysql", os.Getenv("MYSQL_DSN")) // "user:pass@tcp(db.example:3306)/beian"
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	store := mysqlstore.New(db)
	if err := store.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	rep := conflict.NewReplica(store, conflict.New())
	n, err := rep.Load(ctx)
	if err != nil {
		log.Fatal(err) // errors.Is(err, mysqlstore.ErrUnavailable): the database is down; retry later
	}
	fmt.Println(n, "subjects on file")
}
