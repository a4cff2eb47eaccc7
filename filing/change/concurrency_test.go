package change_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing/change"
)

// TestR81_CheckConcurrent runs Check on shared filings from several
// goroutines (run with -race): it only reads its arguments and the tables.
func TestR81_CheckConcurrent(t *testing.T) {
	old := filed(t, "37")
	nw := clone(old)
	nw.Subject.Name, nw.Subject.CertNumber = "另一家科技有限公司", "91370000MA3XXXXX0X"
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				_, err := change.Check(old, nw, change.Options{})
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
}
