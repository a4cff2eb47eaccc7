package pgstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/pgstore"
)

// A ledger on PostgreSQL shared by every instance of the portal.
func Example() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	store := pgstore.New(db)
	if err := store.Migrate(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	policy, _ := resource.PolicyNamed("alibaba")
	ledger, _ := resource.NewLedger(store, policy)
	_ = ledger // ledger.Issue, Redeem, Complete, Abandon, Grant ...
}
