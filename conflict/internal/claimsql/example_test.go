package claimsql_test

import (
	"fmt"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/internal/claimsql"
)

// Import hands the adapter its batches: a second record of a subject
// already in the batch starts a new one, since a batch writes each subject
// once.
func ExampleImport() {
	records := func(yield func(conflict.Record, error) bool) {
		for _, r := range []conflict.Record{
			conflicttest.Pending("91520100MA6H7K2Q1D", "52", "example.com"),
			conflicttest.Pending("91110000600037341L", "11", "example.cn"),
			conflicttest.Pending("91520100MA6H7K2Q1D", "52", "example.com", "example.net"),
		} {
			if !yield(r, nil) {
				return
			}
		}
	}
	n, err := claimsql.Import(records, claimsql.Prepare,
		func(batch []claimsql.Prepared) error {
			fmt.Println("batch of", len(batch), "records")
			return nil
		},
		func(subject conflict.Key) error { return nil })
	fmt.Println(n, err)
	// Output:
	// batch of 2 records
	// batch of 1 records
	// 3 <nil>
}
